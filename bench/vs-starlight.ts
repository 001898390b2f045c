/**
 * `npm run bench -- --vs starlight [--months 120 --cycles 3 --seed 1 --format md --write-docs]`:
 * the same generated archive built by this project and by an Astro Starlight site it is converted
 * into page for page (each month, section, topic, topic part and study guide a Starlight docs page;
 * images beside their pages, attachments in public/). Starlight is installed from npm in a scratch
 * folder (.cache/bench/starlight/), never a dependency of the project; the packages both sides use
 * are pinned there to the project's versions, and both build on the project's Node. Cold builds run
 * in interleaved cycles, each followed by a rebuild after one section is edited (caches kept); the
 * table gives medians of the per-cycle ratios (this project / Starlight).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, posix, relative } from 'node:path';
import { parseArgs } from 'node:util';
import type { RootContent } from 'mdast';
import { stringify } from 'yaml';
import { env } from '../src/env.ts';
import { t } from '../src/i18n/vi.ts';
import { classifyContentPath, readFrontmatter } from '../src/lib/check/content.ts';
import { slugFromFileName } from '../src/lib/common/slugs.ts';
import { isPublic } from '../src/lib/content/visibility.ts';
import { groupPhrasing, type MdNode } from '../src/lib/exports/mdast.ts';
import { parseMdx } from '../src/lib/exports/mdx.ts';
import { toMdxText } from '../src/lib/import/mdx-text.ts';
import {
  benchDir,
  buildNowFor,
  buildProject,
  endMonthFor,
  filesUnder,
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
 * The newest Starlight whose peer range takes the project's Astro (0.42.4: astro ^7.2.10, checked
 * with `npm view @astrojs/starlight versions` and `peerDependencies`).
 */
export const STARLIGHT_VERSION = '0.42.4';
/** Packages both sides load: pinned in the Starlight site to the versions the project has installed. */
const SHARED_PACKAGES = ['astro', 'pagefind', 'sharp', '@astrojs/mdx', '@astrojs/markdown-satteri', '@astrojs/sitemap'];
/** The sentence appended to one section in both sites before the rebuild. */
export const EDIT_SENTENCE = 'Chi bộ bổ sung đoạn này để đo thời gian dựng lại trang sau khi sửa một mục.';

/** A content file: its path under the content root ("thang/2026-11/01-thoi-su.mdx") and its text. */
export interface ContentPage {
  path: string;
  source: string;
}

/** A file of the Starlight site, path relative to the site's folder. */
export interface SiteFile {
  path: string;
  text: string;
}

/** How pages are written: Markdown (what a Starlight site is written in) or the MDX bodies as they are. */
export type PageFormat = 'md' | 'mdx';

const FRONTMATTER = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/;
const IMAGE_FILE = /\.(?:avif|gif|jpe?g|png|svg|webp)$/i;

const text = (value: string): MdNode => ({ type: 'text', value });
const heading = (value: string): MdNode => ({ type: 'heading', depth: 2, children: [text(value)] });
const paragraph = (...children: MdNode[]): MdNode => ({ type: 'paragraph', children });
const list = (items: MdNode[][], ordered = false): MdNode => ({
  type: 'list',
  ordered,
  spread: false,
  children: items.map((children) => ({ type: 'listItem', spread: false, children: [paragraph(...children)] })),
});

/** The body without what only MDX knows: ESM and expressions dropped, components replaced by their content. */
function withoutMdx(node: MdNode): MdNode[] {
  switch (node.type) {
    case 'mdxjsEsm':
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return [];
    case 'mdxJsxTextElement':
      return (node.children ?? []).flatMap(withoutMdx);
    case 'mdxJsxFlowElement':
      // A one-line component holds inline content; at block level it needs a paragraph around it.
      return groupPhrasing((node.children ?? []).flatMap(withoutMdx));
    default: {
      if (!node.children) return [node];
      const children = node.children.flatMap(withoutMdx);
      // A paragraph that held only a comment or an expression is gone with it.
      return node.type === 'paragraph' && children.length === 0 ? [] : [{ ...node, children }];
    }
  }
}

/**
 * An MDX body as Markdown Starlight's .md pages accept: parsed as the project parses it, then
 * written out as CommonMark + GFM, so MDX-only syntax is resolved and MDX's lack of indented code
 * cannot turn an indented paragraph into a code block.
 */
export function markdownBody(mdx: string): string {
  const tree = parseMdx(mdx);
  return toMdxText((tree.children ?? []).flatMap(withoutMdx) as RootContent[]);
}

