import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { guardedContext, useBrowser } from '../support/browser.ts';
import { t } from '../../src/i18n/vi.ts';
import {
  EAGER_SCREENS,
  FILTERS_PREFIX,
  FIRST_SCREEN_MARK,
  PACK_FILE,
  RANGES_PREFIX,
  SEARCH_SCRIPT,
} from '../../src/lib/search/bundle.ts';
import { SEARCH_RANKING } from '../../src/lib/search/url.ts';
import { SEARCH_HOOK } from '../../src/lib/search/scripts.ts';
import { OLDER_FOLDER, monthLabel } from '../../src/lib/search/periods.ts';
import { buildSearchIndex } from '../../src/integrations/pagefind.ts';
import { startNginx } from '../support/nginx.ts';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const baseURL = inject('baseURL');
let context: BrowserContext;
let foreignRequests: string[];
let page: Page;

const browser = useBrowser();

beforeAll(async () => {
  ({ context, foreignRequests } = await guardedContext(browser(), baseURL));
  page = await context.newPage();
});
afterAll(async () => {
  expect(foreignRequests).toEqual([]);
});

const RESULT_LINKS = 'pagefind-results:not([instance]) .search-result a';
/** The older period's results, listed apart below. */
const OLDER = 'pagefind-results[instance] .search-result a';
/** The count a results summary states ("12 kết quả cho …"). */
const resultCount = async (target: Page, selector: string) =>
  Number(/(\d+) kết quả/.exec((await target.locator(selector).textContent()) ?? '')?.[1] ?? Number.NaN);

/** Opens the search page with the given query string and waits for results or "no results". */
async function openSearch(search: string): Promise<void> {
  await page.goto(`/tim-kiem/${search}`);
  const summary = page.locator('pagefind-summary:not([instance])');
  await page.waitForFunction(() =>
    /kết quả/.test(document.querySelector('pagefind-summary:not([instance])')?.textContent ?? ''),
  );
  // The first result itself, not whichever arrived first: results load a few at a time.
  if (!(await summary.textContent())?.includes('Không'))
    await page.locator('pagefind-results:not([instance]) .pf-results > li').first().locator('a').waitFor();
}

/**
 * The /pagefind/ files a page fetched until it marked the first screen of its last query's results
 * drawn (FIRST_SCREEN_MARK), by its own resource timings: what the first query's budget counts. The
 * results further down, loaded after the mark, are not among them.
 */
async function firstScreenPaths(target: Page): Promise<string[]> {
  await target.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, FIRST_SCREEN_MARK);
  return target.evaluate((mark) => {
    const at = Math.max(...performance.getEntriesByName(mark).map((entry) => entry.startTime));
    return performance
      .getEntriesByType('resource')
      .filter((entry) => entry.startTime <= at)
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.startsWith('/pagefind/'));
  }, FIRST_SCREEN_MARK);
}

/**
 * The result URLs of a query, in order, all of them: the site's search (the page's hook around
 * Pagefind, src/lib/search/ranked-search.ts) on Pagefind's API with the site's ranking weights.
 */
async function rankedUrls(query: string): Promise<string[]> {
  if (new URL(page.url()).pathname !== '/tim-kiem/') await page.goto('/tim-kiem/');
  // A string, not a function: the test runner would rewrite a dynamic import() inside a function.
  const script = `(async () => {
    const pagefind = await import('/pagefind/pagefind.js');
    await pagefind.options({ ranking: ${JSON.stringify(SEARCH_RANKING)} });
    const search = await window[${JSON.stringify(SEARCH_HOOK)}]({ ...pagefind }).search(${JSON.stringify(query)});
    const data = await Promise.all(search.results.map((result) => result.data()));
    return data.map((item) => item.url);
  })()`;
  return page.evaluate(script) as Promise<string[]>;
}

/** True when the indexed text of the page (its body minus ignored parts) holds the exact word. */
async function holdsExactWord(url: string, word: string): Promise<boolean> {
  return page.evaluate(
    async ({ url, word }) => {
      const html = await (await fetch(url)).text();
      const body = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-pagefind-body]');
      for (const ignored of body?.querySelectorAll('[data-pagefind-ignore]') ?? []) ignored.remove();
      // Text node by text node, as Pagefind reads it: adjacent elements never glue their words together.
      const walker = document.createTreeWalker(body ?? document.createElement('div'), NodeFilter.SHOW_TEXT);
      const texts: string[] = [];
      while (walker.nextNode()) texts.push(walker.currentNode.textContent ?? '');
      const words = new Set(
        texts
          .join(' ')
          .normalize('NFC')
          .toLowerCase()
          .split(/[^\p{L}\p{M}]+/u),
      );
      return words.has(word);
    },
    { url, word },
  );
}

