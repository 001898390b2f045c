/**
 * Normalises MDX sources to Unicode NFC before they are compiled, so text pasted from old
 * documents in decomposed form is served (and indexed) like any other text.
 */
import type { Plugin } from 'vite';

/** A Vite plugin that rewrites .mdx sources to NFC ahead of the MDX compiler. */
export function nfcContent(): Plugin {
  return {
    name: 'portal:nfc-content',
    enforce: 'pre',
    transform(code, id) {
      if (!/\.mdx(?:\?|$)/.test(id)) return null;
      const normalized = code.normalize('NFC');
      return normalized === code ? null : { code: normalized, map: null };
    },
  };
}
