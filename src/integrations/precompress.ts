/**
 * Precompresses the built site with gzip and brotli, so nginx (gzip_static, brotli_static) sends
 * the smallest file without compressing on every request. It must run after every other build step.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { brotliQualityFor, isCompressible, SERVER_ONLY_PATHS } from '../lib/output/server-rules.ts';
import { workCounts } from './incremental-report.ts';

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
  /** Files whose .gz and .br were copied from the cache (same bytes, same settings as before). */
  reused: number;
}

/** The .gz and .br of some bytes (each only if smaller), made or read back from the cache. */
async function compressedCopies(
  bytes: Buffer,
  quality: number,
  cacheDir: string | undefined,
): Promise<{ gz: Buffer; br: Buffer; reused: boolean }> {
  // zlib and brotli versions are in the key: another Node may write other bytes.
  const key = createHash('sha256')
    .update(`gzip9 br${quality} zlib${process.versions.zlib} brotli${process.versions.brotli}\n`)
    .update(bytes)
    .digest('hex');
  const cached = cacheDir ? join(cacheDir, key.slice(0, 2), key) : undefined;
  if (cached) {
    const [gz, br] = await Promise.all([readFile(`${cached}.gz`), readFile(`${cached}.br`)]).catch(() => []);
    if (gz && br) {
      // Touched so the end of the build keeps it (see pruneCache).
      const now = new Date();
      await Promise.all([utimes(`${cached}.gz`, now, now), utimes(`${cached}.br`, now, now)]);
      return { gz, br, reused: true };
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
  if (cached) {
    await mkdir(dirname(cached), { recursive: true });
    // Written aside and renamed, so a build killed half-way never leaves half a file to reuse.
    for (const [suffix, data] of [
      ['.gz', gz],
      ['.br', br],
    ] as const) {
      const temporary = `${cached}${suffix}.${process.pid}-${temporaries++}.tmp`;
      await writeFile(temporary, data);
      await rename(temporary, `${cached}${suffix}`);
    }
  }
  return { gz, br, reused: false };
}

/** Removes cached copies this build did not use (older than its start), so the cache cannot grow without end. */
async function pruneCache(cacheDir: string, startedAt: number): Promise<void> {
  const entries = await readdir(cacheDir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    if ((await stat(file)).mtimeMs < startedAt) await rm(file, { force: true });
  }
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
  let next = 0;
  const work = async () => {
    while (next < files.length) {
      const file = files[next++] as string;
      if ((await stat(file)).size < MIN_BYTES) continue;
      const bytes = await readFile(file);
      const quality = brotliQualityFor(urlPath(root, file), bytes.byteLength);
      const { gz, br, reused } = await compressedCopies(bytes, quality, cacheDir);
      report.files += 1;
      report[reused ? 'reused' : 'compressed'] += 1;
      report.bytes += bytes.byteLength;
      if (gz.byteLength < bytes.byteLength) {
        await writeFile(`${file}.gz`, gz);
        report.gzipBytes += gz.byteLength;
      }
      if (br.byteLength < bytes.byteLength) {
        await writeFile(`${file}.br`, br);
        report.brotliBytes += br.byteLength;
      }
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
