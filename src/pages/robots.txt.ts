import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/reach/crawl.ts';

/** robots.txt, pointing at the sitemap of the configured site (SITE_URL). */
export const GET: APIRoute = ({ site }) => {
  if (!site) throw new Error('astro.config.mjs must set `site` (SITE_URL) for robots.txt');
  return new Response(robotsTxt(site), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