// Each query finds the page a reader would expect first: typed without diacritics, with đ as d,
// in upper case, as a phrase, in decomposed Unicode, or with the other tone-mark placement.
const FIRST_RESULTS: Array<[string, string]> = [
  ['Bac Ho quy trong thoi gian', '/hoc-tap-bac/bac-ho-quy-trong-thoi-gian/'],
  ['bác hồ quý trọng thời gian', '/hoc-tap-bac/bac-ho-quy-trong-thoi-gian/'],
  ['BÁC HỒ QUÝ TRỌNG THỜI GIAN', '/hoc-tap-bac/bac-ho-quy-trong-thoi-gian/'],
  ['thieu nien nhi dong', '/hoc-tap-bac/bac-ho-voi-thieu-nien-nhi-dong/'],
  ['duc tinh tiet kiem', '/hoc-tap-bac/bac-ho-voi-duc-tinh-tiet-kiem/'],
  ['đức tính tiết kiệm', '/hoc-tap-bac/bac-ho-voi-duc-tinh-tiet-kiem/'],
  ['mat tran to quoc', '/thang/2026-11/ky-niem-ngay-truyen-thong-mat-tran-va-ngay-nha-giao/'],
  ['quoc khanh', '/thang/2026-09/ky-niem-cach-mang-thang-tam-va-quoc-khanh/'],
  ['thong tin sai lech', '/thang/2026-10/bao-ve-nen-tang-tinh-tao-truoc-thong-tin-sai-lech/'],
  ['doanh nhan', '/thang/2026-10/ky-niem-ngay-phu-nu-va-ngay-doanh-nhan-viet-nam/'],
  ['ban lieng', '/thang/2026-09/guong-dien-hinh-nguoi-bi-thu-chi-bo-ban-lien/'],
  ['tu soi tu sua', '/thang/2026-11/chuyen-de-tu-soi-tu-sua-trong-kiem-diem-cuoi-nam/'],
  ['dan van', '/chuyen-de/2026/loi-day-cua-bac-ve-cong-tac-dan-van/'],
  ['dân vận', '/chuyen-de/2026/loi-day-cua-bac-ve-cong-tac-dan-van/'],
  ['hoi dap', '/thang/2026-11/hoi-dap/'],
  ['Dang vien gan dan', '/thang/2026-10/chuyen-de-sinh-hoat-chuyen-de-quy-iv/'],
  ['danh gia xep loai dang vien', '/thang/2026-11/hoi-dap/'],
  ['DANH GIA XEP LOAI DANG VIEN', '/thang/2026-11/hoi-dap/'],
  ['dinh huong tuyen truyen', '/thang/2026-10/dinh-huong-tuyen-truyen-thang-10/'],
  ['Nen nep ky cuong', '/thang/2026-09/chuyen-de-nen-nep-ky-cuong-trong-sinh-hoat-chi-bo/'],
  ['su nghiep trong nguoi', '/thang/2026-11/hoc-tap-bac-bac-ho-voi-su-nghiep-trong-nguoi/'],
  ['sự nghiệp trồng người'.normalize('NFD'), '/thang/2026-11/hoc-tap-bac-bac-ho-voi-su-nghiep-trong-nguoi/'],
  ['hoc tap lam theo Bac tiet kiem', '/thang/2026-09/hoc-tap-bac-tiet-kiem-trong-viec-cong/'],
  ['văn bản mới Tỉnh ủy', '/thang/2026-11/van-ban-moi/'],
  ['Dang uy', '/chuyen-de/2026/thuc-trang-va-nhiem-vu-giai-phap-o-tinh-son-lam/'],
];

describe('search page: first result', () => {
  it.each(FIRST_RESULTS)('%s → %s', async (query, expected) => {
    await openSearch(`?q=${encodeURIComponent(query)}`);
    await expect(page.locator(RESULT_LINKS).first().getAttribute('href')).resolves.toBe(expected);
    // The result shows the kind of material and its month or year, and highlights the match.
    const first = page.locator('pagefind-results:not([instance]) .search-result').first();
    await expect(first.locator('.search-result__kind').textContent()).resolves.toMatch(
      /^(Tài liệu tháng · Tháng \d+\/\d{4}|Chuyên đề · Chuyên đề năm \d{4}|Học tập Bác · Năm \d{4})$/,
    );
    await expect(first.locator('mark').count()).resolves.toBeGreaterThan(0);
  });
});

describe('Vietnamese matching', () => {
  it('finds with a query typed without diacritics (đ as d) every page the marked query finds', async () => {
    // Without diacritics a query may find more (dạng, danh…), never less.
    for (const [plain, marked] of [
      ['dang', 'đảng'],
      ['dang vien', 'đảng viên'],
      ['Dang uy', 'Đảng uỷ'],
      ['danh gia', 'đánh giá'],
      ['sinh hoat chi bo', 'sinh hoạt chi bộ'],
      ['hoc tap lam theo Bac', 'học tập và làm theo Bác'],
    ] as const) {
      const found = new Set(await rankedUrls(plain));
      const expected = await rankedUrls(marked);
      expect(expected.length, marked).toBeGreaterThan(0);
      for (const url of expected) expect(found, `${plain} ⊇ ${marked}`).toContain(url);
    }
  });

  it.each([
    ['Tỉnh ủy', 'Tỉnh uỷ'],
    ['hóa', 'hoá'],
    ['thủy', 'thuỷ'],
    ['sinh hoạt chi bộ'.normalize('NFD'), 'sinh hoạt chi bộ'],
  ])('treats %s and %s as the same words', async (one, other) => {
    const found = await rankedUrls(one);
    expect(found.length).toBeGreaterThan(0);
    expect(new Set(found)).toEqual(new Set(await rankedUrls(other)));
  });

  it.each([
    ['đông', 'pages that only have động or đồng'],
    ['đang', 'pages that only have đảng or dạng'],
    ['bác', 'pages that only have bắc or bạc'],
  ])('ranks pages holding %s exactly before %s', async (word) => {
    const urls = await rankedUrls(word);
    const exact = await Promise.all(urls.map((url) => holdsExactWord(url, word)));
    // Both kinds of page are found, so the order says something.
    expect(exact).toContain(true);
    expect(exact).toContain(false);
    expect(exact.lastIndexOf(true)).toBeLessThan(exact.indexOf(false));
  });

  it.each(['Pìn', 'pin', '"Lũng Pìn Sáu"', '"Lung Pin Sau"', '"Nậm Khắt Tư"', '"Nam Khat Tu"'])(
    'finds nothing for a draft or future item: %s',
    async (query) => {
      expect(await rankedUrls(query)).toEqual([]);
      await openSearch(`?q=${encodeURIComponent(query)}`);
      await expect(page.locator('pagefind-summary:not([instance])').textContent()).resolves.toContain(
        'Không tìm thấy kết quả',
      );
      await expect(page.locator(RESULT_LINKS).count()).resolves.toBe(0);
    },
  );
});

/** The result links of the search page for a query, in order. */
async function resultHrefs(query: string): Promise<string[]> {
  await openSearch(`?q=${encodeURIComponent(query)}`);
  // Results within reach load a few at a time after the first screen; on a busy machine they may
  // still be on their way. Wait until none within reach is a placeholder.
  await page.waitForFunction(
    (screens) =>
      [...document.querySelectorAll('.search-result--loading')].every(
        (placeholder) => placeholder.getBoundingClientRect().top >= window.innerHeight * (1 + screens),
      ),
    EAGER_SCREENS,
  );
  return page.locator(RESULT_LINKS).evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
}

