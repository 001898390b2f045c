/**
 * Worker threads that take numbered jobs and answer each with an outcome of the same number: the
 * Typst compiler (typst.ts) and the Word/ZIP packer (packer.ts) both run on them, so the main thread
 * keeps rendering pages while files are made. A thread may be replaced after a number of jobs
 * (Typst keeps memory per document until its thread ends); an idle thread never holds the process open,
 * and one left idle for `idleMs` ends, so a build's later steps (search index, compression) do not
 * carry its memory.
 */
import { Worker, type ResourceLimits, type Transferable } from 'node:worker_threads';

/** What the main thread hears back: an outcome carrying the job's number. */
export interface Numbered {
  id: number;
}

export interface JobThreadsOptions<Outcome extends Numbered, Result> {
  /** The worker file, resolved from the project: pages run from Astro's bundled build output. */
  file: string;
  /** Data each new thread starts with. */
  workerData: () => unknown;
  /** Heap limits of each thread. */
  resourceLimits?: ResourceLimits;
  /** Jobs one thread takes before it is replaced (Infinity: never). */
  jobsPerThread: number;
  /** How long a thread with no job left lives before it ends (the next job starts another). */
  idleMs: number;
  /** Runs as a thread is made; the returned function runs once the thread has said 'ready' or ended. */
  onStart?: () => () => void;
  /** The result of an outcome, or the error to reject with; `name` names the job for messages. */
  settle: (outcome: Outcome, name: string) => Result | Error;
  /** The error of a job lost with its thread (a crash, an exit). */
  lost: (name: string, message: string) => Error;
}

export interface JobThreads<Job, Result> {
  /** Runs `job` (its id is filled in here) on a thread; `transfer` lists buffers handed over, not copied. */
  run(name: string, job: Job, transfer?: readonly Transferable[]): Promise<Result>;
  /** How many threads have been started so far. */
  threadsStarted(): number;
  /** How many threads are running now (an idle one until it ends). */
  threadsRunning(): number;
  /** Stops the threads at once. */
  close(): Promise<void>;
}

interface Pending<Result> {
  name: string;
  resolve: (result: Result) => void;
  reject: (error: Error) => void;
}

interface Thread<Result> {
  worker: Worker;
  jobs: number;
  pending: Map<number, Pending<Result>>;
  /** Ends the thread once it has been idle for `idleMs`; cleared when a job comes. */
  idleTimer?: ReturnType<typeof setTimeout> | undefined;
}

export function createJobThreads<Job extends object, Outcome extends Numbered, Result>(
  options: JobThreadsOptions<Outcome, Result>,
): JobThreads<Job, Result> {
  const threads = new Set<Thread<Result>>();
  let active: Thread<Result> | undefined;
  let started = 0;
  let nextId = 0;

  const failAll = (thread: Thread<Result>, message: string) => {
    for (const job of thread.pending.values()) job.reject(options.lost(job.name, message));
    thread.pending.clear();
  };
  // A replaced thread stops once its last job is back; an idle one must not hold the process open,
  // and ends after a while: its heap and what its native code kept are given back.
  const settleIdle = (thread: Thread<Result>) => {
    if (thread.pending.size > 0) return;
    if (thread !== active) {
      void thread.worker.terminate();
      return;
    }
    thread.worker.unref();
    clearTimeout(thread.idleTimer);
    thread.idleTimer = setTimeout(() => {
      if (thread.pending.size > 0) return;
      if (active === thread) active = undefined;
      void thread.worker.terminate();
    }, options.idleMs);
    thread.idleTimer.unref();
  };

  const start = (): Thread<Result> => {
    const release = options.onStart?.() ?? (() => {});
    const worker = new Worker(options.file, {
      workerData: options.workerData(),
      ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
    });
    const thread: Thread<Result> = { worker, jobs: 0, pending: new Map() };
    worker.once('message', release);
    worker.once('exit', release);
    started += 1;
    threads.add(thread);
    worker.on('message', (outcome: Outcome | 'ready') => {
      if (outcome === 'ready') return;
      const job = thread.pending.get(outcome.id);
      if (!job) return;
      thread.pending.delete(outcome.id);
      const settled = options.settle(outcome, job.name);
      if (settled instanceof Error) job.reject(settled);
      else job.resolve(settled);
      settleIdle(thread);
    });
    worker.on('error', (error) => failAll(thread, String(error)));
    worker.on('exit', (code) => {
      clearTimeout(thread.idleTimer);
      threads.delete(thread);
      if (active === thread) active = undefined;
      failAll(thread, `thread exit code ${code}`);
    });
    worker.unref();
    return thread;
  };

  return {
    run(name, job, transfer = []) {
      if (!active || active.jobs >= options.jobsPerThread) {
        const previous = active;
        active = start();
        if (previous) settleIdle(previous);
      }
      const thread = active;
      clearTimeout(thread.idleTimer);
      thread.jobs += 1;
      const id = nextId++;
      return new Promise<Result>((resolve, reject) => {
        thread.pending.set(id, { name, resolve, reject });
        thread.worker.ref();
        thread.worker.postMessage({ ...job, id }, transfer);
      });
    },
    threadsStarted: () => started,
    threadsRunning: () => threads.size,
    async close() {
      active = undefined;
      await Promise.all([...threads].map((thread) => thread.worker.terminate()));
    },
  };
}
