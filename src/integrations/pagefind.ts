/**
 * Indexes the built site with Pagefind's Node API after every production build, then rewrites the
 * word index so Vietnamese typed without diacritics (đ as d included) finds its pages.
 */
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { env } from '../env.ts';
import { transform } from 'esbuild';
import * as pagefind from 'pagefind';
import {
  decodeWordChunk,
  encodeWordChunk,
  renameChunks,
  renumberWords,
  rewriteWordIndex,
  writeWordIndex,
  type PackedWord,
  type RewrittenIndex,
} from '../lib/search/word-index.ts';
import { mergeIndex, MergeRefused, type LanguageIndex } from '../lib/search/merge.ts';
import { joinChunks } from '../lib/search/ranges.ts';
import { asArray, decodeCbor, encodeCbor, type CborValue } from '../lib/search/cbor.ts';
import {
  metaFilters,
  metaPageHashes,
  renameFilters,
  renumberFilter,
  renumbering,
  renumberMeta,
} from '../lib/search/renumber.ts';
import { filterFiles, startupFiles, writePack, type PagefindEntry } from '../lib/search/pack.ts';
import {
  combineSearchScripts,
  ownUiStrings,
  SITE_COMPONENTS,
  unwrapScope,
  withoutComponents,
  wrapScope,
} from '../lib/search/scripts.ts';
import { FILTERS_PREFIX, PACK_FILE, PAGEFIND_DIR, RANGES_PREFIX, SEARCH_SCRIPT } from '../lib/search/bundle.ts';
import { pagefindTranslations } from '../lib/search/ui.ts';
import { minutesRecord, type SearchRecord } from '../lib/search/facets.ts';
import { SEARCH_SORT } from '../lib/search/url.ts';
import { routes } from '../lib/content/routes.ts';
import { codeHash, filesBelow, SRC } from './code-hash.ts';
import { eachFile, siteFiles } from './each-file.ts';
import { OLDER_FOLDER, pageSortDate, periodOf, recentFromMonth, type OlderPeriod } from '../lib/search/periods.ts';
import { workCounts } from './incremental-report.ts';
import { taskTimings } from './stage-timings.ts';

export { PAGEFIND_DIR };

const SIGNATURE = new TextEncoder().encode('pagefind_dcd');
// Files the site never loads: the older UIs, the highlight script, and the component CSS (the site styles it).
const UNUSED =
  /^(pagefind-ui\.(js|css)|pagefind-modular-ui\.(js|css)|pagefind-highlight\.js|pagefind-component-ui\.css)$/;

/** Word postings per index chunk: smaller chunks mean fewer bytes for a query on a slow link. */
const CHUNK_SIZE = env.pagefindChunkSize;

function unpack(bytes: Uint8Array): Uint8Array {
  const raw = gunzipSync(bytes);
  if (!SIGNATURE.every((byte, i) => raw[i] === byte)) throw new Error('Pagefind file without its signature');
  return raw.subarray(SIGNATURE.length);
}

