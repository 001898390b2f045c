/**
 * `npm run bench -- --astro-floor [--months 120 --cycles 5 --seed 1 --write-docs]`: how much of a
 * rebuild is Astro's own. The project builds a generated archive (cold), then the same number of
 * paths is built by a bare Astro site of the project's Astro: one route, trivial pages, each path
 * with a fixed cache key, no content collection, no integration; and a second bare site that also
 * syncs the archive's text files into a content collection. All are then rebuilt with nothing
 * changed, in interleaved cycles: every path is restored from the last build. What the bare site
 * takes is the least any rebuild of that many paths takes with Astro's incremental build on this
 * machine (starting Astro, its Vite bundle, restoring each path); the second adds what Astro's
 * content layer takes for that much text; the rest of the project's time is its own (the content
 * check and schemas, images, search, downloads, service worker, compression).
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
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

/**
 * The bare site's files: one route of `paths` pages, each with a cache key that never changes. With
 * `withContent`, a content config also syncs every Markdown file under the site's content/ folder
 * into one collection (glob loader, no schema) that no page reads: what Astro itself spends on
 * checking that many entries for changes and writing its data store.
 */
function bareSiteFiles(paths: number, withContent: boolean): Record<string, string> {
  const contentConfig = [
    "import { defineCollection } from 'astro:content';",
    "import { glob } from 'astro/loaders';",
    "export const collections = { pages: defineCollection({ loader: glob({ pattern: '**/*.md', base: './content' }) }) };",
    '',
  ].join('\n');
  return {
    ...(withContent ? { 'src/content.config.ts': contentConfig } : {}),
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

/**
 * Writes the bare site into `dir` (its node_modules a link to the project's) and removes its last
 * build. With `content`, every .mdx file under that folder is copied into the site's content/ as
 * .md: the same frontmatter and text, read by Astro's own Markdown entry type, since MDX's would
 * also bundle each body into the site's code, which the project does not do (mdx-at-sync.ts).
 */
export function writeBareSite(dir: string, paths: number, content?: string): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of Object.entries(bareSiteFiles(paths, content !== undefined))) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  if (content !== undefined) {
    // The images the text links to are not copied: no page reads the collection, so none is looked for.
    for (const file of readdirSync(content, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.mdx')) continue;
      const target = join(dir, 'content', file.replace(/\.mdx$/, '.md'));
      mkdirSync(join(target, '..'), { recursive: true });
      copyFileSync(join(content, file), target);
    }
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
  console.error(`astro floor: the project built ${paths} paths; two bare sites of as many, cold…`);
  const bareSites = [
    { dir: join(work, 'bare-site'), content: undefined },
    { dir: join(work, 'bare-site-content'), content: build.content },
  ].map((site) => {
    writeBareSite(site.dir, paths, site.content);
    buildBare(site.dir);
    return { ...site, wall: [] as number[], cpu: [] as number[] };
  });

  const project: number[] = [];
  let restored = 0;
  const sides = ['project', 0, 1] as const;
  for (let cycle = 0; cycle < cycleCount; cycle += 1) {
    // Rotate which goes first, so none always meets the warmer disk cache.
    const order = sides.map((_, n) => sides[(n + cycle) % sides.length] ?? 'project');
    for (const side of order) {
      if (side === 'project') {
        project.push(buildProject(build, endMonth, { BUILD_TIMINGS_FILE: timingsFile }).seconds);
        restored = pathsOf(timingsFile).restored;
      } else {
        const site = bareSites[side];
        if (!site) continue;
        const run = buildBare(site.dir);
        site.wall.push(run.seconds);
        site.cpu.push(run.cpuSeconds);
      }
    }
    const last = bareSites.map((site) => `${site.wall.at(-1)?.toFixed(1)} s`).join(', with content ');
    console.error(`cycle ${cycle + 1} of ${cycleCount}: project ${project.at(-1)?.toFixed(1)} s, bare Astro ${last}`);
  }
  for (const site of bareSites) {
    if (!existsSync(join(site.dir, 'dist/p/0/index.html')))
      throw new Error(`the bare site wrote no pages in ${site.dir}/dist`);
  }
  const [bare, bareContent] = bareSites;
  if (!bare || !bareContent) throw new Error('two bare sites were made');
  const entries = readdirSync(join(bareContent.dir, 'content'), { recursive: true }).filter((file) =>
    String(file).endsWith('.md'),
  ).length;

  const count = (value: number) => value.toLocaleString('en-US');
  const range = (values: readonly number[]) =>
    `${median(values).toFixed(1)} s (${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)})`;
  const summary = [
    `Measured ${date} with \`npm run bench -- --astro-floor --months ${months} --cycles ${cycleCount}\` (seed ${values.seed}):`,
    `${cycleCount} interleaved rebuilds of each with nothing changed; medians, with the spread.`,
    `Machine: ${availableParallelism()} cores (nproc); load average ${loadBefore} at the start, ${loadAverage()} at the end.`,
    `Astro ${versionIn(root, 'astro')} (all three), Node ${nodeVersion()}.`,
    '',
    '| rebuild, nothing changed | paths | wall |',
    '| --- | ---: | ---: |',
    `| this project (${months} months; ${count(restored)} of its paths restored) | ${count(paths)} | ${range(project)} |`,
    `| bare Astro site, one route, trivial pages (CPU ${median(bare.cpu).toFixed(1)} s) | ${count(paths)} | ${range(bare.wall)} |`,
    `| the same, plus the project's ${count(entries)} content files synced as Markdown into a collection no page reads (CPU ${median(bareContent.cpu).toFixed(1)} s) | ${count(paths)} | ${range(bareContent.wall)} |`,
  ].join('\n');
  console.log(summary);
  if (values['write-docs']) {
    const docs = join(root, 'docs/performance.md');
    replaceBetweenMarkers(docs, 'astro-floor', summary);
    console.error(`updated ${docs}`);
  }
}
