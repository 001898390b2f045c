/**
 * What a reader's query becomes before Pagefind sees it: document numbers written as Pagefind indexes
 * them ("10-CT/TW", "10 ct tw", "10CT-TW" → "10cttw"), and the phrases whose adjacency ranks pages
 * (the whole query and each pair of neighbouring syllables, for Pagefind's exact-phrase search).
 * Imports nothing: it ships to the browser.
 */

/** The query as the site searches it. */
export interface ExpandedQuery {
  /** The words, lower case, punctuation dropped, marks kept (Pagefind folds them itself). */
  terms: string[];
  /** The words joined: what Pagefind searches for pages holding all of them. */
  text: string;
  /** Pagefind exact-phrase queries: the whole query, then each neighbouring pair. Empty for one word. */
  phrases: string[];
  /**
   * Document numbers named by kind and number ("Quy định 144" → "144qd"): Pagefind matches them as
   * prefixes of the compact numbers it indexes (144qđtw), and a page citing one ranks as a phrase.
   */
  citations: string[];
}

// Document kinds as readers name them, folded, with the abbreviation their numbers carry.
const KIND_NAMES: ReadonlyArray<[string, string]> = [
  ['chi thi', 'ct'],
  ['ket luan', 'kl'],
  ['nghi quyet', 'nq'],
  ['quy dinh', 'qd'],
  ['quyet dinh', 'qd'],
  ['huong dan', 'hd'],
  ['ke hoach', 'kh'],
  ['thong bao', 'tb'],
  ['cong van', 'cv'],
  ['nghi dinh', 'nd'],
  ['thong tu', 'tt'],
  ['bao cao', 'bc'],
];

/** Strips marks and đ for matching kind names: "Quy định" → "quy dinh". */
const fold = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

/** "Quy định số 144", "chi thi 10": the compact prefixes of the numbers the query names by kind. */
export function citedNumbers(terms: readonly string[]): string[] {
  const folded = terms.map(fold);
  const found: string[] = [];
  for (let i = 0; i + 1 < folded.length; i++) {
    const name = `${folded[i]} ${folded[i + 1]}`;
    const kind = KIND_NAMES.find(([words]) => words === name)?.[1];
    if (!kind) continue;
    let j = i + 2;
    if (folded[j] === 'so') j++;
    const number = /^\d{1,4}$/.exec(folded[j] ?? '')?.[0];
    if (number && !found.includes(`${number}${kind}`)) found.push(`${number}${kind}`);
  }
  return found;
}

// Kinds of Party documents, as their numbers abbreviate them (Chỉ thị, Kết luận, Nghị quyết, Quy định…).
const DOCUMENT_KINDS = new Set([
  'bc',
  'ct',
  'cv',
  'hd',
  'kh',
  'kl',
  'nd',
  'nq',
  'qc',
  'qd',
  'qđ',
  'nđ',
  'tb',
  'tt',
  'tw',
]);
// The issuing body ends the number: TW (Central), TU (province), HU (district), ĐU (Party committee),
// QU (military), possibly after a department (BTCTW, BTGDVTU).
const ISSUER = /^[a-zđ]{0,8}(tw|tu|hu|du|đu|qu)$/;

/** Lower case, NFC, đ kept (the index holds both đ and d keys). */
const lower = (text: string) => text.normalize('NFC').toLowerCase();

/**
 * Rewrites document numbers into the one word Pagefind indexes for them: digits, kind and issuer
 * run together without hyphen or slash. A number is digits, then a known kind (or any letters after a
 * hyphen), then optionally its issuer after a slash, hyphen or space.
 */
export function compactDocumentNumbers(text: string): string {
  const words = lower(text)
    .replace(/[‐-―−]/g, '-')
    .split(/\s+/)
    .filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    // Written in one piece: 10-CT/TW, 10ct/tw, 10-ct-tw, 144-QĐ/TW.
    const whole = /^(\d{1,4})-?([a-zđ]{2,5})(?:[/-]([a-zđ]{2,10}))?[.,;:)]*$/u.exec(word);
    if (whole && (word.includes('-') || DOCUMENT_KINDS.has(whole[2] ?? ''))) {
      out.push(`${whole[1]}${whole[2]}${whole[3] ?? ''}`);
      continue;
    }
    // In pieces: "10 CT/TW", "10 ct tw", "10-CT TW", "10 - CT / TW".
    const digits = /^(\d{1,4})-?$/.exec(word);
    if (digits) {
      let j = i + 1;
      if (words[j] === '-') j++;
      const kindPart = /^([a-zđ]{2,5})(?:[/-]([a-zđ]{2,10}))?[.,;:)]*$/u.exec(words[j] ?? '');
      if (kindPart && DOCUMENT_KINDS.has(kindPart[1] ?? '')) {
        let number = `${digits[1]}${kindPart[1]}${kindPart[2] ?? ''}`;
        j++;
        if (!kindPart[2]) {
          if (words[j] === '/' || words[j] === '-') j++;
          const issuer = /^\/?([a-zđ]{2,10})[.,;:)]*$/u.exec(words[j] ?? '');
          if (issuer && ISSUER.test(issuer[1] ?? '')) {
            number += issuer[1];
            j++;
          }
        }
        out.push(number);
        i = j - 1;
        continue;
      }
    }
    out.push(word);
  }
  return out.join(' ');
}

/** Splits into words: letters, marks and digits; everything else separates (quotes, commas, slashes). */
function words(text: string): string[] {
  return text
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .map((word) => word.normalize('NFC'))
    .filter((word) => word.length > 0);
}

/** The query the site runs for what the reader typed. */
export function expandQuery(input: string): ExpandedQuery {
  const terms = words(compactDocumentNumbers(input));
  // A reader who quotes asks for Pagefind's exact phrase: pass it on as typed.
  if (/^\s*".+"\s*$/.test(input)) return { terms, text: input.trim().normalize('NFC'), phrases: [], citations: [] };
  const phrases: string[] = [];
  if (terms.length >= 2) {
    phrases.push(`"${terms.join(' ')}"`);
    for (let i = 0; i + 1 < terms.length; i++) {
      const pair = `"${terms[i]} ${terms[i + 1]}"`;
      if (!phrases.includes(pair)) phrases.push(pair);
    }
  }
  return { terms, text: terms.join(' '), phrases, citations: citedNumbers(terms) };
}

/** The queries that drop one word each, for a query that found nothing: "a b c" → "b c", "a c", "a b". */
export function withoutOneWord(terms: readonly string[]): Array<{ dropped: string; text: string }> {
  if (terms.length < 2) return [];
  return terms.map((dropped, i) => ({ dropped, text: terms.filter((_, j) => j !== i).join(' ') }));
}

/** A last word shorter than this may be a word still being typed: Pagefind would fetch every chunk it begins. */
export const SHORT_WORD = 3;

/**
 * Whether the query ends in a word of fewer than SHORT_WORD letters or digits ("dang v", "chi bo
 * nong thon vung bien gi"): Pagefind matches each word as a prefix, so such a word costs the chunks of
 * every indexed word it begins. The search page waits a little longer before searching it, so a reader
 * still typing does not download them.
 */
export function endsInShortWord(input: string): boolean {
  const last = words(compactDocumentNumbers(input)).at(-1);
  return last !== undefined && [...last.normalize('NFD').replace(/\p{M}/gu, '')].length < SHORT_WORD;
}
