/**
 * MDX body (mdast from Sätteri) → Word paragraphs and tables in the house styles. Headings get
 * Word's Heading styles, lists real numbering, footnotes real footnotes. Anything the converter has
 * no rule for stops the build with the file and line (ExportError).
 */
import {
  AlignmentType,
  BorderStyle,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import {
  absoluteUrl,
  collectDefinitions,
  definedUrl,
  failAt,
  flattenWhitespace,
  groupPhrasing,
  isRemote,
  unsupported,
  type BodyOptions,
  type Definitions,
  type MdNode,
} from '../mdast.ts';
import { DOCX_STYLE, DOCX_TEXT_WIDTH_PX, DOCX_TEXT_WIDTH_TWIPS, docxListDefinition } from './styles.ts';

/** A block of a Word body. */
export type DocxBlock = Paragraph | Table;

/** An image ready for Word: its bytes, format and pixel size. */
export interface DocxImage {
  data: Uint8Array;
  type: 'jpg' | 'png' | 'gif' | 'bmp';
  width: number;
  height: number;
}

/** Footnotes, list instances and drawing ids shared by every body of one Word document. */
export class DocxNotes {
  private readonly notes = new Map<number, { children: Paragraph[] }>();
  private nextNote = 1;
  private nextList = 1;
  private nextDrawing = 1;

  /** Registers a footnote and returns its id. */
  addFootnote(children: Paragraph[]): number {
    const id = this.nextNote++;
    this.notes.set(id, { children });
    return id;
  }

  /** A new list instance, so each list numbers from its own start. */
  newList(): number {
    return this.nextList++;
  }

  /**
   * A picture id, unique in the document. Counted per document: the docx package's own counter
   * runs across the whole process, so a file's bytes would depend on what was rendered before it.
   */
  newDrawingId(): string {
    return String(this.nextDrawing++);
  }

  /** The document's `footnotes` option. */
  footnotes(): Record<string, { children: Paragraph[] }> {
    return Object.fromEntries(this.notes);
  }
}

/** A project MDX component rendered into Word blocks. */
export type DocxComponent = (
  node: MdNode,
  convert: { blocks: (nodes: readonly MdNode[]) => DocxBlock[] },
) => DocxBlock[];

/** How a body is placed in its document; every body of one file shares its footnotes and lists. */
export interface DocxBodyOptions extends BodyOptions<DocxImage, DocxComponent> {
  /** The document's shared footnotes and list counter. */
  notes: DocxNotes;
}

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
];

type Format = Pick<IRunOptions, 'bold' | 'italics' | 'strike' | 'superScript' | 'subScript'> & {
  underline?: boolean;
  code?: boolean;
};

const INTRINSIC_FORMAT: Readonly<Record<string, Format>> = {
  strong: { bold: true },
  b: { bold: true },
  em: { italics: true },
  i: { italics: true },
  u: { underline: true },
  sup: { superScript: true },
  sub: { subScript: true },
};

const ALIGN: Readonly<Record<string, (typeof AlignmentType)[keyof typeof AlignmentType]>> = {
  left: AlignmentType.START,
  center: AlignmentType.CENTER,
  right: AlignmentType.END,
};

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** Converts one MDX body to Word blocks. */
export function mdastToDocx(root: MdNode, options: DocxBodyOptions): DocxBlock[] {
  return new DocxConverter(options, collectDefinitions(root)).blocks(root.children ?? []);
}

interface ListContext {
  reference: ReturnType<typeof docxListDefinition>;
  level: number;
  instance: number;
}

class DocxConverter {
  private readonly footnoteIds = new Map<string, number>();
  private readonly options: DocxBodyOptions;
  private readonly definitions: Definitions;

  constructor(options: DocxBodyOptions, definitions: Definitions) {
    this.options = options;
    this.definitions = definitions;
  }

  blocks(nodes: readonly MdNode[], list?: ListContext): DocxBlock[] {
    return groupPhrasing(nodes).flatMap((node) => this.block(node, list));
  }

