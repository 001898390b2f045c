/**
 * The Markdown (Sätteri) pipeline for MDX content: Vietnamese footnote labels, and footnote ids
 * made unique per file so the printable month, which shows every section on one page, stays valid.
 */
import { satteri } from '@astrojs/markdown-satteri';
import { defineHastPlugin, type PluginFactoryContext } from 'satteri';
import type { Element } from 'hast';
import { t } from '../i18n/vi.ts';
import { footnoteIdPrefix, prefixFootnoteIds } from '../lib/content/footnote-ids.ts';

/** Rewrites footnote ids and links of one document with a prefix taken from its file path. */
function footnoteIds(context: PluginFactoryContext) {
  const prefix = footnoteIdPrefix(context.fileURL?.pathname ?? '');
  return defineHastPlugin({
    name: 'portal:footnote-ids',
    element: {
      filter: ['a', 'li', 'h2', 'section'],
      visit(node: Readonly<Element>) {
        const properties = prefixFootnoteIds(node.properties, prefix);
        return properties === node.properties ? undefined : { ...node, properties };
      },
    },
  });
}

/** The processor astro.config.mjs hands to `markdown.processor`. */
export function markdownProcessor() {
  return satteri({
    features: {
      gfm: { footnotes: { label: t('content.footnotes'), backLabel: t('content.footnoteBack'), backContent: '↩' } },
    },
    hastPlugins: [footnoteIds],
  });
}
