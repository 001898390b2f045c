/**
 * Vitest global setup for browser tests: build the sample site once and serve it on loopback with
 * nginx and deploy/nginx.conf (as in production). E2E_SERVER=sirv serves it with sirv instead, for
 * a machine without nginx; the server, headers and Observatory tests then fail, by design.
 */
import { buildSite } from './build-site.ts';
import { freePort, hasNginx, startNginx } from './nginx.ts';
import { serveStatic } from './static-server.ts';

export default async function setup({
  provide,
}: {
  provide: (key: 'baseURL' | 'siteDist' | 'server', value: string) => void;
}) {
  const useSirv = process.env['E2E_SERVER'] === 'sirv';
  if (!useSirv && !hasNginx()) {
    throw new Error(
      'Browser tests run against nginx: apt-get install nginx libnginx-mod-http-brotli-static (or E2E_SERVER=sirv)',
    );
  }
  // The site is built for the address it is served at, so canonical links and the sitemap resolve.
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // E2E_DIST reuses a site built earlier for SITE_URL=http://127.0.0.1:<E2E_PORT> (quick reruns).
  let outDir = process.env['E2E_DIST'];
  const servePort = outDir ? Number(process.env['E2E_PORT'] ?? port) : port;
  if (!outDir) {
    const result = buildSite({ name: 'e2e', env: { SITE_URL: origin } });
    if (result.status !== 0) throw new Error(`The sample site did not build:\n${result.output}`);
    outDir = result.outDir;
  }
  const server = useSirv ? await serveStatic(outDir, servePort) : await startNginx(outDir, { port: servePort });
  provide('server', useSirv ? 'sirv' : 'nginx');
  provide('siteDist', outDir);
  provide('baseURL', server.baseURL);
  return () => server.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    /** Which server serves the site: nginx with deploy/nginx.conf, or sirv. */
    server: string;
  }
}
