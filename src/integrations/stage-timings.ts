/**
 * Build stage timings for `npm run bench`: when BUILD_TIMINGS_FILE is set, records when Astro
 * starts and finishes rendering and how long each integration's astro:build:done step takes
 * (Pagefind, PDF, Word, compression), and writes them to that JSON file. Otherwise a no-op.
 */
import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { env } from '../env.ts';
import { workCounts, type WorkCounts } from './incremental-report.ts';

/** What the timings file holds; times in milliseconds since the process started. */
export interface StageTimings {
  buildStart?: number;
  pagesGenerated?: number;
  buildDone?: number;
  /** Duration of each integration's astro:build:done hook, by integration name. */
  doneHooks: Record<string, number>;
  /** Paths rendered and restored, files compressed and reused (incremental-report.ts). */
  counts?: WorkCounts;
  /** Duration of work a build:done step started and a later one waited for (the search index), by name. */
  tasks?: Record<string, number>;
}

/** Durations of work that runs beside the build:done steps, filled in by the steps that start it. */
export const taskTimings: Record<string, number> = {};

type DoneHook = NonNullable<AstroIntegration['hooks']['astro:build:done']>;

/** Wraps the site's integrations so their build:done steps are timed (only when asked to). */
export function withStageTimings(integrations: AstroIntegration[]): AstroIntegration[] {
  const file = env.buildTimingsFile;
  if (!file) return integrations;
  const timings: StageTimings = { doneHooks: {} };
  const save = () =>
    writeFileSync(file, `${JSON.stringify({ ...timings, counts: workCounts, tasks: taskTimings }, null, 2)}\n`);
  const clock: AstroIntegration = {
    name: 'portal:stage-timings',
    hooks: {
      'astro:build:start': () => {
        timings.buildStart = performance.now();
        save();
      },
      'astro:build:generated': () => {
        timings.pagesGenerated = performance.now();
        save();
      },
    },
  };
  const wrapped = integrations.map((integration): AstroIntegration => {
    const done: DoneHook | undefined = integration.hooks['astro:build:done'];
    if (!done) return integration;
    const timed: DoneHook = async (options) => {
      const started = performance.now();
      await done(options);
      timings.doneHooks[integration.name] = performance.now() - started;
      timings.buildDone = performance.now();
      save();
    };
    return { ...integration, hooks: { ...integration.hooks, 'astro:build:done': timed } };
  });
  return [clock, ...wrapped];
}
