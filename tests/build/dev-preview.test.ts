/**
 * `npm run dev` shows drafts and scheduled items, marked "Bản nháp" / "Hẹn đăng DD/MM/YYYY", so staff
 * can preview them; the production build (site.test.ts) never contains them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, TEST_NOW } from '../support/build-site.ts';

let server: ChildProcess | undefined;
let base = '';

/** A free loopback port. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(
    process.execPath,
    [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)],
    {
      cwd: projectRoot,
      env: {
        // Without vitest's own variables, which make Vite behave as a test runner, not a dev server.
        ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST'))),
        // vitest sets NODE_ENV=test; the dev server must run as it does for staff.
        NODE_ENV: 'development',
        ASTRO_TELEMETRY_DISABLED: '1',
        BUILD_NOW: TEST_NOW,
        ASTRO_CACHE_DIR: join(projectRoot, '.cache/test-builds/dev/astro-cache'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  server.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  // Wait until the dev server answers (Vite prepares dependencies on first start).
  for (let attempt = 0; attempt < 240; attempt += 1) {
    try {
      if ((await fetch(`${base}/`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`astro dev did not start:\n${log}`);
}, 300_000);

afterAll(() => {
  server?.kill();
});

describe('npm run dev', () => {
  it('shows the draft month, marked as a draft', async () => {
    const html = await (await fetch(`${base}/thang/2026-12/`)).text();
    expect(html).toContain('Lũng Pìn Sáu');
    expect(html).toMatch(/class="badge"[^>]*>Bản nháp</);
  });

  it('lists the future-dated guide, marked with its date', async () => {
    const html = await (await fetch(`${base}/hoc-tap-bac/`)).text();
    expect(html).toMatch(/class="badge"[^>]*>Hẹn đăng 15\/01\/2027</);
  });

  it.each([
    ['2026-12', 'the draft month', true],
    ['2026-11', 'a public month', false],
  ])('marks every page of the PDF of %s (%s) "BẢN NHÁP": %s', async (month, _what, marked) => {
    const response = await fetch(`${base}/thang/${month}/tai-lieu-sinh-hoat-chi-bo-${month}.pdf`);
    expect(response.status).toBe(200);
    const proxy = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
    const { text, totalPages } = await extractText(proxy, { mergePages: false });
    expect(totalPages).toBeGreaterThan(1);
    expect(text.filter((page) => page.includes('BẢN NHÁP'))).toHaveLength(marked ? totalPages : 0);
  });
});
