import { describe, expect, it } from 'vitest';
import { meetingPlan, PLAN_STEPS, stepOfAgendaItem } from '../../../src/lib/kit/meeting-plan.ts';
import {
  MIN_MEETING_MINUTES,
  parseMinutes,
  parseStoredMinutes,
  planStorageKey,
  planTotal,
} from '../../../src/lib/kit/plan-minutes.ts';

describe('the run sheet follows the order of a regular cell meeting', () => {
  const plan = meetingPlan({ agenda: [], sections: [] });
  const ids = plan.parts.flatMap((part) => part.steps.map((step) => step.id));

  it('has opening, content and closing, with every step of the guidance in order', () => {
    expect(plan.parts.map((part) => part.id)).toEqual(['opening', 'content', 'closing']);
    expect(ids).toEqual([
      'dues',
      'attendance',
      'agenda',
      'secretary',
      'news',
      'views',
      'lastMonth',
      'study',
      'material',
      'tasks',
      'conclusions',
      'vote',
      'assessment',
    ]);
  });

  it('suggests durations that add up to at least 90 minutes', () => {
    expect(plan.totalMinutes).toBe(planTotal(plan.defaultMinutes));
    expect(plan.totalMinutes).toBeGreaterThanOrEqual(MIN_MEETING_MINUTES);
    expect(PLAN_STEPS.every((step) => step.minutes > 0)).toBe(true);
  });

  it('numbers the steps 1..n and labels them in Vietnamese', () => {
    const steps = plan.parts.flatMap((part) => part.steps);
    expect(steps.map((step) => step.number)).toEqual(steps.map((_, index) => index + 1));
    expect(steps[0]?.title).toBe('Thu đảng phí');
    expect(plan.parts[0]?.title).toBe('I. Phần mở đầu');
  });
});

describe('stepOfAgendaItem', () => {
  it.each([
    ['Khai mạc, kiểm tra số lượng đảng viên dự họp, thông qua chương trình', 'agenda'],
    ['Thông tin thời sự tháng 10 và giới thiệu văn bản mới của Tỉnh uỷ', 'news'],
    ['Đánh giá việc thực hiện nghị quyết tháng 10 và tiến độ các chỉ tiêu cả năm', 'lastMonth'],
    ['Sơ kết một năm học tập và làm theo Bác theo chuyên đề năm 2026', 'study'],
    // "kiểm điểm, đánh giá" must not read as "điểm danh" (roll call).
    ['Sinh hoạt chuyên đề: tự soi, tự sửa, chuẩn bị kiểm điểm, đánh giá, xếp loại cuối năm', 'material'],
    ['Ôn lại truyền thống Mặt trận Tổ quốc Việt Nam', 'material'],
    ['Thống nhất nhiệm vụ tháng 12 và chuẩn bị đón Tết, bế mạc', 'tasks'],
    ['Giải đáp thắc mắc của đảng viên theo phần hỏi đáp; ra nghị quyết tháng 11, bế mạc', 'conclusions'],
    ['Quán triệt Kết luận số 18 của Tỉnh uỷ', 'material'],
  ])('%s → %s', (item, step) => {
    expect(stepOfAgendaItem(item)).toBe(step);
  });
});

describe('meetingPlan places the month in the steps', () => {
  const plan = meetingPlan({
    agenda: ['Thông tin thời sự tháng 10', 'Ôn lại truyền thống Mặt trận'],
    sections: [
      { title: 'Thời sự', kind: 'thoi-su', url: '/thang/2026-11/thoi-su/' },
      { title: 'Bác Hồ với sự nghiệp trồng người', kind: 'hoc-tap-bac', url: '/thang/2026-11/hoc-tap-bac/' },
      { title: 'Tự soi, tự sửa', kind: 'chuyen-de', url: '/thang/2026-11/chuyen-de/' },
    ],
    extraLinks: { news: [{ href: '/thang/2026-11/phan-dia-phuong/', label: 'Phần thông tin của địa phương' }] },
  });
  const step = (id: string) => plan.parts.flatMap((part) => part.steps).find((entry) => entry.id === id);

  it('puts agenda lines in their step and keeps every line', () => {
    expect(step('news')?.agenda).toEqual(['Thông tin thời sự tháng 10']);
    expect(step('material')?.agenda).toEqual(['Ôn lại truyền thống Mặt trận']);
  });

  it('links sections by kind, with the local part after the provincial news', () => {
    expect(step('news')?.links.map((link) => link.href)).toEqual([
      '/thang/2026-11/thoi-su/',
      '/thang/2026-11/phan-dia-phuong/',
    ]);
    expect(step('study')?.links.map((link) => link.label)).toEqual(['Bác Hồ với sự nghiệp trồng người']);
    expect(step('material')?.links.map((link) => link.label)).toEqual(['Tự soi, tự sửa']);
  });
});

describe('plan minutes', () => {
  it.each([
    ['10', 10],
    [' 5 ', 5],
    ['0', 0],
    ['180', 180],
    ['181', null],
    ['-1', null],
    ['2.5', null],
    ['', null],
    ['abc', null],
  ])('parseMinutes(%j) → %j', (value, expected) => {
    expect(parseMinutes(value)).toBe(expected);
  });

  it('restores saved minutes and falls back to the defaults for anything unusable', () => {
    expect(parseStoredMinutes('[5,20,7]', [3, 10, 5])).toEqual([5, 20, 7]);
    expect(parseStoredMinutes('[5,"x",700]', [3, 10, 5])).toEqual([5, 10, 5]);
    expect(parseStoredMinutes('[5,20]', [3, 10, 5])).toEqual([3, 10, 5]);
    expect(parseStoredMinutes('oops', [3, 10, 5])).toEqual([3, 10, 5]);
    expect(parseStoredMinutes(null, [3, 10, 5])).toEqual([3, 10, 5]);
    expect(planStorageKey('2026-11')).toBe('portal:ke-hoach:2026-11');
  });
});
