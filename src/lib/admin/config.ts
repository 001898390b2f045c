/**
 * The web editor's (Decap CMS) configuration, generated from the same Zod schemas as the site and
 * the checker, so an editor field cannot exist without a schema field, nor the other way round.
 */
import type { z } from 'astro/zod';
import { t, vi, type MessageKey } from '../../i18n/vi.ts';
import type { ContentKind } from '../check/content.ts';
import { calendarDate } from '../common/dates.ts';
import { sectionKindLabel, statusLabel, type SectionKind, type Status } from '../content/kinds.ts';
import { compareMonthKeys, formatMonthKey, nextMonth, parseMonthKey } from '../common/month-key.ts';
import {
  imagePath,
  monthlyIssueSchema,
  sectionSchema,
  studyGuideSchema,
  topicPartSchema,
  topicSchema,
  year,
} from '../content/schemas.ts';

/** One Decap field (only the options this portal uses). */
export interface EditorField {
  name: string;
  label: string;
  widget:
    | 'string'
    | 'number'
    | 'select'
    | 'list'
    | 'object'
    | 'file'
    | 'image'
    | 'hidden'
    | 'markdown'
    | typeof DATE_WIDGET
    | typeof WORD_MARKDOWN_WIDGET;
  required?: boolean;
  default?: unknown;
  hint?: string;
  options?: { label: string; value: string }[];
  value_type?: 'int';
  format?: string;
  media_folder?: string;
  public_folder?: string;
  choose_url?: boolean;
  field?: EditorField;
  fields?: EditorField[];
  collapsed?: boolean;
}

/** One Decap folder collection. */
export interface EditorCollection {
  name: string;
  label: string;
  label_singular: string;
  description?: string;
  folder: string;
  path?: string;
  slug?: string;
  extension: 'mdx';
  format: 'frontmatter';
  create: boolean;
  media_folder: string;
  public_folder: string;
  summary?: string;
  sortable_fields?: (string | { field: string; default_sort: boolean | 'asc' | 'desc' })[];
  fields: EditorField[];
}

/** What the admin page needs: Decap's config and, per collection folder, the kind of file it lists. */
export interface AdminSetup {
  config: {
    backend: { name: string; repo?: string; branch: string; base_url?: string; auth_endpoint?: string };
    local_backend: boolean;
    publish_mode: 'editorial_workflow';
    load_config_file: false;
    locale: 'vi';
    site_url?: string;
    media_folder: string;
    public_folder: string;
    slug: { encoding: 'ascii'; clean_accents: true; sanitize_replacement: '-' };
    collections: EditorCollection[];
  };
  /** Folder → the kind of content file it holds; Decap lists a folder's files to this depth blindly. */
  entryKinds: Record<string, ContentKind>;
}

/** The production Git host backend (README "Trình soạn thảo web"). */
export interface GitBackend {
  name: string;
  repo?: string;
  branch: string;
  base_url?: string;
  auth_endpoint?: string;
}

/** Inputs of the generator: the clock, the folders on disk, and the production backend. */
export interface AdminConfigInput {
  now: Date;
  /** Month folders that exist ("2026-11"…). */
  months: readonly string[];
  /** Topic year folders that exist ("2026"…). */
  topicYears: readonly string[];
  backend: GitBackend;
  siteUrl?: string;
}

/** Fields of the schema the web editor must offer (the checker's variant: paths and years). */
export const EDITOR_SCHEMAS = {
  monthlyIssue: monthlyIssueSchema(imagePath(), year()),
  section: sectionSchema(),
  topic: topicSchema(),
  topicPart: topicPartSchema(),
  studyGuide: studyGuideSchema(year()),
} satisfies Record<ContentKind, z.ZodObject>;

interface Unwrapped {
  schema: z.ZodType;
  required: boolean;
  defaultValue?: unknown;
  format?: string;
}

