/**
 * What a built path reads besides its props, for its incremental-build cache key
 * (lib/content/cache-keys.ts): the bytes of its content files (images and attachments included,
 * which PDFs and Word files read from disk), the criteria, the site address and the renderer code
 * loaded by path. Astro adds the code each route imports (its module graph) on its own.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { getMeetingCriteria, type MonthlyIssue, type StudyGuide, type Topic } from './collections.ts';
import type { MeetingKit } from './kit.ts';
import { digestOf, withCacheKeys, type StaticPath } from './lib/content/cache-keys.ts';
import type { ExportFile } from './lib/exports/downloads.ts';
import { env } from './env.ts';

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

const fileHashes = new Map<string, string>();

/** The SHA-256 of a file's bytes, once per build. */
function fileHash(path: string): string {
  let hash = fileHashes.get(path);
  if (hash === undefined) {
    hash = sha256(readFileSync(path));
    fileHashes.set(path, hash);
  }
  return hash;
}

/** Every file under a folder, or the file itself. */
function filesAt(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Relative paths an MDX file writes (`./images/x.jpg`, `../chung/y.png`), as files on disk. */
function referencedFiles(file: string): string[] {
  if (!file.endsWith('.mdx') && !file.endsWith('.md')) return [];
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/(?:^|[\s("'<=[])(\.{1,2}\/[^\s)"'<>\]]+)/g)) {
    const target = resolve(dirname(file), decodeURI(match[1] ?? '').replace(/[?#].*$/, ''));
    if (existsSync(target) && statSync(target).isFile()) found.push(target);
  }
  return found;
}

/**
 * A digest of content files by path and bytes: the folders or files given, and the files their MDX
 * refers to outside them (an image kept in a shared folder).
 */
const digests = new Map<string, string>();

function contentDigest(paths: readonly string[]): string {
  const id = paths.join('\n');
  const known = digests.get(id);
  if (known !== undefined) return known;
  const files = new Set(paths.flatMap(filesAt));
  for (const file of [...files]) for (const target of referencedFiles(file)) files.add(target);
  const lines = [...files].map((file) => `${relative(process.cwd(), file)}\u0000${fileHash(file)}`).sort();
  const digest = sha256(lines.join('\n'));
  digests.set(id, digest);
  return digest;
}

let rendererCode: string | undefined;

/**
 * The renderer's code: the Typst and packer threads load theirs by path, outside the page's module
 * graph, and the packer thread runs the Word converter of src/lib that no page imports any more.
 * Bodies are rendered at content sync (integrations/mdx-at-sync.ts), outside it too, with packages
 * of the lock file.
 */
function rendererDigest(): string {
  rendererCode ??= contentDigest([
    resolve('src/exports'),
    resolve('src/lib'),
    resolve('src/i18n'),
    resolve('src/integrations/mdx-at-sync.ts'),
    resolve('package-lock.json'),
  ]);
  return rendererCode;
}

/** What every path reads: the site address and the renderer code loaded by path. */
function siteReads(): { site: string; renderer: string } {
  return { site: String(import.meta.env.SITE), renderer: rendererDigest() };
}

/** What a month's paths read: its folder (sections, images, attachments), the criteria, the site. */
export async function monthReads(): Promise<(issue: MonthlyIssue) => unknown> {
  const criteria = await getMeetingCriteria();
  return (issue) => ({ files: contentDigest([dirname(resolve(issue.entry.filePath ?? ''))]), criteria });
}

/** What a topic's paths read: its folder (parts, images) and the site. */
export function topicReads(topic: Topic): unknown {
  return { files: contentDigest([dirname(resolve(topic.entry.filePath ?? ''))]) };
}

/**
 * What a study guide's paths read: its file, the files it refers to, and every file beside the
 * guides that is not a guide (their images), since guides share one folder.
 */
export function guideReads(guide: StudyGuide): unknown {
  const file = resolve(guide.entry.filePath ?? '');
  const shared = filesAt(dirname(file)).filter((other) => !other.endsWith('.mdx'));
  return { files: contentDigest([file, ...shared]) };
}

/** The paths of a route with their cache keys; `reads` is what each reads besides its props. */
export function keyedPaths<P extends StaticPath>(
  route: string,
  paths: readonly P[],
  reads: (path: P) => unknown = () => undefined,
): (P & { cacheKey: string })[] {
  return withCacheKeys(route, paths, (path) => ({ ...siteReads(), own: reads(path) }));
}

/** What each path of a route whose props carry a month (`issue`) reads. */
export async function readsOfIssue(): Promise<(path: { props: { issue: MonthlyIssue } }) => unknown> {
  const reads = await monthReads();
  return ({ props }) => reads(props.issue);
}

/** What each path of a route whose props carry a month's kit reads. */
export async function readsOfKit(): Promise<(path: { props: { kit: MeetingKit } }) => unknown> {
  const reads = await monthReads();
  return ({ props }) => reads(props.kit.issue);
}

/** A route made by a factory (the renderer's download endpoints), its paths given their cache keys. */
export function keyedRoute<P extends StaticPath, G>(
  route: string,
  made: { getStaticPaths: () => Promise<P[]>; GET: G },
  reads: () => Promise<(path: P) => unknown>,
): { getStaticPaths: () => Promise<(P & { cacheKey: string })[]>; GET: G } {
  return {
    GET: made.GET,
    getStaticPaths: async () => {
      const [paths, read] = await Promise.all([made.getStaticPaths(), reads()]);
      return keyedPaths(route, paths, read);
    },
  };
}

let codeKey: string | undefined;
let temporaries = 0;

/** A digest of all source code and installed packages: any change there makes remembered results stale. */
function codeDigest(): string {
  codeKey ??= contentDigest([resolve('src'), resolve('package-lock.json')]);
  return codeKey;
}

/**
 * The download list of a month (PDF, Word, ZIP with their sizes), remembered between builds under
 * a key of everything the files are made from and all the code. The archive page lists every
 * month's sizes; without this it would read every month's files again on each build.
 */
export async function rememberedMonthExports(
  issue: MonthlyIssue,
  make: (issue: MonthlyIssue) => Promise<ExportFile[]>,
): Promise<ExportFile[]> {
  const reads = await monthReads();
  const key = digestOf({ issue, reads: reads(issue), site: siteReads(), code: codeDigest() });
  const file = join(rememberedDir(), `month-exports-${key}.json`);
  try {
    const files = JSON.parse(readFileSync(file, 'utf8')) as ExportFile[];
    const now = new Date();
    utimesSync(file, now, now); // kept by the end-of-build clean-up
    return files;
  } catch {
    const files = await make(issue);
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}-${temporaries++}.tmp`;
    writeFileSync(temporary, JSON.stringify(files));
    renameSync(temporary, file);
    return files;
  }
}

/** The folder of remembered results in Astro's cache folder. */
function rememberedDir(): string {
  // The same folder incremental-report.ts cleans and `npm run build -- --cold` empties.
  return join(resolve(env.astroCacheDir ?? 'node_modules/.astro'), 'portal-remembered');
}
