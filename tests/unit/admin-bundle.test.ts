import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adminBundle } from '../../src/admin-bundle.ts';

/** A tiny project: an entry importing a module, and a lockfile. */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'admin-bundle-'));
  writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3}\n');
  writeFileSync(join(root, 'entry.ts'), "import { word } from './word.ts';\nconsole.log(word);\n");
  writeFileSync(join(root, 'word.ts'), "export const word: string = 'một';\n");
  return root;
}

const entryText = (bundle: { dir: string; entryUrl: string }) =>
  readFileSync(join(bundle.dir, bundle.entryUrl.split('/').pop() ?? ''), 'utf8');

describe('adminBundle: the editor script kept between builds', () => {
  it('reuses the bundle while no input changed, and bundles anew when one did', async () => {
    const root = project();
    const cache = join(root, '.cache');
    const first = await adminBundle(root, cache, 'entry.ts');
    expect(first.entryUrl).toMatch(/^\/_astro\/admin\/admin-cms\.[A-Z0-9]+\.js$/);
    expect(entryText(first)).toContain('một');
    // A file planted in the cached bundle survives only if the bundle is reused, not rewritten.
    writeFileSync(join(first.dir, 'planted.txt'), '');
    const again = await adminBundle(root, cache, 'entry.ts');
    expect(again).toEqual(first);
    expect(existsSync(join(again.dir, 'planted.txt'))).toBe(true);

    writeFileSync(join(root, 'word.ts'), "export const word: string = 'hai';\n");
    const changed = await adminBundle(root, cache, 'entry.ts');
    expect(changed.dir).not.toBe(first.dir);
    expect(entryText(changed)).toContain('hai');
    expect(existsSync(first.dir)).toBe(false);
    expect(readdirSync(cache).sort()).toEqual([changed.dir.split('/').pop(), 'manifest.json'].sort());
  });

  it('bundles anew when the lockfile changes (a package was updated)', async () => {
    const root = project();
    const cache = join(root, '.cache');
    const first = await adminBundle(root, cache, 'entry.ts');
    writeFileSync(join(first.dir, 'planted.txt'), '');
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3,"packages":{}}\n');
    const after = await adminBundle(root, cache, 'entry.ts');
    expect(existsSync(join(after.dir, 'planted.txt'))).toBe(false);
  });
});
