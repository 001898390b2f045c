import { describe, expect, it } from 'vitest';
import { labelTableCells, MAX_STACKED_COLUMNS } from '../../../src/lib/reader/table-labels.ts';

const table = (headers: string[], rows: string[][]) =>
  `<thead><tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr></thead>` +
  `<tbody>${rows.map((row) => `<tr>${row.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody>`;

describe('labelTableCells', () => {
  it('labels every body cell with its column name, as plain text', () => {
    const result = labelTableCells(table(['Số, ký hiệu', '<strong>Trích</strong> yếu'], [['86-KH/TU', 'Kiểm điểm']]));
    expect(result.html).toContain('<td data-label="Số, ký hiệu">86-KH/TU</td>');
    expect(result.html).toContain('<td data-label="Trích yếu">Kiểm điểm</td>');
    expect(result.stackable).toBe(true);
  });

  it('escapes quotes in a label', () => {
    expect(labelTableCells(table(['Tên "gọi"'], [['a']])).html).toContain('data-label="Tên &quot;gọi&quot;"');
  });

  it('leaves cells beyond the header row unlabelled', () => {
    expect(labelTableCells(table(['A'], [['1', '2']])).html).toContain('<td data-label="A">1</td><td>2</td>');
  });

  it.each([
    ['no header row', '<tbody><tr><td>1</td></tr></tbody>'],
    ['an empty header cell', table(['', 'B'], [['1', '2']])],
  ])('does not stack a table with %s', (_, html) => {
    expect(labelTableCells(html)).toEqual({ html, stackable: false });
  });

  it(`keeps tables wider than ${MAX_STACKED_COLUMNS} columns scrolling`, () => {
    const headers = Array.from({ length: MAX_STACKED_COLUMNS + 1 }, (_, i) => `C${i}`);
    expect(labelTableCells(table(headers, [headers])).stackable).toBe(false);
  });
});
