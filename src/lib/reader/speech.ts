/** Choosing a Vietnamese voice and cutting text into pieces speech synthesis reads reliably. */

/** The fields of a SpeechSynthesisVoice that matter here. */
export interface VoiceLike {
  lang: string;
  name: string;
  localService?: boolean;
}

/** The best Vietnamese voice, or undefined when there is none (then "Nghe" stays hidden). */
export function pickVietnameseVoice<V extends VoiceLike>(voices: readonly V[]): V | undefined {
  const vietnamese = voices.filter((voice) => /^vi([-_]|$)/i.test(voice.lang));
  // An on-device voice keeps working offline and costs no data.
  const score = (voice: V) => (/^vi[-_]vn$/i.test(voice.lang) ? 2 : 0) + (voice.localService ? 1 : 0);
  return [...vietnamese].sort((a, b) => score(b) - score(a))[0];
}

/** Some engines stop reading a long utterance midway; pieces up to this length are safe. */
export const MAX_CHUNK = 220;

/** Splits text into sentence-sized pieces of at most `max` characters, in reading order. */
export function speechChunks(text: string, max: number = MAX_CHUNK): string[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean) return [];
  const sentences = clean.match(/[^.!?;:…]+[.!?;:…]*\s*/g) ?? [clean];
  const chunks: string[] = [];
  let current = '';
  for (const sentence of sentences.flatMap((piece) => splitLong(piece.trim(), max))) {
    if (current && current.length + 1 + sentence.length > max) {
      chunks.push(current);
      current = sentence;
    } else current = current ? `${current} ${sentence}` : sentence;
  }
  if (current) chunks.push(current);
  return chunks;
}

/** Cuts a sentence longer than `max` at the last space before the limit. */
function splitLong(sentence: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = sentence;
  while (rest.length > max) {
    const cut = rest.lastIndexOf(' ', max);
    const at = cut > 0 ? cut : max;
    pieces.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  if (rest) pieces.push(rest);
  return pieces;
}
