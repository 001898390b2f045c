import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pagePolicies } from '../../../src/integrations/server-files.ts';

let work = '';
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'csp-policies-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SCRIPT = 'document.documentElement.dataset.js = "1";';
const hashOf = (code: string) => `sha256-${createHash('sha256').update(code).digest('base64')}`;
const page = (policy: string, script = SCRIPT) =>
  `<!doctype html><html><head><meta http-equiv="content-security-policy" content="${policy}"><script>${script}</script></head><body><p>Trang</p></body></html>`;
const allowing = (script = SCRIPT) => `default-src 'none'; script-src 'self' '${hashOf(script)}'`;

/** A built site of two pages under `name`; returns its folder. */
function site(name: string, second = page(allowing())): string {
  const root = join(work, name);
  mkdirSync(join(root, 'thang/2026-11'), { recursive: true });
  writeFileSync(join(root, 'index.html'), page(allowing()));
  writeFileSync(join(root, 'thang/2026-11/index.html'), second);
  return root;
}

describe('pagePolicies with the last build’s policies kept', () => {
  it('takes an unchanged page’s policy from the kept file, and checks a changed page again', async () => {
    const kept = join(work, 'cache-1/csp-policies.json');
    const first = await pagePolicies(site('a'), kept);
    expect(first).toEqual([
      { file: 'index.html', policy: allowing() },
      { file: 'thang/2026-11/index.html', policy: allowing() },
    ]);
    // Both pages share one policy, kept once.
    const file = JSON.parse(readFileSync(kept, 'utf8')) as { policies: string[]; pages: Record<string, number> };
    expect(file.policies).toEqual([allowing()]);
    expect(Object.keys(file.pages)).toHaveLength(1);

    // Marked so a reused policy shows: a page read from the kept file gets the marked one.
    writeFileSync(kept, JSON.stringify({ ...file, policies: ['reused'] }));
    const other = `console.log("khác");`;
    const second = await pagePolicies(site('b', page(allowing(other), other)), kept);
    expect(second).toEqual([
      { file: 'index.html', policy: 'reused' },
      { file: 'thang/2026-11/index.html', policy: allowing(other) },
    ]);
  });

  it('checks every page again when the kept file was made by other code or is damaged', async () => {
    const kept = join(work, 'cache-2/csp-policies.json');
    await pagePolicies(site('c'), kept);
    const file = JSON.parse(readFileSync(kept, 'utf8')) as { code: string; policies: string[] };
    writeFileSync(kept, JSON.stringify({ ...file, code: 'other code', policies: ['reused'] }));
    expect((await pagePolicies(site('d'), kept)).map((entry) => entry.policy)).toEqual([allowing(), allowing()]);
    writeFileSync(kept, '{ "code": ');
    expect((await pagePolicies(site('e'), kept)).map((entry) => entry.policy)).toEqual([allowing(), allowing()]);
  });

  it('stops on inline code the policy blocks, and keeps nothing from that build', async () => {
    const kept = join(work, 'cache-3/csp-policies.json');
    await pagePolicies(site('f'), kept);
    const before = readFileSync(kept, 'utf8');
    const root = site('g', page(allowing(), 'alert(1)'));
    await expect(pagePolicies(root, kept)).rejects.toThrow(
      `${join(root, 'thang/2026-11/index.html')}: inline code the CSP blocks; add it to src/lib/reader/inline-scripts.ts:\n  <script> alert(1)`,
    );
    expect(readFileSync(kept, 'utf8')).toBe(before);
    // A page without a policy is named too.
    const bare = site('h', '<!doctype html><title>x</title>');
    await expect(pagePolicies(bare, kept)).rejects.toThrow(
      `${join(bare, 'thang/2026-11/index.html')} has no Content-Security-Policy <meta>`,
    );
  });
});
