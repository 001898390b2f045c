/**
 * The content checker behind `npm run check` and the first step of `npm run build`.
 * Pure: it is handed every file of content/ (text of the MDX files, sizes of the rest) and returns
 * every problem at once, each with file, line, field and a Vietnamese explanation.
 */
import { z } from 'astro/zod';
import { LineCounter, parseDocument, isMap, isScalar, type Node as YamlNode } from 'yaml';
import { t, vi, type MessageKey } from '../../i18n/vi.ts';
import { parseMonthKey } from '../common/month-key.ts';
import { isCleanSlug, slugFromFileName, toSlug } from '../common/slugs.ts';
import { findLegacyEncoding } from '../common/text-encoding.ts';
import { formatSize } from '../common/sizes.ts';
import { contentRoutes, RESERVED_MONTH_SLUGS } from '../content/routes.ts';
import { checkCriteriaFiles } from './criteria.ts';
import { IMAGE_MAX_BYTES, IMAGE_WARN_BYTES } from './files.ts';
import type { ContentFile, Problem } from './problem.ts';
import {
  imagePath,
  monthlyIssueSchema,
  sectionSchema,
  studyGuideSchema,
  topicPartSchema,
  topicSchema,
  year,
} from '../content/schemas.ts';

/** The kind of page a content path holds, from its place in the contract. */
export type ContentKind = 'monthlyIssue' | 'section' | 'topic' | 'topicPart' | 'studyGuide';

/** Where a content path sits in the contract, or null when it is not a page. */
export function classifyContentPath(path: string): { kind: ContentKind; folder: string; fileName: string } | null {
  const parts = path.split('/');
  if (parts[0] !== 'content' || !path.endsWith('.mdx')) return null;
  const [, area, folder = '', fileName = ''] = parts;
  if (area === 'hoc-tap-bac' && parts.length === 3) return { kind: 'studyGuide', folder: '', fileName: folder };
  if (parts.length !== 4) return null;
  if (area === 'thang') return { kind: fileName === 'index.mdx' ? 'monthlyIssue' : 'section', folder, fileName };
  if (area === 'chuyen-de') return { kind: fileName === 'index.mdx' ? 'topic' : 'topicPart', folder, fileName };
  return null;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** The checker's variant of each schema: paths stay strings, topic references stay years. */
const schemas = {
  monthlyIssue: monthlyIssueSchema(imagePath(), year()),
  section: sectionSchema(),
  topic: topicSchema(),
  topicPart: topicPartSchema(),
  studyGuide: studyGuideSchema(year()),
} satisfies Record<ContentKind, z.ZodType>;

interface ParsedFile {
  file: ContentFile;
  kind: ContentKind;
  folder: string;
  fileName: string;
  data: Record<string, unknown> | undefined;
  body: string;
  bodyLine: number;
  lineOf: (field: string) => number | undefined;
}

/** Splits and parses the YAML frontmatter, keeping a way to find each field's line. */
function parseFrontmatter(file: ContentFile, problems: Problem[]): Omit<ParsedFile, 'kind' | 'folder' | 'fileName'> {
  const source = file.source ?? '';
  const match = FRONTMATTER.exec(source);
  const noLines = () => undefined;
  if (!match) {
    problems.push({ severity: 'error', file: file.path, line: 1, message: t('error.frontmatter', { reason: '---' }) });
    return { file, data: undefined, body: source, bodyLine: 1, lineOf: noLines };
  }
  const yamlText = match[1] ?? '';
  const bodyLine = match[0].split('\n').length;
  const body = source.slice(match[0].length);
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    // +1 for the opening "---" line.
    const line = first ? lineCounter.linePos(first.pos[0]).line + 1 : 1;
    problems.push({ severity: 'error', file: file.path, line, message: yamlMessage(first?.code, first?.message) });
    return { file, data: undefined, body, bodyLine, lineOf: noLines };
  }
  const lineOf = (field: string): number | undefined => {
    // Walk the YAML tree along the dotted path; stop at the deepest node found.
    let node: unknown = doc.contents;
    let found: YamlNode | undefined;
    for (const key of field.split('.')) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
        if (!pair) break;
        found = pair.key as YamlNode;
        node = pair.value;
      } else if (node && typeof node === 'object' && 'items' in node && Array.isArray(node.items)) {
        const item: unknown = node.items[Number(key)];
        if (!item) break;
        found = item as YamlNode;
        node = item;
      } else break;
    }
    const offset = found?.range?.[0];
    // +1 for the opening "---" line.
    return offset === undefined ? undefined : lineCounter.linePos(offset).line + 1;
  };
  const data: unknown = doc.toJS();
  return {
    file,
    data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {},
    body,
    bodyLine,
    lineOf,
  };
}

