/**
 * The content-hash cache of generated files: a file whose inputs did not change is read back from
 * disk instead of rendered again. A PDF is keyed by its Typst source and the files it reads, so only
 * a change that alters the document re-renders it; a Word file by its content, its code and packages.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { env } from '../env.ts';

/** Where generated files are kept between builds (EXPORTS_CACHE_DIR overrides). */
export function cacheDir(): string {
  return env.exportsCacheDir;
}

const fileHashes = new Map<string, string>();

/** A hash of project source files (relative to the project root); missing files count as empty. */
export function sourceHash(paths: readonly string[]): string {
  const id = paths.join('\n');
  const known = fileHashes.get(id);
  if (known) return known;
  const hash = createHash('sha256');
  for (const path of paths) {
    const full = join(process.cwd(), path);
    hash.update(path).update(existsSync(full) ? readFileSync(full) : '');
  }
  const digest = hash.digest('hex');
  fileHashes.set(id, digest);
  return digest;
}

/** "name@version" of installed packages, resolved from the project. */
export function packageVersions(names: readonly string[]): string {
  const require = createRequire(join(process.cwd(), 'package.json'));
  return names
    .map((name) => {
      try {
        return `${name}@${(JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version?: string }).version ?? '?'}`;
      } catch {
        return `${name}@unresolved`;
      }
    })
    .join(',');
}

/** A stable key from any number of inputs (strings or bytes). */
export function cacheKey(parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(typeof part === 'string' ? `s${part.length}:` : `b${part.byteLength}:`);
    hash.update(part);
  }
  return hash.digest('hex');
}

/** A file the cache holds: where it is, and its bytes. */
export interface CachedFile {
  path: string;
  data: Uint8Array;
}

/**
 * The file stored under `key`, or `produce()`'s result stored there. Each file is written aside and
 * renamed, so parallel builds sharing the cache never read half a file.
 */
export async function cachedFile(
  key: string,
  name: string,
  produce: () => Promise<Uint8Array> | Uint8Array,
): Promise<CachedFile> {
  const dir = join(cacheDir(), key.slice(0, 2));
  const path = join(dir, `${key}-${name}`);
  if (existsSync(path)) return { path, data: new Uint8Array(readFileSync(path)) };
  const data = await produce();
  mkdirSync(dir, { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, path);
  return { path, data };
}
