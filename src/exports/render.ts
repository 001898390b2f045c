/**
 * Renders the downloads of a public month (PDF, Word, ZIP), topic (PDF) or study guide (PDF).
 * Items come from collections.ts (the one visibility gate); each render is cached on disk by content
 * hash and memoised in the process as the cached file's path and size, so pages (for sizes) and
 * endpoints (for bytes, read back from that file) share it without holding every file in memory.
 */
import { createHash } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Packer } from 'docx';
import type { MonthlyIssue, StudyGuide, Topic } from '../collections.ts';
import { t, type MessageKey } from '../i18n/vi.ts';
import type { AttachmentEntry } from '../lib/exports/document-format.ts';
import { monthDocx } from '../lib/exports/docx/documents.ts';
import { DocxNotes, mdastToDocx, type DocxImage } from '../lib/exports/docx/from-mdast.ts';
import type { MdNode } from '../lib/exports/mdast.ts';
import { routes } from '../lib/content/routes.ts';
import { env } from '../env.ts';
import { guideDocument, monthDocument, topicDocument, type TypstFrame } from '../lib/exports/typst/documents.ts';
import { mdastToTypst } from '../lib/exports/typst/from-mdast.ts';
import { cacheKey, cachedFile, packageVersions, sourceHash, type CachedFile } from './cache.ts';
import { FONT_FAMILY, fontBlobs } from './fonts.ts';
import { fixDocxDates, zipFiles } from '../lib/exports/packaging.ts';
import { imageKey, loadImages, qrSvg, readSource, type LoadedImage, type SourceFile } from './sources.ts';
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
interface RenderLabel {
  kind: 'month' | 'topic' | 'guide';
  id: string;
  format: 'pdf' | 'docx' | 'zip';
}

/**
 * With EXPORTS_TIMINGS=path, appends a render's time as a JSON line; `thread` says whether it ran on
 * the main thread (Word, ZIP) or on the Typst thread, beside the page renders (PDF).
 */
function recordTiming(label: RenderLabel, ms: number, thread: 'main' | 'typst'): void {
  const file = env.exportsTimingsFile;
  if (file) appendFileSync(file, `${JSON.stringify({ ...label, ms, thread })}\n`);
}

