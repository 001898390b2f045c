/**
 * `npm run bench:search [-- --months 120 --archive <dir> --dist <built> --reindex --sample-dist <built> --keep]`:
 * the search budgets and relevance. Generates an archive (npm run gen --seed 1, ending in 2026-11, or
 * later for an archive too long to start in 1981, as `npm run bench` does), builds it once with stage
 * timings (or reads a site already built with --dist), then measures:
 * - the bytes and requests of first queries, each in a fresh browser with an empty cache, and of a
 *   second query after the first (mobile viewport, served locally by nginx; text files counted
 *   gzip-compressed as a server sends them, Pagefind's binary files as is). The first query's budget
 *   counts what loads until its first screen of results has drawn (the page marks that moment,
 *   FIRST_SCREEN_MARK); the results further down, which the page then loads in order, are reported
 *   apart. `--typing-delay` types slower than the page's debounce, so every prefix is searched;
 * - `--months 12,120,600`: the first queries at each size, in one table (`--dist` then lists the
 *   built sites in the same order); relevance runs on the 120-month archive, or the first given;
 * - the word-index bytes of the site's index against stock Pagefind on the same pages;
 * - the share of the whole build spent indexing;
 * - relevance (bench/search-relevance.ts): top-1, top-3 and MRR of stock Pagefind, the search before
 *   phrase ranking and the site's search, on the sample content (content/, built here or read from
 *   --sample-dist) and on the archive.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { buildSearchIndex } from '../src/integrations/pagefind.ts';
import type { Page } from 'playwright-core';
import { launchBrowser, guardedContext } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/static-server.ts';
import { hasNginx, startNginx } from '../tests/support/nginx.ts';
import { archiveCases, measureRelevance, sampleCases } from './search-relevance.ts';
import { FIRST_SCREEN_MARK, RANGES_PREFIX } from '../src/lib/search/bundle.ts';
import { OLDER_FOLDER } from '../src/lib/search/periods.ts';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  allowNegative: true,
  options: {
    months: { type: 'string', default: '120' },
    // Milliseconds between key presses; above the input's debounce (400 ms, SearchPanel.astro) every prefix is searched.
    'typing-delay': { type: 'string', default: '30' },
    // --no-relevance: the byte budgets only.
    relevance: { type: 'boolean', default: true },
    archive: { type: 'string' },
    keep: { type: 'boolean', default: false },
    // A site already built from the archive (same clock): skips the build and its timings.
    dist: { type: 'string' },
    // --reindex: rebuild the search index of each --dist site first (its pages and scripts stay as built).
    reindex: { type: 'boolean', default: false },
    // The sample content already built: skips its build for the relevance set.
    'sample-dist': { type: 'string' },
    // Comma-separated; each is typed into a fresh browser with an empty cache.
    first: { type: 'string', default: 'dang vien,nong thon moi,hoc tap lam theo Bac,chi bo nong thon vung bien gioi' },
    second: { type: 'string', default: 'hoc tap lam theo Bac' },
  },
});

// Inside the project: Astro bundles a build whose outDir is outside it into the shared .astro/ folder.
mkdirSync(join(root, '.cache'), { recursive: true });
const work = mkdtempSync(join(root, '.cache', 'bench-search-'));
const monthsList = values.months.split(',').map((item) => Number(item.trim()));
if (monthsList.some((months) => !Number.isInteger(months) || months < 1))
  throw new Error(`--months: whole numbers, comma-separated (got "${values.months}")`);
const distList = values.dist ? values.dist.split(',').map((item) => resolve(item.trim())) : [];
if (values.dist && distList.length !== monthsList.length)
  throw new Error(`--dist names ${distList.length} sites for ${monthsList.length} archive sizes`);
if (values.archive && monthsList.length > 1) throw new Error('--archive takes one archive: give one --months');
const typingDelay = Number(values['typing-delay']);

/** The newest month of a generated archive: 2026-11, or later when the archive could not start in 1981 (bench/index.ts). */
function endMonthFor(months: number): string {
  const first = 1981 * 12;
  const end = Math.max(2026 * 12 + 10, first + months - 1);
  return `${Math.floor(end / 12)}-${String((end % 12) + 1).padStart(2, '0')}`;
}

