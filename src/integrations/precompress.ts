/**
 * Precompresses the built site with gzip and brotli, so nginx (gzip_static, brotli_static) sends
 * the smallest file without compressing on every request. It must run after every other build step.
 */
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { brotliQualityFor, isCompressible, SERVER_ONLY_PATHS } from '../lib/output/server-rules.ts';
import { workCounts } from './incremental-report.ts';
import { eachFile } from './each-file.ts';

const gzipAsync = promisify(gzip);
let temporaries = 0;
const brotliAsync = promisify(brotliCompress);

/** Files smaller than this gain nothing from compression once headers are counted. */
export const MIN_BYTES = 256;

/** The URL path of a file under the site root. */
function urlPath(root: string, file: string): string {
  return `/${relative(root, file).split(sep).join('/')}`;
}

function isServerOnly(path: string): boolean {
  return SERVER_ONLY_PATHS.some((prefix) => path === prefix || (prefix.endsWith('/') && path.startsWith(prefix)));
}

/** Totals of one run. */
export interface CompressionReport {
  files: number;
  bytes: number;
  gzipBytes: number;
  brotliBytes: number;
  /** Files compressed in this run. */
  compressed: number;
  /** Files whose .gz and .br came from the cache (same bytes, same settings as before), linked. */
  reused: number;
}

/** The two compressed copies written next to a file. */
const SUFFIXES = ['.gz', '.br'] as const;

/**
 * Puts one cached copy at `target` if the cache has it and it is smaller than the original; returns
 * its size, or undefined when the cache lacks it. A hard link where the file system allows: creating
 * a file costs far more than linking one (120 months, cold: 3.8 s of 13 s went to writing the cache).
 */
async function placeCached(cached: string, target: string, originalBytes: number): Promise<number | undefined> {
  const size = await stat(cached).then(
    (info) => info.size,
    () => undefined,
  );
  if (size === undefined) return undefined;
  // Touched so the end of the build keeps it (see pruneCache).
  const now = new Date();
  await utimes(cached, now, now);
  if (size < originalBytes) {
    // A file already there (never, in a fresh build) is replaced, not written through.
    await rm(target, { force: true });
    await link(cached, target).catch(() => copyFile(cached, target));
  }
  return size;
}

