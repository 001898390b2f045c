/** Each public study guide's PDF: /hoc-tap-bac/<slug>/hoc-tap-bac-<slug>.pdf (rendered once, cached by content). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getStudyGuides, type StudyGuide } from '../../../collections.ts';
import { getGuidePdf } from '../../../exports/files.ts';
import { describeFileType } from '../../../lib/common/file-types.ts';
import { guideReads, keyedPaths } from '../../../path-keys.ts';

export const getStaticPaths = (async () => {
  const paths = (await getStudyGuides()).map((guide) => ({
    params: { slug: guide.slug, suffix: guide.slug },
    props: { guide },
  }));
  return keyedPaths('hoc-tap-bac/[slug]/pdf', paths, ({ props }) => guideReads(props.guide));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ guide: StudyGuide }> = async ({ props: { guide } }) =>
  new Response(await getGuidePdf(guide), { headers: { 'Content-Type': describeFileType('.pdf').mimeType } });
