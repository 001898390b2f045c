/** The minutes template of each shown month, as Word: /thang/YYYY-MM/bien-ban-sinh-hoat-chi-bo-YYYY-MM.docx */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getMeetingKits, type MeetingKit } from '../../../kit.ts';
import { bandsBestFirst, criteriaItems } from '../../../lib/kit/criteria.ts';
import { minutesDocument } from '../../../lib/kit/kit-document.ts';
import { kitDocumentToDocx } from '../../../lib/exports/docx/kit-document.ts';
import { describeFileType } from '../../../lib/common/file-types.ts';

export const getStaticPaths = (async () =>
  (await getMeetingKits()).map((kit) => ({
    params: { month: kit.issue.month, suffix: kit.issue.month },
    props: { kit },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ kit: MeetingKit }> = async ({ props: { kit } }) => {
  const { data } = kit.issue.entry;
  const document = minutesDocument({
    month: kit.issue.month,
    issuer: data.issuer,
    agenda: data.agenda,
    questions: data.questions,
    bands: kit.criteria ? bandsBestFirst(kit.criteria).map((band) => band.label) : [],
    maxPoints: kit.criteria ? criteriaItems(kit.criteria).reduce((sum, item) => sum + item.points, 0) : undefined,
  });
  return new Response(await kitDocumentToDocx(document, data.issuer), {
    headers: { 'Content-Type': describeFileType('.docx').mimeType },
  });
};
