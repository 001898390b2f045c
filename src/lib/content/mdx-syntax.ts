/**
 * MDX syntax failures explained in Vietnamese: the parser's "line:column: reason" turned into the
 * fix an editor can make. Shared by the content check and the renderer (lib/content/render-mdx.ts).
 */
import { t, type MessageKey } from '../../i18n/vi.ts';
import type { Problem } from '../check/problem.ts';

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
