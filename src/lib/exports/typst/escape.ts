/**
 * Escaping for Typst source: text goes into markup with every special character backslashed, so
 * "#", "*", "_", "$", "@", "<", "[" and friends in Vietnamese prose print as themselves.
 */

/**
 * Characters that start markup, code, math, labels, references, comments or shorthands ("1." list,
 * "..." ellipsis), plus "(", "." and ";" that would otherwise continue a preceding #function call.
 */
const MARKUP_SPECIAL = /[\\#*_$@<>[\]`~=+\-/'"{}().;]/g;

/** Text as Typst markup that prints exactly that text (soft line breaks become spaces). */
export function escapeMarkup(text: string): string {
  return text.replace(/[ \t]*\r?\n[ \t]*/g, ' ').replace(MARKUP_SPECIAL, (char) => `\\${char}`);
}

/** A Typst string literal holding `text` exactly. */
export function stringLiteral(text: string): string {
  return `"${text
    .replace(/[\\"]/g, (char) => `\\${char}`)
    .replace(/\r?\n/g, '\\n')
    .replace(/\t/g, '\\t')}"`;
}

/** Content brackets around already-built markup: `[…]`. */
export function content(markup: string): string {
  return `[${markup}]`;
}
