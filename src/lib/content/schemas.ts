/**
 * The content contract of PRODUCT.md as Zod schemas, with the Vietnamese message of each rule
 * next to it. Astro's collections (src/content.config.ts) and the content checker (npm run check)
 * build their schemas from these, so the two can never disagree.
 */
import { z } from 'astro/zod';
import { t, type MessageKey } from '../../i18n/vi.ts';
import { parseMonthKey } from '../common/month-key.ts';
import { isCalendarDate } from '../common/dates.ts';
import { SECTION_KINDS, STATUSES } from './kinds.ts';
import { findLegacyEncoding, toNfc } from '../common/text-encoding.ts';

/** Error message for a field: "missing" when absent, otherwise what is expected. */
export function expected(key: MessageKey) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? t('error.required') : t(key));
}

/**
 * Object options that name an unknown field in Vietnamese (a typo such as `sumary`).
 * @param otherwise message for a value that is not an object at all, if not Zod's own
 */
export function strictObjectOptions(otherwise?: MessageKey) {
  return {
    error: (issue: { code?: string; keys?: string[]; input?: unknown }) =>
      issue.code === 'unrecognized_keys'
        ? t('error.unknownField', { field: (issue.keys ?? []).join(', ') })
        : issue.input === undefined
          ? t('error.required')
          : otherwise && t(otherwise),
  };
}

const strict = strictObjectOptions();

/** Non-empty Vietnamese text, stored in NFC, refused when it is legacy-encoded mojibake. */
export const text = () =>
  z.string({ error: expected('error.text') }).transform((raw, ctx) => {
    const value = toNfc(raw).trim();
    if (value === '') {
      ctx.addIssue({ code: 'custom', message: t('error.text') });
      return z.NEVER;
    }
    const hit = findLegacyEncoding(value);
    if (hit) {
      ctx.addIssue({ code: 'custom', message: t('error.legacyEncoding', { word: hit.word }) });
      return z.NEVER;
    }
    return value;
  });

