/** Copies each public month's attachments to /thang/YYYY-MM/files/<name>, through the visibility gate. */
import { readFile } from 'node:fs/promises';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getMonthlyIssues, type Attachment } from '../../../../collections.ts';

export const getStaticPaths = (async () => {
  const issues = await getMonthlyIssues();
  return issues.flatMap((issue) =>
    issue.attachments.map((attachment) => ({
      params: { month: issue.month, file: attachment.fileName },
      props: { attachment },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ attachment: Attachment }> = async ({ props }) =>
  new Response(await readFile(props.attachment.sourcePath), { headers: { 'Content-Type': props.attachment.mimeType } });
