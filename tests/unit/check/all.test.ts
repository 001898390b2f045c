import { describe, expect, it } from 'vitest';
import { t } from '../../../src/i18n/vi.ts';
import { checkAll } from '../../../src/lib/check/all.ts';
import { leaveOutPatterns } from '../../../src/lib/check/drafts.ts';
import { formatProblem, type ContentFile } from '../../../src/lib/check/problem.ts';
import { parseMdx } from '../../../src/lib/exports/mdx.ts';

const NOW = new Date('2026-11-28T20:00:00+07:00');
const options = { siteUrl: 'https://tailieu.example.org', now: NOW };

const issue = (month: string, status: string, publishDate = '2026-10-28', extra = '') => `---
title: "Tài liệu tháng ${month}"
month: "${month}"
summary: "Tóm tắt."
issuer: "Ban Tuyên giáo Tỉnh uỷ"
status: ${status}
publishDate: ${publishDate}
agenda:
  - "Thông tin thời sự"
${extra}---

Lời giới thiệu.
`;
const section = (body = 'Nội dung mục.', kind = 'thoi-su') =>
  `---\ntitle: "Mục"\norder: 1\nkind: ${kind}\n---\n\n${body}\n`;
const guide = (status: string, title = '"Bài học"') =>
  `---\ntitle: ${title}\nsummary: "Tóm tắt."\nstatus: ${status}\npublishDate: 2026-03-10\n---\n\nCâu chuyện.\n`;

/** Text files as the CLI hands them over: bytes. */
const files = (tree: Record<string, string | Uint8Array>): ContentFile[] =>
  Object.entries(tree).map(([path, content]) => {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    return { path, size: bytes.length, bytes };
  });

const published = {
  'content/thang/2026-11/index.mdx': issue('2026-11', 'published'),
  'content/thang/2026-11/01-thoi-su.mdx': section(),
};