/** The indexed text of a page, folded (no marks, đ as d, lower case, single spaces). */
async function foldedText(url: string): Promise<string> {
  return page.evaluate(async (url) => {
    const html = await (await fetch(url)).text();
    const body = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-pagefind-body]');
    for (const ignored of body?.querySelectorAll('[data-pagefind-ignore]') ?? []) ignored.remove();
    const walker = document.createTreeWalker(body ?? document.createElement('div'), NodeFilter.SHOW_TEXT);
    const texts: string[] = [];
    while (walker.nextNode()) texts.push(walker.currentNode.textContent ?? '');
    const text = ` ${texts.join(' ').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd')} `;
    return text.replace(/[^\p{L}\p{N}]+/gu, ' ');
  }, url);
}

const VAN_BAN_10 = '/thang/2026-10/van-ban-moi/';

describe('Vietnamese words: syllables that stand together rank first', () => {
  it.each([
    ['nhan rong mo hinh', 'nhan rong mo hinh'],
    ['chi uy vien', 'chi uy vien'],
    ['tu dien bien tu chuyen hoa', 'tu dien bien tu chuyen hoa'],
    ['dang vien cao tuoi', 'dang vien cao tuoi'],
  ])('%s: the first page holds the phrase, pages with the syllables apart come after', async (query, phrase) => {
    const hrefs = await resultHrefs(query);
    const holds = await Promise.all(hrefs.map(async (href) => (await foldedText(href)).includes(` ${phrase} `)));
    expect(holds[0]).toBe(true);
    // Pages holding every syllable, but apart, are found too: there is something to rank against.
    expect(holds).toContain(false);
    expect(holds.lastIndexOf(true)).toBeLessThan(holds.indexOf(false));
  });

  it.each(['chi uỷ viên', 'chi ủy viên'])(
    '%s typed with marks: the page with the phrase as written first',
    async (query) => {
      const [first] = await resultHrefs(query);
      const html = await page.evaluate(async (url) => (await fetch(url)).text(), first ?? '');
      expect(html.normalize('NFC')).toMatch(/chi (uỷ|ủy) viên/);
    },
  );
});

describe('document numbers', () => {
  it.each([
    '10-CT/TW',
    '10 CT/TW',
    '10ct/tw',
    '10 ct tw',
    'Chỉ thị 10',
    '18-KL/TW',
    'Quy định 144',
    'quy dinh so 144',
    'Nghị quyết 21-NQ/TW',
    '21 nq tw',
  ])('%s finds the page that cites it', async (query) => {
    await expect(resultHrefs(query).then((hrefs) => hrefs[0])).resolves.toBe(VAN_BAN_10);
  });

  it.each(['12-HD/BTCTW', 'Hướng dẫn 12 HD BTCTW', '12hd/btctw'])(
    '%s: the page whose title cites it first, then pages that cite it in the text',
    async (query) => {
      const hrefs = await resultHrefs(query);
      expect(hrefs[0]).toBe(VAN_BAN_10);
      expect(hrefs).toContain('/thang/2026-11/hoi-dap/');
    },
  );
});

describe('the meeting kit', () => {
  it.each([
    [
      'bien ban',
      '/thang/2026-11/bien-ban-sinh-hoat-chi-bo-2026-11.docx',
      /\/thang\/2026-(09|10)\/bien-ban-sinh-hoat-chi-bo-2026-(09|10)\.docx$/,
    ],
    ['ke hoach sinh hoat', '/thang/2026-11/ke-hoach/', /^\/thang\/2026-(09|10)\/ke-hoach\/$/],
    ['tu danh gia', '/thang/2026-11/tu-danh-gia/', /^\/thang\/2026-(09|10)\/tu-danh-gia\/$/],
    ['phieu danh gia', '/thang/2026-11/tu-danh-gia/', /^\/thang\/2026-(09|10)\/tu-danh-gia\/$/],
  ])('%s reaches the newest month first', async (query, newest, older) => {
    const hrefs = await resultHrefs(query);
    expect(hrefs[0]).toBe(newest);
    // The same page of older months is found as well, and comes later.
    expect(hrefs.some((href) => older.test(href))).toBe(true);
    await expect(
      page
        .locator('pagefind-results:not([instance]) .search-result')
        .first()
        .locator('.search-result__kind')
        .textContent(),
    ).resolves.toBe('Tài liệu tháng · Tháng 11/2026');
  });
});

