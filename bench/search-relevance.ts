/**
 * The relevance set of `npm run bench:search`: queries readers type, each with the pages a reader
 * expects first, run in a browser against three searches of the same built site:
 * - stock: Pagefind's own index and ranking, the query as typed;
 * - before: the site's index (đ and tone placements) and ranking weights, the query as typed (the
 *   search before phrase ranking, document numbers and kit records);
 * - site: the same index through src/lib/search/ranked-search.ts (what the search page runs).
 * Prints top-1, top-3 and mean reciprocal rank (first expected page within the top 10) side by side.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { SEARCH_RANKING } from '../src/lib/search/url.ts';

/** One query and the pages that answer it (any of them counts). */
export interface RelevanceCase {
  /** What the case tests: phrase, marks, document number, kit, đ, tone, case… */
  group: string;
  query: string;
  expected: string[];
}

/** A page of the index as its fragment records it. */
export interface IndexedPage {
  url: string;
  title: string;
  /** Content folded (no marks, đ as d, lower case), single-spaced, for phrase look-ups. */
  folded: string;
}

export const fold = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Reads the fragments of a built bundle. */
export function indexedPages(bundle: string): IndexedPage[] {
  const dir = join(bundle, 'fragment');
  return readdirSync(dir).map((name) => {
    const fragment = JSON.parse(
      gunzipSync(readFileSync(join(dir, name)))
        .subarray(12)
        .toString('utf8'),
    ) as {
      url: string;
      content: string;
      meta: Record<string, string>;
    };
    return { url: fragment.url, title: fragment.meta['title'] ?? '', folded: ` ${fold(fragment.content)} ` };
  });
}

/** The pages whose text holds the query's words together, as a phrase (folded). */
export function pagesHolding(pages: readonly IndexedPage[], phrase: string): string[] {
  const wanted = ` ${fold(phrase)} `;
  return pages.filter((page) => page.folded.includes(wanted)).map((page) => page.url);
}

const HOI_DAP = '/thang/2026-11/hoi-dap/';
const VAN_BAN_10 = '/thang/2026-10/van-ban-moi/';
const TU_SOI = '/thang/2026-11/chuyen-de-tu-soi-tu-sua-trong-kiem-diem-cuoi-nam/';

