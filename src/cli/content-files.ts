/** Reads the content tree from disk into the checker's input; judging the bytes is the checker's job. */
import { closeSync, existsSync, lstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { HEAD_BYTES, TAIL_BYTES, type ContentFile } from '../lib/check/problem.ts';

/**
 * Every file under `root`, paths relative to `base` with "/" separators: MDX and YAML with their
 * bytes, other files with their first and last bytes, symlinks marked and never followed.
 */
export function readContentFiles(root: string, base: string): ContentFile[] {
  const files: ContentFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      const path = relative(base, full).split(sep).join('/');
      if (entry.isSymbolicLink()) files.push({ path, size: 0, symlink: true });
      else if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.push(readEntry(full, path));
    }
  };
  walk(root);
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/** One regular file: whole bytes of a page or data file, head and tail of anything else. */
function readEntry(full: string, path: string): ContentFile {
  const size = lstatSync(full).size;
  if (/\.(mdx|yaml)$/.test(path)) return { path, size, bytes: readFileSync(full) };
  const fd = openSync(full, 'r');
  try {
    const head = new Uint8Array(Math.min(HEAD_BYTES, size));
    readSync(fd, head, 0, head.length, 0);
    const tail = new Uint8Array(Math.min(TAIL_BYTES, size));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    return { path, size, head, tail };
  } finally {
    closeSync(fd);
  }
}

/** Sub-folder names of a content area (none when it is missing). */
export function folders(root: string, area: string): string[] {
  const dir = join(root, area);
  return existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
    : [];
}

/** The issuer written in the latest month's index.mdx, if any. */
export function latestIssuer(root: string): string | undefined {
  const months = folders(root, 'thang')
    .filter((name) => /^\d{4}-\d{2}$/.test(name))
    .sort()
    .reverse();
  for (const month of months) {
    const file = join(root, 'thang', month, 'index.mdx');
    if (!existsSync(file)) continue;
    const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'));
    try {
      const issuer: unknown = match ? (parse(match[1] ?? '') as Record<string, unknown> | null)?.['issuer'] : undefined;
      if (typeof issuer === 'string' && issuer.trim() !== '') return issuer.trim();
    } catch {
      // A broken issue is the checker's business; look further back.
    }
  }
  return undefined;
}
