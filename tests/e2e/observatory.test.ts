/** MDN HTTP Observatory scoring of nginx with deploy/nginx.conf, over loopback HTTPS. */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { startNginx, type NginxServer } from '../support/nginx.ts';

let server: NginxServer;

beforeAll(async () => {
  server = await startNginx(inject('siteDist'), { tls: true });
});
afterAll(async () => {
  await server.close();
});

it('scores A+ (at least 105) with a hash-based CSP and default-src none', () => {
  const http = new URL(server.baseURL);
  const https = new URL(server.httpsURL ?? '');
  const result = spawnSync(
    process.execPath,
    ['tests/support/observatory-scan.ts', 'localhost', http.port, https.port],
    {
      encoding: 'utf8',
      // The test certificate is trusted for this scan only.
      env: { ...process.env, NODE_EXTRA_CA_CERTS: server.cert ?? '' },
    },
  );
  expect(result.status, result.stderr).toBe(0);
  const scan = JSON.parse(result.stdout) as {
    score: number;
    grade: string;
    tests: Record<string, { pass: boolean; result: string }>;
  };
  const failed = Object.entries(scan.tests).filter(([, test]) => !test.pass);
  expect(failed).toEqual([]);
  expect(scan.tests['content-security-policy']?.result).toBe('csp-implemented-with-no-unsafe-default-src-none');
  expect(scan.tests['redirection']?.result).toBe('redirection-to-https');
  expect(scan.grade).toBe('A+');
  expect(scan.score).toBeGreaterThanOrEqual(105);
});
