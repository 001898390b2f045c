/**
 * Prepares the cells of a content table: labels them with their column names (`data-label`), so on
 * a phone the stylesheet can stack each row as a card, every value under its column name, without
 * a script; and turns a column's alignment (`| ---: |`, written as a style attribute) into a class,
 * since the pages' CSP allows no style attributes.
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

/** `style="text-align: right"` as the class `align-right`; other cells as they are. */
function alignmentClass(cell: Element): Element {
  const align = /^\s*text-align\s*:\s*(left|center|right)\s*;?\s*$/i.exec(String(cell.properties['style'] ?? ''))?.[1];
  if (!align) return cell;
  const { style: _style, className, ...rest } = cell.properties;
  const classes = Array.isArray(className) ? className.map(String) : [];
  return { ...cell, properties: { ...rest, className: [...classes, `align-${align.toLowerCase()}`] } };
}

/** The rows of a table section with each cell passed through `cell`. */
function mapCells(section: Element, cell: (cell: Element, column: number) => Element): Element {
  return {
    ...section,
    children: section.children.map((row) => {
      if (!isElement(row, 'tr')) return row;
      let column = 0;
      return {
        ...row,
        children: row.children.map((child) =>
          isElement(child, 'td') || isElement(child, 'th') ? cell(child, column++) : child,
        ),
      };
    }),
  };
}

/**
 * Adds each column's header text to its body cells (a table without a full header row is not
 * labelled and keeps scrolling on a phone), and alignment classes to every cell.
 */
export function labelTableCells(table: Element): LabelledTable {
  const head = table.children.find((child) => isElement(child, 'thead')) as Element | undefined;
  const headers = (head?.children.find((child) => isElement(child, 'tr')) as Element | undefined)?.children.filter(
    (child) => isElement(child, 'th'),
  );
  const labels = (headers ?? []).map((cell) => plainText(cell).replace(/\s+/g, ' ').trim());
  const labelled = labels.length > 0 && labels.every((label) => label !== '');
  const children = table.children.map((child) => {
    if (isElement(child, 'thead')) return mapCells(child, alignmentClass);
    if (!isElement(child, 'tbody')) return child;
    return mapCells(child, (cell, column) => {
      const aligned = alignmentClass(cell);
      const label = labelled && isElement(cell, 'td') ? labels[column] : undefined;
      return label === undefined ? aligned : { ...aligned, properties: { dataLabel: label, ...aligned.properties } };
    });
  });
  return { table: { ...table, children }, stackable: labelled && labels.length <= MAX_STACKED_COLUMNS };
}
