import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/check/content.ts';
import type { ContentFile } from '../../../src/lib/check/problem.ts';
import { findLegacyEncoding } from '../../../src/lib/common/text-encoding.ts';
import { SECTION_KINDS } from '../../../src/lib/content/kinds.ts';
import { archiveMonths, generateArchive, minimalPdf, type GeneratedFile } from '../../../src/lib/synthetic/archive.ts';

/** The checker's view of a generated archive, as if it were written under content/. */
function asContent(files: readonly GeneratedFile[]): ContentFile[] {
  return files.map((file) =>
    file.kind === 'text'
      ? { path: `content/${file.path}`, source: file.text, size: file.text.length }
      : { path: `content/${file.path}`, size: file.kind === 'pdf' ? file.text.length : 40_000 },
  );
}

const texts = (files: readonly GeneratedFile[]) => files.flatMap((file) => (file.kind === 'text' ? [file] : []));

describe('generateArchive', () => {
  const archive = generateArchive({ months: 120, seed: 7, endMonth: '2026-11', draftNext: true });

  it('passes the content checker with no error and no warning', () => {
    expect(checkContent(asContent(archive))).toEqual([]);
  });

  it('holds 120 published issues, one draft, a topic per year and a guide per quarter', () => {
    const issues = texts(archive).filter((file) => /^thang\/[^/]+\/index\.mdx$/.test(file.path));
    expect(issues).toHaveLength(121);
    expect(issues.filter((file) => file.text.includes('\nstatus: draft\n')).map((file) => file.path)).toEqual([
      'thang/2026-12/index.mdx',
    ]);
    expect(texts(archive).filter((file) => /^chuyen-de\/\d{4}\/index\.mdx$/.test(file.path))).toHaveLength(11);
    expect(texts(archive).filter((file) => file.path.startsWith('hoc-tap-bac/'))).toHaveLength(40);
  });

  it('uses every section kind and every Markdown shape the real content uses', () => {
    const sections = texts(archive).filter((file) => /^thang\/[^/]+\/\d+-/.test(file.path));
    for (const kind of SECTION_KINDS)
      expect(
        sections.some((file) => file.text.includes(`\nkind: ${kind}\n`)),
        kind,
      ).toBe(true);
    const all = sections.map((file) => file.text).join('\n');
    for (const shape of [
      /^## /m,
      /^### /m,
      /^- /m,
      /^1\. /m,
      /^\| --- /m,
      /^> /m,
      /^!\[[^\]]+\]\(\.\/images\//m,
      /\[\^1\]: /,
    ]) {
      expect(all, String(shape)).toMatch(shape);
    }
    expect(archive.some((file) => file.kind === 'pdf')).toBe(true);
    expect(texts(archive).some((file) => file.text.includes('corrections:'))).toBe(true);
  });

  it('is deterministic from the seed, and a shorter archive is the newest part of a longer one', () => {
    expect(generateArchive({ months: 120, seed: 7, endMonth: '2026-11', draftNext: true })).toEqual(archive);
    expect(generateArchive({ months: 120, seed: 8, endMonth: '2026-11' })).not.toEqual(archive);
    const short = generateArchive({ months: 12, seed: 7, endMonth: '2026-11' });
    const byPath = new Map(archive.map((file) => [file.path, file]));
    const monthFiles = short.filter((file) => file.path.startsWith('thang/'));
    expect(monthFiles.length).toBeGreaterThan(12);
    for (const file of monthFiles) {
      // The oldest month of the short archive has no previous month to link to.
      if (file.path.startsWith('thang/2025-12/01-')) continue;
      expect(byPath.get(file.path), file.path).toEqual(file);
    }
  });

  it('writes only NFC text with no legacy-encoding look-alikes', () => {
    const notNfc = texts(archive).filter((file) => file.text.normalize('NFC') !== file.text);
    expect(notNfc.map((file) => file.path)).toEqual([]);
    const legacy = texts(archive).filter((file) => findLegacyEncoding(file.text) !== null);
    expect(legacy.map((file) => file.path)).toEqual([]);
  });

  it.each([0, -3, 1.5])('refuses %s months', (months) => {
    expect(() => generateArchive({ months, seed: 1, endMonth: '2026-11' })).toThrow(/months/);
  });
});

describe('archiveMonths', () => {
  it.each([
    ['2026-11', 3, ['2026-09', '2026-10', '2026-11']],
    ['2026-01', 2, ['2025-12', '2026-01']],
    ['2026-12', 1, ['2026-12']],
  ])('%s back %i months', (end, count, expected) => {
    expect(archiveMonths(end, count).map(({ year, month }) => `${year}-${String(month).padStart(2, '0')}`)).toEqual(
      expected,
    );
  });
});

describe('minimalPdf', () => {
  it('writes a PDF whose cross-reference table points at its objects', () => {
    const pdf = minimalPdf(['Hướng dẫn số 12 (bản thử)']);
    expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
    expect(pdf).toMatch(/\(Huong dan so 12 ban thu\) '/);
    const offsets = [...pdf.matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]));
    offsets.forEach((offset, index) => expect(pdf.slice(offset).startsWith(`${index + 1} 0 obj`)).toBe(true));
    const start = Number(/startxref\n(\d+)/.exec(pdf)?.[1]);
    expect(pdf.slice(start).startsWith('xref')).toBe(true);
  });
});
