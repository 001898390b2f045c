/**
 * The renderer's shared machinery: every download (month PDF, Word and ZIP, the meeting kit's Word
 * files, topic and guide PDFs) is rendered through pdfFile, docxFile or zipFile here, so all share
 * one disk cache keyed by content, one in-process memo, fixed dates and stable bytes.
 * Each render is memoised as the cached file's path and size, so pages (for sizes) and endpoints
 * (for bytes, read back from that file) share it without holding every file in memory.
 */
import { createHash } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { t, type MessageKey } from '../i18n/vi.ts';
import type { DocxJob } from '../lib/exports/docx/jobs.ts';
import { env } from '../env.ts';
import { cacheKey, cachedFile, packageVersions, sourceHash, type CachedFile } from './cache.ts';
import { fontBlobs } from './fonts.ts';
import { packDocx, packZip, type PackResult } from './packer.ts';
import { compileTypst, typstPath, type TypstFile } from './typst.ts';

/** A rendered file: where the cache keeps it, and its size in bytes. */
export interface RenderedFile {
  path: string;
  size: number;
}

/** The files of one item, by file name. */
export type RenderedFiles = ReadonlyMap<string, RenderedFile>;

/** The public site address, as astro.config.mjs set it. */
export function siteUrl(): string {
  return import.meta.env.SITE;
}

/** What a render was, for the benchmark. */
export interface RenderLabel {
  kind: 'month' | 'kit' | 'topic' | 'guide';
  id: string;
  format: 'pdf' | 'docx' | 'zip';
}

/**
 * With EXPORTS_TIMINGS=path, appends a render's time as a JSON line; `thread` says which thread
 * made it: the Typst thread (PDF) or the packer thread (Word, ZIP), both beside the page renders.
 */
function recordTiming(label: RenderLabel, ms: number, thread: 'packer' | 'typst'): void {
  const file = env.exportsTimingsFile;
  if (file) appendFileSync(file, `${JSON.stringify({ ...label, ms, thread })}\n`);
}

/** Runs a packer-thread render that missed the cache, recording the thread's own time for it. */
async function packed(label: RenderLabel, work: Promise<PackResult>): Promise<Uint8Array> {
  const { data, ms } = await work;
  recordTiming(label, ms, 'packer');
  return data;
}

/** The SHA-256 of some bytes, in hex. */
export const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

let pdfToolchainKey: string | undefined;

/** Beyond its source, a PDF depends on the compiler, its options and the fonts. */
function pdfToolchain(): string {
  pdfToolchainKey ??= cacheKey([
    packageVersions(['@myriaddreamin/typst-ts-node-compiler']),
    sourceHash(['src/exports/typst.ts', 'src/exports/typst-worker.ts']),
    ...fontBlobs().map((font) => sha256(font)),
  ]);
  return pdfToolchainKey;
}

/** The strings src/lib/exports/docx/documents.ts and styles.ts print besides the content. */
const DOCX_MESSAGES: readonly MessageKey[] = [
  'export.page',
  'export.publishedOn',
  'print.url',
  'month.corrections',
  'month.correctionOn',
  'month.agenda',
  'month.questions',
  'month.attachments',
  'download.checksum',
];

let docxToolchainKey: string | undefined;

/** Beyond its content, a Word file depends on the converter code, the packages and its fixed strings. */
function docxToolchain(): string {
  docxToolchainKey ??= cacheKey([
    sourceHash([
      'src/lib/exports/docx/styles.ts',
      'src/lib/exports/docx/from-mdast.ts',
      'src/lib/exports/docx/documents.ts',
      'src/lib/exports/docx/kit-document.ts',
      'src/lib/exports/mdast.ts',
      'src/lib/exports/document-format.ts',
      'src/lib/common/dates.ts',
      'src/lib/exports/packaging.ts',
      'src/exports/sources.ts',
      'src/lib/exports/docx/jobs.ts',
      'src/lib/exports/placement.ts',
      'src/exports/bodies.ts',
      'src/exports/render.ts',
      'src/exports/packer-worker.ts',
    ]),
    packageVersions(['docx', 'fflate', 'satteri', 'sharp']),
    ...DOCX_MESSAGES.map((key) => t(key, { date: '', page: '', total: '' })),
  ]);
  return docxToolchainKey;
}

