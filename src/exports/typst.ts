/**
 * The Typst compiler, given the packaged fonts only: it indexes no machine font (see
 * noSystemFontsConfig). A warning is treated as an error (a missing glyph or font must never pass
 * quietly), and the PDF is dated, so it is reproducible.
 * It runs on its own thread (typst-worker.ts), which is replaced every few documents: the compiler
 * keeps memory for each document until its thread ends (about 1 MB a month, 600 MB for 600 months).
 */
import { join } from 'node:path';
import { cacheDir } from './cache.ts';
import { Worker } from 'node:worker_threads';
import { t } from '../i18n/vi.ts';
import { fontBlobs, noSystemFontsConfig } from './fonts.ts';
import type { TypstDiagnostic, TypstJob, TypstOutcome, TypstThreadData } from './typst-worker.ts';

/** The Typst world's root; files live only in memory under it. */
const WORKSPACE = '/portal-export';

/**
 * Documents one thread compiles before it is replaced: a thread start costs about 50 ms, and what a
 * thread leaves behind grows with what it compiled (at 600 months: 0.15 GB with 10, 0.7 GB with 40).
 */
const COMPILES_PER_THREAD = 10;

/** A file the document reads (images, the QR code), by its absolute path inside the Typst world. */
export interface TypstFile {
  path: string;
  data: Uint8Array;
}

/** A compiled PDF and the compiler's own time for it. */
export interface TypstResult {
  pdf: Uint8Array;
  ms: number;
}

/** Compiles Typst documents on replaceable threads. */
export interface TypstCompiler {
  /** Compiles Typst source to PDF bytes; rejects on any error or warning, naming `name`. */
  compile(name: string, source: string, files: readonly TypstFile[], date: string): Promise<TypstResult>;
  /** How many threads have been started so far. */
  threadsStarted(): number;
  /** Stops the threads once their documents are done. */
  close(): Promise<void>;
}

function describe(diagnostics: readonly TypstDiagnostic[]): string {
  return diagnostics.map((item) => `${item.message}${item.range ? ` (${item.range})` : ''}`).join('; ');
}

interface Pending {
  name: string;
  resolve: (result: TypstResult) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  compiles: number;
  pending: Map<number, Pending>;
}

const FONTCONFIG = 'FONTCONFIG_FILE';
let fontConfigHolders = 0;
let savedFontConfig: string | undefined;

/**
 * Points the process's fontconfig file at one that lists no machine font while a Typst thread makes
 * its compiler (the compiler reads the process environment, which a thread cannot set for itself);
 * the returned function gives the previous setting back once no thread still needs it.
 */
function withoutSystemFonts(): () => void {
  if (fontConfigHolders === 0) {
    savedFontConfig = process.env[FONTCONFIG];
    process.env[FONTCONFIG] = noSystemFontsConfig(join(cacheDir(), 'typst-fonts'));
  }
  fontConfigHolders += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    fontConfigHolders -= 1;
    if (fontConfigHolders > 0) return;
    if (savedFontConfig === undefined) delete process.env[FONTCONFIG];
    else process.env[FONTCONFIG] = savedFontConfig;
  };
}

/**
 * A compiler whose thread is replaced after `compilesPerThread` documents. The worker file is
 * resolved from the project, like the fonts, since pages run from Astro's bundled build output.
 */
export function createTypstCompiler(options: { compilesPerThread?: number } = {}): TypstCompiler {
  const perThread = options.compilesPerThread ?? COMPILES_PER_THREAD;
  const workerFile = join(process.cwd(), 'src/exports/typst-worker.ts');
  const threads = new Set<Thread>();
  let active: Thread | undefined;
  let started = 0;
  let nextId = 0;

  const failAll = (thread: Thread, message: string) => {
    for (const job of thread.pending.values()) job.reject(new Error(t('export.typst', { file: job.name, message })));
    thread.pending.clear();
  };
  // A replaced thread stops once its last document is back; an idle one must not hold the process open.
  const settleIdle = (thread: Thread) => {
    if (thread.pending.size > 0) return;
    if (thread === active) thread.worker.unref();
    else void thread.worker.terminate();
  };

  const start = (): Thread => {
    const data: TypstThreadData = { workspace: WORKSPACE, fonts: fontBlobs() };
    const releaseFontConfig = withoutSystemFonts();
    const thread: Thread = { worker: new Worker(workerFile, { workerData: data }), compiles: 0, pending: new Map() };
    // The thread reads the font configuration once, when its compiler is made; then it is given back.
    thread.worker.once('message', releaseFontConfig);
    thread.worker.once('exit', releaseFontConfig);
    started += 1;
    threads.add(thread);
    thread.worker.on('message', (outcome: TypstOutcome | 'ready') => {
      if (outcome === 'ready') return;
      const job = thread.pending.get(outcome.id);
      if (!job) return;
      thread.pending.delete(outcome.id);
      if ('pdf' in outcome) job.resolve({ pdf: outcome.pdf, ms: outcome.ms });
      else {
        const message = outcome.problem === 'empty' ? t('export.noDocument') : describe(outcome.diagnostics);
        job.reject(new Error(t('export.typst', { file: job.name, message })));
      }
      settleIdle(thread);
    });
    thread.worker.on('error', (error) => failAll(thread, String(error)));
    thread.worker.on('exit', (code) => {
      threads.delete(thread);
      if (active === thread) active = undefined;
      failAll(thread, `Typst thread exit code ${code}`);
    });
    thread.worker.unref();
    return thread;
  };

  return {
    compile(name, source, files, date) {
      if (!active || active.compiles >= perThread) {
        const previous = active;
        active = start();
        if (previous) settleIdle(previous);
      }
      const thread = active;
      thread.compiles += 1;
      const job: TypstJob = {
        id: nextId++,
        source,
        files: files.map((file) => ({ path: file.path, data: file.data })),
        timestamp: Math.floor(Date.parse(`${date}T00:00:00Z`) / 1000),
      };
      return new Promise<TypstResult>((resolve, reject) => {
        thread.pending.set(job.id, { name, resolve, reject });
        thread.worker.ref();
        thread.worker.postMessage(job);
      });
    },
    threadsStarted: () => started,
    async close() {
      active = undefined;
      await Promise.all([...threads].map((thread) => thread.worker.terminate()));
    },
  };
}

let shared: TypstCompiler | undefined;

/**
 * Compiles Typst source to PDF bytes on the build's shared compiler; rejects on any error or
 * warning, naming `name`. `ms` is the compiler's own time (a document may wait behind others).
 */
export function compileTypst(
  name: string,
  source: string,
  files: readonly TypstFile[],
  date: string,
): Promise<TypstResult> {
  shared ??= createTypstCompiler();
  return shared.compile(name, source, files, date);
}

/** Virtual path for an image inside the Typst world. */
export function typstPath(kind: string, name: string): string {
  return `/${kind}/${name}`;
}