/** A calendar date written YYYY-MM-DD (YAML may hand it over as a Date); kept as that string. */
export const dateOnly = () =>
  z
    .preprocess(
      (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
      z.string({ error: expected('error.date') }).refine((value) => isCalendarDate(value), t('error.date')),
    )
    .meta({ format: 'date' }); // the web editor offers a date picker for it (lib/admin/config.ts)

/** A month key "YYYY-MM" that names a real month. */
export const monthKey = () =>
  z.string({ error: expected('error.month') }).refine((value) => parseMonthKey(value) !== null, t('error.month'));

/** A four-digit year. */
export const year = () =>
  z
    .number({ error: expected('error.year') })
    .int(t('error.year'))
    .min(1930, t('error.year'))
    .max(2999, t('error.year'));

/** Publishing status: draft or published. */
export const status = () => z.enum(STATUSES, { error: expected('error.status') });

/** A list of text lines (agenda, questions); absent means empty. */
export const textList = () => z.array(text(), { error: expected('error.list') }).default([]);

/** The order of a section or part inside its parent. */
export const order = () =>
  z
    .number({ error: expected('error.order') })
    .int(t('error.order'))
    .positive(t('error.order'));

/** A path to an attachment next to the file: "./files/x.pdf". */
export const filePath = () =>
  z
    .string({ error: expected('error.filePath') })
    .regex(/^\.\/files\/[^/]+$/, t('error.filePath'))
    .meta({ format: 'file' });

/** A path to an image next to the file: "./images/x.jpg". */
export const imagePath = () =>
  z
    .string({ error: expected('error.imagePath') })
    .regex(/^\.\/images\/[^/]+$/, t('error.imagePath'))
    .meta({ format: 'image' });

/**
 * Monthly issue (`content/thang/YYYY-MM/index.mdx`).
 * @param image schema of the cover's `src` (Astro's image() in the site, a path in the checker)
 * @param topicRef schema of `topic` (Astro's reference() in the site, a year in the checker)
 */
export function monthlyIssueSchema<Image extends z.ZodType, TopicRef extends z.ZodType>(
  image: Image,
  topicRef: TopicRef,
) {
  return z.strictObject(
    {
      /** Title shown on the page, cards, feed and the printed head block. */
      title: text(),
      /** The month this issue is for; must equal its folder name. */
      month: monthKey(),
      /** One or two sentences for cards and feeds. */
      summary: text(),
      /** The body that compiled the issue, e.g. "Ban Tuyên giáo Tỉnh uỷ". */
      issuer: text(),
      /** draft is never public; published is public from publishDate on. */
      status: status(),
      /** First day the issue may be public (Asia/Ho_Chi_Minh). */
      publishDate: dateOnly(),
      /** The annual topic (year) this month studies; must exist. */
      topic: topicRef.optional(),
      /** Suggested meeting agenda, in order. */
      agenda: textList(),
      /** Discussion questions. */
      questions: textList(),
      /** Files attached to the issue, each next to it under ./files/. */
      attachments: z
        .array(z.strictObject({ title: text(), file: filePath() }, strict), { error: expected('error.list') })
        .default([]),
      /** Optional cover image with its required alt text. */
      cover: z
        .strictObject(
          {
            src: image,
            alt: z
              .string({ error: expected('error.alt') })
              .trim()
              .min(1, t('error.alt')),
          },
          strict,
        )
        .optional(),
      /** Correction notices ("đính chính"), newest last. */
      corrections: z
        .array(z.strictObject({ date: dateOnly(), text: text() }, strict), { error: expected('error.list') })
        .default([]),
    },
    strict,
  );
}

/** Section of a monthly issue (`content/thang/YYYY-MM/NN-slug.mdx`). */
export function sectionSchema() {
  return z.strictObject(
    {
      /** Section title. */
      title: text(),
      /** Position in the issue; unique within the month. */
      order: order(),
      /** What kind of material this is (closed list, see kinds.ts). */
      kind: z.enum(SECTION_KINDS, {
        error: (issue) => (issue.input === undefined ? t('error.required') : kindErrorMessage()),
      }),
      /** Optional one-line summary. */
      summary: text().optional(),
    },
    strict,
  );
}

/** Annual thematic topic (`content/chuyen-de/YYYY/index.mdx`). */
export function topicSchema() {
  return z.strictObject(
    {
      /** Topic title. */
      title: text(),
      /** The year it is studied; must equal its folder name. */
      year: year(),
      /** Short summary for cards and feeds. */
      summary: text(),
      /** draft or published. */
      status: status(),
      /** First day the topic may be public. */
      publishDate: dateOnly(),
    },
    strict,
  );
}

/** Part of an annual topic (`content/chuyen-de/YYYY/NN-slug.mdx`). */
export function topicPartSchema() {
  return z.strictObject(
    {
      /** Part title. */
      title: text(),
      /** Position in the topic; unique within the topic. */
      order: order(),
    },
    strict,
  );
}

/**
 * Ho Chi Minh study guide (`content/hoc-tap-bac/slug.mdx`).
 * @param topicRef schema of `topic` (Astro's reference() in the site, a year in the checker)
 */
export function studyGuideSchema<TopicRef extends z.ZodType>(topicRef: TopicRef) {
  return z.strictObject(
    {
      /** Guide title. */
      title: text(),
      /** Short summary for cards and feeds. */
      summary: text(),
      /** draft or published. */
      status: status(),
      /** First day the guide may be public. */
      publishDate: dateOnly(),
      /** The annual topic (year) the guide belongs to, if any; must exist. */
      topic: topicRef.optional(),
      /** Questions for reflection. */
      questions: textList(),
    },
    strict,
  );
}

/** The error message for a section kind outside the list, naming the allowed kinds. */
export function kindErrorMessage(): string {
  return t('error.kind', { kinds: SECTION_KINDS.join(', ') });
}