describe('search page behaviour', () => {
  it('keeps the query in the URL as the reader types, so it can be shared and reloaded', async () => {
    await page.goto('/tim-kiem/');
    const input = page.locator('pagefind-input input');
    await input.click();
    await input.pressSequentially('dang vien', { delay: 20 });
    await page.waitForURL(/\?q=dang\+vien$/);
    await page.locator(RESULT_LINKS).first().waitFor();
    const first = await page.locator(RESULT_LINKS).first().getAttribute('href');

    await page.reload();
    await expect(page.locator('pagefind-input input').inputValue()).resolves.toBe('dang vien');
    await page.locator(RESULT_LINKS).first().waitFor();
    await expect(page.locator(RESULT_LINKS).first().getAttribute('href')).resolves.toBe(first);
  });

  it('filters by kind and year from the dropdowns, by keyboard, and keeps them in the URL', async () => {
    await openSearch('?q=bac+ho');
    const kind = page.locator('pagefind-filter-dropdown').first();
    await kind.locator('.pf-dropdown-trigger').focus();
    await page.keyboard.press('Enter');
    const option = kind.locator('[role="option"]', { hasText: 'Học tập Bác' });
    await option.waitFor();
    await expect(option.getAttribute('aria-label')).resolves.toMatch(/^Học tập Bác: \d+ kết quả$/);
    // Move the active option to "Học tập Bác" with the arrow keys, then choose it with Enter.
    for (let i = 0; i < 5 && (await option.getAttribute('class'))?.includes('focused') !== true; i++)
      await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.waitForURL(/loai=H%E1%BB%8Dc\+t%E1%BA%ADp\+B%C3%A1c/);
    // The clear button is drawn once, with the site's wording (vi.ts), not Pagefind's own "Xóa".
    await expect(kind.locator('.pf-dropdown-clear').textContent()).resolves.toBe(t('search.pf.clear_search'));
    await page.waitForFunction(() => {
      const links = [...document.querySelectorAll('pagefind-results:not([instance]) .search-result a')];
      return links.length > 0 && links.every((link) => link.getAttribute('href')?.startsWith('/hoc-tap-bac/'));
    });

    await openSearch('?q=dang+vien&loai=Chuy%C3%AAn+%C4%91%E1%BB%81&nam=2026');
    const hrefs = await page
      .locator(RESULT_LINKS)
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^\/chuyen-de\/2026\//);

    await openSearch('?q=dang+vien&nam=2025');
    await expect(page.locator('pagefind-summary:not([instance])').textContent()).resolves.toContain('Không');
  });

  it('sorts newest first on request', async () => {
    await openSearch('?q=sinh+hoat&sap-xep=moi-nhat');
    await expect(page.locator('[data-search-sort]').inputValue()).resolves.toBe('moi-nhat');
    await expect(page.locator(RESULT_LINKS).first().getAttribute('href')).resolves.toMatch(/^\/thang\/2026-11\//);

    await page.locator('[data-search-sort]').selectOption('');
    await page.waitForURL((url) => !url.search.includes('sap-xep'));
  });

  it('loads search as one script and one pack: a first query on a phone in at most 8 requests', async () => {
    // A phone's screen, as the budget is about weak mobile links: fragments load for visible results only.
    const phone = await guardedContext(browser(), baseURL, { viewport: { width: 390, height: 844 }, isMobile: true });
    const fresh = await phone.context.newPage();
    const requested: string[] = [];
    fresh.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/pagefind/')) requested.push(path);
    });
    await fresh.goto('/tim-kiem/');
    await fresh.waitForLoadState('networkidle');
    // Nobody has searched yet: the pack waits for Pagefind to start.
    expect(requested).toEqual([`/pagefind/${SEARCH_SCRIPT}`]);
    await fresh.locator('pagefind-input input').fill('dang vien');
    await fresh.locator(RESULT_LINKS).first().waitFor();
    await fresh.waitForLoadState('networkidle');
    const first = requested.splice(0);
    // The budget counts the first screen; the results further down load after it.
    const firstScreen = await firstScreenPaths(fresh);
    expect(firstScreen.length, firstScreen.join('\n')).toBeLessThanOrEqual(8);
    expect(firstScreen.filter((path) => path === `/pagefind/${PACK_FILE}`)).toHaveLength(1);
    // No filter data: it waits for a reader who opens a filter.
    expect(first.filter((path) => path.includes('filter'))).toEqual([]);
    // Everything else is the one script, the word chunks in one request and the fragments of the results on screen.
    for (const path of first.filter((item) => item !== `/pagefind/${PACK_FILE}`))
      expect(path).toMatch(
        new RegExp(
          `^/pagefind/(${SEARCH_SCRIPT.replace('.', '\\.')}|${RANGES_PREFIX.replace('.', '\\.')}vi_\\w+\\.pf_pack|fragment/.+)$`,
        ),
      );
    expect(first.filter((path) => path.startsWith(`/pagefind/${RANGES_PREFIX}`))).toHaveLength(1);

    await fresh.locator('pagefind-input input').fill('hoc tap');
    await fresh.waitForFunction(() =>
      document.querySelector('pagefind-summary:not([instance])')?.textContent?.includes('hoc tap'),
    );
    await fresh.waitForLoadState('networkidle');
    // Only the new words' chunks (one joined request, or chunk files) and fragments: no script or pack again.
    const chunkOrFragment = new RegExp(
      `^/pagefind/(index/|fragment/|${RANGES_PREFIX.replace('.', '\\.')}vi_\\w+\\.pf_pack$)`,
    );
    expect(requested.filter((path) => !chunkOrFragment.test(path))).toEqual([]);
    await phone.context.close();
    expect(phone.foreignRequests).toEqual([]);
    expect(phone.cspViolations).toEqual([]);
  });

  it('answers a six-word first query on a phone in at most 8 requests', async () => {
    const phone = await guardedContext(browser(), baseURL, { viewport: { width: 390, height: 844 }, isMobile: true });
    const fresh = await phone.context.newPage();
    const requested: string[] = [];
    fresh.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/pagefind/')) requested.push(path);
    });
    await fresh.goto('/tim-kiem/');
    await fresh.waitForLoadState('networkidle');
    await fresh.locator('pagefind-input input').fill('chi bo nong thon vung bien gioi');
    await fresh.locator(RESULT_LINKS).first().waitFor();
    await fresh.waitForLoadState('networkidle');
    // Six words from all over the index, fetched in one request; the phrase ranking adds no download.
    expect(requested.filter((path) => path.startsWith(`/pagefind/${RANGES_PREFIX}`))).toHaveLength(1);
    expect(requested.filter((path) => path.startsWith('/pagefind/index/'))).toEqual([]);
    const firstScreen = await firstScreenPaths(fresh);
    expect(firstScreen.length, firstScreen.join('\n')).toBeLessThanOrEqual(8);
    await phone.context.close();
  });

  it('draws the results further down as they arrive, in order, without scrolling, with a loading sign until then', async () => {
    const phone = await guardedContext(browser(), baseURL, { viewport: { width: 390, height: 844 }, isMobile: true });
    const fresh = await phone.context.newPage();
    // Each page's text arrives a moment late, as on a weak link: the loading sign must show meanwhile.
    await fresh.route('**/pagefind/fragment/**', async (route) => {
      await new Promise((done) => setTimeout(done, 300));
      await route.continue();
    });
    await fresh.goto('/tim-kiem/?q=chi+bo');
    await fresh.locator(RESULT_LINKS).first().waitFor();
    const slots = fresh.locator('pagefind-results:not([instance]) .pf-results > li');
    const count = await slots.count();
    expect(count).toBeGreaterThan(8);
    const loading = fresh.locator('pagefind-results:not([instance]) .search-result--loading').first();
    await expect(loading.textContent()).resolves.toBe(t('search.resultLoading'));
    await expect(loading.getAttribute('aria-busy')).resolves.toBe('true');
    // Below the first screen (the phone shows about four) and never scrolled to: drawn all the same.
    const below = slots.nth(7);
    await below.locator('a').waitFor({ timeout: 15_000 });
    const box = await below.boundingBox();
    expect(box?.y ?? 0).toBeGreaterThan(844);
    await expect(fresh.evaluate(() => window.scrollY)).resolves.toBe(0);
    // In order: every result above it is drawn too.
    for (let i = 0; i < 7; i++) await expect(slots.nth(i).locator('a').count()).resolves.toBe(1);
    await phone.context.close();
    expect(phone.foreignRequests).toEqual([]);
  });

  it('loads the filter data only when a reader opens a filter, in one request', async () => {
    const fresh = await context.newPage();
    const requested: string[] = [];
    fresh.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await fresh.goto('/tim-kiem/?q=bac+ho');
    await fresh.locator(RESULT_LINKS).first().waitFor();
    await fresh.waitForLoadState('networkidle');
    expect(requested.filter((path) => path.includes('filter'))).toEqual([]);
    const kind = fresh.locator('pagefind-filter-dropdown').first();
    await kind.locator('.pf-dropdown-trigger').click();
    const option = kind.locator('[role="option"]', { hasText: 'Học tập Bác' });
    await option.waitFor();
    await expect(option.getAttribute('aria-label')).resolves.toMatch(/^Học tập Bác: \d+ kết quả$/);
    const filterRequests = requested.filter((path) => path.includes('filter'));
    expect(filterRequests).toHaveLength(1);
    expect(filterRequests[0]).toMatch(
      new RegExp(`^/pagefind/${FILTERS_PREFIX.replace('.', '\\.')}vi_[0-9a-f]{10}\\.pf_pack$`),
    );
    await fresh.close();
  });

  it('suggests dropping a word when no page holds them all, and runs the suggestion', async () => {
    await openSearch(`?q=${encodeURIComponent('quoc khanh tao hon')}`);
    await expect(page.locator('pagefind-summary:not([instance])').textContent()).resolves.toContain(
      'Không tìm thấy kết quả',
    );
    const suggestion = page.locator('[data-search-suggest]:not([hidden]) a').first();
    await expect(page.locator('[data-search-suggest] p').textContent()).resolves.toBe(t('search.suggestDrop'));
    await expect(suggestion.textContent()).resolves.toMatch(/^quoc (khanh|tao|hon)( \w+)+ \(bỏ “\w+”, \d+ kết quả\)$/);
    await suggestion.click();
    await page.locator(RESULT_LINKS).first().waitFor();
    await page.waitForURL(/\?q=quoc\+/);
    await expect(page.locator('[data-search-suggest]').isHidden()).resolves.toBe(true);
  });

  it('suggests the nearest spelling of a word the index does not hold', async () => {
    await openSearch(`?q=${encodeURIComponent('thong tin sai lehc')}`);
    const spelling = page.locator('[data-search-spelling]');
    await spelling.locator('a').waitFor();
    await expect(spelling.textContent()).resolves.toContain(t('search.suggestSpelling'));
    await expect(spelling.locator('a').textContent()).resolves.toBe('thong tin sai lệch');
  });

  it('still searches, file by file, when the pack cannot be had', async () => {
    const fresh = await context.newPage();
    await fresh.route(`**/pagefind/${PACK_FILE}`, (route) => route.fulfill({ status: 404, body: 'Not Found' }));
    const warnings: string[] = [];
    fresh.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    const requested: string[] = [];
    fresh.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await fresh.goto('/tim-kiem/?q=dang+vien');
    await fresh.locator(RESULT_LINKS).first().waitFor();
    expect(requested).toContain('/pagefind/pagefind-entry.json');
    expect(warnings.some((text) => text.startsWith('Search pack unavailable (404)'))).toBe(true);
    await fresh.close();
  });

  it('loads no search code or index on a reading page, and the header box leads to the search page', async () => {
    const reading = await context.newPage();
    const requested: string[] = [];
    reading.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await reading.goto('/thang/2026-11/thoi-su/');
    await reading.locator('#site-search').focus();
    await reading.locator('#site-search').fill('Dang uy');
    expect(requested.filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
    await reading.keyboard.press('Enter');
    await reading.waitForURL(/\/tim-kiem\/\?q=Dang\+uy$/);
    await reading.locator(RESULT_LINKS).first().waitFor();
    await reading.close();
  });
});