/** A page's frontmatter as data, or undefined when it is missing or not valid YAML. */
export function readFrontmatter(file: ContentFile): Record<string, unknown> | undefined {
  return parseFrontmatter(file, []).data;
}

/** The Vietnamese fix for a YAML parser error: most are an unquoted ":" or a missing closing quote. */
function yamlMessage(code: string | undefined, reason = ''): string {
  if (code === 'BLOCK_AS_IMPLICIT_KEY' || /nested mappings/i.test(reason)) return t('error.yamlColon');
  if (code === 'MISSING_CHAR' && /quote/i.test(reason)) return t('error.yamlQuote');
  return t('error.yamlOther');
}

/**
 * The page rules over the whole content tree (frontmatter, places, references, bodies); returns
 * every error and warning, sorted by file and line. Files without text (not decodable) are skipped.
 */
export function checkContent(files: readonly ContentFile[]): Problem[] {
  const problems: Problem[] = [];
  const paths = new Map(files.map((file) => [file.path, file]));
  const parsed: ParsedFile[] = [];

  for (const file of files) {
    const place = classifyContentPath(file.path);
    if (!place || file.source === undefined) continue;
    const result = { ...parseFrontmatter(file, problems), ...place };
    parsed.push(result);
    const hit = findLegacyEncoding(file.source ?? '');
    if (hit) {
      problems.push({
        severity: 'error',
        file: file.path,
        line: hit.line,
        message: t('error.legacyEncoding', { word: hit.word }),
      });
    }
    if (!result.data) continue;
    const outcome = schemas[result.kind].safeParse(result.data);
    if (!outcome.success) {
      for (const issue of outcome.error.issues) {
        const field = issue.path.map(String).join('.');
        // Legacy encoding inside frontmatter is already reported once above with its line.
        if (hit && issue.message === t('error.legacyEncoding', { word: hit.word })) continue;
        const line = result.lineOf(field) ?? 1;
        problems.push({
          severity: 'error',
          file: file.path,
          line,
          ...(field ? { field } : {}),
          message: issue.message,
        });
      }
    }
  }

  checkPlacesAndReferences(parsed, paths, problems);
  checkBodies(parsed, paths, problems);
  checkPlaceholders(parsed, problems);
  problems.push(...checkCriteriaFiles(files));

  return problems.sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.message.localeCompare(b.message),
  );
}

/** Reports an error of a parsed page at a field's line (or line 1). */
type Report = (p: ParsedFile, field: string | undefined, message: string, severity?: Problem['severity']) => void;

/** Rules that look across files: folders, uniqueness, references, files that must exist. */
function checkPlacesAndReferences(parsed: ParsedFile[], paths: Map<string, ContentFile>, problems: Problem[]): void {
  const report: Report = (p, field, message, severity = 'error') =>
    problems.push({
      severity,
      file: p.file.path,
      line: (field && p.lineOf(field)) || 1,
      ...(field ? { field } : {}),
      message,
    });
  const topicYears = new Set(parsed.filter((p) => p.kind === 'topic').map((p) => p.folder));
  const monthOwners = new Map<string, string>();
  const orderOwners = new Map<string, string>();

  for (const p of parsed) {
    if (p.kind === 'monthlyIssue') {
      checkMonthPlace(p, monthOwners, report);
      checkMonthFiles(p, paths, report);
      checkAgenda(p, report);
    }
    if (p.kind === 'topic') checkTopicPlace(p, report);
    if (p.kind === 'section' || p.kind === 'topicPart') checkOrderedPage(p, orderOwners, report);
    if (p.kind === 'studyGuide') {
      const slug = slugFromFileName(p.fileName);
      if (!isCleanSlug(slug))
        report(p, undefined, t('error.slug', { file: p.fileName, suggestion: `${toSlug(slug)}.mdx` }));
    }
    const topic = p.data?.['topic'];
    if ((p.kind === 'monthlyIssue' || p.kind === 'studyGuide') && typeof topic === 'number') {
      if (!topicYears.has(String(topic))) report(p, 'topic', t('error.topicMissing', { year: topic }));
    }
  }
  checkOrphanSections(parsed, problems);
}

