/**
 * Word import: what a file is before it is converted. Recognises a .docx (a ZIP holding
 * word/document.xml), refuses anything else, and counts what Word has that the site cannot show
 * (comments, tracked changes, text boxes) so the import can say how it treated them.
 */
import { strFromU8, unzipSync } from 'fflate';

/** What the import must tell a person about a Word feature, and how many times it occurs. */
export interface WordFeatures {
  comments: number;
  insertions: number;
  deletions: number;
  textBoxes: number;
}

/** Why a file is not a Word document the import can read. */
export type NotWord = 'legacy-doc' | 'not-docx';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((byte, i) => bytes[i] === byte);

/** Occurrences of a literal tag opening in XML text (a count, not a parse). */
const count = (xml: string, tag: string) => xml.split(`<${tag}`).filter((_, i) => i > 0).length;

/** The Word parts of a .docx, or why the bytes are not one. */
export function inspectWordFile(bytes: Uint8Array): { features: WordFeatures } | { refused: NotWord } {
  if (startsWith(bytes, OLE_MAGIC)) return { refused: 'legacy-doc' };
  if (!startsWith(bytes, ZIP_MAGIC)) return { refused: 'not-docx' };
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (file) => file.name === 'word/document.xml' || file.name === 'word/comments.xml',
    });
  } catch {
    return { refused: 'not-docx' };
  }
  const document = parts['word/document.xml'];
  if (!document) return { refused: 'not-docx' };
  const xml = strFromU8(document);
  const comments = parts['word/comments.xml'];
  return {
    features: {
      // "<w:comment " and "<w:comment>" open a comment; "<w:commentEx…" and friends do not.
      comments: comments ? count(strFromU8(comments), 'w:comment ') + count(strFromU8(comments), 'w:comment>') : 0,
      insertions: count(xml, 'w:ins '),
      deletions: count(xml, 'w:del '),
      textBoxes: count(xml, 'w:txbxContent'),
    },
  };
}
