/** `npm run check` (content part): validates content/ and exits 1 on any error. */
import { contentRoot } from '../content-dir.ts';
import { runContentCheck } from './run-check.ts';

process.exitCode = runContentCheck(contentRoot()) ? 0 : 1;
