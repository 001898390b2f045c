/**
 * Precompresses the built site with gzip and brotli, so nginx (gzip_static, brotli_static) sends
 * the smallest file without compressing on every request. It must run after every other build step.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { brotliQualityFor, isCompressible, SERVER_ONLY_PATHS } from '../lib/output/server-rules.ts';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Files smaller than this gain nothing from compression once headers are counted. */
const MIN_BYTES = 256;

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
}

/** Writes name.gz and name.br next to every compressible file under `root` (when smaller). */
export async function precompressDir(root: string, concurrency = 4): Promise<CompressionReport> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && isCompressible(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !isServerOnly(urlPath(root, file)));
  const report: CompressionReport = { files: 0, bytes: 0, gzipBytes: 0, brotliBytes: 0 };
  let next = 0;
  const work = async () => {
    while (next < files.length) {
      const file = files[next++] as string;
      if ((await stat(file)).size < MIN_BYTES) continue;
      const bytes = await readFile(file);
      const [gz, br] = await Promise.all([
        gzipAsync(bytes, { level: 9 }),
        brotliAsync(bytes, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: brotliQualityFor(urlPath(root, file), bytes.byteLength),
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
          },
        }),
      ]);
      report.files += 1;
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
  return report;
}

/** The integration; it must be the last one in astro.config.mjs and checks that it is. */
export function precompress(): AstroIntegration {
  const name = 'portal:precompress';
  return {
    name,
    hooks: {
      'astro:config:done': ({ config }) => {
        const last = config.integrations.at(-1)?.name;
        // Pagefind, PDF, Word and PWA files are written in astro:build:done too; they must exist first.
        if (last !== name)
          throw new Error(`${name} must be the last integration in astro.config.mjs (last is ${last})`);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const report = await precompressDir(fileURLToPath(dir));
        const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
        logger.info(
          `${report.files} files, ${kb(report.bytes)} → gzip ${kb(report.gzipBytes)}, brotli ${kb(report.brotliBytes)} in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
