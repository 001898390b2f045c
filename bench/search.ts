/**
 * `npm run bench:search [-- --months 120 --archive <dir> --dist <built> --sample-dist <built> --keep]`:
 * the search budgets and relevance. Generates an archive (npm run gen --seed 1 --end 2026-11), builds it
 * once with stage timings (or reads a site already built with --dist), then measures:
 * - the bytes and requests of first queries, each in a fresh browser with an empty cache, and of a
 *   second query after the first (mobile viewport, served locally; text files counted
 *   gzip-compressed as a server sends them, Pagefind's binary files as is);
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

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    months: { type: 'string', default: '120' },
    archive: { type: 'string' },
    keep: { type: 'boolean', default: false },
    // A site already built from the archive (same clock): skips the build and its timings.
    dist: { type: 'string' },
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
const archive = resolve(values.archive ?? join(work, 'archive'));
const dist = values.dist ? resolve(values.dist) : join(work, 'dist');
const timingsFile = join(work, 'timings.json');
const env = {
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  CONTENT_DIR: archive,
  OUT_DIR: dist,
  ASTRO_CACHE_DIR: join(work, 'astro-cache'),
  EXPORTS_CACHE_DIR: join(work, 'exports-cache'),
  BUILD_TIMINGS_FILE: timingsFile,
  // The generated archive ends in 2026-11 with a draft 2026-12; judge it on that evening.
  BUILD_NOW: '2026-11-28T20:00:00+07:00',
};

/** Builds a site with the given environment; throws with its output when it fails. */
function spawnSyncChecked(buildEnv: NodeJS.ProcessEnv): void {
  const result = spawnSync(process.execPath, ['src/cli/build.ts'], {
    cwd: root,
    env: buildEnv,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout.slice(-4000)}${result.stderr.slice(-4000)}`);
}

function run(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) {
    console.error(result.stdout.slice(-4000), result.stderr.slice(-4000));
    throw new Error(`node ${args.join(' ')} failed (${result.status})`);
  }
  return (performance.now() - started) / 1000;
}

/** Bytes of the word index: the chunks and pf_meta (fragments and filters do not change). */
function indexBytes(bundle: string): { bytes: number; chunks: number } {
  const chunks = readdirSync(join(bundle, 'index'));
  const meta = readdirSync(bundle).filter((name) => name.endsWith('.pf_meta'));
  const bytes = [
    ...chunks.map((name) => join(bundle, 'index', name)),
    ...meta.map((name) => join(bundle, name)),
  ].reduce((sum, file) => sum + statSync(file).size, 0);
  return { bytes, chunks: chunks.length };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The newest month of the generated archive. */
const ARCHIVE_END = '2026-11';

if (!existsSync(archive)) {
  console.log(`Generating ${values.months} months into ${archive}…`);
  run(['src/cli/gen.ts', '--months', values.months, '--out', archive, '--seed', '1', '--end', ARCHIVE_END]);
}
let buildSeconds = Number.NaN;
let indexSeconds = Number.NaN;
if (!values.dist) {
  console.log('Building the archive (cold)…');
  buildSeconds = run(['src/cli/build.ts']);
  const timings = JSON.parse(readFileSync(timingsFile, 'utf8')) as { doneHooks: Record<string, number> };
  indexSeconds = (timings.doneHooks['portal:pagefind'] ?? Number.NaN) / 1000;
}

const site = indexBytes(join(dist, 'pagefind'));
const stockDir = join(work, 'pagefind-stock');
const chunkedDir = join(work, 'pagefind-chunked');
await buildSearchIndex(dist, { variant: 'stock', outputDir: stockDir });
await buildSearchIndex(dist, { variant: 'chunked', outputDir: chunkedDir });
const stock = indexBytes(stockDir);
const chunked = indexBytes(chunkedDir);
const pages = readdirSync(join(dist, 'pagefind', 'fragment')).length;

/** One query on the search page: every request it made, with the bytes a server would send. */
interface Transfer {
  path: string;
  /** gzip for text files, as any server sends them. */
  bytes: number;
  /** brotli for text files, as a server with the precompressed .br files sends them. */
  brotli: number;
}

// nginx with deploy/nginx.conf, as in production (it answers the multi-range requests of the word
// chunks); sirv where nginx is missing, whose single ranges make the chunks come one by one.
const server = hasNginx() ? await startNginx(dist) : await serveStatic(dist);
if (!hasNginx()) console.warn('nginx not found: serving with sirv, which answers one range per request');
const browser = await launchBrowser();
const foreign: string[] = [];

/** A fresh phone-sized browser (empty cache) on the search page, recording what /pagefind/ sends. */
async function openSearchPage(): Promise<{ page: Page; transfers: Transfer[]; close: () => Promise<void> }> {
  const { context, foreignRequests } = await guardedContext(browser, server.baseURL, {
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

/** Types a query into the search box and waits until the visible results are drawn and the network is quiet. */
async function query(page: Page, transfers: Transfer[], text: string): Promise<Transfer[]> {
  const input = page.locator('pagefind-input input');
  await input.fill('');
  await input.pressSequentially(text, { delay: 30 });
  await page.waitForFunction(
    (typed) => document.querySelector('pagefind-summary')?.textContent?.includes(typed),
    text,
    { timeout: 30_000 },
  );
  await page.locator('pagefind-results .search-result a').first().waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  return transfers.splice(0);
}

const total = (list: Transfer[], key: 'bytes' | 'brotli' = 'bytes') => list.reduce((sum, item) => sum + item[key], 0);
const describe = (list: Transfer[]) => list.map((item) => `    ${item.path.padEnd(58)} ${kb(item.bytes)}`).join('\n');

console.log(`\nArchive: ${values.months} months, ${pages} indexed pages (${archive})`);
const firstQueries = values.first.split(',').map((text) => text.trim());
for (const [i, text] of firstQueries.entries()) {
  const session = await openSearchPage();
  const first = await query(session.page, session.transfers, text);
  console.log(
    `\nFirst query "${text}": ${kb(total(first))} gzip, ${kb(total(first, 'brotli'))} brotli, in ${first.length} requests (budget 150 KB, 8 requests)\n${describe(first)}`,
  );
  if (i === 0) {
    const second = await query(session.page, session.transfers, values.second);
    console.log(
      `\nSecond query "${values.second}" after "${text}": ${kb(total(second))} gzip, ${kb(total(second, 'brotli'))} brotli, in ${second.length} requests (budget 60 KB)\n${describe(second)}`,
    );
  }
  await session.close();
}
await browser.close();
await server.close();
if (foreign.length > 0) throw new Error(`Foreign requests: ${foreign.join(', ')}`);

console.log(
  `\nWord index: site ${kb(site.bytes)} in ${site.chunks} chunks; stock Pagefind ${kb(stock.bytes)} in ${stock.chunks} chunks; re-chunked without đ/tone spellings ${kb(chunked.bytes)}`,
);
console.log(
  `  đ and tone-placement support: +${(((site.bytes - stock.bytes) / stock.bytes) * 100).toFixed(1)}% over stock (budget 15%), +${(((site.bytes - chunked.bytes) / chunked.bytes) * 100).toFixed(1)}% over the same chunking`,
);
if (!values.dist)
  console.log(
    `\nBuild: ${buildSeconds.toFixed(1)} s in all; indexing ${indexSeconds.toFixed(2)} s = ${((indexSeconds / buildSeconds) * 100).toFixed(1)}% (budget 15%)`,
  );

let sampleDist = values['sample-dist'] ? resolve(values['sample-dist']) : '';
if (!sampleDist) {
  console.log('\nBuilding the sample content for the relevance set…');
  sampleDist = join(work, 'sample-dist');
  spawnSyncChecked({ ...env, CONTENT_DIR: join(root, 'content'), OUT_DIR: sampleDist, BUILD_TIMINGS_FILE: '' });
}
await measureRelevance('sample content', sampleDist, sampleCases);
await measureRelevance(`${values.months}-month archive`, dist, (pages) => archiveCases(pages, ARCHIVE_END));

if (!values.keep) rmSync(work, { recursive: true, force: true });
else console.log(`\nKept ${work}`);
