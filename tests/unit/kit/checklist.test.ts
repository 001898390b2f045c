import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  bandFor,
  checklistReport,
  checklistStorageKey,
  parseStoredTicks,
  scoreChecklist,
  type Band,
} from '../../../src/lib/kit/checklist.ts';
import { bandsBestFirst, criteriaItems, criteriaSchema } from '../../../src/lib/kit/criteria.ts';
import { checklistView } from '../../../src/lib/kit/checklist-view.ts';

const bands: Band[] = [
  { min: 85, label: 'Tốt', advice: 'a' },
  { min: 70, label: 'Khá', advice: 'b' },
  { min: 50, label: 'Trung bình', advice: 'c' },
  { min: 0, label: 'Kém', advice: 'd' },
];
// Twenty one-point items: each tick is exactly 5 %.
const items = Array.from({ length: 20 }, (_, index) => ({ id: `tc-${index + 1}`, points: 1 }));
const tick = (count: number) => items.slice(0, count).map((item) => item.id);

describe('scoreChecklist: every band boundary (20 items of 1 point)', () => {
  it.each([
    [0, 0, 'Kém'],
    [9, 45, 'Kém'],
    [10, 50, 'Trung bình'],
    [13, 65, 'Trung bình'],
    [14, 70, 'Khá'],
    [16, 80, 'Khá'],
    [17, 85, 'Tốt'],
    [20, 100, 'Tốt'],
  ])('%i ticks → %i %% → %s', (count, percent, label) => {
    const score = scoreChecklist(items, bands, tick(count));
    expect(score).toMatchObject({ points: count, maxPoints: 20, percent });
    expect(score.band.label).toBe(label);
  });
});

describe('bandFor: exact at the boundary, never rounded up', () => {
  it.each([
    // 28 points, as in the sample criteria: 85 % of 28 is 23.8.
    [23, 28, 'Khá'],
    [24, 28, 'Tốt'],
    // 70 % of 28 is 19.6; 50 % is 14.
    [19, 28, 'Trung bình'],
    [20, 28, 'Khá'],
    [13, 28, 'Kém'],
    [14, 28, 'Trung bình'],
  ])('%i / %i → %s', (points, max, label) => {
    expect(bandFor(bands, points, max).label).toBe(label);
  });

  it('does not depend on the order the bands are written in', () => {
    expect(bandFor([...bands].reverse(), 17, 20).label).toBe('Tốt');
  });

  it('shows a whole percent rounded down, so 23/28 reads 82 %, not a "Tốt" 85 %', () => {
    const weighted = Array.from({ length: 28 }, (_, index) => ({ id: `x${index}`, points: 1 }));
    expect(
      scoreChecklist(
        weighted,
        bands,
        weighted.slice(0, 23).map((item) => item.id),
      ).percent,
    ).toBe(82);
  });
});

describe('scoreChecklist with weights', () => {
  it('counts points, not ticks, and ignores unknown ids', () => {
    const weighted = [
      { id: 'a', points: 2 },
      { id: 'b', points: 1 },
      { id: 'c', points: 1 },
    ];
    const score = scoreChecklist(weighted, bands, ['a', 'khong-co']);
    expect(score).toMatchObject({ points: 2, maxPoints: 4, percent: 50 });
    expect(score.band.label).toBe('Trung bình');
  });
});

describe('parseStoredTicks', () => {
  const known = ['a', 'b'];
  it.each([
    [null, []],
    ['', []],
    ['not json', []],
    ['{"a":true}', []],
    ['["a","b","a"]', ['a', 'b']],
    ['["a","gone",3]', ['a']],
  ])('%j → %j', (raw, expected) => {
    expect(parseStoredTicks(raw, known)).toEqual(expected);
  });
});

describe('checklistReport', () => {
  it('lists every criterion with its tick, the score and the verdict', () => {
    const groups = [
      {
        title: 'Chuẩn bị',
        items: [
          { id: 'a', text: 'Việc A' },
          { id: 'b', text: 'Việc B' },
        ],
      },
    ];
    const score = scoreChecklist(
      [
        { id: 'a', points: 1 },
        { id: 'b', points: 1 },
      ],
      bands,
      ['a'],
    );
    const text = checklistReport('tháng 11/2026', groups, ['a'], score, {
      heading: 'Kết quả {month}',
      score: 'Điểm: {points}/{max} ({percent}%). Xếp loại: {band}.',
      done: 'Đạt',
      notDone: 'chưa đạt',
    });
    expect(text).toBe(
      'Kết quả tháng 11/2026\nĐiểm: 1/2 (50%). Xếp loại: Trung bình.\n\nChuẩn bị\n[x] Việc A\n[ ] Việc B\n\nĐạt: 1; chưa đạt: 1',
    );
  });

  it('keys the ticks by month', () => {
    expect(checklistStorageKey('2026-11')).toBe('portal:tu-danh-gia:2026-11');
  });
});

describe('the sample criteria (content/tieu-chi/chat-luong-sinh-hoat.yaml)', () => {
  const criteria = criteriaSchema().parse(
    parse(readFileSync(resolve(import.meta.dirname, '../../../content/tieu-chi/chat-luong-sinh-hoat.yaml'), 'utf8')),
  );

  it('has the four groups of the issue: preparation, content, discussion, follow-up', () => {
    expect(criteria.groups.map((group) => group.id)).toEqual(['chuan-bi', 'noi-dung', 'thao-luan', 'theo-doi']);
  });

  it('gives a verdict for every possible score, from nothing ticked to everything', () => {
    const all = criteriaItems(criteria);
    const ordered = bandsBestFirst(criteria);
    expect(scoreChecklist(all, ordered, []).band.label).toBe('Kém');
    expect(
      scoreChecklist(
        all,
        ordered,
        all.map((item) => item.id),
      ).band.label,
    ).toBe('Tốt');
  });
});

describe('checklistView', () => {
  const criteria = criteriaSchema().parse({
    title: 'Phiếu',
    groups: [{ id: 'nhom', title: 'Nhóm <một>', items: [{ id: 'a', text: 'Việc </script> A', points: 3 }] }],
    bands: [
      { min: 0, label: 'Kém', advice: 'x' },
      { min: 80, label: 'Tốt', advice: 'y' },
    ],
  });
  const view = checklistView(criteria, '2026-11', 'tháng 11/2026');

  it('starts from a blank score line, not a verdict', () => {
    expect(view.blankScore).toBe('Điểm: ...... / 3. Xếp loại: ..................');
    expect(view.bands.map((band) => band.label)).toEqual(['Tốt', 'Kém']);
  });

  it('gives the script its data with "<" escaped, so criteria text cannot close the script element', () => {
    expect(view.configJson).not.toContain('<');
    const config = JSON.parse(view.configJson) as { key: string; groups: { items: { text: string }[] }[] };
    expect(config.key).toBe('portal:tu-danh-gia:2026-11');
    expect(config.groups[0]?.items[0]?.text).toBe('Việc </script> A');
  });
});
