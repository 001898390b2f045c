/**
 * What lets the portal travel, read back from the built sample site: the feed and the sitemap
 * (parsed as XML: no draft, no future item, every URL resolves in dist/), robots.txt, link-preview
 * tags and share images on every page, the app manifest and icons, and the service worker.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { describe, expect, inject, it } from 'vitest';
import { projectRoot, TEST_NOW } from '../support/build-site.ts';
import { frontmatter } from '../support/content.ts';

const dist = inject('siteDist');
const site = new URL(process.env['SITE_URL'] ?? 'https://tailieu.example.org');
/** Text only an unpublished item holds: the draft month, and the guide scheduled for later. */
const UNPUBLISHED = ['Lũng Pìn Sáu', 'Nậm Khắt Tư'];
const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['item', 'url', 'sitemap', 'category'].includes(name),
});
const read = (file: string) => readFileSync(join(dist, file), 'utf8');

/** Every built file, as paths relative to dist/. */
function files(dir = dist): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [relative(dist, join(dir, entry.name))],
  );
}
const htmlPages = files().filter((file) => file.endsWith('.html') && !file.startsWith('admin/'));

/** The built file an absolute URL of the site names, or undefined when it is elsewhere or missing. */
function fileOf(url: string): string | undefined {
  const parsed = new URL(url);
  if (parsed.origin !== site.origin) return undefined;
  const path = decodeURIComponent(parsed.pathname).replace(/^\//, '');
  const file = path === '' || path.endsWith('/') ? `${path}index.html` : path;
  return existsSync(join(dist, file)) ? file : undefined;
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(join(dist, file));
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The content attribute of <meta property|name=key> in a page. */
const meta = (html: string, key: string) =>
  new RegExp(`<meta (?:property|name)="${key.replace(/[:]/g, '\\$&')}" content="([^"]*)"`).exec(html)?.[1];

describe('/rss.xml', () => {
  const xml = read('rss.xml');
  const feed = parser.parse(xml) as {
    rss: {
      channel: {
        title: string;
        language: string;
        item: { title: string; link: string; pubDate: string; description: string; category: string[] }[];
      };
    };
  };
  const items = feed.rss.channel.item;

  it('is well-formed RSS 2.0 in Vietnamese', () => {
    expect(SyntaxValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<rss version="2.0"');
    expect(feed.rss.channel.language).toBe('vi');
    expect(feed.rss.channel.title).toBe('Tài liệu sinh hoạt chi bộ: bài mới và đính chính');
  });

  it('holds every public monthly issue, topic and guide, and the corrections as entries of their own', () => {
    const titles = items.map((item) => item.title);
    for (const month of ['2026-09', '2026-10', '2026-11'])
      expect(titles).toContain(frontmatter(`content/thang/${month}/index.mdx`)['title']);
    expect(titles).toContain(frontmatter('content/chuyen-de/2026/index.mdx')['title']);
    expect(titles).toContain(frontmatter('content/hoc-tap-bac/bac-ho-quy-trong-thoi-gian.mdx')['title']);
    const correction = items.find((item) => item.title.startsWith('Đính chính ngày 05/11/2026'));
    expect(correction?.link).toBe(new URL('/thang/2026-11/#dinh-chinh-2026-11-05', site).href);
    expect(correction?.category).toEqual(['Đính chính']);
  });

  it('has no draft and no future item', () => {
    for (const text of UNPUBLISHED) expect(xml).not.toContain(text);
    for (const item of items)
      expect(new Date(item.pubDate).getTime()).toBeLessThanOrEqual(new Date(TEST_NOW).getTime());
    expect(items.map((item) => item.link).some((link) => link.includes('2026-12'))).toBe(false);
  });

  it('links only to pages and anchors that exist in dist/', () => {
    for (const item of items) {
      const file = fileOf(item.link);
      expect(file, item.link).toBeDefined();
      const anchor = new URL(item.link).hash.slice(1);
      if (anchor) expect(read(file!)).toContain(`id="${anchor}"`);
    }
  });

  it('is announced in every page head', () => {
    for (const file of htmlPages)
      expect(read(file), file).toContain('<link rel="alternate" type="application/rss+xml"');
  });
});

describe('sitemap and robots.txt', () => {
  const index = parser.parse(read('sitemap-index.xml')) as { sitemapindex: { sitemap: { loc: string }[] } };
  const sitemaps = index.sitemapindex.sitemap.map((entry) => new URL(entry.loc).pathname.slice(1));
  const urls = sitemaps.flatMap((file) =>
    (parser.parse(read(file)) as { urlset: { url: { loc: string }[] } }).urlset.url.map((entry) => entry.loc),
  );

  it('parses, and lists every public page at an address that resolves in dist/', () => {
    for (const file of ['sitemap-index.xml', ...sitemaps]) expect(SyntaxValidator.validate(read(file))).toBe(true);
    for (const url of urls) expect(fileOf(url), url).toMatch(/index\.html$/);
    const listed = new Set(urls.map((url) => fileOf(url)));
    const expected = htmlPages.filter((file) => file !== '404.html' && !file.startsWith('ngoai-tuyen/'));
    expect([...expected].filter((file) => !listed.has(file))).toEqual([]);
  });

  it('has no draft, no future item, no offline page', () => {
    const all = sitemaps.map(read).join('\n');
    expect(all).not.toContain('/thang/2026-12/');
    expect(all).not.toContain('/ngoai-tuyen/');
    for (const url of urls) for (const text of UNPUBLISHED) expect(read(fileOf(url)!), url).not.toContain(text);
  });

  it('robots.txt is built from the configured site and points at the sitemap', () => {
    expect(read('robots.txt').split('\n')).toContain(`Sitemap: ${new URL('/sitemap-index.xml', site).href}`);
    expect(existsSync(resolve(projectRoot, 'public/robots.txt'))).toBe(false);
  });
});

describe('link previews', () => {
  it.each(htmlPages.map((file) => [file]))('%s has Open Graph and Twitter tags with a 1200×630 image', (file) => {
    const html = read(file);
    const path = `/${file.replace(/index\.html$/, '').replace(/\.html$/, '/')}`;
    for (const key of [
      'og:title',
      'og:description',
      'og:site_name',
      'og:type',
      'og:image:alt',
      'twitter:title',
      'twitter:image:alt',
    ])
      expect(meta(html, key), key).toBeTruthy();
    expect(meta(html, 'twitter:card')).toBe('summary_large_image');
    if (file !== '404.html') expect(meta(html, 'og:url')).toBe(new URL(path, site).href);
    const image = meta(html, 'og:image')!;
    expect(meta(html, 'twitter:image')).toBe(image);
    const imageFile = fileOf(image);
    expect(imageFile, image).toBeDefined();
    expect(pngSize(imageFile!)).toEqual({ width: 1200, height: 630 });
  });

  it.each([
    ['/thang/2026-11/', 'anh-chia-se/thang-2026-11.png'],
    ['/thang/2026-11/thoi-su/', 'anh-chia-se/thang-2026-11.png'],
    ['/thang/2026-11/in/', 'anh-chia-se/thang-2026-11.png'],
    ['/thang/2026-09/', 'anh-chia-se/thang-2026-09.png'],
    ['/chuyen-de/2026/', 'anh-chia-se/chuyen-de-2026.png'],
    ['/hoc-tap-bac/bac-ho-quy-trong-thoi-gian/', 'anh-chia-se/hoc-tap-bac-bac-ho-quy-trong-thoi-gian.png'],
    ['/', 'anh-chia-se/trang-chu.png'],
  ])('%s shows its own item’s image', (url, image) => {
    expect(meta(read(`${url.slice(1)}index.html`), 'og:image')).toBe(new URL(`/${image}`, site).href);
  });

  it('makes one image per public monthly issue, topic and guide, none for unpublished ones', () => {
    const images = files()
      .filter((file) => file.startsWith('anh-chia-se/'))
      .sort();
    const guides = readdirSync(resolve(projectRoot, 'content/hoc-tap-bac'))
      .filter(
        (name) =>
          name.endsWith('.mdx') &&
          frontmatter(`content/hoc-tap-bac/${name}`)['status'] === 'published' &&
          String(frontmatter(`content/hoc-tap-bac/${name}`)['publishDate']) <= '2026-11-28',
      )
      .map((name) => `anh-chia-se/hoc-tap-bac-${name.replace(/\.mdx$/, '')}.png`);
    expect(images).toEqual(
      [
        'anh-chia-se/chuyen-de-2026.png',
        'anh-chia-se/thang-2026-09.png',
        'anh-chia-se/thang-2026-10.png',
        'anh-chia-se/thang-2026-11.png',
        'anh-chia-se/trang-chu.png',
        ...guides,
      ].sort(),
    );
    for (const image of images) expect(pngSize(image)).toEqual({ width: 1200, height: 630 });
  });
});

describe('installable app', () => {
  const manifest = JSON.parse(read('manifest.webmanifest')) as {
    name: string;
    lang: string;
    start_url: string;
    icons: { src: string; sizes: string; purpose: string }[];
  };

  it('links the manifest and an Apple touch icon from every page', () => {
    for (const file of htmlPages) {
      expect(read(file), file).toContain('<link rel="manifest" href="/manifest.webmanifest"');
      expect(read(file), file).toContain('<link rel="apple-touch-icon" href="/icons/apple-touch-icon.png"');
    }
  });

  it('has icons of the sizes it declares, including 192, 512 and a maskable one', () => {
    expect(manifest).toMatchObject({ name: 'Tài liệu sinh hoạt chi bộ', lang: 'vi', start_url: '/' });
    for (const icon of manifest.icons) {
      const [width, height] = icon.sizes.split('x').map(Number);
      expect(pngSize(icon.src.slice(1))).toEqual({ width, height });
    }
    expect(manifest.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((icon) => icon.purpose === 'maskable')).toBe(true);
    expect(pngSize('icons/apple-touch-icon.png')).toEqual({ width: 180, height: 180 });
  });
});

describe('the service worker', () => {
  const sw = read('sw.js');
  const precached = JSON.parse(/(\[\{"revision".*?\}\])/.exec(sw)?.[1] ?? '[]') as {
    url: string;
    revision: string | null;
  }[];
  const offlineList = JSON.parse(read('ngoai-tuyen.json')) as { pages: string[] };

  it('precaches the offline page and the assets this month’s pages need, and nothing heavy', () => {
    const urls = precached.map((entry) => entry.url);
    expect(urls).toEqual(expect.arrayContaining(['ngoai-tuyen/index.html', 'ngoai-tuyen.json']));
    for (const url of urls) expect(existsSync(join(dist, url)), url).toBe(true);
    const css = read('thang/2026-11/thoi-su/index.html').match(/\/_astro\/[^"]+\.css/g) ?? [];
    for (const file of css) expect(urls).toContain(file.slice(1));
    expect(urls.filter((url) => url.endsWith('.html'))).toEqual(['ngoai-tuyen/index.html']);
    const bytes = urls.reduce((sum, url) => sum + readFileSync(join(dist, url)).byteLength, 0);
    expect(bytes).toBeLessThan(150_000);
  });

  it('stores home, this month, every section and the printable page on the first visit, and no draft', () => {
    const sections = readdirSync(resolve(projectRoot, 'content/thang/2026-11')).filter((name) =>
      /^\d+-.+\.mdx$/.test(name),
    ).length;
    expect(offlineList.pages.slice(0, 2)).toEqual(['/', '/thang/2026-11/']);
    expect(offlineList.pages).toContain('/thang/2026-11/in/');
    expect(offlineList.pages.filter((url) => /^\/thang\/2026-11\/(?!in\/)[^/]+\/$/.test(url))).toHaveLength(sections);
    for (const url of offlineList.pages) expect(fileOf(new URL(url, site).href), url).toBeDefined();
    expect(JSON.stringify(offlineList)).not.toContain('2026-12');
  });

  it('is registered from every reading page by a tiny inline script', () => {
    const registration = /<script>(if\('serviceWorker'in navigator\)[^<]*)<\/script>/.exec(
      read('thang/2026-11/thoi-su/index.html'),
    )?.[1];
    expect(registration).toContain("register('/sw.js')");
    expect(registration!.length).toBeLessThan(200);
  });
});
