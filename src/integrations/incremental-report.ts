/**
 * Counts the work of an incremental build: how many paths Astro rendered and how many it restored
 * from the last build (experimental.incrementalBuild), and, filled in by precompress, how many files
 * were compressed or reused. Printed at the end, and written by stage-timings to BUILD_TIMINGS_FILE.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** What this build did, as counts (the machine is shared, so work is counted, not timed). */
export interface WorkCounts {
  /** Paths Astro rendered (pages and endpoints: HTML, PDF, Word, ZIP, images…). */
  rendered?: number;
  /** Paths restored from the last build's copies, not rendered. */
  restored?: number;
  /** Of the rendered paths, those with no cache key (routes without parameters: always rendered). */
  unkeyed?: number;
  /** Files gzip and brotli ran on. */
  compressed?: number;
  /** Files whose compressed copies came from the cache. */
  compressionReused?: number;
  /** Search periods (src/lib/search/periods.ts) whose bundle came from the cache, not indexed again. */
  searchPeriodsReused?: number;
  /** Changed pages indexed alone and merged into a kept search period's index (src/lib/search/merge.ts). */
  searchPagesMerged?: number;
}

/** The counts of the build running in this process. */
export const workCounts: WorkCounts = {};

/** The parts of Astro's incremental-build manifest (astro/dist/core/build/incremental.js) read here. */
interface Manifest {
  version: number;
  configHash: string;
  lockfileHash: string;
  routes: Record<
    string,
    { dependencyHash: string; paths: Record<string, { cacheKey: string; contentHashes?: Record<string, string> }> }
  >;
}

function readManifest(file: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});

/**
 * The paths of `next` that Astro restored: those the previous manifest (still valid) recorded with
 * the same code hash, cache key and content hashes, which is Astro's own test for skipping a path.
 */
export function restoredPaths(previous: Manifest | undefined, next: Manifest | undefined): number {
  if (!previous || !next) return 0;
  if (previous.version !== next.version || previous.configHash !== next.configHash) return 0;
  if (previous.lockfileHash !== next.lockfileHash) return 0;
  let restored = 0;
  for (const [component, route] of Object.entries(next.routes)) {
    const before = previous.routes[component];
    if (!before || before.dependencyHash !== route.dependencyHash) continue;
    for (const [pathname, path] of Object.entries(route.paths)) {
      const old = before.paths[pathname];
      if (old && old.cacheKey === path.cacheKey && same(old.contentHashes, path.contentHashes)) restored++;
    }
  }
  return restored;
}

/** The integration: reads the manifest before the pages are made and after, and counts. */
export function incrementalReport(): AstroIntegration {
  let manifestFile = '';
  let remembered = '';
  let startedAt = 0;
  let previous: Manifest | undefined;
  let next: Manifest | undefined;
  return {
    name: 'portal:incremental-report',
    hooks: {
      'astro:config:done': ({ config }) => {
        manifestFile = fileURLToPath(new URL('incremental-build.json', config.cacheDir));
        remembered = fileURLToPath(new URL('portal-remembered/', config.cacheDir));
      },
      'astro:build:start': () => {
        startedAt = Date.now() - 1000;
        previous = readManifest(manifestFile);
      },
      'astro:build:generated': () => {
        next = readManifest(manifestFile);
      },
      'astro:build:done': ({ assets, logger }) => {
        const total = new Set([...assets.values()].flat().map((url) => url.href)).size;
        const keyed = Object.values(next?.routes ?? {}).reduce(
          (sum, route) => sum + Object.keys(route.paths).length,
          0,
        );
        workCounts.restored = restoredPaths(previous, next);
        workCounts.rendered = total - workCounts.restored;
        workCounts.unkeyed = total - keyed;
        // Results remembered by src/path-keys.ts that this build did not use (not touched since it started).
        let files: string[] = [];
        try {
          files = readdirSync(remembered).map((name) => join(remembered, name));
        } catch {
          files = [];
        }
        for (const file of files) if (statSync(file).mtimeMs < startedAt) rmSync(file, { force: true });
        logger.info(
          `${workCounts.rendered} paths rendered (${workCounts.unkeyed} of them have no cache key), ${workCounts.restored} restored from the last build`,
        );
      },
    },
  };
}
