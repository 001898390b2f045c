/** The Markdown (Sätteri) processor Astro is configured with; the rules live in lib/content/markdown-plugins.ts. */
import { satteri } from '@astrojs/markdown-satteri';
import { contentFeatures, contentHastPlugins } from '../lib/content/markdown-plugins.ts';

/**
 * The processor astro.config.mjs hands to `markdown.processor`. `renderKey` (mdxRenderKey) rides in
 * its options because Astro hashes the config, options included, and clears its content store when
 * that hash changes: bodies rendered at sync by older code are never served.
 */
export function markdownProcessor(renderKey: string | undefined) {
  const processor = satteri({ features: contentFeatures, hastPlugins: contentHastPlugins });
  Object.assign(processor.options, { renderKey: renderKey ?? `unreadable ${Date.now()}` });
  return processor;
}
