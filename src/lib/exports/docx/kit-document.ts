/**
 * Renders a meeting-kit document (lib/kit/kit-document.ts) as a Word file in the house style of
 * ./styles.ts: the Party head block, dotted writing lines, tables with room to fill in, signatures.
 */
import {
  BorderStyle,
  type Document,
  HeightRule,
  LeaderType,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
  type FileChild,
} from 'docx';
import type { KitBlock, KitDocument } from '../../kit/kit-document.ts';
import { createDocx, DOCX_LIST, DOCX_STYLE, DOCX_TEXT_WIDTH_TWIPS } from './styles.ts';

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const ALL_LINES = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

/** A centred paragraph without the body's first-line indent. */
function centred(text: string, run: { bold?: boolean; italics?: boolean; underline?: boolean } = {}): Paragraph {
  return new Paragraph({
    style: DOCX_STYLE.centered,
    spacing: { after: 0 },
    children: [
      new TextRun({
        text,
        bold: run.bold ?? false,
        italics: run.italics ?? false,
        ...(run.underline ? { underline: {} } : {}),
      }),
    ],
  });
}

/** A borderless row of columns (head block, signatures). */
function layoutTable(columns: Paragraph[][], widths: number[]): Table {
  return new Table({
    width: { size: DOCX_TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths.map((share) => Math.round((DOCX_TEXT_WIDTH_TWIPS * share) / 100)),
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: columns.map(
          (children, index) =>
            new TableCell({
              width: { size: widths[index] ?? 50, type: WidthType.PERCENTAGE },
              borders: NO_BORDERS,
              children,
            }),
        ),
      }),
    ],
  });
}

/** A line of dots to write on: a right tab with a dot leader, as Word forms do. */
function writingLine(): Paragraph {
  return new Paragraph({
    style: DOCX_STYLE.small,
    spacing: { before: 120, after: 0 },
    tabStops: [{ type: TabStopType.RIGHT, position: DOCX_TEXT_WIDTH_TWIPS, leader: LeaderType.DOT }],
    children: [new TextRun({ children: [new Tab()] })],
  });
}

/** A table cell holding one paragraph. */
function cell(text: string, width: number, bold = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    children: [new Paragraph({ style: DOCX_STYLE.small, children: [new TextRun({ text, bold })] })],
  });
}

/** The Word paragraphs and tables of one block. */
function renderBlock(block: KitBlock): FileChild[] {
  switch (block.type) {
    case 'partyHead':
      return [
        layoutTable(
          [
            block.left.map((line, index) => centred(line, { bold: index < block.left.length - 1 })),
            [
              centred(block.right.join(' '), { bold: true, underline: true }),
              new Paragraph({
                style: DOCX_STYLE.centered,
                spacing: { before: 120 },
                children: [new TextRun({ text: block.placeDate, italics: true })],
              }),
            ],
          ],
          [42, 58],
        ),
      ];
    case 'title':
      return [
        new Paragraph({
          style: DOCX_STYLE.title,
          spacing: { before: 360, after: 0 },
          children: [new TextRun(block.text)],
        }),
        ...(block.subtitle
          ? [
              new Paragraph({
                style: DOCX_STYLE.centered,
                spacing: { after: 240 },
                children: [new TextRun({ text: block.subtitle, bold: true })],
              }),
            ]
          : []),
      ];
    case 'heading':
      return [new Paragraph({ style: 'Heading2', children: [new TextRun(block.text)] })];
    case 'paragraph':
      return [new Paragraph({ children: [new TextRun({ text: block.text, italics: block.italic ?? false })] })];
    case 'lines':
      return Array.from({ length: block.count }, writingLine);
    case 'list':
      return block.items.map(
        (item) =>
          new Paragraph({ numbering: { reference: DOCX_LIST.decimal, level: 0 }, children: [new TextRun(item)] }),
      );
    case 'table': {
      const blank = Array.from({ length: block.blankRows }, (_, index) => [
        String(block.rows.length + index + 1),
        ...block.headers.slice(1).map(() => ''),
      ]);
      return [
        new Table({
          width: { size: DOCX_TEXT_WIDTH_TWIPS, type: WidthType.DXA },
          columnWidths: block.widths.map((share) => Math.round((DOCX_TEXT_WIDTH_TWIPS * share) / 100)),
          borders: ALL_LINES,
          rows: [
            new TableRow({
              tableHeader: true,
              children: block.headers.map((text, index) => cell(text, block.widths[index] ?? 10, true)),
            }),
            ...[...block.rows, ...blank].map(
              (row) =>
                new TableRow({
                  height: { value: convertMillimetersToTwip(9), rule: HeightRule.ATLEAST },
                  children: row.map((text, index) => cell(text, block.widths[index] ?? 10)),
                }),
            ),
          ],
        }),
        new Paragraph({ style: DOCX_STYLE.small, children: [] }),
      ];
    }
    case 'signatures': {
      const column = (signer?: { title: string; note: string }) =>
        signer
          ? [
              centred(signer.title, { bold: true }),
              centred(signer.note, { italics: true }),
              ...Array.from({ length: 4 }, () => centred('')),
            ]
          : [centred('')];
      return [new Paragraph({ children: [] }), layoutTable([column(block.left), column(block.right)], [50, 50])];
    }
  }
}

/** The Word document of a kit document (src/exports packs it with fixed dates and ids). */
export function kitDocumentToDocx(document: KitDocument, creator: string): Document {
  return createDocx({ title: document.title, creator, children: document.blocks.flatMap(renderBlock) });
}
