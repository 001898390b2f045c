/**
 * Pagefind numbers pages in the order it is given them (from a folder: the order the file system
 * lists it). The build renumbers them in path order, so the bundle is the same whatever that order.
 */
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { rewrite, type PageOrder } from '../../../src/integrations/pagefind.ts';

afterAll(() => pagefind.close());

/** Pages of a small archive: filters, a sort with equal dates, spellings that differ only in tone marks. */
const PAGES: { path: string; date: string; year: string; text: string; title: string }[] = [
  {
    path: 'thang/2026-09/thoi-su/index.html',
    date: '2026-08-28',
    year: '2026',
    title: 'Bão số 5',
    text: 'Chi bộ báo cáo thiệt hại sau bão và bảo vệ đê điều.',
  },
  {
    path: 'thang/2026-10/thoi-su/index.html',
    date: '2026-09-28',
    year: '2026',
    title: 'Thời sự',
    text: 'Bảo đảm an toàn đê điều, đảng viên đi đầu.',
  },
  {
    path: 'thang/2026-10/ky-niem/index.html',
    date: '2026-09-28',
    year: '2026',
    title: 'Kỷ niệm',
    text: 'Kỷ niệm ngày thành lập Đảng, báo cáo viên trình bày.',
  },
  {
    path: 'thang/2025-12/hoc-tap/index.html',
    date: '2025-11-28',
    year: '2025',
    title: 'Học tập',
    text: 'Học tập và làm theo Bác, đảng viên tự giác.',
  },
  {
    path: 'chuyen-de/2026/index.html',
    date: '2026-01-05',
    year: '2026',
    title: 'Chuyên đề năm',
    text: 'Chuyên đề bảo vệ nền tảng tư tưởng của Đảng.',
  },
];

const html = (page: (typeof PAGES)[number]) =>
  `<!doctype html><html lang="vi"><head><title>${page.title}</title></head><body><main data-pagefind-body>` +
  `<h1 data-pagefind-meta="title">${page.title}</h1><p>${page.text}</p>` +
  `<span data-pagefind-filter="nam" hidden>${page.year}</span>` +
  `<span data-pagefind-sort="ngay:${page.date}" hidden></span></main></body></html>`;

const RECORD = {
  url: '/thang/2026-10/bien-ban.docx',
  content: 'Biên bản sinh hoạt chi bộ tháng 10',
  language: 'vi',
  meta: { title: 'Biên bản' },
  filters: { nam: ['2026'] },
  sort: { ngay: '2026-09-28' },
};

const sorted = [...PAGES].sort((a, b) => (a.path < b.path ? -1 : 1));
const url = (path: string) => `/${path.replace(/index\.html$/, '')}`;
const ORDER: PageOrder = {
  rank: new Map([...sorted.map((page, i) => [url(page.path), i] as const), [RECORD.url, sorted.length]]),
  sortValue: (sort, address) =>
    sort === 'ngay'
      ? address === RECORD.url
        ? RECORD.sort.ngay
        : PAGES.find((p) => url(p.path) === address)?.date
      : undefined,
};

/** Indexes the pages in the order given, then the record; returns the bundle rewritten as the build does. */
async function bundle(pages: readonly (typeof PAGES)[number][], order?: PageOrder): Promise<Map<string, string>> {
  const { index } = await pagefind.createIndex({ forceLanguage: 'vi' });
  if (!index) throw new Error('no index');
  for (const page of pages) await index.addHTMLFile({ sourcePath: page.path, content: html(page) });
  await index.addCustomRecord(RECORD);
  const { files } = await index.getFiles();
  await index.deleteIndex();
  const output = new Map(files.map((file) => [file.path, file.content] as const));
  rewrite(output, order);
  return new Map([...output].map(([path, bytes]) => [path, Buffer.from(bytes).toString('base64')] as const));
}

describe('the search bundle whatever order Pagefind read the pages in', () => {
  it('is the same once the pages are renumbered in path order', async () => {
    const inOrder = await bundle(sorted, ORDER);
    const reversed = await bundle([...sorted].reverse(), ORDER);
    const shuffled = await bundle(
      [sorted[2], sorted[0], sorted[4], sorted[1], sorted[3]].flatMap((p) => (p ? [p] : [])),
      ORDER,
    );
    expect([...reversed.keys()].sort()).toEqual([...inOrder.keys()].sort());
    expect(Object.fromEntries(reversed)).toEqual(Object.fromEntries(inOrder));
    expect(Object.fromEntries(shuffled)).toEqual(Object.fromEntries(inOrder));
  }, 60_000);

  it('is Pagefind’s own when it read the pages in path order', async () => {
    // Word chunks and pf_meta; filter files are compressed again, so only their names (in pf_meta) compare.
    const words = (files: Map<string, string>) =>
      Object.fromEntries([...files].filter(([path]) => path.startsWith('index/') || path.endsWith('.pf_meta')));
    expect(words(await bundle(sorted, ORDER))).toEqual(words(await bundle(sorted)));
  }, 60_000);

  it('differs without the renumbering (so the test above can fail)', async () => {
    const inOrder = await bundle(sorted);
    const reversed = await bundle([...sorted].reverse());
    expect(Object.fromEntries(reversed)).not.toEqual(Object.fromEntries(inOrder));
  }, 60_000);

  it('refuses a page it was not told the place of', async () => {
    const partial: PageOrder = { ...ORDER, rank: new Map([...ORDER.rank].slice(1)) };
    await expect(bundle(sorted, partial)).rejects.toThrow(/not given/);
  }, 60_000);
});
