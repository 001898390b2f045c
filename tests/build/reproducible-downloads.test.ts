/**
 * Same content, same bytes: two builds of the sample content from cold caches (no export cache,
 * no Astro cache) give byte-identical PDFs, Word files and ZIPs, every one of them.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot } from '../support/build-site.ts';

const work = resolve(projectRoot, '.cache/test-builds/reproducible');

/** Every downloadable file under `dir`, relative to it. */
function downloads(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(pdf|docx|zip)$/.test(name))
    .sort();
}

/** A build of the sample content with caches of its own, empty at the start. */
function coldBuild(name: string): string {
  const caches = join(work, name);
  rmSync(caches, { recursive: true, force: true });
  const result = buildSite({
    name: `reproducible/${name}`,
    env: { EXPORTS_CACHE_DIR: join(caches, 'exports'), ASTRO_CACHE_DIR: join(caches, 'astro') },
  });
  if (result.status !== 0) throw new Error(result.output);
  return result.outDir;
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('two cold builds', () => {
  it('give the same bytes for every PDF, Word file and ZIP', () => {
    const first = coldBuild('first');
    const second = coldBuild('second');
    const files = downloads(first);
    expect(files.filter((file) => file.endsWith('.docx')).length).toBeGreaterThanOrEqual(9);
    expect(files.filter((file) => file.endsWith('.zip')).length).toBeGreaterThanOrEqual(3);
    expect(downloads(second)).toEqual(files);
    const differing = files.filter((file) => !readFileSync(join(first, file)).equals(readFileSync(join(second, file))));
    expect(differing, relative(projectRoot, first)).toEqual([]);
  }, 900_000);
});
