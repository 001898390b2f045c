/** The minutes template of each shown month, as Word: /thang/YYYY-MM/bien-ban-sinh-hoat-chi-bo-YYYY-MM.docx (rendered once, cached by content). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getMeetingKits, type MeetingKit } from '../../../kit.ts';
import { getKitDocx } from '../../../exports/files.ts';
import { describeFileType } from '../../../lib/common/file-types.ts';

export const getStaticPaths = (async () =>
  (await getMeetingKits()).map((kit) => ({
    params: { month: kit.issue.month, suffix: kit.issue.month },
    props: { kit },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ kit: MeetingKit }> = async ({ props: { kit } }) =>
  new Response(await getKitDocx(kit, 'minutes'), { headers: { 'Content-Type': describeFileType('.docx').mimeType } });