/** Internal view of a Zod 4 schema node. */
interface ZodNode {
  _zod: {
    def: {
      type: string;
      innerType?: z.ZodType;
      in?: z.ZodType;
      out?: z.ZodType;
      defaultValue?: unknown;
      element?: z.ZodType;
      shape?: Record<string, z.ZodType>;
      entries?: Record<string, string>;
    };
  };
  meta(): Record<string, unknown> | undefined;
}

const node = (schema: z.ZodType) => schema as unknown as ZodNode;

/** Peels optional/default/pipe wrappers down to the value type, remembering what they said. */
function unwrap(schema: z.ZodType): Unwrapped {
  let current = schema;
  let required = true;
  let defaultValue: unknown;
  let format: string | undefined;
  for (;;) {
    const meta = node(current).meta();
    if (typeof meta?.['format'] === 'string') format ??= meta['format'];
    const def = node(current)._zod.def;
    if (def.type === 'optional' && def.innerType) {
      required = false;
      current = def.innerType;
    } else if (def.type === 'default' && def.innerType) {
      required = false;
      defaultValue = def.defaultValue;
      current = def.innerType;
    } else if (def.type === 'pipe' && def.in && def.out) {
      // A transform on the way in (preprocess) means the real type is the output.
      current = node(def.in)._zod.def.type === 'transform' ? def.out : def.in;
    } else break;
  }
  return {
    schema: current,
    required,
    ...(defaultValue !== undefined ? { defaultValue } : {}),
    ...(format ? { format } : {}),
  };
}

/** The Vietnamese label of a field path such as "attachments.title". */
function labelOf(path: string): string {
  const key = `admin.field.${path}`;
  if (!(key in vi)) throw new Error(`No Vietnamese label ${key} in src/i18n/vi.ts`);
  return t(key as MessageKey);
}

/** The Vietnamese hint of a field path, when there is one. */
function hintOf(path: string): { hint?: string } {
  const key = `admin.hint.${path}`;
  return key in vi ? { hint: t(key as MessageKey) } : {};
}

/** The editor's own date box (src/scripts/admin/date-widget.ts): typed dd/mm/yyyy, stored YYYY-MM-DD. */
export const DATE_WIDGET = 'ngay';
/** Decap's Markdown editor with a "Nhập từ tệp Word" action above it (src/scripts/admin/word-widget.ts). */
export const WORD_MARKDOWN_WIDGET = 'markdown-word';

/** A date field; Decap's own picker shows the browser's date format and "UTC". */
const DATE_FIELD = { widget: DATE_WIDGET, format: 'YYYY-MM-DD' } as const;

/** One schema field as a Decap field; `path` is the dotted path used for labels. */
function fieldFor(name: string, schema: z.ZodType, path: string): EditorField {
  const { schema: inner, required, defaultValue, format } = unwrap(schema);
  const def = node(inner)._zod.def;
  const base = { name, label: labelOf(path), ...hintOf(path), ...(required ? {} : { required: false }) };
  if (format === 'date') return { ...base, ...DATE_FIELD };
  if (format === 'image')
    return { ...base, widget: 'image', media_folder: 'images', public_folder: './images', choose_url: false };
  if (format === 'file')
    return { ...base, widget: 'file', media_folder: 'files', public_folder: './files', choose_url: false };
  switch (def.type) {
    case 'string':
      return { ...base, widget: 'string' };
    case 'number':
      return { ...base, widget: 'number', value_type: 'int' };
    case 'enum': {
      const values = Object.values(def.entries ?? {});
      if (name === 'status') {
        // The file's status follows the editorial workflow (src/admin/workflow.ts), not a menu.
        return { ...base, widget: 'hidden', default: 'draft' };
      }
      const label = (value: string) =>
        name === 'kind' ? sectionKindLabel(value as SectionKind) : statusLabel(value as Status);
      return { ...base, widget: 'select', options: values.map((value) => ({ label: label(value), value })) };
    }
    case 'array': {
      const element = def.element;
      if (!element) throw new Error(`List without element type: ${path}`);
      const item = unwrap(element);
      const list = {
        ...base,
        widget: 'list' as const,
        ...(defaultValue !== undefined ? { default: defaultValue } : {}),
      };
      if (node(item.schema)._zod.def.type === 'object') {
        return { ...list, collapsed: false, fields: fieldsOf(element, path) };
      }
      return { ...list, field: fieldFor(name, element, `${path}.item`) };
    }
    case 'object': {
      const fields = fieldsOf(inner, path);
      // Decap checks the children of an empty optional object; the checker still asks for them once it is filled.
      return {
        ...base,
        widget: 'object',
        fields: required ? fields : fields.map((field) => ({ ...field, required: false })),
      };
    }
    default:
      throw new Error(`No editor widget for schema type ${def.type} (${path})`);
  }
}

