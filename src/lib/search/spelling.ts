/**
 * The nearest spelling of a word the index does not hold, among words the index does hold: by edit
 * distance on the forms without marks, a swap of two neighbouring letters counting as one edit
 * ("lehc" → "lệch"), as readers typing fast on a phone swap letters more than they drop them.
 * Imports nothing: it ships to the browser.
 */

/** Lower case without tone or vowel marks, đ as d: how a reader types on a phone. */
export function bareWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();
}

/** Edits from `a` to `b`: insert, delete, replace, or swap two neighbouring letters. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const rows = Array.from({ length: x.length + 1 }, (_, i) =>
    Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= x.length; i++)
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (rows[i] as number[])[j] = best;
    }
  return at(x.length, y.length);
}

/**
 * The candidate closest to `typed` (compared without marks), if any is within two edits and is not
 * the typed word itself; ties go to the candidate seen first (the better-ranked page's word).
 */
export function closestSpelling(typed: string, candidates: Iterable<string>): string | undefined {
  const target = bareWord(typed);
  let best: { word: string; distance: number } | undefined;
  for (const word of candidates) {
    const bare = bareWord(word);
    if (bare === target || bare.length === 0) continue;
    const distance = editDistance(target, bare);
    if (distance <= 2 && (!best || distance < best.distance)) best = { word, distance };
  }
  return best?.word;
}
