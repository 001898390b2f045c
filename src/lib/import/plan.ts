/**
 * From a converted Word document to the content files of the contract: a month (index + one
 * section per Heading 1), one section of an existing month, a topic part or a study guide, all as
 * drafts, with the list of what a person must look at. Pure: the CLI and the web editor write.
 */
import type { FootnoteDefinition, Nodes, RootContent } from 'mdast';
import { t } from '../../i18n/vi.ts';
import { calendarDate } from '../common/dates.ts';
import { formatMonthKey, type MonthKey } from '../common/month-key.ts';
import { toSlug } from '../common/slugs.ts';
import { SECTION_KINDS, type SectionKind } from '../content/kinds.ts';
import { issuePublishDate } from '../content/scaffold.ts';
import type { ConvertedDocument } from './convert.ts';
import type { WordFeatures } from './word-file.ts';
import { toMdxText } from './mdx-text.ts';

/** Where a document goes. */
export type ImportTarget =
  | { kind: 'month'; month: MonthKey }
  | { kind: 'section'; month: MonthKey }
  | { kind: 'topicPart'; year: number }
  | { kind: 'guide' };

/** What the plan needs to know about the content already there. */
export interface ImportContext {
  now: Date;
  /** The issuer of the latest issue, reused as `npm run new` does. */
  issuer?: string | undefined;
  topicYears: readonly string[];
  /** File names in the target folder (a month or a topic year), to number a new section. */
  siblings: readonly string[];
}

/** A file to create, relative to the content root. */
export interface ImportFile {
  path: string;
  data: string | Uint8Array;
}

/** The files to create and what a person must look at. */
export interface ImportPlan {
  /** The folder or file that must not exist yet. */
  target: string;
  files: ImportFile[];
  attention: string[];
}

/** The kind written when the heading does not say; the schema refuses it until staff choose. */
export const UNCONFIRMED_KIND = 'chua-xac-dinh';

/** Headings that name their kind plainly, as slugs ("Thời sự…" → "thoi-su…"), first match wins. */
const KIND_CUES: readonly [RegExp, SectionKind][] = [
  [/(^|-)hoi-dap(-|$)/, 'hoi-dap'],
  [/(^|-)van-ban-moi(-|$)/, 'van-ban-moi'],
  [/(^|-)hoc-tap(-.*)?-(bac|ho-chi-minh)(-|$)/, 'hoc-tap-bac'],
  [/(^|-)thoi-su(-|$)/, 'thoi-su'],
  [/(^|-)(ky-niem|ngay-le)(-|$)/, 'ky-niem'],
  [/(^|-)bao-ve-nen-tang(-|$)/, 'bao-ve-nen-tang'],
  [/(^|-)guong-(dien-hinh|sang|nguoi-tot)(-|$)/, 'guong-dien-hinh'],
  [/(^|-)dinh-huong(-|$)/, 'dinh-huong'],
  [/(^|-)chuyen-de(-|$)/, 'chuyen-de'],
];

/** The section kind a heading names plainly, or undefined. */
export function guessKind(heading: string): SectionKind | undefined {
  const slug = toSlug(heading);
  return KIND_CUES.find(([cue]) => cue.test(slug))?.[1];
}

const quote = (value: string) => JSON.stringify(value);
const pad = (order: number) => String(order).padStart(2, '0');

/** Plain text of an mdast node. */
function textOf(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return node.children.map((child) => textOf(child)).join('');
  return '';
}

