/**
 * Cache keys of built paths for Astro's incremental build: a path is restored from the last build
 * only when its key is the same, so the key is a hash of everything the path shows (its props and
 * whatever else it reads). A stale page is far worse than a slow build: when in doubt, put it in.
 */
import { hash } from 'node:crypto';

/** Digests of objects already hashed in one keying run, so a month shared by many paths is read once. */
export type KeyMemo = WeakMap<object, string>;

// One-shot: a key walks tens of thousands of values, and a Hash object per value cost more than hashing.
const sha256 = (data: string | Uint8Array) => hash('sha256', data, 'hex');

/** Strings longer than this are keyed by their hash. */
const LONG = 512;

/**
 * A short string stands for itself (quoted, so it cannot pass for another kind of value); a long one
 * by its hash. Not remembered: the build-wide object memo already reads each string about once, and
 * a memo would keep every body's HTML alive to the end of the build.
 */
function stringDigest(text: string): string {
  return text.length < LONG ? JSON.stringify(text) : `s${sha256(text)}`;
}

/**
 * The digest of a value: plain data of any depth (objects with their keys sorted, arrays, Maps,
 * Sets, Dates, URLs, bytes, primitives, undefined told apart from a missing key). A function or a
 * symbol cannot be keyed, so it throws: a path that shows one must key what it is made from instead.
 */
export function digestOf(value: unknown, memo: KeyMemo = new WeakMap()): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'undefined':
      return 'undefined';
    case 'string':
      return stringDigest(value);
    case 'number':
    case 'boolean':
    case 'bigint':
      return `${typeof value}:${String(value)}`;
    case 'function':
    case 'symbol':
      throw new TypeError(`A cache key cannot hold a ${typeof value}`);
  }
  const object = value as object;
  const known = memo.get(object);
  if (known) return known;
  let parts: string[];
  if (object instanceof Uint8Array) parts = ['bytes', sha256(object)];
  else if (object instanceof Date) parts = ['date', String(object.getTime())];
  else if (object instanceof URL) parts = ['url', object.href];
  else if (Array.isArray(object)) parts = ['array', ...object.map((item: unknown) => digestOf(item, memo))];
  else if (object instanceof Map)
    parts = ['map', ...[...object].map(([key, item]) => `${digestOf(key, memo)}=${digestOf(item, memo)}`).sort()];
  else if (object instanceof Set) parts = ['set', ...[...object].map((item) => digestOf(item, memo)).sort()];
  else
    parts = [
      'object',
      ...Object.keys(object)
        .sort()
        .map((key) => `${JSON.stringify(key)}=${digestOf((object as Record<string, unknown>)[key], memo)}`),
    ];
  const digest = sha256(parts.join('\n'));
  memo.set(object, digest);
  return digest;
}

/** A path as getStaticPaths returns it. */
export interface StaticPath {
  params: Record<string, string | number | undefined>;
  props?: unknown;
}

/**
 * The memo of every route's keys in one build. Routes share the collections' objects (a month is in
 * the props of a dozen routes), and a page is rendered from the same objects its key was made of, so
 * they cannot change within the build without the page going wrong anyway: each object is read once
 * per build instead of once per route.
 */
const buildMemo: KeyMemo = new WeakMap();

/**
 * Gives each path the cache key of what it shows: its route, params and props, and `reads(path)`,
 * what the page reads besides its props (files on disk, the site address, shared data).
 */
export function withCacheKeys<P extends StaticPath>(
  route: string,
  paths: readonly P[],
  reads: (path: P) => unknown,
  memo: KeyMemo = buildMemo,
): (P & { cacheKey: string })[] {
  return paths.map((path) => ({
    ...path,
    cacheKey: digestOf({ route, params: path.params, props: path.props, reads: reads(path) }, memo),
  }));
}
