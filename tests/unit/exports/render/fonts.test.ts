/**
 * PDFs use only the packaged Noto Serif: a different face planted under the same family name where
 * Typst looks for machine fonts (HOME/.fonts, XDG_DATA_HOME/fonts) leaves the bytes unchanged.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../../..');
const work = mkdtempSync(join(tmpdir(), 'typst-fonts-'));
// Scripts live in the project, so they resolve its packages; the "machines" live in a temp folder.
const scripts = join(root, '.cache', `font-test-${process.pid}`);
mkdirSync(scripts, { recursive: true });
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(scripts, { recursive: true, force: true });
});

/** The offset of a table in a TrueType font. */
function tableOffset(font: Buffer, tag: string): number {
  for (let index = 0; index < font.readUInt16BE(4); index++) {
    const entry = 12 + 16 * index;
    if (font.toString('latin1', entry, entry + 4) === tag) return font.readUInt32BE(entry + 8);
  }
  throw new Error(`no ${tag} table`);
}

/**
 * A TrueType font renamed to family `family` (PostScript name `postscript`) and marked Medium
 * (weight 500): a weight the package does not ship, so a document asking for it would take this
 * face if Typst indexed it, and the test can see it.
 */
function renamedFont(original: Buffer, family: string, postscript: string): Buffer {
  const font = Buffer.from(original);
  font.writeUInt16BE(500, tableOffset(font, 'OS/2') + 4);
  const records: [number, string][] = [
    [1, family],
    [2, 'Medium'],
    [4, `${family} Medium`],
    [6, postscript],
    [16, family],
    [17, 'Medium'],
  ];
  const strings = records.map(([, text]) => Buffer.from(text, 'utf16le').swap16());
  const header = Buffer.alloc(6 + 12 * records.length);
  header.writeUInt16BE(0, 0);
  header.writeUInt16BE(records.length, 2);
  header.writeUInt16BE(header.length, 4);
  let offset = 0;
  records.forEach(([nameId], index) => {
    const at = 6 + 12 * index;
    header.writeUInt16BE(3, at); // Windows
    header.writeUInt16BE(1, at + 2); // Unicode BMP
    header.writeUInt16BE(0x409, at + 4); // English (US)
    header.writeUInt16BE(nameId, at + 6);
    header.writeUInt16BE((strings[index] as Buffer).length, at + 8);
    header.writeUInt16BE(offset, at + 10);
    offset += (strings[index] as Buffer).length;
  });
  const name = Buffer.concat([header, ...strings]);
  const tables = font.readUInt16BE(4);
  const out = Buffer.concat([font, Buffer.alloc((4 - (font.length % 4)) % 4), name]);
  for (let index = 0; index < tables; index++) {
    const entry = 12 + 16 * index;
    if (out.toString('latin1', entry, entry + 4) !== 'name') continue;
    out.writeUInt32BE(font.length + ((4 - (font.length % 4)) % 4), entry + 8);
    out.writeUInt32BE(name.length, entry + 12);
    return out;
  }
  throw new Error('no name table');
}

/** Runs a script in a fresh Node process whose machine font folders are under `home`. */
function run(script: string, home: string): string {
  const file = join(scripts, `script-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(file, script);
  const result = spawnSync(process.execPath, [file], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      HOME: home,
      XDG_DATA_HOME: join(home, 'xdg'),
      EXPORTS_CACHE_DIR: join(home, 'cache'),
    },
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout.trim();
}

const SOURCE =
  '#set text(font: "Noto Serif", fallback: false, lang: "vi")\\nTài liệu sinh hoạt chi bộ #text(weight: "medium")[tháng Mười Một]';

/** The project's compiler: prints the PDF's SHA-256 and whether the planted face is in it. */
const PROJECT = `
import { createHash } from 'node:crypto';
import { createTypstCompiler } from ${JSON.stringify(join(root, 'src/exports/typst.ts'))};
const compiler = createTypstCompiler();
const { pdf } = await compiler.compile('thu.pdf', '${SOURCE}', [], '2026-10-28');
await compiler.close();
console.log(JSON.stringify({ sha: createHash('sha256').update(pdf).digest('hex'), planted: Buffer.from(pdf).includes('PlantedSerif') }));
`;

/** Typst given no fonts of ours: shows which face it finds under the family name on this "machine". */
const CONTROL = `
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
const compiler = NodeCompiler.create({ workspace: '/control' });
const result = compiler.compile({ mainFileContent: '${SOURCE}' });
const document = result.result;
const pdf = document ? Buffer.from(compiler.pdf(document)) : Buffer.alloc(0);
console.log(JSON.stringify({ planted: pdf.includes('PlantedSerif') }));
`;

function home(name: string, planted: boolean): string {
  const dir = join(work, name);
  mkdirSync(join(dir, 'xdg'), { recursive: true });
  if (planted) {
    const other = readFileSync(
      join(root, 'node_modules/@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf'),
    );
    const clash = renamedFont(other, 'Noto Serif', 'PlantedSerif-Regular');
    for (const folder of [join(dir, '.fonts'), join(dir, '.local/share/fonts'), join(dir, 'xdg/fonts')]) {
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'NotoSerif-Regular.ttf'), clash);
    }
  }
  return dir;
}

describe('PDF fonts', () => {
  const clean = home('clean', false);
  const planted = home('planted', true);

  it('the planted face sits where Typst looks: a compiler without our fonts picks it up', () => {
    expect(JSON.parse(run(CONTROL, planted))).toEqual({ planted: true });
  }, 60_000);

  it('the project compiler ignores it: the same bytes with and without it', () => {
    const without = JSON.parse(run(PROJECT, clean)) as { sha: string; planted: boolean };
    const withPlanted = JSON.parse(run(PROJECT, planted)) as { sha: string; planted: boolean };
    expect(withPlanted.planted).toBe(false);
    expect(withPlanted.sha).toBe(without.sha);
  }, 60_000);
});
