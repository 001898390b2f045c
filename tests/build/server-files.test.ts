/** What the build leaves for the server: precompressed files and the CSP map nginx includes. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { headerPolicy, isCompressible, metaPolicyOf } from '../../src/lib/output/server-rules.ts';

const siteDist = inject('siteDist');
const files = readdirSync(siteDist, { recursive: true, encoding: 'utf8' });

describe('precompressed files', () => {
  it('has a .gz and a .br holding the same bytes next to every page', () => {
    const pages = files.filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const original = readFileSync(join(siteDist, page));
      expect(gunzipSync(readFileSync(join(siteDist, `${page}.gz`))).equals(original), page).toBe(true);
      expect(brotliDecompressSync(readFileSync(join(siteDist, `${page}.br`))).equals(original), page).toBe(true);
    }
  });

  it('leaves binary files and the server files alone', () => {
    const compressed = files
      .filter((file) => file.endsWith('.gz') || file.endsWith('.br'))
      .map((file) => file.replace(/\.(gz|br)$/, ''));
    expect(compressed.filter((file) => !isCompressible(file) || file.startsWith('_nginx/'))).toEqual([]);
  });
});

describe('_nginx/csp-map.conf', () => {
  const map = readFileSync(join(siteDist, '_nginx/csp-map.conf'), 'utf8');

  it("sends the home page's <meta> policy with frame-ancestors by default", () => {
    const policy = headerPolicy(metaPolicyOf(readFileSync(join(siteDist, 'index.html'), 'utf8')) ?? '');
    expect(map).toContain(`    default "${policy}";`);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
  });

  it('is the only file under _nginx/', () => {
    expect(existsSync(join(siteDist, '_nginx'))).toBe(true);
    expect(files.filter((file) => file.startsWith('_nginx/'))).toEqual(['_nginx/csp-map.conf']);
  });
});