/** The build's environment for one archive, judged on the evening of its newest month (its draft follows). */
function buildEnv(archive: string, dist: string, months: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    CONTENT_DIR: archive,
    OUT_DIR: dist,
    ASTRO_CACHE_DIR: join(work, `astro-cache-${months}`),
    EXPORTS_CACHE_DIR: join(work, 'exports-cache'),
    BUILD_TIMINGS_FILE: join(work, `timings-${months}.json`),
    BUILD_NOW: `${endMonthFor(months)}-28T20:00:00+07:00`,
  };
}

/** Builds a site with the given environment; throws with its output when it fails. */
function spawnSyncChecked(env: NodeJS.ProcessEnv): void {
  const result = spawnSync(process.execPath, ['src/cli/build.ts'], {
    cwd: root,
    env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout.slice(-4000)}${result.stderr.slice(-4000)}`);
}

function run(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) {
    console.error(result.stdout.slice(-4000), result.stderr.slice(-4000));
    throw new Error(`node ${args.join(' ')} failed (${result.status})`);
  }
  return (performance.now() - started) / 1000;
}

/**
 * Bytes of the word index: the chunks and pf_meta (fragments and filters do not change), the older
 * period's bundle (src/lib/search/periods.ts) included.
 */
function indexBytes(bundle: string): { bytes: number; chunks: number } {
  const chunks = readdirSync(join(bundle, 'index'));
  const meta = readdirSync(bundle).filter((name) => name.endsWith('.pf_meta'));
  const bytes = [
    ...chunks.map((name) => join(bundle, 'index', name)),
    ...meta.map((name) => join(bundle, name)),
  ].reduce((sum, file) => sum + statSync(file).size, 0);
  const older = join(bundle, OLDER_FOLDER);
  if (!existsSync(older)) return { bytes, chunks: chunks.length };
  const olderIndex = indexBytes(older);
  return { bytes: bytes + olderIndex.bytes, chunks: chunks.length + olderIndex.chunks };
}

/** Bytes of the files in the bundle's top folder whose names start with the prefix (the joined chunk file). */
function prefixedBytes(bundle: string, prefix: string): number {
  return readdirSync(bundle)
    .filter((name) => name.startsWith(prefix) && name.endsWith('.pf_pack'))
    .reduce((sum, name) => sum + statSync(join(bundle, name)).size, 0);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** One query on the search page: every request it made, with the bytes a server would send. */
interface Transfer {
  path: string;
  /** gzip for text files, as any server sends them. */
  bytes: number;
  /** brotli for text files, as a server with the precompressed .br files sends them. */
  brotli: number;
  /** Started after the first screen of results had drawn: a result further down. */
  later: boolean;
}

// nginx with deploy/nginx.conf, as in production (it answers the multi-range requests of the word
// chunks); sirv where nginx is missing, whose single ranges make the chunks come one by one.
const browser = await launchBrowser();
const foreign: string[] = [];

/** A fresh phone-sized browser (empty cache) on the search page, recording what /pagefind/ sends. */
async function openSearchPage(
  baseURL: string,
): Promise<{ page: Page; transfers: Transfer[]; close: () => Promise<void> }> {
  const { context, foreignRequests } = await guardedContext(browser, baseURL, {
    viewport: { width: 390, height: 844 },
    isMobile: true,
  });
  const page = await context.newPage();
  const transfers: Transfer[] = [];
  page.on('response', async (response) => {
    const path = new URL(response.url()).pathname;
    if (!path.startsWith('/pagefind/')) return;
    const body = await response.body().catch(() => Buffer.alloc(0));
    const text = /\.(js|css|json)$/.test(path);
    // Pagefind's own files are gzip inside already: a server sends them as they are.
    transfers.push({
      path,
      bytes: text ? gzipSync(body, { level: 6 }).byteLength : body.byteLength,
      brotli: text ? brotliCompressSync(body).byteLength : body.byteLength,
      later: false,
    });
  });
  await page.goto('/tim-kiem/');
  await page.waitForLoadState('networkidle');
  return {
    page,
    transfers,
    close: async () => {
      foreign.push(...foreignRequests);
      await context.close();
    },
  };
}

/**
 * Types a query into the search box and waits until the results are drawn (the first screen, then
 * those the page loads further down) and the network is quiet. Marks the transfers started after the
 * first screen had drawn, by the page's own resource timings.
 */
async function query(page: Page, transfers: Transfer[], text: string, delay = typingDelay): Promise<Transfer[]> {
  await page.evaluate((mark) => {
    performance.clearMarks(mark);
    performance.clearResourceTimings();
  }, FIRST_SCREEN_MARK);
  const input = page.locator('pagefind-input input');
  await input.fill('');
  await input.pressSequentially(text, { delay });
  await page.waitForFunction(
    (typed) => document.querySelector('pagefind-summary')?.textContent?.includes(typed),
    text,
    { timeout: 30_000 },
  );
  await page.locator('pagefind-results .search-result a').first().waitFor({ timeout: 30_000 });
  // A site built before the page marked its first screen counts everything as first screen.
  await page
    .waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, FIRST_SCREEN_MARK, { timeout: 10_000 })
    .catch(() => console.warn('  (no first-screen mark: every transfer counts as first screen)'));
  // The results further down load after the first screen, up to three screens down: wait for them.
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('pagefind-results .search-result--loading')].every(
        (slot) => slot.getBoundingClientRect().top >= window.innerHeight * 3,
      ),
    undefined,
    { timeout: 30_000 },
  );
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const later = await page.evaluate((mark) => {
    const marks = performance.getEntriesByName(mark);
    if (marks.length === 0) return [];
    const at = Math.max(...marks.map((entry) => entry.startTime));
    const started = new Map<string, number>();
    for (const entry of performance.getEntriesByType('resource')) {
      const path = new URL(entry.name).pathname;
      if (!started.has(path)) started.set(path, entry.startTime);
    }
    return [...started].filter(([, time]) => time > at).map(([path]) => path);
  }, FIRST_SCREEN_MARK);
  const done = transfers.splice(0);
  for (const transfer of done) transfer.later = later.includes(transfer.path);
  return done;
}

const total = (list: Transfer[], key: 'bytes' | 'brotli' = 'bytes') => list.reduce((sum, item) => sum + item[key], 0);
const describe = (list: Transfer[]) =>
  list.map((item) => `    ${item.path.padEnd(58)} ${kb(item.bytes)}${item.later ? '  (further down)' : ''}`).join('\n');

/** One row of the first-query table. */
interface Row {
  months: number;
  pages: number;
  query: string;
  first: Transfer[];
  later: Transfer[];
}
const rows: Row[] = [];
let relevanceDist = '';
let relevanceEnd = '';
let relevanceMonths = 0;

for (const [index, months] of monthsList.entries()) {
  const archive = resolve(values.archive ?? join(work, `archive-${months}`));
  const dist = distList[index] ?? join(work, `dist-${months}`);
  const end = endMonthFor(months);
  const env = buildEnv(archive, dist, months);
  if (!existsSync(archive) && !distList[index]) {
    console.log(`Generating ${months} months into ${archive}…`);
    run(['src/cli/gen.ts', '--months', String(months), '--out', archive, '--seed', '1', '--end', end]);
  }
  let buildSeconds = Number.NaN;
  let indexSeconds = Number.NaN;
  if (!distList[index]) {
    console.log(`Building the ${months}-month archive (cold)…`);
    buildSeconds = run(['src/cli/build.ts'], env);
    const timings = JSON.parse(readFileSync(join(work, `timings-${months}.json`), 'utf8')) as {
      tasks?: Record<string, number>;
    };
    indexSeconds = (timings.tasks?.['portal:pagefind'] ?? Number.NaN) / 1000;
  }

  if (values.reindex && distList[index]) {
    console.log(`Reindexing ${dist}…`);
    await buildSearchIndex(dist);
  }
  const server = hasNginx() ? await startNginx(dist) : await serveStatic(dist);
  if (!hasNginx()) console.warn('nginx not found: serving with sirv, which answers one range per request');
  const recentPages = readdirSync(join(dist, 'pagefind', 'fragment')).length;
  const olderFragments = join(dist, 'pagefind', OLDER_FOLDER, 'fragment');
  const olderPages = existsSync(olderFragments) ? readdirSync(olderFragments).length : 0;
  const pages = recentPages + olderPages;
  console.log(
    `\nArchive: ${months} months to ${end}, ${pages} indexed pages, ${recentPages} in the newest period's bundle (the first query's), ${olderPages} in the older one (${archive})`,
  );
  const firstQueries = values.first.split(',').map((text) => text.trim());
  for (const [i, text] of firstQueries.entries()) {
    const session = await openSearchPage(server.baseURL);
    const all = await query(session.page, session.transfers, text);
    const first = all.filter((item) => !item.later);
    const later = all.filter((item) => item.later);
    rows.push({ months, pages, query: text, first, later });
    console.log(
      `\nFirst query "${text}" (${typingDelay} ms a key): first screen ${kb(total(first))} gzip, ${kb(total(first, 'brotli'))} brotli, in ${first.length} requests (budget 150 KB, 8 requests at 120 months); results further down ${kb(total(later))} in ${later.length}\n${describe(all)}`,
    );
    if (i === 0) {
      const second = await query(session.page, session.transfers, values.second);
      const secondFirst = second.filter((item) => !item.later);
      console.log(
        `\nSecond query "${values.second}" after "${text}": first screen ${kb(total(secondFirst))} gzip, ${kb(total(secondFirst, 'brotli'))} brotli, in ${secondFirst.length} requests (budget 60 KB); with the results further down ${kb(total(second))} in ${second.length}\n${describe(second)}`,
      );
    }
    await session.close();
  }
  await server.close();

  const bundle = join(dist, 'pagefind');
  const site = indexBytes(bundle);
  const stockDir = join(work, `pagefind-stock-${months}`);
  const chunkedDir = join(work, `pagefind-chunked-${months}`);
  await buildSearchIndex(dist, { variant: 'stock', outputDir: stockDir });
  await buildSearchIndex(dist, { variant: 'chunked', outputDir: chunkedDir });
  const stock = indexBytes(stockDir);
  const chunked = indexBytes(chunkedDir);
  console.log(
    `\nWord index: site ${kb(site.bytes)} in ${site.chunks} chunks; stock Pagefind ${kb(stock.bytes)} in ${stock.chunks} chunks; re-chunked without đ/tone spellings ${kb(chunked.bytes)}`,
  );
  console.log(
    `  đ and tone-placement support: +${(((site.bytes - stock.bytes) / stock.bytes) * 100).toFixed(1)}% over stock (budget 15%), +${(((site.bytes - chunked.bytes) / chunked.bytes) * 100).toFixed(1)}% over the same chunking`,
  );
  console.log(`  joined chunk file (one request for a query's chunks): ${kb(prefixedBytes(bundle, RANGES_PREFIX))}`);
  if (!distList[index])
    console.log(
      `\nBuild: ${buildSeconds.toFixed(1)} s in all; indexing ${indexSeconds.toFixed(2)} s = ${((indexSeconds / buildSeconds) * 100).toFixed(1)}% (budget 15%)`,
    );
  if (!relevanceDist || months === 120) {
    relevanceDist = dist;
    relevanceEnd = end;
    relevanceMonths = months;
  }
}
await browser.close();
if (foreign.length > 0) throw new Error(`Foreign requests: ${foreign.join(', ')}`);

console.log(
  `\nFirst query, first screen (gzip; brotli as nginx sends it; requests), typed ${typingDelay} ms a key on a phone screen; the results further down apart:\n`,
);
console.log(
  '| months | pages | query | first screen (KB gzip) | (KB brotli) | requests | further down (KB, requests) |',
);
console.log('| ---: | ---: | --- | ---: | ---: | ---: | ---: |');
for (const row of rows)
  console.log(
    `| ${row.months} | ${row.pages} | ${row.query} | ${(total(row.first) / 1024).toFixed(1)} | ${(total(row.first, 'brotli') / 1024).toFixed(1)} | ${row.first.length} | ${(total(row.later) / 1024).toFixed(1)}, ${row.later.length} |`,
  );

if (values.relevance) {
  let sampleDist = values['sample-dist'] ? resolve(values['sample-dist']) : '';
  if (!sampleDist) {
    console.log('\nBuilding the sample content for the relevance set…');
    sampleDist = join(work, 'sample-dist');
    spawnSyncChecked({
      ...buildEnv(join(root, 'content'), sampleDist, 120),
      BUILD_TIMINGS_FILE: '',
      ASTRO_CACHE_DIR: join(work, 'astro-cache-sample'),
    });
  }
  await measureRelevance('sample content', sampleDist, sampleCases);
  await measureRelevance(`${relevanceMonths}-month archive`, relevanceDist, (pages) =>
    archiveCases(pages, relevanceEnd),
  );
}

if (!values.keep) rmSync(work, { recursive: true, force: true });
else console.log(`\nKept ${work}`);