/** The frontmatter block followed by the body. */
function mdxFile(fields: readonly (readonly [string, string])[], body: string, comment?: string): string {
  const lines = fields.map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n${comment ? `# ${comment}\n` : ''}---\n\n${body.trim()}\n`;
}

/** Every footnote identifier referenced under the given blocks. */
function referencedNotes(blocks: readonly Nodes[], found = new Set<string>()): Set<string> {
  for (const block of blocks) {
    if (block.type === 'footnoteReference') found.add(block.identifier);
    if ('children' in block) referencedNotes(block.children, found);
  }
  return found;
}

/** Headings shifted so the shallowest becomes `##` (the page title is the only `#`). */
function shiftHeadings(blocks: RootContent[], shallowest: number): RootContent[] {
  return blocks.map((block) =>
    block.type === 'heading'
      ? { ...block, depth: Math.min(6, Math.max(2, block.depth - shallowest + 2)) as 2 | 3 | 4 | 5 | 6 }
      : block,
  );
}

/** Body text with the footnotes these blocks reference appended. */
function bodyText(blocks: RootContent[], notes: ReadonlyMap<string, FootnoteDefinition>): string {
  const used = [...referencedNotes(blocks)].flatMap((id) => {
    const note = notes.get(id);
    return note ? [note] : [];
  });
  return toMdxText([...blocks, ...used]);
}

/** The 1-based line of the first occurrence of `needle` in `text`. */
const lineOf = (text: string, needle: string) => {
  const at = text.indexOf(needle);
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
};

/** Notes on images without alt text, per file. */
function altNotes(file: ImportFile, doc: ConvertedDocument): string[] {
  if (typeof file.data !== 'string') return [];
  const text = file.data;
  return doc.images
    .filter((image) => image.alt === '' && text.includes(`](./images/${image.name})`))
    .map((image) =>
      t('import.altMissing', { file: file.path, line: lineOf(text, `](./images/${image.name})`), image: image.name }),
    );
}

/** Notes that do not depend on where the text went. */
function documentNotes(doc: ConvertedDocument, features: WordFeatures): string[] {
  const notes = doc.skippedImages.map((image) =>
    t('import.imageSkipped', { position: image.position, type: image.contentType }),
  );
  if (features.comments > 0) notes.push(t('import.comments', { count: features.comments }));
  if (features.insertions + features.deletions > 0)
    notes.push(t('import.tracked', { insertions: features.insertions, deletions: features.deletions }));
  if (features.textBoxes > 0) notes.push(t('import.textBoxes', { count: features.textBoxes }));
  return notes;
}

/** Splits off a leading title: the Title style, else the first short paragraph or heading. */
function takeTitle(
  doc: ConvertedDocument,
  blocks: RootContent[],
  allowHeading1: boolean,
): [string | undefined, RootContent[]] {
  if (doc.title) return [doc.title, blocks];
  const [first, ...rest] = blocks;
  const usable =
    first &&
    (first.type === 'paragraph' || (first.type === 'heading' && (allowHeading1 || first.depth > 1))) &&
    textOf(first).trim().length <= 200;
  return usable ? [textOf(first).replace(/\s+/g, ' ').trim(), rest] : [undefined, blocks];
}

/** The first paragraph's text, as a one-line summary. */
function summaryOf(blocks: readonly RootContent[]): string | undefined {
  const paragraph = blocks.find((block) => block.type === 'paragraph' && textOf(block).trim() !== '');
  return paragraph ? textOf(paragraph).replace(/\s+/g, ' ').trim() : undefined;
}

/** The next free order number in a folder whose files are "NN-slug.mdx". */
function nextOrder(siblings: readonly string[]): number {
  const orders = siblings.flatMap((name) => {
    const match = /^(\d+)-.+\.mdx$/.exec(name);
    return match ? [Number(match[1])] : [];
  });
  return Math.max(0, ...orders) + 1;
}

/** Image files of the document under `folder`/images/. */
const imageFiles = (doc: ConvertedDocument, folder: string): ImportFile[] =>
  doc.images.map((image) => ({ path: `${folder}/images/${image.name}`, data: image.bytes }));

/** A section file's text, with notes on its kind and emptiness. */
function sectionFile(
  path: string,
  title: string,
  order: number,
  blocks: RootContent[],
  notes: ReadonlyMap<string, FootnoteDefinition>,
  attention: string[],
): ImportFile {
  const kind = guessKind(title);
  const kinds = SECTION_KINDS.join(', ');
  const body = bodyText(blocks, notes);
  if (body.trim() === '') attention.push(t('import.emptySection', { file: path, title }));
  const data = mdxFile(
    [
      ['title', quote(title)],
      ['order', String(order)],
      ['kind', kind ?? UNCONFIRMED_KIND],
    ],
    body || t('new.section.body'),
    kind ? undefined : t('import.kindHint', { kinds }),
  );
  attention.push(
    kind
      ? t('import.kindGuessed', { file: path, line: 4, kind, title })
      : t('import.kindUnknown', { file: path, line: 4, title, kinds }),
  );
  return { path, data };
}

/** A whole month: index.mdx (title, intro) and one section per Heading 1. */
function monthPlan(doc: ConvertedDocument, month: MonthKey, context: ImportContext, attention: string[]): ImportPlan {
  const key = formatMonthKey(month);
  const folder = `thang/${key}`;
  const names = { month: String(month.month), year: String(month.year) };
  const firstHeading = doc.blocks.findIndex((block) => block.type === 'heading' && block.depth === 1);
  const [title, intro] = takeTitle(doc, firstHeading < 0 ? doc.blocks : doc.blocks.slice(0, firstHeading), false);
  const rest = firstHeading < 0 ? [] : doc.blocks.slice(firstHeading);
  const sections: { title: string; blocks: RootContent[] }[] = [];
  for (const block of rest) {
    if (block.type === 'heading' && block.depth === 1) sections.push({ title: textOf(block).trim(), blocks: [] });
    else sections.at(-1)?.blocks.push(block);
  }
  const summary = summaryOf(intro);
  if (!summary) attention.push(t('import.summaryMissing', { file: `${folder}/index.mdx` }));
  const index: ImportFile = {
    path: `${folder}/index.mdx`,
    data: mdxFile(
      [
        ['title', quote(title ?? t('new.month.title', names))],
        ['month', quote(key)],
        ['summary', quote(summary ?? t('new.month.summary', names))],
        ['issuer', quote(context.issuer ?? t('new.month.issuer'))],
        ['status', 'draft'],
        ['publishDate', issuePublishDate(month)],
        ...(context.topicYears.includes(String(month.year)) ? [['topic', String(month.year)] as const] : []),
        ['agenda', '[]'],
        ['questions', '[]'],
        ['attachments', '[]'],
      ],
      bodyText(shiftHeadings(intro, 2), doc.footnotes) || t('new.month.body', names),
    ),
  };
  const slugs = new Set<string>();
  const files = sections.map((section, position) => {
    let slug = toSlug(section.title) || `muc-${position + 1}`;
    // Two sections with the same heading would share a URL.
    while (slugs.has(slug)) slug = `${slug}-${position + 1}`;
    slugs.add(slug);
    const path = `${folder}/${pad(position + 1)}-${slug}.mdx`;
    return sectionFile(path, section.title, position + 1, shiftHeadings(section.blocks, 2), doc.footnotes, attention);
  });
  return { target: folder, files: [index, ...files, ...imageFiles(doc, folder)], attention };
}

/** One document as one item's title and body blocks, its shallowest heading made `##`. */
function itemBlocks(doc: ConvertedDocument): [string | undefined, RootContent[]] {
  const [title, blocks] = takeTitle(doc, doc.blocks, true);
  const depths = blocks.flatMap((block) => (block.type === 'heading' ? [block.depth] : []));
  return [title, shiftHeadings(blocks, Math.min(2, ...depths))];
}

/** One document as the title and MDX body the web editor fills in, with what needs a person. */
export function itemBody(
  doc: ConvertedDocument,
  features: WordFeatures,
  fileName: string,
): { title: string | undefined; body: string; attention: string[] } {
  const [title, blocks] = itemBlocks(doc);
  const body = bodyText(blocks, doc.footnotes);
  const attention = [...documentNotes(doc, features), ...altNotes({ path: fileName, data: body }, doc)];
  if (doc.mergedTables > 0) attention.push(t('import.mergedCells', { file: fileName, count: doc.mergedTables }));
  return { title, body, attention };
}

/** One document as one item (section, topic part or guide): title, then the whole body. */
function singlePlan(
  doc: ConvertedDocument,
  target: Exclude<ImportTarget, { kind: 'month' }>,
  context: ImportContext,
  attention: string[],
): ImportPlan | { error: string } {
  const [title, body] = itemBlocks(doc);
  if (!title) return { error: t('import.noTitle') };
  const slug = toSlug(title) || 'bai-nhap';
  if (target.kind === 'guide') {
    const path = `hoc-tap-bac/${slug}.mdx`;
    const summary = summaryOf(body);
    if (!summary) attention.push(t('import.summaryMissing', { file: path }));
    const data = mdxFile(
      [
        ['title', quote(title)],
        ['summary', quote(summary ?? t('new.guide.summary'))],
        ['status', 'draft'],
        ['publishDate', calendarDate(context.now)],
        ['questions', '[]'],
      ],
      bodyText(body, doc.footnotes) || t('new.guide.body'),
    );
    return { target: path, files: [{ path, data }, ...imageFiles(doc, 'hoc-tap-bac')], attention };
  }
  const order = nextOrder(context.siblings);
  const folder = target.kind === 'section' ? `thang/${formatMonthKey(target.month)}` : `chuyen-de/${target.year}`;
  const path = `${folder}/${pad(order)}-${slug}.mdx`;
  const file =
    target.kind === 'section'
      ? sectionFile(path, title, order, body, doc.footnotes, attention)
      : {
          path,
          data: mdxFile(
            [
              ['title', quote(title)],
              ['order', String(order)],
            ],
            bodyText(body, doc.footnotes) || t('new.section.body'),
          ),
        };
  return { target: path, files: [file, ...imageFiles(doc, folder)], attention };
}

/** The files a converted document becomes, or why it cannot be placed. */
export function planImport(
  doc: ConvertedDocument,
  features: WordFeatures,
  target: ImportTarget,
  context: ImportContext,
): ImportPlan | { error: string } {
  const attention = documentNotes(doc, features);
  const plan =
    target.kind === 'month'
      ? monthPlan(doc, target.month, context, attention)
      : singlePlan(doc, target, context, attention);
  if ('error' in plan) return plan;
  for (const file of plan.files) plan.attention.push(...altNotes(file, doc));
  if (doc.mergedTables > 0)
    plan.attention.push(t('import.mergedCells', { file: plan.target, count: doc.mergedTables }));
  return plan;
}

/** The image name stem: a month's images are "anh-NN", one item's are named after its Word file. */
export function imageBaseFor(target: ImportTarget, fileName: string): string {
  const stem =
    fileName
      .split(/[\\/]/)
      .pop()
      ?.replace(/\.docx$/i, '') ?? '';
  return target.kind === 'month' ? 'anh' : toSlug(stem).slice(0, 40) || 'anh';
}
