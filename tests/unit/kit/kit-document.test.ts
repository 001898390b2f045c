import { describe, expect, it } from 'vitest';
import { localPartDocument, minutesDocument, type KitBlock } from '../../../src/lib/kit/kit-document.ts';
import { meetingKitLinks } from '../../../src/lib/kit/meeting-kit.ts';
import { outlineFromHeadings, thematicGuide } from '../../../src/lib/kit/thematic-guide.ts';

const texts = (blocks: KitBlock[]) =>
  blocks.flatMap((block) => {
    if (block.type === 'paragraph' || block.type === 'heading') return [block.text];
    if (block.type === 'title') return [block.text, block.subtitle ?? ''];
    if (block.type === 'list') return block.items;
    if (block.type === 'partyHead') return [...block.left, ...block.right, block.placeDate];
    if (block.type === 'table') return block.headers;
    return [];
  });

describe('minutesDocument', () => {
  const doc = minutesDocument({
    month: '2026-11',
    issuer: 'Ban Tuyên giáo Tỉnh uỷ',
    agenda: ['Thông tin thời sự', 'Ra nghị quyết'],
    questions: ['Câu hỏi thứ nhất?', 'Câu hỏi thứ hai?'],
    bands: ['Tốt', 'Khá', 'Trung bình', 'Kém'],
    maxPoints: 28,
  });
  const all = texts(doc.blocks).join('\n');

  it('is pre-filled with the month, the agenda and every question', () => {
    expect(doc.title).toBe('Biên bản sinh hoạt chi bộ tháng 11 năm 2026');
    expect(all).toContain('sinh hoạt chi bộ thường kỳ tháng 11 năm 2026');
    expect(doc.blocks).toContainEqual({ type: 'list', items: ['Thông tin thời sự', 'Ra nghị quyết'] });
    expect(all).toContain('Câu 1: Câu hỏi thứ nhất?');
    expect(all).toContain('Câu 2: Câu hỏi thứ hai?');
  });

  it('leaves blanks for attendance, opinions and resolutions, and offers the verdicts', () => {
    expect(all).toContain('Có mặt: ...... đồng chí');
    expect(all).toContain('Ý kiến của các đồng chí:');
    expect(all).toContain('Nghị quyết, nhiệm vụ tháng tới');
    expect(all).toContain('Điểm tự đánh giá: ...... / 28. Xếp loại: ☐ Tốt    ☐ Khá    ☐ Trung bình    ☐ Kém');
    expect(doc.blocks.filter((block) => block.type === 'lines').length).toBeGreaterThan(5);
    expect(doc.blocks.at(-1)?.type).toBe('signatures');
  });

  it('still has room to write when the month gives no agenda or questions', () => {
    const bare = minutesDocument({ month: '2026-11', issuer: 'X', agenda: [], questions: [], bands: [] });
    expect(bare.blocks.some((block) => block.type === 'list')).toBe(false);
    expect(texts(bare.blocks).join('\n')).not.toContain('Câu 1:');
  });
});

describe('localPartDocument', () => {
  it('is a fill-in page for local news and tasks of the month', () => {
    const doc = localPartDocument({ month: '2026-09' });
    const all = texts(doc.blocks).join('\n');
    expect(all).toContain('THÔNG TIN CỦA ĐỊA PHƯƠNG');
    expect(all).toContain('tháng 9 năm 2026');
    expect(all).toContain('Nhiệm vụ của chi bộ trong tháng');
    expect(doc.blocks.some((block) => block.type === 'table' && block.blankRows > 0)).toBe(true);
  });
});

describe('meetingKitLinks', () => {
  it('lists the kit in use order, the local part after the provincial material', () => {
    expect(meetingKitLinks('2026-11', { thematic: true, checklist: true }).map((link) => link.href)).toEqual([
      '/thang/2026-11/ke-hoach/',
      '/thang/2026-11/sinh-hoat-chuyen-de/',
      '/thang/2026-11/phan-dia-phuong/',
      '/thang/2026-11/bien-ban-sinh-hoat-chi-bo-2026-11.docx',
      '/thang/2026-11/tu-danh-gia/',
    ]);
  });

  it('leaves out the thematic guide and the checklist when there is nothing to build them from', () => {
    expect(meetingKitLinks('2026-11', { thematic: false, checklist: false }).map((link) => link.id)).toEqual([
      'plan',
      'localPart',
      'minutes',
    ]);
  });
});

describe('thematic guide', () => {
  const headings = [
    { depth: 2, slug: 'mot', text: 'Một' },
    { depth: 3, slug: 'mot-a', text: 'Một A' },
    { depth: 2, slug: 'hai', text: 'Hai' },
    { depth: 4, slug: 'bon', text: 'Bốn' },
  ];

  it('outlines level-2 headings with their level-3 headings, linked into the section', () => {
    expect(outlineFromHeadings('/thang/2026-11/cd/', headings)).toEqual([
      {
        text: 'Một',
        href: '/thang/2026-11/cd/#mot',
        children: [{ text: 'Một A', href: '/thang/2026-11/cd/#mot-a', children: [] }],
      },
      { text: 'Hai', href: '/thang/2026-11/cd/#hai', children: [] },
    ]);
  });

  it('adds the thematic questions after the month questions, and is null without a thematic section', () => {
    const guide = thematicGuide({
      sections: [{ title: 'Tự soi', url: '/cd/', headings }],
      questions: ['Câu của tháng?'],
    });
    expect(guide?.questions[0]).toBe('Câu của tháng?');
    expect(guide?.questions.length).toBe(4);
    expect(guide?.preparation.join(' ')).toContain('“Tự soi”');
    expect(thematicGuide({ sections: [], questions: [] })).toBeNull();
  });
});
