/**
 * Every environment variable the portal reads, read once here and typed. Nothing else in src/
 * reads process.env: a setting has one name, one default and one line of documentation.
 */
import { resolve } from 'node:path';
import { RECENT_MONTHS } from './lib/search/periods.ts';

const vars = process.env;

/** A positive integer setting, or its default when unset. */
function integer(name: string, fallback: number): number {
  const raw = vars[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer: ${raw}`);
  return value;
}

/** The clock fixed by BUILD_NOW, or undefined for the real time. */
function fixedNow(): Date | undefined {
  const raw = vars['BUILD_NOW'];
  if (!raw) return undefined;
  const now = new Date(raw);
  if (Number.isNaN(now.getTime())) throw new Error(`BUILD_NOW is not a date: ${raw}`);
  return now;
}

/** Where the site is published when SITE_URL is not set. */
export const DEFAULT_SITE_URL = 'https://tailieu.example.org';

export const env = Object.freeze({
  /** SITE_URL: the public address used in canonical links, the feed, the sitemap and previews. */
  siteUrl: vars['SITE_URL'] || DEFAULT_SITE_URL,
  /** CONTENT_DIR: the content root, absolute (tests point it at fixture trees). */
  contentRoot: resolve(vars['CONTENT_DIR'] ?? 'content'),
  /** CONTENT_LEAVE_OUT: drafts with errors to leave out, one content path a line (set by `npm run build`). */
  contentLeaveOut: (vars['CONTENT_LEAVE_OUT'] ?? '').split('\n').filter(Boolean),
  /** BUILD_NOW: pretend the build runs at this ISO date-time (tests); unset means the real clock. */
  buildNow: fixedNow(),
  /** OUT_DIR: where `npm run build` puts the site. */
  outDir: resolve(vars['OUT_DIR'] ?? 'dist'),
  /** ASTRO_LOG=debug: Astro's debug logging during `npm run build`. */
  astroDebug: vars['ASTRO_LOG'] === 'debug',
  /** ASTRO_CACHE_DIR: Astro's cache folder, so parallel test builds do not share one. */
  astroCacheDir: vars['ASTRO_CACHE_DIR'] || undefined,
  /** NODE_COMPILE_CACHE: where `npm run build` keeps Node's compiled code of the modules it loads. */
  compileCacheDir: resolve(vars['NODE_COMPILE_CACHE'] || '.cache/node-compile'),
  /** EXPORTS_CACHE_DIR: the content-hash cache of PDFs, Word files and ZIPs. */
  exportsCacheDir: resolve(vars['EXPORTS_CACHE_DIR'] ?? '.cache/exports'),
  /** EXPORTS_TIMINGS: a file the renderer appends one JSON line per rendered file to (bench). */
  exportsTimingsFile: vars['EXPORTS_TIMINGS'] || undefined,
  /** BUILD_TIMINGS_FILE: a file the build writes the duration of each build step to (bench). */
  buildTimingsFile: vars['BUILD_TIMINGS_FILE'] || undefined,
  /** PAGEFIND_CHUNK_SIZE: words per index chunk (bench compares sizes). */
  pagefindChunkSize: integer('PAGEFIND_CHUNK_SIZE', 3000),
  /** SEARCH_RECENT_MONTHS: months in the search index's newest period (tests shorten it to split the sample). */
  searchRecentMonths: integer('SEARCH_RECENT_MONTHS', RECENT_MONTHS),
  /** DECAP_PORT: the port of decap-server for `npm run admin`. */
  decapPort: vars['DECAP_PORT'] || '8081',
  /** DECAP_MODE: decap-server's mode (git commits to cms/* branches of this checkout). */
  decapMode: vars['DECAP_MODE'] || 'git',
  /** DECAP_SERVER_URL: where the dev server forwards the web editor's /api/v1 requests. */
  decapServerUrl: vars['DECAP_SERVER_URL'] || `http://127.0.0.1:${vars['DECAP_PORT'] || '8081'}`,
  /** CMS_*: the Git host the production web editor saves to (README, "Trình soạn thảo web"). */
  cms: {
    backend: vars['CMS_BACKEND'] || 'github',
    repo: vars['CMS_REPO'] || undefined,
    branch: vars['CMS_BRANCH'] || 'main',
    baseUrl: vars['CMS_BASE_URL'] || undefined,
    authEndpoint: vars['CMS_AUTH_ENDPOINT'] || undefined,
    /** CMS_API_ORIGIN: the Git host's API origin, allowed in the editor page's connect-src. */
    apiOrigin: vars['CMS_API_ORIGIN'] || undefined,
  },
});

/** The clock of builds and CLI tools: BUILD_NOW when set, the real time otherwise. */
export function clockNow(): Date {
  return env.buildNow ? new Date(env.buildNow) : new Date();
}

/** One area of the content root (thang, chuyen-de, hoc-tap-bac, tieu-chi). */
export function contentDir(area: string): string {
  return resolve(env.contentRoot, area);
}
