/**
 * `npm run build`: check the content, build into a temporary folder, then swap it in.
 * A failed build never touches the dist/ that is being served.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'astro';
import { contentRoot } from '../content-dir.ts';
import { runContentCheck } from './run-check.ts';

const outDir = resolve(process.env['OUT_DIR'] ?? 'dist');
const staging = `${outDir}.staging-${process.pid}`;
const retired = `${outDir}.old-${process.pid}`;

if (!runContentCheck(contentRoot())) {
  process.exit(1);
}

try {
  // Always a production build, whatever NODE_ENV the caller has (vitest sets "test").
  await build({
    mode: 'production',
    outDir: staging,
    logLevel: process.env['ASTRO_LOG'] === 'debug' ? 'debug' : 'info',
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
