/**
 * The Typst documents of the PDFs: the Party document format (A4, margins 20/15/20/30 mm, a serif
 * at 13 pt, justified, no hyphenation), a head block with a QR code to the live page, a table of
 * contents, and a "Trang X/Y" footer. Bodies arrive already converted by from-mdast.ts.
 */
import { t } from '../../../i18n/vi.ts';
import { formatDateVi, formatLongDateVi, toDateOnly } from '../../common/dates.ts';
import { PAGE_MARGINS_MM, PDF_BODY_SIZE_PT, type AttachmentEntry } from '../document-format.ts';
import { content, escapeMarkup, stringLiteral } from './escape.ts';

/** What every document needs: metadata, font and the head block. */
export interface TypstFrame {
  /** PDF metadata title. */
  title: string;
  /** The publish date (YYYY-MM-DD): the PDF's fixed creation date, so builds are reproducible. */
  date: string;
  /** The font family the compiler was given; nothing else may be used. */
  fontFamily: string;
  /** Issuer line at the top left (monthly issues). */
  issuer?: string | undefined;
  /** Line above the title: "Tháng 11 năm 2026", "Chuyên đề năm 2026". */
  kicker: string;
  /** One-sentence summary under the title. */
  summary?: string | undefined;
  /** The live page address the QR code and the address line lead to. */
  url: string;
  /** Path of the QR code image inside the Typst world. */
  qrPath: string;
  /** A draft previewed by `npm run dev`: every page carries "BẢN NHÁP" (production never renders drafts). */
  draft?: boolean | undefined;
}

/** A titled chunk of converted Typst markup (a section or a part). */
export interface TypstPart {
  title: string;
  body: string;
  /** Start on a new page (a long section); otherwise it runs on after the previous one. */
  newPage?: boolean;
}

/** A monthly issue as the PDF prints it. */
export interface MonthPdfInput extends TypstFrame {
  /** Converted body of index.mdx (the issue's introduction), may be empty. */
  intro: string;
  corrections: readonly { date: string; text: string }[];
  agenda: readonly string[];
  sections: readonly TypstPart[];
  questions: readonly string[];
  attachments: readonly AttachmentEntry[];
}

/** An annual topic as the PDF prints it. */
export interface TopicPdfInput extends TypstFrame {
  intro: string;
  parts: readonly TypstPart[];
}

/** A study guide as the PDF prints it. */
export interface GuidePdfInput extends TypstFrame {
  body: string;
  questions: readonly string[];
}

/** "ngày 5 tháng 11 năm 2026" → the Typst datetime of that day. */
function typstDate(date: string): string {
  const [year, month, day] = toDateOnly(date).split('-').map(Number);
  return `datetime(year: ${year}, month: ${month}, day: ${day})`;
}

const PAGE_MARK = '\u0001';
const TOTAL_MARK = '\u0002';

/** The footer "Trang X/Y" from the Vietnamese string table, with Typst counters in its slots. */
function footer(): string {
  const text = escapeMarkup(t('export.page', { page: PAGE_MARK, total: TOTAL_MARK }))
    .replace(PAGE_MARK, '#counter(page).display()')
    .replace(TOTAL_MARK, '#counter(page).final().first()');
  return `context align(center, text(size: 11pt)${content(text)})`;
}

/** Page setup, font, paragraph and element styles shared by every PDF. */
export function preamble(frame: Pick<TypstFrame, 'title' | 'date' | 'fontFamily' | 'issuer' | 'draft'>): string {
  const font = `(${stringLiteral(frame.fontFamily)},)`;
  const author = frame.issuer ? `, author: ${stringLiteral(frame.issuer)}` : '';
  const { top, bottom, left, right } = PAGE_MARGINS_MM;
  // A page background, so the mark is on every page and under the text.
  const draftMark = frame.draft
    ? `, background: rotate(-45deg, text(size: 72pt, weight: "bold", fill: luma(88%))${content(escapeMarkup(t('export.draftMark')))})`
    : '';
  return [
    `#set document(title: ${stringLiteral(frame.title)}, date: ${typstDate(frame.date)}${author})`,
    `#set page(paper: "a4", margin: (top: ${top}mm, bottom: ${bottom}mm, left: ${left}mm, right: ${right}mm), footer: ${footer()}${draftMark})`,
    // fallback: false: a glyph the packaged font lacks must not be borrowed from a machine font.
    `#set text(font: ${font}, fallback: false, lang: "vi", region: "VN", size: ${PDF_BODY_SIZE_PT}pt, hyphenate: false)`,
    '#set par(justify: true, leading: 0.6em, spacing: 0.9em, first-line-indent: (amount: 1cm, all: true))',
    `#show raw: set text(font: ${font}, size: 0.92em)`,
    '#show heading: set par(justify: false, first-line-indent: 0pt)',
    '#show heading: set block(above: 1.3em, below: 0.8em)',
    '#show heading.where(level: 1): set text(size: 14pt, weight: "bold")',
    '#show heading.where(level: 1): set align(center)',
    '#show heading.where(level: 2): set text(size: 13pt, weight: "bold")',
    '#show heading.where(level: 3): set text(size: 13pt, weight: "bold", style: "italic")',
    '#show heading.where(level: 4): set text(size: 13pt, weight: "regular", style: "italic")',
    '#set list(indent: 0.6cm)',
    '#set enum(indent: 0.6cm)',
    '#show list: set par(first-line-indent: 0pt)',
    '#show enum: set par(first-line-indent: 0pt)',
    '#set table(inset: 5pt, stroke: 0.5pt)',
    '#show table: set text(size: 11.5pt)',
    '#show table: set par(justify: false, first-line-indent: 0pt)',
    '#show table.cell.where(y: 0): set text(weight: "bold")',
    '#set figure(numbering: none)',
    '#show figure.caption: set text(size: 11pt, style: "italic")',
    '#set quote(block: true)',
    '#show quote: set par(first-line-indent: 0pt)',
    '#show footnote.entry: set text(size: 10.5pt)',
    '#show footnote.entry: set par(first-line-indent: 0pt)',
    '#show outline.entry: set par(first-line-indent: 0pt)',
  ].join('\n');
}