/** A titled list, or nothing when there are no items. */
const titledList = (title: string, items: MdNode[][], ordered = false): MdNode[] =>
  items.length ? [heading(title), list(items, ordered)] : [];

/** What a month index or study guide lists besides its body (agenda, questions, attachments…). */
function extrasOf(kind: string, data: Record<string, unknown>, pageDir: string): { before: MdNode[]; after: MdNode[] } {
  const lines = (value: unknown) =>
    (Array.isArray(value) ? value.filter((item) => typeof item === 'string') : []).map((item) => [text(item)]);
  const records = (value: unknown) =>
    Array.isArray(value) ? (value.filter((item) => item && typeof item === 'object') as Record<string, unknown>[]) : [];
  if (kind === 'studyGuide')
    return { before: [], after: titledList(t('guide.questions'), lines(data['questions']), true) };
  if (kind !== 'monthlyIssue') return { before: [], after: [] };
  const before: MdNode[] = [];
  if (typeof data['issuer'] === 'string') before.push(paragraph(text(`${t('month.issuer')}: ${data['issuer']}`)));
  const cover = data['cover'] as { src?: unknown; alt?: unknown } | undefined;
  if (typeof cover?.src === 'string')
    before.push(paragraph({ type: 'image', url: cover.src, alt: String(cover.alt ?? '') }));
  const attachment = (item: Record<string, unknown>): MdNode[] => [
    {
      type: 'link',
      url: posix.join('/', pageDir, String(item['file'] ?? '')),
      children: [text(String(item['title'] ?? ''))],
    },
  ];
  const correction = (item: Record<string, unknown>) => [
    text(`${String(item['date'] ?? '')}: ${String(item['text'] ?? '')}`),
  ];
  return {
    before,
    after: [
      ...titledList(t('month.agenda'), lines(data['agenda'])),
      ...titledList(t('month.questions'), lines(data['questions']), true),
      ...titledList(t('month.attachments'), records(data['attachments']).map(attachment)),
      ...titledList(t('month.corrections'), records(data['corrections']).map(correction)),
    ],
  };
}

/** A page's frontmatter as data, or undefined when it has none that parses. */
const frontmatterOf = (page: ContentPage) =>
  readFrontmatter({ path: page.path, size: page.source.length, source: page.source });

/** Whether a page may be public at `now` by its own status and date (sections and parts have neither). */
function ownPublic(data: Record<string, unknown>, now: Date): boolean {
  const status = data['status'];
  if (status !== 'draft' && status !== 'published') return true;
  return isPublic({ status, publishDate: String(data['publishDate'] ?? '') }, now);
}

/**
 * One content page as a Starlight docs page: `title` and `description` (the summary) in Starlight's
 * frontmatter, `sidebar.order` from `order`, `draft` when the page may not be public; the body
 * kept, with what the project shows from the frontmatter (cover, agenda, questions, attachments,
 * corrections) written into it. Undefined for files that are not pages.
 */
export function starlightPage(
  page: ContentPage,
  options: { now: Date; format: PageFormat; parentPublic?: boolean },
): SiteFile | undefined {
  const place = classifyContentPath(`content/${page.path}`);
  const data = place && frontmatterOf(page);
  if (!place || !data) return undefined;
  const pageDir = posix.dirname(page.path);
  const index = place.fileName === 'index.mdx';
  const order = typeof data['order'] === 'number' ? data['order'] : index ? 0 : undefined;
  const frontmatter = {
    title: String(data['title'] ?? ''),
    ...(typeof data['summary'] === 'string' ? { description: data['summary'] } : {}),
    ...(order === undefined ? {} : { sidebar: { order } }),
    ...(ownPublic(data, options.now) && options.parentPublic !== false ? {} : { draft: true }),
  };
  const mdx = page.source.replace(FRONTMATTER, '');
  const { before, after } = extrasOf(place.kind, data, pageDir);
  const body = [
    before.length ? toMdxText(before as RootContent[]) : '',
    options.format === 'md' ? markdownBody(mdx) : `${mdx.trim()}\n`,
    after.length ? toMdxText(after as RootContent[]) : '',
  ]
    .filter(Boolean)
    .join('\n');
  return {
    path: posix.join(
      'src/content/docs',
      pageDir,
      `${index ? 'index' : slugFromFileName(place.fileName)}.${options.format}`,
    ),
    text: `---\n${stringify(frontmatter)}---\n\n${body}`,
  };
}

