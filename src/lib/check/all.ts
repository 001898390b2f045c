/**
 * The content checker's one entry point: `npm run check`, the first step of `npm run build` and
 * the tests all call checkAll, so what `check` accepts is exactly what the build publishes.
 * Pure: the caller reads the files and passes the MDX parser the build uses (lib/exports/mdx.ts).
 *
 * A draft with errors never stops the others: its errors become warnings and the whole item (a
 * month with its sections, a topic with its parts, a guide) is left out of the build. A published
 * or scheduled item with errors still stops everything, since it would be published wrong.
 */
import { t } from '../../i18n/vi.ts';
import { isCalendarDate, toDateOnly } from '../common/dates.ts';
import { visibilityOf } from '../content/visibility.ts';
import type { MdNode } from '../exports/mdast.ts';
import { checkContent, classifyContentPath, readFrontmatter } from './content.ts';
import { exportProblems } from './exports.ts';
import { syntaxProblem } from '../content/mdx-syntax.ts';
import { checkFiles } from './files.ts';
import { itemOf } from './drafts.ts';
import { linkProblems } from './links.ts';
import type { ContentFile, Problem } from './problem.ts';
import { decodeUtf8, withoutBom } from './text.ts';

/** The parser the exporters and the build use: MDX text to mdast, throwing "line:col: reason". */
export type ParseMdx = (text: string) => MdNode;

/** What the checker needs besides the files. */
export interface CheckOptions {
  /** The public address; links are printed from it. */
  siteUrl: string;
  /** The clock that decides which published items are still scheduled. */
  now: Date;
  /** Problems of page bodies checked before (the build keeps them between runs; src/cli/check-cache.ts). */
  bodies?: BodyCache;
}

/**
 * Problems of page bodies by their path and text: a body is parsed once, then its problems are
 * reused while its text is the same. Only bodies go in: every other rule looks across files.
 */
export interface BodyCache {
  get(path: string, source: string): Problem[] | undefined;
  set(path: string, source: string, problems: Problem[]): void;
}

/** A published item whose date has not come yet. */
export interface ScheduledItem {
  file: string;
  title: string;
  /** YYYY-MM-DD. */
  publishDate: string;
}

/** Everything `npm run check` reports. */
export interface CheckReport {
  /** Errors (stop the build) and warnings, sorted by file and line. */
  problems: Problem[];
  /** Drafts with errors, left out of the build: a folder ("content/thang/2026-12/") or a guide's file. */
  leftOut: string[];
  /** Published items waiting for their date, soonest first. */
  scheduled: ScheduledItem[];
  /** How many pages (MDX files) were checked. */
  pages: number;
}

/** Runs every rule over the content tree. */
export function checkAll(files: readonly ContentFile[], parse: ParseMdx, options: CheckOptions): CheckReport {
  const decoded = decodeAll(files);
  let current = decoded.files;
  const leftOut: string[] = [];
  const leftOutProblems: Problem[] = [];
  for (;;) {
    const present = new Set(current.map((file) => file.path));
    const problems = [
      ...decoded.problems.filter((problem) => present.has(problem.file)),
      ...atReferences(checkFiles(current), current),
      ...checkContent(current),
      ...checkBodies(current, parse, options.siteUrl, options.bodies),
    ];
    const drafts = draftsWithErrors(current, problems);
    if (drafts.size === 0) {
      return {
        problems: sortProblems([...leftOutProblems, ...problems]),
        leftOut: leftOut.sort(),
        scheduled: scheduledItems(current, options.now),
        pages: files.filter((file) => file.path.endsWith('.mdx')).length,
      };
    }
    // Leaving a draft out can break what refers to it (a month citing a draft topic): check again.
    for (const key of drafts) leftOut.push(key);
    for (const problem of problems) {
      if (!drafts.has(itemOf(problem.file)?.key ?? '')) continue;
      leftOutProblems.push(
        problem.severity === 'error'
          ? { ...problem, severity: 'warning', message: t('warning.draftLeftOut', { message: problem.message }) }
          : problem,
      );
    }
    current = current.filter((file) => !drafts.has(itemOf(file.path)?.key ?? ''));
  }
}

