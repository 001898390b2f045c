import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUILD_NODE_FLAGS,
  endMonthFor,
  median,
  projectBuild,
  removeBuildOutput,
  replaceBetweenMarkers,
  root,
} from '../../../bench/shared.ts';

describe('median', () => {
  it.each([
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
  ])('of %j is %d', (numbers, expected) => {
    expect(median(numbers)).toBe(expected);
  });
});

describe('removeBuildOutput', () => {
  const made = () => {
    const build = projectBuild(mkdtempSync(join(tmpdir(), 'bench-output-')));
    for (const folder of Object.values(build)) mkdirSync(folder, { recursive: true });
    return build;
  };
  const left = (build: ReturnType<typeof projectBuild>) =>
    Object.entries(build)
      .filter(([, folder]) => existsSync(folder))
      .map(([name]) => name);

  it('empties the output and every cache, and keeps the content', () => {
    const build = made();
    removeBuildOutput(build);
    expect(left(build)).toEqual(['content']);
  });
  it('keeps the PDF/Word/ZIP cache when asked', () => {
    const build = made();
    removeBuildOutput(build, { keepDownloads: true });
    expect(left(build)).toEqual(['content', 'exportsCache']);
  });
});

describe('BUILD_NODE_FLAGS', () => {
  it('are the flags npm run build gives the build, so the bench measures what staff run', () => {
    const scripts = (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    expect(scripts['build']).toContain(`node ${BUILD_NODE_FLAGS.join(' ')} src/cli/build.ts`);
  });
});

describe('endMonthFor', () => {
  it.each([
    [120, '2026-11'],
    [551, '2026-11'],
    [552, '2026-12'],
    [600, '2030-12'],
  ])('%d months end in %s', (months, end) => {
    expect(endMonthFor(months)).toBe(end);
  });
});

describe('replaceBetweenMarkers', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'bench-docs-')), 'performance.md');

  it('replaces what stands between the markers and keeps the rest', () => {
    writeFileSync(file, 'Trước\n<!-- vs-starlight:begin -->\ncũ\n<!-- vs-starlight:end -->\nSau\n');
    replaceBetweenMarkers(file, 'vs-starlight', '| a | $& $1 |');
    expect(readFileSync(file, 'utf8')).toBe(
      'Trước\n<!-- vs-starlight:begin -->\n| a | $& $1 |\n<!-- vs-starlight:end -->\nSau\n',
    );
  });

  it('refuses a file without the markers', () => {
    writeFileSync(file, 'Không có dấu mốc.\n');
    expect(() => replaceBetweenMarkers(file, 'vs-starlight', 'x')).toThrow('lacks the <!-- vs-starlight:begin -->');
  });
});
