/** Parses MDX for exporter tests the way the build does (Sätteri, GFM, smart punctuation). */
import { mdxToMdast } from 'satteri';
import type { MdNode } from '../../src/lib/exports/mdast.ts';

/** The mdast tree of an MDX string. */
export function parseMdx(source: string): MdNode {
  return mdxToMdast(source, { features: { gfm: true, smartPunctuation: true } }) as unknown as MdNode;
}
