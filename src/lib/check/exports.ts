/**
 * The exporters' rules as content checks: what the pages can show but the PDF or Word file cannot
 * print (an MDX expression, a component, an image on another server, a footnote without text) is
 * reported by `npm run check` with file and line, not found only halfway through a build.
 * Pure: the caller parses the MDX (with the parser the exporters use) and hands over the tree.
 */
import type { Problem } from './problem.ts';
import { DocxNotes, mdastToDocx } from '../exports/docx/from-mdast.ts';
import { ExportError, type MdNode } from '../exports/mdast.ts';
import { mdastToTypst } from '../exports/typst/from-mdast.ts';

/** Runs both converters over a parsed body, with images stubbed (the content checker checks those files). */
export function exportProblems(file: string, tree: MdNode, siteUrl: string): Problem[] {
  const converters = [
    () => mdastToTypst(tree, { file, siteUrl, headingLevel: (depth) => depth, labelPrefix: 'c', image: () => 'img' }),
    () =>
      mdastToDocx(tree, {
        file,
        siteUrl,
        headingLevel: (depth) => depth,
        notes: new DocxNotes(),
        image: () => ({ data: new Uint8Array(), type: 'png', width: 1, height: 1 }),
      }),
  ];
  const problems: Problem[] = [];
  for (const convert of converters) {
    try {
      convert();
    } catch (error) {
      if (!(error instanceof ExportError)) throw error;
      // Both converters usually stop at the same construct: report it once.
      if (!problems.some((problem) => problem.line === error.line && problem.message === error.reason))
        problems.push({
          severity: 'error',
          file,
          ...(error.line === undefined ? {} : { line: error.line }),
          message: error.reason,
        });
    }
  }
  return problems;
}
