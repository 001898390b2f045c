/**
 * Pure rules the web editor's browser script applies around Decap's backends: which files a
 * collection lists, and how publishing in the editorial workflow sets the file's `status`.
 */
import { classifyContentPath, type ContentKind } from '../check/content.ts';
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
