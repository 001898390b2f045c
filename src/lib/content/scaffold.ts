/**
 * `npm run new`: the files that start a monthly issue, an annual topic or a study guide.
 * Pure: it is handed the arguments, the clock and what it needs to know about existing content,
 * and returns the files to write (or a Vietnamese refusal); the CLI checks the disk and writes.
 */
import { t, type MessageKey } from '../../i18n/vi.ts';
import { calendarDate } from '../common/dates.ts';
import { sectionKindLabel, type SectionKind } from './kinds.ts';
import { formatMonthKey, nextMonth, parseMonthKey, type MonthKey } from '../common/month-key.ts';
import { toSlug } from '../common/slugs.ts';

/** A file to create, with its path relative to the content root. */
export interface ScaffoldFile {
  path: string;
  text: string;
}

/** What to create: the folder or file that must not exist yet, and the files. */
export interface ScaffoldPlan {
  /** Content-root-relative path that must not exist (the month or year folder, or the guide file). */
  target: string;
  /** What the staff should change if it exists ("tháng", "năm", "tiêu đề"). */
  what: string;
  files: ScaffoldFile[];
}

/** A refusal, with the exit code the CLI uses (2: bad arguments). */
export interface ScaffoldRefusal {
  error: string;
  exitCode: 2;
}

/** What the scaffold needs to know beyond the arguments. */
export interface ScaffoldContext {
  now: Date;
  /** The issuer of the latest issue, reused so staff do not retype it. */
  issuer?: string | undefined;
  /** Years that have an annual topic folder, to link a new month to its year's topic. */
  topicYears: readonly string[];
}

/** The sections most issues have, in reading order; staff delete the ones a month does not need. */
export const USUAL_SECTION_KINDS: readonly SectionKind[] = [
  'dinh-huong',
  'ky-niem',
  'thoi-su',
  'chuyen-de',
  'hoc-tap-bac',
  'van-ban-moi',
];

/** Issues go public on this day of the month before (the sample content's habit). */
const PUBLISH_DAY = 28;
/** A new topic goes public on this date of its year. */
const TOPIC_PUBLISH = '01-15';
const TOPIC_PARTS = 3;

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
const quote = (value: string) => JSON.stringify(value);

/** The frontmatter block followed by the body. */
function document(fields: readonly [string, string][], body: string): string {
  return `---\n${fields.map(([key, value]) => `${key}: ${value}`).join('\n')}\n---\n\n${body.trim()}\n`;
}

const refuse = (key: MessageKey, params: Record<string, string> = {}): ScaffoldRefusal => ({
  error: t(key, params),
  exitCode: 2,
});

/** The month after the one `now` falls in (Asia/Ho_Chi_Minh): the issue staff usually prepare. */
export function nextIssueMonth(now: Date): MonthKey {
  const today = calendarDate(now);
  return nextMonth({ year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) });
}

/** The publish date of a month's issue: day 28 of the month before. */
export function issuePublishDate(month: MonthKey): string {
  const before = month.month === 1 ? { year: month.year - 1, month: 12 } : { year: month.year, month: month.month - 1 };
  return `${formatMonthKey(before)}-${String(PUBLISH_DAY).padStart(2, '0')}`;
}

/** The files of a monthly issue. */
export function monthScaffold(month: MonthKey, context: ScaffoldContext): ScaffoldPlan {
  const key = formatMonthKey(month);
  const names = { month: String(month.month), year: String(month.year) };
  const folder = `thang/${key}`;
  const index = document(
    [
      ['title', quote(t('new.month.title', names))],
      ['month', quote(key)],
      ['summary', quote(t('new.month.summary', names))],
      ['issuer', quote(context.issuer ?? t('new.month.issuer'))],
      ['status', 'draft'],
      ['publishDate', issuePublishDate(month)],
      ...(context.topicYears.includes(String(month.year)) ? [['topic', String(month.year)] as [string, string]] : []),
      ['agenda', '[]'],
      ['questions', '[]'],
      ['attachments', '[]'],
    ],
    t('new.month.body', names),
  );
  const sections = USUAL_SECTION_KINDS.map((kind, position) => {
    const order = position + 1;
    const title = t('new.section.title', { kind: sectionKindLabel(kind), ...names });
    return {
      path: `${folder}/${String(order).padStart(2, '0')}-${kind}.mdx`,
      text: document(
        [
          ['title', quote(title)],
          ['order', String(order)],
          ['kind', kind],
        ],
        t('new.section.body'),
      ),
    };
  });
  return {
    target: folder,
    what: t('new.what.month'),
    files: [{ path: `${folder}/index.mdx`, text: index }, ...sections],
  };
}

