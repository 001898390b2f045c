/**
 * The web editor's preview of a body: the page's own markup (anchored headings, scrolling tables,
 * links that print their address) from the Markdown being edited, for the site's stylesheet to dress.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import { t } from '../../i18n/vi.ts';
import { toSlug } from '../common/slugs.ts';
import { editorMarkdownTree } from './save.ts';

const text = (node: ElementContent | HastRoot): string =>
  node.type === 'text'
    ? node.value
    : 'children' in node
      ? (node.children as ElementContent[]).map((child) => text(child)).join('')
      : '';

/** The overrides of lib/content/render-mdx.ts applied to one element, as the page has them. */
function override(node: Element, ids: Set<string>, resolveImage: (url: string) => string): ElementContent {
  node.children = node.children.map((child) => (child.type === 'element' ? override(child, ids, resolveImage) : child));
  if (/^h[234]$/.test(node.tagName)) {
    let id = toSlug(text(node)) || 'muc';
    for (let n = 1; ids.has(id); n += 1) id = `${toSlug(text(node))}-${n}`;
    ids.add(id);
    node.properties['id'] = id;
    node.children.push({
      type: 'element',
      tagName: 'a',
      properties: { className: ['heading-anchor'], href: `#${id}`, ariaLabel: t('nav.anchor') },
      children: [{ type: 'text', value: '#' }],
    });
  }
  if (node.tagName === 'img' && typeof node.properties['src'] === 'string') {
    node.properties['src'] = resolveImage(node.properties['src']);
  }
  if (node.tagName === 'table') {
    return { type: 'element', tagName: 'div', properties: { className: ['table-scroll'] }, children: [node] };
  }
  return node;
}

/** HTML of a Markdown body as the reading page marks it up; raw HTML is shown as text, as MDX-safe saving stores it. */
export function previewHtml(markdown: string, resolveImage: (url: string) => string = (url) => url): string {
  const mdast = editorMarkdownTree(markdown);
  const hast = toHast(mdast, {
    footnoteLabel: t('content.footnotes'),
    footnoteBackLabel: (index) => t('content.footnoteBack', { reference: index + 1 }),
  });
  const ids = new Set<string>();
  const root: HastRoot = hast.type === 'root' ? hast : { type: 'root', children: [hast as ElementContent] };
  root.children = root.children.map((child) => (child.type === 'element' ? override(child, ids, resolveImage) : child));
  return toHtml(root);
}
