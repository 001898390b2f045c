/**
 * The Word house style every .docx of the portal uses (month files, meeting kit templates): A4 with
 * the Party document margins, Times New Roman 14 pt justified, real Heading 1–4 styles (so Word's
 * navigation pane shows the outline), list numbering, a "Trang X/Y" footer. Build a document with
 * `createDocx` and the files all look alike.
 */
import {
  AlignmentType,
  Document,
  Footer,
  LevelFormat,
  PageNumber,
  Paragraph,
  TextRun,
  convertMillimetersToTwip,
  type FileChild,
  type ILevelsOptions,
  type INumberingOptions,
  type ISectionOptions,
  type IStylesOptions,
  type NumberingDefinition,
} from 'docx';
import { t } from '../../../i18n/vi.ts';
import { A4_MM, DOCX_BODY_SIZE_PT, PAGE_MARGINS_MM } from '../document-format.ts';

/** The body font: the one official documents are typed in, present on every office PC. */
export const DOCX_FONT = 'Times New Roman';

/** Sizes in half-points, the unit Word stores. */
export const DOCX_SIZES = {
  body: DOCX_BODY_SIZE_PT * 2,
  small: 24,
  title: 32,
  heading1: 28,
  heading2: 28,
  heading3: 28,
  heading4: 28,
} as const;

/** Paragraph style ids beyond Word's built-in headings. */
export const DOCX_STYLE = {
  title: 'Title',
  lead: 'Lead',
  quote: 'Quote',
  caption: 'Caption',
  code: 'Code',
  small: 'Small',
  centered: 'Centered',
} as const;

/** Numbering references of the house lists. */
export const DOCX_LIST = { bullet: 'bullet', decimal: 'decimal' } as const;

/** Width of the text block in twips (for tables and images). */
export const DOCX_TEXT_WIDTH_TWIPS = convertMillimetersToTwip(
  A4_MM.width - PAGE_MARGINS_MM.left - PAGE_MARGINS_MM.right,
);

/** Width of the text block in pixels at 96 dpi (ImageRun sizes are pixels). */
export const DOCX_TEXT_WIDTH_PX = Math.floor(
  ((A4_MM.width - PAGE_MARGINS_MM.left - PAGE_MARGINS_MM.right) / 25.4) * 96,
);

/** A4 page with the Party document margins. */
export function docxPageProperties(): NonNullable<ISectionOptions['properties']> {
  return {
    page: {
      size: { width: convertMillimetersToTwip(A4_MM.width), height: convertMillimetersToTwip(A4_MM.height) },
      margin: {
        top: convertMillimetersToTwip(PAGE_MARGINS_MM.top),
        bottom: convertMillimetersToTwip(PAGE_MARGINS_MM.bottom),
        left: convertMillimetersToTwip(PAGE_MARGINS_MM.left),
        right: convertMillimetersToTwip(PAGE_MARGINS_MM.right),
        header: convertMillimetersToTwip(10),
        footer: convertMillimetersToTwip(10),
      },
    },
  };
}

const heading = (
  id: string,
  name: string,
  level: number,
  size: number,
  extra: { italics?: boolean; centered?: boolean } = {},
) => ({
  id,
  name,
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  run: { font: DOCX_FONT, size, bold: true, italics: extra.italics ?? false, color: '000000' },
  paragraph: {
    alignment: extra.centered ? AlignmentType.CENTER : AlignmentType.START,
    spacing: { before: 240, after: 120 },
    keepNext: true,
    keepLines: true,
    outlineLevel: level,
    indent: { firstLine: 0 },
  },
});

