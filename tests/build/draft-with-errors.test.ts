/**
 * A bad item must not stop everything else: drafts with errors are reported as warnings (file,
 * line, Vietnamese) and left out, while the published month builds, including a section saved with
 * a byte-order mark and a title that contains tag-like text. `npm run check` lists scheduled items.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, TEST_NOW, type BuildResult } from '../support/build-site.ts';
import { runCli } from '../support/run-cli.ts';

const contentDir = resolve(projectRoot, 'tests/fixtures/draft-with-errors/content');
let build: BuildResult;

/** Every file of the built site, relative to its root. */
function builtFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
}

beforeAll(() => {
  build = buildSite({ name: 'draft-with-errors', contentDir });
}, 600_000);

describe('a build with drafts that have errors', () => {
  it('succeeds', () => {
    expect(build.status, build.output).toBe(0);
  });

  it.each([
    ['content/thang/2026-12/index.mdx:1  issuer: bản nháp có lỗi nên chưa đưa vào trang: thiếu trường bắt buộc này'],
    ['content/thang/2026-12/01-thoi-su.mdx:7  bản nháp có lỗi nên chưa đưa vào trang: dấu ngoặc nhọn "{"'],
    ['content/hoc-tap-bac/bai-nhap-loi.mdx:2  bản nháp có lỗi nên chưa đưa vào trang: giá trị có dấu hai chấm'],
  ])('warns: %s', (line) => {
    expect(build.output).toContain(line);
  });

  it('names the drafts it leaves out', () => {
    expect(build.output).toMatch(
      /2 bản nháp có lỗi, được bỏ ra khỏi bản dựng[^\n]*\n {2}- content\/hoc-tap-bac\/bai-nhap-loi\.mdx\n {2}- content\/thang\/2026-12\//,
    );
  });

  it('leaves no trace of them in any built file', () => {
    const files = builtFiles(build.outDir);
    expect(files.filter((file) => /2026-12|bai-nhap-loi/.test(file))).toEqual([]);
    const texts = files.filter((file) => /\.(html|xml|json|txt)$/.test(file));
    for (const file of texts) {
      const text = readFileSync(join(build.outDir, file), 'utf8');
      expect(text, file).not.toContain('Bản nháp tháng 12 còn lỗi');
      expect(text, file).not.toContain('Bài học nháp');
    }
  });

  it('publishes the section saved with a byte-order mark', () => {
    const html = readFileSync(join(build.outDir, 'thang/2026-11/thoi-su/index.html'), 'utf8');
    expect(html).toContain('<h1>Thời sự lưu bằng Notepad');
    expect(html).toContain('tệp có dấu BOM ở đầu');
  });

  it('escapes tag-like text of a title wherever it is shown', () => {
    const html = readFileSync(join(build.outDir, 'thang/2026-11/index.html'), 'utf8');
    expect(html).toContain('Cảnh giác với &lt;script&gt; và tin giả trên mạng');
    expect(html).not.toMatch(/>[^<"]*<script> và tin giả/);
    expect(existsSync(join(build.outDir, 'thang/index.html'))).toBe(true);
  });
});

describe('two corrections on the same day', () => {
  it('each have their own anchor on the page', () => {
    const html = readFileSync(join(build.outDir, 'thang/2026-11/index.html'), 'utf8');
    expect(html).toMatch(/<li id="dinh-chinh-2026-11-05-2">[\s\S]*Sửa tên văn bản/);
    expect(html).toMatch(/<li id="dinh-chinh-2026-11-05">[\s\S]*Sửa số liệu/);
  });

  it('each have their own guid in the feed', () => {
    const rss = readFileSync(join(build.outDir, 'rss.xml'), 'utf8');
    const guids = [...rss.matchAll(/<guid[^>]*>([^<]*#dinh-chinh-[^<]*)<\/guid>/g)].map((match) => match[1]);
    expect(guids).toHaveLength(2);
    expect(new Set(guids).size).toBe(2);
  });
});

describe('npm run check on the same content', () => {
  const result = runCli('check', [], { CONTENT_DIR: contentDir, BUILD_NOW: TEST_NOW });

  it('passes, with the drafts as warnings', () => {
    expect(result.status).toBe(0);
    expect(result.output).toContain('3 cảnh báo:');
  });

  it('lists the scheduled month with the day it goes live', () => {
    expect(result.output).toContain(
      'Hẹn đăng 01/01/2027: content/thang/2027-01/index.mdx (Tài liệu sinh hoạt chi bộ tháng 1 năm 2027)',
    );
  });
});
