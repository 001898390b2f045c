/** Reads the content tree from disk into the checker's input. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
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