describe('checkAll', () => {
  it('accepts a valid tree and counts its pages', () => {
    const report = checkAll(files(published), parseMdx, options);
    expect(report).toEqual({ problems: [], leftOut: [], scheduled: [], pages: 2 });
  });

  it('accepts a file saved with a byte-order mark', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(section())]);
    const report = checkAll(files({ ...published, 'content/thang/2026-11/01-thoi-su.mdx': bom }), parseMdx, options);
    expect(report.problems).toEqual([]);
  });

  it('refuses a file that is not UTF-8, at its line, and checks nothing else in it', () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode(section('a')), 0x63, 0x61, 0x66, 0xe9]);
    const report = checkAll(files({ ...published, 'content/thang/2026-11/01-thoi-su.mdx': latin1 }), parseMdx, options);
    expect(report.problems.map(formatProblem)).toEqual([
      `content/thang/2026-11/01-thoi-su.mdx:8  ${t('error.notUtf8')}`,
    ]);
  });

  it('refuses a symlinked page, whatever its name', () => {
    const tree = [...files(published), { path: 'content/thang/2026-11/02-hoi-dap.mdx', size: 0, symlink: true }];
    expect(checkAll(tree, parseMdx, options).problems.map(formatProblem)).toEqual([
      `content/thang/2026-11/02-hoi-dap.mdx  ${t('error.symlink', { file: 'content/thang/2026-11/02-hoi-dap.mdx' })}`,
    ]);
  });

  it('moves a bad attachment to the line of the page that lists it', () => {
    const tree = files({
      'content/thang/2026-11/index.mdx': issue(
        '2026-11',
        'published',
        '2026-10-28',
        'attachments:\n  - title: "Tiện ích"\n    file: "./files/tien-ich.js"\n',
      ),
      'content/thang/2026-11/01-thoi-su.mdx': section(),
    });
    tree.push({
      path: 'content/thang/2026-11/files/tien-ich.js',
      size: 8,
      head: new Uint8Array([0x61]),
      tail: new Uint8Array([0x61]),
    });
    const [problem] = checkAll(tree, parseMdx, options).problems;
    expect(problem).toMatchObject({ file: 'content/thang/2026-11/index.mdx', line: 12, severity: 'error' });
    expect(problem?.message).toContain('"tien-ich.js" không được đăng');
  });

  it('stops on a published section with front matter and no body; a draft’s may be empty', () => {
    const empty = { 'content/thang/2026-11/01-thoi-su.mdx': '---\ntitle: "Mục"\norder: 1\nkind: thoi-su\n---\n' };
    const stop = checkAll(files({ ...published, ...empty }), parseMdx, options);
    expect(stop.problems.map(formatProblem)).toEqual([
      `content/thang/2026-11/01-thoi-su.mdx:6  ${t('error.emptyBody')}`,
    ]);
    const draft = checkAll(
      files({ 'content/thang/2026-11/index.mdx': issue('2026-11', 'draft'), ...empty }),
      parseMdx,
      options,
    );
    expect(draft.problems).toEqual([
      {
        severity: 'warning',
        file: 'content/thang/2026-11/01-thoi-su.mdx',
        line: 6,
        message: t('warning.emptySection'),
      },
    ]);
  });

  describe('a draft with errors', () => {
    const tree = {
      ...published,
      'content/thang/2026-12/index.mdx': issue('2026-12', 'draft'),
      'content/thang/2026-12/01-thoi-su.mdx': section('Gửi {tên chi bộ.'),
      'content/hoc-tap-bac/bai-nhap.mdx': guide('draft', 'Bài học: chưa xong'),
    };
    const report = checkAll(files(tree), parseMdx, options);

    it('is a warning with its file and line, not an error', () => {
      expect(report.problems.map(formatProblem)).toEqual([
        `content/hoc-tap-bac/bai-nhap.mdx:2  ${t('warning.draftLeftOut', { message: t('error.yamlColon') })}`,
        `content/thang/2026-12/01-thoi-su.mdx:7  ${t('warning.draftLeftOut', { message: t('error.mdxBrace') })}`,
      ]);
    });

    it('is left out whole: a month with its sections, a guide', () => {
      expect(report.leftOut).toEqual(['content/hoc-tap-bac/bai-nhap.mdx', 'content/thang/2026-12/']);
      expect(leaveOutPatterns(report.leftOut, 'thang')).toEqual(['!2026-12/**']);
      expect(leaveOutPatterns(report.leftOut, 'hoc-tap-bac')).toEqual(['!bai-nhap.mdx']);
      expect(leaveOutPatterns(report.leftOut, 'chuyen-de')).toEqual([]);
    });

    it('still stops the build when a published item depends on it', () => {
      const topic = `---\ntitle: "Chuyên đề"\nyear: 2027\nsummary: "Tóm tắt."\nstatus: draft\npublishDate: 2027-01-15\nbogus: 1\n---\n\nGiới thiệu.\n`;
      const citing = checkAll(
        files({
          'content/thang/2026-11/index.mdx': issue('2026-11', 'published', '2026-10-28', 'topic: 2027\n'),
          'content/thang/2026-11/01-thoi-su.mdx': section(),
          'content/chuyen-de/2027/index.mdx': topic,
        }),
        parseMdx,
        options,
      );
      expect(citing.leftOut).toEqual(['content/chuyen-de/2027/']);
      expect(citing.problems.filter((problem) => problem.severity === 'error').map(formatProblem)).toEqual([
        `content/thang/2026-11/index.mdx:10  topic: ${t('error.topicMissing', { year: 2027 })}`,
      ]);
    });
  });

  it.each([
    ['published', '2026-10-28'],
    ['scheduled', '2027-01-01'],
  ])('a %s item with errors stops the build', (_name, date) => {
    const report = checkAll(
      files({
        'content/thang/2026-11/index.mdx': issue('2026-11', 'published', date),
        'content/thang/2026-11/01-thoi-su.mdx': section('Gửi {tên chi bộ.'),
      }),
      parseMdx,
      options,
    );
    expect(report.leftOut).toEqual([]);
    expect(report.problems).toMatchObject([
      { severity: 'error', file: 'content/thang/2026-11/01-thoi-su.mdx', line: 7 },
    ]);
  });

  it('lists published items whose date is still to come, soonest first', () => {
    const report = checkAll(
      files({
        ...published,
        'content/thang/2027-02/index.mdx': issue('2027-02', 'published', '2027-01-25'),
        'content/thang/2027-02/01-thoi-su.mdx': section(),
        'content/thang/2027-01/index.mdx': issue('2027-01', 'published', '2027-01-01'),
        'content/thang/2027-01/01-thoi-su.mdx': section(),
        'content/thang/2027-03/index.mdx': issue('2027-03', 'draft', '2027-02-25'),
        'content/hoc-tap-bac/bai-hoc.mdx': guide('published'),
      }),
      parseMdx,
      options,
    );
    expect(report.scheduled).toEqual([
      { file: 'content/thang/2027-01/index.mdx', title: 'Tài liệu tháng 2027-01', publishDate: '2027-01-01' },
      { file: 'content/thang/2027-02/index.mdx', title: 'Tài liệu tháng 2027-02', publishDate: '2027-01-25' },
    ]);
  });

  it('reports a YAML error of an unquoted colon, a quote left open, anything else', () => {
    const bad = (title: string) =>
      checkAll(
        files({
          ...published,
          'content/thang/2026-11/01-thoi-su.mdx': `---\ntitle: ${title}\norder: 1\nkind: thoi-su\n---\n\nNội dung.\n`,
        }),
        parseMdx,
        options,
      ).problems.map((problem) => problem.message);
    expect(bad('Nghị quyết: những điểm mới')).toEqual([t('error.yamlColon')]);
    expect(bad('"Nghị quyết')).toEqual([t('error.yamlQuote')]);
    expect(bad('[Nghị quyết')).toEqual([t('error.yamlOther')]);
  });
});

