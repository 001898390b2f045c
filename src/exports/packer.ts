/**
 * Word files and ZIPs are made on a thread of their own (packer-worker.ts), beside the Typst thread,
 * so the main thread keeps rendering pages: on two cores a cold build's exports no longer queue
 * behind the pages.
 */
import { join } from 'node:path';
import type { DocxJob } from '../lib/exports/docx/jobs.ts';
import type { PackJob, PackOutcome } from './packer-worker.ts';
import { createJobThreads } from './threads.ts';

/** A made file and the thread's own time for it. */
export interface PackResult {
  data: Uint8Array;
  ms: number;
}

type Job = PackJob extends infer Each ? (Each extends PackJob ? Omit<Each, 'id'> : never) : never;

let shared: ReturnType<typeof createJobThreads<Job, PackOutcome, PackResult>> | undefined;

function packer() {
  shared ??= createJobThreads<Job, PackOutcome, PackResult>({
    file: join(process.cwd(), 'src/exports/packer-worker.ts'),
    workerData: () => undefined,
    // One thread while files are asked for: docx keeps nothing between files. Once none has come for
    // a while the thread ends (about 80 MB), and a later file starts another.
    jobsPerThread: Number.POSITIVE_INFINITY,
    idleMs: 2000,
    // A Word file leaves only short-lived garbage: a small young generation keeps the thread near
    // 80 MB instead of 230 MB after a few hundred files (the build's peak memory is a budget).
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
    settle: (outcome) => ('error' in outcome ? new Error(outcome.error) : { data: outcome.data, ms: outcome.ms }),
    lost: (name, message) => new Error(`${name}: ${message}`),
  });
  return shared;
}

/** Makes the Word file a job describes, dated `date`, with fixed ids (stable bytes). */
export function packDocx(name: string, date: string, job: DocxJob): Promise<PackResult> {
  return packer().run(name, { kind: 'docx', date, job });
}

/** Zips files (copied to the thread, so the caller keeps its bytes), dated `date`. */
export function packZip(name: string, date: string, files: { name: string; data: Uint8Array }[]): Promise<PackResult> {
  return packer().run(name, { kind: 'zip', date, files });
}
