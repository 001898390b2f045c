/** Reads the content tree from disk into the checker's input. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import type { ContentFile } from '../lib/check/problem.ts';

/** Every file under `root`, with MDX text loaded, paths relative to `base` with "/" separators. */
export function readContentFiles(root: string, base: string): ContentFile[] {
  const files: ContentFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const path = relative(base, full).split(sep).join('/');
        const size = statSync(full).size;
        // MDX pages and YAML data (criteria) are checked by their text; other files by size.
        files.push(
          /\.(mdx|yaml)$/.test(entry.name) ? { path, size, source: readFileSync(full, 'utf8') } : { path, size },
        );
      }
    }
  };
  walk(root);
  return files.sort((a, b) => a.path.localeCompare(b.path));
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
