/**
 * Labels the cells of a content table with their column names (`data-label`), so on a phone the
 * stylesheet can stack each row as a card, every value under its column name, without a script.
 */

/** Tables of at most this many columns are stacked on a phone; wider ones keep scrolling. */
export const MAX_STACKED_COLUMNS = 5;

/** The rendered table body with labelled cells, and whether it can be stacked. */
export interface LabelledTable {
  html: string;
  stackable: boolean;
}

const plainText = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();

const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** Adds each column's header text to its body cells; a table without a header row is left as it is. */
export function labelTableCells(html: string): LabelledTable {
  const head = /<thead[^>]*>([\s\S]*?)<\/thead>/i.exec(html)?.[1];
  if (!head) return { html, stackable: false };
  const labels = [...head.matchAll(/<th\b[^>]*>([\s\S]*?)<\/th>/gi)].map((match) => plainText(match[1] ?? ''));
  if (labels.length === 0 || labels.some((label) => label === '')) return { html, stackable: false };
  const labelled = html.replace(/<tbody[^>]*>[\s\S]*?<\/tbody>/gi, (body) =>
    body.replace(/<tr\b[^>]*>[\s\S]*?<\/tr>/gi, (row) => {
      let column = 0;
      return row.replace(/<td\b/gi, (cell) => {
        const label = labels[column++];
        return label === undefined ? cell : `${cell} data-label="${attribute(label)}"`;
      });
    }),
  );
  return { html: labelled, stackable: labels.length <= MAX_STACKED_COLUMNS };
}