/** A month's folder must match its `month`, and each month has one issue. */
function checkMonthPlace(p: ParsedFile, owners: Map<string, string>, report: Report): void {
  const month = p.data?.['month'];
  if (typeof month !== 'string') return;
  if (parseMonthKey(month) && month !== p.folder)
    report(p, 'month', t('error.monthFolder', { month, folder: p.folder }));
  const other = owners.get(month);
  if (other) report(p, 'month', t('error.monthDuplicate', { month, other }));
  else owners.set(month, p.file.path);
}

/** A topic's folder must match its `year`. */
function checkTopicPlace(p: ParsedFile, report: Report): void {
  const value = p.data?.['year'];
  if (typeof value === 'number' && String(value) !== p.folder) {
    report(p, 'year', t('error.yearFolder', { year: value, folder: p.folder }));
  }
}

/** Sections and topic parts: an order number in the file name, a clean slug, a unique `order`. */
function checkOrderedPage(p: ParsedFile, owners: Map<string, string>, report: Report): void {
  if (!/^\d+-/.test(p.fileName)) report(p, undefined, t('error.orderFileName'));
  const slug = slugFromFileName(p.fileName);
  if (!isCleanSlug(slug)) {
    report(p, undefined, t('error.slug', { file: p.fileName, suggestion: `01-${toSlug(slug) || 'ten-muc'}.mdx` }));
  }
  if (p.kind === 'section' && RESERVED_MONTH_SLUGS.includes(slug)) {
    report(p, undefined, t('error.slugReserved', { slug }));
  }
  const value = p.data?.['order'];
  if (typeof value !== 'number') return;
  const key = `${p.kind}:${p.folder}:${value}`;
  const other = owners.get(key);
  if (other) report(p, 'order', t('error.orderDuplicate', { order: value, other }));
  else owners.set(key, p.file.path);
}

/** A month's attachments and cover must exist next to it; a heavy cover is worth a warning. */
function checkMonthFiles(p: ParsedFile, paths: Map<string, ContentFile>, report: Report): void {
  const data = p.data ?? {};
  const dir = p.file.path.slice(0, p.file.path.lastIndexOf('/') + 1);
  const attachments = Array.isArray(data['attachments']) ? data['attachments'] : [];
  attachments.forEach((item: unknown, index) => {
    const file = item && typeof item === 'object' && 'file' in item ? item.file : undefined;
    if (typeof file === 'string' && file.startsWith('./files/') && !paths.has(dir + file.slice(2))) {
      report(p, `attachments.${index}.file`, t('error.fileMissing', { file }));
    }
  });
  const cover = data['cover'];
  const src = cover && typeof cover === 'object' && 'src' in cover ? cover.src : undefined;
  if (typeof src !== 'string' || !src.startsWith('./images/')) return;
  const asset = paths.get(dir + src.slice(2));
  if (!asset) report(p, 'cover.src', t('error.fileMissing', { file: src }));
  else if (isHeavyImage(asset)) report(p, 'cover.src', bigImageMessage(src, asset), 'warning');
}

/** A published month should suggest a meeting agenda. */
function checkAgenda(p: ParsedFile, report: Report): void {
  const data = p.data ?? {};
  if (data['status'] !== 'published') return;
  if (!Array.isArray(data['agenda'])) report(p, undefined, t('warning.noAgenda'), 'warning');
  else if (data['agenda'].length === 0) report(p, 'agenda', t('warning.noAgenda'), 'warning');
}

/** A section folder without its index.mdx has no issue to belong to. */
function checkOrphanSections(parsed: ParsedFile[], problems: Problem[]): void {
  const monthFolders = new Set(parsed.filter((p) => p.kind === 'monthlyIssue').map((p) => p.folder));
  for (const p of parsed) {
    if (p.kind === 'section' && !monthFolders.has(p.folder)) {
      problems.push({
        severity: 'error',
        file: `content/thang/${p.folder}/index.mdx`,
        line: 1,
        message: t('error.issueMissing'),
      });
      monthFolders.add(p.folder);
    }
  }
}

