/** Each public annual topic's PDF: /chuyen-de/YYYY/chuyen-de-YYYY.pdf (rendered once, cached by content). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getTopics, type Topic } from '../../../collections.ts';
import { getTopicPdf } from '../../../exports/files.ts';
import { describeFileType } from '../../../lib/common/file-types.ts';
import { keyedPaths, topicReads } from '../../../path-keys.ts';

export const getStaticPaths = (async () => {
  const paths = (await getTopics()).map((topic) => ({
    params: { year: topic.year, suffix: topic.year },
    props: { topic },
  }));
  return keyedPaths('chuyen-de/[year]/pdf', paths, ({ props }) => topicReads(props.topic));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ topic: Topic }> = async ({ props: { topic } }) =>
  new Response(await getTopicPdf(topic), { headers: { 'Content-Type': describeFileType('.pdf').mimeType } });
