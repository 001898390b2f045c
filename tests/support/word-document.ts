/**
 * Word documents made by the tests themselves with the `docx` package, as staff would write them:
 * Title and Heading styles, lists, tables with merged cells, footnotes, links, images with and
 * without alt text, comments, tracked changes and text boxes.
 */
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  Textbox,
  type FileChild,
  type ParagraphChild,
} from 'docx';
import { deflateSync } from 'node:zlib';

/** A small solid-colour PNG (valid, so the site's image pipeline accepts it). */
export function tinyPng(width = 48, height = 32, rgb: [number, number, number] = [180, 30, 30]): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', pixels),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

const HEADINGS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: HeadingLevel.HEADING_4,
} as const;

/** Builders for the paragraphs a test document is made of. */
export const word = {
  title: (text: string) => new Paragraph({ text, heading: HeadingLevel.TITLE }),
  heading: (level: 1 | 2 | 3 | 4, text: string) => new Paragraph({ text, heading: HEADINGS[level] }),
  text: (...children: (string | ParagraphChild)[]) =>
    new Paragraph({ children: children.map((child) => (typeof child === 'string' ? new TextRun(child) : child)) }),
  bold: (text: string) => new TextRun({ text, bold: true }),
  italic: (text: string) => new TextRun({ text, italics: true }),
  bullet: (text: string, level = 0) => new Paragraph({ text, bullet: { level } }),
  numbered: (text: string, level = 0) => new Paragraph({ text, numbering: { reference: 'so-thu-tu', level } }),
  link: (text: string, link: string) => new ExternalHyperlink({ children: [new TextRun(text)], link }),
  footnote: (id: number) => new FootnoteReferenceRun(id),
  image: (alt?: string, data: Uint8Array = tinyPng()) =>
    new ImageRun({
      type: 'png',
      data,
      transformation: { width: 48, height: 32 },
      ...(alt === undefined ? {} : { altText: { name: 'Ảnh', title: '', description: alt } }),
    }),
  /** A table; a cell is text, or [text, {columnSpan, rowSpan}]. */
  table: (rows: (string | [string, { columnSpan?: number; rowSpan?: number }])[][]) =>
    new Table({
      rows: rows.map(
        (cells) =>
          new TableRow({
            children: cells.map((cell) => {
              const [text, span] = typeof cell === 'string' ? [cell, {}] : cell;
              return new TableCell({ children: [new Paragraph(text)], ...span });
            }),
          }),
      ),
    }),
  commented: (text: string, id = 0) => [
    new CommentRangeStart(id),
    new TextRun(text),
    new CommentRangeEnd(id),
    new TextRun({ children: [new CommentReference(id)] }),
  ],
  inserted: (text: string) => new InsertedTextRun({ text, id: 1, author: 'Biên tập', date: '2026-11-20T08:00:00Z' }),
  deleted: (text: string) => new DeletedTextRun({ text, id: 2, author: 'Biên tập', date: '2026-11-20T08:00:00Z' }),
  textBox: (text: string) =>
    new Textbox({
      style: { width: '4in', height: '1in' },
      children: [new Paragraph(text)],
      alignment: AlignmentType.LEFT,
    }),
};

/** What goes into a test document besides its body. */
export interface WordOptions {
  footnotes?: Record<number, string>;
  comments?: Record<number, string>;
}

/** A .docx holding `body`, with the numbering, footnotes and comments it refers to. */
export async function wordDocument(body: FileChild[], options: WordOptions = {}): Promise<Uint8Array> {
  const document = new Document({
    creator: 'Ban Tuyên giáo',
    numbering: {
      config: [
        {
          reference: 'so-thu-tu',
          levels: [0, 1, 2].map((level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
          })),
        },
      ],
    },
    footnotes: Object.fromEntries(
      Object.entries(options.footnotes ?? {}).map(([id, text]) => [id, { children: [new Paragraph(text)] }]),
    ),
    comments: {
      children: Object.entries(options.comments ?? {}).map(([id, text]) => ({
        id: Number(id),
        author: 'Biên tập',
        date: new Date('2026-11-20T08:00:00Z'),
        children: [new Paragraph(text)],
      })),
    },
    sections: [{ children: body }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
