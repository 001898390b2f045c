/**
 * The one place that reads the content collections and decides what is visible.
 * Pages, search, feeds, PDF, Word and the sitemap all get their items from here, so a draft or a
 * future-dated item cannot leak through any of them.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { getCollection as getAnyCollection, type CollectionEntry } from 'astro:content';
import { clockNow } from './env.ts';
import { visibilityOf, type Visibility } from './lib/content/visibility.ts';
import { calendarDate } from './lib/common/dates.ts';
import { byOrder } from './lib/content/ordering.ts';
import { compareMonthKeys } from './lib/common/month-key.ts';
import { describeFileType } from './lib/common/file-types.ts';
import { formatSize } from './lib/common/sizes.ts';
import { routes } from './lib/content/routes.ts';
import { slugFromFileName } from './lib/common/slugs.ts';
import { MEETING_CRITERIA_ID, type MeetingCriteria } from './lib/kit/criteria.ts';
import { renderProblem } from './lib/content/render-mdx.ts';

type CollectionName = 'monthlyIssues' | 'sections' | 'topics' | 'topicParts' | 'studyGuides' | 'criteria';

/**
 * A collection's entries. A body that failed to render at content sync is stored with its message
 * and no HTML (integrations/mdx-at-sync.ts): stop here, where every page, export and preview reads,
 * rather than publish the page empty.
 */
async function getCollection<C extends CollectionName>(name: C): Promise<CollectionEntry<C>[]> {
  const entries = (await getAnyCollection(name)) as CollectionEntry<C>[];
  for (const entry of entries) {
    const problem = 'rendered' in entry ? renderProblem(entry) : undefined;
    if (problem) throw new Error(problem);
  }
  return entries;
}

/** `npm run dev` shows drafts and scheduled items (marked); a production build never does. */
const showUnpublished = import.meta.env.PORTAL_SHOW_UNPUBLISHED === true;

let frozenNow: Date | undefined;

/**
 * The build's clock: BUILD_NOW (an ISO date-time) in tests, the real time otherwise. Read once per
 * build, so a build running across midnight in Hà Nội cannot disagree with itself.
 */
export function buildNow(): Date {
  if (showUnpublished) return clockNow();
  frozenNow ??= clockNow();
  return frozenNow;
}

/** Visibility of an item now, and whether this build shows it. */
function gate(item: Parameters<typeof visibilityOf>[0]): { visibility: Visibility; shown: boolean } {
  const visibility = visibilityOf(item, buildNow());
  return { visibility, shown: visibility === 'public' || showUnpublished };
}

/** A file attached to a monthly issue, described at build time. */
export interface Attachment {
  title: string;
  fileName: string;
  url: string;
  /** Absolute path of the source file. */
  sourcePath: string;
  extension: string;
  typeLabel: string;
  mimeType: string;
  size: number;
  sizeLabel: string;
  sha256: string;
}

/** A section of a monthly issue, in reading order. */
export interface Section {
  entry: CollectionEntry<'sections'>;
  slug: string;
  month: string;
  url: string;
}

/** A monthly issue with its sections and attachments. */
export interface MonthlyIssue {
  entry: CollectionEntry<'monthlyIssues'>;
  month: string;
  url: string;
  visibility: Visibility;
  sections: Section[];
  attachments: Attachment[];
  /** The page of the annual topic this month studies, when that topic is visible too. */
  topicUrl?: string | undefined;
}

/** A part of an annual topic. */
export interface TopicPart {
  entry: CollectionEntry<'topicParts'>;
  slug: string;
  year: string;
  url: string;
}

/** An annual thematic topic with its parts. */
export interface Topic {
  entry: CollectionEntry<'topics'>;
  year: string;
  url: string;
  visibility: Visibility;
  parts: TopicPart[];
}

/** A Ho Chi Minh study guide. */
export interface StudyGuide {
  entry: CollectionEntry<'studyGuides'>;
  slug: string;
  url: string;
  visibility: Visibility;
  /** The page of the guide's annual topic, when that topic is visible too. */
  topicUrl?: string | undefined;
}