/**
 * The index in two periods (src/lib/search/periods.ts). The sample spans months, not years: a copy of
 * the built sample is reindexed with a newest period of two months (from 2026-09), so the pages dated
 * before it go to the older bundle, and served apart.
 */
/**
 * For the describe block it is called in: a copy of the built sample reindexed with a newest period
 * of two months, served by nginx of its own; `prepare` may add pages to the copy before it is indexed.
 */
function splitSite(name: string, prepare?: (work: string) => void): () => { baseURL: string } {
  let split: { baseURL: string; close: () => Promise<void> } | undefined;
  let work = '';
  beforeAll(async () => {
    work = mkdtempSync(join(resolve(import.meta.dirname, '../../.cache'), `${name}-`));
    // nginx's workers read it as another user: a temporary folder is private until opened.
    chmodSync(work, 0o755);
    cpSync(inject('siteDist'), work, { recursive: true });
    prepare?.(work);
    const built = await buildSearchIndex(work, { recentMonths: 2 });
    expect(built.olderPages).toBeGreaterThan(0);
    split = await startNginx(work);
  }, 120_000);
  afterAll(async () => {
    await split?.close();
    rmSync(work, { recursive: true, force: true });
  });
  return () => {
    if (!split) throw new Error(`the split site ${name} is not served`);
    return split;
  };
}