/** An image between the warning weight and the limit (above it, lib/check/files.ts refuses it). */
function isHeavyImage(asset: ContentFile): boolean {
  return asset.size > IMAGE_WARN_BYTES && asset.size <= IMAGE_MAX_BYTES;
}

function bigImageMessage(src: string, asset: ContentFile): string {
  return t('warning.bigImage', { file: src, size: formatSize(asset.size), limit: formatSize(IMAGE_WARN_BYTES) });
}

const IMAGE = /!\[([^\]]*)\]\(([^)\s]+)[^)]*\)/g;
const INTERNAL_LINK = /\]\((\/[^)\s#?]*)[^)]*\)/g;

/** Rules on the Markdown bodies: image alt text, empty sections, internal links, image sizes. */
function checkBodies(parsed: ParsedFile[], paths: Map<string, ContentFile>, problems: Problem[]): void {
  const known = contentRoutes(parsed.map((p) => p.file.path));
  const published = new Set(parsed.filter((p) => isPublishedPage(p, parsed)));
  for (const p of parsed) {
    const lines = p.body.split('\n');
    if (p.kind !== 'monthlyIssue' && p.kind !== 'topic' && p.body.trim() === '') {
      // Readers would get an empty page; a draft may still be empty.
      problems.push(
        published.has(p)
          ? { severity: 'error', file: p.file.path, line: p.bodyLine, message: t('error.emptyBody') }
          : { severity: 'warning', file: p.file.path, line: p.bodyLine, message: t('warning.emptySection') },
      );
    }
    const dir = p.file.path.slice(0, p.file.path.lastIndexOf('/') + 1);
    lines.forEach((lineText, index) => {
      const line = p.bodyLine + index;
      for (const [, alt = '', src = ''] of lineText.matchAll(IMAGE)) {
        if (alt.trim() === '')
          problems.push({ severity: 'error', file: p.file.path, line, message: t('error.imageAltMissing', { src }) });
        if (src.startsWith('./')) {
          const asset = paths.get(dir + src.slice(2));
          if (!asset)
            problems.push({
              severity: 'error',
              file: p.file.path,
              line,
              message: t('error.fileMissing', { file: src }),
            });
          else if (isHeavyImage(asset)) {
            problems.push({ severity: 'warning', file: p.file.path, line, message: bigImageMessage(src, asset) });
          }
        }
      }
      for (const [, href = ''] of lineText.matchAll(INTERNAL_LINK)) {
        const path = href.endsWith('/') || /\.[a-z0-9]+$/i.test(href) ? href : `${href}/`;
        if (!known.has(path))
          problems.push({ severity: 'warning', file: p.file.path, line, message: t('warning.deadLink', { href }) });
      }
    });
  }
}

/** The strings the scaffold (`npm run new`) writes for staff to replace; they must not reach readers. */
const PLACEHOLDER_KEYS = [
  'new.month.summary',
  'new.month.body',
  'new.section.body',
  'new.topic.title',
  'new.topic.summary',
  'new.topic.body',
  'new.part.title',
  'new.guide.summary',
  'new.guide.body',
] as const satisfies readonly MessageKey[];

/** Each placeholder as a pattern, its {parameters} matching anything, built from the string table itself. */
export const SCAFFOLD_PATTERNS: readonly RegExp[] = PLACEHOLDER_KEYS.map(
  (key) => new RegExp(vi[key].replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\w+\\\}/g, '.+?')),
);

/** True when the page is published, or belongs to a published month or topic. */
function isPublishedPage(p: ParsedFile, parsed: readonly ParsedFile[]): boolean {
  const parentKind = p.kind === 'section' ? 'monthlyIssue' : p.kind === 'topicPart' ? 'topic' : undefined;
  const owner = parentKind ? parsed.find((other) => other.kind === parentKind && other.folder === p.folder) : p;
  return owner?.data?.['status'] === 'published';
}

/** A published item (or a section of one) that still holds scaffold text is an error. */
function checkPlaceholders(parsed: ParsedFile[], problems: Problem[]): void {
  for (const p of parsed) {
    if (!isPublishedPage(p, parsed)) continue;
    const lines = (p.file.source ?? '').split('\n');
    const index = lines.findIndex((line) => SCAFFOLD_PATTERNS.some((pattern) => pattern.test(line)));
    if (index >= 0)
      problems.push({ severity: 'error', file: p.file.path, line: index + 1, message: t('error.placeholder') });
  }
}
