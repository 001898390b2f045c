/**
 * A period whose pages mostly stayed the same is updated by indexing only its changed pages and
 * merging them into the kept index (src/lib/search/merge.ts). The bundle must be the one a build
 * with no cache writes, byte for byte; where the merge could not promise that, the period is indexed
 * whole. Each case builds with the cache, then without, and compares.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderSnapshot } from '../../support/files.ts';
import { buildSearchIndex } from '../../../src/integrations/pagefind.ts';

let work = '';
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'search-merge-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Page {
  /** A page Pagefind skips (no data-pagefind-body): the home page, a printable month. */
  whole?: boolean;
  date: string;
  title: string;
  text: string;
  kind?: string;
  image?: string;
}

/** 24 section pages of eight months, a topic, and a month page (with its minutes file, so a record too). */
function pages(): Record<string, Page> {
  const months = ['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
  const sections = [
    ['thoi-su', 'Thời sự trong tháng', 'Chi bộ bàn việc làm đường bê tông liên thôn, bảo đảm đê điều trước mùa mưa.'],
    [
      'hoc-tap-bac',
      'Học tập Bác',
      'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; đảng viên nêu gương.',
    ],
    [
      'ky-niem',
      'Kỷ niệm',
      'Kỷ niệm ngày thành lập Đảng, ôn lại truyền thống cách mạng của quê hương, hoá giải khó khăn.',
    ],
  ];
  const all: Record<string, Page> = {};
  months.forEach((month, m) => {
    for (const [slug, title, text] of sections) {
      all[`thang/${month}/${slug}/index.html`] = {
        date: `${month}-0${m + 1}`,
        title: `${title} ${m + 1}/2026`,
        text: `${text} Tháng ${m + 4} năm 2026.`,
        kind: 'Tài liệu tháng',
        ...(slug === 'ky-niem' && month === '2026-08' ? { image: '/anh/co-dang.webp' } : {}),
      };
    }
  });
  all['thang/2026-11/index.html'] = {
    date: '2026-11-04',
    title: 'Tài liệu tháng 11/2026',
    text: 'Mục lục tài liệu sinh hoạt chi bộ tháng 11 năm 2026.',
    kind: 'Tài liệu tháng',
  };
  all['index.html'] = {
    whole: true,
    date: '',
    title: 'Trang chủ',
    text: 'Tài liệu sinh hoạt chi bộ mới nhất: tháng 11 năm 2026.',
  };
  all['chuyen-de/2026/index.html'] = {
    date: '2026-01-05',
    title: 'Chuyên đề năm 2026',
    text: 'Chuyên đề về bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác quan điểm sai trái.',
    kind: 'Chuyên đề',
  };
  return all;
}

const html = (page: Page) =>
  page.whole
    ? `<!doctype html><html lang="vi"><head><title>t</title></head><body><h1>${page.title}</h1><p>${page.text}</p></body></html>`
    : '<!doctype html><html lang="vi"><head><title>t</title></head><body><main data-pagefind-body>' +
      `<h1 data-pagefind-meta="title">${page.title}</h1><p>${page.text}</p>` +
      (page.image ? `<img data-pagefind-meta="image[src]" src="${page.image}" alt="">` : '') +
      `<span data-pagefind-filter="nam" hidden>${page.date.slice(0, 4)}</span>` +
      (page.kind ? `<span data-pagefind-filter="loai" hidden>${page.kind}</span>` : '') +
      `<span data-pagefind-sort="ngay:${page.date}" hidden></span></main></body></html>`;

let sites = 0;
/** Writes a built site of `all` pages, with the minutes file of every month page. */
function site(all: Record<string, Page>): string {
  const root = join(work, `site-${++sites}`);
  for (const [path, page] of Object.entries(all)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), html(page));
    const month = /^thang\/(\d{4}-\d{2})\/index\.html$/.exec(path)?.[1];
    if (month) writeFileSync(join(root, 'thang', month, `bien-ban-sinh-hoat-chi-bo-${month}.docx`), 'docx');
  }
  return root;
}

