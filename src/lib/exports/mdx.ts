/** The MDX parser the exporters and the content checker share: Sätteri, as Astro's MDX uses it. */
import { mdxToMdast } from 'satteri';
import type { MdNode } from './mdast.ts';

/** Parses MDX text into mdast; throws the parser's "line:column: reason" on bad syntax. */
export function parseMdx(text: string): MdNode {
  // Same features as Astro's MDX: GFM (tables, footnotes, strikethrough) and smart punctuation.
  return mdxToMdast(text, { features: { gfm: true, smartPunctuation: true } }) as unknown as MdNode;
}
