/**
 * `npm run bench -- --astro-floor [--months 120 --cycles 5 --seed 1 --write-docs]`: how much of a
 * rebuild is Astro's own. The project builds a generated archive (cold), then the same number of
 * paths is built by a bare Astro site of the project's Astro: one route, trivial pages, each path
 * with a fixed cache key, no content collection, no integration. Both are then rebuilt with nothing
 * changed, in interleaved cycles: every path is restored from the last build. What the bare site
 * takes is the least any rebuild of that many paths takes with Astro's incremental build on this
 * machine (starting Astro, its Vite bundle, restoring each path); the rest of the project's time is
 * its own (content, images, search, downloads, service worker, compression).
 */
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { StageTimings } from '../src/integrations/stage-timings.ts';
import {
  benchDir,
  buildProject,
  endMonthFor,
  generateContent,
  loadAverage,
  median,
  nodeBinary,
  nodeVersion,
  projectBuild,
  removeBuildOutput,
  replaceBetweenMarkers,
  root,
  timed,
  versionIn,
  wholeNumber,
  type Timed,
} from './shared.ts';

/** The bare site's files: one route of `paths` pages, each with a cache key that never changes. */
function bareSiteFiles(paths: number): Record<string, string> {
  return {
    'package.json': `${JSON.stringify({ name: 'astro-floor', private: true, type: 'module' }, null, 2)}\n`,
    'astro.config.mjs': [
      "import { defineConfig } from 'astro/config';",
      "// Its own cache folder: the default is inside node_modules, which is the project's (a link).",
      "export default defineConfig({ site: 'https://example.org', cacheDir: './.astro-cache', experimental: { incrementalBuild: true } });",
      '',
    ].join('\n'),
    'src/pages/p/[n].astro': [
      '---',
      'export function getStaticPaths() {',
      `  return Array.from({ length: ${paths} }, (_, n) => ({ params: { n: String(n) }, props: { n }, cacheKey: \`page-\${n}\` }));`,
      '}',
      'const { n } = Astro.props;',
      '---',
      '<html lang="vi"><head><meta charset="utf-8"><title>Trang {n}</title></head>',
      "<body><h1>Trang {n}</h1><p>{'Nội dung trang thử. '.repeat(100)}</p></body></html>",
      '',
    ].join('\n'),
  };
}

/** Writes the bare site into `dir` (its node_modules a link to the project's) and removes its last build. */
export function writeBareSite(dir: string, paths: number): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of Object.entries(bareSiteFiles(paths))) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
}

/** Builds the bare site in `dir`, timed. */
export const buildBare = (dir: string): Timed =>
  timed(nodeBinary, ['node_modules/astro/bin/astro.mjs', 'build'], {
    cwd: dir,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });

/** The paths a project build restored and rendered, from its timings file. */
function pathsOf(timingsFile: string): { restored: number; rendered: number } {
  const counts = (JSON.parse(readFileSync(timingsFile, 'utf8')) as StageTimings).counts;
  return { restored: counts?.restored ?? 0, rendered: counts?.rendered ?? 0 };
}

/** Runs the comparison and prints its table (argv: the bench's arguments). */
export async function measureAstroFloor(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      'astro-floor': { type: 'boolean' },
      months: { type: 'string', default: '120' },
      cycles: { type: 'string', default: '5' },
      seed: { type: 'string', default: '1' },
      'write-docs': { type: 'boolean', default: false },
    },
  });
  const months = wholeNumber('months', values.months);
  const cycleCount = wholeNumber('cycles', values.cycles);

  const work = join(benchDir, 'astro-floor');
  const build = projectBuild(work);
  const bare = join(work, 'bare-site');
  const timingsFile = join(work, 'timings.json');
  const endMonth = endMonthFor(months);
  const loadBefore = loadAverage();
  const date = new Date().toISOString().slice(0, 10);

  console.error(`astro floor: generating ${months} months (seed ${values.seed}), then a cold build…`);
  await generateContent(build.content, { months, seed: Number(values.seed), endMonth });
  removeBuildOutput(build);
  buildProject(build, endMonth, { BUILD_TIMINGS_FILE: timingsFile });
  const cold = pathsOf(timingsFile);
  const paths = cold.restored + cold.rendered;
  if (paths === 0) throw new Error(`the project build reported no paths in ${timingsFile}`);
  console.error(`astro floor: the project built ${paths} paths; a bare site of as many, cold…`);
  writeBareSite(bare, paths);
  buildBare(bare);

  const project: number[] = [];
  const floor: number[] = [];
  const floorCpu: number[] = [];
  let restored = 0;
  for (let cycle = 0; cycle < cycleCount; cycle += 1) {
    // Alternate which goes first, so neither always meets the warmer disk cache.
    const order = cycle % 2 === 0 ? ['project', 'bare'] : ['bare', 'project'];
    for (const side of order) {
      if (side === 'project') {
        project.push(buildProject(build, endMonth, { BUILD_TIMINGS_FILE: timingsFile }).seconds);
        restored = pathsOf(timingsFile).restored;
      } else {
        const run = buildBare(bare);
        floor.push(run.seconds);
        floorCpu.push(run.cpuSeconds);
      }
    }
    console.error(
      `cycle ${cycle + 1} of ${cycleCount}: project ${project.at(-1)?.toFixed(1)} s, bare Astro ${floor.at(-1)?.toFixed(1)} s`,
    );
  }
  if (!existsSync(join(bare, 'dist/p/0/index.html'))) throw new Error(`the bare site wrote no pages in ${bare}/dist`);

  const range = (values: readonly number[]) =>
    `${median(values).toFixed(1)} s (${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)})`;
  const summary = [
    `Measured ${date} with \`npm run bench -- --astro-floor --months ${months} --cycles ${cycleCount}\` (seed ${values.seed}):`,
    `${cycleCount} interleaved rebuilds of each with nothing changed; medians, with the spread.`,
    `Machine: ${availableParallelism()} cores (nproc); load average ${loadBefore} at the start, ${loadAverage()} at the end.`,
    `Astro ${versionIn(root, 'astro')} (both), Node ${nodeVersion()}.`,
    '',
    '| rebuild, nothing changed | paths | wall |',
    '| --- | ---: | ---: |',
    `| this project (${months} months; ${restored} of its paths restored) | ${paths} | ${range(project)} |`,
    `| bare Astro site, one route, trivial pages (CPU ${median(floorCpu).toFixed(1)} s) | ${paths} | ${range(floor)} |`,
  ].join('\n');
  console.log(summary);
  if (values['write-docs']) {
    const docs = join(root, 'docs/performance.md');
    replaceBetweenMarkers(docs, 'astro-floor', summary);
    console.error(`updated ${docs}`);
  }
}