/** Builds `all` with the cache, then a copy without it; returns the first build's result and both bundles. */
async function both(all: Record<string, Page>, cacheDir: string, recentMonths?: number) {
  const cached = site(all);
  const result = await buildSearchIndex(cached, { cacheDir, ...(recentMonths ? { recentMonths } : {}) });
  const fresh = join(work, `fresh-${sites}`);
  cpSync(cached, fresh, { recursive: true });
  rmSync(join(fresh, 'pagefind'), { recursive: true });
  await buildSearchIndex(fresh, recentMonths ? { recentMonths } : {});
  return { result, merged: folderSnapshot(join(cached, 'pagefind')), whole: folderSnapshot(join(fresh, 'pagefind')) };
}

/** A cache holding the index of the starting site. */
async function startingCache(name: string, recentMonths?: number): Promise<string> {
  const cacheDir = join(work, name);
  const first = await buildSearchIndex(site(pages()), { cacheDir, ...(recentMonths ? { recentMonths } : {}) });
  expect(first.updatedPages).toBe(0);
  return cacheDir;
}

describe('a period updated with its changed pages', () => {
  it('gives the bundle of a build without cache after a text edit with new words and spellings', async () => {
    const cacheDir = await startingCache('cache-text');
    const all = pages();
    const page = all['thang/2026-10/thoi-su/index.html'] as Page;
    page.text += ' Hóa giải mâu thuẫn, đoàn kết; đường điện, đê đập được tu bổ xong.';
    const { result, merged, whole } = await both(all, cacheDir);
    expect(result.updatedPages).toBe(1);
    expect(merged).toEqual(whole);
  }, 60_000);

  it('gives it after a title edit, an image field gained, a date and filter moved, a page added and one removed', async () => {
    const cacheDir = await startingCache('cache-mixed');
    const all = pages();
    (all['thang/2026-09/thoi-su/index.html'] as Page).title = 'Thời sự: bão số 5 và đê điều';
    (all['thang/2026-09/hoc-tap-bac/index.html'] as Page).image = '/anh/bac-ho.webp';
    Object.assign(all['thang/2026-08/ky-niem/index.html'] as Page, { date: '2026-10-02', kind: 'Chuyên đề' });
    all['thang/2026-11/dia-phuong/index.html'] = {
      date: '2026-11-04',
      title: 'Thông tin địa phương',
      text: 'Phần do chi bộ tự viết: tình hình nổi bật, tâm tư của Nhân dân.',
      kind: 'Tài liệu tháng',
    };
    delete all['thang/2026-10/hoc-tap-bac/index.html'];
    const { result, merged, whole } = await both(all, cacheDir);
    expect(result.updatedPages).toBe(4);
    expect(merged).toEqual(whole);
  }, 60_000);

  it('gives it after a new month page, whose minutes record is new too', async () => {
    const cacheDir = await startingCache('cache-record');
    const all = pages();
    all['thang/2026-10/index.html'] = {
      date: '2026-10-03',
      title: 'Tài liệu tháng 10/2026',
      text: 'Mục lục tài liệu sinh hoạt chi bộ tháng 10 năm 2026.',
      kind: 'Tài liệu tháng',
    };
    const { result, merged, whole } = await both(all, cacheDir);
    // The month page and its minutes record.
    expect(result.updatedPages).toBe(2);
    expect(merged).toEqual(whole);
  }, 60_000);
});

describe('two periods when a new month comes', () => {
  it('merges the month that moved into the older period, and the bundles are a whole build’s', async () => {
    // Three months in the newest period: September to November, then October to December.
    const cacheDir = await startingCache('cache-periods', 3);
    const all = pages();
    for (const slug of ['thoi-su', 'hoc-tap-bac', 'ky-niem']) {
      all[`thang/2026-12/${slug}/index.html`] = {
        date: '2026-12-02',
        title: `Tài liệu ${slug} 12/2026`,
        text: 'Tổng kết công tác năm, phương hướng nhiệm vụ năm sau của chi bộ.',
        kind: 'Tài liệu tháng',
      };
    }
    const { result, merged, whole } = await both(all, cacheDir, 3);
    // The older period took September's three pages in; the newest changed by half and was indexed whole.
    expect(result).toMatchObject({ updatedPages: 3, olderPages: 19 });
    expect(merged).toEqual(whole);
    expect(Object.keys(merged).filter((path) => path.startsWith('truoc/fragment/')).length).toBe(19);
  }, 60_000);
});

