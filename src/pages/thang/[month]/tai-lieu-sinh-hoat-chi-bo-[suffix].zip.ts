/** Each public month's ZIP: /thang/YYYY-MM/tai-lieu-sinh-hoat-chi-bo-YYYY-MM.zip (rendered once, cached by content). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getMonthlyIssues, type MonthlyIssue } from '../../../collections.ts';
import { getMonthExportBytes } from '../../../exports.ts';
import { describeFileType } from '../../../lib/file-types.ts';

export const getStaticPaths = (async () =>
  (await getMonthlyIssues()).map((issue) => ({
    params: { month: issue.month, suffix: issue.month },
    props: { issue },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ issue: MonthlyIssue }> = async ({ props: { issue } }) =>
  new Response(await getMonthExportBytes(issue, 'zip'), {
    headers: { 'Content-Type': describeFileType('.zip').mimeType },
  });
