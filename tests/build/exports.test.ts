/** The downloads of the built sample site: month PDF, Word and ZIP, topic and guide PDFs. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import { describe, expect, inject, it } from 'vitest';
import { formatSize } from '../../src/lib/common/sizes.ts';
import { frontmatter, sampleSections } from '../support/content.ts';

const dist = inject('siteDist');
const file = (url: string) => readFileSync(join(dist, url));
const page = (url: string) => readFileSync(join(dist, url, 'index.html'), 'utf8');
const squash = (text: string) => text.replace(/\s+/g, ' ');

const PUBLIC_MONTHS = ['2026-09', '2026-10', '2026-11'];
const DRAFT_MONTH = '2026-12';
const GUIDES = [
  'bac-ho-gan-dan-hieu-dan',
  'bac-ho-quy-trong-thoi-gian',
  'bac-ho-voi-thieu-nien-nhi-dong',
  'bac-ho-voi-duc-tinh-tiet-kiem',
];

const monthFile = (month: string, ext: string) => `/thang/${month}/tai-lieu-sinh-hoat-chi-bo-${month}.${ext}`;

async function readPdf(url: string) {
  const proxy = await getDocumentProxy(new Uint8Array(file(url)));
  const { text, totalPages } = await extractText(proxy, { mergePages: true });
  const { info } = await getMeta(proxy);
  return { text: squash(text), totalPages, info };
}

/** The titles appear in the given order, judged by their last occurrence (the table of contents comes first). */
function expectInOrder(text: string, titles: readonly string[]): void {
  const positions = titles.map((title) => text.lastIndexOf(title));
  for (const [index, title] of titles.entries())
    expect(positions[index], `"${title}" is missing`).toBeGreaterThanOrEqual(0);
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
}

/** The download link to `href` on a page, with its attributes and visible detail. */
function downloadLink(html: string, href: string): string {
  const match = new RegExp(`<a [^>]*href="${href.replace(/[.]/g, '\\.')}"[^>]*>.*?</a>`).exec(html);
  expect(match, `no link to ${href}`).not.toBeNull();
  return match?.[0] ?? '';
}

describe.each(PUBLIC_MONTHS)('month %s', (month) => {
  const sections = sampleSections(month);
  const issue = frontmatter(`content/thang/${month}/index.mdx`);

  it('has a PDF that opens, has a sensible page count, a title, and every section in order', async () => {
    const { text, totalPages, info } = await readPdf(monthFile(month, 'pdf'));
    expect(totalPages).toBeGreaterThanOrEqual(3);
    expect(totalPages).toBeLessThanOrEqual(40);
    expect(info['Title']).toBe(issue['title']);
    expect(info['Language']).toBe('vi-VN');
    expect(text).toContain('Mục lục');
    expect(text).toContain(`Trang 1/${totalPages}`);
    // Each section is in the table of contents and again in the body.
    for (const { title } of sections) expect(text.split(title).length - 1, title).toBeGreaterThanOrEqual(2);
    expectInOrder(text, [
      'Gợi ý nội dung sinh hoạt',
      ...sections.map(({ title }, index) => `${index + 1}. ${title}`),
      'Câu hỏi thảo luận',
    ]);
  });

  it('has a Word file whose headings are the sections, in order', async () => {
    const { value: html } = await mammoth.convertToHtml({ buffer: file(monthFile(month, 'docx')) });
    const headings = [...html.matchAll(/<h1>(.*?)<\/h1>/g)].map((match) => match[1]);
    expect(headings).toEqual([
      'Gợi ý nội dung sinh hoạt',
      ...sections.map(({ title }, index) => `${index + 1}. ${title}`),
      'Câu hỏi thảo luận',
      ...(Array.isArray(issue['attachments']) && issue['attachments'].length > 0 ? ['Văn bản, tài liệu đính kèm'] : []),
    ]);
    expect(html).toMatch(/<h2>[^<]+<\/h2>/);
  });

  it("has a ZIP with the PDF, the Word file, the kit's two Word files and every attachment, each as served", () => {
    const zip = unzipSync(new Uint8Array(file(monthFile(month, 'zip'))));
    const attachments = ((issue['attachments'] as { file: string }[] | undefined) ?? []).map((item) =>
      item.file.replace('./files/', ''),
    );
    const served = [
      `tai-lieu-sinh-hoat-chi-bo-${month}.pdf`,
      `tai-lieu-sinh-hoat-chi-bo-${month}.docx`,
      `bien-ban-sinh-hoat-chi-bo-${month}.docx`,
      `phan-thong-tin-dia-phuong-${month}.docx`,
    ];
    expect(Object.keys(zip)).toEqual([...served, ...attachments]);
    for (const name of served)
      expect(Buffer.from(zip[name] as Uint8Array).equals(file(`/thang/${month}/${name}`)), name).toBe(true);
    for (const name of attachments)
      expect(Buffer.from(zip[name] as Uint8Array).equals(file(`/thang/${month}/files/${name}`)), name).toBe(true);
  });

  it('runs short sections on in the PDF: a section heading need not open a page', async () => {
    const proxy = await getDocumentProxy(new Uint8Array(file(monthFile(month, 'pdf'))));
    const { text: pages } = await extractText(proxy, { mergePages: false });
    const midPage = sections.filter(({ title }, index) => {
      const heading = `${index + 1}. ${title}`;
      // The body's heading, not the table of contents' line (page 1 holds the contents).
      const page = pages.findLastIndex((text) => squash(text).includes(heading));
      return (
        page > 0 &&
        !squash(pages[page] ?? '')
          .trimStart()
          .startsWith(heading)
      );
    });
    expect(midPage.length).toBeGreaterThan(0);
  });

  it.each([
    ['month page', `/thang/${month}/`],
    ['printable page', `/thang/${month}/in/`],
  ])('the %s links to each file with download, type and its real size', (_name, url) => {
    const html = page(url);
    for (const [ext, type, label] of [
      ['pdf', 'application/pdf', 'PDF'],
      ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Word'],
      ['zip', 'application/zip', 'Tệp nén ZIP'],
    ] as const) {
      const href = monthFile(month, ext);
      const link = downloadLink(html, href);
      expect(link).toContain('download');
      expect(link).toContain(`type="${type}"`);
      expect(squash(link.replace(/<[^>]+>/g, ' '))).toContain(`(${label}, ${formatSize(file(href).byteLength)})`);
    }
  });
});

