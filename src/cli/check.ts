/** `npm run check` (content part): validates content/ and exits 1 on any error. */
import { env } from '../env.ts';
import { runContentCheck } from './run-check.ts';

process.exitCode = runContentCheck(env.contentRoot) ? 0 : 1;