/** Text files decoded (UTF-8, BOM dropped); a file that is not UTF-8 is reported and given no text. */
function decodeAll(files: readonly ContentFile[]): { files: ContentFile[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const out = files.map((file): ContentFile => {
    const { bytes, ...rest } = file;
    if (file.symlink) return rest;
    if (file.size === 0 && /\.(mdx|yaml)$/.test(file.path)) return { path: rest.path, size: 0 };
    if (rest.source !== undefined) return { ...rest, source: withoutBom(rest.source) };
    if (!bytes) return rest;
    const text = decodeUtf8(bytes);
    if ('text' in text) return { ...rest, source: text.text };
    problems.push({ severity: 'error', file: file.path, line: text.invalidLine, message: t('error.notUtf8') });
    return rest;
  });
  return { files: out, problems };
}

/**
 * A problem of an attachment or image, moved to the line of the page that uses it ("./files/x.pdf"
 * in the month's index.mdx), so staff see where it comes from; an unused file keeps its own path.
 */
function atReferences(problems: readonly Problem[], files: readonly ContentFile[]): Problem[] {
  return problems.map((problem) => {
    const slash = problem.file.lastIndexOf('/');
    const folder = problem.file.slice(0, problem.file.lastIndexOf('/', slash - 1) + 1);
    const reference = `./${problem.file.slice(folder.length)}`;
    if (problem.line !== undefined || /\.(mdx|yaml)$/.test(problem.file)) return problem;
    for (const page of files) {
      if (!page.path.startsWith(folder) || !page.path.endsWith('.mdx') || page.source === undefined) continue;
      const index = page.source.split('\n').findIndex((line) => line.includes(reference));
      if (index >= 0) return { ...problem, file: page.path, line: index + 1 };
    }
    return problem;
  });
}

/** Parses every page as the build does: syntax, what the PDF and Word file cannot print, unsafe links. */
function checkBodies(files: readonly ContentFile[], parse: ParseMdx, siteUrl: string, cache?: BodyCache): Problem[] {
  return files.flatMap((file) => {
    if (file.source === undefined || !file.path.endsWith('.mdx')) return [];
    const known = cache?.get(file.path, file.source);
    if (known) return known;
    const problems = checkBody(file.path, file.source, parse, siteUrl);
    cache?.set(file.path, file.source, problems);
    return problems;
  });
}

/** One page's syntax, what the PDF and Word file cannot print, and its unsafe links. */
function checkBody(path: string, source: string, parse: ParseMdx, siteUrl: string): Problem[] {
  let tree: MdNode;
  try {
    tree = parse(source);
  } catch (error) {
    return [syntaxProblem(path, error)];
  }
  return [...exportProblems(path, tree, siteUrl), ...linkProblems(path, tree)];
}

/** The items marked draft that have at least one error. */
function draftsWithErrors(files: readonly ContentFile[], problems: readonly Problem[]): Set<string> {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const drafts = new Set<string>();
  for (const problem of problems) {
    if (problem.severity !== 'error') continue;
    const item = itemOf(problem.file);
    if (item && !drafts.has(item.key) && isDraft(byPath.get(item.index))) drafts.add(item.key);
  }
  return drafts;
}

/** True when an index page says `status: draft`, read line by line so a YAML error elsewhere does not hide it. */
function isDraft(file: ContentFile | undefined): boolean {
  const head = /^---\r?\n([\s\S]*?)\r?\n---/.exec(file?.source ?? '')?.[1] ?? '';
  return /^status:\s*["']?draft["']?\s*(?:#.*)?$/m.test(head);
}

/** Published months, topics and guides whose date is still to come at `now`. */
function scheduledItems(files: readonly ContentFile[], now: Date): ScheduledItem[] {
  const items: ScheduledItem[] = [];
  for (const file of files) {
    const place = classifyContentPath(file.path);
    if (!place || place.kind === 'section' || place.kind === 'topicPart') continue;
    const data = readFrontmatter(file);
    const date = data?.['publishDate'];
    const publishDate =
      (date instanceof Date && !Number.isNaN(date.getTime())) || (typeof date === 'string' && isCalendarDate(date))
        ? toDateOnly(date)
        : null;
    if (!data || data['status'] !== 'published' || !publishDate) continue;
    if (visibilityOf({ status: 'published', publishDate }, now) !== 'scheduled') continue;
    items.push({ file: file.path, title: String(data['title'] ?? ''), publishDate });
  }
  return items.sort((a, b) => a.publishDate.localeCompare(b.publishDate) || a.file.localeCompare(b.file));
}

function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.message.localeCompare(b.message),
  );
}
