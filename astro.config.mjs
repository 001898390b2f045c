// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { markdownProcessor } from './src/integrations/markdown.ts';
import { mdxRenderedAtSync, mdxRenderKey } from './src/integrations/mdx-at-sync.ts';
import { orphanAssets } from './src/integrations/orphan-assets.ts';
import { pagefindSearch } from './src/integrations/pagefind.ts';
import { showUnpublished } from './src/integrations/show-unpublished.ts';
import { serviceWorker } from './src/integrations/service-worker.ts';
import { isListedInSitemap } from './src/lib/reach/crawl.ts';
import { serverFiles } from './src/integrations/server-files.ts';
import { precompress } from './src/integrations/precompress.ts';
import { adminScript } from './src/integrations/admin-bundle.ts';
import { withStageTimings } from './src/integrations/stage-timings.ts';
import { incrementalReport } from './src/integrations/incremental-report.ts';
import { releaseMemory } from './src/integrations/release-memory.ts';
import { astroCsp } from './src/lib/output/server-rules.ts';
import { INLINE_SCRIPTS } from './src/lib/reader/inline-scripts.ts';
import { createHash } from 'node:crypto';
import { env } from './src/env.ts';

// The public address comes from the environment so each deployment can set its own (README).
const site = env.siteUrl;
// Indexing runs in Pagefind's own process while the steps listed between start and finish run.
const search = pagefindSearch();

export default defineConfig({
  site,
  // Parallel test builds each get their own cache so they cannot trip over one another.
  ...(env.astroCacheDir ? { cacheDir: env.astroCacheDir } : {}),
  trailingSlash: 'always',
  // A path whose cache key (src/path-keys.ts) and code are unchanged is copied from the last build
  // instead of rendered (README, "Bản dựng tăng dần").
  experimental: { incrementalBuild: true },
  // No code blocks in this content; Shiki's inline styles would also clash with the CSP.
  markdown: { processor: markdownProcessor(mdxRenderKey()), syntaxHighlight: false },
  // Four pages at a time: while one waits on a PDF (its own thread) or a share image (sharp's
  // threads), the others keep the second core busy (120 months: pages in 31 s instead of 43).
  build: { format: 'directory', concurrency: 4 },
  // Astro hashes bundled scripts and styles, we hash the is:inline ones; server-files makes the header.
  security: {
    csp: astroCsp(
      INLINE_SCRIPTS.map(
        (script) => /** @type {const} */ (`sha256-${createHash('sha256').update(script).digest('base64')}`),
      ),
    ),
  },
  // Order matters: build:done steps run in this order; serverFiles then precompress come last.
  // releaseMemory() gives back what V8 freed, so each heavy step does not start on the last one's peak.
  // The steps between search.start and search.finish run while Pagefind indexes: none changes a page.
  integrations: withStageTimings([
    incrementalReport(),
    showUnpublished(),
    // Bodies are rendered at content sync, not bundled as modules (src/integrations/mdx-at-sync.ts).
    mdxRenderedAtSync(mdx(), site),
    releaseMemory('after-pages'),
    search.start,
    sitemap({ filter: isListedInSitemap }),
    adminScript(),
    orphanAssets(),
    serviceWorker(),
    serverFiles(),
    search.finish,
    releaseMemory('before-compression'),
    precompress(),
  ]),
  vite: {
    // `npm run admin`: the web editor reaches decap-server through the dev server's own origin.
    server: { proxy: { '/api/v1': env.decapServerUrl } },
  },
});
