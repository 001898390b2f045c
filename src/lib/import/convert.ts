/**
 * Word → mdast: mammoth turns the .docx into HTML with the document's own structure (Title and
 * Heading styles, lists, tables, footnotes, images with Word's alt text), hast-util-to-mdast turns
 * that into Markdown's tree. Pure: bytes in, tree and image bytes out, in Node and in the browser.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toMdast, type Handle } from 'hast-util-to-mdast';
import mammoth from 'mammoth';
import type { FootnoteDefinition, Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';

/** An image taken out of the document, to be written under the item's images/ folder. */
export interface ImportedImage {
  /** File name inside images/ ("anh-01.png"). */
  name: string;
  bytes: Uint8Array;
  /** Word's description (alt text), NFC and trimmed; "" when the document has none. */
  alt: string;
}

/** An image Word holds in a format the web cannot show (EMF, WMF, TIFF…), left out. */
export interface SkippedImage {
  position: number;
  contentType: string;
}

/** The document as Markdown's tree, with what came out of it besides the text. */
export interface ConvertedDocument {
  /** The paragraph in Word's Title style, if any. */
  title: string | undefined;
  /** Body blocks in order; headings keep Word's level (Heading 1 → depth 1). */
  blocks: RootContent[];
  /** Footnote and endnote texts by identifier ("1", "e1"). */
  footnotes: Map<string, FootnoteDefinition>;
  images: ImportedImage[];
  skippedImages: SkippedImage[];
  /** Tables that had merged cells (their text stays in the first cell of the merge). */
  mergedTables: number;
}

/** How the import names what it extracts. */
export interface ConvertOptions {
  /** Images become `${imageBase}-NN.ext` ("anh" → anh-01.png). */
  imageBase: string;
}

const IMAGE_TYPES: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/** Word styles the site reads besides mammoth's defaults (Heading 1–6, lists, tables). */
const STYLE_MAP = ["p[style-name='Title'] => p.doc-title:fresh", "p[style-name='Subtitle'] => p:fresh"];

/** Characters Word leaves in text that read as nothing or as a plain space. */
const INVISIBLE = /[\u00ad\u200b\u200c\u200d\u2060\ufeff]/g;
const ODD_SPACES = /[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]/g;

/** Text as it should be stored: NFC, no invisible marks, odd spaces made plain. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE, '').replace(ODD_SPACES, ' ');
}

const isElement = (node: HastContent | ElementContent | HastRoot, tag?: string): node is Element =>
  node.type === 'element' && (tag === undefined || node.tagName === tag);

const classes = (node: Element): string[] => {
  const value = node.properties['className'];
  return Array.isArray(value) ? value.map(String) : [];
};

/** Plain text of a hast node. */
function hastText(node: HastContent | ElementContent | HastRoot): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((child) => hastText(child as ElementContent)).join('');
  return '';
}

/** Every element under `root`, parents before children. */
function* elements(root: HastRoot | Element): Generator<{ node: Element; parent: HastRoot | Element }> {
  for (const child of root.children) {
    if (!isElement(child)) continue;
    yield { node: child, parent: root };
    yield* elements(child);
  }
}

/** The footnote id a mammoth anchor points to ("#footnote-3" → "3", "#endnote-2" → "e2"). */
function noteId(href: unknown, back: boolean): string | undefined {
  const match = /^#(footnote|endnote)(-ref)?-(\d+)$/.exec(String(href ?? ''));
  if (!match || Boolean(match[2]) !== back) return undefined;
  return match[1] === 'endnote' ? `e${match[3]}` : match[3];
}

/** The note id of a `<sup><a href="#footnote-N">` reference, if the element is one. */
function referenceId(node: Element): string | undefined {
  const [only] = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  return node.tagName === 'sup' && only && isElement(only, 'a') ? noteId(only.properties['href'], false) : undefined;
}

const footnoteReference: Handle = (_state, node: Element) => {
  const identifier = referenceId(node);
  if (identifier === undefined) return _state.all(node) as PhrasingContent[];
  return { type: 'footnoteReference', identifier, label: identifier };
};

/** Turns hast into mdast with the site's handlers (footnote references). */
function hastToMdast(tree: HastRoot): Root {
  return toMdast(tree, { handlers: { sup: footnoteReference } }) as Root;
}

/** Takes mammoth's footnote list out of the tree and returns each note as an mdast definition. */
function extractFootnotes(tree: HastRoot): Map<string, FootnoteDefinition> {
  const notes = new Map<string, FootnoteDefinition>();
  for (const { node, parent } of [...elements(tree)]) {
    if (!isElement(node, 'ol')) continue;
    const items = node.children.filter((child): child is Element => isElement(child, 'li'));
    const ids = items.map((item) => /^(footnote|endnote)-(\d+)$/.exec(String(item.properties['id'] ?? '')));
    if (items.length === 0 || ids.some((id) => id === null)) continue;
    items.forEach((item, index) => {
      const id = ids[index];
      if (!id) return;
      const identifier = id[1] === 'endnote' ? `e${id[2]}` : (id[2] ?? '');
      // The "↑" back-link is mammoth's, not the author's.
      for (const { node: link, parent: holder } of [...elements(item)]) {
        if (isElement(link, 'a') && noteId(link.properties['href'], true) !== undefined) {
          holder.children = holder.children.filter((child) => child !== link) as typeof holder.children;
        }
      }
      const body = hastToMdast({ type: 'root', children: item.children });
      notes.set(identifier, {
        type: 'footnoteDefinition',
        identifier,
        label: identifier,
        children: tidyBlocks(body.children) as FootnoteDefinition['children'],
      });
    });
    parent.children = parent.children.filter((child) => child !== node) as typeof parent.children;
  }
  return notes;
}

