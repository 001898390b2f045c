/**
 * What the web editor writes must pass the checker: upload paths relative to the file ("./files/x.pdf")
 * and a body that MDX reads as the text the editor showed (`{`, `<` escaped, raw HTML as text).
 */
import type { Html, Nodes, Root, RootContent, Text } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { toMdxText } from '../import/mdx-text.ts';
import { DATE_WIDGET, type EditorField } from './config.ts';

const UPLOAD = /^\/?(files|images)\//;

/** An upload path as the content contract writes it: "files/x.pdf" → "./files/x.pdf". */
export function relativeUpload(path: string): string {
  return UPLOAD.test(path) ? path.replace(UPLOAD, './$1/') : path;
}

/** One field's value with its upload paths made relative, following the field's shape. */
function normalizeValue(field: EditorField, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if ((field.widget === 'file' || field.widget === 'image') && typeof value === 'string') return relativeUpload(value);
  if (field.widget === 'list' && Array.isArray(value)) {
    return value.map((item) =>
      field.fields ? normalizeFields(field.fields, item) : field.field ? normalizeValue(field.field, item) : item,
    );
  }
  if (field.widget === 'object' && field.fields) return normalizeFields(field.fields, value);
  if (field.widget.startsWith('markdown') && typeof value === 'string') return mdxSafeBody(value);
  // Decap reads an unquoted YAML date as a Date; the file keeps YYYY-MM-DD.
  if (field.widget === DATE_WIDGET && value instanceof Date) return value.toISOString().slice(0, 10);
  return value;
}

/** Entry data with every upload path relative and the body MDX-safe. */
export function normalizeFields(fields: readonly EditorField[], data: unknown): unknown {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return data;
  const out: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const field of fields) {
    if (field.name in out) out[field.name] = normalizeValue(field, out[field.name]);
  }
  return out;
}

/** Raw HTML the editor let through, as the text it shows (MDX would read it as a component). */
function htmlAsText(nodes: RootContent[]): void {
  for (const [index, node] of nodes.entries()) {
    if (node.type === 'html') {
      const text: Text = { type: 'text', value: (node as Html).value };
      // A block of HTML becomes loose text here; paragraphsForLooseText wraps it.
      nodes[index] = text as unknown as RootContent;
    } else if ('children' in node) htmlAsText(node.children as RootContent[]);
  }
}

/** Wraps text that sits directly in a block container (from an HTML block) in a paragraph. */
function paragraphsForLooseText(parent: Root | Nodes): void {
  if (!('children' in parent)) return;
  const flow = parent.type === 'root' || parent.type === 'blockquote' || parent.type === 'listItem';
  parent.children = parent.children.map((child) => {
    paragraphsForLooseText(child);
    return flow && child.type === 'text' ? { type: 'paragraph', children: [child] } : child;
  }) as typeof parent.children;
}

/** Images in the body with relative paths. */
function relativeImages(node: Nodes): void {
  if (node.type === 'image') node.url = relativeUpload(node.url);
  if ('children' in node) for (const child of node.children) relativeImages(child);
}

/** The editor's Markdown as the tree the saved file will hold: raw HTML as text, relative images. */
export function editorMarkdownTree(markdown: string): Root {
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  htmlAsText(tree.children);
  paragraphsForLooseText(tree);
  relativeImages(tree);
  return tree;
}

/** The Markdown the editor produced, re-written so MDX reads it exactly as the editor showed it. */
export function mdxSafeBody(markdown: string): string {
  if (markdown.trim() === '') return markdown;
  return toMdxText(editorMarkdownTree(markdown).children).replace(/\n$/, '');
}
