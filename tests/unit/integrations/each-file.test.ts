import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eachFile, siteFiles } from '../../../src/integrations/each-file.ts';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('eachFile', () => {
  it('gives results in the items’ order, whatever order the tasks end in', async () => {
    const items = Array.from({ length: 40 }, (_, i) => i);
    expect(await eachFile(items, async (i) => (await wait((40 - i) % 7), i * 2))).toEqual(items.map((i) => i * 2));
  });

  it('throws the first failure in the items’ order, only after every task has ended', async () => {
    const ended: number[] = [];
    const task = async (i: number) => {
      await wait(i === 3 ? 20 : 1);
      ended.push(i);
      if (i === 3 || i === 30) throw new Error(`tệp ${i}`);
      return i;
    };
    const items = Array.from({ length: 40 }, (_, i) => i);
    await expect(eachFile(items, task)).rejects.toThrow('tệp 3');
    // A caller cleaning up after the failure finds nothing still running.
    expect(ended.sort((a, b) => a - b)).toEqual(items);
  });
});

describe('siteFiles', () => {
  it('lists the site’s files sorted, by ending, without the search bundle’s folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'site-files-'));
    try {
      for (const path of [
        'thang/2026-11/index.html',
        'index.html',
        'pagefind/pagefind.js',
        'thang/pagefind/index.html',
        'sw.js',
      ]) {
        mkdirSync(join(root, path, '..'), { recursive: true });
        writeFileSync(join(root, path), '');
      }
      expect(siteFiles(root).map((file) => file.slice(root.length + 1))).toEqual([
        'index.html',
        'sw.js',
        'thang/2026-11/index.html',
        'thang/pagefind/index.html',
      ]);
      expect(siteFiles(root, '.html').map((file) => file.slice(root.length + 1))).toEqual([
        'index.html',
        'thang/2026-11/index.html',
        'thang/pagefind/index.html',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
