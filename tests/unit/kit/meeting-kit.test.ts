import { describe, expect, it } from 'vitest';
import { kitLinkOf, kitPageTitle, meetingKitLinks } from '../../../src/lib/kit/meeting-kit.ts';
import { monthPlan } from '../../../src/lib/kit/meeting-plan.ts';

describe('kitPageTitle', () => {
  it.each([
    ['plan', 'Kế hoạch sinh hoạt chi bộ tháng 11 năm 2026'],
    ['thematic', 'Hướng dẫn sinh hoạt chuyên đề tháng 11 năm 2026'],
    ['localPart', 'Phần thông tin của địa phương (Tháng 11/2026)'],
  ] as const)('titles the %s page', (id, title) => {
    expect(kitPageTitle(id, '2026-11')).toBe(title);
  });

  it('titles the checklist from its criteria, with the month in lower case', () => {
    expect(kitPageTitle('checklist', '2026-11', 'Phiếu tự đánh giá')).toBe('Phiếu tự đánh giá tháng 11/2026');
  });
});

describe('kitLinkOf', () => {
  const links = meetingKitLinks('2026-11', { thematic: false, checklist: true });

  it('finds a page of the kit', () => {
    expect(kitLinkOf(links, 'checklist').href).toBe('/thang/2026-11/tu-danh-gia/');
  });

  it('refuses a page the month does not have', () => {
    expect(() => kitLinkOf(links, 'thematic')).toThrow('no thematic page');
  });
});

describe('monthPlan', () => {
  const base = { month: '2026-11', agenda: [], sections: [] };
  const linksOf = (plan: ReturnType<typeof monthPlan>, step: string) =>
    plan.parts
      .flatMap((part) => part.steps)
      .find((candidate) => candidate.id === step)
      ?.links.map((link) => link.href);

  it('links the local part from the news step, and the kit pages the month has from theirs', () => {
    const plan = monthPlan({ ...base, thematic: true, checklist: true });
    expect(linksOf(plan, 'news')).toEqual(['/thang/2026-11/phan-dia-phuong/']);
    expect(linksOf(plan, 'material')).toEqual(['/thang/2026-11/sinh-hoat-chuyen-de/']);
    expect(linksOf(plan, 'assessment')).toEqual(['/thang/2026-11/tu-danh-gia/']);
  });

  it('links no page the month lacks', () => {
    const plan = monthPlan({ ...base, thematic: false, checklist: false });
    expect(linksOf(plan, 'material')).toEqual([]);
    expect(linksOf(plan, 'assessment')).toEqual([]);
  });
});
