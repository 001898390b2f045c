/**
 * Builds /sw.js after the site is built: bundles src/scripts/service-worker.ts (Workbox) and
 * injects the precache list: the offline page, the offline list, the favicon, and the stylesheets
 * and scripts that the home page and this month's pages use.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build as viteBuild } from 'vite';
import { assetUrlsInHtml, OFFLINE_PAGE_FILE } from '../lib/reach/offline.ts';
import { routes } from '../lib/content/routes.ts';
import { eachFile, siteFiles } from './each-file.ts';

const SOURCE = fileURLToPath(new URL('../scripts/service-worker.ts', import.meta.url));

/** Every file under a folder, sorted. */
async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * What the worker's bundle is made from: its script, the lib and i18n code it may import, and the
 * installed packages (Workbox, Vite). A content edit leaves it alone, so the bundle is reused.
 */
async function bundleKey(): Promise<string> {
  const hash = createHash('sha256');
  const sources = [SOURCE, ...(await filesIn(resolve('src/lib'))), ...(await filesIn(resolve('src/i18n')))];
  const files = [...sources, resolve('package-lock.json')];
  const contents = await eachFile(files, (file) => readFile(file).catch(() => ''));
  for (const [i, file] of files.entries()) hash.update(file).update(contents[i] ?? '');
  return hash.digest('hex');
}

/** The path of the built HTML of a page URL ("/thang/2026-11/" → "thang/2026-11/index.html"). */
const htmlFileOf = (url: string) => `${url.replace(/^\//, '')}index.html`;

/** Bundles the worker script (Workbox included) into `work`/sw.js. */
async function bundle(work: string): Promise<void> {
  await viteBuild({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    // Workbox keeps its development logging behind this flag.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: work,
      emptyOutDir: true,
      minify: true,
      lib: { entry: SOURCE, formats: ['iife'], name: 'portalServiceWorker', fileName: () => 'sw.js' },
    },
  });
}

/** The Astro integration that writes dist/sw.js. */
export function serviceWorker(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'portal:service-worker',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = join(fileURLToPath(config.cacheDir), 'service-worker');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        const work = await mkdtemp(join(tmpdir(), 'portal-sw-'));
        try {
          // The bundle before the precache list goes in, kept from the last build while its sources are the same.
          const cached = join(cacheDir, `${await bundleKey()}.js`);
          const reused = await copyFile(cached, join(work, 'sw.js')).then(
            () => true,
            () => false,
          );
          if (!reused) {
            await bundle(work);
            // Only the current bundle is kept.
            await rm(cacheDir, { recursive: true, force: true });
            await mkdir(dirname(cached), { recursive: true });
            await copyFile(join(work, 'sw.js'), `${cached}.tmp`);
            await rename(`${cached}.tmp`, cached);
          }
          logger.info(reused ? 'sw.js: bundle reused from the last build' : 'sw.js: bundled');
          const listFile = routes.offlineList().slice(1);
          const { pages } = JSON.parse(await readFile(join(distDir, listFile), 'utf8')) as { pages: string[] };
          const htmlOfPages = await Promise.all(
            [...pages.map(htmlFileOf), OFFLINE_PAGE_FILE.slice(1)].map((file) => readFile(join(distDir, file), 'utf8')),
          );
          const assets = [...new Set(htmlOfPages.flatMap(assetUrlsInHtml))].map((url) => url.slice(1));
          // Any page changing (a new month, a correction) changes the worker, so phones refresh their copies.
          // Each page's own hash, then one over them: no page is held in memory longer than it is read.
          const site = siteFiles(distDir, '.html');
          const pageHashes = await eachFile(site, async (file) =>
            createHash('sha256')
              .update(await readFile(file))
              .digest(),
          );
          const siteHash = createHash('sha256');
          for (const [i, file] of site.entries())
            siteHash.update(file.slice(distDir.length)).update(pageHashes[i] ?? '');
          const siteRevision = siteHash.digest('hex').slice(0, 16);
          // Loaded here, not with the config, and only the one function: workbox-build's index also
          // loads Rollup and Babel for generateSW, half a second of modules this step does not use.
          const { injectManifest } = await import('workbox-build/build/inject-manifest.js');
          const result = await injectManifest({
            swSrc: join(work, 'sw.js'),
            swDest: resolve(distDir, routes.serviceWorker().slice(1)),
            globDirectory: distDir,
            // Icons and the manifest are left out: the browser fetches them itself when installing the app.
            globPatterns: [OFFLINE_PAGE_FILE.slice(1), listFile, 'favicon.svg', ...assets],
            dontCacheBustURLsMatching: /^_astro\//,
            manifestTransforms: [
              async (entries) => ({
                manifest: entries.map((entry) =>
                  entry.url === listFile ? { ...entry, revision: `${entry.revision}-${siteRevision}` } : entry,
                ),
                warnings: [],
              }),
            ],
          });
          for (const warning of result.warnings) logger.warn(warning);
          logger.info(`sw.js: ${result.count} files precached (${Math.round(result.size / 1024)} KB)`);
        } finally {
          await rm(work, { recursive: true, force: true });
        }
      },
    },
  };
}
