/**
 * A body that fails to render at content sync never reaches a page empty: Astro's loader only logs
 * such a failure and stores the entry without HTML, so the collections stop every build that reads
 * it (src/collections.ts). `npm run build` checks the content first and stops earlier; this runs
 * Astro's own build, as anything that skips the check would (a sync by `astro check`, a preview).
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projectRoot, TEST_NOW } from '../support/build-site.ts';
import { t } from '../../src/i18n/vi.ts';

describe('a body that cannot be rendered', () => {
  it('stops Astro’s build with the file, the line and what to do, in Vietnamese', () => {
    const work = resolve(projectRoot, '.cache/test-builds/render-guard');
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    cpSync(resolve(projectRoot, 'tests/fixtures/bad-export-expression/content'), resolve(work, 'content'), {
      recursive: true,
    });
    const section = resolve(work, 'content/thang/2026-11/01-thoi-su.mdx');
    const text = readFileSync(section, 'utf8').replace('Năm nay là năm {2020 + 6}.', 'Xem <HopThongTin />.');
    writeFileSync(section, text);
    const line = text.split('\n').indexOf('Xem <HopThongTin />.') + 1;
    expect(line).toBeGreaterThan(1);
    const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: {
        ...process.env,
        NODE_ENV: 'production',
        ASTRO_TELEMETRY_DISABLED: '1',
        CONTENT_DIR: resolve(work, 'content'),
        OUT_DIR: resolve(work, 'dist'),
        ASTRO_CACHE_DIR: resolve(work, 'astro-cache'),
        BUILD_NOW: TEST_NOW,
      },
    });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status, output).not.toBe(0);
    expect(output).toContain(`content/thang/2026-11/01-thoi-su.mdx:${line}: ${t('error.mdxDynamic')}`);
  }, 180_000);
});