/** Cases with one answer a reader expects, written for the sample content (content/). */
const SAMPLE_FIXED: Array<[string, string, string | string[]]> = [
  // Titles and topics, typed without marks, with đ as d, in upper case, decomposed, other tone placement.
  ['title', 'Bac Ho quy trong thoi gian', '/hoc-tap-bac/bac-ho-quy-trong-thoi-gian/'],
  ['marks', 'bác hồ quý trọng thời gian', '/hoc-tap-bac/bac-ho-quy-trong-thoi-gian/'],
  ['case', 'BÁC HỒ QUÝ TRỌNG THỜI GIAN', '/hoc-tap-bac/bac-ho-quy-trong-thoi-gian/'],
  ['title', 'thieu nien nhi dong', '/hoc-tap-bac/bac-ho-voi-thieu-nien-nhi-dong/'],
  ['title', 'duc tinh tiet kiem', '/hoc-tap-bac/bac-ho-voi-duc-tinh-tiet-kiem/'],
  ['đ', 'đức tính tiết kiệm', '/hoc-tap-bac/bac-ho-voi-duc-tinh-tiet-kiem/'],
  ['title', 'mat tran to quoc', '/thang/2026-11/ky-niem-ngay-truyen-thong-mat-tran-va-ngay-nha-giao/'],
  ['title', 'quoc khanh', '/thang/2026-09/ky-niem-cach-mang-thang-tam-va-quoc-khanh/'],
  ['title', 'thong tin sai lech', '/thang/2026-10/bao-ve-nen-tang-tinh-tao-truoc-thong-tin-sai-lech/'],
  ['title', 'doanh nhan', '/thang/2026-10/ky-niem-ngay-phu-nu-va-ngay-doanh-nhan-viet-nam/'],
  ['title', 'ban lieng', '/thang/2026-09/guong-dien-hinh-nguoi-bi-thu-chi-bo-ban-lien/'],
  ['title', 'tu soi tu sua', TU_SOI],
  ['title', 'dan van', '/chuyen-de/2026/loi-day-cua-bac-ve-cong-tac-dan-van/'],
  ['marks', 'dân vận', '/chuyen-de/2026/loi-day-cua-bac-ve-cong-tac-dan-van/'],
  ['title', 'hoi dap', HOI_DAP],
  ['đ', 'Dang vien gan dan', '/thang/2026-10/chuyen-de-sinh-hoat-chuyen-de-quy-iv/'],
  ['đ', 'danh gia xep loai dang vien', HOI_DAP],
  ['case', 'DANH GIA XEP LOAI DANG VIEN', HOI_DAP],
  ['đ', 'dinh huong tuyen truyen', '/thang/2026-10/dinh-huong-tuyen-truyen-thang-10/'],
  ['title', 'Nen nep ky cuong', '/thang/2026-09/chuyen-de-nen-nep-ky-cuong-trong-sinh-hoat-chi-bo/'],
  ['title', 'su nghiep trong nguoi', '/thang/2026-11/hoc-tap-bac-bac-ho-voi-su-nghiep-trong-nguoi/'],
  [
    'decomposed',
    'sự nghiệp trồng người'.normalize('NFD'),
    '/thang/2026-11/hoc-tap-bac-bac-ho-voi-su-nghiep-trong-nguoi/',
  ],
  ['phrase', 'hoc tap lam theo Bac tiet kiem', '/thang/2026-09/hoc-tap-bac-tiet-kiem-trong-viec-cong/'],
  ['tone', 'văn bản mới Tỉnh ủy', '/thang/2026-11/van-ban-moi/'],
  ['đ', 'Dang uy', '/chuyen-de/2026/thuc-trang-va-nhiem-vu-giai-phap-o-tinh-son-lam/'],
  // Multi-syllable words typed without marks, and with them.
  ['phrase', 'nhan rong mo hinh', VAN_BAN_10],
  ['phrase', 'chi uy vien', [VAN_BAN_10, HOI_DAP]],
  ['marks', 'chi uỷ viên', [VAN_BAN_10, HOI_DAP]],
  ['tone', 'chi ủy viên', [VAN_BAN_10, HOI_DAP]],
  ['phrase', 'tu dien bien tu chuyen hoa', TU_SOI],
  ['marks', 'tự diễn biến', TU_SOI],
  ['tone', 'tự chuyển hóa', TU_SOI],
  // Document numbers, as officials type them: the page whose title cites it first.
  ['document', '10-CT/TW', VAN_BAN_10],
  ['document', '10 ct tw', VAN_BAN_10],
  ['document', 'chi thi 10', VAN_BAN_10],
  ['document', '18-KL/TW', VAN_BAN_10],
  ['document', '18kl/tw', VAN_BAN_10],
  ['document', 'Quy định 144', VAN_BAN_10],
  ['document', 'quy dinh so 144', VAN_BAN_10],
  ['document', 'Nghị quyết 21-NQ/TW', VAN_BAN_10],
  ['document', '21 NQ TW', VAN_BAN_10],
  ['document', 'Hướng dẫn 12-HD/BTCTW', VAN_BAN_10],
  ['document', '12 hd btctw', VAN_BAN_10],
  ['document', '12-HD/BTGDVTU', '/thang/2026-10/dinh-huong-tuyen-truyen-thang-10/'],
  ['document', '86-KH/TU', '/thang/2026-11/van-ban-moi/'],
  ['document', '09 ct tu', '/thang/2026-11/van-ban-moi/'],
  // The meeting kit: the newest month's page or minutes template first.
  ['kit', 'bien ban', '/thang/2026-11/bien-ban-sinh-hoat-chi-bo-2026-11.docx'],
  ['kit', 'mau bien ban sinh hoat chi bo', '/thang/2026-11/bien-ban-sinh-hoat-chi-bo-2026-11.docx'],
  ['kit', 'ke hoach sinh hoat', '/thang/2026-11/ke-hoach/'],
  ['kit', 'tu danh gia', '/thang/2026-11/tu-danh-gia/'],
  ['kit', 'phieu danh gia', '/thang/2026-11/tu-danh-gia/'],
  ['kit', 'phieu tu danh gia chat luong sinh hoat', '/thang/2026-11/tu-danh-gia/'],
  ['kit', 'phan thong tin dia phuong', '/thang/2026-11/phan-dia-phuong/'],
  ['kit', 'huong dan sinh hoat chuyen de', '/thang/2026-11/sinh-hoat-chuyen-de/'],
];

/** Phrases readers type; the answer is any page holding the phrase (found in the built index). */
const SAMPLE_PHRASES = [
  'sinh hoat chuyen de',
  'kiem diem cuoi nam',
  'nong thon moi',
  'dan van kheo',
  'bao ve nen tang tu tuong',
  'tu phe binh va phe binh',
  'dang vien cao tuoi',
  'mien sinh hoat',
  'ngay nha giao',
  'chi bo thon',
  'dang uy co so',
  'to chuc co so dang',
  'chi bo nong thon vung bien gioi',
  'phong chong tao hon',
];

