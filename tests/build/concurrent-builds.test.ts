/**
 * Two builds started at once in one checkout: the second waits for the first (and says so in
 * Vietnamese), both finish with a complete dist/, and folders a killed build left are removed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/vi.ts';
import { projectRoot, TEST_NOW } from '../support/build-site.ts';

const contentDir = resolve(projectRoot, 'tests/fixtures/scheduled/content');
// Outside the project, as a server's dist/ is: Astro then puts its prerender bundle in the
// project's own .astro/, the folder two builds at once used to fight over.
const work = mkdtempSync(join(tmpdir(), 'portal-concurrent-'));

/** Starts `npm run build`'s script; resolves with its exit code and output. */
function startBuild(name: string): Promise<{ status: number | null; output: string; outDir: string }> {
  const outDir = resolve(work, name, 'dist');
  mkdirSync(resolve(work, name), { recursive: true });
  const child = spawn(process.execPath, ['src/cli/build.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      CONTENT_DIR: contentDir,
      OUT_DIR: outDir,
      BUILD_NOW: TEST_NOW,
      ASTRO_CACHE_DIR: resolve(work, name, 'astro-cache'),
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((done) => child.on('close', (status) => done({ status, output, outDir })));
}

/** A process id no process has: the highest ids are free on any ordinary machine. */
function deadPid(): number {
  for (let pid = 4_194_000; pid > 4_000_000; pid--) {
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return pid;
    }
  }
  throw new Error('no free process id');
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('two builds at once', () => {
  it('both finish with a whole site, one after the other, and abandoned folders are cleaned', async () => {
    // What a build killed half-way leaves beside dist/, and one a live process still owns; a site
    // replaced by a build whose removal of it did not finish.
    const abandoned = resolve(work, 'first', `dist.staging-${deadPid()}`);
    const owned = resolve(work, 'first', `dist.staging-${process.pid}`);
    const retired = resolve(work, 'first', `dist.old-${deadPid()}`);
    for (const dir of [abandoned, owned, retired]) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(resolve(dir, 'index.html'), 'dở dang');
    }

    const [first, second] = await Promise.all([startBuild('first'), startBuild('second')]);

    expect(first.status, first.output).toBe(0);
    expect(second.status, second.output).toBe(0);
    expect(`${first.output}\n${second.output}`).not.toContain('Cannot find module');
    // The retired site goes by a process of its own, without a word: it may still be under way.
    const deadline = Date.now() + 60_000;
    while (existsSync(retired) && Date.now() < deadline) await new Promise((wake) => setTimeout(wake, 200));
    expect(existsSync(retired)).toBe(false);
    expect(first.output).not.toContain(retired);
    const waited = [first, second].filter((build) =>
      build.output.includes(t('build.waiting', { pid: 0 }).split('(')[0] ?? ''),
    );
    expect(waited).toHaveLength(1);
    for (const build of [first, second]) {
      for (const file of [
        'index.html',
        '404.html',
        'sw.js',
        'thang/2026-11/index.html',
        'thang/2026-11/tai-lieu-sinh-hoat-chi-bo-2026-11.pdf',
      ])
        expect(existsSync(resolve(build.outDir, file)), `${build.outDir}/${file}`).toBe(true);
      expect(readdirSync(resolve(build.outDir, '..')).filter((name) => /^dist\.(staging|old)-/.test(name))).toEqual(
        build === first ? [`dist.staging-${process.pid}`] : [],
      );
    }
    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(owned)).toBe(true);
    expect(first.output).toContain(t('build.staleRemoved', { path: abandoned }));
  }, 600_000);
});