describe('checkAll with the problems of bodies checked before', () => {
  /** A cache in memory that counts what it was asked. */
  const memory = () => {
    const kept = new Map<string, ReturnType<typeof checkAll>['problems']>();
    return {
      kept,
      get: (path: string, source: string) => kept.get(`${path}\0${source}`),
      set: (path: string, source: string, problems: ReturnType<typeof checkAll>['problems']) =>
        void kept.set(`${path}\0${source}`, problems),
    };
  };
  // An unsafe link: a problem that only parsing the body finds.
  const tree = {
    ...published,
    'content/thang/2026-11/01-thoi-su.mdx': section('Xem [tài liệu](javascript:alert(1)).'),
  };

  it('parses a body once, then takes its problems from the cache while its text is the same', () => {
    const bodies = memory();
    let parsed = 0;
    const counting = (text: string) => {
      parsed++;
      return parseMdx(text);
    };
    const first = checkAll(files(tree), counting, { ...options, bodies });
    expect(first.problems.map((problem) => problem.file)).toEqual(['content/thang/2026-11/01-thoi-su.mdx']);
    expect(parsed).toBe(2);
    expect(bodies.kept.size).toBe(2);
    parsed = 0;
    expect(checkAll(files(tree), counting, { ...options, bodies })).toEqual(first);
    expect(parsed).toBe(0);
    // An edited body is parsed again; its old text's entry no longer matches.
    const edited = { ...tree, 'content/thang/2026-11/01-thoi-su.mdx': section('Nội dung đã sửa.') };
    expect(checkAll(files(edited), counting, { ...options, bodies }).problems).toEqual([]);
    expect(parsed).toBe(1);
  });

  it('reports what the cache holds for a body, so a stale cache would show (the build keys it by code)', () => {
    const bodies = memory();
    const path = 'content/thang/2026-11/01-thoi-su.mdx';
    bodies.set(path, section(), [{ severity: 'error', file: path, line: 3, message: 'đã lưu' }]);
    const report = checkAll(files(published), parseMdx, { ...options, bodies });
    expect(report.problems).toEqual([{ severity: 'error', file: path, line: 3, message: 'đã lưu' }]);
  });
});
