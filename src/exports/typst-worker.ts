/**
 * The thread that compiles Typst documents for typst.ts. The compiler holds on to memory for every
 * document it has compiled until its thread ends, so typst.ts replaces this thread every few
 * documents; running here also lets the main thread render pages while a PDF compiles.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

/** What the thread is started with. */
export interface TypstThreadData {
  /** The Typst world's root; files live only in memory under it. */
  workspace: string;
  fonts: Uint8Array[];
}

/** One document to compile; file paths are absolute inside the Typst world. */
export interface TypstJob {
  id: number;
  source: string;
  files: { path: string; data: Uint8Array }[];
  /** The PDF's creation date, in seconds since 1970. */
  timestamp: number;
}

/** A compiler message, reduced to what the main thread prints. */
export interface TypstDiagnostic {
  message: string;
  range?: string | undefined;
}

/** The PDF and how long it took, or why there is none. */
export type TypstOutcome =
  | { id: number; pdf: Uint8Array; ms: number }
  | { id: number; problem: 'error' | 'warning' | 'empty'; diagnostics: TypstDiagnostic[] };

function plain(diagnostics: unknown): TypstDiagnostic[] {
  const list = Array.isArray(diagnostics) ? (diagnostics as { message?: unknown; range?: unknown }[]) : [];
  return list.map((item) => ({
    message: String(item.message ?? ''),
    range: typeof item.range === 'string' && item.range ? item.range : undefined,
  }));
}

const { workspace, fonts } = workerData as TypstThreadData;
const compiler = NodeCompiler.create({ workspace, fontArgs: [{ fontBlobs: fonts.map((font) => Buffer.from(font)) }] });
// The compiler has read the font configuration: the main thread may give its setting back.
parentPort?.postMessage('ready');

function compile(job: TypstJob): TypstOutcome {
  const started = performance.now();
  // One job at a time, start to finish, so no other document's files can slip in between.
  compiler.resetShadow();
  for (const file of job.files) compiler.mapShadow(`${workspace}${file.path}`, Buffer.from(file.data));
  const result = compiler.compile({ mainFileContent: job.source });
  const error = result.takeError();
  if (error) return { id: job.id, problem: 'error', diagnostics: plain(error.shortDiagnostics) };
  const warnings = result.takeWarnings();
  if (warnings && warnings.shortDiagnostics.length > 0) {
    return { id: job.id, problem: 'warning', diagnostics: plain(warnings.shortDiagnostics) };
  }
  const document = result.result;
  if (!document) return { id: job.id, problem: 'empty', diagnostics: [] };
  // A copy the thread owns, so it can be handed over without another copy.
  const pdf = new Uint8Array(compiler.pdf(document, { creationTimestamp: job.timestamp }));
  compiler.evictCache(10);
  return { id: job.id, pdf, ms: performance.now() - started };
}

parentPort?.on('message', (job: TypstJob) => {
  let outcome: TypstOutcome;
  try {
    outcome = compile(job);
  } catch (error) {
    outcome = { id: job.id, problem: 'error', diagnostics: [{ message: String(error) }] };
  }
  parentPort?.postMessage(outcome, 'pdf' in outcome ? [outcome.pdf.buffer as ArrayBuffer] : []);
});
