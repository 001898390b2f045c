/**
 * `npm run build`: check the content, build into a temporary folder, then swap it in.
 * A failed build never touches the dist/ that is being served. One build at a time per checkout:
 * Astro keeps generated modules in the project's .astro/ (and, when dist/ is outside the project,
 * its prerender bundle too), so a second build waits for the first and says so.
 * Pages, compressed copies and search periods that did not change are taken from the last build (README,
 * "Bản dựng tăng dần"); `npm run build -- --cold` makes everything again.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { enableCompileCache } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { env } from '../env.ts';
import { t } from '../i18n/vi.ts';

// Node keeps the compiled code of every module it loads (Astro, Vite, the checker, the renderer
// threads, which inherit the variable) and reuses it while the files are the same: a second or so
// of each build's start. Imports that come after this line load with it.
enableCompileCache(env.compileCacheDir);
// Worker threads (PDF, Word) enable it from the variable.
process.env['NODE_COMPILE_CACHE'] = env.compileCacheDir;
const { reportContentCheck } = await import('./run-check.ts');

const outDir = env.outDir;
// One staging name per checkout, not per process: Astro writes the output folder into the code of
// pages that show images, and a name that changed every build would make them all again. The
// build lock keeps two builds of one checkout from sharing it.
const staging = `${outDir}.staging-of-${createHash('sha256').update(process.cwd()).digest('hex').slice(0, 8)}`;
const retired = `${outDir}.old-${process.pid}`;
const lockFile = resolve('.cache/build.lock');
// Astro's cache folder: its default unless ASTRO_CACHE_DIR sets another.
const astroCacheDir = env.astroCacheDir ? resolve(env.astroCacheDir) : resolve('node_modules/.astro');
const cold = process.argv.includes('--cold');

/** Whether a process with this id is still running. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process id written in the lock file, or '' when it is empty or already gone. */
function readLock(): string {
  try {
    return readFileSync(lockFile, 'utf8').trim();
  } catch {
    return '';
  }
}

/** Takes the checkout's build lock, waiting while a live build holds it; a dead build's lock is taken over. */
async function takeBuildLock(): Promise<void> {
  let told = false;
  for (;;) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      process.on('exit', () => {
        if (existsSync(lockFile) && readFileSync(lockFile, 'utf8') === String(process.pid)) rmSync(lockFile);
      });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        mkdirSync(dirname(lockFile), { recursive: true });
        continue;
      }
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const text = readLock();
    const holder = Number(text);
    // An empty lock is one being written this instant; anything else that names no live build is stale.
    const stale =
      text === ''
        ? existsSync(lockFile) && Date.now() - statSync(lockFile).mtimeMs > 10_000
        : !Number.isInteger(holder) || holder <= 0 || !isAlive(holder);
    if (stale) {
      rmSync(lockFile, { force: true });
      continue;
    }
    if (!told && text !== '') {
      console.error(t('build.waiting', { pid: holder }));
      told = true;
    }
    await new Promise((wake) => setTimeout(wake, 500));
  }
}

/**
 * Removes a folder in a process of its own that outlives this one: the old site is thousands of
 * files, a second or more to delete, and nobody needs to wait for it once the new site is in place.
 * If that process is killed, the next build removes what it left (removeAbandonedFolders).
 */
function removeLater(folder: string): void {
  const remove = 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })';
  spawn(process.execPath, ['-e', remove, folder], { detached: true, stdio: 'ignore' })
    // No process to be had (out of memory or processes): remove it here and now instead.
    .on('error', () => rmSync(folder, { recursive: true, force: true }))
    .unref();
}

/**
 * Removes the staging and retired folders that builds killed half-way left beside dist/. A retired
 * site (`.old-`) may also be one whose removal (removeLater) has not finished, a build ago: it goes
 * without a word, and in a process of its own too, so that a build started straight after another
 * does not wait a second or more for it.
 */
function removeAbandonedFolders(): void {
  const parent = dirname(outDir);
  if (!existsSync(parent)) return;
  const pattern = new RegExp(`^${basename(outDir).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(staging|old)-(\\d+)$`);
  for (const name of readdirSync(parent)) {
    const match = pattern.exec(name);
    const pid = Number(match?.[2]);
    if (!pid || pid === process.pid || isAlive(pid)) continue;
    if (match?.[1] === 'old') {
      removeLater(join(parent, name));
      continue;
    }
    rmSync(join(parent, name), { recursive: true, force: true });
    console.log(t('build.staleRemoved', { path: join(parent, name) }));
  }
}

// The problems of bodies checked by the last build are kept with Astro's cache; a cold build checks all.
const check = reportContentCheck(env.contentRoot, console.error, {
  file: join(astroCacheDir, 'content-check.json'),
  fresh: cold,
});
if (!check.ok) {
  process.exit(1);
}
// Drafts with errors are left out of the collections (src/content.config.ts) instead of failing the build.
process.env['CONTENT_LEAVE_OUT'] = check.leftOut.join('\n');

await takeBuildLock();
removeAbandonedFolders();
// Left by a build of this checkout that was killed half-way (the lock is ours now).
rmSync(staging, { recursive: true, force: true });
if (cold) {
  // What the last build left to reuse: the list of its paths, their copies, the compressed copies.
  for (const name of [
    'incremental-build.json',
    'dist',
    'precompressed',
    'portal-remembered',
    'service-worker',
    'admin-bundle',
    'search-periods',
    'csp-policies.json',
  ])
    rmSync(join(astroCacheDir, name), { recursive: true, force: true });
}

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
    force: cold,
    logLevel: env.astroDebug ? 'debug' : 'info',
  });
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

// Two renames, so readers see either the old site or the new one, never half of each.
if (existsSync(outDir)) {
  renameSync(outDir, retired);
  renameSync(staging, outDir);
  removeLater(retired);
} else {
  renameSync(staging, outDir);
}
console.log(`dist: ${outDir}`);
