/**
 * The thematic-meeting guide of a month: preparation, the outline of the introductory report
 * (taken from the headings of the month's `chuyen-de` sections) and the discussion questions.
 */
import { t } from '../../i18n/vi.ts';
import type { KitDocument } from './kit-document.ts';

/** A heading as Astro's render() reports it. */
export interface HeadingInfo {
  depth: number;
  slug: string;
  text: string;
}

/** An entry of the report outline, linking to the passage it summarises. */
export interface OutlineEntry {
  text: string;
  href: string;
  children: OutlineEntry[];
}

/** One thematic section and the outline drawn from it. */
export interface ThematicSource {
  title: string;
  url: string;
  outline: OutlineEntry[];
}

/** The whole guide. */
export interface ThematicGuide {
  sources: ThematicSource[];
  preparation: string[];
  outlineOpening: string;
  outlineClosing: string[];
  questions: string[];
  /** The blank register of members' commitments, to print and fill in at the meeting. */
  commitments: KitDocument;
}

/** Level-2 headings with their level-3 headings beneath, as links into the section page. */
export function outlineFromHeadings(url: string, headings: readonly HeadingInfo[]): OutlineEntry[] {
  const outline: OutlineEntry[] = [];
  for (const heading of headings) {
    const entry = { text: heading.text, href: `${url}#${heading.slug}`, children: [] };
    if (heading.depth === 2) outline.push(entry);
    else if (heading.depth === 3) outline[outline.length - 1]?.children.push(entry);
  }
  return outline;
}

/** Builds the guide; null when the month has no thematic section. */
export function thematicGuide(input: {
  sections: readonly { title: string; url: string; headings: readonly HeadingInfo[] }[];
  questions: readonly string[];
}): ThematicGuide | null {
  const first = input.sections[0];
  if (!first) return null;
  const titles = input.sections.map((section) => `“${section.title}”`).join(', ');
  return {
    sources: input.sections.map((section) => ({
      title: section.title,
      url: section.url,
      outline: outlineFromHeadings(section.url, section.headings),
    })),
    preparation: [
      t('thematic.prep.assign'),
      t('thematic.prep.read', { titles }),
      t('thematic.prep.facts'),
      t('thematic.prep.guests'),
      t('thematic.prep.forms'),
    ],
    outlineOpening: t('thematic.outline.open'),
    outlineClosing: [t('thematic.outline.local'), t('thematic.outline.proposals')],
    questions: [...input.questions, t('thematic.q.self'), t('thematic.q.cell'), t('thematic.q.commit')],
    commitments: {
      title: t('thematic.followUp'),
      blocks: [
        {
          type: 'table',
          headers: [
            t('local.col.no'),
            t('doc.col.member'),
            t('doc.col.commitment'),
            t('local.col.deadline'),
            t('thematic.col.result'),
          ],
          rows: [],
          blankRows: 6,
          widths: [7, 25, 38, 14, 16],
        },
      ],
    },
  };
}
