/**
 * Runs deploy/nginx.conf on loopback ports for tests and benches: the production file, with only
 * its ports, root and certificate paths rewritten, inside a throwaway main config.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const projectRoot = resolve(import.meta.dirname, '../..');
/** The path deploy/nginx.conf serves; replaced by the folder under test. */
const DEPLOY_ROOT = '/srv/tai-lieu-sinh-hoat-chi-bo/dist';
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

/** True when an nginx binary is on PATH. */
export function hasNginx(): boolean {
  return spawnSync('nginx', ['-v'], { encoding: 'utf8' }).status === 0;
}

/** A free loopback TCP port. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const found = typeof from === 'string' ? text.includes(from) : from.test(text);
  if (!found) throw new Error(`deploy/nginx.conf no longer contains ${String(from)}; update tests/support/nginx.ts`);
  return text.replace(from, to);
}

/** deploy/nginx.conf for a loopback test: plain HTTP on one port, or HTTPS with the HTTP redirect. */
export function renderSiteConfig(options: {
  root: string;
  httpPort: number;
  tls?: { httpsPort: number; cert: string; key: string };
}): string {
  let text = readFileSync(join(projectRoot, 'deploy/nginx.conf'), 'utf8');
  text = text.replaceAll(DEPLOY_ROOT, options.root);
  text = replaceOnce(text, /^\s*listen \[::\]:80;\n/m, '');
  text = replaceOnce(text, /^\s*listen \[::\]:443 ssl http2;\n/m, '');
  if (options.tls) {
    const { httpsPort, cert, key } = options.tls;
    text = replaceOnce(text, /listen 80;/, `listen 127.0.0.1:${options.httpPort};`);
    // The test certificate is for localhost, so that is the configured name here.
    text = text.replaceAll('server_name tailieu.example.org;', 'server_name localhost;');
    text = replaceOnce(
      text,
      'return 301 https://$server_name$request_uri;',
      `return 301 https://$server_name:${httpsPort}$request_uri;`,
    );
    text = replaceOnce(text, /listen 443 ssl http2;/, `listen 127.0.0.1:${httpsPort} ssl http2;`);
    text = replaceOnce(text, /ssl_certificate \S+;/, `ssl_certificate ${cert};`);
    text = replaceOnce(text, /ssl_certificate_key \S+;/, `ssl_certificate_key ${key};`);
  } else {
    text = replaceOnce(text, /# portal:redirect-begin[\s\S]*# portal:redirect-end\n/, '');
    text = replaceOnce(text, /listen 443 ssl http2;/, `listen 127.0.0.1:${options.httpPort};`);
    text = replaceOnce(text, /^\s*ssl_certificate \S+;\n/m, '');
    text = replaceOnce(text, /^\s*ssl_certificate_key \S+;\n/m, '');
    text = replaceOnce(text, /^\s*ssl_protocols [^;]+;\n/m, '');
  }
  return text;
}

/** A self-signed certificate for localhost and 127.0.0.1, usable as its own trust anchor. */
export function makeCertificate(dir: string): { cert: string; key: string } {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  const result = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-keyout',
      key,
      '-out',
      cert,
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=digitalSignature,keyEncipherment,keyCertSign',
      '-addext',
      'extendedKeyUsage=serverAuth',
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`openssl: ${result.stderr}`);
  return { cert, key };
}

/** A running nginx. */
export interface NginxServer {
  /** http://127.0.0.1:port (plain HTTP mode) or the HTTP port that redirects (TLS mode). */
  baseURL: string;
  /** https://localhost:port in TLS mode. */
  httpsURL?: string;
  /** The certificate to trust in TLS mode. */
  cert?: string;
  close: () => Promise<void>;
}

async function waitForPort(url: string, child: ChildProcess, errorLog: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (child.exitCode !== null) break;
    try {
      await fetch(url, { redirect: 'manual' });
      return;
    } catch {
      await new Promise((done) => setTimeout(done, 50));
    }
  }
  let log = '';
  try {
    log = readFileSync(errorLog, 'utf8');
  } catch {}
  throw new Error(`nginx did not start on ${url}\n${log}`);
}

/** Starts nginx serving `root` with deploy/nginx.conf; TLS mode adds HTTPS and the redirect. */
export async function startNginx(root: string, options: { tls?: boolean; port?: number } = {}): Promise<NginxServer> {
  const prefix = mkdtempSync(join(tmpdir(), 'portal-nginx-'));
  mkdirSync(join(prefix, 'logs'));
  const httpPort = options.port ?? (await freePort());
  const httpsPort = options.tls ? await freePort() : 0;
  const certificate = options.tls ? makeCertificate(prefix) : undefined;
  const site = renderSiteConfig({
    root: resolve(root),
    httpPort,
    ...(certificate ? { tls: { httpsPort, ...certificate } } : {}),
  });
  const errorLog = join(prefix, 'logs/error.log');
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((name) => `    ${name}_temp_path ${join(prefix, name)};`)
    .join('\n');
  const main = `load_module ${BROTLI_MODULE};
pid ${join(prefix, 'nginx.pid')};
error_log ${errorLog} warn;
worker_processes 1;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
${temp}
${site}
}
`;
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(conf, main);
  const check = spawnSync('nginx', ['-t', '-q', '-p', prefix, '-c', conf], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t failed:\n${check.stderr}\n${main}`);
  const child = spawn('nginx', ['-p', prefix, '-c', conf, '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const baseURL = `http://127.0.0.1:${httpPort}`;
  await waitForPort(baseURL, child, errorLog);
  return {
    baseURL,
    ...(certificate ? { httpsURL: `https://localhost:${httpsPort}`, cert: certificate.cert } : {}),
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGQUIT');
        await exited;
      }
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
