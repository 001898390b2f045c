/** nginx with deploy/nginx.conf: encodings, caching, types, the 404 page, security headers. */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  CACHE_CONTROL,
  cacheRuleFor,
  headerPolicy,
  metaPolicyOf,
  securityHeaders,
} from '../../src/lib/output/server-rules.ts';
import { startNginx, type NginxServer } from '../support/nginx.ts';

const baseURL = inject('baseURL');
const siteDist = inject('siteDist');

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(new URL(path, baseURL), { headers, redirect: 'manual' });

/** The response body exactly as sent (fetch would decode it). */
function rawGet(
  path: string,
  headers: Record<string, string>,
): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(new URL(path, baseURL), { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

/** The header policy nginx should send for a page: Astro's <meta> policy of that page, plus frame-ancestors. */
const policyOf = (file: string) => headerPolicy(metaPolicyOf(readFileSync(join(siteDist, file), 'utf8')) ?? 'missing');

it('is served by nginx with deploy/nginx.conf', () => {
  expect(inject('server')).toBe('nginx');
});

describe('precompressed files', () => {
  it.each([
    ['/', 'index.html'],
    ['/thang/2026-11/thoi-su/', 'thang/2026-11/thoi-su/index.html'],
    ['/rss.xml', 'rss.xml'],
  ])('%s comes as brotli, gzip or plain, all the same bytes', async (path, file) => {
    const original = readFileSync(join(siteDist, file));
    const br = await rawGet(path, { 'accept-encoding': 'br, gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.body).equals(original)).toBe(true);
    const gz = await rawGet(path, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(original)).toBe(true);
    const plain = await rawGet(path, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);
  });

  it('sends the hashed stylesheet compressed and cached for a year', async () => {
    const html = readFileSync(join(siteDist, 'index.html'), 'utf8');
    const css = /href="(\/_astro\/[^"]+\.css)"/.exec(html)?.[1];
    expect(css).toBeDefined();
    const response = await get(css ?? '', { 'accept-encoding': 'br' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe(CACHE_CONTROL.immutable);
  });
});

describe('caching follows src/lib/output/server-rules.ts', () => {
  it.each(['/', '/thang/2026-11/', '/rss.xml', '/sitemap-index.xml', '/pagefind/pagefind-entry.json', '/404.html'])(
    '%s',
    async (path) => {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe(CACHE_CONTROL[cacheRuleFor(path)]);
      expect(response.headers.get('etag')).toBeTruthy();
    },
  );

  it('answers a repeat visit of a page with 304', async () => {
    const first = await get('/thang/2026-11/');
    const again = await get('/thang/2026-11/', { 'if-none-match': first.headers.get('etag') ?? '' });
    expect(again.status).toBe(304);
  });
});

describe('the 404 page and security headers', () => {
  it("serves the site's own 404 page with status 404 and every header", async () => {
    const response = await get('/khong-co-trang-nay/', { 'accept-encoding': 'identity' });
    expect(response.status).toBe(404);
    expect(await response.text()).toBe(readFileSync(join(siteDist, '404.html'), 'utf8'));
    for (const [name, value] of securityHeaders(policyOf('404.html')))
      expect(response.headers.get(name), name).toBe(value);
  });

  it.each([
    ['/', 'index.html'],
    ['/thang/2026-11/thoi-su/', 'thang/2026-11/thoi-su/index.html'],
    ['/tim-kiem/', 'tim-kiem/index.html'],
    ['/admin/', 'admin/index.html'],
    ['/thang/2026-11', 'index.html'],
    ['/pagefind/pagefind-worker.js', 'index.html'],
    ['/_nginx/csp-map.conf', '404.html'],
  ])('%s carries every security header, with the CSP of %s', async (path, file) => {
    const response = await get(path);
    for (const [name, value] of securityHeaders(policyOf(file))) expect(response.headers.get(name), name).toBe(value);
  });

  it('keeps the files written for servers private', async () => {
    expect((await get('/_nginx/csp-map.conf')).status).toBe(404);
  });

  it('adds a slash to a folder address, staying on the same host and port', async () => {
    const response = await get('/thang/2026-11');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/thang/2026-11/');
  });

  it.each(['/', '/thang/2026-11/thoi-su/', '/tim-kiem/', '/pagefind/pagefind-worker.js'])(
    '%s: a CSP with hashes, no unsafe-inline, what Pagefind needs and frame-ancestors',
    async (path) => {
      const csp = (await get(path)).headers.get('content-security-policy') ?? '';
      const directives = new Map(
        csp.split(';').map((part) => {
          const [name = '', ...sources] = part.trim().split(/\s+/);
          return [name, sources] as const;
        }),
      );
      expect(directives.get('default-src')).toEqual(["'none'"]);
      expect(directives.get('script-src')).toContain("'wasm-unsafe-eval'");
      expect(directives.get('script-src')?.some((source) => source.startsWith("'sha256-"))).toBe(true);
      expect(directives.get('connect-src')).toEqual(["'self'"]);
      expect(directives.get('worker-src')).toEqual(["'self'"]);
      expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain("'unsafe-eval'");
    },
  );
});

describe('requests that must not leak through', () => {
  it('the /_astro/ folder is refused and the refusal is not cached', async () => {
    const response = await get('/_astro/');
    expect(response.status).toBe(403);
    expect(response.headers.get('cache-control')).toBe(CACHE_CONTROL.revalidate);
  });

  it('a missing file under /_astro/ is not cached for a year either', async () => {
    const response = await get('/_astro/khong-co.css');
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe(CACHE_CONTROL.revalidate);
  });

  it.each(['/index.html.br', '/index.html.gz', '/thang/2026-11/index.html.br'])(
    '%s asked for directly is refused, not sent as octet-stream',
    async (path) => {
      const response = await get(path, { 'accept-encoding': 'br, gzip' });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    },
  );

  it('the same page still comes compressed when asked for by its name', async () => {
    const response = await rawGet('/thang/2026-11/', { 'accept-encoding': 'br' });
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
  });
});

describe('the HTTP to HTTPS redirect', () => {
  let server: NginxServer;
  beforeAll(async () => {
    server = await startNginx(siteDist, { tls: true });
  });
  afterAll(async () => {
    await server.close();
  });

  /** The redirect answer to a plain HTTP request carrying `host`. */
  function redirectFor(host: string): Promise<{ status: number | undefined; location: string | undefined }> {
    return new Promise((resolve, reject) => {
      request(new URL('/thang/2026-11/?q=1', server.baseURL), { headers: { host } }, (response) => {
        response.resume();
        resolve({ status: response.statusCode, location: response.headers.location });
      })
        .on('error', reject)
        .end();
    });
  }

  it.each(['localhost', 'ke-gian.example', 'localhost.ke-gian.example:8080'])(
    'Host: %s goes to the configured name',
    async (host) => {
      const { status, location } = await redirectFor(host);
      expect(status).toBe(301);
      expect(location).toBe(`${server.httpsURL ?? ''}/thang/2026-11/?q=1`);
    },
  );
});

describe('types', () => {
  // A small tree with one file of each kind the portal serves, under the same config.
  let server: NginxServer;
  let root: string;
  const files: Record<string, string> = {
    'index.html': 'text/html; charset=utf-8',
    'a.pdf': 'application/pdf',
    'a.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'a.zip': 'application/zip',
    'manifest.webmanifest': 'application/manifest+json; charset=utf-8',
    'rss.xml': 'text/xml; charset=utf-8',
    'a.svg': 'image/svg+xml; charset=utf-8',
    // Named like a precompressed file but with no original beside it: an upload, served as it is.
    'du-lieu.gz': 'application/gzip',
    'pagefind/pagefind.js': 'application/javascript; charset=utf-8',
    'pagefind/pagefind-entry.json': 'application/json; charset=utf-8',
    'pagefind/wasm.unknown.pagefind': 'application/octet-stream',
    'pagefind/pagefind.vi_0123.pf_meta': 'application/octet-stream',
    'pagefind/index/vi_0123.pf_index': 'application/octet-stream',
    'pagefind/fragment/vi_0123.pf_fragment': 'application/octet-stream',
    'pagefind/filter/vi_0123.pf_filter': 'application/octet-stream',
    'pagefind/pagefind-pack.pf_pack': 'application/octet-stream',
    '_astro/a.woff2': 'font/woff2',
    '_astro/a.webp': 'image/webp',
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'portal-types-'));
    // nginx's workers run as nobody; mkdtemp makes the folder private.
    chmodSync(root, 0o755);
    for (const file of [...Object.keys(files), '404.html']) {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), 'x');
    }
    mkdirSync(join(root, '_nginx'));
    writeFileSync(
      join(root, '_nginx/csp-map.conf'),
      'map $uri $portal_csp {\n    default "default-src \'none\'";\n}\n',
    );
    server = await startNginx(root);
  });
  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it.each(Object.entries(files))('/%s is %s, cached by its rule, never re-encoded', async (file, type) => {
    const response = await fetch(`${server.baseURL}/${file}`, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('cache-control')).toBe(CACHE_CONTROL[cacheRuleFor(`/${file}`)]);
  });
});