  private block(node: MdNode, list?: ListContext): DocxBlock[] {
    switch (node.type) {
      case 'paragraph':
        return this.paragraph(node);
      case 'heading': {
        const level = Math.min(Math.max(this.options.headingLevel(node.depth ?? 2), 1), 6);
        return [
          new Paragraph({ heading: HEADINGS[level - 1] ?? HeadingLevel.HEADING_2, children: this.runs(node.children) }),
        ];
      }
      case 'list':
        return this.list(node, list);
      case 'blockquote':
        return this.blocks(node.children ?? []).map((block) =>
          block instanceof Paragraph ? restyle(block, DOCX_STYLE.quote) : block,
        );
      case 'table':
        return [this.table(node)];
      case 'code':
        return [new Paragraph({ style: DOCX_STYLE.code, children: lines(node.value ?? '', {}) })];
      case 'thematicBreak':
        return [
          new Paragraph({
            border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
            children: [],
          }),
        ];
      case 'mdxJsxFlowElement': {
        const format = INTRINSIC_FORMAT[node.name ?? ''];
        if (format) return [new Paragraph({ children: this.runs(node.children, format) })];
        if (node.name === 'br') return [new Paragraph({ children: [] })];
        const component = this.options.components?.[node.name ?? ''];
        if (component) return component(node, { blocks: (nodes) => this.blocks(nodes) });
        return unsupported(this.options.file, node);
      }
      case 'yaml':
      case 'toml':
      case 'definition':
      case 'footnoteDefinition':
        return [];
      default:
        return unsupported(this.options.file, node);
    }
  }

  /** A paragraph; images inside it become their own centred paragraphs with a caption. */
  private paragraph(node: MdNode): DocxBlock[] {
    const result: DocxBlock[] = [];
    let pending: MdNode[] = [];
    const flush = () => {
      if (pending.some((child) => !(child.type === 'text' && child.value?.trim() === ''))) {
        result.push(new Paragraph({ children: this.runs(pending) }));
      }
      pending = [];
    };
    for (const child of node.children ?? []) {
      if (child.type === 'image' || child.type === 'imageReference') {
        flush();
        result.push(
          ...this.figure(
            child.type === 'image' ? (child.url ?? '') : definedUrl(this.definitions, this.options.file, child),
            child,
          ),
        );
      } else pending.push(child);
    }
    flush();
    return result;
  }

  private runs(nodes: readonly MdNode[] = [], format: Format = {}): ParagraphChild[] {
    return nodes.flatMap((node) => this.run(node, format));
  }

  private run(node: MdNode, format: Format): ParagraphChild[] {
    switch (node.type) {
      case 'text':
        return [textRun(flattenWhitespace(node.value ?? ''), format)];
      case 'emphasis':
        return this.runs(node.children, { ...format, italics: true });
      case 'strong':
        return this.runs(node.children, { ...format, bold: true });
      case 'delete':
        return this.runs(node.children, { ...format, strike: true });
      case 'inlineCode':
        return [textRun(node.value ?? '', { ...format, code: true })];
      case 'break':
        return [new TextRun({ break: 1 })];
      case 'link':
        return this.link(node.url ?? '', node, format);
      case 'linkReference':
        return this.link(definedUrl(this.definitions, this.options.file, node), node, format);
      case 'footnoteReference':
        return [this.footnote(node)];
      case 'image':
      case 'imageReference':
        // Images inside links or emphasis: Word keeps them inline.
        return [
          this.imageRun(
            node.type === 'image' ? (node.url ?? '') : definedUrl(this.definitions, this.options.file, node),
            node,
          ),
        ];
      case 'mdxJsxTextElement': {
        if (node.name === 'br') return [new TextRun({ break: 1 })];
        const intrinsic = INTRINSIC_FORMAT[node.name ?? ''];
        if (intrinsic) return this.runs(node.children, { ...format, ...intrinsic });
        return unsupported(this.options.file, node);
      }
      default:
        return unsupported(this.options.file, node);
    }
  }

  /** A clickable link followed by its printed address, as in the PDF. */
  private link(url: string, node: MdNode, format: Format): ParagraphChild[] {
    const children = this.runs(node.children, format);
    if (url.startsWith('#')) return children;
    const href = absoluteUrl(url, this.options.siteUrl);
    const label = node.children?.length === 1 && node.children[0]?.type === 'text' ? node.children[0].value : undefined;
    // An address written as its own text prints once; other links print text, then the address.
    if (label === url || label === href)
      return [new ExternalHyperlink({ link: href, children: [textRun(href, format, 'Hyperlink')] })];
    const linked = new ExternalHyperlink({ link: href, children });
    return [linked, textRun(` (${href})`, format)];
  }

  private footnote(node: MdNode): FootnoteReferenceRun {
    const id = (node.identifier ?? '').toLowerCase();
    const known = this.footnoteIds.get(id);
    if (known !== undefined) return new FootnoteReferenceRun(known);
    const definition = this.definitions.footnotes.get(id);
    if (!definition) return failAt(this.options.file, node, 'export.footnoteMissing', { id: node.label ?? id });
    const paragraphs = this.blocks(definition.children ?? []).filter(
      (block): block is Paragraph => block instanceof Paragraph,
    );
    const noteId = this.options.notes.addFootnote(paragraphs);
    this.footnoteIds.set(id, noteId);
    return new FootnoteReferenceRun(noteId);
  }

