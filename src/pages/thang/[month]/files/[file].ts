/** Copies each public month's attachments to /thang/YYYY-MM/files/<name>, through the visibility gate. */
import { readFile } from 'node:fs/promises';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getMonthlyIssues, type Attachment } from '../../../../collections.ts';
import { keyedPaths } from '../../../../path-keys.ts';

export const getStaticPaths = (async () => {
  const issues = await getMonthlyIssues();
  // The file's bytes are keyed by their SHA-256, which the attachment carries.
  const paths = issues.flatMap((issue) =>
    issue.attachments.map((attachment) => ({
      params: { month: issue.month, file: attachment.fileName },
      props: { attachment },
    })),
  );
  return keyedPaths('thang/[month]/files/[file]', paths);
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ attachment: Attachment }> = async ({ props }) =>
  new Response(await readFile(props.attachment.sourcePath), { headers: { 'Content-Type': props.attachment.mimeType } });