/** Capitalises the first letter ("tháng 11 năm 2026" → "Tháng 11 năm 2026"). */
function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** The head block: issuer, QR code, title, kicker, date, summary and the live address. */
export function headBlock(frame: TypstFrame): string {
  const issuer = frame.issuer
    ? `#text(weight: "bold")${content(escapeMarkup(frame.issuer.toLocaleUpperCase('vi')))}`
    : '';
  const qr = `#align(center)[#image(${stringLiteral(frame.qrPath)}, width: 2.4cm) #v(-0.6em) #text(size: 8pt)${content(escapeMarkup(t('export.qr')))}]`;
  const lines = [
    '#set par(first-line-indent: 0pt, justify: false)',
    `#grid(columns: (1fr, 3cm), column-gutter: 8pt, align: (left + horizon, center), ${content(issuer)}, ${content(qr)})`,
    '#v(0.6em)',
    `#align(center)[#text(size: 16pt, weight: "bold")${content(escapeMarkup(frame.title.toLocaleUpperCase('vi')))}]`,
    `#align(center)${content(escapeMarkup(`${capitalise(frame.kicker)} · ${t('export.publishedOn', { date: formatLongDateVi(frame.date) })}`))}`,
  ];
  if (frame.summary) lines.push(`#align(center)[#emph${content(escapeMarkup(frame.summary))}]`);
  lines.push(
    `#align(center)[#text(size: 10pt)[${escapeMarkup(t('print.url'))}: #link(${stringLiteral(frame.url)})${content(escapeMarkup(frame.url))}]]`,
    '#line(length: 100%, stroke: 0.5pt)',
  );
  return `#block(width: 100%)${content(lines.join('\n'))}`;
}

/** The table of contents: first-level headings with their page numbers. */
export function tableOfContents(): string {
  return `#outline(title: ${content(escapeMarkup(t('nav.toc')))}, depth: 1)`;
}

/** A first-level heading (a section, a part, the agenda…). */
export function topHeading(title: string, options: { newPage?: boolean } = {}): string {
  const heading = `#heading(level: 1)${content(escapeMarkup(title))}`;
  return options.newPage ? `#pagebreak(weak: true)\n${heading}` : heading;
}

/** A numbered list of plain text lines (agenda, questions). */
export function textEnum(items: readonly string[]): string {
  return `#enum(tight: false, ${items.map((item) => content(escapeMarkup(item))).join(', ')})`;
}

function corrections(list: MonthPdfInput['corrections']): string {
  if (list.length === 0) return '';
  const items = list.map(
    (item) =>
      `[#strong${content(escapeMarkup(t('month.correctionOn', { date: formatDateVi(item.date) })))}: ${escapeMarkup(item.text)}]`,
  );
  return `#block(stroke: 0.5pt, inset: 8pt, width: 100%)[#set par(first-line-indent: 0pt)\n#strong${content(escapeMarkup(t('month.corrections')))}\n#list(${items.join(', ')})]`;
}

function attachmentList(list: readonly AttachmentEntry[]): string {
  const items = list.map((file) =>
    content(
      [
        `#strong${content(escapeMarkup(file.title))} ${escapeMarkup(`(${file.fileName}, ${file.typeLabel}, ${file.sizeLabel})`)}`,
        `#text(size: 10pt)${content(escapeMarkup(`${t('download.checksum')}: ${file.sha256}`))}`,
        `#text(size: 10pt)[#link(${stringLiteral(file.url)})${content(escapeMarkup(file.url))}]`,
      ].join(' #linebreak() '),
    ),
  );
  return `#enum(tight: false, ${items.join(', ')})`;
}

/** The complete Typst source of a month PDF. */
export function monthDocument(input: MonthPdfInput): string {
  const chunks = [preamble(input), headBlock(input)];
  if (input.intro) chunks.push(input.intro);
  chunks.push(corrections(input.corrections), tableOfContents());
  if (input.agenda.length > 0) chunks.push(topHeading(t('month.agenda')), textEnum(input.agenda));
  input.sections.forEach((section, index) => {
    chunks.push(topHeading(`${index + 1}. ${section.title}`, { newPage: section.newPage ?? false }), section.body);
  });
  if (input.questions.length > 0) chunks.push(topHeading(t('month.questions')), textEnum(input.questions));
  if (input.attachments.length > 0) chunks.push(topHeading(t('month.attachments')), attachmentList(input.attachments));
  return `${chunks.filter((chunk) => chunk !== '').join('\n\n')}\n`;
}

/** The complete Typst source of an annual topic PDF. */
export function topicDocument(input: TopicPdfInput): string {
  const chunks = [preamble(input), headBlock(input), tableOfContents()];
  if (input.intro) chunks.push('#pagebreak(weak: true)', input.intro);
  for (const part of input.parts) chunks.push(topHeading(part.title, { newPage: true }), part.body);
  return `${chunks.join('\n\n')}\n`;
}

/** The complete Typst source of a study guide PDF. */
export function guideDocument(input: GuidePdfInput): string {
  const chunks = [preamble(input), headBlock(input), input.body];
  if (input.questions.length > 0) chunks.push(topHeading(t('guide.questions')), textEnum(input.questions));
  return `${chunks.filter((chunk) => chunk !== '').join('\n\n')}\n`;
}
