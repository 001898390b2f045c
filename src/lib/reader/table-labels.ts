/**
 * Labels the cells of a content table with their column names (`data-label`), so on a phone the
 * stylesheet can stack each row as a card, every value under its column name, without a script.
 */
import type { Element, ElementContent } from 'hast';

/** Tables of at most this many columns are stacked on a phone; wider ones keep scrolling. */
export const MAX_STACKED_COLUMNS = 5;

/** The table with labelled cells, and whether it can be stacked. */
export interface LabelledTable {
  table: Element;
  stackable: boolean;
}

const isElement = (node: ElementContent, tagName: string): node is Element =>
  node.type === 'element' && node.tagName === tagName;

/** The text of a node without markup, spaces collapsed. */
function plainText(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? node.children.map(plainText).join('') : '';
}

/** Adds each column's header text to its body cells; a table without a header row is left as it is. */
export function labelTableCells(table: Element): LabelledTable {
  const headRow = table.children.find((child) => isElement(child, 'thead')) as Element | undefined;
  const headers = (headRow?.children.find((child) => isElement(child, 'tr')) as Element | undefined)?.children.filter(
    (child) => isElement(child, 'th'),
  );
  const labels = (headers ?? []).map((cell) => plainText(cell).replace(/\s+/g, ' ').trim());
  if (labels.length === 0 || labels.some((label) => label === '')) return { table, stackable: false };
  const labelRow = (row: Element): Element => {
    let column = 0;
    return {
      ...row,
      children: row.children.map((cell) => {
        if (!isElement(cell, 'td')) return cell;
        const label = labels[column++];
        return label === undefined ? cell : { ...cell, properties: { dataLabel: label, ...cell.properties } };
      }),
    };
  };
  const children = table.children.map((child) =>
    isElement(child, 'tbody')
      ? { ...child, children: child.children.map((row) => (isElement(row, 'tr') ? labelRow(row) : row)) }
      : child,
  );
  return { table: { ...table, children }, stackable: labels.length <= MAX_STACKED_COLUMNS };
}
