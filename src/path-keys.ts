/**
 * What a built path reads besides its props, for its incremental-build cache key
 * (lib/content/cache-keys.ts): the bytes of its content files (images and attachments included,
 * which PDFs and Word files read from disk), the criteria, the site address and the renderer code
 * loaded by path. Astro adds the code each route imports (its module graph) on its own.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { getMeetingCriteria, type MonthlyIssue, type StudyGuide, type Topic } from './collections.ts';
import type { MeetingKit } from './kit.ts';
import { withCacheKeys, type StaticPath } from './lib/content/cache-keys.ts';

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

/** The renderer's own files: the Typst thread loads its code by path, outside the page's module graph. */
function rendererDigest(): string {
  rendererCode ??= contentDigest([resolve('src/exports')]);
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

/** What a study guide's paths read: its file, the files it refers to, and the site. */
export function guideReads(guide: StudyGuide): unknown {
  return { files: contentDigest([resolve(guide.entry.filePath ?? '')]) };
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