/** A Map or WeakMap of renders under way or done. */
interface RenderCache<K> {
  get(key: K): Promise<RenderedFiles> | undefined;
  set(key: K, value: Promise<RenderedFiles>): unknown;
  delete(key: K): unknown;
}

/** Runs `render` once per key; a failed render must fail again next time rather than be remembered. */
function once<K>(cache: RenderCache<K>, key: K, render: () => Promise<RenderedFiles>): Promise<RenderedFiles> {
  let pending = cache.get(key);
  if (!pending) {
    pending = render();
    cache.set(key, pending);
    pending.catch(() => cache.delete(key));
  }
  return pending;
}

const memo = new Map<string, Promise<RenderedFiles>>();

/** Renders once per content key in this process (pages ask for sizes, endpoints for bytes). */
export function memoised(key: string, render: () => Promise<RenderedFiles>): Promise<RenderedFiles> {
  return once(memo, key, render);
}

const byItem = new WeakMap<object, Promise<RenderedFiles>>();

/**
 * Reads and parses an item's files once per item object: a build loads its items once, so the
 * pages and files of a month share one parse; dev loads fresh items, so edits still show.
 */
export function perItem(item: object, render: () => Promise<RenderedFiles>): Promise<RenderedFiles> {
  return once(byItem, item, render);
}

/** The path and size of a file the cache holds. */
export function rendered(file: CachedFile): RenderedFile {
  return { path: file.path, size: file.data.byteLength };
}

/** Where a PDF's QR code lives inside the Typst world. */
export const QR_PATH = typstPath('qr', 'page.svg');

/**
 * A PDF: the Typst source is built (cheap) and keyed with the files it reads; only a new source
 * is compiled. `build` registers the images it uses in `worldFiles`; `qr` is the page's QR code.
 * Everything up to handing the source to the Typst thread runs before this returns.
 */
export function pdfFile(
  label: RenderLabel,
  name: string,
  date: string,
  qr: Uint8Array,
  build: (worldFiles: TypstFile[]) => string,
): Promise<CachedFile> {
  const worldFiles: TypstFile[] = [{ path: QR_PATH, data: qr }];
  const source = build(worldFiles);
  const key = cacheKey([pdfToolchain(), name, date, source, ...worldFiles.flatMap((file) => [file.path, file.data])]);
  return cachedFile(key, name, async () => {
    const { pdf, ms } = await compileTypst(name, source, worldFiles, date);
    recordTiming(label, ms, 'typst');
    return pdf;
  });
}

/**
 * A Word file, keyed by `content` (everything it is made from) and the converter's code; made on
 * the packer thread from the job `describe` returns, reproducible (dates set to `date`, no random ids).
 */
export function docxFile(
  label: RenderLabel,
  name: string,
  date: string,
  content: readonly string[],
  describe: () => DocxJob,
): Promise<CachedFile> {
  const key = cacheKey([docxToolchain(), name, date, ...content]);
  return cachedFile(key, name, () => packed(label, packDocx(name, date, describe())));
}

/** A ZIP of files already rendered or read, in the given order, dated `date`. */
export function zipFile(
  label: RenderLabel,
  name: string,
  date: string,
  entries: readonly { name: string; sha256: string }[],
  read: () => Promise<{ name: string; data: Uint8Array }[]>,
): Promise<CachedFile> {
  const key = cacheKey([
    'zip',
    name,
    date,
    JSON.stringify(entries.map((entry) => [entry.name, entry.sha256])),
    sourceHash(['src/lib/exports/packaging.ts']),
    packageVersions(['fflate']),
  ]);
  return cachedFile(key, name, async () => packed(label, packZip(name, date, await read())));
}
