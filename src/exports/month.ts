/**
 * A public month's downloads: the PDF, the Word file, the meeting kit's two Word files, and the
 * "Tải tất cả" ZIP that packs them all with the month's attachments.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { getMeetingCriteria, type MonthlyIssue } from '../collections.ts';
import { t } from '../i18n/vi.ts';
import { routes } from '../lib/content/routes.ts';
import { startsNewPage, type AttachmentEntry } from '../lib/exports/document-format.ts';
import { plainText } from '../lib/exports/mdast.ts';
import { monthDocument, type TypstFrame } from '../lib/exports/typst/documents.ts';
import { contentKey, docxImages, loadSources, typstBody, type Sources } from './bodies.ts';
import type { CachedFile } from './cache.ts';
import { FONT_FAMILY } from './fonts.ts';
import { kitDocuments, kitFile, kitFileName, type KitFileKind } from './kit.ts';
import {
  QR_PATH,
  docxFile,
  memoised,
  pdfFile,
  perItem,
  rendered,
  sha256,
  siteUrl,
  zipFile,
  type RenderedFiles,
} from './render.ts';
import { qrSvg, type SourceFile } from './sources.ts';

/** The file names of a month's own downloads, from the public URLs. */
export function monthFileNames(month: string): { pdf: string; docx: string; zip: string } {
  return {
    pdf: basename(routes.monthPdf(month)),
    docx: basename(routes.monthDocx(month)),
    zip: basename(routes.monthZip(month)),
  };
}

/** What the PDF and the Word file of a month are both made from. */
interface MonthContent {
  issue: MonthlyIssue;
  sources: Sources;
  /** Cache key of everything the month's documents read. */
  key: string;
  names: ReturnType<typeof monthFileNames>;
  url: string;
  kicker: string;
  index: SourceFile;
  sections: { title: string; file: SourceFile; newPage: boolean }[];
  attachments: AttachmentEntry[];
  kit: ReturnType<typeof kitDocuments>;
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

/** Reads a month's files and settles what its documents hold. */
async function monthContent(issue: MonthlyIssue): Promise<MonthContent> {
  const [sources, criteria] = await Promise.all([
    loadSources([issue.entry.filePath, ...issue.sections.map((section) => section.entry.filePath)]),
    getMeetingCriteria(),
  ]);
  const attachments = attachmentEntries(issue);
  const kit = kitDocuments(issue, criteria);
  const [index, ...sectionFiles] = sources.files as [SourceFile, ...SourceFile[]];
  return {
    issue,
    sources,
    key: contentKey('month', issue.month, sources, [JSON.stringify(attachments), JSON.stringify(kit)]),
    names: monthFileNames(issue.month),
    url: new URL(issue.url, siteUrl()).href,
    kicker: t('month.long', { month: Number(issue.month.slice(5)), year: issue.month.slice(0, 4) }),
    index,
    sections: issue.sections.map((section, position) => {
      const file = sectionFiles[position] as SourceFile;
      return { title: section.entry.data.title, file, newPage: startsNewPage(plainText(file.tree).length) };
    }),
    attachments,
    kit,
  };
}

/** The month's PDF; it compiles on the Typst thread while this thread goes on with the Word files. */
async function monthPdf(month: MonthContent): Promise<CachedFile> {
  const { issue, sources } = month;
  const { data } = issue.entry;
  const frame: TypstFrame = {
    title: data.title,
    date: data.publishDate,
    fontFamily: FONT_FAMILY,
    issuer: data.issuer,
    kicker: month.kicker,
    summary: data.summary,
    url: month.url,
    qrPath: QR_PATH,
    draft: issue.visibility === 'draft',
  };
  return pdfFile(
    { kind: 'month', id: issue.month, format: 'pdf' },
    month.names.pdf,
    data.publishDate,
    await qrSvg(month.url),
    (worldFiles) =>
      monthDocument({
        ...frame,
        intro: typstBody(month.index, sources, worldFiles, 0, 0),
        corrections: data.corrections,
        agenda: data.agenda,
        sections: month.sections.map((section, position) => ({
          title: section.title,
          newPage: section.newPage,
          body: typstBody(section.file, sources, worldFiles, 0, position + 1),
        })),
        questions: data.questions,
        attachments: month.attachments,
      }),
  );
}

/** The month's editable Word file. */
function monthWord(month: MonthContent): Promise<CachedFile> {
  const { issue, sources } = month;
  const { data } = issue.entry;
  return docxFile(
    { kind: 'month', id: issue.month, format: 'docx' },
    month.names.docx,
    data.publishDate,
    [month.key, month.kicker],
    () => ({
      type: 'month',
      siteUrl: siteUrl(),
      images: docxImages(sources),
      head: {
        title: data.title,
        issuer: data.issuer,
        kicker: month.kicker,
        publishDate: data.publishDate,
        summary: data.summary,
        url: month.url,
        corrections: data.corrections,
        agenda: data.agenda,
        questions: data.questions,
        attachments: month.attachments,
      },
      intro: { file: month.index.name, tree: month.index.tree },
      sections: month.sections.map((section) => ({
        title: section.title,
        newPage: section.newPage,
        body: { file: section.file.name, tree: section.file.tree },
      })),
    }),
  );
}

/** "Tải tất cả": the rendered files by name, then the attachments as the staff uploaded them. */
function monthZip(month: MonthContent, files: readonly { name: string; file: CachedFile }[]): Promise<CachedFile> {
  const { issue } = month;
  const entries = [
    ...files.map(({ name, file }) => ({ name, sha256: sha256(file.data) })),
    ...issue.attachments.map((file) => ({ name: file.fileName, sha256: file.sha256 })),
  ];
  return zipFile(
    { kind: 'month', id: issue.month, format: 'zip' },
    month.names.zip,
    issue.entry.data.publishDate,
    entries,
    async () => [
      ...files.map(({ name, file }) => ({ name, data: file.data })),
      ...(await Promise.all(
        issue.attachments.map(async (file) => ({
          name: file.fileName,
          data: new Uint8Array(await readFile(file.sourcePath)),
        })),
      )),
    ],
  );
}

/** The files of a public month, by name: PDF, Word, the kit's Word files, and the ZIP of them all. */
export function renderMonth(issue: MonthlyIssue): Promise<RenderedFiles> {
  return perItem(issue, async () => {
    const month = await monthContent(issue);
    return memoised(month.key, async () => {
      const pdfPending = monthPdf(month);
      const kinds: KitFileKind[] = ['minutes', 'localPart'];
      const [docx, ...kitFiles] = await Promise.all([
        monthWord(month),
        ...kinds.map((kind) => kitFile(issue, kind, month.kit[kind])),
      ]);
      const pdf = await pdfPending;
      const own = [
        { name: month.names.pdf, file: pdf },
        { name: month.names.docx, file: docx },
        ...kinds.map((kind, position) => ({
          name: kitFileName(issue.month, kind),
          file: kitFiles[position] as CachedFile,
        })),
      ];
      const zip = await monthZip(month, own);
      return new Map([
        ...own.map(({ name, file }) => [name, rendered(file)] as const),
        [month.names.zip, rendered(zip)] as const,
      ]);
    });
  });
}
