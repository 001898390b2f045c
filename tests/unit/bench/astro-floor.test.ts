import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBare, writeBareSite } from '../../../bench/astro-floor.ts';
import { root, versionIn, wholeNumber } from '../../../bench/shared.ts';

describe('the bare Astro site of npm run bench -- --astro-floor', () => {
  const parent = join(root, '.cache/test-builds');
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, 'astro-floor-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds the paths asked for, then restores every one of them when nothing changed', () => {
    writeBareSite(dir, 3);
    const cold = buildBare(dir);
    expect(readdirSync(join(dir, 'dist/p')).sort()).toEqual(['0', '1', '2']);
    // Astro colours its log when CI is set: the text is read without the colour codes.
    expect(stripVTControlCharacters(cold.stdout)).toMatch(/\/p\/2\/index\.html/);
    expect(cold.stdout).not.toContain('(restored)');
    const again = buildBare(dir);
    // What the floor measures: a rebuild in which Astro renders nothing.
    expect(stripVTControlCharacters(again.stdout).match(/\/p\/\d\/index\.html \(restored\)/g)).toHaveLength(3);
  }, 120_000);

  it('syncs a copy of every MDX file as Markdown into a collection, and leaves other files out', () => {
    const content = join(dir, 'source');
    mkdirSync(join(content, 'thang/2026-11'), { recursive: true });
    const frontmatter = (title: string) => `---\ntitle: ${title}\n---\n\nĐoạn văn của ${title}.\n`;
    writeFileSync(join(content, 'thang/2026-11/index.mdx'), frontmatter('Tháng Mười Một'));
    writeFileSync(join(content, 'thang/2026-11/01-thoi-su.mdx'), frontmatter('Thời sự'));
    writeFileSync(join(content, 'thang/2026-11/anh.txt'), 'không phải trang');
    const site = join(dir, 'with-content');
    writeBareSite(site, 2, content);
    expect(readdirSync(join(site, 'content/thang/2026-11')).sort()).toEqual(['01-thoi-su.md', 'index.md']);
    buildBare(site);
    const store = readFileSync(join(site, '.astro-cache/data-store.json'), 'utf8');
    expect(store).toContain('Thời sự');
    expect(store).toContain('Tháng Mười Một');
    const again = stripVTControlCharacters(buildBare(site).stdout);
    expect(again).toContain('Synced content');
    expect(again.match(/\/p\/\d\/index\.html \(restored\)/g)).toHaveLength(2);
  }, 120_000);
});

describe('wholeNumber', () => {
  it('reads a whole number of at least 1', () => {
    expect(wholeNumber('cycles', '5')).toBe(5);
  });
  it.each(['0', '-2', '2.5', 'nhiều', undefined])('refuses %j, naming the option', (value) => {
    expect(() => wholeNumber('cycles', value)).toThrow(`--cycles takes one whole number: ${value}`);
  });
});

describe('versionIn', () => {
  it("gives an installed package's version, and nothing for a package that is not there", () => {
    expect(versionIn(root, 'astro')).toMatch(/^7\.\d+\.\d+$/);
    expect(versionIn(root, 'khong-co-goi-nay')).toBeUndefined();
  });
});
