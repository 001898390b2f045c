/**
 * `npm run admin`: decap-server (Git mode, so the editorial workflow works locally) and the dev
 * server together; the web editor at http://localhost:4321/admin/ reaches decap-server through
 * the dev server's /api/v1 proxy (astro.config.mjs). Ctrl+C stops both.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { env } from '../env.ts';

const port = env.decapPort;
const children: ChildProcess[] = [];

/** Starts one child that shares this terminal; when it ends, everything ends. */
function start(command: string, args: string[], env: Record<string, string>): void {
  const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', (code) => stop(code ?? 0));
  children.push(child);
}

function stop(code: number): void {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

start(process.execPath, [resolve('node_modules/decap-server/dist/index.js')], {
  PORT: port,
  BIND_HOST: '127.0.0.1',
  MODE: env.decapMode,
  GIT_REPO_DIRECTORY: process.cwd(),
});
start(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'dev'], {
  ASTRO_TELEMETRY_DISABLED: '1',
  DECAP_SERVER_URL: `http://127.0.0.1:${port}`,
});
