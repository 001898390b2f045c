/**
 * Word import, start to end: recognise the file, convert it, place it. The entry points the CLI
 * (`npm run import`) and the web editor's "Nhập từ tệp Word" call.
 */
import { t } from '../../i18n/vi.ts';
import { convertDocx, type ConvertedDocument, type ImportedImage } from './convert.ts';
import { imageBaseFor, itemBody, planImport, type ImportContext, type ImportPlan, type ImportTarget } from './plan.ts';
import { inspectWordFile, type WordFeatures } from './word-file.ts';

/** Why nothing was imported, with the CLI's exit code (2: not a Word file, or cannot be placed). */
export interface ImportFailure {
  error: string;
  exitCode: 2;
}

/** What the web editor's "Nhập từ tệp Word" fills in: the body, the images to upload, the notes. */
export interface EditorImport {
  title: string | undefined;
  body: string;
  images: ImportedImage[];
  attention: string[];
}

/** The converted document and what Word had besides, or why the bytes cannot be read. */
async function readWord(
  bytes: Uint8Array,
  fileName: string,
  imageBase: string,
): Promise<{ doc: ConvertedDocument; features: WordFeatures } | ImportFailure> {
  const inspected = inspectWordFile(bytes);
  if ('refused' in inspected) {
    const key = inspected.refused === 'legacy-doc' ? 'import.legacyDoc' : 'import.notWord';
    return { error: t(key, { path: fileName }), exitCode: 2 };
  }
  try {
    return { doc: await convertDocx(bytes, { imageBase }), features: inspected.features };
  } catch {
    // A damaged or hand-edited package (a note or image that points nowhere) stops the converter.
    return { error: t('import.unreadable', { path: fileName }), exitCode: 2 };
  }
}

/** The plan for a Word file's bytes, or why there is none. */
export async function importWordDocument(
  bytes: Uint8Array,
  fileName: string,
  target: ImportTarget,
  context: ImportContext,
): Promise<ImportPlan | ImportFailure> {
  const read = await readWord(bytes, fileName, imageBaseFor(target, fileName));
  if ('error' in read) return read;
  const plan = planImport(read.doc, read.features, target, context);
  return 'error' in plan ? { error: plan.error, exitCode: 2 } : plan;
}

/** A Word file as one item's body for the web editor (a section, a topic part, a guide). */
export async function importForEditor(bytes: Uint8Array, fileName: string): Promise<EditorImport | ImportFailure> {
  const read = await readWord(bytes, fileName, imageBaseFor({ kind: 'guide' }, fileName));
  if ('error' in read) return read;
  return { ...itemBody(read.doc, read.features, fileName), images: read.doc.images };
}
