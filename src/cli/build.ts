/**
 * `npm run build`: check the content, build into a temporary folder, then swap it in.
 * A failed build never touches the dist/ that is being served.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { env } from '../env.ts';
import { reportContentCheck } from './run-check.ts';

const outDir = env.outDir;
const staging = `${outDir}.staging-${process.pid}`;
const retired = `${outDir}.old-${process.pid}`;

const check = reportContentCheck(env.contentRoot);
if (!check.ok) {
  process.exit(1);
}
// Drafts with errors are left out of the collections (src/content.config.ts) instead of failing the build.
process.env['CONTENT_LEAVE_OUT'] = check.leftOut.join('\n');

// Vite's bundler (rolldown) allocates with mimalloc, which hands freed memory back to the system
// only on a later call after a delay; once the bundle is written no call comes, and 0.5–0.7 GB
// it no longer uses stays resident for the whole build. Read when the bundler loads, so set first.
process.env['MIMALLOC_PURGE_DELAY'] ??= '0';
// V8 lets the old generation grow to four times what survived the last full collection before the
// next one; pages leave a lot of short-lived garbage, so at 600 months the heap swells to 1.8 GB
// around 0.45 GB of live data, and V8 keeps the freed pages resident. Twice is plenty: a growth
// factor, not a limit, so live data may still take what it needs.
setFlagsFromString('--heap-growing-percent=100');
const { build } = await import('astro');

try {
  // Always a production build, whatever NODE_ENV the caller has (vitest sets "test").
  await build({
    mode: 'production',
    outDir: staging,
    logLevel: env.astroDebug ? 'debug' : 'info',
  });
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

// Two renames, so readers see either the old site or the new one, never half of each.
if (existsSync(outDir)) renameSync(outDir, retired);
renameSync(staging, outDir);
rmSync(retired, { recursive: true, force: true });
console.log(`dist: ${outDir}`);
