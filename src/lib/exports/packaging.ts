/**
 * Byte-stable packaging: the "Tải tất cả" ZIP and every Word file (itself a ZIP) get fixed dates and
 * no random ids, so the same content gives the same bytes and the same size on the page.
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

/** Relationship ids the docx package draws at random (hyperlinks): anything but its own rId1, rId2… */
const RANDOM_RELATIONSHIP_ID = /Id="(rId(?!\d+")[^"]*)"/g;

/**
 * Gives each relationship id the docx package drew at random a name from its place in the list
 * (rIdx1, rIdx2… in the order the document added them) in the rels file and in the part it serves.
 */
function renameRandomIds(parts: Record<string, Uint8Array>): void {
  for (const relsName of Object.keys(parts).filter((name) => /(^|\/)_rels\/[^/]+\.rels$/.test(name))) {
    const owner = relsName.replace(/_rels\/([^/]+)\.rels$/, '$1');
    const rels = strFromU8(parts[relsName] as Uint8Array);
    const renamed = new Map<string, string>();
    for (const match of rels.matchAll(RANDOM_RELATIONSHIP_ID))
      renamed.set(match[1] as string, `rIdx${renamed.size + 1}`);
    if (renamed.size === 0) continue;
    const rename = (xml: string) =>
      xml.replace(/(Id|r:id)="([^"]+)"/g, (all, attr: string, id: string) => {
        const stable = renamed.get(id);
        return stable ? `${attr}="${stable}"` : all;
      });
    parts[relsName] = strToU8(rename(rels));
    const part = parts[owner];
    if (part) parts[owner] = strToU8(rename(strFromU8(part)));
  }
}

/**
 * The Word file made reproducible: creation and modification dates set to `date`, the random
 * relationship ids renamed by position, and the parts repacked in a fixed order with fixed times.
 */
export function stabiliseDocx(docx: Uint8Array, date: string): Uint8Array {
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
  renameRandomIds(parts);
  const mtime = zipDate(date);
  const entries: Zippable = {};
  // [Content_Types].xml first, as Office expects; the rest in name order for stable bytes.
  const names = Object.keys(parts).sort((a, b) =>
    a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a.localeCompare(b),
  );
  for (const name of names) entries[name] = [parts[name] as Uint8Array, { level: 6, mtime }];
  return zipSync(entries);
}