function pack(bytes: Uint8Array): Uint8Array {
  const raw = new Uint8Array(SIGNATURE.length + bytes.length);
  raw.set(SIGNATURE);
  raw.set(bytes, SIGNATURE.length);
  return gzipSync(raw, { level: 9 });
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Options for the search index. */
export interface SearchIndexOptions {
  /** `stock`: Pagefind's own index, untouched; `chunked`: re-chunked without the Vietnamese spellings (benchmark comparisons). */
  variant?: 'site' | 'stock' | 'chunked';
  /** Where to write the bundle; the site's pagefind/ folder by default. */
  outputDir?: string;
  /** Months in the newest period (src/lib/search/periods.ts); tests shorten it to split the sample. */
  recentMonths?: number;
  /**
   * Where to keep each period's finished bundle: a period whose pages, records and search code are
   * the same as in the last build is taken from there instead of indexed again.
   */
  cacheDir?: string;
  /**
   * Called when Pagefind's own process has a period's pages to read, and once more at the end (for
   * a build that reused every period): from its first call on, the build's other steps can share
   * the main thread without delaying the index.
   */
  onIndexing?: () => void;
  /** Told why a period was indexed whole when its kept index could not take the changed pages. */
  onRefused?: (reason: string) => void;
}

/** Builds the Pagefind bundle for a built site in `siteDir`; returns what it wrote. */
export async function buildSearchIndex(
  siteDir: string,
  options: SearchIndexOptions = {},
): Promise<{
  pages: number;
  files: number;
  words: number;
  olderPages: number;
  reused: number;
  /** Pages indexed alone and merged into a kept period's index (0 when every period was indexed whole). */
  updatedPages: number;
}> {
  const variant = options.variant ?? 'site';
  const target = options.outputDir ?? join(siteDir, PAGEFIND_DIR);
  const pages = await builtPages(siteDir);
  const records = await minutesRecords(siteDir, pages);
  try {
    // The comparisons index every page in one bundle, as stock Pagefind would.
    if (variant !== 'site') {
      const built = await indexPages({ path: siteDir }, records);
      const words = variant === 'stock' ? 0 : rechunk(built.output);
      await slimFirstSearch(built.output, true);
      await writeBundle(target, built.output);
      return { pages: built.pages, files: built.output.size, words, olderPages: 0, reused: 0, updatedPages: 0 };
    }
    // The site: the newest months in the bundle the first query loads, the months before in a second
    // one inside it (src/lib/search/periods.ts).
    const from = recentFromMonth(
      [...pages.map((page) => page.date ?? ''), ...records.map((record) => record.sort[SEARCH_SORT] ?? '')],
      options.recentMonths,
    );
    const recent = pages.filter((page) => periodOf(page.date, from) === 'recent');
    const older = pages.filter((page) => periodOf(page.date, from) === 'older');
    const olderRecords = records.filter((record) => periodOf(record.sort[SEARCH_SORT], from) === 'older');
    const recentRecords = records.filter((record) => !olderRecords.includes(record));
    const olderPeriod: OlderPeriod | undefined =
      from !== undefined && older.length + olderRecords.length > 0 ? { path: OLDER_FOLDER, before: from } : undefined;
    const code = options.cacheDir ? searchCodeHash() : undefined;
    const cached = (
      name: string,
      periodPages: readonly BuiltPage[],
      periodRecords: readonly SearchRecord[],
    ): CachedPeriod | undefined =>
      options.cacheDir && code
        ? {
            folder: join(options.cacheDir, name),
            key: periodKey(periodPages, periodRecords, [code, CHUNK_SIZE, olderPeriod ?? null]),
            shape: sha(new TextEncoder().encode(JSON.stringify([code, CHUNK_SIZE]))),
          }
        : undefined;
    await rm(target, { recursive: true, force: true });
    const recentPages = indexable(recent);
    const olderPages = indexable(older);
    const periods = [
      {
        pages: recentPages,
        records: recentRecords,
        folder: target,
        cache: cached('recent', recentPages, recentRecords),
      },
      ...(olderPeriod
        ? [
            {
              pages: olderPages,
              records: olderRecords,
              folder: join(target, OLDER_FOLDER),
              cache: cached('older', olderPages, olderRecords),
            },
          ]
        : []),
    ];
    const counts: Counted[] = [];
    let reused = 0;
    let updatedPages = 0;
    for (const [i, period] of periods.entries()) {
      const first = i === 0;
      const restored = period.cache ? await restoreBundle(period.cache, period.folder) : undefined;
      if (restored) {
        counts.push(restored);
        reused++;
        continue;
      }
      const order = pageOrder(period.pages, period.records);
      // A few changed pages are indexed alone and merged into the kept index (src/lib/search/merge.ts).
      const updated = period.cache
        ? await updateBundle(period.cache, period.pages, period.records, order, options)
        : undefined;
      if (updated) updatedPages += updated.indexed;
      const built = updated ?? (await indexPages(period.pages, period.records, options.cacheDir, options.onIndexing));
      const { words, languages } = updated ?? rewrite(built.output, order);
      // The newest period's entry names the older bundle; the older one needs no script of its own.
      if (first && olderPeriod) setOlderPeriod(built.output, olderPeriod);
      await slimFirstSearch(built.output, first);
      await writeBundle(period.folder, built.output, false);
      const count = { pages: built.pages, files: built.output.size, words };
      counts.push(count);
      if (period.cache) {
        await keepBundle(period.cache, period.folder, built.output, count, {
          shape: period.cache.shape,
          body: period.pages.some((page) => page.body),
          pages: Object.fromEntries(period.pages.map((page) => [page.sourcePath, page.hash])),
          records: Object.fromEntries(period.records.map((record) => [record.url, recordHash(record)])),
          languages,
        });
      }
    }
    options.onIndexing?.();
    const [recentCount, olderCount] = counts;
    return {
      pages: (recentCount?.pages ?? 0) + (olderCount?.pages ?? 0),
      files: (recentCount?.files ?? 0) + (olderCount?.files ?? 0),
      words: (recentCount?.words ?? 0) + (olderCount?.words ?? 0),
      olderPages: olderCount?.pages ?? 0,
      reused,
      updatedPages,
    };
  } finally {
    await pagefind.close();
  }
}

/** What one period's bundle holds, for the build's log. */
interface Counted {
  pages: number;
  files: number;
  words: number;
}

/** A period's place in the build's cache, and the key its bundle must have there to be reused. */
interface CachedPeriod {
  folder: string;
  key: string;
  /** What a kept index must have been made by to be merged into (the search code, the chunk size). */
  shape: string;
}

/** What a period's index is kept with, to merge changed pages into it in a later build. */
interface KeptState {
  shape: string;
  /** Whether its pages mark the part Pagefind reads (`indexable`). */
  body: boolean;
  /** The SHA-256 of each page, by its path in the site. */
  pages: Record<string, string>;
  /** The hash of each record, by its URL. */
  records: Record<string, string>;
  /** Each language's decoded index. */
  languages: ReadonlyMap<string, LanguageIndex>;
}

const recordHash = (record: SearchRecord) => sha(new TextEncoder().encode(JSON.stringify(record)));

/** Says in the newest period's entry where the older bundle is and which months it holds. */
function setOlderPeriod(output: Map<string, Uint8Array>, period: OlderPeriod): void {
  const entry = JSON.parse(new TextDecoder().decode(output.get('pagefind-entry.json'))) as PagefindEntry;
  output.set('pagefind-entry.json', new TextEncoder().encode(JSON.stringify({ ...entry, older: period })));
}

/**
 * The key of a period's bundle: every byte of its pages (with their paths), its records, and what
 * else shapes the bundle (the search code, the older period's place and months, the chunk size).
 */
function periodKey(pages: readonly BuiltPage[], records: readonly SearchRecord[], shape: readonly unknown[]): string {
  const hash = createHash('sha256').update(JSON.stringify(shape)).update('\n');
  for (const page of pages) hash.update(`${page.sourcePath}\0${page.hash}\n`);
  hash.update(JSON.stringify(records));
  return hash.digest('hex');
}

/**
 * A hash of the code that makes the bundle: this file, the search library, the UI strings, the
 * lockfile (Pagefind's and esbuild's versions) and Node's (its gzip writes the index files). Read
 * from the sources, which the build runs from; undefined when one cannot be read (then nothing is
 * reused). Paths are hashed relative to `src`, so moving the checkout keeps the cache.
 */
export function searchCodeHash(src = SRC): string | undefined {
  try {
    const search = filesBelow(join(src, 'lib/search')).map((path) => `lib/search/${path}`);
    return codeHash(['integrations/pagefind.ts', ...search, 'i18n/vi.ts'], src, `zlib${process.versions.zlib}`);
  } catch {
    return undefined;
  }
}

/** Links (or copies) one file to another place, making its folder. */
async function linkOrCopy(from: string, to: string): Promise<void> {
  await link(from, to).catch(() => copyFile(from, to));
}

/** Makes the folders that files at `paths` under `root` go in, each once (one call per file was the slow part). */
async function makeFolders(root: string, paths: Iterable<string>): Promise<void> {
  const folders = new Set<string>();
  for (const path of paths) folders.add(dirname(join(root, path)));
  for (const folder of folders) await mkdir(folder, { recursive: true });
}

const KEY_FILE = 'key.json';

/** What a kept period's key file holds: its key, its counts and the SHA-256 of every file. */
interface KeptPeriod {
  key: string;
  counts: Counted;
  files: Record<string, string>;
  /** The SHA-256 of each file of its kept state (STATE_FILE, and a words file per language). */
  state: Record<string, string>;
}

/** The kept state's file: KeptState without the words, which each language keeps in `words.<language>.cbor`. */
const STATE_FILE = 'state.json';
const wordsFile = (language: string) => `words.${language}.cbor`;

/**
 * Puts a period's bundle from the cache into `folder` if its key is the one wanted and every file is
 * still the one kept (a served file edited in place would change its linked copy); returns its counts.
 */
async function restoreBundle(cache: CachedPeriod, folder: string): Promise<Counted | undefined> {
  const files = join(cache.folder, 'files');
  try {
    const kept = JSON.parse(await readFile(join(cache.folder, KEY_FILE), 'utf8')) as KeptPeriod;
    if (kept.key !== cache.key) return undefined;
    const paths = filesBelow(files);
    if (paths.join('\n') !== Object.keys(kept.files).sort().join('\n')) return undefined;
    let changed = false;
    await eachFile(paths, async (path) => {
      if (sha(await readFile(join(files, path))) !== kept.files[path]) changed = true;
    });
    if (changed) return undefined;
    await makeFolders(folder, paths);
    await eachFile(paths, (path) => linkOrCopy(join(files, path), join(folder, path)));
    return kept.counts;
  } catch {
    // No cache yet, or one damaged: the period is indexed again.
    await rm(folder, { recursive: true, force: true });
    return undefined;
  }
}

/** Keeps a period's bundle, just written to `folder`, and its state in the cache; the key file is written last. */
async function keepBundle(
  cache: CachedPeriod,
  folder: string,
  output: ReadonlyMap<string, Uint8Array>,
  counts: Counted,
  state: KeptState,
) {
  await rm(cache.folder, { recursive: true, force: true });
  const files: Record<string, string> = {};
  for (const [path, bytes] of output) files[path] = sha(bytes);
  await makeFolders(join(cache.folder, 'files'), output.keys());
  await eachFile(output.keys(), (path) => linkOrCopy(join(folder, path), join(cache.folder, 'files', path)));
  const stateFiles = new Map<string, Uint8Array>();
  const languages: Record<string, Omit<LanguageIndex, 'words'>> = {};
  for (const [language, { words, ...rest }] of state.languages) {
    languages[language] = rest;
    stateFiles.set(wordsFile(language), encodeWordChunk(words));
  }
  stateFiles.set(STATE_FILE, new TextEncoder().encode(JSON.stringify({ ...state, languages })));
  await eachFile(stateFiles, ([name, bytes]) => writeFile(join(cache.folder, name), bytes));
  const hashes = Object.fromEntries([...stateFiles].map(([name, bytes]) => [name, sha(bytes)]));
  const kept: KeptPeriod = { key: cache.key, counts, files, state: hashes };
  await writeFile(join(cache.folder, KEY_FILE), JSON.stringify(kept));
}

/**
 * Indexes only a period's changed pages and records and merges them into its kept index, when one
 * was kept by the same search code and few pages changed; returns the bundle as `rewrite` leaves
 * it, or undefined when the period must be indexed whole (nothing kept, too many changes, or an
 * index the merge cannot reproduce byte for byte: src/lib/search/merge.ts).
 */
async function updateBundle(
  cache: CachedPeriod,
  pages: readonly BuiltPage[],
  records: readonly SearchRecord[],
  order: PageOrder,
  options: SearchIndexOptions,
): Promise<
  | {
      output: Map<string, Uint8Array>;
      pages: number;
      indexed: number;
      words: number;
      languages: Map<string, LanguageIndex>;
    }
  | undefined
> {
  let kept: KeptPeriod;
  let state: Omit<KeptState, 'languages'> & { languages: Record<string, Omit<LanguageIndex, 'words'>> };
  const keptWords = new Map<string, PackedWord[]>();
  try {
    kept = JSON.parse(await readFile(join(cache.folder, KEY_FILE), 'utf8')) as KeptPeriod;
    const read = async (name: string) => {
      const bytes = await readFile(join(cache.folder, name));
      if (sha(bytes) !== kept.state[name]) throw new Error(`${name} changed`);
      return bytes;
    };
    state = JSON.parse(new TextDecoder().decode(await read(STATE_FILE))) as typeof state;
    if (state.shape !== cache.shape || state.body !== pages.some((page) => page.body)) return undefined;
    for (const language of Object.keys(state.languages)) {
      keptWords.set(language, decodeWordChunk(await read(wordsFile(language))));
    }
  } catch {
    // Nothing kept, or a kept state damaged or from older code: the period is indexed whole.
    return undefined;
  }
  const changedPages = pages.filter((page) => state.pages[page.sourcePath] !== page.hash);
  const changedRecords = records.filter((record) => state.records[record.url] !== recordHash(record));
  const present = new Set([...pages.map((page) => page.sourcePath), ...records.map((record) => record.url)]);
  const removed = [...Object.keys(state.pages), ...Object.keys(state.records)].filter((key) => !present.has(key));
  const changes = changedPages.length + changedRecords.length;
  // Indexing a quarter of the pages alone costs about what indexing them all does.
  if (changes === 0 || (changes + removed.length) * 4 > pages.length + records.length) return undefined;
  const changed = new Set<BuiltPage | SearchRecord>([...changedPages, ...changedRecords]);
  const unchanged = new Set([
    ...pages.filter((page) => !changed.has(page)).map((page) => pageUrl(page.sourcePath)),
    ...records.filter((record) => !changed.has(record)).map((record) => record.url),
  ]);
  const built = await indexPages(changedPages, changedRecords, options.cacheDir, options.onIndexing);
  const entry = readEntry(built.output);
  const refuse = (reason: string) => {
    options.onRefused?.(reason);
    return undefined;
  };
  const languages = new Map<string, LanguageIndex>();
  // The site has one language; a change of languages is indexed whole.
  if (Object.keys(entry.languages).sort().join() !== Object.keys(state.languages).sort().join()) {
    return refuse('other languages');
  }
  // Every page and record it was given, and nothing else (indexable pages only: none is skipped).
  const given = [
    ...changedPages.map((page) => pageUrl(page.sourcePath)),
    ...changedRecords.map((record) => record.url),
  ];
  try {
    const freshUrls: string[] = [];
    for (const [language, keptIndex] of Object.entries(state.languages)) {
      const fresh = decodeLanguage(built.output, language, entry.languages[language]?.hash ?? '', order);
      freshUrls.push(...fresh.urls);
      const merged = mergeIndex(
        { ...keptIndex, words: keptWords.get(language) ?? [] },
        fresh,
        (url) => unchanged.has(url),
        (url) => order.rank.get(url),
        order.sortValue,
      );
      languages.set(language, merged);
    }
    if (freshUrls.sort().join('\n') !== given.sort().join('\n'))
      throw new MergeRefused('pages missing from the new index');
  } catch (error) {
    if (error instanceof MergeRefused) return refuse(error.message);
    throw error;
  }
  // The unchanged pages' fragments, from the kept bundle (checked against the hashes kept with it).
  const keptFragments = [...languages.values()]
    .flatMap((index) => metaPageHashes(index.meta).map((hash) => `fragment/${hash}.pf_fragment`))
    .filter((path) => !built.output.has(path));
  const fragments = await eachFile(keptFragments, async (path) => {
    const bytes = await readFile(join(cache.folder, 'files', path)).catch(() => undefined);
    return bytes && sha(bytes) === kept.files[path] ? bytes : undefined;
  });
  for (const [i, bytes] of fragments.entries()) {
    if (!bytes) return refuse('a kept fragment changed');
    built.output.set(keptFragments[i] ?? '', bytes);
  }
  let words = 0;
  let count = 0;
  for (const [language, index] of languages) {
    words += encodeLanguage(built.output, language, entry, index);
    const info = entry.languages[language];
    if (info) info.page_count = index.urls.length;
    count += index.urls.length;
  }
  built.output.set('pagefind-entry.json', new TextEncoder().encode(JSON.stringify(entry)));
  return { output: built.output, pages: count, indexed: built.pages, words, languages };
}

/** A built page: its file, its path inside the site and its search date (its HTML is read again to index it). */
interface BuiltPage {
  file: string;
  sourcePath: string;
  date: string | undefined;
  /** Whether it marks the part Pagefind reads (`data-pagefind-body`). */
  body: boolean;
  /** SHA-256 of its bytes: a period's bundle is reused only while all of its pages are the same. */
  hash: string;
}

/** An element carrying `data-pagefind-body` (inside a tag: quoted in text, it would be escaped). */
const BODY = /<[a-z][^>]*\sdata-pagefind-body[\s=>/]/i;

/**
 * The pages of a period Pagefind indexes: when any has `data-pagefind-body`, only those (it skips the
 * others, and reads only that part of these), else all of them. Only these are given to it and make
 * the period's key, so an edit to a page it skips (the home page, a printable month) leaves the
 * index as it was, and a merge never hands it such a page alone, which it would then read whole.
 */
function indexable(pages: readonly BuiltPage[]): BuiltPage[] {
  return pages.some((page) => page.body) ? pages.filter((page) => page.body) : [...pages];
}

/** Every HTML page of the built site (the search bundle's own folder aside), with its search date. */
async function builtPages(siteDir: string): Promise<BuiltPage[]> {
  const files = siteFiles(siteDir, '.html').map((file) => ({
    file,
    sourcePath: relative(siteDir, file).split(sep).join('/'),
  }));
  const pages = await eachFile(files, async ({ file, sourcePath }): Promise<BuiltPage> => {
    // Only the date and a hash are kept: 600 months of pages held in memory would add hundreds of MB
    // to the build's peak.
    const bytes = await readFile(file);
    const html = bytes.toString('utf8');
    return { file, sourcePath, date: pageSortDate(html, SEARCH_SORT), body: BODY.test(html), hash: sha(bytes) };
  });
  // Sorted: the index, and so its files' names, then depend on the pages alone.
  return pages.sort((a, b) => (a.sourcePath < b.sourcePath ? -1 : a.sourcePath > b.sourcePath ? 1 : 0));
}

/** Indexes a folder or a list of pages, with the custom records; returns Pagefind's files. */
async function indexPages(
  pages: { path: string } | readonly BuiltPage[],
  records: readonly SearchRecord[],
  workDir?: string,
  onReading?: () => void,
): Promise<{ output: Map<string, Uint8Array>; pages: number }> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  let folder: string | undefined;
  try {
    // A list of pages is read from a folder of links made for it (pagesFolder), removed afterwards.
    if (!('path' in pages)) folder = await pagesFolder(pages, workDir);
    const adding = index.addDirectory({ path: folder ?? ('path' in pages ? pages.path : '') });
    onReading?.();
    const added = await adding;
    if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
    let pageCount = added.page_count;
    for (const record of records) {
      const result = await index.addCustomRecord(record);
      if (result.errors.length > 0) throw new Error(`Pagefind: ${result.errors.join('; ')}`);
      pageCount++;
    }
    const { files, errors: fileErrors } = await index.getFiles();
    if (fileErrors.length > 0) throw new Error(`Pagefind: ${fileErrors.join('; ')}`);
    const output = new Map<string, Uint8Array>();
    for (const file of files) if (!UNUSED.test(file.path)) output.set(file.path, file.content);
    // Pages Pagefind skipped (none of data-pagefind-body where other pages have it) have no fragment.
    if (!('path' in pages)) pageCount = [...output.keys()].filter((path) => path.startsWith('fragment/')).length;
    return { output, pages: pageCount };
  } finally {
    await index.deleteIndex();
    if (folder) await rm(folder, { recursive: true, force: true });
  }
}

