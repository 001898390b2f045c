import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createJobThreads, type Numbered } from '../../../../src/exports/threads.ts';

// A worker that doubles numbers, standing in for the Typst and packer threads.
const dir = mkdtempSync(join(tmpdir(), 'job-threads-'));
const file = join(dir, 'double.mjs');
writeFileSync(
  file,
  `import { parentPort } from 'node:worker_threads';
parentPort.postMessage('ready');
parentPort.on('message', (job) => parentPort.postMessage({ id: job.id, value: job.value * 2 }));
`,
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Doubled extends Numbered {
  value: number;
}

function doubler(options: { idleMs: number; jobsPerThread?: number }) {
  return createJobThreads<{ value: number }, Doubled, number>({
    file,
    workerData: () => undefined,
    jobsPerThread: options.jobsPerThread ?? Number.POSITIVE_INFINITY,
    idleMs: options.idleMs,
    settle: (outcome) => outcome.value,
    lost: (name, message) => new Error(`${name}: ${message}`),
  });
}

describe('createJobThreads: an idle thread ends', () => {
  it('ends a thread left without jobs for idleMs, and starts another for the next job', async () => {
    const threads = doubler({ idleMs: 50 });
    expect(await threads.run('a', { value: 2 })).toBe(4);
    expect(threads.threadsRunning()).toBe(1);
    await vi.waitFor(() => expect(threads.threadsRunning()).toBe(0), { timeout: 10_000, interval: 20 });
    expect(await threads.run('b', { value: 5 })).toBe(10);
    expect(threads.threadsStarted()).toBe(2);
    await threads.close();
  });

  it('keeps one thread while jobs come closer together than idleMs', async () => {
    const threads = doubler({ idleMs: 60_000 });
    for (const value of [1, 2, 3, 4]) {
      expect(await threads.run(`job ${value}`, { value })).toBe(value * 2);
      await new Promise((wake) => setTimeout(wake, 20));
    }
    expect(threads.threadsStarted()).toBe(1);
    expect(threads.threadsRunning()).toBe(1);
    await threads.close();
  });

  it('ends a replaced thread once its last job is back, without waiting for idleMs', async () => {
    const threads = doubler({ idleMs: 60_000, jobsPerThread: 2 });
    const results = await Promise.all([1, 2, 3].map((value) => threads.run(`job ${value}`, { value })));
    expect(results).toEqual([2, 4, 6]);
    expect(threads.threadsStarted()).toBe(2);
    await vi.waitFor(() => expect(threads.threadsRunning()).toBe(1), { timeout: 10_000, interval: 20 });
    await threads.close();
  });
});
