import type { APIRoute } from 'astro';
import { webManifest } from '../lib/reach/web-manifest.ts';

/** The web app manifest (installable portal). */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(webManifest(), null, 2), { headers: { 'Content-Type': 'application/manifest+json' } });
