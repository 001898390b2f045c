/**
 * Content collections over the top-level content/ folder (PRODUCT.md's contract).
 * Schemas come from lib/content/schemas.ts; ids are the URL slugs, so a title edit never moves a page.
 */
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { slugFromFileName } from './lib/common/slugs.ts';
import {
  monthlyIssueSchema,
  sectionSchema,
  studyGuideSchema,
  topicPartSchema,
  topicSchema,
} from './lib/content/schemas.ts';
import { contentDir, env } from './env.ts';
import { leaveOutPatterns } from './lib/check/drafts.ts';
import { criteriaSchema } from './lib/kit/criteria.ts';

/** A glob pattern of one area, minus the drafts with errors `npm run build` leaves out. */
function pattern(glob: string, area: string): string[] {
  return [glob, ...leaveOutPatterns(env.contentLeaveOut, area)];
}

/** "2026-11/01-thoi-su.mdx" → "2026-11/thoi-su"; "2026-11/index.mdx" → "2026-11". */
function idFromEntry({ entry }: { entry: string }): string {
  const [folder = '', fileName = ''] = entry.split('/');
  if (!fileName) return slugFromFileName(folder);
  return fileName === 'index.mdx' ? folder : `${folder}/${slugFromFileName(fileName)}`;
}

const monthlyIssues = defineCollection({
  loader: glob({ pattern: pattern('*/index.mdx', 'thang'), base: contentDir('thang'), generateId: idFromEntry }),
  schema: ({ image }) => monthlyIssueSchema(image(), reference('topics')),
});

const sections = defineCollection({
  loader: glob({ pattern: pattern('*/[0-9]*-*.mdx', 'thang'), base: contentDir('thang'), generateId: idFromEntry }),
  schema: sectionSchema(),
});

const topics = defineCollection({
  loader: glob({
    pattern: pattern('*/index.mdx', 'chuyen-de'),
    base: contentDir('chuyen-de'),
    generateId: idFromEntry,
  }),
  schema: topicSchema(),
});

const topicParts = defineCollection({
  loader: glob({
    pattern: pattern('*/[0-9]*-*.mdx', 'chuyen-de'),
    base: contentDir('chuyen-de'),
    generateId: idFromEntry,
  }),
  schema: topicPartSchema(),
});

const studyGuides = defineCollection({
  loader: glob({ pattern: pattern('*.mdx', 'hoc-tap-bac'), base: contentDir('hoc-tap-bac'), generateId: idFromEntry }),
  schema: studyGuideSchema(reference('topics')),
});

// Meeting-quality criteria of the self-assessment checklist (issue 8): data, not pages.
const criteria = defineCollection({
  loader: glob({
    pattern: '*.yaml',
    base: contentDir('tieu-chi'),
    generateId: ({ entry }) => entry.replace(/\.yaml$/, ''),
  }),
  schema: criteriaSchema(),
});

export const collections = { monthlyIssues, sections, topics, topicParts, studyGuides, criteria };
