/** Runs the content checker over a content root and prints its report in Vietnamese. */
import { dirname } from 'node:path';
import { checkContent } from '../lib/check/content.ts';
import { formatProblem, type ContentFile, type Problem } from '../lib/check/problem.ts';
import { exportProblems, syntaxProblem } from '../lib/check/exports.ts';
import { parseMdx } from '../lib/exports/mdx.ts';
import { t } from '../i18n/vi.ts';
import { env } from '../env.ts';
import { readContentFiles } from './content-files.ts';

/** Checks `contentRoot`; prints every problem; returns true when there is no error. */
export function runContentCheck(contentRoot: string, log: (line: string) => void = console.error): boolean {
  // Paths are reported as "content/…", relative to the folder that holds the content root.
  const files = readContentFiles(contentRoot, dirname(contentRoot)).map((file) => ({
    ...file,
    path: file.path.replace(/^[^/]+\//, 'content/'),
  }));
  const problems = [...checkContent(files), ...checkExports(files)];
  const errors = problems.filter((problem: Problem) => problem.severity === 'error');
  const warnings = problems.filter((problem: Problem) => problem.severity === 'warning');
  if (errors.length > 0) {
    log(t('error.heading', { count: errors.length }));
    for (const problem of errors) log(`  ✗ ${formatProblem(problem)}`);
  }
  if (warnings.length > 0) {
    log(t('error.warningHeading', { count: warnings.length }));
    for (const problem of warnings) log(`  ! ${formatProblem(problem)}`);
  }
  if (errors.length === 0) log(t('error.ok', { count: files.filter((file) => file.path.endsWith('.mdx')).length }));
  return errors.length === 0;
}

/** Parses every MDX file as the exporters will, and reports what they could not print. */
function checkExports(files: readonly ContentFile[]): Problem[] {
  // Only links are printed from the address, and the address does not change what can be printed.
  return files.flatMap((file) => {
    if (file.source === undefined || !file.path.endsWith('.mdx')) return [];
    try {
      return exportProblems(file.path, parseMdx(file.source), env.siteUrl);
    } catch (error) {
      return [syntaxProblem(file.path, error)];
    }
  });
}
