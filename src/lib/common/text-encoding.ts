/**
 * Vietnamese text hygiene: NFC normalisation and detection of text that was typed in a legacy
 * 8-bit font encoding (TCVN3/ABC, VNI) and pasted as mojibake.
 */

/** Text in Unicode NFC, the form the portal stores and serves. */
export function toNfc(text: string): string {
  return text.normalize('NFC');
}

// Letters of Latin-1 and its neighbours that Vietnamese never uses but that TCVN3 and VNI
// mojibake is made of (e.g. "§¶ng" for TCVN3 "Đảng", "Ñaûng" for VNI "Đảng").
const FOREIGN_IN_VIETNAMESE = /[¡-¯±-¿ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïðñö÷øûüþÿ]/u;
// The degree sign is left out so that "25°C" is not taken for mojibake.
const WORD = /[\p{L}\p{M}¡-¯±-¿×÷]+/gu;

/** Where legacy-encoded text was found: the suspicious word and its 1-based line. */
export interface LegacyEncodingHit {
  word: string;
  line: number;
}

/** Finds the first word that looks like TCVN3 or VNI mojibake, or null for clean text. */
export function findLegacyEncoding(text: string): LegacyEncodingHit | null {
  // Clean text, nearly all of it, has none of those letters at all: no need to split it into words.
  if (!FOREIGN_IN_VIETNAMESE.test(text)) return null;
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const lineText = lines[index] ?? '';
    for (const match of lineText.matchAll(WORD)) {
      const word = match[0];
      // A lone symbol such as "§" or "°" in prose is fine; mojibake mixes it into letters.
      if (FOREIGN_IN_VIETNAMESE.test(word) && /[a-zA-Z]/.test(word)) {
        return { word, line: index + 1 };
      }
    }
  }
  return null;
}
