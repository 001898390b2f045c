/**
 * Gives the memory V8 has freed back to the system between build steps. V8 keeps the heap pages a
 * collection frees, for reuse, until the process has been idle for a while, which a build never is;
 * so each step would start with the peak of the steps before it still resident (a 120-month build:
 * about 150 MB after the pages, as much again after the search index). A last-resort collection
 * returns them at once, for about a second of CPU time.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { AstroIntegration } from 'astro';
import { workCounts, type WorkCounts } from './incremental-report.ts';

type Collect = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;
let collect: Collect | undefined;

/** Collects garbage and hands the pages V8 keeps for reuse back to the system. */
export function releaseFreedMemory(): void {
  if (!collect) {
    // V8's own way to reach its collector from JavaScript; only this module calls it.
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as Collect;
  }
  collect({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

/**
 * Whether a build made enough to be worth a collection: most of its paths rendered, not restored
 * from the last build. A one-section rebuild renders a few dozen paths and leaves little to give
 * back, so it saves the second or so the collections cost; a cold build, or one after a code change,
 * renders them all and keeps its memory low.
 */
export function madeMostPaths(counts: Pick<WorkCounts, 'rendered' | 'restored'>): boolean {
  return (counts.rendered ?? 0) >= (counts.restored ?? 0);
}

/** An astro:build:done step that releases freed memory; list it between heavy steps (`at` names the place). */
export function releaseMemory(at: string): AstroIntegration {
  return {
    name: `portal:release-memory-${at}`,
    hooks: {
      'astro:build:done': () => {
        if (madeMostPaths(workCounts)) releaseFreedMemory();
      },
    },
  };
}
