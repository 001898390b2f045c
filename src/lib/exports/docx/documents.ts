/**
 * The editable Word file of a monthly issue: the same head, agenda, sections, questions and
 * attachment list as the PDF, in the house styles of styles.ts so a secretary can adapt it.
 */
import { Document, ExternalHyperlink, HeadingLevel, Paragraph, TextRun } from 'docx';
import { t } from '../../../i18n/vi.ts';
import { formatDateVi, formatLongDateVi } from '../../common/dates.ts';
import type { AttachmentEntry } from '../document-format.ts';
import { DOCX_LIST, DOCX_STYLE, createDocx, docxListDefinition } from './styles.ts';
import type { DocxBlock, DocxNotes } from './from-mdast.ts';

/** A titled part of the file with its converted body. */
export interface DocxPart {
  title: string;
  blocks: readonly DocxBlock[];
  /** Start on a new page (a long section); otherwise it runs on, as in the PDF. */
  newPage?: boolean;
}

/** A monthly issue as the Word file holds it. */
export interface MonthDocxInput {
  title: string;
  issuer: string;
  /** "Tháng 11 năm 2026". */
  kicker: string;
  publishDate: string;
  summary: string;
  /** The live page address. */
  url: string;
  intro: readonly DocxBlock[];
  corrections: readonly { date: string; text: string }[];
  agenda: readonly string[];
  sections: readonly DocxPart[];
  questions: readonly string[];
  attachments: readonly AttachmentEntry[];
  /** Footnotes and list counter the bodies were converted with. */
  notes: DocxNotes;
}

function heading1(text: string, pageBreakBefore = false): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore, children: [new TextRun(text)] });
}

/** A numbered list of plain lines, its own list instance. */
function numbered(items: readonly string[], notes: DocxNotes): Paragraph[] {
  const instance = notes.newList();
  return items.map(
    (item) =>
      new Paragraph({ numbering: { reference: DOCX_LIST.decimal, level: 0, instance }, children: [new TextRun(item)] }),
  );
}

/** The head block: issuer, title, month and date, summary, the live address. */
export function docxHead(
  input: Pick<MonthDocxInput, 'title' | 'issuer' | 'kicker' | 'publishDate' | 'summary' | 'url'>,
): Paragraph[] {
  const kicker = input.kicker.charAt(0).toLocaleUpperCase('vi') + input.kicker.slice(1);
  return [
    new Paragraph({
      style: DOCX_STYLE.small,
      children: [new TextRun({ text: input.issuer.toLocaleUpperCase('vi'), bold: true })],
    }),
    new Paragraph({ style: DOCX_STYLE.title, children: [new TextRun(input.title)] }),
    new Paragraph({
      style: DOCX_STYLE.centered,
      children: [new TextRun(`${kicker} · ${t('export.publishedOn', { date: formatLongDateVi(input.publishDate) })}`)],
    }),
    new Paragraph({ style: DOCX_STYLE.lead, children: [new TextRun(input.summary)] }),
    new Paragraph({
      style: DOCX_STYLE.centered,
      children: [
        new TextRun({ text: `${t('print.url')}: `, size: 22 }),
        new ExternalHyperlink({
          link: input.url,
          children: [new TextRun({ text: input.url, style: 'Hyperlink', size: 22 })],
        }),
      ],
    }),
  ];
}

function corrections(list: MonthDocxInput['corrections'], notes: DocxNotes): Paragraph[] {
  if (list.length === 0) return [];
  const instance = notes.newList();
  return [
    new Paragraph({ style: DOCX_STYLE.small, children: [new TextRun({ text: t('month.corrections'), bold: true })] }),
    ...list.map(
      (item) =>
        new Paragraph({
          numbering: { reference: docxListDefinition('bullet'), level: 0, instance },
          children: [
            new TextRun({ text: `${t('month.correctionOn', { date: formatDateVi(item.date) })}: `, bold: true }),
            new TextRun(item.text),
          ],
        }),
    ),
  ];
}

function attachments(list: readonly AttachmentEntry[], notes: DocxNotes): Paragraph[] {
  const instance = notes.newList();
  return list.flatMap((file) => [
    new Paragraph({
      numbering: { reference: DOCX_LIST.decimal, level: 0, instance },
      children: [
        new TextRun({ text: file.title, bold: true }),
        new TextRun(` (${file.fileName}, ${file.typeLabel}, ${file.sizeLabel})`),
      ],
    }),
    new Paragraph({
      style: DOCX_STYLE.small,
      indent: { left: 454 },
      children: [new TextRun(`${t('download.checksum')}: ${file.sha256}`)],
    }),
    new Paragraph({
      style: DOCX_STYLE.small,
      indent: { left: 454 },
      children: [
        new ExternalHyperlink({ link: file.url, children: [new TextRun({ text: file.url, style: 'Hyperlink' })] }),
      ],
    }),
  ]);
}

/** The Word document of a monthly issue. */
export function monthDocx(input: MonthDocxInput): Document {
  const children: DocxBlock[] = [...docxHead(input), ...input.intro, ...corrections(input.corrections, input.notes)];
  if (input.agenda.length > 0) children.push(heading1(t('month.agenda')), ...numbered(input.agenda, input.notes));
  input.sections.forEach((section, index) => {
    children.push(heading1(`${index + 1}. ${section.title}`, section.newPage ?? false), ...section.blocks);
  });
  if (input.questions.length > 0)
    children.push(heading1(t('month.questions')), ...numbered(input.questions, input.notes));
  if (input.attachments.length > 0)
    children.push(heading1(t('month.attachments')), ...attachments(input.attachments, input.notes));
  return createDocx({
    title: input.title,
    description: input.summary,
    creator: input.issuer,
    children,
    footnotes: input.notes.footnotes(),
  });
}
