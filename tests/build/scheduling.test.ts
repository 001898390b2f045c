/**
 * Scheduled publishing: a published item with a future publishDate is absent from a build made
 * before that date and present in the first build on it, judged in Asia/Ho_Chi_Minh time.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, type BuildResult } from '../support/build-site.ts';

const contentDir = resolve(projectRoot, 'tests/fixtures/scheduled/content');
// One second apart around midnight of 1 December in Hà Nội (17:00 UTC the day before).
const BEFORE = '2026-11-30T23:59:59+07:00';
const ON = '2026-11-30T17:00:00Z';

const builds: Record<'before' | 'on', BuildResult> = {} as Record<'before' | 'on', BuildResult>;
const page = (build: BuildResult, path: string) => join(build.outDir, path);
const text = (build: BuildResult, path: string) =>
  existsSync(page(build, path)) ? readFileSync(page(build, path), 'utf8') : '';

beforeAll(() => {
  builds.before = buildSite({ name: 'scheduled-before', contentDir, now: BEFORE });
  builds.on = buildSite({ name: 'scheduled-on', contentDir, now: ON });
  for (const build of Object.values(builds)) if (build.status !== 0) throw new Error(build.output);
}, 600_000);

const scheduledPages = [
  'thang/2026-12/index.html',
  'thang/2026-12/ky-niem/index.html',
  'thang/2026-12/in/index.html',
  'hoc-tap-bac/bai-hoc-hen-dang/index.html',
];

describe('before the publish date (23:59:59 on 30/11 in Hà Nội)', () => {
  it.each(scheduledPages)('has no %s', (path) => {
    expect(existsSync(page(builds.before, path))).toBe(false);
  });

  it.each(['thang/index.html', 'index.html', 'hoc-tap-bac/index.html', 'sitemap-0.xml', 'rss.xml'])(
    'does not mention the scheduled items in %s',
    (path) => {
      expect(text(builds.before, path)).not.toContain('2026-12/');
      expect(text(builds.before, path)).not.toContain('bai-hoc-hen-dang');
      expect(text(builds.before, path)).not.toContain('Hẹn đăng');
    },
  );

  it('still has the already published month', () => {
    expect(existsSync(page(builds.before, 'thang/2026-11/index.html'))).toBe(true);
  });
});

describe('on the publish date (00:00 on 01/12 in Hà Nội), with no edit to the content', () => {
  it.each(scheduledPages)('has %s', (path) => {
    expect(existsSync(page(builds.on, path))).toBe(true);
  });

  it.each(['thang/index.html', 'index.html', 'sitemap-0.xml', 'rss.xml'])('mentions the month in %s', (path) => {
    expect(text(builds.on, path)).toContain('/thang/2026-12/');
  });

  it('lists the month in the archive and links the guide from its index', () => {
    expect(text(builds.on, 'thang/index.html')).toContain('/thang/2026-12/');
    expect(text(builds.on, 'hoc-tap-bac/index.html')).toContain('/hoc-tap-bac/bai-hoc-hen-dang/');
  });

  it('marks nothing as a draft or scheduled in the production build', () => {
    expect(text(builds.on, 'thang/2026-12/index.html')).not.toContain('Hẹn đăng');
    expect(text(builds.on, 'thang/2026-12/index.html')).not.toContain('Bản nháp');
  });
});
