/** Reads the search bundle of the built sample site: what is indexed, and how đ is filed. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { decodeCbor, type CborValue } from '../../src/lib/search/cbor.ts';
import { decodeWordChunk, type PackedWord } from '../../src/lib/search/word-index.ts';
import { readPack } from '../../src/lib/search/pack.ts';
import { PACK_FILE, SEARCH_SCRIPT } from '../../src/lib/search/bundle.ts';
import { SITE_COMPONENTS } from '../../src/lib/search/scripts.ts';
import { pagefindTranslations } from '../../src/lib/search/ui.ts';
import { foldVietnamese } from '../../src/lib/search/folding.ts';
import { parseRangeName } from '../../src/lib/search/ranges.ts';

const dist = inject('siteDist');
const bundle = join(dist, 'pagefind');
const unpack = (file: string) => gunzipSync(readFileSync(file)).subarray('pagefind_dcd'.length);
const html = (url: string) => readFileSync(join(dist, url, 'index.html'), 'utf8');

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as {
  languages: Record<string, { hash: string }>;
};
const meta = decodeCbor(unpack(join(bundle, `pagefind.${entry.languages['vi']?.hash}.pf_meta`))) as CborValue[];
const chunkNames = (meta[2] as string[][]).map((chunk) => chunk[2] ?? '');
const words = new Map<string, PackedWord>(
  chunkNames
    .flatMap((name) => decodeWordChunk(unpack(join(bundle, 'index', `${name}.pf_index`))))
    .map((word) => [word.key, word]),
);
const fragments: Fragment[] = readdirSync(join(bundle, 'fragment')).map(
  (name) => JSON.parse(new TextDecoder().decode(unpack(join(bundle, 'fragment', name)))) as Fragment,
);
const byUrl = new Map(fragments.map((fragment) => [fragment.url, fragment]));

describe('what the index holds', () => {
  it('is one Vietnamese index whose pf_meta lists every chunk it needs, and only those', () => {
    expect(Object.keys(entry.languages)).toEqual(['vi']);
    expect(readdirSync(join(bundle, 'index')).sort()).toEqual(chunkNames.map((name) => `${name}.pf_index`).sort());
  });

  it('holds the reading pages only: no home, archive, list, print, 404 or search page', () => {
    const urls = fragments.map((fragment) => fragment.url).sort();
    expect(urls).toContain('/thang/2026-11/');
    expect(urls).toContain('/thang/2026-11/thoi-su/');
    expect(urls).toContain('/chuyen-de/2026/');
    expect(urls).toContain('/hoc-tap-bac/bac-ho-quy-trong-thoi-gian/');
    for (const url of urls)
      expect(url).toMatch(
        /^\/(thang\/\d{4}-\d{2}\/([a-z0-9-]+\/|bien-ban-sinh-hoat-chi-bo-\d{4}-\d{2}\.docx)?|chuyen-de\/\d{4}\/([a-z0-9-]+\/)?|hoc-tap-bac\/[a-z0-9-]+\/)$/,
      );
    for (const url of urls) expect(url).not.toMatch(/\/in\/$/);
  });

  it('holds the kit pages and the minutes template of every published month, with their month', () => {
    for (const month of ['2026-09', '2026-10', '2026-11']) {
      for (const page of ['ke-hoach', 'tu-danh-gia', 'phan-dia-phuong', 'sinh-hoat-chuyen-de'])
        expect(byUrl.get(`/thang/${month}/${page}/`)?.filters).toEqual({ loai: ['Tài liệu tháng'], nam: ['2026'] });
      const minutes = byUrl.get(`/thang/${month}/bien-ban-sinh-hoat-chi-bo-${month}.docx`);
      expect(minutes?.meta['title']).toMatch(/^Mẫu biên bản sinh hoạt chi bộ/);
      expect(minutes?.meta['period']).toBe(`Tháng ${Number(month.slice(5))}/2026`);
      expect(minutes?.content).toContain('biên bản');
    }
    expect(fragments.filter((fragment) => fragment.url.endsWith('.docx'))).toHaveLength(3);
  });

  it('leaves drafts and future-dated items out entirely', () => {
    expect(fragments.some((fragment) => fragment.url.startsWith('/thang/2026-12/'))).toBe(false);
    expect(
      fragments.some((fragment) => fragment.url === '/hoc-tap-bac/bac-ho-voi-dong-bao-cac-dan-toc-vung-cao/'),
    ).toBe(false);
    for (const text of ['Lũng Pìn Sáu', 'Nậm Khắt Tư']) {
      for (const fragment of fragments) expect(fragment.content).not.toContain(text);
    }
    expect(words.has('pin')).toBe(false);
    expect(words.has('nam')).toBe(true);
  });

  it('records kind, month or year, and the sort date of each page', () => {
    expect(byUrl.get('/thang/2026-11/thoi-su/')).toMatchObject({
      meta: { kind: 'Tài liệu tháng', period: 'Tháng 11/2026' },
      filters: { loai: ['Tài liệu tháng'], nam: ['2026'] },
    });
    expect(byUrl.get('/chuyen-de/2026/')).toMatchObject({
      meta: { kind: 'Chuyên đề', period: 'Chuyên đề năm 2026' },
      filters: { loai: ['Chuyên đề'], nam: ['2026'] },
    });
    expect(byUrl.get('/hoc-tap-bac/bac-ho-quy-trong-thoi-gian/')).toMatchObject({
      meta: { kind: 'Học tập Bác' },
      filters: { loai: ['Học tập Bác'] },
    });
    expect(meta[4]).toEqual([expect.arrayContaining(['ngay'])]);
  });

  it('keeps section lists and heading anchors out of the indexed text, so a month page does not repeat its sections', () => {
    const month = byUrl.get('/thang/2026-11/');
    const section = byUrl.get('/thang/2026-11/hoi-dap/');
    expect(section?.meta['title']).toBeTruthy();
    expect(month?.content).not.toContain(section?.meta['title']);
    for (const fragment of fragments) expect(fragment.content).not.toMatch(/\S#(\s|$)/);
  });
});

describe('đ typed as d', () => {
  it('files đ-words under their d-key too, keeping the đ spelling as the variant that ranks', () => {
    const dang = words.get('dang');
    const forms = dang?.variants.map((variant) => variant.form) ?? [];
    expect(forms).toContain('đảng');
    expect(forms).toContain('đang');
    expect(words.get('đang')?.variants.map((variant) => variant.form)).toContain('đảng');
    const pagesWithDang = new Set(
      dang?.variants.find((variant) => variant.form === 'đảng')?.pages.map((page) => page.page),
    );
    const pagesWithStroke = new Set(
      words
        .get('đang')
        ?.variants.find((variant) => variant.form === 'đảng')
        ?.pages.map((page) => page.page),
    );
    expect(pagesWithDang).toEqual(pagesWithStroke);
  });

  it('files both tone-mark placements of a word', () => {
    const uy = words.get('uy')?.variants.map((variant) => variant.form) ?? [];
    expect(uy).toContain('uỷ');
    expect(uy).toContain('ủy');
  });

  it('adds no folded copy of the text to the HTML, and results show the text as written', () => {
    const page = html('/thang/2026-11/hoi-dap/');
    const fragment = byUrl.get('/thang/2026-11/hoi-dap/');
    expect(fragment?.content).toContain('đảng viên');
    const sentence = fragment?.content.slice(0, 120) ?? '';
    expect(sentence).toMatch(/[đĐ]/);
    expect(page).not.toContain(foldVietnamese(sentence));
    expect(fragment?.content).not.toContain(foldVietnamese(sentence));
    expect(page.match(/<data [^>]*>/g)).toHaveLength(1);
  });

  it('loads no search code on reading pages: only the search page refers to the bundle', () => {
    for (const url of [
      '/thang/2026-11/',
      '/thang/2026-11/thoi-su/',
      '/chuyen-de/2026/',
      '/hoc-tap-bac/bac-ho-quy-trong-thoi-gian/',
      '/',
    ]) {
      expect(html(url)).not.toContain('/pagefind/');
    }
    expect(html('/tim-kiem/')).toContain('data-bundle="/pagefind/"');
  });
});

describe('what the first query downloads', () => {
  it('writes the word chunks end to end in one file, each chunk named by its byte range there', () => {
    const rangesFile = (entry.languages['vi'] as { ranges?: string }).ranges ?? '';
    expect(rangesFile).toMatch(/^pagefind-index\.vi_[0-9a-f]{10}\.pf_pack$/);
    const joined = readFileSync(join(bundle, rangesFile));
    for (const name of chunkNames) {
      const range = parseRangeName(name);
      expect(range, name).toBeDefined();
      const slice = joined.subarray(range?.offset ?? 0, (range?.offset ?? 0) + (range?.length ?? 0));
      expect(slice.equals(readFileSync(join(bundle, 'index', `${name}.pf_index`))), name).toBe(true);
    }
  });

  it('packs the entry, pf_meta and wasm byte for byte, and nothing else; the filter files in a pack of their own', () => {
    const pack = readPack(readFileSync(join(bundle, PACK_FILE)));
    expect([...pack.keys()].sort()).toEqual(
      ['pagefind-entry.json', `pagefind.${entry.languages['vi']?.hash}.pf_meta`, 'wasm.unknown.pagefind'].sort(),
    );
    for (const [path, bytes] of pack) expect(Buffer.from(bytes).equals(readFileSync(join(bundle, path)))).toBe(true);

    const filtersFile = (entry.languages['vi'] as { filters?: string }).filters ?? '';
    expect(filtersFile).toMatch(/^pagefind-filters\.vi_[0-9a-f]{10}\.pf_pack$/);
    const filterPack = readPack(readFileSync(join(bundle, filtersFile)));
    const filters = readdirSync(join(bundle, 'filter')).map((name) => `filter/${name}`);
    expect(filters.length).toBeGreaterThan(0);
    expect([...filterPack.keys()]).toEqual(filters.sort());
    for (const [path, bytes] of filterPack)
      expect(Buffer.from(bytes).equals(readFileSync(join(bundle, path)))).toBe(true);
  });

  it('ships only the elements of the component UI the search page uses', () => {
    const used = new Set([...html('/tim-kiem/').matchAll(/<pagefind-([a-z-]+)/g)].map((match) => match[1]));
    expect([...used].sort()).toEqual([...SITE_COMPONENTS].sort());
    const ui = readFileSync(join(bundle, SEARCH_SCRIPT), 'utf8');
    const defined = [...ui.matchAll(/customElements\.define\("pagefind-([a-z-]+)"/g)].map((match) => match[1]);
    expect(defined.sort()).toEqual([...SITE_COMPONENTS].sort());
  });

  it("ships the component UI with the site's own Vietnamese strings and no other language", () => {
    const ui = readFileSync(join(bundle, SEARCH_SCRIPT), 'utf8');
    const strings = pagefindTranslations();
    // Each language's strings start with its placeholder: only the site's is left.
    expect(ui.match(/placeholder:"[^"]*"/g)).toEqual([`placeholder:${JSON.stringify(strings['placeholder'])}`]);
    for (const text of Object.values(strings)) expect(ui).toContain(text);
  });
});