/** Takes the Title-style paragraphs out; the first is the document's title. */
function extractTitle(tree: HastRoot): string | undefined {
  const titles = [...elements(tree)].filter(({ node }) => isElement(node, 'p') && classes(node).includes('doc-title'));
  for (const { node, parent } of titles) {
    parent.children = parent.children.filter((child) => child !== node) as typeof parent.children;
  }
  const [first] = titles.map(({ node }) => cleanText(hastText(node)).replace(/\s+/g, ' ').trim()).filter(Boolean);
  return first;
}

/** Cleans text in place, in hast, before whitespace is collapsed by the conversion. */
function cleanHast(node: HastRoot | Element): void {
  for (const child of node.children) {
    if (child.type === 'text') child.value = cleanText(child.value);
    else if (isElement(child)) cleanHast(child);
  }
}

const hasContent = (node: Nodes): boolean => {
  if (node.type === 'image' || node.type === 'footnoteReference' || node.type === 'thematicBreak') return true;
  if ('value' in node) return node.value.trim() !== '';
  if ('children' in node) return node.children.some((child) => hasContent(child));
  return false;
};

/** Unwraps emphasis inside headings (Word headings are often bolded by hand). */
function plainHeadingText(children: PhrasingContent[]): PhrasingContent[] {
  return children.flatMap((child) =>
    child.type === 'strong' || child.type === 'emphasis' ? plainHeadingText(child.children) : [child],
  );
}

/** Drops empty paragraphs and headings, and trims the text at the edges of each block. */
export function tidyBlocks(blocks: RootContent[]): RootContent[] {
  const kept: RootContent[] = [];
  for (const block of blocks) {
    if ((block.type === 'paragraph' || block.type === 'heading') && !hasContent(block)) continue;
    if (block.type === 'heading') block.children = plainHeadingText(block.children);
    if ('children' in block && block.type !== 'table') {
      const parent = block as Parent;
      if (parent.type === 'list' || parent.type === 'listItem' || parent.type === 'blockquote') {
        parent.children = tidyBlocks(parent.children as RootContent[]) as Parent['children'];
      }
    }
    kept.push(block);
  }
  return kept;
}

/** Counts tables with colspan/rowspan before the conversion fills the merges with empty cells. */
function countMergedTables(tree: HastRoot): number {
  return [...elements(tree)].filter(
    ({ node }) =>
      isElement(node, 'table') &&
      [...elements(node)].some(({ node: cell }) => {
        const span = (name: string) => Number(cell.properties[name] ?? 1) > 1;
        return span('colSpan') || span('rowSpan');
      }),
  ).length;
}

/** Converts a .docx (already recognised by inspectWordFile) into Markdown's tree. */
export async function convertDocx(bytes: Uint8Array, options: ConvertOptions): Promise<ConvertedDocument> {
  const images: ImportedImage[] = [];
  const skippedImages: SkippedImage[] = [];
  let position = 0;
  const convertImage = mammoth.images.imgElement(async (image) => {
    position += 1;
    const extension = IMAGE_TYPES[image.contentType];
    if (!extension) {
      skippedImages.push({ position, contentType: image.contentType });
      return { src: '' };
    }
    const name = `${options.imageBase}-${String(images.length + 1).padStart(2, '0')}.${extension}`;
    const altText = (image as unknown as { altText?: string }).altText ?? '';
    const alt = cleanText(altText).replace(/\s+/g, ' ').trim();
    images.push({ name, bytes: new Uint8Array(await image.readAsArrayBuffer()), alt });
    return { src: `./images/${name}`, alt };
  });
  // mammoth reads `buffer` in Node and `arrayBuffer` in the browser build; both take these bytes.
  const input = { buffer: bytes, arrayBuffer: bytes } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
  const { value: html } = await mammoth.convertToHtml(input, { styleMap: STYLE_MAP, convertImage });
  const tree = fromHtml(html, { fragment: true });
  // Images in a format the web cannot show were given an empty src: drop them.
  for (const { node, parent } of [...elements(tree)]) {
    if (isElement(node, 'img') && !node.properties['src']) {
      parent.children = parent.children.filter((child) => child !== node) as typeof parent.children;
    }
  }
  cleanHast(tree);
  const title = extractTitle(tree);
  const footnotes = extractFootnotes(tree);
  const mergedTables = countMergedTables(tree);
  const blocks = tidyBlocks(hastToMdast(tree).children);
  for (const table of blocks.filter((block) => block.type === 'table')) {
    // A Word table has no header markup; the conversion then adds an empty first row.
    const [first, ...rows] = table.children;
    if (first && rows.length > 0 && !hasContent(first)) table.children = rows;
  }
  return { title, blocks, footnotes, images, skippedImages, mergedTables };
}
