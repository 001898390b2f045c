/**
 * The thread that makes Word files and ZIPs for packer.ts: building a Word document's XML and
 * zipping it is most of what an export costs the main thread, which meanwhile renders pages.
 */
import { parentPort } from 'node:worker_threads';
import { Packer } from 'docx';
import { docxDocument, type DocxJob } from '../lib/exports/docx/jobs.ts';
import { stabiliseDocx, zipFiles } from '../lib/exports/packaging.ts';

/** One file to make, dated `date` (YYYY-MM-DD). */
export type PackJob =
  | { id: number; kind: 'docx'; date: string; job: DocxJob }
  | { id: number; kind: 'zip'; date: string; files: { name: string; data: Uint8Array }[] };

/** The file and how long it took, or the message of what went wrong. */
export type PackOutcome = { id: number; data: Uint8Array; ms: number } | { id: number; error: string };

async function pack(job: PackJob): Promise<Uint8Array> {
  if (job.kind === 'zip') return zipFiles(job.files, job.date);
  return stabiliseDocx(await Packer.toBuffer(docxDocument(job.job)), job.date);
}

parentPort?.on('message', (job: PackJob) => {
  const started = performance.now();
  pack(job).then(
    (data) =>
      parentPort?.postMessage({ id: job.id, data, ms: performance.now() - started } satisfies PackOutcome, [
        data.buffer as ArrayBuffer,
      ]),
    (error: unknown) =>
      parentPort?.postMessage({
        id: job.id,
        error: error instanceof Error ? error.message : String(error),
      } satisfies PackOutcome),
  );
});