/** Every page of a content tree as Starlight pages; a month's sections and a topic's parts follow their index's visibility. */
export function starlightPages(pages: readonly ContentPage[], options: { now: Date; format: PageFormat }): SiteFile[] {
  const hidden = new Set(
    pages
      .filter((page) => page.path.endsWith('/index.mdx'))
      .filter((page) => !ownPublic(frontmatterOf(page) ?? {}, options.now))
      .map((page) => posix.dirname(page.path)),
  );
  return pages.flatMap((page) => {
    const kind = classifyContentPath(`content/${page.path}`)?.kind;
    const parentPublic = !(kind === 'section' || kind === 'topicPart') || !hidden.has(posix.dirname(page.path));
    return starlightPage(page, { ...options, parentPublic }) ?? [];
  });
}

/** The Starlight site's own files: package.json with pinned versions, Astro config, collections, home page. */
export function starlightScaffold(versions: Record<string, string>, siteUrl: string): SiteFile[] {
  const group = (key: 'nav.months' | 'nav.topics' | 'nav.guides', directory: string) => ({
    label: t(key),
    collapsed: true,
    items: [{ autogenerate: { directory, collapsed: true } }],
  });
  const starlight = {
    title: t('site.name'),
    description: t('site.description'),
    defaultLocale: 'root',
    locales: { root: { label: 'Tiếng Việt', lang: 'vi' } },
    sidebar: [group('nav.months', 'thang'), group('nav.topics', 'chuyen-de'), group('nav.guides', 'hoc-tap-bac')],
  };
  const json = (value: unknown) => JSON.stringify(value, null, 2);
  return [
    {
      path: 'package.json',
      text: `${json({ name: 'bench-starlight', private: true, type: 'module', dependencies: versions })}\n`,
    },
    {
      path: 'astro.config.mjs',
      text: [
        "import { defineConfig } from 'astro/config';",
        "import starlight from '@astrojs/starlight';",
        '',
        `export default defineConfig({ site: ${json(siteUrl)}, integrations: [starlight(${json(starlight)})] });`,
        '',
      ].join('\n'),
    },
    {
      path: 'src/content.config.ts',
      text: [
        "import { defineCollection } from 'astro:content';",
        "import { docsLoader } from '@astrojs/starlight/loaders';",
        "import { docsSchema } from '@astrojs/starlight/schema';",
        '',
        'export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };',
        '',
      ].join('\n'),
    },
    {
      path: 'tsconfig.json',
      text: `${json({ extends: 'astro/tsconfigs/strict', include: ['.astro/types.d.ts', '**/*'], exclude: ['dist'] })}\n`,
    },
    {
      path: 'src/content/docs/index.md',
      text: `---\n${stringify({ title: t('site.name'), description: t('site.description') })}---\n\n${t('site.tagline')}\n`,
    },
  ];
}

/** Installs the pinned packages in the scratch site, unless exactly those versions are already there. */
function ensureInstall(site: string, versions: Record<string, string>): void {
  if (Object.entries(versions).every(([name, version]) => versionIn(site, name) === version)) {
    console.error(`starlight: reusing the install in ${site}`);
    return;
  }
  console.error(`starlight: npm install in ${site}`);
  const result = spawnSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: site,
    // npm's report goes to stderr with the progress lines; stdout carries only the table.
    stdio: ['ignore', 2, 2],
  });
  if (result.status !== 0) throw new Error(`npm install in ${site} failed`);
}

