/** Runs the content checker over a content root and prints its report in Vietnamese. */
import { dirname } from 'node:path';
import { checkAll, type CheckReport } from '../lib/check/all.ts';
import { formatProblem } from '../lib/check/problem.ts';
import { parseMdx } from '../lib/exports/mdx.ts';
import { formatDateVi } from '../lib/common/dates.ts';
import { t } from '../i18n/vi.ts';
import { clockNow, env } from '../env.ts';
import { readContentFiles } from './content-files.ts';
import { bodyCacheFile, checkCodeKey } from './check-cache.ts';

/**
 * Checks `contentRoot` and prints every problem; `ok` is false when there is an error. With a cache
 * file, bodies checked in an earlier run are not parsed again (src/cli/check-cache.ts); `fresh`
 * checks them all and only writes the file.
 */
export function reportContentCheck(
  contentRoot: string,
  log: (line: string) => void = console.error,
  cache?: { file: string; fresh: boolean },
): CheckReport & { ok: boolean } {
  // Paths are reported as "content/…", relative to the folder that holds the content root.
  const files = readContentFiles(contentRoot, dirname(contentRoot)).map((file) => ({
    ...file,
    path: file.path.replace(/^[^/]+\//, 'content/'),
  }));
  const bodies = cache ? bodyCacheFile(cache.file, checkCodeKey(env.siteUrl), cache.fresh) : undefined;
  const report = checkAll(files, parseMdx, { siteUrl: env.siteUrl, now: clockNow(), ...(bodies ? { bodies } : {}) });
  bodies?.save();
  const errors = report.problems.filter((problem) => problem.severity === 'error');
  const warnings = report.problems.filter((problem) => problem.severity === 'warning');
  if (errors.length > 0) {
    log(t('error.heading', { count: errors.length }));
    for (const problem of errors) log(`  ✗ ${formatProblem(problem)}`);
  }
  if (warnings.length > 0) {
    log(t('error.warningHeading', { count: warnings.length }));
    for (const problem of warnings) log(`  ! ${formatProblem(problem)}`);
  }
  if (report.leftOut.length > 0) {
    log(t('check.draftsLeftOut', { count: report.leftOut.length }));
    for (const key of report.leftOut) log(`  - ${key}`);
  }
  if (report.scheduled.length > 0) {
    log(t('check.scheduledHeading', { count: report.scheduled.length }));
    for (const item of report.scheduled)
      log(`  ⏲ ${t('check.scheduled', { date: formatDateVi(item.publishDate), file: item.file, title: item.title })}`);
  }
  if (errors.length === 0) log(t('error.ok', { count: report.pages }));
  return { ...report, ok: errors.length === 0 };
}

/** Checks `contentRoot`; prints every problem; returns true when there is no error. */
export function runContentCheck(contentRoot: string, log: (line: string) => void = console.error): boolean {
  return reportContentCheck(contentRoot, log).ok;
}
