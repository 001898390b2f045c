/**
 * Removes `_astro/` files that nothing in the build refers to. Astro copies the original of every
 * image a content entry declares, drafts included; an image only a draft uses must not be published.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { findOrphanAssets } from '../lib/output/orphan-assets.ts';
import { siteFiles } from './each-file.ts';

const REFERRING = /\.(html|css|js|mjs|json|webmanifest|xml|txt)$/;
const IMAGE = /\.(jpe?g|png|gif|webp|avif|svg|tiff?)$/i;

/** The build step; runs before the service worker, server files and compression see the assets. */
export function orphanAssets(): AstroIntegration {
  return {
    name: 'portal:orphan-assets',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const assetsDir = join(root, '_astro');
        // Only images are candidates: they are what content entries declare; code and wasm are the bundler's.
        const assets = existsSync(assetsDir) ? readdirSync(assetsDir).filter((name) => IMAGE.test(name)) : [];
        // The search bundle, written meanwhile (integrations/pagefind.ts), refers to no image the
        // pages do not: siteFiles leaves it out.
        function* texts() {
          for (const file of siteFiles(root)) if (REFERRING.test(file)) yield readFileSync(file, 'utf8');
        }
        const orphans = findOrphanAssets(assets, texts());
        for (const name of orphans) rmSync(join(assetsDir, name));
        if (orphans.length > 0) logger.info(`removed ${orphans.length} unreferenced asset(s): ${orphans.join(', ')}`);
      },
    },
  };
}
