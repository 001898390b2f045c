/**
 * How Vietnamese words are matched in search: the folding readers expect when they type without
 * diacritics (including đ → d), and the two tone-mark placements (hoá/hóa, uỷ/ủy) treated as one word.
 */

const COMBINING_MARKS = /\p{M}/gu;

/** Strips every diacritic, đ/Đ included, and lower-cases: "Đảng uỷ" → "dang uy". */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/** Replaces đ/Đ by d/D and nothing else, so the tone marks survive: "đảng" → "dảng". */
export function foldStroke(text: string): string {
  return text.replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** True when the text holds đ or Đ, the one Vietnamese letter that Unicode does not decompose. */
export function hasStroke(text: string): boolean {
  return /[đĐ]/.test(text);
}

// The tone marks, as combining characters (NFD).
const TONES = '\u0300\u0301\u0303\u0309\u0323';
// Old style puts the tone on the second vowel of oa, oe, uy ("hoá", "uỷ"); new style on the first ("hóa", "ủy").
const OLD_STYLE = new RegExp(`^(.*?)(?:([oO])([aAeE])|([uU])([yY]))([${TONES}])(?![\\p{L}\\p{M}])`, 'u');
const NEW_STYLE = new RegExp(`^(.*?)(?:([oO])([${TONES}])([aAeE])|([uU])([${TONES}])([yY]))(?![\\p{L}\\p{M}])`, 'u');

/**
 * The same word with its tone mark in the other accepted place, or undefined when the word has only
 * one spelling: "hoá" ↔ "hóa", "thuỷ" ↔ "thủy", "uỷ" ↔ "ủy". Only open syllables move the mark
 * ("hoàn", "thuyền" are spelt one way), and "qu"/"gi" keep the mark on the vowel after them.
 */
export function alternateTonePlacement(word: string): string | undefined {
  const decomposed = word.normalize('NFD');
  const old = OLD_STYLE.exec(decomposed);
  if (old) {
    const [, head = '', o, a, u, y, tone = ''] = old;
    const first = o ?? u ?? '';
    if (!isConsonantCluster(head, first)) return `${head}${first}${tone}${a ?? y ?? ''}`.normalize('NFC');
  }
  const modern = NEW_STYLE.exec(decomposed);
  if (modern) {
    const [, head = '', o, oTone, a, u, uTone, y] = modern;
    const first = o ?? u ?? '';
    if (!isConsonantCluster(head, first))
      return `${head}${first}${a ?? y ?? ''}${oTone ?? uTone ?? ''}`.normalize('NFC');
  }
  return undefined;
}

/** In "qua", "quý" the u belongs to the consonant, so the tone never sits on it. */
function isConsonantCluster(head: string, vowel: string): boolean {
  return /q$/i.test(head) && /u/i.test(vowel);
}

/** Every spelling a word may be written with: itself and, where it exists, the other tone placement. */
export function spellings(word: string): string[] {
  const nfc = word.normalize('NFC');
  const other = alternateTonePlacement(nfc);
  return other ? [nfc, other] : [nfc];
}