/** The files of an annual topic: its index and three parts. */
export function topicScaffold(year: number): ScaffoldPlan {
  const folder = `chuyen-de/${year}`;
  const index = document(
    [
      ['title', quote(t('new.topic.title', { year }))],
      ['year', String(year)],
      ['summary', quote(t('new.topic.summary', { year }))],
      ['status', 'draft'],
      ['publishDate', `${year}-${TOPIC_PUBLISH}`],
    ],
    t('new.topic.body', { year }),
  );
  const parts = Array.from({ length: TOPIC_PARTS }, (_, position) => {
    const order = position + 1;
    const ordinal = t(`new.part.ordinal.${order}` as MessageKey);
    return {
      path: `${folder}/${String(order).padStart(2, '0')}-phan-thu-${toSlug(ordinal)}.mdx`,
      text: document(
        [
          ['title', quote(t('new.part.title', { ordinal }))],
          ['order', String(order)],
        ],
        t('new.section.body'),
      ),
    };
  });
  return { target: folder, what: t('new.what.topic'), files: [{ path: `${folder}/index.mdx`, text: index }, ...parts] };
}

/** The file of a study guide, named from its title. */
export function guideScaffold(title: string, now: Date): ScaffoldPlan | ScaffoldRefusal {
  const clean = title.normalize('NFC').trim();
  const slug = toSlug(clean);
  if (clean === '' || slug === '') return refuse('new.badTitle');
  const path = `hoc-tap-bac/${slug}.mdx`;
  const body = [
    `## ${t('new.guide.story')}`,
    t('new.guide.body'),
    `## ${t('new.guide.lesson')}`,
    t('new.guide.body'),
  ].join('\n\n');
  const text = document(
    [
      ['title', quote(clean)],
      ['summary', quote(t('new.guide.summary'))],
      ['status', 'draft'],
      ['publishDate', calendarDate(now)],
      ['questions', '[]'],
    ],
    body,
  );
  return { target: path, what: t('new.what.guide'), files: [{ path, text }] };
}

/** Reads `npm run new` arguments: `thang [YYYY-MM]`, `chuyen-de YYYY`, `bac "<tiêu đề>"`. */
export function planScaffold(args: readonly string[], context: ScaffoldContext): ScaffoldPlan | ScaffoldRefusal {
  const [kind, value, ...rest] = args;
  if (kind === undefined) return refuse('new.usage');
  if (rest.length > 0) return refuse('new.tooMany', { value: rest.join(' ') });
  if (kind === 'thang') {
    if (value === undefined) return monthScaffold(nextIssueMonth(context.now), context);
    const month = parseMonthKey(value.trim());
    return month ? monthScaffold(month, context) : refuse('new.badMonth', { value });
  }
  if (kind === 'chuyen-de') {
    const text = (value ?? '').trim();
    const year = Number(text);
    return /^\d{4}$/.test(text) && year >= 1930 && year <= 2999
      ? topicScaffold(year)
      : refuse('new.badYear', { value: value ?? '' });
  }
  if (kind === 'bac') return guideScaffold(value ?? '', context.now);
  return refuse('new.badKind', { kind });
}

/** True when the plan is a refusal. */
export function isRefusal(plan: ScaffoldPlan | ScaffoldRefusal): plan is ScaffoldRefusal {
  return 'error' in plan;
}