/** The relevance set of the sample site: fixed answers plus phrases found in its index. */
export function sampleCases(pages: readonly IndexedPage[]): RelevanceCase[] {
  const fixed = SAMPLE_FIXED.map(([group, query, expected]) => ({
    group,
    query,
    expected: Array.isArray(expected) ? expected : [expected],
  }));
  const phrases = SAMPLE_PHRASES.map((query) => ({ group: 'phrase', query, expected: pagesHolding(pages, query) }));
  const empty = phrases.filter((item) => item.expected.length === 0).map((item) => item.query);
  if (empty.length > 0) throw new Error(`Relevance set: no sample page holds ${empty.join(', ')}`);
  return [...fixed, ...phrases];
}

/**
 * The relevance set of a generated archive: the kit of the newest month, section titles of the
 * newest months typed without marks (the newest page of that title expected: titles recur), and
 * document numbers of the newest month (any page citing it).
 */
export function archiveCases(pages: readonly IndexedPage[], newestMonth: string): RelevanceCase[] {
  const cases: RelevanceCase[] = [
    {
      group: 'kit',
      query: 'bien ban',
      expected: [`/thang/${newestMonth}/bien-ban-sinh-hoat-chi-bo-${newestMonth}.docx`],
    },
    { group: 'kit', query: 'ke hoach sinh hoat', expected: [`/thang/${newestMonth}/ke-hoach/`] },
    { group: 'kit', query: 'tu danh gia', expected: [`/thang/${newestMonth}/tu-danh-gia/`] },
    { group: 'kit', query: 'phieu danh gia', expected: [`/thang/${newestMonth}/tu-danh-gia/`] },
  ];
  const months = pages
    .map((page) => /^\/thang\/(\d{4}-\d{2})\/([a-z0-9-]+)\/$/.exec(page.url))
    .filter((match): match is RegExpExecArray => match !== null);
  const newest = [...new Set(months.map((match) => match[1] ?? ''))].sort().reverse().slice(0, 3);
  const byTitle = new Map<string, IndexedPage[]>();
  for (const page of pages) {
    const key = fold(page.title);
    byTitle.set(key, [...(byTitle.get(key) ?? []), page]);
  }
  for (const month of newest) {
    for (const page of pages.filter(
      (item) => item.url.startsWith(`/thang/${month}/`) && item.url.split('/').length === 5,
    )) {
      if (/\/(ke-hoach|tu-danh-gia|phan-dia-phuong|sinh-hoat-chuyen-de)\/$/.test(page.url)) continue;
      // The same title in a newer month is what a reader wants; older ones never count.
      const same = (byTitle.get(fold(page.title)) ?? [])
        .map((item) => item.url)
        .sort()
        .reverse();
      if (same[0] === page.url) cases.push({ group: 'title', query: fold(page.title), expected: [page.url] });
    }
  }
  const citations = new Map<string, string[]>();
  for (const page of pages) {
    for (const match of page.folded.matchAll(/ (\d{1,3}) (nq|ct|kh|hd|kl|qd) (tu|btgdvtu) /g)) {
      const number = `${match[1]}-${match[2]?.toUpperCase()}/${match[3]?.toUpperCase()}`;
      citations.set(number, [...(citations.get(number) ?? []), page.url]);
    }
  }
  const newestPages = new Set(
    pages.filter((page) => page.url.startsWith(`/thang/${newestMonth}/`)).map((page) => page.url),
  );
  for (const [number, urls] of citations) {
    if (!urls.some((url) => newestPages.has(url))) continue;
    cases.push({ group: 'document', query: number, expected: [...new Set(urls)] });
    cases.push({ group: 'document', query: number.replace(/[-/]/g, ' ').toLowerCase(), expected: [...new Set(urls)] });
  }
  return cases;
}

