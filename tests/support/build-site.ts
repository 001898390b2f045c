/**
 * Builds a site with `npm run build`'s own script, into a folder of its own, for tests to read.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '../..');

/** The fixed clock test builds use: the evening of 2026-11-28 in Hà Nội. */
export const TEST_NOW = '2026-11-28T20:00:00+07:00';

export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
}

/** Runs src/cli/build.ts with the given content root and clock; never throws on a failed build. */
export function buildSite(options: {
  name: string;
  contentDir?: string;
  now?: string;
  outDir?: string;
  env?: Record<string, string>;
}): BuildResult {
  const work = resolve(projectRoot, '.cache/test-builds', options.name);
  mkdirSync(work, { recursive: true });
  const outDir = options.outDir ?? resolve(work, 'dist');
  const result = spawnSync(process.execPath, ['src/cli/build.ts'], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      CONTENT_DIR: options.contentDir ?? resolve(projectRoot, 'content'),
      OUT_DIR: outDir,
      BUILD_NOW: options.now ?? TEST_NOW,
      ASTRO_CACHE_DIR: resolve(work, 'astro-cache'),
      ...options.env,
    },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}
