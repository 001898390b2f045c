/**
 * `npm run bench:profile [-- --months 120 --top 25]`: where a cold build's time goes. Generates an
 * archive (seed 1, ending 2026-11), builds it from cold caches under `node --cpu-prof` (the main
 * thread and every worker thread write a profile) and prints, per thread, the self time by package
 * or project folder. Profiling slows the build by a tenth or so: compare shares, not seconds.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateArchive } from '../src/lib/synthetic/archive.ts';
import { writeArchive } from '../src/cli/gen.ts';
import { selfTimeByCategory, threadOf, type CpuProfile } from './cpu-profile.ts';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { months: { type: 'string', default: '120' }, top: { type: 'string', default: '25' } },
});
const months = Number(values.months);
const work = join(root, '.cache/bench/profile');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const content = join(work, 'content');
await writeArchive(generateArchive({ months, seed: 1, endMonth: '2026-11', draftNext: true }), content);

const result = spawnSync(
  process.execPath,
  ['--cpu-prof', `--cpu-prof-dir=${join(work, 'profiles')}`, 'src/cli/build.ts'],
  {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      CONTENT_DIR: content,
      OUT_DIR: join(work, 'dist'),
      ASTRO_CACHE_DIR: join(work, 'astro-cache'),
      EXPORTS_CACHE_DIR: join(work, 'exports-cache'),
      BUILD_NOW: '2026-11-28T20:00:00+07:00',
    },
  },
);
if (result.status !== 0) throw new Error(`build failed:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);

// Node names each file CPU.<date>.<time>.<pid>.<thread id>.<sequence>.cpuprofile; thread 0 is the main one.
const files = readdirSync(join(work, 'profiles')).filter((name) => name.endsWith('.cpuprofile'));
const threadId = (name: string) => Number(name.split('.').at(-3));
const groups = new Map<string, [string, number][][]>();
for (const name of files) {
  const profile = JSON.parse(readFileSync(join(work, 'profiles', name), 'utf8')) as CpuProfile;
  const table = selfTimeByCategory(profile);
  const label = threadOf(profile, threadId(name) === 0);
  groups.set(label, [...(groups.get(label) ?? []), table]);
}
const s = (ms: number) => (ms / 1000).toFixed(1);
console.log(`Cold build of ${months} months under --cpu-prof, ${new Date().toISOString().slice(0, 10)}.\n`);
for (const [label, tables] of groups) {
  const totals = new Map<string, number>();
  for (const table of tables)
    for (const [category, ms] of table) totals.set(category, (totals.get(category) ?? 0) + ms);
  const sorted = [...totals].sort((a, b) => b[1] - a[1]);
  const busy = sorted.filter(([category]) => category !== '(idle)').reduce((sum, [, ms]) => sum + ms, 0);
  console.log(`### ${label}${tables.length > 1 ? ` (${tables.length} threads)` : ''}: ${s(busy)} s busy\n`);
  console.log('| where | self time (s) | share of busy |\n| --- | ---: | ---: |');
  for (const [category, ms] of sorted.slice(0, Number(values.top)))
    console.log(`| ${category} | ${s(ms)} | ${category === '(idle)' ? '–' : `${((ms / busy) * 100).toFixed(1)} %`} |`);
  console.log('');
}
