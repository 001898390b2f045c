import { describe, expect, it } from 'vitest';
import { categoryOf, selfTimeByCategory, threadOf, type CpuProfile } from '../../../bench/cpu-profile.ts';

describe('categoryOf', () => {
  it.each([
    ['file:///p/node_modules/docx/dist/index.mjs', 'x', 'docx'],
    ['file:///p/node_modules/@astrojs/mdx/dist/a.js', 'x', '@astrojs/mdx'],
    ['file:///p/node_modules/a/node_modules/fflate/esm/index.mjs', 'x', 'fflate'],
    ['node:zlib', 'x', 'node:zlib'],
    ['node:internal/fs/promises', 'x', 'node:fs'],
    ['file:///p/src/exports/render.ts', 'x', 'src/exports/'],
    [
      'file:///p/.cache/bench/profile/dist.staging-1/.prerender/chunks/page_1.mjs',
      'x',
      'pages (Astro bundle of the project)',
    ],
    ['', '(garbage collector)', '(garbage collector)'],
    ['', 'writeBuffer', '(native code)'],
  ])('%s %s → %s', (url, name, expected) => {
    expect(categoryOf(url, name)).toBe(expected);
  });
});

describe('selfTimeByCategory', () => {
  it('sums each sample’s time under its node’s category, largest first', () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: { functionName: '(idle)', url: '' } },
        { id: 2, callFrame: { functionName: 'prepForXml', url: 'file:///p/node_modules/docx/dist/index.mjs' } },
        { id: 3, callFrame: { functionName: 'format', url: 'file:///p/node_modules/docx/dist/index.mjs' } },
      ],
      samples: [2, 3, 1, 2],
      timeDeltas: [1000, 2000, 500, 3000],
    };
    expect(selfTimeByCategory(profile)).toEqual([
      ['docx', 6],
      ['(idle)', 0.5],
    ]);
  });
});

describe('threadOf', () => {
  const worker = (url: string): CpuProfile => ({
    nodes: [{ id: 1, callFrame: { functionName: 'compile', url } }],
    samples: [],
    timeDeltas: [],
  });
  it.each([
    [worker('file:///p/src/exports/typst-worker.ts'), false, 'Typst threads'],
    [worker('file:///p/src/exports/packer-worker.ts'), false, 'packer thread'],
    [worker('file:///p/node_modules/x/worker.js'), false, 'other threads'],
    [worker('file:///p/src/exports/packer-worker.ts'), true, 'main thread'],
  ])('%#: %s', (profile, isMain, expected) => {
    expect(threadOf(profile, isMain)).toBe(expected);
  });
});