  private imageRun(url: string, node: MdNode): ImageRun {
    if (isRemote(url)) return failAt(this.options.file, node, 'export.remoteImage', { src: url });
    const image = this.options.image(url, node);
    // Never wider than the text block; keep the aspect ratio.
    const scale = Math.min(1, DOCX_TEXT_WIDTH_PX / Math.max(image.width, 1));
    return new ImageRun({
      type: image.type,
      data: image.data,
      transformation: { width: Math.round(image.width * scale), height: Math.round(image.height * scale) },
      altText: {
        id: this.options.notes.newDrawingId(),
        name: node.alt ?? '',
        description: node.alt ?? '',
        title: node.alt ?? '',
      },
    });
  }

  private figure(url: string, node: MdNode): Paragraph[] {
    const picture = new Paragraph({ style: DOCX_STYLE.caption, keepNext: true, children: [this.imageRun(url, node)] });
    return node.alt
      ? [picture, new Paragraph({ style: DOCX_STYLE.caption, children: [new TextRun(node.alt)] })]
      : [picture];
  }

  private list(node: MdNode, parent?: ListContext): DocxBlock[] {
    const reference = node.ordered ? docxListDefinition('decimal', node.start ?? 1) : docxListDefinition('bullet');
    const context: ListContext = {
      reference,
      level: parent ? parent.level + 1 : 0,
      instance: this.options.notes.newList(),
    };
    return (node.children ?? []).flatMap((item) => {
      const task = item.checked === true ? '[x] ' : item.checked === false ? '[ ] ' : '';
      let first = true;
      return (item.children ?? []).flatMap((child) => {
        if (child.type === 'list') return this.list(child, context);
        const blocks = this.block(child, context);
        return blocks.map((block) => {
          if (!(block instanceof Paragraph)) return block;
          const numbered = first;
          first = false;
          return listParagraph(block, context, numbered, numbered ? task : '');
        });
      });
    });
  }

  private table(node: MdNode): Table {
    const rows = node.children ?? [];
    const columns = Math.max(node.align?.length ?? 0, ...rows.map((row) => row.children?.length ?? 0), 1);
    const width = Math.floor(DOCX_TEXT_WIDTH_TWIPS / columns);
    return new Table({
      width: { size: DOCX_TEXT_WIDTH_TWIPS, type: WidthType.DXA },
      columnWidths: Array.from({ length: columns }, () => width),
      rows: rows.map(
        (row, rowIndex) =>
          new TableRow({
            // Only the first row repeats on each page (a false flag still reads as a header to some readers).
            ...(rowIndex === 0 ? { tableHeader: true } : {}),
            cantSplit: true,
            children: Array.from({ length: columns }, (_, index) => {
              const cell = row.children?.[index];
              const alignment = ALIGN[node.align?.[index] ?? ''] ?? AlignmentType.START;
              return new TableCell({
                width: { size: width, type: WidthType.DXA },
                borders: { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER },
                margins: { top: 60, bottom: 60, left: 100, right: 100 },
                children: [
                  new Paragraph({
                    style: DOCX_STYLE.small,
                    alignment,
                    children: this.runs(cell?.children, rowIndex === 0 ? { bold: true } : {}),
                  }),
                ],
              });
            }),
          }),
      ),
    });
  }
}

function textRun(text: string, format: Format, style?: string): TextRun {
  const { underline, code, ...rest } = format;
  return new TextRun({
    text,
    ...rest,
    ...(underline ? { underline: {} } : {}),
    ...(code ? { font: 'Courier New' } : {}),
    ...(style ? { style } : {}),
  });
}

function lines(text: string, format: Format): TextRun[] {
  return text
    .split(/\r?\n/)
    .map((line, index) => (index === 0 ? textRun(line, format) : new TextRun({ text: line, break: 1 })));
}

/** The same paragraph with another style (docx paragraphs are immutable once built). */
function restyle(paragraph: Paragraph, style: string): Paragraph {
  return new Paragraph({ ...paragraph.options, style });
}

/** A list paragraph: numbered when it opens its item, indented to the item's text otherwise. */
function listParagraph(paragraph: Paragraph, list: ListContext, numbered: boolean, task: string): Paragraph {
  const children = [...(task ? [new TextRun(task)] : []), ...(paragraph.options.children ?? [])];
  if (numbered) {
    return new Paragraph({
      ...paragraph.options,
      children,
      numbering: { reference: list.reference, level: list.level, instance: list.instance },
    });
  }
  return new Paragraph({ ...paragraph.options, children, indent: { left: 454 + list.level * 397, firstLine: 0 } });
}
