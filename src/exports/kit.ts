/**
 * The meeting kit's two Word files of a month (the minutes template and the local-part insert):
 * their documents, and their rendering through the shared cache, dated by the month's publish date.
 */
import { basename } from 'node:path';
import type { MonthlyIssue } from '../collections.ts';
import { routes } from '../lib/content/routes.ts';
import { bandsBestFirst, criteriaItems, type MeetingCriteria } from '../lib/kit/criteria.ts';
import { localPartDocument, minutesDocument, type KitDocument } from '../lib/kit/kit-document.ts';
import type { CachedFile } from './cache.ts';
import { docxFile } from './render.ts';

/** The kit's Word files, by the key a page or endpoint asks for. */
export type KitFileKind = 'minutes' | 'localPart';

/** The file name of a kit Word file, from its public URL. */
export function kitFileName(month: string, kind: KitFileKind): string {
  return basename(kind === 'minutes' ? routes.kitMinutesDocx(month) : routes.kitLocalPartDocx(month));
}

/** The kit documents of a month, filled with its agenda, questions and the self-assessment. */
export function kitDocuments(
  issue: MonthlyIssue,
  criteria: MeetingCriteria | undefined,
): Record<KitFileKind, KitDocument> {
  const { data } = issue.entry;
  return {
    minutes: minutesDocument({
      month: issue.month,
      issuer: data.issuer,
      agenda: data.agenda,
      questions: data.questions,
      bands: criteria ? bandsBestFirst(criteria).map((band) => band.label) : [],
      maxPoints: criteria ? criteriaItems(criteria).reduce((sum, item) => sum + item.points, 0) : undefined,
    }),
    localPart: localPartDocument({ month: issue.month }),
  };
}

/** Renders one kit document as a Word file, keyed by the document itself (every string resolved). */
export function kitFile(issue: MonthlyIssue, kind: KitFileKind, document: KitDocument): Promise<CachedFile> {
  const { issuer, publishDate } = issue.entry.data;
  return docxFile(
    { kind: 'kit', id: issue.month, format: 'docx' },
    kitFileName(issue.month, kind),
    publishDate,
    [JSON.stringify(document), issuer],
    () => ({ type: 'kit', document, creator: issuer }),
  );
}
