/**
 * The content's own Markdown rules, shared by Astro's Markdown processor (astro.config.mjs) and the
 * MDX renderer (render-mdx.ts): Vietnamese footnote labels, footnote ids made unique per file so
 * the printable month, which shows every section on one page, stays valid, and responsive sizes
 * for body images.
 */
import { defineHastPlugin, type Features, type PluginFactoryContext } from 'satteri';
import type { Element } from 'hast';
import { t } from '../../i18n/vi.ts';
import { footnoteIdPrefix, prefixFootnoteIds } from './footnote-ids.ts';

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

/** Whether an image source is a file beside the content (`./images/x.jpg`), not an address or a site path. */
export function isLocalImageSrc(src: string): boolean {
  return !/^([a-z][a-z0-9+.-]*:|\/)/i.test(src);
}

/** The width a body image takes on screen: the reading column (--measure), or the whole phone screen. */
export const BODY_IMAGE_SIZES = '(min-width: 44rem) 42rem, 100vw';

/**
 * Body images (![alt](./images/x.jpg)) get a srcset: Astro's image step (which runs after this
 * plugin) passes these properties to its image service, whose "constrained" layout makes the screen
 * sizes up to the original's, so a phone never downloads the full-size photo. (Properties reach it
 * as strings, so a `widths` list cannot be passed this way.) Only local images: Astro leaves other
 * sources as plain <img>, where the properties would be invalid.
 */
const bodyImageSizes = defineHastPlugin({
  name: 'portal:body-image-sizes',
  element: {
    filter: ['img'],
    visit(node: Readonly<Element>, context) {
      const src = node.properties['src'];
      if (typeof src !== 'string' || !isLocalImageSrc(src)) return;
      context.setProperty(node, 'layout', 'constrained');
      context.setProperty(node, 'sizes', BODY_IMAGE_SIZES);
    },
  },
});

/** Hast plugins every content body runs through, before Astro's own image and heading steps. */
export const contentHastPlugins = [footnoteIds, bodyImageSizes];

/** Parser features: GFM with Vietnamese footnote labels, and typographic quotes and dashes (Astro's default). */
export const contentFeatures = {
  smartPunctuation: true,
  gfm: { footnotes: { label: t('content.footnotes'), backLabel: t('content.footnoteBack'), backContent: '↩' } },
} satisfies Features;
