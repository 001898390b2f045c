/** Content the pages can show but the PDF and Word exporters cannot print stops the build, naming file and line. */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, projectRoot } from '../support/build-site.ts';

describe('an MDX expression in a section', () => {
  it('stops npm run build with the file, the line and a Vietnamese message', () => {
    const result = buildSite({
      name: 'fixture-bad-export-expression',
      contentDir: resolve(projectRoot, 'tests/fixtures/bad-export-expression/content'),
    });
    expect(result.status).toBe(1);
    expect(result.output).toContain(
      'tests/fixtures/bad-export-expression/content/thang/2026-11/01-thoi-su.mdx:9: tệp PDF và Word chưa in được "{…}"',
    );
    expect(() => statSync(result.outDir)).toThrow();
  });
});
