/**
 * `npm run bench:exports [-- --months 120 --archive <dir>]`: how long the PDF and Word exports take.
 * Generates an archive (npm run gen), builds it with an empty export cache (cold), again unchanged
 * (warm), then after editing one month; reports the median time per month for PDF and Word and the
 * rebuild times. Timings come from the renders themselves (EXPORTS_TIMINGS), so cache hits cost 0.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    months: { type: 'string', default: '120' },
    archive: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

const work = mkdtempSync(join(tmpdir(), 'bench-exports-'));
// The build folders stay inside the project: Astro bundles a build whose outDir lies outside the
// working directory into the shared .astro/ folder, where parallel builds overwrite each other.
mkdirSync(join(root, '.cache'), { recursive: true });
const builds = mkdtempSync(join(root, '.cache', 'bench-exports-'));
const archive = resolve(values.archive ?? join(work, 'archive'));
const timings = join(work, 'timings.jsonl');
const env = {
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  CONTENT_DIR: archive,
  OUT_DIR: join(builds, 'dist'),
  ASTRO_CACHE_DIR: join(builds, 'astro-cache'),
  EXPORTS_CACHE_DIR: join(builds, 'exports-cache'),
  EXPORTS_TIMINGS: timings,
  // The generated archive ends in 2026-11 with a draft 2026-12; judge it on that evening.
  BUILD_NOW: '2026-11-28T20:00:00+07:00',
};

interface Timing {
  kind: string;
  id: string;
  format: string;
  ms: number;
}

function run(command: string, args: string[]): number {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: root, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) {
    console.error(result.stdout.slice(-4000), result.stderr.slice(-4000));
    throw new Error(`${command} ${args.join(' ')} failed (${result.status})`);
  }
  return (performance.now() - started) / 1000;
}

/** Builds the archive and returns the wall time and the renders that missed the cache. */
function build(label: string): { seconds: number; renders: Timing[] } {
  rmSync(timings, { force: true });
  appendFileSync(timings, '');
  const seconds = run(process.execPath, ['src/cli/build.ts']);
  const renders = readFileSync(timings, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Timing);
  console.error(`${label}: ${seconds.toFixed(1)} s, ${renders.length} renders`);
  return { seconds, renders };
}

function median(numbers: readonly number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length === 0
    ? Number.NaN
    : sorted.length % 2
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function percentile(numbers: readonly number[], p: number): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const monthly = (renders: readonly Timing[], format: string) =>
  renders.filter((item) => item.kind === 'month' && item.format === format).map((item) => item.ms);
const sum = (numbers: readonly number[]) => numbers.reduce((total, value) => total + value, 0);

try {
  if (!values.archive) {
    mkdirSync(archive, { recursive: true });
    run('npm', ['run', '--silent', 'gen', '--', '--months', values.months, '--out', archive]);
  }

  const cold = build('cold build, empty export cache');
  const coldPdf = monthly(cold.renders, 'pdf');
  const coldDocx = monthly(cold.renders, 'docx');
  console.error(
    `  PDF per month: median ${Math.round(median(coldPdf))} ms over ${coldPdf.length}; Word per month: median ${Math.round(median(coldDocx))} ms over ${coldDocx.length}`,
  );
  const warm = build('rebuild, nothing changed');

  // Edit the body of one public month, as an editor fixing a sentence would.
  const months = readdirSync(join(archive, 'thang')).sort();
  const month = months[months.length - 2] ?? months[0] ?? '';
  const section = readdirSync(join(archive, 'thang', month)).find((name) => /^\d+-.+\.mdx$/.test(name)) ?? 'index.mdx';
  appendFileSync(
    join(archive, 'thang', month, section),
    `\nĐoạn bổ sung khi đo hiệu năng lúc ${new Date().toISOString()}.\n`,
  );
  const touched = build(`rebuild after editing ${month}/${section}`);

  const pdf = coldPdf;
  const docx = coldDocx;
  const result = {
    months: pdf.length,
    coldBuildSeconds: Number(cold.seconds.toFixed(1)),
    coldExportSeconds: Number((sum(cold.renders.map((item) => item.ms)) / 1000).toFixed(1)),
    pdfMedianMsPerMonth: Math.round(median(pdf)),
    pdfP90MsPerMonth: Math.round(percentile(pdf, 90)),
    docxMedianMsPerMonth: Math.round(median(docx)),
    docxP90MsPerMonth: Math.round(percentile(docx, 90)),
    warmRebuildSeconds: Number(warm.seconds.toFixed(1)),
    warmRenders: warm.renders.length,
    touchedRebuildSeconds: Number(touched.seconds.toFixed(1)),
    touchedRenders: touched.renders.map((item) => `${item.kind} ${item.id} ${item.format}`),
    touchedExportMs: Math.round(sum(touched.renders.map((item) => item.ms))),
  };
  console.log(
    [
      `| measure (${result.months} public months) | value |`,
      '| --- | --- |',
      `| PDF per month, median (p90) | ${result.pdfMedianMsPerMonth} ms (${result.pdfP90MsPerMonth} ms) |`,
      `| Word per month, median (p90) | ${result.docxMedianMsPerMonth} ms (${result.docxP90MsPerMonth} ms) |`,
      `| cold build, empty export cache | ${result.coldBuildSeconds} s (exports ${result.coldExportSeconds} s) |`,
      `| rebuild, nothing changed | ${result.warmRebuildSeconds} s (${result.warmRenders} renders) |`,
      `| rebuild after editing one month | ${result.touchedRebuildSeconds} s (${result.touchedRenders.length} renders, ${result.touchedExportMs} ms: ${result.touchedRenders.join(', ')}) |`,
    ].join('\n'),
  );
  console.log(JSON.stringify(result));
} finally {
  for (const dir of [work, builds]) {
    if (!values.keep && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    else console.error(`kept ${dir}`);
  }
}
