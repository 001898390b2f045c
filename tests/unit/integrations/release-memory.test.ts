import { describe, expect, it } from 'vitest';
import { madeMostPaths, releaseFreedMemory, releaseMemory } from '../../../src/integrations/release-memory.ts';

const mb = (bytes: number) => bytes / 1024 / 1024;

describe('releaseFreedMemory', () => {
  it('hands the heap pages V8 freed back to the system', () => {
    // About 150 MB of small objects, then dropped: an ordinary collection keeps their pages resident.
    let garbage: { n: number; s: string }[] | undefined = Array.from({ length: 1_200_000 }, (_, n) => ({
      n,
      s: `x${n}`,
    }));
    expect(garbage.length).toBe(1_200_000);
    garbage = undefined;
    const before = process.memoryUsage().rss;
    releaseFreedMemory();
    const after = process.memoryUsage().rss;
    expect(mb(before - after)).toBeGreaterThan(50);
  }, 60_000);

  it('can run again, as each listed step does', () => {
    expect(() => releaseFreedMemory()).not.toThrow();
  });
});

describe('releaseMemory', () => {
  it('is a build:done step named after its place', () => {
    const integration = releaseMemory('before-compression');
    expect(integration.name).toBe('portal:release-memory-before-compression');
    expect(typeof integration.hooks['astro:build:done']).toBe('function');
  });
});

describe('madeMostPaths', () => {
  it.each([
    ['a cold build', { rendered: 2508 }, true],
    ['a build after a code change', { rendered: 2508, restored: 0 }, true],
    ['a build that rendered half', { rendered: 1254, restored: 1254 }, true],
    ['a one-section rebuild', { rendered: 30, restored: 2478 }, false],
  ])('tells %s', (_, counts, expected) => {
    expect(madeMostPaths(counts)).toBe(expected);
  });
});
