/**
 * The PDF of an annual topic or a study guide: one rendering path for both, each kind saying only
 * which files it reads and how its document is laid out.
 */
import { basename } from 'node:path';
import type { StudyGuide, Topic } from '../collections.ts';
import { t } from '../i18n/vi.ts';
import { routes } from '../lib/content/routes.ts';
import { guideDocument, topicDocument, type TypstFrame } from '../lib/exports/typst/documents.ts';
import { contentKey, loadSources, typstBody, type Sources } from './bodies.ts';
import { FONT_FAMILY } from './fonts.ts';
import {
  QR_PATH,
  memoised,
  pdfFile,
  perItem,
  rendered,
  siteUrl,
  type RenderLabel,
  type RenderedFile,
} from './render.ts';
import { qrSvg, type SourceFile } from './sources.ts';
import type { TypstFile } from './typst.ts';

/** Converts one file to Typst: how far its headings shift, and its place among the document's bodies. */
type BodyConverter = (file: SourceFile, headingOffset: number, index: number) => string;

/** What differs between a topic's PDF and a guide's. */
interface ReadingPdf {
  label: RenderLabel & { kind: 'topic' | 'guide' };
  name: string;
  url: string;
  /** The item's MDX files, index first. */
  filePaths: (string | undefined)[];
  frame: Omit<TypstFrame, 'url' | 'qrPath' | 'fontFamily'>;
  /** The Typst source, from the frame and the item's files (index first), each converted by `body`. */
  document: (frame: TypstFrame, files: readonly SourceFile[], body: BodyConverter) => string;
}

function topicPdf(topic: Topic): ReadingPdf {
  const { data } = topic.entry;
  return {
    label: { kind: 'topic', id: topic.year, format: 'pdf' },
    name: basename(routes.topicPdf(topic.year)),
    url: topic.url,
    filePaths: [topic.entry.filePath, ...topic.parts.map((part) => part.entry.filePath)],
    frame: {
      title: data.title,
      date: data.publishDate,
      kicker: t('topic.year', { year: topic.year }),
      summary: data.summary,
      draft: topic.visibility === 'draft',
    },
    document: (frame, [index, ...partFiles], body) =>
      topicDocument({
        ...frame,
        intro: body(index as SourceFile, 0, 0),
        parts: topic.parts.map((part, position) => ({
          title: part.entry.data.title,
          body: body(partFiles[position] as SourceFile, 0, position + 1),
        })),
      }),
  };
}

function guidePdf(guide: StudyGuide): ReadingPdf {
  const { data } = guide.entry;
  return {
    label: { kind: 'guide', id: guide.slug, format: 'pdf' },
    name: basename(routes.guidePdf(guide.slug)),
    url: guide.url,
    filePaths: [guide.entry.filePath],
    frame: {
      title: data.title,
      date: data.publishDate,
      kicker: t('guide.list'),
      summary: data.summary,
      draft: guide.visibility === 'draft',
    },
    // A guide's ## headings sit directly under its title, so they print one level up.
    document: (frame, [file], body) =>
      guideDocument({ ...frame, body: body(file as SourceFile, -1, 0), questions: data.questions }),
  };
}

/** Renders a topic's or a guide's PDF once per item and per content. */
async function renderReading(item: Topic | StudyGuide, spec: ReadingPdf): Promise<RenderedFile> {
  const files = await perItem(item, async () => {
    const sources: Sources = await loadSources(spec.filePaths);
    return memoised(contentKey(spec.label.kind, spec.label.id, sources, []), async () => {
      const url = new URL(spec.url, siteUrl()).href;
      const frame: TypstFrame = { ...spec.frame, fontFamily: FONT_FAMILY, url, qrPath: QR_PATH };
      const pdf = await pdfFile(spec.label, spec.name, spec.frame.date, await qrSvg(url), (worldFiles: TypstFile[]) =>
        spec.document(frame, sources.files, (file, headingOffset, index) =>
          typstBody(file, sources, worldFiles, headingOffset, index),
        ),
      );
      return new Map([[spec.name, rendered(pdf)]]);
    });
  });
  return files.get(spec.name) as RenderedFile;
}

/** The PDF of a public annual topic. */
export function renderTopic(topic: Topic): Promise<RenderedFile> {
  return renderReading(topic, topicPdf(topic));
}

/** The PDF of a public study guide. */
export function renderGuide(guide: StudyGuide): Promise<RenderedFile> {
  return renderReading(guide, guidePdf(guide));
}
