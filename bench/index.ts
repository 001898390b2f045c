/**
 * `npm run bench [-- --months 12,120,600 --write-docs]`: builds generated archives (npm run gen) from
 * cold caches and prints the table of docs/performance.md: build time by stage, pages per second,
 * peak memory, dist/ size, median gzip transfer of a monthly issue and a section page with their
 * CSS/JS/fonts, the bytes of the first search (Chromium against nginx), and how build time grows.
 * Then runs `bench:search` and `bench:exports` when package.json has them.
 * `npm run bench -- --vs starlight` compares with a Starlight site instead (bench/vs-starlight.ts);
 * `npm run bench -- --astro-floor` measures how much of a rebuild is Astro's own (bench/astro-floor.ts).
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { StageTimings } from '../src/integrations/stage-timings.ts';
import { guardedContext, launchBrowser } from '../tests/support/browser.ts';
import { freePort, hasNginx, startNginx } from '../tests/support/nginx.ts';
import {
  benchDir as work,
  buildProject,
  endMonthFor,
  filesUnder,
  generateContent,
  median,
  projectBuild,
  removeBuildOutput,
  replaceBetweenMarkers,
  root,
} from './shared.ts';

const mode = parseArgs({
  options: { vs: { type: 'string' }, 'astro-floor': { type: 'boolean' } },
  strict: false,
}).values;
if (mode.vs !== undefined) {
  const { compareWithStarlight } = await import('./vs-starlight.ts');
  await compareWithStarlight(process.argv.slice(2));
  process.exit();
}
if (mode['astro-floor']) {
  const { measureAstroFloor } = await import('./astro-floor.ts');
  await measureAstroFloor(process.argv.slice(2));
  process.exit();
}

const { values } = parseArgs({
  options: {
    months: { type: 'string', default: '12,120,600' },
    seed: { type: 'string', default: '1' },
    query: { type: 'string', default: 'nong thon moi' },
    'write-docs': { type: 'boolean', default: false },
    'skip-others': { type: 'boolean', default: false },
  },
});
const sizes = values.months.split(',').map(Number);

/** One archive's figures. */
interface Row {
  months: number;
  pages: number;
  totalSeconds: number;
  stages: { start: number; astro: number; pagefind: number; exports: number; compression: number; other: number };
  peakMB: number;
  distMB: number;
  distFiles: number;
  monthKB: number;
  sectionKB: number;
  searchKB: number;
}

const kb = (bytes: number) => bytes / 1024;