/**
 * A folder of links to a period's pages, for Pagefind to read on its own: it reads a folder on every
 * core, about three times as fast as one page per message. It numbers the pages in the order the
 * file system lists them; `rewrite` puts them back in path order. In `workDir` (the search cache, on
 * the site's disk, so links work) or else in the system's temporary folder.
 */
async function pagesFolder(pages: readonly BuiltPage[], workDir: string | undefined): Promise<string> {
  let folder: string;
  if (workDir) {
    folder = join(workDir, 'pages');
    await rm(folder, { recursive: true, force: true });
    await mkdir(folder, { recursive: true });
  } else {
    folder = await mkdtemp(join(tmpdir(), 'portal-search-'));
  }
  try {
    await makeFolders(
      folder,
      pages.map((page) => page.sourcePath),
    );
    await eachFile(pages, (page) => linkOrCopy(page.file, join(folder, page.sourcePath)));
    return folder;
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}

/** Writes a bundle's files into `target`, emptied first unless told otherwise. */
async function writeBundle(target: string, output: ReadonlyMap<string, Uint8Array>, empty = true): Promise<void> {
  if (empty) await rm(target, { recursive: true, force: true });
  await makeFolders(target, output.keys());
  await eachFile(output, ([path, content]) => writeFile(join(target, path), content));
}

/**
 * The minutes template of every built month, a Word file Pagefind cannot read: one record each, dated
 * like its month's page (its sort attribute, read with the pages, so drafts, never built, have none).
 */
async function minutesRecords(siteDir: string, pages: readonly BuiltPage[]): Promise<SearchRecord[]> {
  // In month order, as the pages are: the index depends on the order.
  const months = pages.flatMap((page) => {
    const month = /^thang\/(\d{4}-\d{2})\/index\.html$/.exec(page.sourcePath)?.[1];
    return month && page.date ? [{ month, date: page.date }] : [];
  });
  const withMinutes = await eachFile(months, ({ month }) =>
    stat(join(siteDir, 'thang', month, basename(routes.kitMinutesDocx(month)))).then(
      (info) => info.isFile(),
      () => false,
    ),
  );
  return months.filter((_, i) => withMinutes[i]).map(({ month, date }) => minutesRecord(month, date));
}

/** The order pages should have in a bundle, and their sort values (src/lib/search/renumber.ts). */
export interface PageOrder {
  /** Each page's place, by the URL Pagefind gives it. */
  rank: ReadonlyMap<string, number>;
  /** A page's value of a sort (`data-pagefind-sort`), by its URL. */
  sortValue: (sort: string, url: string) => string | undefined;
}

/** The URL Pagefind gives a page read from a folder ("thang/2026-11/index.html" → "/thang/2026-11/"). */
const pageUrl = (sourcePath: string) => `/${sourcePath.replace(/(^|\/)index\.html$/, '$1')}`;

/** A period's pages in path order, then its records, as they were once given to Pagefind one by one. */
function pageOrder(pages: readonly BuiltPage[], records: readonly SearchRecord[]): PageOrder {
  const urls = [...pages.map((page) => pageUrl(page.sourcePath)), ...records.map((record) => record.url)];
  const dates = new Map<string, string | undefined>([
    ...pages.map((page) => [pageUrl(page.sourcePath), page.date] as const),
    ...records.map((record) => [record.url, record.sort[SEARCH_SORT]] as const),
  ]);
  return {
    rank: new Map(urls.map((url, i) => [url, i])),
    // The site sorts by one key only; another would need its values here.
    sortValue: (sort, url) => (sort === SEARCH_SORT ? dates.get(url) : undefined),
  };
}

/** The URL and metadata fields of each page of a language's pf_meta, read from its fragment. */
function pageFragments(output: ReadonlyMap<string, Uint8Array>, meta: readonly CborValue[]): PageFragment[] {
  return metaPageHashes(meta).map((hash) => {
    const fragment = output.get(`fragment/${hash}.pf_fragment`);
    if (!fragment) throw new Error(`Pagefind wrote no fragment ${hash}`);
    const { url, meta: fields } = JSON.parse(new TextDecoder().decode(unpack(fragment))) as {
      url: string;
      meta?: Record<string, unknown>;
    };
    return { url, fields: Object.keys(fields ?? {}) };
  });
}

interface PageFragment {
  url: string;
  fields: string[];
}

/** A language's pf_meta path, its decoded value and its word chunks' paths in a bundle. */
function languageFiles(output: ReadonlyMap<string, Uint8Array>, language: string, hash: string) {
  const metaPath = `pagefind.${hash}.pf_meta`;
  const meta = output.get(metaPath);
  if (!meta) throw new Error(`Pagefind wrote no ${metaPath}`);
  const chunkPaths = [...output.keys()].filter((path) => path.startsWith(`index/${language}_`));
  return { metaPath, meta: asArray(decodeCbor(unpack(meta)), 'pf_meta'), chunkPaths };
}

/** The bundle's entry file, decoded. */
function readEntry(output: ReadonlyMap<string, Uint8Array>): PagefindEntry {
  const entryBytes = output.get('pagefind-entry.json');
  if (!entryBytes) throw new Error('Pagefind wrote no pagefind-entry.json');
  return JSON.parse(new TextDecoder().decode(entryBytes)) as PagefindEntry;
}

/**
 * A language's index as Pagefind wrote it, decoded, its pages renumbered in `order` (pf_meta's page
 * and sort lists, the filter files, the postings); without an order, as Pagefind numbered them.
 */
function decodeLanguage(
  output: ReadonlyMap<string, Uint8Array>,
  language: string,
  hash: string,
  order: PageOrder | undefined,
): LanguageIndex {
  const files = languageFiles(output, language, hash);
  const pages = pageFragments(output, files.meta);
  const urls = pages.map((page) => page.url);
  const unknown = order ? urls.filter((url) => !order.rank.has(url)) : [];
  if (unknown.length > 0) throw new Error(`Pagefind indexed pages it was not given: ${unknown.join(', ')}`);
  const next = order ? renumbering(urls, (url) => order.rank.get(url)) : urls.map((_, page) => page);
  const meta = order
    ? renumberMeta(files.meta, next, (sort, page) => order.sortValue(sort, urls[page] ?? ''))
    : files.meta;
  const filters = metaFilters(meta).map(({ file }) => {
    const packed = output.get(`filter/${file}.pf_filter`);
    if (!packed) throw new Error(`Pagefind wrote no filter/${file}.pf_filter`);
    const filter = decodeCbor(unpack(packed));
    return order ? renumberFilter(filter, next) : filter;
  });
  const read = files.chunkPaths.flatMap((path) => decodeWordChunk(unpack(output.get(path) ?? new Uint8Array())));
  const words = order ? renumberWords(read, next) : read;
  const ordered = new Array<PageFragment>(pages.length);
  pages.forEach((page, i) => (ordered[next[i] ?? 0] = page));
  return { meta, filters, words, urls: ordered.map((page) => page.url), fields: ordered.map((page) => page.fields) };
}

/**
 * Writes a decoded language index into the bundle in place of Pagefind's files for it: the filter
 * files (named again as Pagefind names them), the word chunks with the Vietnamese spellings, each
 * chunk also in one ranges file, and the pf_meta listing them; returns the number of words.
 */
function encodeLanguage(
  output: Map<string, Uint8Array>,
  language: string,
  entry: PagefindEntry,
  index: LanguageIndex,
): number {
  const info = entry.languages[language];
  if (!info) throw new Error(`Pagefind wrote no language ${language}`);
  // All old files out before the new ones go in: a new name could be an old one.
  for (const path of [...output.keys()]) {
    if (
      path.startsWith(`index/${language}_`) ||
      path.startsWith(`filter/${language}_`) ||
      path === `pagefind.${info.hash}.pf_meta`
    ) {
      output.delete(path);
    }
  }
  const names = new Map<string, string>();
  metaFilters(index.meta).forEach(({ file }, i) => {
    const bytes = encodeCbor(index.filters[i] ?? []);
    // Named as Pagefind names them: the SHA-1, each byte in hex without a leading zero, cut to seven
    // digits (more on a clash).
    const digest = [...createHash('sha1').update(bytes).digest()].map((byte) => byte.toString(16)).join('');
    const full = `${language}_${digest}`;
    let length = language.length + 8;
    while (output.has(`filter/${full.slice(0, length)}.pf_filter`) && length < full.length) length++;
    names.set(file, full.slice(0, length));
    output.set(`filter/${full.slice(0, length)}.pf_filter`, pack(bytes));
  });
  const rewritten = writeWordIndex({
    language,
    meta: renameFilters(index.meta, names),
    words: index.words,
    chunkSize: CHUNK_SIZE,
    hash: sha,
  });
  return placeWordIndex(output, language, info, rewritten);
}

/**
 * Puts a rewritten word index in the bundle: its chunks, each also in one ranges file (one request
 * for a query's chunks, src/lib/search/ranges.ts), and its pf_meta; returns the number of words.
 */
function placeWordIndex(
  output: Map<string, Uint8Array>,
  language: string,
  info: PagefindEntry['languages'][string],
  rewritten: RewrittenIndex,
): number {
  const packed = new Map([...rewritten.chunks].map(([name, bytes]) => [name, pack(bytes)] as const));
  const { file, names } = joinChunks(packed);
  for (const [name, bytes] of packed) output.set(`index/${names.get(name)}.pf_index`, bytes);
  const rangesPath = `${RANGES_PREFIX}${language}_${sha(file).slice(0, 10)}.pf_pack`;
  output.set(rangesPath, file);
  info.ranges = rangesPath;
  const metaBytes = renameChunks(rewritten.meta.bytes, names);
  const metaName = `${language}_${sha(metaBytes).slice(0, language.length + 8)}`;
  output.set(`pagefind.${metaName}.pf_meta`, pack(metaBytes));
  info.hash = metaName;
  return rewritten.words;
}

/**
 * Replaces each language's word chunks and pf_meta in the bundle with the Vietnamese-aware ones,
 * its pages renumbered in `order` (the tests leave it out to see Pagefind's own numbering); returns
 * the number of words and each language's decoded index (what a later build merges changed pages
 * into). Exported for the tests.
 */
export function rewrite(
  output: Map<string, Uint8Array>,
  order?: PageOrder,
): { words: number; languages: Map<string, LanguageIndex> } {
  const entry = readEntry(output);
  let words = 0;
  const languages = new Map<string, LanguageIndex>();
  for (const [language, info] of Object.entries(entry.languages)) {
    const index = decodeLanguage(output, language, info.hash, order);
    languages.set(language, index);
    words += encodeLanguage(output, language, entry, index);
  }
  output.set('pagefind-entry.json', new TextEncoder().encode(JSON.stringify(entry)));
  return { words, languages };
}

/**
 * Re-chunks each language's word index without renumbering or new spellings (the `chunked`
 * comparison: what the site's chunking alone does to Pagefind's index).
 */
function rechunk(output: Map<string, Uint8Array>): number {
  const entry = readEntry(output);
  let words = 0;
  for (const [language, info] of Object.entries(entry.languages)) {
    const files = languageFiles(output, language, info.hash);
    const rewritten = rewriteWordIndex({
      language,
      meta: encodeCbor(files.meta),
      chunks: files.chunkPaths.map((path) => unpack(output.get(path) ?? new Uint8Array())),
      chunkSize: CHUNK_SIZE,
      hash: sha,
      fold: false,
    });
    for (const path of [...files.chunkPaths, files.metaPath]) output.delete(path);
    words += placeWordIndex(output, language, info, rewritten);
  }
  output.set('pagefind-entry.json', new TextEncoder().encode(JSON.stringify(entry)));
  return words;
}

/**
 * Cuts what the first query downloads: gives the UI the site's Vietnamese strings and drops its
 * other languages, joins the UI and the core into one script, packs the files Pagefind fetches at
 * start into one and the filter files into another (the originals stay, for any other client of the
 * bundle).
 */
async function slimFirstSearch(output: Map<string, Uint8Array>, withScript: boolean): Promise<void> {
  // The older period's bundle is searched by the script the page already has: it needs none of its own.
  if (withScript) await joinScript(output);
  else output.delete('pagefind-component-ui.js');
  // Nor its wasm in its pack: the same file is in the newest period's pack (the file stays beside it).
  packStartFiles(output, withScript);
}

/** The component UI with the site's strings and Pagefind's core, minified into one module. */
async function joinScript(output: Map<string, Uint8Array>): Promise<void> {
  const ui = output.get('pagefind-component-ui.js');
  const core = output.get('pagefind.js');
  if (!ui || !core) throw new Error('Pagefind wrote no pagefind-component-ui.js or pagefind.js');
  const strings = ownUiStrings(new TextDecoder().decode(ui), { vi: pagefindTranslations() });
  // Minified as a module, the UI loses the elements the page never uses (src/lib/search/scripts.ts).
  const shaken = await transform(unwrapScope(withoutComponents(strings, SITE_COMPONENTS)), {
    minify: true,
    treeShaking: true,
    format: 'esm',
    target: 'es2022',
    charset: 'utf8',
  });
  const script = combineSearchScripts(new TextDecoder().decode(core), wrapScope(shaken.code.trim()));
  // Pagefind ships its core unminified: minifying the joined module saves 2 KB of every first search.
  const minified = await transform(script, { minify: true, format: 'esm', target: 'es2022', charset: 'utf8' });
  output.set(SEARCH_SCRIPT, new TextEncoder().encode(minified.code));
  // The UI alone is never loaded; pagefind.js stays for the JavaScript API.
  output.delete('pagefind-component-ui.js');
}

/** The start-up pack and each language's filter pack. */
function packStartFiles(output: Map<string, Uint8Array>, withWasm: boolean): void {
  const entry = JSON.parse(new TextDecoder().decode(output.get('pagefind-entry.json'))) as PagefindEntry;
  const read = (paths: string[]) => new Map(paths.map((path) => [path, output.get(path) ?? new Uint8Array()] as const));
  // Each language's filter files in one pack of their own, named by its bytes: fetched only when a
  // reader opens a filter (or a shared link carries one), never for a plain query.
  for (const [language, info] of Object.entries(entry.languages)) {
    const filters = filterFiles(language, output.keys());
    if (filters.length === 0) continue;
    const packed = writePack(read(filters));
    info.filters = `${FILTERS_PREFIX}${language}_${sha(packed).slice(0, 10)}.pf_pack`;
    output.set(info.filters, packed);
  }
  output.set('pagefind-entry.json', new TextEncoder().encode(JSON.stringify(entry)));
  output.set(PACK_FILE, writePack(read(startupFiles(entry, output.keys(), { wasm: withWasm }))));
}

/**
 * The Astro integrations: index after `astro build` (not in dev, where search shows a notice).
 * `start` returns once Pagefind has the pages: it indexes in its own process, so the steps
 * listed between the two (service worker, CSP map) run meanwhile on the second core. `finish`
 * waits for it and fails the build if it failed; list it before anything that reads the bundle
 * (precompress). Neither step reads what the steps between them write.
 */
export function pagefindSearch(): { start: AstroIntegration; finish: AstroIntegration } {
  let cacheDir: string | undefined;
  let job: Promise<unknown> | undefined;
  const start: AstroIntegration = {
    name: 'portal:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = join(fileURLToPath(config.cacheDir), 'search-periods');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        let indexing = () => {};
        const handedOver = new Promise<void>((resolve) => (indexing = resolve));
        job = buildSearchIndex(fileURLToPath(dir), {
          recentMonths: env.searchRecentMonths,
          onIndexing: () => indexing(),
          onRefused: (reason) => logger.info(`search index: a period indexed whole (${reason})`),
          ...(cacheDir ? { cacheDir } : {}),
        }).then((result) => {
          workCounts.searchPeriodsReused = result.reused;
          workCounts.searchPagesMerged = result.updatedPages;
          const ms = Math.round(performance.now() - started);
          taskTimings['portal:pagefind'] = ms;
          logger.info(
            `search index: ${result.pages} pages (${result.olderPages} in the older period), ${result.words} words, ${result.files} files (${result.reused} period(s) reused from the last build, ${result.updatedPages} changed page(s) indexed alone and merged) in ${ms} ms`,
          );
        });
        // Its failure is reported by `finish`; until then it must not count as unhandled.
        const settled = job.catch(() => undefined);
        // Reading the pages and handing them to Pagefind is the start of the build's longest task:
        // the next steps wait for it rather than share the main thread with it.
        await Promise.race([handedOver, settled]);
      },
    },
  };
  const finish: AstroIntegration = {
    name: 'portal:pagefind-finish',
    hooks: {
      'astro:build:done': async () => {
        const running = job;
        job = undefined;
        if (!running) throw new Error('portal:pagefind-finish runs only after portal:pagefind');
        await running;
      },
    },
  };
  return { start, finish };
}