describe('a page Pagefind skips', () => {
  it('changed alone, leaves the period as it was (reused, not merged, so never read whole)', async () => {
    const cacheDir = await startingCache('cache-skipped');
    const all = pages();
    (all['index.html'] as Page).text = 'Chú ý: lịch sinh hoạt chi bộ tháng 12 dời sang ngày 5.';
    const { result, merged, whole } = await both(all, cacheDir);
    expect(result).toMatchObject({ reused: 1, updatedPages: 0 });
    expect(merged).toEqual(whole);
    expect(Object.keys(merged).join('\n')).toContain('fragment/');
  }, 60_000);

  it('changed with another page, is not given to Pagefind: only the other page is merged', async () => {
    const cacheDir = await startingCache('cache-skipped-2');
    const all = pages();
    (all['index.html'] as Page).text = 'Chú ý: lịch sinh hoạt chi bộ tháng 12 dời sang ngày 5.';
    (all['thang/2026-10/thoi-su/index.html'] as Page).text += ' Thêm một câu.';
    const { result, merged, whole } = await both(all, cacheDir);
    expect(result.updatedPages).toBe(1);
    expect(merged).toEqual(whole);
  }, 60_000);
});

describe('a period indexed whole instead', () => {
  it('when a filter gains a value the kept index does not have', async () => {
    const cacheDir = await startingCache('cache-value');
    const all = pages();
    (all['chuyen-de/2026/index.html'] as Page).date = '2027-01-05';
    const { result, merged, whole } = await both(all, cacheDir);
    expect(result.updatedPages).toBe(0);
    expect(merged).toEqual(whole);
  }, 60_000);

  it('when a value of a filter is left without pages', async () => {
    const cacheDir = await startingCache('cache-empty');
    const all = pages();
    // The topic was the only page of its kind.
    (all['chuyen-de/2026/index.html'] as Page).kind = 'Tài liệu tháng';
    const { result, merged, whole } = await both(all, cacheDir);
    expect(result.updatedPages).toBe(0);
    expect(merged).toEqual(whole);
  }, 60_000);

  it('when the only page with a metadata field loses it', async () => {
    const cacheDir = await startingCache('cache-field');
    const all = pages();
    delete (all['thang/2026-08/ky-niem/index.html'] as Page).image;
    const { result, merged, whole } = await both(all, cacheDir);
    expect(result.updatedPages).toBe(0);
    expect(merged).toEqual(whole);
  }, 60_000);

  it('when more than a quarter of the pages changed', async () => {
    const cacheDir = await startingCache('cache-many');
    const all = pages();
    for (const path of Object.keys(all).slice(0, 8)) (all[path] as Page).text += ' Thêm một câu.';
    const { result, merged, whole } = await both(all, cacheDir);
    expect(result.updatedPages).toBe(0);
    expect(merged).toEqual(whole);
  }, 60_000);

  it('when a file of the kept state or a kept fragment was changed', async () => {
    const damage: ((cacheDir: string) => void)[] = [
      (cacheDir) => {
        const state = join(cacheDir, 'recent/state.json');
        writeFileSync(state, readFileSync(state, 'utf8').replace('"body":true', '"body":false'));
      },
      // Still a valid word list, of no page.
      (cacheDir) => writeFileSync(join(cacheDir, 'recent/words.vi.cbor'), Buffer.from([0x81, 0x80])),
      (cacheDir) => {
        const folder = join(cacheDir, 'recent/files/fragment');
        const first = readdirSync(folder).sort()[0] ?? '';
        // The kept copy is a link to a served file: written in place, as an editor would.
        writeFileSync(join(folder, first), Buffer.concat([readFileSync(join(folder, first)), Buffer.from([0])]));
      },
    ];
    for (const [i, harm] of damage.entries()) {
      const cacheDir = await startingCache(`cache-damaged-${i}`);
      harm(cacheDir);
      const all = pages();
      (all['thang/2026-10/thoi-su/index.html'] as Page).text += ' Thêm một câu.';
      const { result, merged, whole } = await both(all, cacheDir);
      expect(result.updatedPages, `damage ${i}`).toBe(0);
      expect(merged).toEqual(whole);
    }
  }, 120_000);
});