/** Bytes a server sends for a file: its .gz when the build made one. */
function gzipBytes(dist: string, urlPath: string): number {
  const file = join(dist, decodeURIComponent(urlPath.split(/[?#]/)[0] ?? ''));
  if (existsSync(`${file}.gz`)) return statSync(`${file}.gz`).size;
  return existsSync(file) ? statSync(file).size : 0;
}

const cssCache = new Map<string, string[]>();
/** Fonts a stylesheet loads. */
function fontsOf(dist: string, css: string): string[] {
  if (!cssCache.has(css)) {
    const text = existsSync(join(dist, css)) ? readFileSync(join(dist, css), 'utf8') : '';
    cssCache.set(
      css,
      [...text.matchAll(/url\(["']?([^"')]+\.(?:woff2?|ttf|otf))["']?\)/g)].map(
        (match) => new URL(match[1] ?? '', `http://x${css}`).pathname,
      ),
    );
  }
  return cssCache.get(css) ?? [];
}

/** Gzip bytes of a page with the CSS, JS and fonts it loads on a first visit. */
function pageTransfer(dist: string, htmlFile: string): number {
  const html = readFileSync(htmlFile, 'utf8');
  const urlPath = `/${htmlFile.slice(dist.length + 1)}`;
  const assets = new Set<string>();
  for (const [, href = ''] of html.matchAll(/<link[^>]+rel="(?:stylesheet|modulepreload|preload)"[^>]*href="([^"]+)"/g))
    assets.add(href);
  for (const [, src = ''] of html.matchAll(/<script[^>]+src="([^"]+)"/g)) assets.add(src);
  for (const css of [...assets].filter((asset) => asset.endsWith('.css')))
    for (const font of fontsOf(dist, css)) assets.add(font);
  return (
    gzipBytes(dist, urlPath) +
    [...assets].filter((asset) => asset.startsWith('/')).reduce((sum, asset) => sum + gzipBytes(dist, asset), 0)
  );
}

/** Bytes of everything under /pagefind/ the search page fetches for its first query. */
async function firstSearchBytes(dist: string, query: string): Promise<number> {
  const port = await freePort();
  const server = await startNginx(dist, { port });
  const browser = await launchBrowser();
  try {
    const { context } = await guardedContext(browser, server.baseURL, {
      serviceWorkers: 'block',
      viewport: { width: 412, height: 823 },
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const urls = new Map<string, string>();
    let bytes = 0;
    cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
    cdp.on('Network.loadingFinished', (event) => {
      if (urls.get(event.requestId)?.includes('/pagefind/')) bytes += event.encodedDataLength;
    });
    await page.goto(`/tim-kiem/?q=${encodeURIComponent(query)}`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(1500);
    await context.close();
    return bytes;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Generates, builds from cold caches and measures one archive. */
async function measure(months: number): Promise<Row> {
  const endMonth = endMonthFor(months);
  const build = projectBuild(work, `-${months}`);
  const dist = build.dist;
  const timingsFile = join(work, `timings-${months}.json`);
  const exportsFile = join(work, `exports-${months}.jsonl`);
  removeBuildOutput(build);
  for (const path of [timingsFile, exportsFile]) rmSync(path, { force: true });
  await generateContent(build.content, { months, seed: Number(values.seed), endMonth });
  appendFileSync(exportsFile, '');

  // GNU time reports the peak resident memory of the build process.
  const { seconds: totalSeconds, peakMB } = buildProject(build, endMonth, {
    EXPORTS_TIMINGS: exportsFile,
    BUILD_TIMINGS_FILE: timingsFile,
  });
  const timings = JSON.parse(readFileSync(timingsFile, 'utf8')) as StageTimings;
  const hook = (pattern: RegExp) =>
    Object.entries(timings.doneHooks)
      .filter(([name]) => pattern.test(name))
      .reduce((sum, [, ms]) => sum + ms, 0) / 1000;
  // Exports render while Astro generates pages, on threads of their own (PDFs on the Typst thread,
  // Word files and ZIPs on the packer thread), so their time overlaps Astro's.
  const renders = readFileSync(exportsFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { ms: number });
  const exportsSeconds = renders.reduce((sum, render) => sum + render.ms, 0) / 1000;
  const start = (timings.buildStart ?? 0) / 1000;
  const rendered = ((timings.pagesGenerated ?? 0) - (timings.buildStart ?? 0)) / 1000;
  // Pagefind indexes beside the service worker, sitemap and CSP steps: the column is the wait for
  // it after them, what it adds to the build (its own time is `tasks` in the timings file).
  const pagefind = hook(/pagefind/);
  const compression = hook(/precompress/);
  const stages = {
    start,
    astro: rendered,
    pagefind,
    exports: exportsSeconds,
    compression,
    other: 0,
  };
  stages.other = Math.max(0, totalSeconds - stages.start - rendered - pagefind - compression);

  const files = filesUnder(dist);
  const html = files.filter((file) => file.endsWith('.html'));
  const monthPages = html.filter((file) => /\/thang\/\d{4}-\d{2}\/index\.html$/.test(file));
  const sectionPages = html.filter(
    (file) =>
      /\/thang\/\d{4}-\d{2}\/[a-z0-9-]+\/index\.html$/.test(file) &&
      !/\/(in|ke-hoach|tu-danh-gia|phan-dia-phuong|sinh-hoat-chuyen-de)\//.test(file),
  );
  return {
    months,
    pages: html.length,
    totalSeconds,
    stages,
    peakMB,
    distMB: files.reduce((sum, file) => sum + statSync(file).size, 0) / 1024 / 1024,
    distFiles: files.length,
    monthKB: kb(median(monthPages.map((file) => pageTransfer(dist, file)))),
    sectionKB: kb(median(sectionPages.map((file) => pageTransfer(dist, file)))),
    searchKB: hasNginx() ? kb(await firstSearchBytes(dist, values.query)) : Number.NaN,
  };
}

/** The Markdown table of the rows. */
function table(rows: Row[]): string {
  const f = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
  const header = [
    '| months | pages | build (s) | start | Astro | PDF/Word | Pagefind | compression | other | pages/s | peak memory (MB) | dist/ (MB, files) | month page (KB gzip) | section page (KB gzip) | first search (KB) |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const lines = rows.map(
    (row) =>
      `| ${row.months} | ${row.pages} | ${f(row.totalSeconds)} | ${f(row.stages.start)} | ${f(row.stages.astro)} | ${f(row.stages.exports)} | ${f(row.stages.pagefind)} | ${f(row.stages.compression)} | ${f(row.stages.other)} | ${f(row.pages / row.totalSeconds)} | ${f(row.peakMB, 0)} | ${f(row.distMB)} (${row.distFiles}) | ${f(row.monthKB)} | ${f(row.sectionKB)} | ${f(row.searchKB)} |`,
  );
  const at = (months: number) => rows.find((row) => row.months === months);
  const small = at(120);
  const large = at(600);
  const growth =
    small && large
      ? `\nBuild time per month: ${f((small.totalSeconds / 120) * 1000, 0)} ms at 120 months, ${f((large.totalSeconds / 600) * 1000, 0)} ms at 600 (×${f(large.totalSeconds / small.totalSeconds, 2)} the time for ×5 the months; linear is ×5.00).`
      : '';
  return [...header, ...lines].join('\n') + growth;
}

mkdirSync(work, { recursive: true });
const rows: Row[] = [];
for (const months of sizes) {
  console.error(`bench: ${months} months…`);
  rows.push(await measure(months));
  console.error(table(rows));
}
const output = table(rows);
console.log(output);
writeFileSync(join(work, 'results.json'), `${JSON.stringify(rows, null, 2)}\n`);

if (values['write-docs']) {
  const docs = join(root, 'docs/performance.md');
  const stamp = `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench\` (seed ${values.seed}).`;
  replaceBetweenMarkers(docs, 'bench', `${stamp}\n\n${output}`);
  console.error(`updated ${docs}`);
}

if (!values['skip-others']) {
  const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts;
  for (const name of ['bench:search', 'bench:exports']) {
    if (!scripts[name]) continue;
    console.error(`\nnpm run ${name}`);
    const result = spawnSync('npm', ['run', '--silent', name], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) process.exitCode = 1;
  }
}
