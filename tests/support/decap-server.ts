/**
 * decap-server (Git mode) over a throw-away Git repository holding a copy of content/, and a
 * loopback server that serves a built site and forwards /api/v1 to it, as `npm run admin` does.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sirv from 'sirv';
import { projectRoot } from './build-site.ts';

/** Runs git in `cwd`; throws with its output when it fails. */
export function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** A new Git repository (branch main) whose first commit is a copy of the sample content/. */
export function contentRepository(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'decap-repo-'));
  cpSync(resolve(projectRoot, 'content'), join(dir, 'content'), { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 'bien-tap@example.invalid');
  git(dir, 'config', 'user.name', 'Biên tập');
  git(dir, 'config', 'commit.gpgsign', 'false');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'Nội dung mẫu');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A free loopback port. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const address = probe.address();
  await new Promise<void>((done) => probe.close(() => done()));
  if (!address || typeof address === 'string') throw new Error('No port');
  return address.port;
}

/** Starts decap-server in Git mode on `repo`; resolves once it listens. */
export async function startDecapServer(repo: string): Promise<{ url: string; stop: () => void; log: () => string }> {
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [resolve(projectRoot, 'node_modules/decap-server/dist/index.js')],
    {
      env: {
        ...process.env,
        PORT: String(port),
        BIND_HOST: '127.0.0.1',
        MODE: 'git',
        GIT_REPO_DIRECTORY: repo,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  await new Promise<void>((ready, fail) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening')) ready();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => fail(new Error(`decap-server exited ${code}: ${output}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill(), log: () => output };
}

/** Serves `root` on loopback and forwards /api/v1 to `apiOrigin`. */
export async function serveWithApi(
  root: string,
  apiOrigin: string,
): Promise<{ baseURL: string; close: () => Promise<void> }> {
  const files = sirv(root, { dev: false });
  const api = new URL(apiOrigin);
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/api/v1')) {
      const forward = httpRequest(
        {
          host: api.hostname,
          port: api.port,
          path: req.url,
          method: req.method,
          headers: { ...req.headers, host: api.host },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => {
        res.statusCode = 502;
        res.end();
      });
      req.pipe(forward);
      return;
    }
    files(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('No server address');
  return {
    baseURL: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((done, fail) => server.close((error) => (error ? fail(error) : done()))),
  };
}
