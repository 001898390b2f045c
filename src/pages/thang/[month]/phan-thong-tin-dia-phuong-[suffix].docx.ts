/** The local-part insert of each shown month, as Word: /thang/YYYY-MM/phan-thong-tin-dia-phuong-YYYY-MM.docx */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getMeetingKits, type MeetingKit } from '../../../kit.ts';
import { localPartDocument } from '../../../lib/kit/kit-document.ts';
import { kitDocumentToDocx } from '../../../lib/exports/docx/kit-document.ts';
import { describeFileType } from '../../../lib/common/file-types.ts';

export const getStaticPaths = (async () =>
  (await getMeetingKits()).map((kit) => ({
    params: { month: kit.issue.month, suffix: kit.issue.month },
    props: { kit },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ kit: MeetingKit }> = async ({ props: { kit } }) =>
  new Response(await kitDocumentToDocx(localPartDocument({ month: kit.issue.month }), kit.issue.entry.data.issuer), {
    headers: { 'Content-Type': describeFileType('.docx').mimeType },
  });