/** Writes a copy next to the file if it is smaller, and keeps it in the cache (linked when it could be). */
async function placeMade(data: Buffer, target: string, cached: string | undefined, originalBytes: number) {
  const smaller = data.byteLength < originalBytes;
  if (smaller) {
    // Removed first: were it a link to a cached copy, writing through it would change the cache.
    await rm(target, { force: true });
    await writeFile(target, data);
  }
  if (!cached) return;
  await mkdir(dirname(cached), { recursive: true });
  // The cache entry appears whole or not at all: a link to the finished file, or a file renamed into place.
  if (
    smaller &&
    (await link(target, cached).then(
      () => true,
      () => false,
    ))
  )
    return;
  const temporary = `${cached}.${process.pid}-${temporaries++}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, cached);
}

/**
 * Writes name.gz and name.br next to a file (each only if smaller), made now or taken from the
 * cache; returns their sizes (0 where none was written) and whether they came from the cache.
 */
async function compressFile(
  file: string,
  bytes: Buffer,
  quality: number,
  cacheDir: string | undefined,
  inFlight: Map<string, Promise<void>>,
): Promise<{ gz: number; br: number; reused: boolean }> {
  // zlib and brotli versions are in the key: another Node may write other bytes.
  const key = createHash('sha256')
    .update(`gzip9 br${quality} zlib${process.versions.zlib} brotli${process.versions.brotli}\n`)
    .update(bytes)
    .digest('hex');
  const cached = cacheDir ? join(cacheDir, key.slice(0, 2), key) : undefined;
  // One file with the same bytes at a time (registered before any wait), so the second one takes
  // the first one's copies from the cache instead of compressing them again.
  const previous = inFlight.get(key) ?? Promise.resolve();
  let finish = () => {};
  const turn = previous.then(() => new Promise<void>((resolve) => (finish = resolve)));
  inFlight.set(key, turn);
  try {
    await previous;
    return await compressOnce(file, bytes, quality, cached);
  } finally {
    finish();
    if (inFlight.get(key) === turn) inFlight.delete(key);
  }
}

/** compressFile's work, for one file at a time per key. */
async function compressOnce(
  file: string,
  bytes: Buffer,
  quality: number,
  cached: string | undefined,
): Promise<{ gz: number; br: number; reused: boolean }> {
  const sizes = (gz: number, br: number) => ({
    gz: gz < bytes.byteLength ? gz : 0,
    br: br < bytes.byteLength ? br : 0,
  });
  if (cached) {
    // Both or neither: an entry missing one of its copies is made again.
    const [gz, br] = await Promise.all(
      SUFFIXES.map((suffix) =>
        stat(`${cached}${suffix}`).then(
          () => true,
          () => false,
        ),
      ),
    );
    if (gz && br) {
      const [gzSize = 0, brSize = 0] = await Promise.all(
        SUFFIXES.map((suffix) => placeCached(`${cached}${suffix}`, `${file}${suffix}`, bytes.byteLength)),
      );
      return { ...sizes(gzSize, brSize), reused: true };
    }
  }
  const [gz, br] = await Promise.all([
    gzipAsync(bytes, { level: 9 }),
    brotliAsync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: quality,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
      },
    }),
  ]);
  await placeMade(gz, `${file}.gz`, cached && `${cached}.gz`, bytes.byteLength);
  await placeMade(br, `${file}.br`, cached && `${cached}.br`, bytes.byteLength);
  return { ...sizes(gz.byteLength, br.byteLength), reused: false };
}

/** Removes cached copies this build did not use (older than its start), so the cache cannot grow without end. */
async function pruneCache(cacheDir: string, startedAt: number): Promise<void> {
  const entries = await readdir(cacheDir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  await eachFile(files, async (file) => {
    if ((await stat(file)).mtimeMs < startedAt) await rm(file, { force: true });
  });
}

/**
 * Writes name.gz and name.br next to every compressible file under `root` (when smaller). With a
 * `cacheDir`, a file whose bytes were compressed by an earlier build gets that build's copies.
 */
export async function precompressDir(root: string, concurrency = 4, cacheDir?: string): Promise<CompressionReport> {
  const startedAt = Date.now() - 1000;
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && isCompressible(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !isServerOnly(urlPath(root, file)));
  const report: CompressionReport = { files: 0, bytes: 0, gzipBytes: 0, brotliBytes: 0, compressed: 0, reused: 0 };
  // Compressions under way by key, so files with the same bytes are compressed once.
  const inFlight = new Map<string, Promise<void>>();
  let next = 0;
  const work = async () => {
    while (next < files.length) {
      const file = files[next++] as string;
      if ((await stat(file)).size < MIN_BYTES) continue;
      const bytes = await readFile(file);
      const quality = brotliQualityFor(urlPath(root, file), bytes.byteLength);
      const { gz, br, reused } = await compressFile(file, bytes, quality, cacheDir, inFlight);
      report.files += 1;
      report[reused ? 'reused' : 'compressed'] += 1;
      report.bytes += bytes.byteLength;
      report.gzipBytes += gz;
      report.brotliBytes += br;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, work));
  if (cacheDir) await pruneCache(cacheDir, startedAt);
  return report;
}

/** The integration; it must be the last one in astro.config.mjs and checks that it is. */
export function precompress(): AstroIntegration {
  const name = 'portal:precompress';
  let cacheDir: string | undefined;
  return {
    name,
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = join(fileURLToPath(config.cacheDir), 'precompressed');
        const last = config.integrations.at(-1)?.name;
        // Pagefind, PDF, Word and PWA files are written in astro:build:done too; they must exist first.
        if (last !== name)
          throw new Error(`${name} must be the last integration in astro.config.mjs (last is ${last})`);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const report = await precompressDir(fileURLToPath(dir), 4, cacheDir);
        workCounts.compressed = report.compressed;
        workCounts.compressionReused = report.reused;
        const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
        logger.info(
          `${report.files} files (${report.compressed} compressed, ${report.reused} reused from the cache), ${kb(report.bytes)} → gzip ${kb(report.gzipBytes)}, brotli ${kb(report.brotliBytes)} in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
