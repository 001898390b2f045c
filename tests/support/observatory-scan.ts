/**
 * The MDN HTTP Observatory's scan, against a loopback server on given ports (its own CLI only
 * scans ports 80/443). Run as a child process with NODE_EXTRA_CA_CERTS set to the test certificate:
 *   node tests/support/observatory-scan.ts localhost <httpPort> <httpsPort>
 * Prints { score, grade, tests: { name: { pass, result, scoreModifier } } } as JSON.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const [hostname = 'localhost', httpPort, httpsPort] = process.argv.slice(2);
const packageRoot = dirname(createRequire(import.meta.url).resolve('@mdn/mdn-http-observatory/package.json'));

// The package downloads Chromium's HSTS preload list after install; we never fetch it. An empty
// list is the truth for a loopback host anyway.
const preload = join(packageRoot, 'conf/hsts-preload.json');
if (!existsSync(preload)) writeFileSync(preload, '{}\n');

type Output = { result: string | null; pass: boolean | null; constructor: { name: string } };
const load = async <T>(path: string): Promise<T> => (await import(join(packageRoot, path))) as T;
const { retrieve } = await load<{
  retrieve: (host: string, options: object) => Promise<{ responses: { auto?: { status: number } } }>;
}>('src/retriever/retriever.js');
const { ALL_TESTS } = await load<{ ALL_TESTS: Array<(requests: unknown) => Output> }>('src/constants.js');
const { getGradeForScore, getScoreModifier } = await load<{
  getGradeForScore: (score: number) => { score: number; grade: string };
  getScoreModifier: (expectation: string) => number;
}>('src/grader/grader.js');
const { MINIMUM_SCORE_FOR_EXTRA_CREDIT } = await load<{ MINIMUM_SCORE_FOR_EXTRA_CREDIT: number }>(
  'src/grader/charts.js',
);

const requests = await retrieve(hostname, { httpPort, httpsPort });
if (!requests.responses.auto) throw new Error(`Observatory could not reach ${hostname}`);
// Same arithmetic as the package's scan(): extra credit only once the penalties leave an A.
let withCredit = 100;
let uncurved = 100;
const tests: Record<string, { pass: boolean | null; result: string | null; scoreModifier: number }> = {};
for (const test of ALL_TESTS) {
  const output = test(requests);
  const modifier = output.result ? getScoreModifier(output.result) : 0;
  withCredit += modifier;
  if (modifier < 0) uncurved += modifier;
  tests[output.constructor.name] = { pass: output.pass, result: output.result, scoreModifier: modifier };
}
const final = getGradeForScore(uncurved >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? withCredit : uncurved);
console.log(JSON.stringify({ score: final.score, grade: final.grade, tests }, null, 2));
