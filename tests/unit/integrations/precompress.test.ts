import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { precompressDir } from '../../../src/integrations/precompress.ts';

let work = '';
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'precompress-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** A small site: two pages (one the copy of the other) and a file too small to compress. */
function site(name: string, page = 'Tài liệu sinh hoạt chi bộ tháng 11. '.repeat(60)): string {
  const root = join(work, name);
  mkdirSync(join(root, 'thang'), { recursive: true });
  writeFileSync(join(root, 'index.html'), `<p>${page}</p>`);
  writeFileSync(join(root, 'thang/index.html'), `<p>${page}</p>`);
  writeFileSync(join(root, 'nho.json'), '{}');
  return root;
}

/** Every cached copy, by path inside the cache. */
const cacheFiles = (cache: string) =>
  readdirSync(cache, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));

describe('precompressDir with a cache', () => {
  it('writes .gz and .br that decompress to the file, and makes each only once for equal bytes', async () => {
    const root = site('a');
    const cache = join(work, 'cache');
    // Four at a time, as the build runs it: the second page waits for the first one's copies.
    const report = await precompressDir(root, 4, cache);
    const html = readFileSync(join(root, 'index.html'));
    expect(gunzipSync(readFileSync(join(root, 'index.html.gz'))).equals(html)).toBe(true);
    expect(brotliDecompressSync(readFileSync(join(root, 'index.html.br'))).equals(html)).toBe(true);
    expect(readFileSync(join(root, 'thang/index.html.br')).equals(readFileSync(join(root, 'index.html.br')))).toBe(
      true,
    );
    // The second page has the first one's bytes: its copies come from the cache.
    expect(report).toMatchObject({ files: 2, compressed: 1, reused: 1 });
    expect(statSync(join(root, 'nho.json.gz'), { throwIfNoEntry: false })).toBeUndefined();
    expect(cacheFiles(cache)).toHaveLength(2);
  });

  it('gives the next build the same bytes from the cache, compressing nothing', async () => {
    const cache = join(work, 'cache');
    const first = site('first');
    await precompressDir(first, 4, cache);
    const next = site('next');
    const report = await precompressDir(next, 4, cache);
    expect(report).toMatchObject({ compressed: 0, reused: 2 });
    for (const suffix of ['.gz', '.br'])
      expect(
        readFileSync(join(next, `index.html${suffix}`)).equals(readFileSync(join(first, `index.html${suffix}`))),
      ).toBe(true);
  });

  it('never changes a cached copy when a page that shares it is compressed again with new bytes', async () => {
    const cache = join(work, 'cache');
    const root = site('a');
    await precompressDir(root, 1, cache);
    const [cachedGz] = cacheFiles(cache).filter((file) => file.endsWith('.gz'));
    // The page's .gz is the cached copy itself (a hard link), which makes the danger real.
    expect(statSync(join(root, 'index.html.gz')).ino).toBe(statSync(cachedGz as string).ino);
    const oldHtml = readFileSync(join(root, 'index.html'));
    // The page changes; its .gz (linked to the cached copy) is made again for the new bytes.
    writeFileSync(join(root, 'index.html'), '<p>Bản đính chính: ngày họp chuyển sang thứ Sáu.</p>'.repeat(20));
    const report = await precompressDir(root, 4, cache);
    expect(report.compressed).toBe(1);
    expect(gunzipSync(readFileSync(join(root, 'index.html.gz'))).equals(readFileSync(join(root, 'index.html')))).toBe(
      true,
    );
    expect(gunzipSync(readFileSync(cachedGz as string)).equals(oldHtml)).toBe(true);
  });

  it('makes both copies again when the cache holds only one of them', async () => {
    const cache = join(work, 'cache');
    await precompressDir(site('first'), 4, cache);
    for (const file of cacheFiles(cache)) if (file.endsWith('.br')) rmSync(file);
    const next = site('next');
    const report = await precompressDir(next, 1, cache);
    expect(report).toMatchObject({ compressed: 1, reused: 1 });
    expect(
      brotliDecompressSync(readFileSync(join(next, 'index.html.br'))).equals(readFileSync(join(next, 'index.html'))),
    ).toBe(true);
    expect(cacheFiles(cache)).toHaveLength(2);
  });

  it('drops cached copies the build did not use', async () => {
    const cache = join(work, 'cache');
    await precompressDir(site('first'), 4, cache);
    const before = cacheFiles(cache);
    // As if made by a build an hour ago (a build keeps what it touched since it started).
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const file of before) utimesSync(file, hourAgo, hourAgo);
    await precompressDir(site('other', 'Hướng dẫn học tập chuyên đề năm 2026. '.repeat(60)), 4, cache);
    const after = cacheFiles(cache);
    expect(after).toHaveLength(2);
    expect(after.some((file) => before.includes(file))).toBe(false);
  });
});