describe('the newest month on the home page', () => {
  it('links to its PDF, Word file and ZIP with their sizes', () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    for (const ext of ['pdf', 'docx', 'zip']) {
      const href = monthFile('2026-11', ext);
      expect(squash(downloadLink(html, href).replace(/<[^>]+>/g, ' '))).toContain(formatSize(file(href).byteLength));
    }
  });
});

describe('a draft month', () => {
  it('has no PDF, Word file or ZIP, and nothing links to them', () => {
    for (const ext of ['pdf', 'docx', 'zip']) expect(existsSync(join(dist, monthFile(DRAFT_MONTH, ext)))).toBe(false);
    expect(existsSync(join(dist, 'thang', DRAFT_MONTH))).toBe(false);
    const pages = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? pages(join(dir, entry.name))
          : entry.name.endsWith('.html')
            ? [join(dir, entry.name)]
            : [],
      );
    for (const path of pages(dist))
      expect(readFileSync(path, 'utf8')).not.toContain(`tai-lieu-sinh-hoat-chi-bo-${DRAFT_MONTH}`);
  });
});

describe('annual topic and study guide PDFs', () => {
  it('a study guide that is not public yet has no PDF', () => {
    expect(existsSync(join(dist, '/hoc-tap-bac/bac-ho-voi-dong-bao-cac-dan-toc-vung-cao/'))).toBe(false);
  });

  it('the topic PDF has every part in order and is linked from the topic page', async () => {
    const url = '/chuyen-de/2026/chuyen-de-2026.pdf';
    const { text, totalPages, info } = await readPdf(url);
    expect(info['Title']).toBe(frontmatter('content/chuyen-de/2026/index.mdx')['title']);
    expect(totalPages).toBeGreaterThanOrEqual(4);
    const parts = readdirSync(join('content/chuyen-de/2026'))
      .filter((name) => /^\d+-/.test(name))
      .sort()
      .map((name) => String(frontmatter(`content/chuyen-de/2026/${name}`)['title']));
    expectInOrder(text, parts);
    const link = downloadLink(page('/chuyen-de/2026/'), url);
    expect(link).toContain('download');
    expect(link).toContain('type="application/pdf"');
    expect(link).toContain(formatSize(file(url).byteLength));
  });

  it.each(GUIDES)('the guide %s has a PDF linked from its page', async (slug) => {
    const url = `/hoc-tap-bac/${slug}/hoc-tap-bac-${slug}.pdf`;
    const { text, info } = await readPdf(url);
    const title = String(frontmatter(`content/hoc-tap-bac/${slug}.mdx`)['title']);
    expect(info['Title']).toBe(title);
    expect(text).toContain(title.toLocaleUpperCase('vi'));
    const link = downloadLink(page(`/hoc-tap-bac/${slug}/`), url);
    expect(link).toContain('download');
    expect(link).toContain(formatSize(file(url).byteLength));
  });
});
