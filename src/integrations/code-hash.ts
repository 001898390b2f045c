/**
 * Hashes of the code a build cache depends on, so a cache made by other code is never reused:
 * the search periods (pagefind.ts), the bodies rendered at content sync (mdx-at-sync.ts), the CSP
 * policies (server-files.ts) and the content check's results (cli/check-cache.ts). Synchronous:
 * a few hundred small files, read once per build, and the content check runs before anything else.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This checkout's src/. */
export const SRC = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * SHA-256 over the files (paths relative to `src`, so the checkout's place does not matter), the
 * lock file and Node's version; `undefined` when one cannot be read, which turns reuse off.
 */
export function codeHash(files: readonly string[], src = SRC, salt = ''): string | undefined {
  try {
    const hash = createHash('sha256').update(`${process.version} ${salt}\n`);
    for (const file of [...files, '../package-lock.json'])
      hash.update(`${file}\n`).update(readFileSync(join(src, file)));
    return hash.digest('hex');
  } catch {
    return undefined;
  }
}

/** Files below a folder, as paths inside it with "/". */
export function filesBelow(folder: string): string[] {
  const entries = readdirSync(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}
