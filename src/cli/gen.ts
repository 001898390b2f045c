/**
 * `npm run gen -- --months 120 --out <dir> [--seed N] [--end YYYY-MM] [--no-draft]`:
 * writes a synthetic archive (src/lib/synthetic/archive.ts) as a content root for CONTENT_DIR.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { generateArchive, type GeneratedFile } from '../lib/synthetic/archive.ts';

const MARKER = '.generated-archive.json';

/** Renders a generated picture: a few flat shapes on a coloured ground, as a small JPEG. */
function renderImage(file: Extract<GeneratedFile, { kind: 'image' }>): Promise<Buffer> {
  const { width, height, hue, shapes } = file;
  const items = Array.from({ length: shapes }, (_, index) => {
    const x = ((index * 197 + hue * 7) % width) | 0;
    const y = ((index * 131 + hue * 3) % height) | 0;
    const r = 30 + ((index * 53 + hue) % 120);
    const shade = (hue + index * 40) % 360;
    return index % 2 === 0
      ? `<circle cx="${x}" cy="${y}" r="${r}" fill="hsl(${shade},60%,55%)"/>`
      : `<rect x="${x}" y="${y}" width="${r * 2}" height="${r}" fill="hsl(${shade},45%,35%)"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="hsl(${hue},35%,85%)"/>${items}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

/** Writes every file under `out`; images are rendered a few at a time. */
export async function writeArchive(files: readonly GeneratedFile[], out: string): Promise<void> {
  const images: Extract<GeneratedFile, { kind: 'image' }>[] = [];
  for (const file of files) {
    const target = join(out, file.path);
    mkdirSync(dirname(target), { recursive: true });
    if (file.kind === 'image') images.push(file);
    else writeFileSync(target, file.text, file.kind === 'pdf' ? 'latin1' : 'utf8');
  }
  for (let start = 0; start < images.length; start += 8) {
    await Promise.all(
      images.slice(start, start + 8).map(async (file) => writeFileSync(join(out, file.path), await renderImage(file))),
    );
  }
}

/** Empties `out` if it is missing, empty or an earlier generated archive; refuses anything else. */
function prepareOut(out: string): void {
  if (existsSync(out) && readdirSync(out).length > 0) {
    if (!existsSync(join(out, MARKER))) {
      throw new Error(`${out} is not empty and was not made by npm run gen; choose another --out`);
    }
    rmSync(out, { recursive: true, force: true });
  }
  mkdirSync(out, { recursive: true });
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
  const { values } = parseArgs({
    options: {
      months: { type: 'string', default: '120' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      end: { type: 'string', default: '2026-11' },
      'no-draft': { type: 'boolean', default: false },
    },
  });
  if (!values.out) {
    console.error('usage: npm run gen -- --months 120 --out <dir> [--seed N] [--end YYYY-MM] [--no-draft]');
    process.exit(2);
  }
  const out = resolve(values.out);
  const options = {
    months: Number(values.months),
    seed: Number(values.seed),
    endMonth: values.end,
    draftNext: !values['no-draft'],
  };
  const started = performance.now();
  const files = generateArchive(options);
  prepareOut(out);
  await writeArchive(files, out);
  writeFileSync(join(out, MARKER), `${JSON.stringify(options, null, 2)}\n`);
  const pages = files.filter((file) => file.path.endsWith('.mdx')).length;
  console.log(
    `${out}: ${options.months} months, ${pages} MDX files, ${files.length} files in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
