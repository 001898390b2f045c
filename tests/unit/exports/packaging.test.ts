import { describe, expect, it } from 'vitest';
import { ExternalHyperlink, Packer, Paragraph, TextRun } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { createDocx } from '../../../src/lib/exports/docx/styles.ts';
import { stabiliseDocx, zipFiles } from '../../../src/lib/exports/packaging.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('zipFiles', () => {
  it('lists the files in the given order and gives the same bytes every time', () => {
    const files = [
      { name: 'tai-lieu.pdf', data: bytes('%PDF-1.7 giả') },
      { name: 'tai-lieu.docx', data: bytes('PK giả') },
      { name: 'huong-dan.txt', data: bytes('Hướng dẫn') },
    ];
    const first = zipFiles(files, '2026-10-28');
    expect(Object.keys(unzipSync(first))).toEqual(['tai-lieu.pdf', 'tai-lieu.docx', 'huong-dan.txt']);
    expect(strFromU8(unzipSync(first)['huong-dan.txt'] as Uint8Array)).toBe('Hướng dẫn');
    expect(Buffer.from(zipFiles(files, '2026-10-28')).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(zipFiles(files, '2026-10-29')).equals(Buffer.from(first))).toBe(false);
  });
});

describe('stabiliseDocx', () => {
  it('dates the Word file by its publish date, so two builds give the same bytes', async () => {
    const make = async () =>
      stabiliseDocx(
        await Packer.toBuffer(createDocx({ title: 'Thử', children: [new Paragraph('Nội dung')] })),
        '2026-10-28',
      );
    const first = await make();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await make();
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const core = strFromU8(unzipSync(first)['docProps/core.xml'] as Uint8Array);
    expect(core).toMatch(/<dcterms:created[^>]*>2026-10-28T00:00:00Z<\/dcterms:created>/);
    expect(core).toMatch(/<dcterms:modified[^>]*>2026-10-28T00:00:00Z<\/dcterms:modified>/);
    expect(Object.keys(unzipSync(first))[0]).toBe('[Content_Types].xml');
  });
});

describe('stabiliseDocx with links', () => {
  it('renames the random ids of hyperlinks by position, in the relations and in the document', async () => {
    const link = (href: string) =>
      new Paragraph({ children: [new ExternalHyperlink({ link: href, children: [new TextRun(href)] })] });
    const make = async () =>
      stabiliseDocx(
        await Packer.toBuffer(
          createDocx({ title: 'Liên kết', children: [link('https://a.example/'), link('https://b.example/')] }),
        ),
        '2026-10-28',
      );
    const first = await make();
    const second = await make();
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const parts = unzipSync(first);
    const rels = strFromU8(parts['word/_rels/document.xml.rels'] as Uint8Array);
    const document = strFromU8(parts['word/document.xml'] as Uint8Array);
    expect(rels).toMatch(/Id="rIdx1"[^>]*Target="https:\/\/a\.example\/"/);
    expect(rels).toMatch(/Id="rIdx2"[^>]*Target="https:\/\/b\.example\/"/);
    expect(document.indexOf('r:id="rIdx1"')).toBeLessThan(document.indexOf('r:id="rIdx2"'));
    expect(document.indexOf('r:id="rIdx1"')).toBeGreaterThan(0);
  });
});

describe('months before 1980', () => {
  it('still package, dated at the first date ZIP can record', () => {
    const zip = zipFiles([{ name: 'a.txt', data: new TextEncoder().encode('Tháng 5 năm 1975') }], '1975-05-01');
    expect(zip.byteLength).toBeGreaterThan(0);
    expect(zipFiles([{ name: 'a.txt', data: new TextEncoder().encode('Tháng 5 năm 1975') }], '1980-01-01')).toEqual(
      zip,
    );
  });
});
