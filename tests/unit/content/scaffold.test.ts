import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/check/content.ts';
import {
  isRefusal,
  issuePublishDate,
  nextIssueMonth,
  planScaffold,
  type ScaffoldPlan,
} from '../../../src/lib/content/scaffold.ts';

const now = new Date('2026-11-28T20:00:00+07:00');
const context = { now, issuer: 'Ban Tuyên giáo Tỉnh uỷ Sơn Lâm', topicYears: ['2026'] };

/** The plan, or a failed expectation when it was refused. */
function plan(args: string[]): ScaffoldPlan {
  const result = planScaffold(args, context);
  if (isRefusal(result)) throw new Error(result.error);
  return result;
}

describe('nextIssueMonth and issuePublishDate', () => {
  it.each([
    ['2026-11-28T20:00:00+07:00', { year: 2026, month: 12 }],
    ['2026-12-31T16:59:59Z', { year: 2027, month: 1 }],
    ['2026-12-31T17:00:00Z', { year: 2027, month: 2 }],
  ])('%s → %j', (at, expected) => {
    expect(nextIssueMonth(new Date(at))).toEqual(expected);
  });

  it.each([
    [{ year: 2027, month: 1 }, '2026-12-28'],
    [{ year: 2026, month: 12 }, '2026-11-28'],
  ])('%j publishes on %s', (month, expected) => {
    expect(issuePublishDate(month)).toBe(expected);
  });
});

describe('planScaffold', () => {
  it.each([
    [['thang', '2027-01'], 'thang/2027-01', 7],
    [['thang'], 'thang/2026-12', 7],
    [['chuyen-de', '2027'], 'chuyen-de/2027', 4],
    [['bac', 'Đổi mới nội dung học tập'], 'hoc-tap-bac/doi-moi-noi-dung-hoc-tap.mdx', 1],
  ])('%j creates %s (%i files) that the checker accepts', (args, target, count) => {
    const result = plan(args);
    expect(result.target).toBe(target);
    expect(result.files).toHaveLength(count);
    const problems = checkContent(
      result.files.map((file) => ({ path: `content/${file.path}`, source: file.text, size: file.text.length })),
    );
    // Only the topic link may point outside the planned files.
    expect(problems.filter((problem) => problem.severity === 'error' && problem.field !== 'topic')).toEqual([]);
  });

  it('links a month to its year’s topic only when that topic exists', () => {
    expect(plan(['thang', '2026-12']).files[0]?.text).toMatch(/^topic: 2026$/m);
    expect(plan(['thang', '2027-01']).files[0]?.text).not.toMatch(/^topic:/m);
  });

  it('writes titles as quoted YAML so a colon or quote in them is safe', () => {
    const text = plan(['bac', 'Bác dạy: "Cần, kiệm, liêm, chính"']).files[0]?.text ?? '';
    expect(text).toContain('title: "Bác dạy: \\"Cần, kiệm, liêm, chính\\""');
  });

  it.each([
    [['thang', '2026-00'], 'tháng "2026-00" không hợp lệ'],
    [['thang', '1929-12'], 'tháng "1929-12" không hợp lệ'],
    [['chuyen-de', '3000'], 'năm "3000" không hợp lệ'],
    [['chuyen-de', 'hai-nghin'], 'năm "hai-nghin" không hợp lệ'],
    [['bac', '   '], 'cần tiêu đề bài học tập'],
    [['bac', '!!!'], 'cần tiêu đề bài học tập'],
    [['nam', '2027'], 'không có loại "nam"'],
  ])('refuses %j with a Vietnamese message and exit code 2', (args, message) => {
    const result = planScaffold(args, context);
    expect(isRefusal(result) && result.exitCode).toBe(2);
    expect(isRefusal(result) ? result.error : '').toContain(message);
  });
});
