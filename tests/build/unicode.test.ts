/** Text pasted in decomposed Unicode (NFD) is served in NFC, in the body and in the frontmatter. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot } from '../support/build-site.ts';

let dist = '';
beforeAll(() => {
  const source = readFileSync(
    resolve(projectRoot, 'tests/fixtures/nfd-content/content/thang/2026-11/01-thoi-su.mdx'),
    'utf8',
  );
  // Guard: the fixture really is decomposed, or this test would prove nothing.
  expect(source).not.toBe(source.normalize('NFC'));
  const result = buildSite({
    name: 'nfd-content',
    contentDir: resolve(projectRoot, 'tests/fixtures/nfd-content/content'),
  });
  expect(result.status, result.output).toBe(0);
  dist = result.outDir;
});

describe('NFD content', () => {
  it.each([
    ['the section body', '/thang/2026-11/thoi-su/', 'Đảng uỷ xã Tân Đức tổ chức hội nghị'],
    ['the section title', '/thang/2026-11/thoi-su/', 'Thời sự trong tỉnh'],
    ['the issue summary', '/thang/2026-11/', 'Văn bản dán từ tài liệu cũ'],
  ])('%s is served in NFC', (_label, url, phrase) => {
    const html = readFileSync(join(dist, url, 'index.html'), 'utf8');
    expect(html).toBe(html.normalize('NFC'));
    expect(html).toContain(phrase.normalize('NFC'));
  });
});
