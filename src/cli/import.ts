/**
 * `npm run import -- <tệp.docx> --month YYYY-MM [--section] | --topic YYYY | --guide`: a Word
 * document becomes draft content. Never overwrites (exit 1); refuses bad arguments and files that
 * are not Word documents (exit 2); writes everything or nothing.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { t } from '../i18n/vi.ts';
import { isImportRefusal, parseImportArgs } from '../lib/import/arguments.ts';
import { formatMonthKey } from '../lib/common/month-key.ts';
import type { ImportFile, ImportTarget } from '../lib/import/plan.ts';
import { importWordDocument } from '../lib/import/word-import.ts';
import { clockNow, env } from '../env.ts';
import { folders, latestIssuer } from './content-files.ts';

const root = env.contentRoot;
const shown = (path: string) => relative(process.cwd(), join(root, path)) || path;

function fail(message: string, code: number, usage = false): never {
  console.error(`✗ ${message}`);
  if (usage) console.error(t('import.usage'));
  process.exit(code);
}

/** The folder a target adds to, which must already exist for a section or a topic part. */
function parentFolder(target: ImportTarget): string | undefined {
  if (target.kind === 'section') return `thang/${formatMonthKey(target.month)}`;
  if (target.kind === 'topicPart') return `chuyen-de/${target.year}`;
  return undefined;
}

/** Writes a month as one rename of a finished folder, so a failure leaves nothing behind. */
function writeFolder(target: string, files: readonly ImportFile[]): void {
  const final = join(root, target);
  mkdirSync(dirname(final), { recursive: true });
  const staging = mkdtempSync(join(dirname(final), '.import-'));
  try {
    for (const file of files) {
      const full = join(staging, relative(target, file.path));
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, file.data);
    }
    // mkdtemp makes a private folder; the content folder is as readable as its siblings.
    chmodSync(staging, 0o755);
    renameSync(staging, final);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Writes files into existing folders, removing what it wrote if any write fails. */
function writeFiles(files: readonly ImportFile[]): void {
  const written: string[] = [];
  try {
    for (const file of files) {
      const full = join(root, file.path);
      mkdirSync(dirname(full), { recursive: true });
      // "wx" refuses to replace a file that appeared meanwhile.
      writeFileSync(full, file.data, { flag: 'wx' });
      written.push(full);
    }
  } catch (error) {
    for (const full of written) rmSync(full, { force: true });
    throw error;
  }
}

const request = parseImportArgs(process.argv.slice(2));
if (isImportRefusal(request)) fail(request.error, request.exitCode, true);
if (!existsSync(request.file)) fail(t('import.missingFile', { path: request.file }), 2);

const parent = parentFolder(request.target);
if (request.target.kind === 'section' && !existsSync(join(root, parent ?? '', 'index.mdx')))
  fail(t('import.noMonth', { month: formatMonthKey(request.target.month) }), 2);
if (request.target.kind === 'topicPart' && !existsSync(join(root, parent ?? '', 'index.mdx')))
  fail(t('import.noTopic', { year: String(request.target.year) }), 2);

const plan = await importWordDocument(new Uint8Array(readFileSync(request.file)), request.file, request.target, {
  now: clockNow(),
  issuer: latestIssuer(root),
  topicYears: folders(root, 'chuyen-de'),
  siblings: parent ? readdirSync(join(root, parent)) : [],
});
if ('error' in plan) fail(plan.error, plan.exitCode);

const taken = [plan.target, ...plan.files.map((file) => file.path)].find((path) => existsSync(join(root, path)));
if (taken) fail(t('import.exists', { path: shown(taken) }), 1);

if (request.target.kind === 'month') writeFolder(plan.target, plan.files);
else writeFiles(plan.files);

console.log(t('import.created', { count: plan.files.length }));
for (const file of plan.files) console.log(`  + ${shown(file.path)}`);
if (plan.attention.length > 0) {
  console.log(t('import.attention'));
  for (const line of plan.attention) console.log(`  ! ${line}`);
} else console.log(t('import.allClear'));
console.log(t('import.next'));
