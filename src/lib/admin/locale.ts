/**
 * The web editor's words: Decap's own Vietnamese locale with the phrases it lacks or says awkwardly
 * replaced from src/i18n/vi.ts ("decap.<phrase path>" keys).
 */
import { vi } from '../../i18n/vi.ts';

/** A Decap phrase tree: nested objects of strings. */
export interface Phrases {
  [key: string]: string | Phrases;
}

/** Our phrases as Decap's nested tree. */
export function decapOverrides(): Phrases {
  const tree: Phrases = {};
  for (const [key, value] of Object.entries(vi)) {
    if (!key.startsWith('decap.')) continue;
    const path = key.slice('decap.'.length).split('.');
    let node = tree;
    for (const part of path.slice(0, -1)) {
      const next = node[part];
      node = typeof next === 'object' ? next : (node[part] = {});
    }
    node[path.at(-1) ?? ''] = value;
  }
  return tree;
}

/** `base` with every phrase of `overrides` put in, deeply; neither is changed. */
export function mergePhrases(base: Phrases, overrides: Phrases): Phrases {
  const out: Phrases = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const current = out[key];
    out[key] = typeof value === 'object' && typeof current === 'object' ? mergePhrases(current, value) : value;
  }
  return out;
}

/** Every phrase path of a tree ("editor.editorWidgets.list.add"…). */
export function phrasePaths(tree: Phrases, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' ? phrasePaths(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}
