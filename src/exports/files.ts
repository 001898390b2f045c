/**
 * What pages and endpoints ask of the renderer: the downloads of each public month (PDF, Word, ZIP,
 * the meeting kit's Word files), topic and study guide (PDF), their sizes and their bytes. All render
 * through month.ts, kit.ts and reading.ts, memoised and cached by content hash; the endpoints read
 * the bytes back from that cache, so no build holds every file in memory.
 */
import { readFile } from 'node:fs/promises';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getMonthlyIssues, type MonthlyIssue, type StudyGuide, type Topic } from '../collections.ts';
import type { ExportFile } from '../lib/exports/downloads.ts';
import { describeFileType } from '../lib/common/file-types.ts';
import { routes } from '../lib/content/routes.ts';
import { formatSize } from '../lib/common/sizes.ts';
import { getMeetingKits, type MeetingKit } from '../kit.ts';
import { kitFileName, type KitFileKind } from './kit.ts';
import { monthFileNames, renderMonth } from './month.ts';
import { renderGuide, renderTopic } from './reading.ts';
import type { RenderedFile } from './render.ts';

function exportFile(format: ExportFile['format'], href: string, file: RenderedFile | undefined): ExportFile {
  return { format, href, mimeType: describeFileType(href).mimeType, sizeLabel: formatSize(file?.size ?? 0) };
}

/** A rendered file's bytes, read back from the export cache. */
function bytesOf(file: RenderedFile): Promise<Uint8Array<ArrayBuffer>> {
  return readFile(file.path);
}

/** The generated downloads of a month, with their sizes: PDF, Word, then the "Tải tất cả" ZIP. */
export async function getMonthExports(issue: MonthlyIssue): Promise<ExportFile[]> {
  const files = await renderMonth(issue);
  const names = monthFileNames(issue.month);
  return [
    exportFile('pdf', routes.monthPdf(issue.month), files.get(names.pdf)),
    exportFile('docx', routes.monthDocx(issue.month), files.get(names.docx)),
    exportFile('zip', routes.monthZip(issue.month), files.get(names.zip)),
  ];
}

/** The bytes of one of a month's downloads, as a response body. */
export async function getMonthExportBytes(
  issue: MonthlyIssue,
  format: 'pdf' | 'docx' | 'zip',
): Promise<Uint8Array<ArrayBuffer>> {
  const files = await renderMonth(issue);
  const name = monthFileNames(issue.month)[format];
  const file = files.get(name);
  if (!file) throw new Error(`No ${format} for ${issue.month}`);
  return bytesOf(file);
}

/** The bytes of one of the meeting kit's Word files, as a response body. */
export async function getKitDocx(kit: MeetingKit, kind: KitFileKind): Promise<Uint8Array<ArrayBuffer>> {
  const name = kitFileName(kit.issue.month, kind);
  const file = (await renderMonth(kit.issue)).get(name);
  if (!file) throw new Error(`No ${name}`);
  return bytesOf(file);
}

/** The PDF of an annual topic, with its size. */
export async function getTopicExport(topic: Topic): Promise<ExportFile> {
  return exportFile('pdf', routes.topicPdf(topic.year), await renderTopic(topic));
}

/** The PDF of a study guide, with its size. */
export async function getGuideExport(guide: StudyGuide): Promise<ExportFile> {
  return exportFile('pdf', routes.guidePdf(guide.slug), await renderGuide(guide));
}

/** The bytes of an annual topic's PDF, as a response body. */
export async function getTopicPdf(topic: Topic): Promise<Uint8Array<ArrayBuffer>> {
  return bytesOf(await renderTopic(topic));
}

/** The bytes of a study guide's PDF, as a response body. */
export async function getGuidePdf(guide: StudyGuide): Promise<Uint8Array<ArrayBuffer>> {
  return bytesOf(await renderGuide(guide));
}

/** The static route of one of a month's downloads; each endpoint file is one line calling this. */
export function monthExportRoute(format: 'pdf' | 'docx' | 'zip') {
  const getStaticPaths = (async () =>
    (await getMonthlyIssues()).map((issue) => ({
      params: { month: issue.month, suffix: issue.month },
      props: { issue },
    }))) satisfies GetStaticPaths;
  const GET: APIRoute<{ issue: MonthlyIssue }> = async ({ props: { issue } }) =>
    new Response(await getMonthExportBytes(issue, format), {
      headers: { 'Content-Type': describeFileType(`.${format}`).mimeType },
    });
  return { getStaticPaths, GET };
}

/** The static route of one of a month's kit Word files; each endpoint file is one line calling this. */
export function kitExportRoute(kind: KitFileKind) {
  const getStaticPaths = (async () =>
    (await getMeetingKits()).map((kit) => ({
      params: { month: kit.issue.month, suffix: kit.issue.month },
      props: { kit },
    }))) satisfies GetStaticPaths;
  const GET: APIRoute<{ kit: MeetingKit }> = async ({ props: { kit } }) =>
    new Response(await getKitDocx(kit, kind), { headers: { 'Content-Type': describeFileType('.docx').mimeType } });
  return { getStaticPaths, GET };
}
