/**
 * Pure rules the web editor's browser script applies around Decap's backends: which files a
 * collection lists, how publishing in the editorial workflow sets the file's `status`, and how the
 * collection list names an item's status.
 */
import { t } from '../../i18n/vi.ts';
import { classifyContentPath, type ContentKind } from '../check/content.ts';
import { calendarDate, formatDateVi } from '../common/dates.ts';
import type { Status } from '../content/kinds.ts';

/** True when a file Decap listed under `folder` is an entry of that folder's collection. */
export function isEditorEntry(
  entryKinds: Readonly<Record<string, ContentKind>>,
  folder: string,
  path: string,
): boolean {
  const expected = entryKinds[folder.replace(/\/+$/, '')];
  // Folders the generator did not describe are left as Decap lists them.
  if (!expected) return true;
  return classifyContentPath(path)?.kind === expected;
}

const FRONTMATTER = /^(---\r?\n)([\s\S]*?)(\r?\n---)/;
const STATUS_LINE = /^status:[^\n\r]*$/m;

/** The file's text with its frontmatter `status` set; unchanged when it already says so. */
export function withStatus(raw: string, status: Status): string {
  const match = FRONTMATTER.exec(raw);
  if (!match) return raw;
  const [whole, open = '', yaml = '', close = ''] = match;
  const next = STATUS_LINE.test(yaml) ? yaml.replace(STATUS_LINE, `status: ${status}`) : `${yaml}\nstatus: ${status}`;
  return next === yaml ? raw : `${open}${next}${close}${raw.slice(whole.length)}`;
}

/** True for what Decap writes for an optional field left blank: "", null, or an object of those. */
export function isBlank(value: unknown): boolean {
  if (value === '' || value === null || value === undefined) return true;
  if (typeof value === 'object' && !Array.isArray(value)) return Object.values(value).every(isBlank);
  return false;
}

/** The status marker the collection summaries carry: "⟦draft|2027-01-01⟧". */
export const STATUS_MARKER = /⟦(\w*)\|([^⟧]*)⟧/;

/** What the collection list says of an item: draft, scheduled (with its date) or published. */
export function statusBadge(status: string, publishDate: string, now: Date): string {
  if (status !== 'published') return t('admin.list.draft');
  const date = /^\d{4}-\d{2}-\d{2}/.exec(publishDate)?.[0];
  if (date && date > calendarDate(now)) return t('admin.list.scheduled', { date: formatDateVi(date) });
  return t('admin.list.published');
}

/** A summary line with its status marker replaced by the badge. */
export function withStatusBadge(summary: string, now: Date): string {
  return summary.replace(STATUS_MARKER, (_, status: string, date: string) => `· ${statusBadge(status, date, now)}`);
}
