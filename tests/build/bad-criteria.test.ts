/** Bad criteria data stops `npm run check` and `npm run build` with its Vietnamese message, like other content. */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, projectRoot } from '../support/build-site.ts';
import { runCli } from '../support/run-cli.ts';

const contentDir = resolve(projectRoot, 'tests/fixtures/bad-criteria-points/content');
const expected =
  'content/tieu-chi/chat-luong-sinh-hoat.yaml:8  groups.0.items.0.points: điểm (points) cần là số nguyên từ 1 đến 10';

describe('bad-criteria-points', () => {
  it('stops npm run check with file, line, field and message', () => {
    const result = runCli('check', [], { CONTENT_DIR: contentDir });
    expect(result.status).toBe(1);
    expect(result.output).toContain(expected);
  });

  it('stops npm run build before anything is written', () => {
    const result = buildSite({ name: 'fixture-bad-criteria-points', contentDir });
    expect(result.status).toBe(1);
    expect(result.output).toContain(expected);
    expect(() => statSync(result.outDir)).toThrow();
  });
});
