import type { Element, ElementContent } from 'hast';
import { describe, expect, it } from 'vitest';
import { labelTableCells, MAX_STACKED_COLUMNS } from '../../../src/lib/reader/table-labels.ts';

const element = (tagName: string, children: ElementContent[], properties: Element['properties'] = {}): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const text = (value: string): ElementContent => ({ type: 'text', value });
const cell = (tagName: 'th' | 'td', content: string | ElementContent[]) =>
  element(tagName, typeof content === 'string' ? [text(content)] : content);
const table = (headers: (string | ElementContent[])[], rows: string[][]) =>
  element('table', [
    ...(headers.length > 0
      ? [
          element('thead', [
            element(
              'tr',
              headers.map((h) => cell('th', h)),
            ),
          ]),
        ]
      : []),
    text('\n'),
    element('tbody', [
      ...rows.map((row) =>
        element(
          'tr',
          row.map((c) => cell('td', c)),
        ),
      ),
      text('\n'),
    ]),
  ]);

/** The labels of the first body row, in column order (undefined where a cell has none). */
const firstRowLabels = (result: Element) => {
  const body = result.children.find((child) => child.type === 'element' && child.tagName === 'tbody') as Element;
  const row = body.children[0] as Element;
  return row.children.map((child) => (child as Element).properties['dataLabel']);
};

describe('labelTableCells', () => {
  it('labels every body cell with its column name, as plain text', () => {
    const result = labelTableCells(
      table(['Số, ký hiệu', [element('strong', [text('Trích')]), text('  yếu\n')]], [['86-KH/TU', 'Kiểm điểm']]),
    );
    expect(firstRowLabels(result.table)).toEqual(['Số, ký hiệu', 'Trích yếu']);
    expect(result.stackable).toBe(true);
  });

  it('puts the label before the cell’s own attributes, keeping them', () => {
    const input = table(['A'], [['1']]);
    const row = ((input.children[2] as Element).children[0] as Element).children[0] as Element;
    row.properties = { align: 'right' };
    const labelled = labelTableCells(input).table;
    const cellOut = ((labelled.children[2] as Element).children[0] as Element).children[0] as Element;
    expect(Object.entries(cellOut.properties)).toEqual([
      ['dataLabel', 'A'],
      ['align', 'right'],
    ]);
  });

  it('turns a column’s alignment into a class, in the header and the body, labelled or not', () => {
    const aligned = (tagName: 'th' | 'td', style: string) =>
      element(tagName, [text('1')], { style, className: ['so'] });
    const input = element('table', [
      element('thead', [element('tr', [cell('th', 'A'), aligned('th', 'text-align: right')])]),
      element('tbody', [element('tr', [aligned('td', 'text-align:center;'), aligned('td', 'text-align: right')])]),
    ]);
    const result = labelTableCells(input).table;
    const head = ((result.children[0] as Element).children[0] as Element).children as Element[];
    const body = ((result.children[1] as Element).children[0] as Element).children as Element[];
    expect(head[1]?.properties).toEqual({ className: ['so', 'align-right'] });
    expect(body.map((cellOut) => cellOut.properties)).toEqual([
      { dataLabel: 'A', className: ['so', 'align-center'] },
      { dataLabel: '1', className: ['so', 'align-right'] },
    ]);
    // Any other style is left for the CSP to refuse, not guessed at.
    const other = labelTableCells(element('table', [element('tbody', [element('tr', [aligned('td', 'color: red')])])]));
    expect(((other.table.children[0] as Element).children[0] as Element).children[0]).toMatchObject({
      properties: { style: 'color: red' },
    });
  });

  it('leaves cells beyond the header row unlabelled', () => {
    expect(firstRowLabels(labelTableCells(table(['A'], [['1', '2']])).table)).toEqual(['A', undefined]);
  });

  it('does not change the table it is given', () => {
    const input = table(['A'], [['1']]);
    const before = structuredClone(input);
    labelTableCells(input);
    expect(input).toEqual(before);
  });

  it.each([
    ['no header row', table([], [['1']])],
    ['an empty header cell', table(['', 'B'], [['1', '2']])],
  ])('does not stack a table with %s', (_, input) => {
    expect(labelTableCells(input)).toEqual({ table: input, stackable: false });
  });

  it(`keeps tables wider than ${MAX_STACKED_COLUMNS} columns scrolling`, () => {
    const headers = Array.from({ length: MAX_STACKED_COLUMNS + 1 }, (_, i) => `C${i}`);
    const result = labelTableCells(table(headers, [headers]));
    expect(result.stackable).toBe(false);
    expect(firstRowLabels(result.table)).toEqual(headers);
  });
});
