import { describe, expect, it } from 'vitest';
import { isBlank, isEditorEntry, statusBadge, withStatus, withStatusBadge } from '../../../src/lib/admin/workflow.ts';

const kinds = {
  'content/thang': 'monthlyIssue',
  'content/thang/2026-11': 'section',
  'content/hoc-tap-bac': 'studyGuide',
} as const;

describe('isEditorEntry', () => {
  it.each([
    ['content/thang', 'content/thang/2026-11/index.mdx', true],
    ['content/thang', 'content/thang/2026-11/01-thoi-su.mdx', false],
    ['content/thang/2026-11', 'content/thang/2026-11/01-thoi-su.mdx', true],
    ['content/thang/2026-11', 'content/thang/2026-11/index.mdx', false],
    ['content/hoc-tap-bac', 'content/hoc-tap-bac/bac-ho.mdx', true],
    ['content/khac', 'content/khac/x.mdx', true],
  ])('%s lists %s: %s', (folder, path, expected) => {
    expect(isEditorEntry(kinds, folder, path)).toBe(expected);
  });
});

describe('withStatus', () => {
  it('sets the status line of the frontmatter and leaves the rest alone', () => {
    const raw = '---\ntitle: Tháng 1\nstatus: draft\npublishDate: 2026-12-28\n---\n\nstatus: draft trong bài\n';
    expect(withStatus(raw, 'published')).toBe(
      '---\ntitle: Tháng 1\nstatus: published\npublishDate: 2026-12-28\n---\n\nstatus: draft trong bài\n',
    );
  });

  it('adds a status when there is none, and changes nothing when it already matches', () => {
    expect(withStatus('---\ntitle: A\n---\nBody\n', 'published')).toBe('---\ntitle: A\nstatus: published\n---\nBody\n');
    const published = '---\nstatus: published\n---\n';
    expect(withStatus(published, 'published')).toBe(published);
  });

  it('leaves a file without frontmatter unchanged', () => {
    expect(withStatus('Chỉ có nội dung', 'published')).toBe('Chỉ có nội dung');
  });
});

describe('isBlank', () => {
  it.each([
    ['', true],
    [null, true],
    [undefined, true],
    [{ src: '', alt: '' }, true],
    [{ src: './images/a.jpg', alt: '' }, false],
    [[], false],
    [0, false],
    ['x', false],
  ])('%j → %s', (value, expected) => {
    expect(isBlank(value)).toBe(expected);
  });
});

describe('status in the collection list', () => {
  const NOW = new Date('2026-12-31T20:00:00+07:00');
  it.each([
    ['draft', '2026-12-28', 'Bản nháp'],
    ['draft', '2027-01-01', 'Bản nháp'],
    ['published', '2027-01-01', 'Hẹn đăng 01/01/2027'],
    ['published', '2026-12-31', 'Đã đăng'],
    ['published', '2026-11-28T00:00:00.000Z', 'Đã đăng'],
  ])('%s from %s → %s', (status, date, badge) => {
    expect(statusBadge(status, date, NOW)).toBe(badge);
  });

  it('replaces the marker of a summary line', () => {
    expect(withStatusBadge('2027-01: Tài liệu tháng 1 ⟦published|2027-01-01⟧', NOW)).toBe(
      '2027-01: Tài liệu tháng 1 · Hẹn đăng 01/01/2027',
    );
    expect(withStatusBadge('Bác Hồ với nông dân ⟦|⟧', NOW)).toBe('Bác Hồ với nông dân · Bản nháp');
  });
});