/** Reads an attachment from disk and describes it (size, type, SHA-256). */
function describeAttachment(month: string, issueFile: string, title: string, file: string): Attachment {
  const sourcePath = resolve(dirname(issueFile), file);
  const bytes = readFileSync(sourcePath);
  const fileName = basename(file);
  const type = describeFileType(fileName);
  return {
    title,
    fileName,
    url: routes.attachment(month, fileName),
    sourcePath,
    extension: type.extension,
    typeLabel: type.label,
    mimeType: type.mimeType,
    size: bytes.byteLength,
    sizeLabel: formatSize(bytes.byteLength),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/**
 * The pages inside a folder (a month's sections, a topic's parts) in their `order`, each with its
 * slug and address. Children share their parent's visibility, so they are not gated on their own.
 */
function childrenOf<T extends { id: string; data: { order: number } }>(
  parentId: string,
  entries: T[],
  url: (slug: string) => string,
): { entry: T; slug: string; url: string }[] {
  const own = entries
    .filter((child) => child.id.startsWith(`${parentId}/`))
    .map((child) => ({ entry: child, order: child.data.order }));
  return byOrder(own).map(({ entry }) => {
    const slug = slugFromFileName(entry.id);
    return { entry, slug, url: url(slug) };
  });
}

let monthlyIssuesCache: Promise<MonthlyIssue[]> | undefined;

/** Every monthly issue this build shows, newest month first, with sections in order. */
export function getMonthlyIssues(): Promise<MonthlyIssue[]> {
  // Dev edits content live, so only a production build may reuse the first load.
  if (showUnpublished) return loadMonthlyIssues();
  monthlyIssuesCache ??= loadMonthlyIssues();
  return monthlyIssuesCache;
}

async function loadMonthlyIssues(): Promise<MonthlyIssue[]> {
  const [issues, sections, topicYears] = await Promise.all([
    getCollection('monthlyIssues'),
    getCollection('sections'),
    visibleTopicYears(),
  ]);
  const today = calendarDate(buildNow());
  const result: MonthlyIssue[] = [];
  for (const original of issues) {
    const { visibility, shown } = gate(original.data);
    if (!shown) continue;
    // A correction dated after today is not public yet, on any page, file or feed.
    const corrections = original.data.corrections.filter((item) => showUnpublished || item.date <= today);
    const entry = { ...original, data: { ...original.data, corrections } };
    const month = entry.id;
    result.push({
      entry,
      month,
      url: routes.month(month),
      visibility,
      sections: childrenOf(month, sections, (slug) => routes.section(month, slug)).map(
        ({ entry: section, slug, url }) => ({
          entry: section,
          slug,
          month,
          url,
        }),
      ),
      attachments: entry.data.attachments.map((item) =>
        describeAttachment(month, entry.filePath ?? '', item.title, item.file),
      ),
      topicUrl: visibleTopicUrl(entry.data.topic?.id, topicYears),
    });
  }
  return result.sort((a, b) => compareMonthKeys(b.month, a.month));
}

/** The years of the topics this build shows. */
async function visibleTopicYears(): Promise<Set<string>> {
  const topics = await getCollection('topics');
  return new Set(topics.filter((topic) => gate(topic.data).shown).map((topic) => topic.id));
}

/** A link to a referenced topic only when readers can open it (no 404 that reveals a draft). */
function visibleTopicUrl(year: string | undefined, visibleYears: Set<string>): string | undefined {
  return year !== undefined && visibleYears.has(year) ? routes.topic(year) : undefined;
}

/** Every annual topic this build shows, newest year first, with parts in order. */
export async function getTopics(): Promise<Topic[]> {
  const [topics, parts] = await Promise.all([getCollection('topics'), getCollection('topicParts')]);
  const result: Topic[] = [];
  for (const entry of topics) {
    const { visibility, shown } = gate(entry.data);
    if (!shown) continue;
    const year = entry.id;
    result.push({
      entry,
      year,
      url: routes.topic(year),
      visibility,
      parts: childrenOf(year, parts, (slug) => routes.topicPart(year, slug)).map(({ entry: part, slug, url }) => ({
        entry: part,
        slug,
        year,
        url,
      })),
    });
  }
  return result.sort((a, b) => Number(b.year) - Number(a.year));
}

/** Every study guide this build shows, newest first. */
export async function getStudyGuides(): Promise<StudyGuide[]> {
  const [guides, topicYears] = await Promise.all([getCollection('studyGuides'), visibleTopicYears()]);
  const result: StudyGuide[] = [];
  for (const entry of guides) {
    const { visibility, shown } = gate(entry.data);
    if (!shown) continue;
    const topicUrl = visibleTopicUrl(entry.data.topic?.id, topicYears);
    result.push({ entry, slug: entry.id, url: routes.guide(entry.id), visibility, topicUrl });
  }
  return result.sort(
    (a, b) => b.entry.data.publishDate.localeCompare(a.entry.data.publishDate) || a.slug.localeCompare(b.slug),
  );
}

/** The meeting-quality criteria of the self-assessment checklist, or undefined when there are none. */
export async function getMeetingCriteria(): Promise<MeetingCriteria | undefined> {
  const entries = await getCollection('criteria');
  return entries.find((entry) => entry.id === MEETING_CRITERIA_ID)?.data;
}
