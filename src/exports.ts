/**
 * The files the build makes for each public month (PDF, Word, ZIP). Pages ask here which exist
 * and how large they are. Filled in by the downloads work; until then a month has none.
 */
import type { MonthlyIssue } from './collections.ts';
import type { ExportFile } from './lib/downloads.ts';

/** The generated downloads of a month, with their sizes. */
export async function getMonthExports(_issue: MonthlyIssue): Promise<ExportFile[]> {
  return [];
}