/** Normal, Heading 1–4 and the house paragraph styles. */
export function docxStyles(): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: DOCX_FONT, size: DOCX_SIZES.body, language: { value: 'vi-VN' } },
        paragraph: { spacing: { after: 120, line: 300 } },
      },
    },
    paragraphStyles: [
      {
        id: 'Normal',
        name: 'Normal',
        quickFormat: true,
        run: { font: DOCX_FONT, size: DOCX_SIZES.body },
        paragraph: {
          alignment: AlignmentType.BOTH,
          spacing: { after: 120, line: 300 },
          indent: { firstLine: convertMillimetersToTwip(10) },
        },
      },
      heading('Heading1', 'heading 1', 0, DOCX_SIZES.heading1, { centered: true }),
      heading('Heading2', 'heading 2', 1, DOCX_SIZES.heading2),
      heading('Heading3', 'heading 3', 2, DOCX_SIZES.heading3, { italics: true }),
      {
        ...heading('Heading4', 'heading 4', 3, DOCX_SIZES.heading4, { italics: true }),
        run: { font: DOCX_FONT, size: DOCX_SIZES.heading4, italics: true },
      },
      {
        id: DOCX_STYLE.title,
        name: 'Title',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { font: DOCX_FONT, size: DOCX_SIZES.title, bold: true, allCaps: true },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 120 }, indent: { firstLine: 0 } },
      },
      {
        id: DOCX_STYLE.centered,
        name: 'Centered',
        basedOn: 'Normal',
        paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0 } },
      },
      {
        id: DOCX_STYLE.lead,
        name: 'Lead',
        basedOn: 'Normal',
        run: { italics: true },
        paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0 } },
      },
      {
        id: DOCX_STYLE.quote,
        name: 'Quote',
        basedOn: 'Normal',
        quickFormat: true,
        run: { italics: true },
        paragraph: {
          indent: { left: convertMillimetersToTwip(10), right: convertMillimetersToTwip(10), firstLine: 0 },
        },
      },
      {
        id: DOCX_STYLE.caption,
        name: 'caption',
        basedOn: 'Normal',
        run: { italics: true, size: DOCX_SIZES.small },
        paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0 } },
      },
      {
        id: DOCX_STYLE.code,
        name: 'Code',
        basedOn: 'Normal',
        run: { font: 'Courier New', size: DOCX_SIZES.small },
        paragraph: { alignment: AlignmentType.START, indent: { left: convertMillimetersToTwip(5), firstLine: 0 } },
      },
      {
        id: DOCX_STYLE.small,
        name: 'Small',
        basedOn: 'Normal',
        run: { size: DOCX_SIZES.small },
        paragraph: { alignment: AlignmentType.START, indent: { firstLine: 0 }, spacing: { after: 60 } },
      },
    ],
  };
}

const BULLETS = ['•', '–', '◦'];

function levels(format: 'bullet' | 'decimal', start = 1): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: format === 'bullet' ? LevelFormat.BULLET : LevelFormat.DECIMAL,
    text: format === 'bullet' ? (BULLETS[level % BULLETS.length] ?? '•') : `%${level + 1}.`,
    alignment: AlignmentType.START,
    ...(format === 'decimal' ? { start: level === 0 ? start : 1 } : {}),
    style: {
      paragraph: { indent: { left: convertMillimetersToTwip(8 + level * 7), hanging: convertMillimetersToTwip(6) } },
    },
  }));
}

/** A list definition: bullets, or numbers counting from `start`. */
export function docxListDefinition(format: 'bullet' | 'decimal', start = 1): NumberingDefinition {
  const reference =
    format === 'bullet' ? DOCX_LIST.bullet : start === 1 ? DOCX_LIST.decimal : `${DOCX_LIST.decimal}-${start}`;
  return { reference, levels: levels(format, start) };
}

/** The house numbering: bullets and decimals (other starts are added by the paragraphs that need them). */
export function docxNumbering(): INumberingOptions {
  return { config: [docxListDefinition('bullet'), docxListDefinition('decimal')] };
}

/** The footer "Trang X/Y" with Word's page fields. */
export function docxFooter(): Footer {
  const [before = '', middle = '', after = ''] = t('export.page', { page: '\u0001', total: '\u0001' }).split('\u0001');
  return new Footer({
    children: [
      new Paragraph({
        style: DOCX_STYLE.centered,
        children: [
          new TextRun({ text: before, size: DOCX_SIZES.small }),
          new TextRun({ children: [PageNumber.CURRENT], size: DOCX_SIZES.small }),
          new TextRun({ text: middle, size: DOCX_SIZES.small }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], size: DOCX_SIZES.small }),
          new TextRun({ text: after, size: DOCX_SIZES.small }),
        ],
      }),
    ],
  });
}

/** What a portal Word file is made of. */
export interface DocxOptions {
  title: string;
  description?: string | undefined;
  creator?: string | undefined;
  children: readonly FileChild[];
  footnotes?: Readonly<Record<string, { children: readonly Paragraph[] }>>;
}

/** A Word document in the house style: A4, margins, styles, numbering, footer, Vietnamese. */
export function createDocx(options: DocxOptions): Document {
  return new Document({
    title: options.title,
    ...(options.description ? { description: options.description } : {}),
    ...(options.creator ? { creator: options.creator, lastModifiedBy: options.creator } : {}),
    styles: docxStyles(),
    numbering: docxNumbering(),
    ...(options.footnotes ? { footnotes: options.footnotes } : {}),
    sections: [
      { properties: docxPageProperties(), footers: { default: docxFooter() }, children: [...options.children] },
    ],
  });
}
