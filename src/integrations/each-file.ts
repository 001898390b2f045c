/** Walking the built site, and file tasks over it a few at a time: one by one left the disk idle. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { PAGEFIND_DIR } from '../lib/search/bundle.ts';

/**
 * Runs a file task for each item, sixteen at a time; results come back in the items' order. It
 * returns or throws only once every task has ended (the first failure in the items' order), so a
 * caller that cleans up after a failure never races tasks still running.
 */
export async function eachFile<T, R>(items: Iterable<T>, task: (item: T) => Promise<R>): Promise<R[]> {
  const limit = pLimit(16);
  const settled = await Promise.allSettled([...items].map((item) => limit(() => task(item))));
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<R>).value);
}

/**
 * Every file of the built site under `root` whose name ends with `ending` (absolute paths, sorted),
 * the search bundle's folder aside: Pagefind writes it while the steps that walk the site run, and
 * it holds no page.
 */
export function siteFiles(root: string, ending = ''): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isFile()) files.push(path);
    else if (entry.isDirectory() && entry.name !== PAGEFIND_DIR)
      for (const inner of readdirSync(path, { recursive: true, withFileTypes: true }))
        if (inner.isFile()) files.push(join(inner.parentPath, inner.name));
  }
  return files.filter((file) => file.endsWith(ending)).sort();
}
