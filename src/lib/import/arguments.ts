/**
 * `npm run import` arguments: `<tệp.docx> --month YYYY-MM [--section] | --topic YYYY | --guide`.
 */
import { t, type MessageKey } from '../../i18n/vi.ts';
import { parseMonthKey } from '../common/month-key.ts';
import type { ImportTarget } from './plan.ts';

/** What the command was asked to do. */
export interface ImportRequest {
  file: string;
  target: ImportTarget;
}

/** A refusal with the CLI's exit code (2: bad arguments or not a Word file). */
export interface ImportRefusal {
  error: string;
  exitCode: 2;
}

const refuse = (key: MessageKey, params: Record<string, string> = {}): ImportRefusal => ({
  error: t(key, params),
  exitCode: 2,
});

/** Reads the arguments, or says what is wrong with them. */
export function parseImportArgs(args: readonly string[]): ImportRequest | ImportRefusal {
  const files: string[] = [];
  let month: string | undefined;
  let year: string | undefined;
  let section = false;
  let guide = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split('=', 2) : [arg, undefined];
    const value = () => inline ?? args[++i] ?? '';
    if (flag === '--month') month = value();
    else if (flag === '--topic') year = value();
    else if (flag === '--section') section = true;
    else if (flag === '--guide') guide = true;
    else if (arg.startsWith('--') || files.length > 0) return refuse('import.badArgs', { value: arg });
    else files.push(arg);
  }
  const [file] = files;
  if (!file) return refuse('import.noFile');
  const chosen = [month, year, guide ? 'guide' : undefined].filter((item) => item !== undefined);
  if (chosen.length === 0) return refuse('import.needTarget');
  if (chosen.length > 1) return refuse('import.manyTargets');
  if (section && month === undefined) return refuse('import.badArgs', { value: '--section' });
  if (month !== undefined) {
    const key = parseMonthKey(month.trim());
    if (!key) return refuse('new.badMonth', { value: month });
    return { file, target: { kind: section ? 'section' : 'month', month: key } };
  }
  if (year !== undefined) {
    const number = Number(year.trim());
    if (!/^\d{4}$/.test(year.trim()) || number < 1930 || number > 2999) return refuse('new.badYear', { value: year });
    return { file, target: { kind: 'topicPart', year: number } };
  }
  return { file, target: { kind: 'guide' } };
}

/** True when the arguments were refused. */
export function isImportRefusal(request: ImportRequest | ImportRefusal): request is ImportRefusal {
  return 'error' in request;
}
