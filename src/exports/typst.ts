/**
 * The Typst compiler, given the packaged fonts only: it indexes no machine font (see
 * noSystemFontsConfig). A warning is treated as an error (a missing glyph or font must never pass
 * quietly), and the PDF is dated, so it is reproducible.
 * It runs on its own thread (typst-worker.ts), which is replaced every few documents: the compiler
 * keeps memory for each document until its thread ends (about 1 MB a month, 600 MB for 600 months).
 */
import { join } from 'node:path';
import { cacheDir } from './cache.ts';
import { t } from '../i18n/vi.ts';
import { fontBlobs, noSystemFontsConfig } from './fonts.ts';
import { createJobThreads } from './threads.ts';
import type { TypstDiagnostic, TypstJob, TypstOutcome, TypstThreadData } from './typst-worker.ts';

/** The Typst world's root; files live only in memory under it. */
const WORKSPACE = '/portal-export';

/**
 * Documents one thread compiles before it is replaced: a thread start costs about 50 ms, and what a
 * thread leaves behind grows with what it compiled (at 600 months: 0.15 GB with 10, 0.7 GB with 40).
 */
const COMPILES_PER_THREAD = 10;

/**
 * A thread idle this long ends: PDFs are asked for in runs (a month's pages render together), and
 * the last thread would otherwise keep its compiler through the search index and compression.
 */
const IDLE_MS = 2000;

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
  /** How many threads are running now. */
  threadsRunning(): number;
  /** Stops the threads once their documents are done. */
  close(): Promise<void>;
}

function describe(diagnostics: readonly TypstDiagnostic[]): string {
  return diagnostics.map((item) => `${item.message}${item.range ? ` (${item.range})` : ''}`).join('; ');
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
export function createTypstCompiler(options: { compilesPerThread?: number; idleMs?: number } = {}): TypstCompiler {
  const threads = createJobThreads<Omit<TypstJob, 'id'>, TypstOutcome, TypstResult>({
    file: join(process.cwd(), 'src/exports/typst-worker.ts'),
    workerData: (): TypstThreadData => ({ workspace: WORKSPACE, fonts: fontBlobs() }),
    jobsPerThread: options.compilesPerThread ?? COMPILES_PER_THREAD,
    idleMs: options.idleMs ?? IDLE_MS,
    // The thread reads the font configuration once, when its compiler is made; then it is given back.
    onStart: withoutSystemFonts,
    settle: (outcome, name) => {
      if ('pdf' in outcome) return { pdf: outcome.pdf, ms: outcome.ms };
      const message = outcome.problem === 'empty' ? t('export.noDocument') : describe(outcome.diagnostics);
      return new Error(t('export.typst', { file: name, message }));
    },
    lost: (name, message) => new Error(t('export.typst', { file: name, message: `Typst ${message}` })),
  });
  return {
    compile: (name, source, files, date) =>
      threads.run(name, {
        source,
        files: files.map((file) => ({ path: file.path, data: file.data })),
        timestamp: Math.floor(Date.parse(`${date}T00:00:00Z`) / 1000),
      }),
    threadsStarted: threads.threadsStarted,
    threadsRunning: threads.threadsRunning,
    close: threads.close,
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