/** Runs a main-thread render that missed the cache, recording its time. */
async function timed(label: RenderLabel, work: () => Promise<Uint8Array> | Uint8Array): Promise<Uint8Array> {
  const started = performance.now();
  const result = await work();
  recordTiming(label, performance.now() - started, 'main');
  return result;
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

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
      'src/lib/exports/mdast.ts',
      'src/lib/exports/document-format.ts',
      'src/lib/common/dates.ts',
      'src/lib/exports/packaging.ts',
      'src/exports/sources.ts',
      'src/exports/render.ts',
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
function memoised(key: string, render: () => Promise<RenderedFiles>): Promise<RenderedFiles> {
  return once(memo, key, render);
}

const byItem = new WeakMap<MonthlyIssue | Topic | StudyGuide, Promise<RenderedFiles>>();

/**
 * Reads and parses an item's files once per item object: a build loads its items once, so the
 * five pages and files of a month share one parse; dev loads fresh items, so edits still show.
 */
function perItem(
  item: MonthlyIssue | Topic | StudyGuide,
  render: () => Promise<RenderedFiles>,
): Promise<RenderedFiles> {
  return once(byItem, item, render);
}

/** The path and size of a file the cache holds. */
function rendered(file: CachedFile): RenderedFile {
  return { path: file.path, size: file.data.byteLength };
}

/** Everything a document's bodies need: parsed files and their images. */
interface Sources {
  files: SourceFile[];
  images: Map<string, LoadedImage>;
}

async function loadSources(filePaths: readonly (string | undefined)[]): Promise<Sources> {
  const files = filePaths.map((path) => readSource(path));
  return { files, images: await loadImages(files) };
}

/** The content a document is made from, in a stable order. */
function contentKey(kind: string, id: string, sources: Sources, extra: readonly string[]): string {
  const parts: string[] = [kind, id, siteUrl()];
  for (const file of sources.files) parts.push(file.name, file.text);
  for (const [key, image] of [...sources.images].sort(([a], [b]) => a.localeCompare(b))) parts.push(key, image.sha256);
  return cacheKey([...parts, ...extra]);
}

/** Typst conversion of one body, with its images registered as world files. */
function typstBody(
  file: SourceFile,
  sources: Sources,
  worldFiles: TypstFile[],
  headingOffset: number,
  index: number,
): string {
  return mdastToTypst(file.tree, {
    file: file.name,
    siteUrl: siteUrl(),
    headingLevel: (depth) => Math.max(1, depth + headingOffset),
    labelPrefix: `b${index}`,
    image: (url: string, node: MdNode) => {
      const image = sources.images.get(imageKey(file.name, url));
      if (!image)
        throw new Error(`${file.name}:${node.position?.start.line ?? ''}: ${t('export.imageMissing', { src: url })}`);
      const path = typstPath('img', `${image.sha256}.${image.type}`);
      if (!worldFiles.some((existing) => existing.path === path)) worldFiles.push({ path, data: image.data });
      return path;
    },
  });
}

/** Word conversion of one body. */
function docxBody(file: SourceFile, sources: Sources, notes: DocxNotes, headingOffset: number) {
  return mdastToDocx(file.tree, {
    file: file.name,
    siteUrl: siteUrl(),
    headingLevel: (depth) => Math.max(1, depth + headingOffset),
    notes,
    image: (url: string, node: MdNode): DocxImage => {
      const image = sources.images.get(imageKey(file.name, url));
      if (!image)
        throw new Error(`${file.name}:${node.position?.start.line ?? ''}: ${t('export.imageMissing', { src: url })}`);
      return { data: image.data, type: image.type, width: image.width, height: image.height };
    },
  });
}

/**
 * A PDF: the Typst source is built (cheap) and keyed with the files it reads; only a new source
 * is compiled. `build` registers the images it uses in `worldFiles`; `qr` is the page's QR code.
 * Everything up to handing the source to the Typst thread runs before this returns.
 */
function pdfFile(
  label: RenderLabel,
  name: string,
  date: string,
  qr: Uint8Array,
  build: (worldFiles: TypstFile[]) => string,
): Promise<CachedFile> {
  const worldFiles: TypstFile[] = [{ path: typstPath('qr', 'page.svg'), data: qr }];
  const source = build(worldFiles);
  const key = cacheKey([pdfToolchain(), name, date, source, ...worldFiles.flatMap((file) => [file.path, file.data])]);
  return cachedFile(key, name, async () => {
    const { pdf, ms } = await compileTypst(name, source, worldFiles, date);
    recordTiming(label, ms, 'typst');
    return pdf;
  });
}

/** The file names of a month's downloads, from the public URLs. */
export function monthFileNames(month: string): { pdf: string; docx: string; zip: string } {
  return {
    pdf: basename(routes.monthPdf(month)),
    docx: basename(routes.monthDocx(month)),
    zip: basename(routes.monthZip(month)),
  };
}

function attachmentEntries(issue: MonthlyIssue): AttachmentEntry[] {
  return issue.attachments.map((file) => ({
    title: file.title,
    fileName: file.fileName,
    typeLabel: file.typeLabel,
    sizeLabel: file.sizeLabel,
    sha256: file.sha256,
    url: new URL(file.url, siteUrl()).href,
  }));
}

/** The PDF, Word file and ZIP of a public month. */
export function renderMonth(issue: MonthlyIssue): Promise<RenderedFiles> {
  return perItem(issue, () => renderMonthFiles(issue));
}

async function renderMonthFiles(issue: MonthlyIssue): Promise<RenderedFiles> {
  const sources = await loadSources([issue.entry.filePath, ...issue.sections.map((section) => section.entry.filePath)]);
  const attachments = attachmentEntries(issue);
  const content = contentKey('month', issue.month, sources, [JSON.stringify(attachments)]);
  return memoised(content, async () => {
    const { data } = issue.entry;
    const names = monthFileNames(issue.month);
    const [index, ...sectionFiles] = sources.files as [SourceFile, ...SourceFile[]];
    const url = new URL(issue.url, siteUrl()).href;
    const kicker = t('month.long', { month: Number(issue.month.slice(5)), year: issue.month.slice(0, 4) });
    const frame: TypstFrame = {
      title: data.title,
      date: data.publishDate,
      fontFamily: FONT_FAMILY,
      issuer: data.issuer,
      kicker,
      summary: data.summary,
      url,
      qrPath: typstPath('qr', 'page.svg'),
      draft: issue.visibility === 'draft',
    };
    const sections = issue.sections.map((section, position) => ({
      title: section.entry.data.title,
      file: sectionFiles[position] as SourceFile,
    }));

    // The PDF compiles on the Typst thread while this thread makes the Word file.
    const pdfPending = pdfFile(
      { kind: 'month', id: issue.month, format: 'pdf' },
      names.pdf,
      data.publishDate,
      await qrSvg(url),
      (worldFiles) =>
        monthDocument({
          ...frame,
          intro: typstBody(index, sources, worldFiles, 0, 0),
          corrections: data.corrections,
          agenda: data.agenda,
          sections: sections.map((section, position) => ({
            title: section.title,
            body: typstBody(section.file, sources, worldFiles, 0, position + 1),
          })),
          questions: data.questions,
          attachments,
        }),
    );

    const docxKey = cacheKey([docxToolchain(), content, names.docx, kicker]);
    const docxPending = cachedFile(docxKey, names.docx, () =>
      timed({ kind: 'month', id: issue.month, format: 'docx' }, async () => {
        const notes = new DocxNotes();
        const document = monthDocx({
          title: data.title,
          issuer: data.issuer,
          kicker,
          publishDate: data.publishDate,
          summary: data.summary,
          url,
          intro: docxBody(index, sources, notes, 0),
          corrections: data.corrections,
          agenda: data.agenda,
          sections: sections.map((section) => ({
            title: section.title,
            blocks: docxBody(section.file, sources, notes, 0),
          })),
          questions: data.questions,
          attachments,
          notes,
        });
        return fixDocxDates(await Packer.toBuffer(document), data.publishDate);
      }),
    );
    const [pdf, docx] = await Promise.all([pdfPending, docxPending]);

    const zipKey = cacheKey([
      'zip',
      sha256(pdf.data),
      sha256(docx.data),
      JSON.stringify(issue.attachments.map((file) => [file.fileName, file.sha256])),
      data.publishDate,
      sourceHash(['src/lib/exports/packaging.ts']),
      packageVersions(['fflate']),
    ]);
    const zip = await cachedFile(zipKey, names.zip, () =>
      timed({ kind: 'month', id: issue.month, format: 'zip' }, async () => {
        const attachmentFiles = await Promise.all(
          issue.attachments.map(async (file) => ({
            name: file.fileName,
            data: new Uint8Array(await readFile(file.sourcePath)),
          })),
        );
        return zipFiles(
          [{ name: names.pdf, data: pdf.data }, { name: names.docx, data: docx.data }, ...attachmentFiles],
          data.publishDate,
        );
      }),
    );

    return new Map([
      [names.pdf, rendered(pdf)],
      [names.docx, rendered(docx)],
      [names.zip, rendered(zip)],
    ]);
  });
}

/** The PDF of a public annual topic. */
export async function renderTopic(topic: Topic): Promise<RenderedFile> {
  const name = basename(routes.topicPdf(topic.year));
  const files = await perItem(topic, () => renderTopicFiles(topic, name));
  return files.get(name) as RenderedFile;
}

async function renderTopicFiles(topic: Topic, name: string): Promise<RenderedFiles> {
  const sources = await loadSources([topic.entry.filePath, ...topic.parts.map((part) => part.entry.filePath)]);
  return memoised(contentKey('topic', topic.year, sources, []), async () => {
    const { data } = topic.entry;
    const [index, ...partFiles] = sources.files as [SourceFile, ...SourceFile[]];
    const url = new URL(topic.url, siteUrl()).href;
    const pdf = await pdfFile(
      { kind: 'topic', id: topic.year, format: 'pdf' },
      name,
      data.publishDate,
      await qrSvg(url),
      (worldFiles) =>
        topicDocument({
          title: data.title,
          date: data.publishDate,
          fontFamily: FONT_FAMILY,
          kicker: t('topic.year', { year: topic.year }),
          draft: topic.visibility === 'draft',
          summary: data.summary,
          url,
          qrPath: typstPath('qr', 'page.svg'),
          intro: typstBody(index, sources, worldFiles, 0, 0),
          parts: topic.parts.map((part, position) => ({
            title: part.entry.data.title,
            body: typstBody(partFiles[position] as SourceFile, sources, worldFiles, 0, position + 1),
          })),
        }),
    );
    return new Map([[name, rendered(pdf)]]);
  });
}

/** The PDF of a public study guide. */
export async function renderGuide(guide: StudyGuide): Promise<RenderedFile> {
  const name = basename(routes.guidePdf(guide.slug));
  const files = await perItem(guide, () => renderGuideFiles(guide, name));
  return files.get(name) as RenderedFile;
}

async function renderGuideFiles(guide: StudyGuide, name: string): Promise<RenderedFiles> {
  const sources = await loadSources([guide.entry.filePath]);
  return memoised(contentKey('guide', guide.slug, sources, []), async () => {
    const { data } = guide.entry;
    const [file] = sources.files as [SourceFile];
    const url = new URL(guide.url, siteUrl()).href;
    const pdf = await pdfFile(
      { kind: 'guide', id: guide.slug, format: 'pdf' },
      name,
      data.publishDate,
      await qrSvg(url),
      (worldFiles) =>
        guideDocument({
          title: data.title,
          date: data.publishDate,
          fontFamily: FONT_FAMILY,
          kicker: t('guide.list'),
          draft: guide.visibility === 'draft',
          summary: data.summary,
          url,
          qrPath: typstPath('qr', 'page.svg'),
          body: typstBody(file, sources, worldFiles, -1, 0),
          questions: data.questions,
        }),
    );
    return new Map([[name, rendered(pdf)]]);
  });
}
