// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { nfcContent } from './src/integrations/nfc-content.ts';

// The public address comes from the environment so each deployment can set its own (README).
const site = process.env.SITE_URL ?? 'https://tailieu.example.org';

export default defineConfig({
  site,
  // Parallel test builds each get their own cache so they cannot trip over one another.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), sitemap()],
  vite: { plugins: [nfcContent()] },
});
