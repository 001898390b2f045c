/** Reads the built sample site (built once by the global setup) and checks what readers get. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../support/build-site.ts';
import { frontmatter, sampleSections } from '../support/content.ts';
import { htmlText } from '../support/html-text.ts';

const dist = inject('siteDist');
const page = (url: string) => readFileSync(join(dist, url, url.endsWith('/') ? 'index.html' : ''), 'utf8');
const text = htmlText;

/** Every file of the build, recursively. */
function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? allFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe('every page kind at its public URL', () => {
  it.each([
    ['home', '/'],
    ['archive', '/thang/'],
    ['monthly issue', '/thang/2026-11/'],
    ['section', '/thang/2026-11/thoi-su/'],
    ['printable month', '/thang/2026-11/in/'],
    ['older month', '/thang/2026-09/'],
    ['topics', '/chuyen-de/'],
    ['topic', '/chuyen-de/2026/'],
    ['topic part', '/chuyen-de/2026/loi-day-cua-bac-ve-cong-tac-dan-van/'],
    ['guides', '/hoc-tap-bac/'],
    ['guide', '/hoc-tap-bac/bac-ho-quy-trong-thoi-gian/'],
    ['search', '/tim-kiem/'],
  ])('%s: %s', (_kind, url) => {
    const html = page(url);
    expect(html).toMatch(/^<!DOCTYPE html><html lang="vi"/i);
    expect(html).toContain('href="#noi-dung"');
    expect(html).toContain(`<link rel="canonical" href="https://tailieu.example.org${url}"`);
  });

  it('has a 404 page and a sitemap', () => {
    expect(readFileSync(join(dist, '404.html'), 'utf8')).toContain('Không tìm thấy trang');
    expect(existsSync(join(dist, 'sitemap-index.xml'))).toBe(true);
  });
});

describe('the home page', () => {
  const html = text(page('/'));
  it('puts this month first with its sections and a print button', () => {
    const november = frontmatter('content/thang/2026-11/index.mdx');
    expect(html).toContain(String(november['title']));
    expect(html.indexOf(String(november['title']))).toBeLessThan(html.indexOf('Chuyên đề năm nay'));
    for (const section of sampleSections('2026-11')) expect(html).toContain(section.title);
    expect(page('/')).toContain('href="/thang/2026-11/in/"');
  });
  it('shows the current topic and the latest guides', () => {
    expect(html).toContain(String(frontmatter('content/chuyen-de/2026/index.mdx')['title']));
    expect(html).toContain(String(frontmatter('content/hoc-tap-bac/bac-ho-quy-trong-thoi-gian.mdx')['title']));
  });
});

describe('the archive', () => {
  const html = page('/thang/');
  it('links months with an issue and shows the others as empty, not as links', () => {
    for (const month of ['2026-09', '2026-10', '2026-11']) expect(html).toContain(`href="/thang/${month}/"`);
    expect(html).not.toContain('href="/thang/2026-01/"');
    expect(text(html)).toContain('Tháng 1/2026 Chưa có tài liệu');
  });
});