/** The counts of the newest months' list and of the older months' group, as their summaries state them. */
async function groupCounts(tab: Page): Promise<{ recent: number; older: number }> {
  return {
    recent: await resultCount(tab, 'pagefind-summary:not([instance])'),
    older: await resultCount(tab, 'pagefind-summary[instance]'),
  };
}

describe('the older period', () => {
  const split = splitSite('search-periods');

  /** A phone on the split site, recording its /pagefind/ requests. */
  async function openSplit(query: string) {
    const phone = await guardedContext(browser(), split().baseURL, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    const tab = await phone.context.newPage();
    const requested: string[] = [];
    tab.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/pagefind/')) requested.push(path);
    });
    await tab.goto('/tim-kiem/');
    await tab.waitForLoadState('networkidle');
    await tab.locator('pagefind-input input').fill(query);
    return { phone, tab, requested };
  }

  it('answers the first query from the newest months alone, then lists the older ones apart on request, nothing above moving', async () => {
    const { phone, tab, requested } = await openSplit('dang vien');
    await tab.locator(RESULT_LINKS).first().waitFor();
    const section = tab.locator('[data-search-older]');
    await section.waitFor();
    const heading = t('search.olderHeading').replace('{month}', monthLabel('2026-09'));
    await expect(section.locator('h2').textContent()).resolves.toBe(heading);
    await expect(tab.getByRole('region', { name: heading }).count()).resolves.toBe(1);
    const button = section.locator('[data-search-older-load]');
    await expect(button.textContent()).resolves.toBe(t('search.olderButton').replace('{month}', '9/2026'));
    await tab.waitForLoadState('networkidle');
    // The first query fetched nothing of the older bundle, and within the request budget.
    expect(requested.filter((path) => path.startsWith(`/pagefind/${OLDER_FOLDER}`))).toEqual([]);
    const firstScreen = await firstScreenPaths(tab);
    expect(firstScreen.length, firstScreen.join('\n')).toBeLessThanOrEqual(8);
    // Every result of the newest months is dated from 2026-09 on; remember the list and where it stands.
    const links = () =>
      tab.locator(RESULT_LINKS).evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).pathname));
    const before = await links();
    expect(before.some((url) => url.startsWith('/thang/2026-09/'))).toBe(false);
    // The first list drawn to its end first (its results load as the reader nears them), so that any
    // shift from here on is the older group's.
    await button.scrollIntoViewIfNeeded();
    await tab.waitForFunction(
      () => document.querySelectorAll('pagefind-results:not([instance]) .search-result--loading').length === 0,
    );
    await tab.waitForTimeout(300);
    // Where the first result stands in the page (the click below scrolls the window to the button).
    const offset = () =>
      tab
        .locator(RESULT_LINKS)
        .first()
        .evaluate((link) => link.getBoundingClientRect().top + window.scrollY);
    const top = await offset();
    await tab.evaluate(() => {
      const shifts: string[] = [];
      (window as unknown as { shifts: string[] }).shifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { sources?: { node?: Node | null }[] })[])
          for (const source of entry.sources ?? [])
            // The group itself, and what follows it (the footer), may move as it grows: not what is above.
            if (
              source.node instanceof Element &&
              !source.node.closest('[data-search-older]') &&
              !(
                document.querySelector('[data-search-older]')!.compareDocumentPosition(source.node) &
                Node.DOCUMENT_POSITION_FOLLOWING
              )
            )
              shifts.push(source.node.outerHTML.slice(0, 80));
      }).observe({ type: 'layout-shift' });
    });

    await button.click();
    await tab.locator(OLDER).first().waitFor();
    await expect(button.isHidden()).resolves.toBe(true);
    const older = await tab
      .locator(OLDER)
      .evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).pathname));
    // Pages dated before 2026-09 only: none of the issues of 10 and 11/2026 (published from 2026-09).
    expect(older.length).toBeGreaterThan(0);
    expect(older.filter((url) => /^\/thang\/2026-1[01]\//.test(url))).toEqual([]);
    expect(older.filter((url) => before.includes(url))).toEqual([]);
    expect(requested.some((path) => path.startsWith(`/pagefind/${OLDER_FOLDER}`))).toBe(true);
    // Pagefind's wasm comes from the newest period's pack, already here: not fetched again.
    expect(requested.filter((path) => /\/wasm\.[\w-]+\.pagefind$/.test(path))).toEqual([]);
    // The newest months' list did not change or move (more of it may have drawn meanwhile).
    expect((await links()).slice(0, before.length)).toEqual(before);
    await expect(offset()).resolves.toBe(top);
    await tab.waitForTimeout(300);
    await expect(tab.evaluate(() => (window as unknown as { shifts: string[] }).shifts)).resolves.toEqual([]);

    // Complete: the two groups together count what the whole index finds.
    await openSearch('?q=dang+vien');
    const all = await resultCount(page, 'pagefind-summary:not([instance])');
    const { recent, older: olderCount } = await groupCounts(tab);
    expect(recent).toBeGreaterThan(0);
    expect(olderCount).toBeGreaterThan(0);
    expect(recent + olderCount).toBe(all);
    await phone.context.close();
    expect(phone.foreignRequests).toEqual([]);
    expect(phone.cspViolations).toEqual([]);
  });

  it('searches the older months at once when the newest lack a word of the query', async () => {
    // "Liềng" (a hamlet) is only in an issue of 2026-09: the newest months answer with prefixes of it.
    const { phone, tab, requested } = await openSplit('Lieng');
    const group = tab.locator('[data-search-older-results]');
    await group.waitFor();
    // Its results draw as the reader comes near them, like the first list's.
    await group.scrollIntoViewIfNeeded();
    await tab.locator(OLDER).first().waitFor();
    await expect(tab.locator(OLDER).first().getAttribute('href')).resolves.toMatch(/^\/thang\/2026-09\//);
    await expect(tab.locator('[data-search-older-load]').isHidden()).resolves.toBe(true);
    expect(requested.some((path) => path.startsWith(`/pagefind/${OLDER_FOLDER}`))).toBe(true);
    await phone.context.close();
  });

  it('leaves the older months alone for a query the newest months answer', async () => {
    const { phone, tab, requested } = await openSplit('chi bo');
    await tab.locator(RESULT_LINKS).first().waitFor();
    await tab.locator('[data-search-older]').waitFor();
    // Longer than the wait before an automatic search of the older months.
    await tab.waitForTimeout(1500);
    await tab.waitForLoadState('networkidle');
    expect(requested.filter((path) => path.startsWith(`/pagefind/${OLDER_FOLDER}`))).toEqual([]);
    await expect(tab.locator('[data-search-older-results]').isHidden()).resolves.toBe(true);
    await phone.context.close();
  });

  it('offers no older group on a site whose pages all fall within the newest period', async () => {
    await openSearch('?q=dang+vien');
    await expect(page.locator('[data-search-older]').isHidden()).resolves.toBe(true);
  });
});

