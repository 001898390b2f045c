/**
 * One Typst compiler for the whole build, given the packaged fonts only. A warning is treated as an
 * error (a missing glyph or font must never pass quietly), and the PDF is dated, so it is reproducible.
 */
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { t } from '../../i18n/vi.ts';
import { assertNoSystemCopy, fontBlobs } from './fonts.ts';

/** The Typst world's root; files live only in memory under it. */
const WORKSPACE = '/portal-export';

let compiler: NodeCompiler | undefined;

function getCompiler(): NodeCompiler {
  if (!compiler) {
    assertNoSystemCopy();
    compiler = NodeCompiler.create({ workspace: WORKSPACE, fontArgs: [{ fontBlobs: fontBlobs() }] });
  }
  return compiler;
}

/** A file the document reads (images, the QR code), by its absolute path inside the Typst world. */
export interface TypstFile {
  path: string;
  data: Uint8Array;
}

interface Diagnostic {
  message?: string;
  path?: string;
  range?: string | null;
  severity?: number | string;
}

function describe(diagnostics: unknown): string {
  const list = Array.isArray(diagnostics) ? (diagnostics as Diagnostic[]) : [];
  return (
    list.map((item) => `${item.message ?? ''}${item.range ? ` (${item.range})` : ''}`).join('; ') || String(diagnostics)
  );
}

/** Compiles Typst source to PDF bytes; throws on any error or warning, naming `name`. */
export function compileTypst(name: string, source: string, files: readonly TypstFile[], date: string): Uint8Array {
  const typst = getCompiler();
  // Synchronous from here to the PDF, so no other document's files can slip in between.
  typst.resetShadow();
  for (const file of files) typst.mapShadow(`${WORKSPACE}${file.path}`, Buffer.from(file.data));
  const result = typst.compile({ mainFileContent: source });
  const error = result.takeError();
  if (error) throw new Error(t('export.typst', { file: name, message: describe(error.shortDiagnostics) }));
  const warnings = result.takeWarnings();
  if (warnings && warnings.shortDiagnostics.length > 0) {
    throw new Error(t('export.typst', { file: name, message: describe(warnings.shortDiagnostics) }));
  }
  const document = result.result;
  if (!document) throw new Error(t('export.typst', { file: name, message: t('export.noDocument') }));
  const pdf = typst.pdf(document, { creationTimestamp: Math.floor(Date.parse(`${date}T00:00:00Z`) / 1000) });
  typst.evictCache(10);
  return new Uint8Array(pdf);
}

/** Virtual path for an image inside the Typst world. */
export function typstPath(kind: string, name: string): string {
  return `/${kind}/${name}`;
}
