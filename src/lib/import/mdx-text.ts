/**
 * mdast → MDX text that reads exactly as typed: Markdown's own escaping plus MDX's two traps,
 * `{` (an expression) and `<` (a component), escaped wherever they would start one.
 */
import type { Root, RootContent } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown, type Unsafe } from 'mdast-util-to-markdown';

/** Where MDX would read `{` or `<` as code rather than text (as mdast-util-mdx declares them). */
const MDX_UNSAFE: Unsafe[] = ['{', '}', '<', '>'].flatMap((character) => [
  { character, inConstruct: ['phrasing', 'tableCell'] },
  { character, atBreak: true },
]);

/** Blocks as MDX body text, ending with one newline. */
export function toMdxText(blocks: readonly RootContent[]): string {
  if (blocks.length === 0) return '';
  const root: Root = { type: 'root', children: [...blocks] };
  return toMarkdown(root, {
    extensions: [gfmToMarkdown(), { unsafe: MDX_UNSAFE }],
    bullet: '-',
    emphasis: '_',
    strong: '*',
    fences: true,
    listItemIndent: 'one',
    rule: '-',
  });
}