/**
 * The year filter over both periods. The sample's pages are all of 2026, so a copy of the built site
 * gets one page of 2019 (a study guide's HTML with its year and date changed) before it is indexed in
 * two periods as above: that year is in the older period alone.
 */
describe('the year filter over both periods', () => {
  const OLD_PAGE = '/hoc-tap-bac/bai-hoc-nam-2019/';
  const split = splitSite('search-years', (work) => {
    const guide = readFileSync(join(work, 'hoc-tap-bac/bac-ho-voi-duc-tinh-tiet-kiem/index.html'), 'utf8');
    const dated = guide
      .replace(/<data value="2026"/, '<data value="2019"')
      .replace(/data-pagefind-sort="ngay:2026-\d\d-\d\d"/, 'data-pagefind-sort="ngay:2019-05-19"');
    expect(dated).toContain('<data value="2019"');
    expect(dated).toContain('ngay:2019-05-19');
    mkdirSync(join(work, OLD_PAGE), { recursive: true });
    writeFileSync(join(work, OLD_PAGE, 'index.html'), dated);
  });

  it('offers a year only the older months hold, counted over both periods, and lists its pages at once', async () => {
    const phone = await guardedContext(browser(), split().baseURL, { viewport: { width: 390, height: 844 } });
    const tab = await phone.context.newPage();
    const requested: string[] = [];
    tab.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await tab.goto('/tim-kiem/?q=tiet+kiem');
    await tab.locator(RESULT_LINKS).first().waitFor();
    await tab.waitForLoadState('networkidle');
    // Nothing of the older period until a filter is opened.
    expect(requested.filter((path) => path.startsWith(`/pagefind/${OLDER_FOLDER}`))).toEqual([]);

    const year = tab.locator('pagefind-filter-dropdown').nth(1);
    await year.locator('.pf-dropdown-trigger').click();
    const old = year.locator('[role="option"]', { hasText: '2019' });
    await old.waitFor();
    const optionLabel = (label: string, count: number | string) =>
      t('search.optionCount').replace('{label}', label).replace('{count}', String(count));
    await expect(old.getAttribute('aria-label')).resolves.toBe(optionLabel('2019', 1));
    const label2026 = await year.locator('[role="option"]', { hasText: '2026' }).getAttribute('aria-label');
    const both2026 = Number(new RegExp(`^${optionLabel('2026', '(\\d+)')}$`).exec(label2026 ?? '')?.[1]);
    expect(both2026).toBeGreaterThan(0);

    // Choosing it: the newest months have nothing of 2019; its page is listed below at once.
    await old.click();
    await tab.waitForURL(/nam=2019/);
    await tab.locator(OLDER).first().waitFor();
    await expect(tab.locator(OLDER).evaluateAll((links) => links.map((a) => a.getAttribute('href')))).resolves.toEqual([
      OLD_PAGE,
    ]);
    await expect(tab.locator('pagefind-summary:not([instance])').textContent()).resolves.toBe(
      t('search.pf.zero_results').replace('[SEARCH_TERM]', 'tiet kiem'),
    );

    // A year both periods hold: both lists show at once, and together they hold the count offered.
    await tab.goto('/tim-kiem/?q=tiet+kiem&nam=2026');
    await tab.locator(OLDER).first().waitFor();
    await expect(tab.locator('[data-search-older-load]').isHidden()).resolves.toBe(true);
    const { recent, older } = await groupCounts(tab);
    expect(recent).toBeGreaterThan(0);
    expect(older).toBeGreaterThan(0);
    expect(recent + older).toBe(both2026);
    await phone.context.close();
    expect(phone.foreignRequests).toEqual([]);
    expect(phone.cspViolations).toEqual([]);
  });

  it('keeps every year offered once one is chosen, finds any of several chosen, and counts within the other filter', async () => {
    const phone = await guardedContext(browser(), split().baseURL, { viewport: { width: 390, height: 844 } });
    const tab = await phone.context.newPage();
    const year = tab.locator('pagefind-filter-dropdown').nth(1);
    const yearCount = async (value: string) => {
      const label = await year.locator('[role="option"]', { hasText: value }).getAttribute('aria-label');
      return Number(
        new RegExp(`^${t('search.optionCount').replace('{label}', value).replace('{count}', '(\\d+)')}$`).exec(
          label ?? '',
        )?.[1],
      );
    };
    // The two lists' summaries add up to `expected` (the older one is searched a moment after the first).
    const bothListsHold = (expected: number) =>
      tab.waitForFunction(
        (total) => {
          const count = (selector: string) =>
            Number(/(\d+) /.exec(document.querySelector(selector)?.textContent ?? '')?.[1] ?? 0);
          return count('pagefind-summary:not([instance])') + count('pagefind-summary[instance]') === total;
        },
        expected,
        { timeout: 10_000 },
      );
    const openYears = async () => {
      await year.locator('.pf-dropdown-trigger').click();
      await year.locator('[role="option"]', { hasText: '2026' }).waitFor();
      await year.locator('[role="option"]', { hasText: '2019' }).waitFor();
    };

    // One year chosen: the other is still offered, with what choosing it as well would add.
    await tab.goto('/tim-kiem/?q=tiet+kiem&nam=2019');
    await tab.locator(OLDER).first().waitFor();
    await openYears();
    const only2019 = await yearCount('2019');
    const add2026 = await yearCount('2026');
    expect(only2019).toBe(1);
    expect(add2026).toBeGreaterThan(0);

    // Both chosen: pages of either year, in both lists together.
    await year.locator('[role="option"]', { hasText: '2026' }).click();
    await tab.waitForURL(/nam=2019.*nam=2026|nam=2026.*nam=2019/);
    await bothListsHold(only2019 + add2026);

    // With a kind chosen too, a year's count is of that kind alone, and the lists hold what it says.
    const kind = t('kind.guide');
    await tab.goto(`/tim-kiem/?q=tiet+kiem&loai=${encodeURIComponent(kind)}&nam=2026`);
    await tab.locator(RESULT_LINKS).first().waitFor();
    await openYears();
    const guides2026 = await yearCount('2026');
    expect(guides2026).toBeGreaterThan(0);
    await bothListsHold(guides2026);
    await tab.locator(OLDER).first().waitFor();
    const hrefs = await tab
      .locator(`${RESULT_LINKS}, ${OLDER}`)
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^\/hoc-tap-bac\//);
    await phone.context.close();
  });

  it('searches the newest months as before when the older period cannot be had, counting their years alone', async () => {
    const phone = await guardedContext(browser(), split().baseURL, { viewport: { width: 390, height: 844 } });
    await phone.context.route(`**/pagefind/${OLDER_FOLDER}**`, (route) => route.abort());
    const tab = await phone.context.newPage();
    await tab.goto('/tim-kiem/?q=tiet+kiem&nam=2026');
    await tab.locator(RESULT_LINKS).first().waitFor();
    expect(await resultCount(tab, 'pagefind-summary:not([instance])')).toBeGreaterThan(0);
    const year = tab.locator('pagefind-filter-dropdown').nth(1);
    await year.locator('.pf-dropdown-trigger').click();
    await year.locator('[role="option"]', { hasText: '2026' }).waitFor();
    await expect(year.locator('[role="option"]', { hasText: '2019' }).count()).resolves.toBe(0);
    // The reader is told the results may be short, and why.
    const note = tab.locator('[data-search-unavailable]');
    await note.waitFor();
    await expect(note.textContent()).resolves.toBe(t('search.unavailable'));
    await phone.context.close();
  });

  it("lists the older months' pages at once for a chosen kind, whose count includes them", async () => {
    const phone = await guardedContext(browser(), split().baseURL, { viewport: { width: 390, height: 844 } });
    const tab = await phone.context.newPage();
    const kind = t('kind.guide');
    await tab.goto(`/tim-kiem/?q=tiet+kiem&loai=${encodeURIComponent(kind)}`);
    await tab.locator(OLDER).first().waitFor();
    await expect(tab.locator('[data-search-older-load]').isHidden()).resolves.toBe(true);
    const olderLinks = await tab.locator(OLDER).evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(olderLinks).toContain(OLD_PAGE);
    for (const href of olderLinks) expect(href).toMatch(/^\/hoc-tap-bac\//);
    const kinds = tab.locator('pagefind-filter-dropdown').nth(0);
    await kinds.locator('.pf-dropdown-trigger').click();
    const label = await kinds.locator('[role="option"]', { hasText: kind }).getAttribute('aria-label');
    const offered = Number(
      new RegExp(`^${t('search.optionCount').replace('{label}', kind).replace('{count}', '(\\d+)')}$`).exec(
        label ?? '',
      )?.[1],
    );
    const { recent, older } = await groupCounts(tab);
    expect(older).toBe(olderLinks.length);
    expect(recent + older).toBe(offered);
    await phone.context.close();
  });

  it('says nothing of the connection when only the older pack fails and its files come one by one', async () => {
    const phone = await guardedContext(browser(), split().baseURL, { viewport: { width: 390, height: 844 } });
    // Aborted as a dropped connection would: the older period's files then come one by one, and do.
    await phone.context.route(`**/pagefind/${OLDER_FOLDER}${PACK_FILE}`, (route) => route.abort());
    const tab = await phone.context.newPage();
    const aborted: string[] = [];
    tab.on('requestfailed', (request) => aborted.push(new URL(request.url()).pathname));
    await tab.goto('/tim-kiem/?q=tiet+kiem&nam=2019');
    await tab.locator(OLDER).first().waitFor();
    expect(aborted).toContain(`/pagefind/${OLDER_FOLDER}${PACK_FILE}`);
    await expect(tab.locator('[data-search-unavailable]').isHidden()).resolves.toBe(true);
    await phone.context.close();
  });

  it('tells a reader whose connection fails that the results may be short, in Vietnamese', async () => {
    const phone = await guardedContext(browser(), split().baseURL, { viewport: { width: 390, height: 844 } });
    const tab = await phone.context.newPage();
    const note = tab.locator('[data-search-unavailable]');
    // The connection drops after the first results: the next query's word files cannot come.
    await tab.goto('/tim-kiem/?q=tiet+kiem');
    await tab.locator(RESULT_LINKS).first().waitFor();
    await expect(note.isHidden()).resolves.toBe(true);
    await phone.context.route('**/pagefind/**', (route) => route.abort());
    await tab.locator('pagefind-input input').fill('nong thon moi');
    await note.waitFor();
    await expect(note.textContent()).resolves.toBe(t('search.unavailable'));
    // No connection from the start: nothing of the index comes.
    // (Here the search script itself cannot come: the panel's loader says so, with the same words.)
    const offline = await phone.context.newPage();
    await offline.goto('/tim-kiem/?q=tiet+kiem');
    await offline.locator('[data-search-unavailable]').waitFor();
    await expect(offline.locator('[data-search-unavailable]').textContent()).resolves.toBe(t('search.unavailable'));
    await expect(
      offline
        .getByRole('status')
        .filter({ hasText: t('search.unavailable') })
        .count(),
    ).resolves.toBe(1);
    await phone.context.close();
  });
});
