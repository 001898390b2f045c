import type { APIRoute } from 'astro';
import { getMonthlyIssues } from '../collections.ts';
import { offlinePages } from '../lib/reach/offline.ts';

/** The pages the service worker stores on the first visit, from the collections gate. */
export const GET: APIRoute = async () => {
  const current = (await getMonthlyIssues()).find((issue) => issue.visibility === 'public');
  const pages = offlinePages(
    current && { month: current.month, sectionUrls: current.sections.map((section) => section.url) },
  );
  return new Response(JSON.stringify({ pages }), { headers: { 'Content-Type': 'application/json' } });
};