/** The site's search, bundled for the browser (window.portalRankedSearch). */
async function rankedSearchScript(): Promise<string> {
  const result = await build({
    entryPoints: [resolve(import.meta.dirname, '../src/lib/search/ranked-search.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'portalRankedSearch',
    write: false,
    target: 'es2022',
  });
  return result.outputFiles[0]?.text ?? '';
}

/** The three searches compared. */
export const VARIANTS = ['stock', 'before', 'site'] as const;
export type Variant = (typeof VARIANTS)[number];

/** Rank of the first expected page in each variant's top 10 (0: not there), per case. */
export async function runRelevance(
  page: Page,
  bundles: { stock: string; site: string },
  cases: readonly RelevanceCase[],
): Promise<Array<RelevanceCase & { ranks: Record<Variant, number>; top: Record<Variant, string[]> }>> {
  await page.goto('/');
  await page.addScriptTag({ content: await rankedSearchScript() });
  const out = [];
  for (const item of cases) {
    // A string, not a function: the test runner would rewrite a dynamic import() inside a function.
    const script = `(async () => {
      const stock = await import(${JSON.stringify(`${bundles.stock}pagefind.js`)});
      const site = await import(${JSON.stringify(`${bundles.site}pagefind.js`)});
      await site.options({ ranking: ${JSON.stringify(SEARCH_RANKING)} });
      const urls = async (response) =>
        Promise.all((response?.results ?? []).slice(0, 10).map(async (result) => (await result.data()).url));
      const query = ${JSON.stringify(item.query)};
      return {
        stock: await urls(await stock.search(query)),
        before: await urls(await site.search(query)),
        site: await urls(await window.portalRankedSearch.rankedSearch(site, query)),
      };
    })()`;
    const top = (await page.evaluate(script)) as Record<Variant, string[]>;
    const rank = (urls: string[]) => urls.findIndex((url) => item.expected.includes(url)) + 1;
    out.push({ ...item, top, ranks: { stock: rank(top.stock), before: rank(top.before), site: rank(top.site) } });
  }
  return out;
}

/** Prints top-1, top-3 and MRR per variant, overall and per group, and the cases the site misses. */
export function reportRelevance(
  title: string,
  results: ReadonlyArray<RelevanceCase & { ranks: Record<Variant, number>; top: Record<Variant, string[]> }>,
): Record<Variant, { top1: number; top3: number; mrr: number }> {
  const measure = (list: typeof results, variant: Variant) => {
    const n = Math.max(list.length, 1);
    return {
      top1: list.filter((item) => item.ranks[variant] === 1).length / n,
      top3: list.filter((item) => item.ranks[variant] >= 1 && item.ranks[variant] <= 3).length / n,
      mrr: list.reduce((sum, item) => sum + (item.ranks[variant] > 0 ? 1 / item.ranks[variant] : 0), 0) / n,
    };
  };
  const pct = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(7);
  const line = (label: string, list: typeof results) =>
    `  ${label.padEnd(14)} ${String(list.length).padStart(4)}  ${VARIANTS.map((variant) => {
      const m = measure(list, variant);
      return `${pct(m.top1)} ${pct(m.top3)} ${m.mrr.toFixed(3).padStart(6)}`;
    }).join('   ')}`;
  console.log(`\nRelevance, ${title}: ${results.length} cases (target for "site": top-3 ≥ 95%, MRR ≥ 0.9)`);
  console.log(
    `  ${''.padEnd(14)} ${'n'.padStart(4)}  ${VARIANTS.map((v) => `${v.padEnd(6)} top-1   top-3    MRR`).join('   ')}`,
  );
  console.log(line('all', results));
  for (const group of [...new Set(results.map((item) => item.group))])
    console.log(
      line(
        group,
        results.filter((item) => item.group === group),
      ),
    );
  const missed = results.filter((item) => item.ranks.site === 0 || item.ranks.site > 3);
  for (const item of missed)
    console.log(
      `  site misses "${item.query}" (rank ${item.ranks.site || '>10'}): got ${item.top.site.slice(0, 3).join(' ')}; want ${item.expected.slice(0, 3).join(' ')}`,
    );
  return Object.fromEntries(VARIANTS.map((variant) => [variant, measure(results, variant)])) as Record<
    Variant,
    { top1: number; top3: number; mrr: number }
  >;
}

/**
 * Builds stock Pagefind's index of a built site beside the site's own, serves the site, runs the
 * cases and prints the table. Removes the stock index afterwards.
 */
export async function measureRelevance(
  title: string,
  dist: string,
  cases: (pages: IndexedPage[]) => RelevanceCase[],
): Promise<Record<Variant, { top1: number; top3: number; mrr: number }>> {
  const { buildSearchIndex } = await import('../src/integrations/pagefind.ts');
  const { launchBrowser } = await import('../tests/support/browser.ts');
  const { serveStatic } = await import('../tests/support/static-server.ts');
  const { rmSync } = await import('node:fs');
  const stockDir = join(dist, 'pagefind-stock');
  await buildSearchIndex(dist, { variant: 'stock', outputDir: stockDir });
  const server = await serveStatic(dist);
  const browser = await launchBrowser();
  try {
    // The bench injects the site's search as an inline script, which the pages' CSP forbids.
    const page = await browser.newPage({ baseURL: server.baseURL, bypassCSP: true });
    const results = await runRelevance(
      page,
      { stock: '/pagefind-stock/', site: '/pagefind/' },
      cases(indexedPages(join(dist, 'pagefind'))),
    );
    return reportRelevance(title, results);
  } finally {
    await browser.close();
    await server.close();
    rmSync(stockDir, { recursive: true, force: true });
  }
}