/** Converts the content root into the Starlight site's pages and copies its images and attachments. */
export function convert(content: string, site: string, options: { now: Date; format: PageFormat }): number {
  for (const dir of ['src/content/docs', 'public']) rmSync(join(site, dir), { recursive: true, force: true });
  const files = filesUnder(content).map((file) => relative(content, file).split('\\').join('/'));
  const pages = starlightPages(
    files
      .filter((path) => path.endsWith('.mdx'))
      .map((path) => ({ path, source: readFileSync(join(content, path), 'utf8') })),
    options,
  );
  const copies = files
    .filter((path) => /^(?:thang|chuyen-de|hoc-tap-bac)\//.test(path) && !path.endsWith('.mdx'))
    // Images go beside their pages for Astro to optimise, as the project does; other files are served as they are.
    .map((path) => ({
      from: join(content, path),
      to: join(site, IMAGE_FILE.test(path) ? 'src/content/docs' : 'public', path),
    }));
  for (const file of pages) {
    mkdirSync(dirname(join(site, file.path)), { recursive: true });
    writeFileSync(join(site, file.path), file.text);
  }
  for (const { from, to } of copies) {
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
  }
  return pages.length;
}

/** One side's figures in one cycle. */
interface SideRun {
  cold: Omit<Timed, 'stdout' | 'stderr'>;
  rebuildSeconds: number;
  /** A build from empty caches but the downloads' (PDF, Word, ZIP); a side without one, its cold build. */
  downloadsKeptSeconds: number;
  pages: number;
}

/** A side of the comparison: how to empty its caches, build it, and which file the one-section edit touches. */
interface Side {
  name: 'project' | 'starlight';
  dist: string;
  clean: () => void;
  build: () => Timed;
  editedFile: string;
  /** Empties every cache but the downloads', for a side that keeps them apart. */
  cleanAllButDownloads?: () => void;
}

/**
 * Cold build, then the one-section edit and a rebuild with the caches kept; the file is put back
 * after. A side with a downloads cache is then built once more with only that cache kept: its
 * entries go by content and are never pruned, so every PDF, Word file and ZIP is read back from it.
 */
function runSide(side: Side): SideRun {
  side.clean();
  console.error(`${side.name}: cold build…`);
  const { stdout, stderr, ...cold } = side.build();
  const pages = filesUnder(side.dist).filter((file) => file.endsWith('.html')).length;
  const original = readFileSync(side.editedFile, 'utf8');
  writeFileSync(side.editedFile, `${original.trimEnd()}\n\n${EDIT_SENTENCE}\n`);
  let rebuildSeconds: number;
  try {
    console.error(`${side.name}: rebuild after editing ${relative(root, side.editedFile)}…`);
    rebuildSeconds = side.build().seconds;
  } finally {
    writeFileSync(side.editedFile, original);
  }
  let downloadsKeptSeconds = cold.seconds;
  if (side.cleanAllButDownloads) {
    side.cleanAllButDownloads();
    console.error(`${side.name}: build with only the downloads' cache kept…`);
    downloadsKeptSeconds = side.build().seconds;
  }
  console.error(
    `${side.name}: cold ${cold.seconds.toFixed(1)} s (CPU ${cold.cpuSeconds.toFixed(1)} s, ${cold.peakMB.toFixed(0)} MB), rebuild ${rebuildSeconds.toFixed(1)} s, downloads kept ${downloadsKeptSeconds.toFixed(1)} s, ${pages} pages`,
  );
  return { cold, rebuildSeconds, downloadsKeptSeconds, pages };
}

/** The comparison table: medians of each side and the median of the per-cycle ratios. */
export function comparisonTable(cycles: readonly { project: SideRun; starlight: SideRun }[]): string {
  const number = (value: number, digits: number) =>
    value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const row = (label: string, pick: (run: SideRun) => number, unit: string, digits: number) => {
    const project = median(cycles.map((cycle) => pick(cycle.project)));
    const starlight = median(cycles.map((cycle) => pick(cycle.starlight)));
    const ratio = median(cycles.map((cycle) => pick(cycle.project) / pick(cycle.starlight)));
    return `| ${label} | ${number(project, digits)}${unit} | ${number(starlight, digits)}${unit} | ${number(ratio, 2)} |`;
  };
  return [
    '| | this project | Starlight | ratio |',
    '| --- | ---: | ---: | ---: |',
    row('pages written (HTML files)', (run) => run.pages, '', 0),
    row('cold build, wall', (run) => run.cold.seconds, ' s', 1),
    row(
      'cold build with the PDF/Word/ZIP cache kept (Starlight: its cold build)',
      (run) => run.downloadsKeptSeconds,
      ' s',
      1,
    ),
    row('CPU time user+sys', (run) => run.cold.cpuSeconds, ' s', 1),
    row('peak memory (largest process)', (run) => run.cold.peakMB, ' MB', 0),
    row('rebuild after editing one section (caches kept)', (run) => run.rebuildSeconds, ' s', 1),
  ].join('\n');
}

/** Runs the comparison; `args` are the bench's command-line arguments. */
export async function compareWithStarlight(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      vs: { type: 'string' },
      months: { type: 'string', default: '120' },
      seed: { type: 'string', default: '1' },
      cycles: { type: 'string', default: '3' },
      format: { type: 'string', default: 'md' },
      'write-docs': { type: 'boolean', default: false },
    },
  });
  const format = values.format;
  if (values.vs !== 'starlight') throw new Error(`--vs takes "starlight", not "${values.vs}"`);
  const months = wholeNumber('months', values.months);
  const cycleCount = wholeNumber('cycles', values.cycles);
  if (format !== 'md' && format !== 'mdx') throw new Error(`--format takes md or mdx, not "${format}"`);

  const work = join(benchDir, 'vs-starlight');
  const site = join(benchDir, 'starlight');
  const build = projectBuild(work);
  const endMonth = endMonthFor(months);
  const now = new Date(buildNowFor(endMonth));
  const loadBefore = loadAverage();
  const date = new Date().toISOString().slice(0, 10);

  console.error(`vs starlight: generating ${months} months (seed ${values.seed})…`);
  await generateContent(build.content, { months, seed: Number(values.seed), endMonth });
  const versions: Record<string, string> = { '@astrojs/starlight': STARLIGHT_VERSION };
  for (const name of SHARED_PACKAGES) {
    const version = versionIn(root, name);
    if (!version) throw new Error(`${name} is not installed in the project; run npm install`);
    versions[name] = version;
  }
  mkdirSync(site, { recursive: true });
  for (const file of starlightScaffold(versions, env.siteUrl)) {
    mkdirSync(dirname(join(site, file.path)), { recursive: true });
    writeFileSync(join(site, file.path), file.text);
  }
  ensureInstall(site, versions);
  const pageCount = convert(build.content, site, { now, format });
  console.error(`starlight: ${pageCount} pages written in ${site}`);

  // The one-section edit: the first section of the newest published month, in both sites.
  const monthDir = join(build.content, 'thang', endMonth);
  const section = filesUnder(monthDir)
    .map((file) => relative(build.content, file))
    .filter((path) => classifyContentPath(`content/${path}`)?.kind === 'section')
    .sort()[0];
  if (!section) throw new Error(`no section in ${monthDir}`);
  const starlightSection = join(site, 'src/content/docs/thang', endMonth, `${slugFromFileName(section)}.${format}`);

  const sides: Record<Side['name'], Side> = {
    project: {
      name: 'project',
      dist: build.dist,
      clean: () => removeBuildOutput(build),
      build: () => buildProject(build, endMonth),
      editedFile: join(build.content, section),
      cleanAllButDownloads: () => removeBuildOutput(build, { keepDownloads: true }),
    },
    starlight: {
      name: 'starlight',
      dist: join(site, 'dist'),
      clean: () => {
        for (const dir of ['dist', '.astro', 'node_modules/.astro'])
          rmSync(join(site, dir), { recursive: true, force: true });
      },
      build: () =>
        timed(nodeBinary, ['node_modules/astro/bin/astro.mjs', 'build'], {
          cwd: site,
          env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
        }),
      editedFile: starlightSection,
    },
  };
  const cycles: { project: SideRun; starlight: SideRun }[] = [];
  for (let cycle = 0; cycle < cycleCount; cycle += 1) {
    // Alternate which side goes first, so neither always meets the warmer disk cache.
    const order: Side['name'][] = cycle % 2 === 0 ? ['project', 'starlight'] : ['starlight', 'project'];
    console.error(`\ncycle ${cycle + 1} of ${cycleCount}: ${order.join(', then ')}`);
    const runs: Partial<Record<Side['name'], SideRun>> = {};
    for (const name of order) runs[name] = runSide(sides[name]);
    if (runs.project && runs.starlight) cycles.push({ project: runs.project, starlight: runs.starlight });
    console.error(comparisonTable(cycles));
  }

  const pagefind = [versionIn(root, 'pagefind'), versionIn(site, 'pagefind')];
  const summary = [
    `Measured ${date} with \`npm run bench -- --vs starlight --months ${months} --cycles ${cycleCount}\` (seed ${values.seed}, Starlight pages as .${format}):`,
    `${cycleCount} ${cycleCount === 1 ? 'cycle' : 'cycles'} of interleaved cold builds; medians of the per-cycle ratios (this project / Starlight).`,
    `Machine: ${availableParallelism()} cores (nproc); load average ${loadBefore} at the start, ${loadAverage()} at the end.`,
    `Astro ${versionIn(root, 'astro')} (both), Starlight ${versionIn(site, '@astrojs/starlight')}, Pagefind ${pagefind[0] === pagefind[1] ? `${pagefind[0]} (both)` : pagefind.join(' / ')}, Node ${nodeVersion()}.`,
    '',
    comparisonTable(cycles),
    '',
    "Peak memory is GNU time's %M: the resident memory of the largest single process of the build, not the sum over its processes. CPU time is user + system of the build and every child process it waited for. The rebuild appends a sentence to one section of the newest month in both sites and builds again with the caches kept.",
  ].join('\n');
  console.log(summary);
  writeFileSync(join(work, 'results.json'), `${JSON.stringify({ date, months, format, cycles }, null, 2)}\n`);
  if (values['write-docs']) {
    const docs = join(root, 'docs/performance.md');
    replaceBetweenMarkers(docs, 'vs-starlight', summary);
    console.error(`updated ${docs}`);
  }
}
