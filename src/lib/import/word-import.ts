/**
 * Word import, start to end: recognise the file, convert it, place it. The one entry point the
 * CLI (`npm run import`) and the web editor's "Nhập từ tệp Word" both call.
 */
import { t } from '../../i18n/vi.ts';
import { convertDocx } from './convert.ts';
import { imageBaseFor, planImport, type ImportContext, type ImportPlan, type ImportTarget } from './plan.ts';
import { inspectWordFile } from './word-file.ts';

/** Why nothing was imported, with the CLI's exit code (2: not a Word file, or cannot be placed). */
export interface ImportFailure {
  error: string;
  exitCode: 2;
}

/** The plan for a Word file's bytes, or why there is none. */
export async function importWordDocument(
  bytes: Uint8Array,
  fileName: string,
  target: ImportTarget,
  context: ImportContext,
): Promise<ImportPlan | ImportFailure> {
  const inspected = inspectWordFile(bytes);
  if ('refused' in inspected) {
    const key = inspected.refused === 'legacy-doc' ? 'import.legacyDoc' : 'import.notWord';
    return { error: t(key, { path: fileName }), exitCode: 2 };
  }
  let doc;
  try {
    doc = await convertDocx(bytes, { imageBase: imageBaseFor(target, fileName) });
  } catch {
    // A damaged or hand-edited package (a note or image that points nowhere) stops the converter.
    return { error: t('import.unreadable', { path: fileName }), exitCode: 2 };
  }
  const plan = planImport(doc, inspected.features, target, context);
  return 'error' in plan ? { error: plan.error, exitCode: 2 } : plan;
}
