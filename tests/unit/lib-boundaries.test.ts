/**
 * src/lib is pure: each file imports only src/lib, src/i18n and packages (never Astro's virtual
 * modules, the collections, the environment or Node's file system), and no two modules import each
 * other, directly or through others.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const lib = join(root, 'src/lib');
const files = readdirSync(lib, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => join(lib, file));

/** Import specifiers of a TypeScript source, static and dynamic, type-only included. */
function specifiers(source: string): string[] {
  const found = source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)'([^']+)'/gm);
  return [...found].map((match) => match[1] ?? '');
}

/** Node built-ins that would make a lib module read the machine instead of its arguments. */
const IMPURE = /^(node:)?(fs|fs\/promises|child_process|process|os|worker_threads|http|https|net)$/;

const graph = new Map(
  files.map((file) => {
    const imports = specifiers(readFileSync(file, 'utf8'));
    return [file, imports] as const;
  }),
);

describe('src/lib imports', () => {
  it('finds the lib folders (the test reads real files)', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(new Set(files.map((file) => relative(lib, dirname(file)).split('/')[0])).size).toBeGreaterThan(8);
  });

  it.each(files.map((file) => [relative(root, file), file]))('%s imports only lib/, i18n/ and packages', (_, file) => {
    const bad = (graph.get(file) ?? []).filter((spec) => {
      if (spec.startsWith('.')) {
        const target = relative(join(root, 'src'), resolve(dirname(file), spec));
        return !target.startsWith('lib/') && !target.startsWith('i18n/');
      }
      return spec.startsWith('astro:') || IMPURE.test(spec);
    });
    expect(bad).toEqual([]);
  });

  it('has no import loop', () => {
    const edges = new Map(
      [...graph].map(([file, imports]) => [
        file,
        imports.filter((spec) => spec.startsWith('.')).map((spec) => resolve(dirname(file), spec)),
      ]),
    );
    const state = new Map<string, 'open' | 'done'>();
    const loops: string[] = [];
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        loops.push([...path.slice(path.indexOf(file)), file].map((item) => relative(lib, item)).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of edges.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of edges.keys()) visit(file, []);
    expect(loops).toEqual([]);
  });
});