/** Every field of an object schema as Decap fields, in schema order. */
export function fieldsOf(schema: z.ZodType, prefix = ''): EditorField[] {
  const shape = node(unwrap(schema).schema)._zod.def.shape ?? {};
  return Object.entries(shape).map(([name, field]) => fieldFor(name, field, prefix ? `${prefix}.${name}` : name));
}

/** The Markdown body every content file has after its frontmatter; one-document items can import Word. */
function bodyField(fromWord = false): EditorField {
  return {
    name: 'body',
    label: t('admin.field.body'),
    widget: fromWord ? WORD_MARKDOWN_WIDGET : 'markdown',
    required: false,
  };
}

/** Months after the current one that get a sections collection before their folder exists. */
const UPCOMING_MONTHS = 12;

/** Month folders that get a sections collection: every one that exists, last month, and the year ahead. */
export function editableMonths(existing: readonly string[], now: Date): string[] {
  const today = parseMonthKey(calendarDate(now).slice(0, 7));
  const upcoming: string[] = [];
  if (today) {
    // From last month: a late draft of the month that just ended still gets its sections.
    let month = today.month === 1 ? { year: today.year - 1, month: 12 } : { year: today.year, month: today.month - 1 };
    for (let i = 0; i <= UPCOMING_MONTHS + 1; i += 1) {
      upcoming.push(formatMonthKey(month));
      month = nextMonth(month);
    }
  }
  const valid = existing.filter((month) => parseMonthKey(month) !== null);
  return [...new Set([...valid, ...upcoming])].sort(compareMonthKeys).reverse();
}

/** Topic years that get a parts collection: those that exist, this year and next year. */
export function editableTopicYears(existing: readonly string[], now: Date): string[] {
  const thisYear = Number(calendarDate(now).slice(0, 4));
  const years = new Set(existing.filter((item) => /^\d{4}$/.test(item)));
  years.add(String(thisYear)).add(String(thisYear + 1));
  return [...years].sort().reverse();
}

/** What every collection shares: MDX files with frontmatter, images beside the entry. */
const COMMON = {
  extension: 'mdx',
  format: 'frontmatter',
  media_folder: 'images',
  public_folder: './images',
} as const;

/**
 * The list line of an item that has a status: the title, then a marker the editor script turns
 * into "Bản nháp" / "Hẹn đăng dd/mm/yyyy" / "Đã đăng" (Decap's templates cannot compare dates).
 */
const STATUS_SUMMARY = '{{title}} ⟦{{status}}|{{publishDate}}⟧';

/** The monthly issues: one folder per month, the issue in its index.mdx. */
function monthsCollection(): EditorCollection {
  return {
    ...COMMON,
    name: 'thang',
    label: t('admin.collection.months'),
    label_singular: t('admin.collection.month'),
    description: t('admin.collection.monthsHelp'),
    folder: 'content/thang',
    // One folder per month, named from the month field (Decap mangles "." in `path`, not in `slug`).
    slug: '{{fields.month}}',
    path: '{{slug}}/index',
    create: true,
    summary: `{{fields.month}}: ${STATUS_SUMMARY}`,
    sortable_fields: [{ field: 'month', default_sort: 'desc' }, 'title'],
    fields: [...fieldsOf(EDITOR_SCHEMAS.monthlyIssue), bodyField()],
  };
}

