/**
 * The meeting-quality criteria (content/tieu-chi/*.yaml) as a Zod schema, with the Vietnamese
 * message of each rule next to it. Astro's collection and the content checker both use it.
 */
import { z } from 'astro/zod';
import { t } from '../../i18n/vi.ts';
import { expected, strictObjectOptions, text } from '../content/schemas.ts';
import { isCleanSlug } from '../common/slugs.ts';

/** The id of the criteria file the self-assessment checklist uses. */
export const MEETING_CRITERIA_ID = 'chat-luong-sinh-hoat';

const strict = strictObjectOptions('error.criteria.object');

/** An id a reader's saved ticks are keyed by: lowercase, no diacritics, hyphenated. */
const criterionId = () =>
  z.string({ error: expected('error.criteria.id') }).refine((value) => isCleanSlug(value), t('error.criteria.id'));

const criterion = z.strictObject(
  {
    /** Stable id; saved ticks refer to it. */
    id: criterionId(),
    /** What the cell did, phrased so that a tick means "yes". */
    text: text(),
    /** Weight of the item in the score. */
    points: z
      .number({ error: expected('error.criteria.points') })
      .int(t('error.criteria.points'))
      .min(1, t('error.criteria.points'))
      .max(10, t('error.criteria.points')),
  },
  strict,
);

const group = z.strictObject(
  {
    /** Stable id of the group (chuan-bi, noi-dung…). */
    id: criterionId(),
    /** Group heading. */
    title: text(),
    /** The criteria of the group, in the order they are shown. */
    items: z.array(criterion, { error: expected('error.list') }).min(1, t('error.criteria.items')),
  },
  strict,
);

const band = z.strictObject(
  {
    /** Lowest score, in percent of the maximum, that earns this verdict. */
    min: z
      .number({ error: expected('error.criteria.bandMin') })
      .int(t('error.criteria.bandMin'))
      .min(0, t('error.criteria.bandMin'))
      .max(100, t('error.criteria.bandMin')),
    /** The verdict, e.g. "Tốt". */
    label: text(),
    /** What the cell should do next at this level. */
    advice: text(),
  },
  strict,
);

/** A set of meeting-quality criteria: groups of weighted items and the verdict bands. */
export function criteriaSchema() {
  return z
    .strictObject(
      {
        /** Title of the checklist. */
        title: text(),
        /** One paragraph shown above the checklist. */
        intro: text().optional(),
        /** Groups of criteria (preparation, content, discussion, follow-up). */
        groups: z.array(group, { error: expected('error.list') }).min(1, t('error.criteria.groups')),
        /** Verdict bands; one must start at 0 so every score has a verdict. */
        bands: z.array(band, { error: expected('error.list') }).min(1, t('error.criteria.bandZero')),
      },
      strict,
    )
    .superRefine((data, ctx) => {
      const groupIds = new Set<string>();
      const itemIds = new Set<string>();
      data.groups.forEach((item, index) => {
        if (groupIds.has(item.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['groups', index, 'id'],
            message: t('error.criteria.duplicateId', { id: item.id }),
          });
        }
        groupIds.add(item.id);
        item.items.forEach((entry, entryIndex) => {
          if (itemIds.has(entry.id)) {
            ctx.addIssue({
              code: 'custom',
              path: ['groups', index, 'items', entryIndex, 'id'],
              message: t('error.criteria.duplicateId', { id: entry.id }),
            });
          }
          itemIds.add(entry.id);
        });
      });
      const mins = new Set<number>();
      data.bands.forEach((entry, index) => {
        if (mins.has(entry.min)) {
          ctx.addIssue({
            code: 'custom',
            path: ['bands', index, 'min'],
            message: t('error.criteria.bandDuplicate', { min: entry.min }),
          });
        }
        mins.add(entry.min);
      });
      if (data.bands.length > 0 && !mins.has(0)) {
        ctx.addIssue({ code: 'custom', path: ['bands'], message: t('error.criteria.bandZero') });
      }
    });
}

/** Meeting-quality criteria as validated. */
export type MeetingCriteria = z.output<ReturnType<typeof criteriaSchema>>;
/** One verdict band. */
export type CriteriaBand = MeetingCriteria['bands'][number];

/** Every criterion of every group, in order. */
export function criteriaItems(criteria: MeetingCriteria): MeetingCriteria['groups'][number]['items'] {
  return criteria.groups.flatMap((group) => group.items);
}

/** The verdict bands, best first. */
export function bandsBestFirst(criteria: MeetingCriteria): CriteriaBand[] {
  return [...criteria.bands].sort((a, b) => b.min - a.min);
}
