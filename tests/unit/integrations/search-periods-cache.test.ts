import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderSnapshot } from '../../support/files.ts';
import { buildSearchIndex, searchCodeHash } from '../../../src/integrations/pagefind.ts';

let work = '';
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'search-periods-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A built site of three dated pages, two months apart, so a one-month newest period leaves an older one. */
function site(name: string): string {
  const root = join(work, name);
  const pages: [string, string, string][] = [
    ['thang/2026-11/thoi-su', '2026-10-28', 'Chi bộ bàn việc làm đường bê tông liên thôn trước mùa mưa.'],
    ['thang/2026-09/ky-niem', '2026-08-28', 'Kỷ niệm ngày Quốc khánh, ôn lại truyền thống cách mạng của quê hương.'],
    ['thang/2026-07/hoc-tap-bac', '2026-06-28', 'Học tập và làm theo tấm gương đạo đức, phong cách Hồ Chí Minh.'],
  ];
  for (const [path, date, text] of pages) {
    mkdirSync(join(root, path), { recursive: true });
    writeFileSync(
      join(root, path, 'index.html'),
      `<!doctype html><html lang="vi"><head><title>${path}</title></head><body><main data-pagefind-body><h1>${path}</h1><p>${text}</p><span data-pagefind-sort="ngay:${date}" hidden></span></main></body></html>`,
    );
  }
  return root;
}

describe('search periods kept between builds', () => {
  it('reuses an unchanged period, and indexes again one whose kept files were edited in place', async () => {
    const cacheDir = join(work, 'cache');
    const first = site('first');
    const built = await buildSearchIndex(first, { recentMonths: 1, cacheDir });
    expect(built).toMatchObject({ reused: 0, olderPages: 2 });
    // Read now: the kept copies are the same files (hard links), which the edit below changes.
    const expected = folderSnapshot(join(first, 'pagefind'));
    const second = site('second');
    expect(await buildSearchIndex(second, { recentMonths: 1, cacheDir })).toMatchObject({ reused: 2 });
    expect(folderSnapshot(join(second, 'pagefind'))).toEqual(expected);

    // A served file of the older period changed in place (it is the kept copy too).
    const entry = join(second, 'pagefind/truoc/pagefind-entry.json');
    writeFileSync(entry, `${readFileSync(entry, 'utf8')} `);
    const third = site('third');
    expect(await buildSearchIndex(third, { recentMonths: 1, cacheDir })).toMatchObject({ reused: 1 });
    expect(folderSnapshot(join(third, 'pagefind'))).toEqual(expected);
  }, 60_000);

  it('indexes again when a page changed', async () => {
    const cacheDir = join(work, 'cache-2');
    await buildSearchIndex(site('a'), { recentMonths: 1, cacheDir });
    const changed = site('b');
    const page = join(changed, 'thang/2026-07/hoc-tap-bac/index.html');
    writeFileSync(page, readFileSync(page, 'utf8').replace('đạo đức', 'ý chí'));
    // The older period holds the changed page; the newest one is unchanged.
    expect(await buildSearchIndex(changed, { recentMonths: 1, cacheDir })).toMatchObject({ reused: 1 });
  }, 60_000);

  it('says when Pagefind has the pages, before the index is written, and also when everything was reused', async () => {
    // The build's next steps wait for this signal (pagefindSearch's start hook), so it must come while
    // Pagefind is still indexing, and must come at all when nothing is indexed.
    const cacheDir = join(work, 'cache-3');
    const events: string[] = [];
    // While Pagefind reads, the folder of links to the pages it was given is there and the bundle is not.
    const indexed = (root: string) => () =>
      events.push(
        existsSync(join(root, 'pagefind/pagefind-entry.json'))
          ? 'written'
          : existsSync(join(cacheDir, 'pages'))
            ? 'handed over'
            : 'too early',
      );
    const first = site('c');
    await buildSearchIndex(first, { recentMonths: 1, cacheDir, onIndexing: indexed(first) }).then(() =>
      events.push('done'),
    );
    expect(events[0]).toBe('handed over');
    expect(events.at(-1)).toBe('done');
    events.length = 0;
    const second = site('d');
    await buildSearchIndex(second, { recentMonths: 1, cacheDir, onIndexing: indexed(second) }).then(() =>
      events.push('done'),
    );
    expect(events).toEqual(['written', 'done']);
  }, 60_000);
});

describe('searchCodeHash', () => {
  it('changes with any file of the search code, nested ones too, and not with the checkout’s place', () => {
    const src = join(work, 'project-a/src');
    cpSync(resolve('src/integrations/pagefind.ts'), join(src, 'integrations/pagefind.ts'));
    cpSync(resolve('src/lib/search'), join(src, 'lib/search'), { recursive: true });
    cpSync(resolve('src/i18n/vi.ts'), join(src, 'i18n/vi.ts'));
    cpSync(resolve('package-lock.json'), join(src, '../package-lock.json'));
    const before = searchCodeHash(src);
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    cpSync(join(work, 'project-a'), join(work, 'project-b'), { recursive: true });
    expect(searchCodeHash(join(work, 'project-b/src'))).toBe(before);
    mkdirSync(join(src, 'lib/search/nested'));
    writeFileSync(join(src, 'lib/search/nested/extra.ts'), 'export const extra = 1;\n');
    expect(searchCodeHash(src)).not.toBe(before);
  });

  it('gives nothing to reuse by when a file cannot be read', () => {
    const src = join(work, 'project-c/src');
    mkdirSync(join(src, 'lib/search'), { recursive: true });
    expect(searchCodeHash(src)).toBeUndefined();
  });
});