/** The sections of one month, numbered by `order`. */
function sectionsCollection(month: string): EditorCollection {
  const key = parseMonthKey(month);
  return {
    ...COMMON,
    name: `thang-${month}`,
    label: key ? t('admin.collection.sections', { month: key.month, year: key.year }) : month,
    label_singular: t('admin.collection.section'),
    description: t('admin.collection.sectionsHelp'),
    folder: `content/thang/${month}`,
    // The order number leads the file name, as the content contract asks.
    slug: '{{fields.order}}-{{slug}}',
    create: true,
    summary: '{{order}}. {{title}}',
    sortable_fields: [{ field: 'order', default_sort: 'asc' }, 'title'],
    fields: [...fieldsOf(EDITOR_SCHEMAS.section), bodyField(true)],
  };
}

/** The annual topics: one folder per year, the topic in its index.mdx. */
function topicsCollection(): EditorCollection {
  return {
    ...COMMON,
    name: 'chuyen-de',
    label: t('admin.collection.topics'),
    label_singular: t('admin.collection.topic'),
    folder: 'content/chuyen-de',
    slug: '{{fields.year}}',
    path: '{{slug}}/index',
    create: true,
    summary: `{{fields.year}}: ${STATUS_SUMMARY}`,
    sortable_fields: [{ field: 'year', default_sort: 'desc' }],
    fields: [...fieldsOf(EDITOR_SCHEMAS.topic), bodyField()],
  };
}

/** The parts of one year's topic. */
function topicPartsCollection(year: string): EditorCollection {
  return {
    ...COMMON,
    name: `chuyen-de-${year}`,
    label: t('admin.collection.parts', { year }),
    label_singular: t('admin.collection.part'),
    folder: `content/chuyen-de/${year}`,
    slug: '{{fields.order}}-{{slug}}',
    create: true,
    summary: '{{order}}. {{title}}',
    sortable_fields: [{ field: 'order', default_sort: 'asc' }],
    fields: [...fieldsOf(EDITOR_SCHEMAS.topicPart), bodyField(true)],
  };
}

/** The Ho Chi Minh study guides, one file each. */
function guidesCollection(): EditorCollection {
  return {
    ...COMMON,
    name: 'hoc-tap-bac',
    label: t('admin.collection.guides'),
    label_singular: t('admin.collection.guide'),
    folder: 'content/hoc-tap-bac',
    slug: '{{slug}}',
    create: true,
    summary: STATUS_SUMMARY,
    sortable_fields: [{ field: 'publishDate', default_sort: 'desc' }, 'title'],
    fields: [...fieldsOf(EDITOR_SCHEMAS.studyGuide), bodyField(true)],
  };
}

/** Every collection, each with the kind of content file its folder lists. */
function collectionsFor(months: readonly string[], years: readonly string[]): [EditorCollection, ContentKind][] {
  return [
    [monthsCollection(), 'monthlyIssue'],
    ...months.map((month): [EditorCollection, ContentKind] => [sectionsCollection(month), 'section']),
    [topicsCollection(), 'topic'],
    ...years.map((year): [EditorCollection, ContentKind] => [topicPartsCollection(year), 'topicPart']),
    [guidesCollection(), 'studyGuide'],
  ];
}

/** Builds the whole Decap configuration for the given clock, folders and backend. */
export function buildAdminSetup(input: AdminConfigInput): AdminSetup {
  const collections = collectionsFor(
    editableMonths(input.months, input.now),
    editableTopicYears(input.topicYears, input.now),
  );
  return {
    config: {
      backend: input.backend,
      local_backend: true,
      publish_mode: 'editorial_workflow',
      load_config_file: false,
      locale: 'vi',
      ...(input.siteUrl ? { site_url: input.siteUrl } : {}),
      media_folder: 'content/files',
      public_folder: './files',
      slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
      collections: collections.map(([collection]) => collection),
    },
    entryKinds: Object.fromEntries(collections.map(([collection, kind]) => [collection.folder, kind])),
  };
}
