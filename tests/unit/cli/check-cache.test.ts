import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyCacheFile, checkCodeKey } from '../../../src/cli/check-cache.ts';
import type { Problem } from '../../../src/lib/check/problem.ts';

let work = '';
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'check-cache-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const PATH = 'content/thang/2026-11/01-thoi-su.mdx';
const problem: Problem = { severity: 'error', file: PATH, line: 7, message: 'Liên kết không an toàn.' };

describe('bodyCacheFile', () => {
  it('gives back what the last run saved, for the same path and text and code only', () => {
    const file = join(work, 'a/content-check.json');
    const first = bodyCacheFile(file, 'code-1');
    expect(first.get(PATH, 'văn bản')).toBeUndefined();
    first.set(PATH, 'văn bản', [problem]);
    first.set('content/khac.mdx', 'khác', []);
    first.save();
    const second = bodyCacheFile(file, 'code-1');
    expect(second.get(PATH, 'văn bản')).toEqual([problem]);
    expect(second.get(PATH, 'văn bản đã sửa')).toBeUndefined();
    expect(second.get('content/thang/2026-11/02-khac.mdx', 'văn bản')).toBeUndefined();
    expect(bodyCacheFile(file, 'code-2').get(PATH, 'văn bản')).toBeUndefined();
    expect(bodyCacheFile(file, 'code-1', true).get(PATH, 'văn bản')).toBeUndefined();
    // Only what this run used is saved again: the other page is gone.
    second.save();
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { bodies: Record<string, Problem[]> };
    expect(Object.values(saved.bodies)).toEqual([[problem]]);
  });

  it('checks everything again when the file is damaged', () => {
    const file = join(work, 'b/content-check.json');
    mkdirSync(join(work, 'b'));
    writeFileSync(file, '{"code":"code-1","bodies":');
    const cache = bodyCacheFile(file, 'code-1');
    expect(cache.get(PATH, 'văn bản')).toBeUndefined();
    cache.set(PATH, 'văn bản', []);
    cache.save();
    expect(bodyCacheFile(file, 'code-1').get(PATH, 'văn bản')).toEqual([]);
  });
});

describe('checkCodeKey', () => {
  it('changes with a file of src/lib or src/i18n and with the site’s address, not with the checkout’s place', () => {
    const src = join(work, 'project-a/src');
    cpSync(resolve('src/lib'), join(src, 'lib'), { recursive: true });
    cpSync(resolve('src/i18n'), join(src, 'i18n'), { recursive: true });
    cpSync(resolve('package-lock.json'), join(src, '../package-lock.json'));
    const key = checkCodeKey('https://tailieu.example.org', src);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    cpSync(join(work, 'project-a'), join(work, 'project-b'), { recursive: true });
    expect(checkCodeKey('https://tailieu.example.org', join(work, 'project-b/src'))).toBe(key);
    expect(checkCodeKey('https://khac.example.org', src)).not.toBe(key);
    writeFileSync(join(src, 'i18n/vi.ts'), `${readFileSync(join(src, 'i18n/vi.ts'), 'utf8')}\n`);
    expect(checkCodeKey('https://tailieu.example.org', src)).not.toBe(key);
    const nested = join(work, 'project-b/src');
    writeFileSync(join(nested, 'lib/check/nested.ts'), 'export {};\n');
    expect(checkCodeKey('https://tailieu.example.org', nested)).not.toBe(key);
  });
});
