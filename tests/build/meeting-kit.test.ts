/** The meeting kit in the built sample site: every published month has it, the draft month has none. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { projectRoot } from '../support/build-site.ts';
import { frontmatter, sampleSections } from '../support/content.ts';
import { htmlText } from '../support/html-text.ts';

const dist = inject('siteDist');
const file = (url: string) => join(dist, url, url.endsWith('/') ? 'index.html' : '');
const page = (url: string) => readFileSync(file(url), 'utf8');
const text = htmlText;
const wordText = async (url: string) => (await mammoth.extractRawText({ buffer: readFileSync(file(url)) })).value;

const PUBLISHED = ['2026-11', '2026-10', '2026-09'] as const;
const DRAFT = '2026-12';
const kitUrls = (month: string) => [
  `/thang/${month}/ke-hoach/`,
  `/thang/${month}/phan-dia-phuong/`,
  `/thang/${month}/phan-thong-tin-dia-phuong-${month}.docx`,
  `/thang/${month}/bien-ban-sinh-hoat-chi-bo-${month}.docx`,
  `/thang/${month}/tu-danh-gia/`,
  `/thang/${month}/sinh-hoat-chuyen-de/`,
];
const issueOf = (month: string) =>
  frontmatter(`content/thang/${month}/index.mdx`) as { agenda: string[]; questions: string[] };
const criteria = parse(readFileSync(resolve(projectRoot, 'content/tieu-chi/chat-luong-sinh-hoat.yaml'), 'utf8')) as {
  groups: { title: string; items: { text: string }[] }[];
};

describe.each(PUBLISHED)('the kit of %s', (month) => {
  const { agenda, questions } = issueOf(month);
  const [year, number] = month.split('-').map(Number);
  const inWords = `tháng ${number} năm ${year}`;

  it('is linked from the month page', () => {
    const html = page(`/thang/${month}/`);
    for (const url of kitUrls(month)) expect(html).toContain(`href="${url}"`);
  });

  it('has a plan page with the month, every agenda line and the three parts in order', () => {
    const plan = text(page(`/thang/${month}/ke-hoach/`));
    expect(plan).toContain(`Kế hoạch sinh hoạt chi bộ ${inWords}`);
    for (const item of agenda) expect(plan).toContain(item);
    const parts = ['I. Phần mở đầu', 'II. Phần nội dung', 'III. Phần kết thúc'].map((part) => plan.indexOf(part));
    expect(parts.every((index) => index >= 0)).toBe(true);
    expect([...parts].sort((a, b) => a - b)).toEqual(parts);
    // The suggested total, before the secretary changes anything.
    expect(page(`/thang/${month}/ke-hoach/`)).toMatch(/<output data-total[^>]*>100<\/output>/);
  });

  it('has Word minutes pre-filled with the month, the agenda and the questions', async () => {
    const minutes = await wordText(`/thang/${month}/bien-ban-sinh-hoat-chi-bo-${month}.docx`);
    expect(minutes).toContain('BIÊN BẢN');
    expect(minutes).toContain(`sinh hoạt chi bộ thường kỳ ${inWords}`);
    for (const item of agenda) expect(minutes).toContain(item);
    questions.forEach((question, index) => expect(minutes).toContain(`Câu ${index + 1}: ${question}`));
    expect(minutes).toContain('Có mặt: ...... đồng chí');
    expect(minutes).toContain('Xếp loại: ☐ Tốt');
  });

  it('has the local part as a page and as Word', async () => {
    expect(text(page(`/thang/${month}/phan-dia-phuong/`))).toContain('THÔNG TIN CỦA ĐỊA PHƯƠNG');
    // Its title as the search index reads it, tags dropped without a space: still two words apart.
    const title = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(page(`/thang/${month}/phan-dia-phuong/`))?.[1] ?? '';
    expect(title.replace(/<[^>]+>/g, '')).toMatch(/^THÔNG TIN CỦA ĐỊA PHƯƠNG\s+\S/);
    const word = await wordText(`/thang/${month}/phan-thong-tin-dia-phuong-${month}.docx`);
    expect(word).toContain('THÔNG TIN CỦA ĐỊA PHƯƠNG');
    expect(word).toContain(inWords);
    expect(word).toContain('Nhiệm vụ của chi bộ trong tháng');
  });

  it('has the checklist page with every criterion from content/tieu-chi', () => {
    const html = page(`/thang/${month}/tu-danh-gia/`);
    const checklist = text(html);
    for (const group of criteria.groups) {
      expect(checklist).toContain(group.title);
      for (const item of group.items) expect(checklist).toContain(item.text);
    }
    expect(html.match(/<input type="checkbox"/g)?.length).toBe(criteria.groups.flatMap((group) => group.items).length);
  });

  it('has the thematic guide drawn from the chuyen-de section', () => {
    const thematic = sampleSections(month).find(({ slug }) => slug.startsWith('chuyen-de'));
    expect(thematic).toBeDefined();
    const html = page(`/thang/${month}/sinh-hoat-chuyen-de/`);
    expect(html).toContain(`href="/thang/${month}/${thematic?.slug}/"`);
    expect(text(html)).toContain(thematic?.title ?? '');
    // The report outline links to the section's own headings.
    const source = readFileSync(
      resolve(projectRoot, `content/thang/${month}`, readdirName(month, thematic?.slug ?? '')),
      'utf8',
    );
    // The sample's chuyen-de section has "## " headings; without one this test would prove nothing.
    const headings = [...source.matchAll(/^## (.+)$/gm)].map((match) => match[1] ?? '');
    expect(headings.length).toBeGreaterThan(0);
    for (const heading of headings) expect(text(html)).toContain(heading);
    expect(html).toMatch(new RegExp(`href="/thang/${month}/${thematic?.slug}/#[^"]+"`));
  });
});

/** The file name of a section from its slug (NN-slug.mdx). */
function readdirName(month: string, slug: string): string {
  return readdirSync(resolve(projectRoot, 'content/thang', month)).find((name) => name.endsWith(`-${slug}.mdx`)) ?? '';
}

describe('the draft month', () => {
  it('has no kit at all', () => {
    for (const url of kitUrls(DRAFT)) expect(existsSync(file(url)), url).toBe(false);
  });
});
