import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  brotliQualityFor,
  CACHE_CONTROL,
  cacheRuleFor,
  headerPolicy,
  inlineCodeNotAllowed,
  isCompressible,
  metaPolicyOf,
  nginxCspMap,
  urisOfPage,
} from '../../../src/lib/output/server-rules.ts';

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

describe('cacheRuleFor', () => {
  it.each([
    ['/_astro/page.CZl5EIMf.css', 'immutable'],
    ['/_astro/bia.x.webp', 'immutable'],
    // The folder itself is a 403, not a file.
    ['/_astro/', 'revalidate'],
    ['/pagefind/fragment/vi_1a2b.pf_fragment', 'search-chunk'],
    ['/pagefind/index/vi_1a2b.pf_index', 'search-chunk'],
    ['/pagefind/pagefind-entry.json', 'revalidate'],
    ['/pagefind/pagefind.js', 'revalidate'],
    // Fixed name, unlike the chunks it sits beside: a stale pack would point at last build's chunks.
    ['/pagefind/pagefind-pack.pf_pack', 'revalidate'],
    ['/thang/2026-11/tai-lieu-sinh-hoat-chi-bo-2026-11.pdf', 'download'],
    ['/thang/2026-11/files/huong-dan.DOCX', 'download'],
    ['/favicon.svg', 'download'],
    ['/', 'revalidate'],
    ['/thang/2026-11/', 'revalidate'],
    ['/rss.xml', 'revalidate'],
    ['/sw.js', 'revalidate'],
    ['/manifest.webmanifest', 'revalidate'],
  ] as const)('%s → %s', (path, rule) => {
    expect(cacheRuleFor(path)).toBe(rule);
  });

  it.each([403, 404, 500])('an error (%i) is never cached, even under /_astro/', (status) => {
    expect(cacheRuleFor('/_astro/page.CZl5EIMf.css', status)).toBe('revalidate');
    expect(cacheRuleFor('/thang/2026-11/tai-lieu-sinh-hoat-chi-bo-2026-11.pdf', status)).toBe('revalidate');
  });

  it('a 304 keeps the rule of the file it confirms', () => {
    expect(cacheRuleFor('/_astro/page.CZl5EIMf.css', 304)).toBe('immutable');
  });

  it('never lets a page be cached without asking', () => {
    expect(CACHE_CONTROL.revalidate).toBe('no-cache');
    expect(CACHE_CONTROL.immutable).toContain('immutable');
  });
});

describe('isCompressible', () => {
  it.each([
    ['a/index.html', true],
    ['_astro/x.css', true],
    ['_astro/x.js', true],
    ['sitemap-0.xml', true],
    ['manifest.webmanifest', true],
    ['favicon.svg', true],
    ['a.pdf', false],
    ['a.docx', false],
    ['a.zip', false],
    ['x.webp', false],
    ['x.woff2', false],
    ['pagefind/fragment/vi_1.pf_fragment', false],
    ['pagefind/wasm.unknown.pagefind', false],
    ['pagefind/pagefind-pack.pf_pack', false],
  ] as const)('%s → %s', (path, expected) => {
    expect(isCompressible(path)).toBe(expected);
  });
});

describe('brotliQualityFor', () => {
  it.each([
    ['/_astro/x.css', 20_000, 11],
    ['/_astro/admin.js', 5_000_000, 8],
    ['/_astro/admin/clike.AB12CD34.js', 20_000, 8],
    ['/pagefind/pagefind-search.js', 150_000, 11],
    ['/pagefind/pagefind.js', 50_000, 8],
    ['/thang/2026-11/index.html', 20_000, 8],
  ] as const)('%s of %i bytes → %i', (path, size, quality) => {
    expect(brotliQualityFor(path, size)).toBe(quality);
  });
});

describe('Content-Security-Policy', () => {
  const meta = "default-src 'none';img-src 'self'; script-src 'self' 'sha256-AAA='; style-src 'self' 'sha256-BBB=';";

  it('reads the policy out of the <meta> Astro writes', () => {
    expect(metaPolicyOf(`<head><meta http-equiv="content-security-policy" content="${meta}"><title>x</title>`)).toBe(
      meta,
    );
    expect(metaPolicyOf('<head><title>x</title>')).toBeNull();
  });

  it('adds frame-ancestors to the header policy, once', () => {
    expect(headerPolicy(meta)).toBe(
      "default-src 'none'; img-src 'self'; script-src 'self' 'sha256-AAA='; style-src 'self' 'sha256-BBB='; frame-ancestors 'none'",
    );
    expect(headerPolicy("default-src 'self'; frame-ancestors 'self'")).toBe(
      "default-src 'self'; frame-ancestors 'self'",
    );
  });

  it('maps every URI to the common policy and gives a page with its own policy its own entries', () => {
    const map = nginxCspMap([
      { file: 'index.html', policy: "default-src 'none'" },
      { file: 'thang/2026-11/index.html', policy: "default-src 'none'" },
      { file: 'admin/index.html', policy: "default-src 'self'" },
    ]);
    expect(map).toBe(
      [
        'map $uri $portal_csp {',
        `    default "default-src 'none'; frame-ancestors 'none'";`,
        `    /admin/ "default-src 'self'; frame-ancestors 'none'";`,
        `    /admin/index.html "default-src 'self'; frame-ancestors 'none'";`,
        '}',
        '',
      ].join('\n'),
    );
    expect(() => nginxCspMap([])).toThrow();
  });

  it.each([
    ['index.html', ['/', '/index.html']],
    ['thang/2026-11/index.html', ['/thang/2026-11/', '/thang/2026-11/index.html']],
    ['404.html', ['/404.html']],
  ])('%s is asked for as %j', (file, uris) => {
    expect(urisOfPage(file)).toEqual(uris);
  });

  describe('inlineCodeNotAllowed', () => {
    const allowed = 'console.log(1)';
    const policy = `default-src 'none'; script-src 'self' '${sha256(allowed)}'; style-src 'self' '${sha256('p{color:red}')}'`;

    it('accepts hashed inline code, external scripts and data blocks', () => {
      const html = `<script>${allowed}</script><script type="module" src="/_astro/a.js"></script><script type="application/ld+json">{"a":1}</script><style>p{color:red}</style>`;
      expect(inlineCodeNotAllowed(html, policy, sha256)).toEqual([]);
    });

    it('names an inline script or style the policy would block', () => {
      const html = `<script is:inline>alert(1)</script><script type="module">evil()</script><style>p{color:blue}</style>`;
      expect(inlineCodeNotAllowed(html.replace(' is:inline', ''), policy, sha256)).toEqual([
        '<script> alert(1)',
        '<script> evil()',
        '<style> p{color:blue}',
      ]);
    });

    it('takes tag-like text inside an attribute or a comment for text, not for a script', () => {
      const html = `<a href="/thang/2026-11/" title="Cảnh giác <script>alert(1)</script> trên mạng">Tháng 11</a><meta content='<style>p{}</style>'><!-- <script>x()</script> --><script>${allowed}</script>`;
      expect(inlineCodeNotAllowed(html, policy, sha256)).toEqual([]);
      // The same text as a real element after such an attribute is still found.
      expect(inlineCodeNotAllowed(`<a title="<b>">x</a><script>alert(1)</script>`, policy, sha256)).toEqual([
        '<script> alert(1)',
      ]);
    });

    it("lets 'unsafe-inline' styles through where a page's policy allows them", () => {
      expect(inlineCodeNotAllowed('<style>x{}</style>', `${policy}; style-src-elem 'unsafe-inline'`, sha256)).toEqual(
        [],
      );
    });
  });
});
