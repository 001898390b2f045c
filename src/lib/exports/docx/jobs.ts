/**
 * Word files described as plain data, so a worker thread can make them (src/exports/packer.ts):
 * the bodies travel as parsed trees with their images, and are converted where the file is made.
 */
import type { Document } from 'docx';
import type { KitDocument } from '../../kit/kit-document.ts';
import type { MdNode } from '../mdast.ts';
import { bodyPlacement } from '../placement.ts';
import { monthDocx, type MonthDocxInput } from './documents.ts';
import { DocxNotes, mdastToDocx, type DocxBlock, type DocxImage } from './from-mdast.ts';
import { kitDocumentToDocx } from './kit-document.ts';

/** One MDX body of a Word file: its file name (for messages) and parsed tree. */
export interface DocxBody {
  file: string;
  tree: MdNode;
}

/** A monthly issue's Word file: its head and lists as they print, its bodies as trees. */
export interface MonthDocxJob {
  type: 'month';
  siteUrl: string;
  /** The images the bodies show, by imageKey(file, url). */
  images: ReadonlyMap<string, DocxImage>;
  head: Omit<MonthDocxInput, 'intro' | 'sections' | 'notes'>;
  intro: DocxBody;
  sections: readonly { title: string; newPage: boolean; body: DocxBody }[];
}

/** A meeting-kit Word file. */
export interface KitDocxJob {
  type: 'kit';
  document: KitDocument;
  creator: string;
}

export type DocxJob = MonthDocxJob | KitDocxJob;

/** Converts one body, sharing the document's footnotes and lists. */
function bodyBlocks(job: MonthDocxJob, body: DocxBody, notes: DocxNotes): DocxBlock[] {
  const options = bodyPlacement(body.file, job.siteUrl, 0, job.images, (image: DocxImage) => image);
  return mdastToDocx(body.tree, { ...options, notes });
}

/** The Word document a job describes. */
export function docxDocument(job: DocxJob): Document {
  if (job.type === 'kit') return kitDocumentToDocx(job.document, job.creator);
  const notes = new DocxNotes();
  return monthDocx({
    ...job.head,
    intro: bodyBlocks(job, job.intro, notes),
    sections: job.sections.map((section) => ({
      title: section.title,
      newPage: section.newPage,
      blocks: bodyBlocks(job, section.body, notes),
    })),
    notes,
  });
}
