/** Runs one of the project's CLI scripts (src/cli/*.ts) on Node 24, as `npm run` would. */
import { spawnSync } from 'node:child_process';
import { projectRoot } from './build-site.ts';

/** Runs `node src/cli/<script>.ts args…`; returns exit status and combined output. */
export function runCli(
  script: string,
  args: string[] = [],
  env: Record<string, string> = {},
): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [`src/cli/${script}.ts`, ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
