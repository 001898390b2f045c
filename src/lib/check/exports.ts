/**
 * The exporters' rules as content checks: what the pages can show but the PDF or Word file cannot
 * print (an MDX expression, a component, an image on another server, a footnote without text) is
 * reported by `npm run check` with file and line, not found only halfway through a build.
 * Pure: the caller parses the MDX (with the parser the exporters use) and hands over the tree.
 */
import { t, type MessageKey } from '../../i18n/vi.ts';
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

/** A parser's "line:column: reason" failure as a problem of the file, explained in Vietnamese. */
export function syntaxProblem(file: string, error: unknown): Problem {
  const text = error instanceof Error ? error.message : String(error);
  const located = /^(\d+):\d+: ([\s\S]*)$/.exec(text);
  return {
    severity: 'error',
    file,
    ...(located ? { line: Number(located[1]) } : {}),
    message: t(syntaxMessage(located?.[2] ?? text)),
  };
}

/** Which fix to suggest for a parser's reason: most failures are a "{" or "<" typed in prose. */
function syntaxMessage(reason: string): MessageKey {
  if (/expression|brace|`\{`|`\}`/i.test(reason)) return 'error.mdxBrace';
  if (/after `<`|before name|JSX tag/i.test(reason)) return 'error.mdxAngle';
  if (/tag/i.test(reason)) return 'error.mdxTag';
  return 'error.mdxSyntax';
}
