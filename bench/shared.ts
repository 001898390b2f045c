/**
 * What `npm run bench` and `npm run bench -- --vs starlight` share: the generated archive, the
 * timed project build (wall, CPU, peak memory from GNU time), and the marked part of
 * docs/performance.md each of them rewrites.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeArchive } from '../src/cli/gen.ts';
import { generateArchive } from '../src/lib/synthetic/archive.ts';

/** The project's root folder. */
export const root = resolve(import.meta.dirname, '..');

/**
 * Where benches work. Inside the project: Astro bundles a build whose outDir is outside the working
 * directory into the shared .astro/ folder, where parallel builds would overwrite each other.
 */
export const benchDir = join(root, '.cache/bench');

/** The project's own Node (the `node` package, Node 24), so every side of a bench runs on the same one. */
export const nodeBinary = existsSync(join(root, 'node_modules/.bin/node'))
  ? join(root, 'node_modules/.bin/node')
  : process.execPath;

/** The version of a package installed in a folder's node_modules, if it is there. */
export const versionIn = (dir: string, name: string): string | undefined => {
  const file = join(dir, 'node_modules', name, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : undefined;
};

/** The version of the Node the builds run on ("v24.…"). */
export const nodeVersion = (): string => spawnSync(nodeBinary, ['--version'], { encoding: 'utf8' }).stdout.trim();

/** The load averages `uptime` prints (1, 5, 15 minutes). */
export function loadAverage(): string {
  const output = spawnSync('uptime', { encoding: 'utf8' }).stdout ?? '';
  return /load averages?:\s*(.+)$/m.exec(output)?.[1]?.trim() ?? 'unknown';
}

/** A command-line option's value as a whole number of at least 1; throws naming the option otherwise. */
export function wholeNumber(option: string, value: string | undefined): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`--${option} takes one whole number: ${value}`);
  return number;
}

/** The middle value; the mean of the two middle values for an even count. */
export const median = (numbers: readonly number[]): number => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/** Every file below a folder. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * The newest month of an archive: 2026-11, or later when the archive would otherwise start before
 * 1981 (Word files are ZIPs, whose dates start in 1980; a month's files carry the previous month's date).
 */
export function endMonthFor(months: number): string {
  const first = 1981 * 12;
  const end = Math.max(2026 * 12 + 10, first + months - 1);
  return `${Math.floor(end / 12)}-${String((end % 12) + 1).padStart(2, '0')}`;
}

/** The clock of a bench build: the evening the newest issue is out, as in the tests. */
export const buildNowFor = (endMonth: string): string => `${endMonth}-28T20:00:00+07:00`;

/** Writes a fresh generated archive (npm run gen, with next month's draft) into `dir`. */
export async function generateContent(dir: string, options: { months: number; seed: number; endMonth: string }) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await writeArchive(generateArchive({ ...options, draftNext: true }), dir);
}

/** What a timed process cost. */
export interface Timed {
  /** Wall time, seconds. */
  seconds: number;
  /** User + system CPU time of the process and every child it waited for, seconds. */
  cpuSeconds: number;
  /** GNU time's %M: the peak resident memory of the largest single process of the tree, not their sum. */
  peakMB: number;
  stdout: string;
  stderr: string;
}

const TIME_MARK = 'BENCH_TIME';

/** Runs a command under GNU time; throws with the end of its output when it fails. */
export function timed(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', `${TIME_MARK} %e %U %S %M`, command, ...args], {
    cwd: options.cwd,
    env: options.env,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const stdout = result.stdout ?? '';
  const stderr = result.stderr ?? '';
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} (in ${options.cwd}) failed:\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`,
    );
  const figures = [...stderr.matchAll(new RegExp(`${TIME_MARK} ([\\d.]+) ([\\d.]+) ([\\d.]+) (\\d+)`, 'g'))].at(-1);
  if (!figures) throw new Error(`GNU time printed no figures for ${command} ${args.join(' ')}`);
  return {
    seconds,
    cpuSeconds: Number(figures[2]) + Number(figures[3]),
    peakMB: Number(figures[4]) / 1024,
    stdout,
    stderr,
  } satisfies Timed;
}

/** The folders of one project build: its content root, output and caches. */
export interface ProjectBuild {
  content: string;
  dist: string;
  astroCache: string;
  exportsCache: string;
}

/** The folders of a project build under `dir`, named with `suffix` ("-120" → content-120, dist-120…). */
export function projectBuild(dir: string, suffix = ''): ProjectBuild {
  return {
    content: join(dir, `content${suffix}`),
    dist: join(dir, `dist${suffix}`),
    astroCache: join(dir, `astro-cache${suffix}`),
    exportsCache: join(dir, `exports-cache${suffix}`),
  };
}

/** Removes a build's output and caches, so the next build is cold; with keepDownloads, all but the PDF/Word/ZIP cache. */
export function removeBuildOutput(build: ProjectBuild, options: { keepDownloads?: boolean } = {}): void {
  const paths = [build.dist, build.astroCache, ...(options.keepDownloads ? [] : [build.exportsCache])];
  for (const path of paths) rmSync(path, { recursive: true, force: true });
}

/**
 * The Node flags `npm run build` starts the build with (package.json): a 16 MB young generation
 * instead of Node's 64 MB holds about 90 MB less resident (docs/performance.md, "Memory").
 */
export const BUILD_NODE_FLAGS = ['--max-semi-space-size=16'] as const;

/** Builds the project (`src/cli/build.ts`, content check included) on a generated archive, timed. */
export function buildProject(build: ProjectBuild, endMonth: string, extraEnv: NodeJS.ProcessEnv = {}): Timed {
  return timed(nodeBinary, [...BUILD_NODE_FLAGS, 'src/cli/build.ts'], {
    cwd: root,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      // As `npm run build` runs it (package.json): see docs/performance.md on memory.
      MALLOC_ARENA_MAX: process.env['MALLOC_ARENA_MAX'] ?? '2',
      CONTENT_DIR: build.content,
      OUT_DIR: build.dist,
      ASTRO_CACHE_DIR: build.astroCache,
      EXPORTS_CACHE_DIR: build.exportsCache,
      BUILD_NOW: buildNowFor(endMonth),
      ...extraEnv,
    },
  });
}

/** Replaces what stands between two markers of a docs file; throws when the file lacks them. */
export function replaceBetweenMarkers(file: string, name: string, body: string): void {
  const text = readFileSync(file, 'utf8');
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  if (!text.includes(begin) || !text.includes(end)) throw new Error(`${file} lacks the ${begin} … ${end} markers`);
  // A function, so "$" in the body is not read as a replacement pattern.
  writeFileSync(
    file,
    text.replace(new RegExp(`${begin}[\\s\\S]*${end}`), () => `${begin}\n${body}\n${end}`),
  );
}