describe('a monthly issue page', () => {
  const html = page('/thang/2026-11/');
  const plain = text(html);
  const data = frontmatter('content/thang/2026-11/index.mdx');

  it('shows summary, issuer, publish date, agenda and questions', () => {
    expect(plain).toContain(String(data['summary']));
    expect(plain).toContain(String(data['issuer']));
    expect(plain).toContain('28/10/2026');
    for (const item of data['agenda'] as string[]) expect(plain).toContain(item);
    for (const item of data['questions'] as string[]) expect(plain).toContain(item);
  });

  it('lists the sections in order', () => {
    const positions = sampleSections('2026-11').map((section) =>
      html.indexOf(`href="/thang/2026-11/${section.slug}/"`),
    );
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('shows the corrections with their dates', () => {
    expect(plain).toContain('Đính chính ngày 05/11/2026');
  });

  it('lists an attachment with type, size in Vietnamese format and SHA-256', () => {
    const october = text(page('/thang/2026-10/'));
    const size = statSync(resolve(projectRoot, 'content/thang/2026-10/files/huong-dan-12.pdf')).size;
    expect(october).toContain('Hướng dẫn số 12-HD/BTGDVTU');
    expect(october).toContain(`PDF, ${size} B`);
    expect(october).toMatch(/SHA-256: [0-9a-f]{64}/);
  });

  it('serves the cover through astro:assets with its alt text', () => {
    expect(html).toMatch(/<img[^>]+src="\/_astro\/bia\.[^"]+\.webp"/);
    expect(html).toContain(`alt="${String((data['cover'] as { alt: string }).alt)}"`);
  });
});

describe('reading pages', () => {
  it('a section has breadcrumbs, previous/next and anchored headings', () => {
    const sections = sampleSections('2026-11');
    const second = sections[1];
    if (!second) throw new Error('the sample month needs two sections');
    const html = page(`/thang/2026-11/${second.slug}/`);
    expect(html).toMatch(/<nav class="breadcrumbs"[^>]*>.*href="\/thang\/".*href="\/thang\/2026-11\/"/s);
    expect(html).toContain(`rel="prev"`);
    expect(html).toContain(`href="/thang/2026-11/${sections[0]?.slug}/"`);
    expect(html).toContain(`href="/thang/2026-11/${sections[2]?.slug}/"`);
    expect(html).toMatch(/<h2 id="([^"]+)">.*?<a class="heading-anchor" href="#\1"/);
  });

  it('ships the font-size control with its visible label, laid out only when scripts run (html.js)', () => {
    const html = page('/hoc-tap-bac/bac-ho-quy-trong-thoi-gian/');
    expect(html).toMatch(
      /<div class="font-size js-only" role="group" aria-labelledby="co-chu"[^>]*>\s*<span class="font-size__label" id="co-chu">Cỡ chữ<\/span>/,
    );
    // The head script that marks html.js runs before the body is laid out.
    expect(html).toMatch(/<head>.*<script>document\.documentElement\.classList\.add\('js'\)/s);
  });
});

describe('the printable month', () => {
  const html = page('/thang/2026-11/in/');
  it('holds the head block and every section title in order', () => {
    const plain = text(html);
    const data = frontmatter('content/thang/2026-11/index.mdx');
    expect(plain).toContain(String(data['issuer']));
    expect(plain).toContain('Tháng 11/2026');
    const positions = sampleSections('2026-11').map((section) =>
      plain.indexOf(section.title, plain.indexOf('Gợi ý nội dung sinh hoạt')),
    );
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
  it('has a table of contents, the agenda, the questions and a print button, without site navigation', () => {
    expect(html).toMatch(/<nav class="print-toc"/);
    expect(html).toContain('id="goi-y"');
    expect(html).toContain('id="cau-hoi"');
    expect(html).toContain('data-print');
    expect(html).not.toContain('class="site-nav"');
  });
  it('has no duplicate ids although every section is on one page', () => {
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
    expect(ids.length).toBeGreaterThan(3);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('drafts and future-dated items never reach the build', () => {
  const files = allFiles(dist);
  it.each([
    ['the draft month', 'Lũng Pìn Sáu'],
    ['the draft month URL', '/thang/2026-12/'],
    ['the future guide', 'Nậm Khắt Tư'],
    ['the future guide URL', '/hoc-tap-bac/bac-ho-voi-dong-bao-cac-dan-toc-vung-cao/'],
  ])('%s', (_label, needle) => {
    const leaks = files.filter((file) => readFileSync(file).includes(Buffer.from(needle)));
    expect(leaks).toEqual([]);
  });
  it('copies none of their images, not even as an unused original', () => {
    const images = readdirSync(resolve(projectRoot, 'content/thang/2026-12/images')).map((name) =>
      readFileSync(resolve(projectRoot, 'content/thang/2026-12/images', name)),
    );
    expect(images.length).toBeGreaterThan(0);
    const copies = files.filter((file) =>
      images.some((image) => statSync(file).size === image.length && readFileSync(file).equals(image)),
    );
    expect(copies).toEqual([]);
  });

  it('has no folder for them', () => {
    expect(existsSync(join(dist, 'thang/2026-12'))).toBe(false);
    expect(existsSync(join(dist, 'hoc-tap-bac/bac-ho-voi-dong-bao-cac-dan-toc-vung-cao'))).toBe(false);
  });
});

describe('attachments', () => {
  it('are copied with the right size', () => {
    const source = resolve(projectRoot, 'content/thang/2026-10/files/huong-dan-12.pdf');
    const copy = join(dist, 'thang/2026-10/files/huong-dan-12.pdf');
    expect(readFileSync(copy).equals(readFileSync(source))).toBe(true);
  });
});

describe('no third-party host', () => {
  it('no page loads a script, style, font or image from another host', () => {
    const offenders = allFiles(dist)
      .filter((file) => file.endsWith('.html'))
      .flatMap((file) =>
        [
          ...readFileSync(file, 'utf8').matchAll(
            /<(?:script|link|img|source)\b[^>]*(?:src|href|srcset)="(https?:)?\/\/(?!tailieu\.example\.org)[^"]+"/g,
          ),
        ].map((match) => `${file}: ${match[0]}`),
      );
    expect(offenders).toEqual([]);
  });
});
