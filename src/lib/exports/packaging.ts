/**
 * Byte-stable packaging: the "Tải tất cả" ZIP and the Word file (itself a ZIP) get fixed dates, so the
 * same content gives the same bytes and the same size on the page.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/** Formats already compressed are stored as they are. */
const STORED = /\.(pdf|docx|xlsx|pptx|zip|jpe?g|png|gif|webp)$/i;

/** The entry date of a ZIP: the item's date, raised to 1980-01-01, the first date ZIP can record. */
function zipDate(date: string): Date {
  return new Date(`${date < '1980-01-01' ? '1980-01-01' : date}T00:00:00`);
}

/** A ZIP of named files, dated `date` (YYYY-MM-DD), entries in the given order. */
export function zipFiles(files: readonly { name: string; data: Uint8Array }[], date: string): Uint8Array {
  const mtime = zipDate(date);
  const entries: Zippable = {};
  for (const file of files) entries[file.name] = [file.data, { level: STORED.test(file.name) ? 0 : 6, mtime }];
  return zipSync(entries);
}

/** The Word file with its creation and modification dates set to `date`, repacked with fixed times. */
export function fixDocxDates(docx: Uint8Array, date: string): Uint8Array {
  const parts = unzipSync(docx);
  const core = parts['docProps/core.xml'];
  if (core) {
    const stamp = `${date}T00:00:00Z`;
    parts['docProps/core.xml'] = strToU8(
      strFromU8(core).replace(
        /(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g,
        `$1${stamp}$2`,
      ),
    );
  }
  const mtime = zipDate(date);
  const entries: Zippable = {};
  // [Content_Types].xml first, as Office expects; the rest in name order for stable bytes.
  const names = Object.keys(parts).sort((a, b) =>
    a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a.localeCompare(b),
  );
  for (const name of names) entries[name] = [parts[name] as Uint8Array, { level: 6, mtime }];
  return zipSync(entries);
}
