/** The criteria data rules: each bad input stops the check with its Vietnamese message and line. */
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/check/content.ts';
import { formatProblem, type ContentFile } from '../../../src/lib/check/problem.ts';
import { checkCriteriaFiles } from '../../../src/lib/check/criteria.ts';

const PATH = 'content/tieu-chi/chat-luong-sinh-hoat.yaml';

const good = `title: "Phiếu tự đánh giá"
groups:
  - id: chuan-bi
    title: "Chuẩn bị"
    items:
      - id: bao-truoc
        text: "Đảng viên được báo trước"
        points: 2
  - id: thao-luan
    title: "Thảo luận"
    items:
      - id: nhieu-y-kien
        text: "Nhiều đảng viên phát biểu"
        points: 1
bands:
  - min: 80
    label: "Tốt"
    advice: "Giữ vững."
  - min: 0
    label: "Chưa đạt"
    advice: "Cần cố gắng."
`;

const file = (source: string): ContentFile => ({ path: PATH, source, size: source.length });
const problemsOf = (source: string) => checkCriteriaFiles([file(source)]).map(formatProblem);

describe('criteria data', () => {
  it('accepts the valid file', () => {
    expect(problemsOf(good)).toEqual([]);
  });

  it.each([
    [
      'a missing title',
      good.replace('title: "Phiếu tự đánh giá"\n', ''),
      `${PATH}:1  title: thiếu trường bắt buộc này`,
    ],
    [
      'points out of range',
      good.replace('points: 2', 'points: 0'),
      `${PATH}:8  groups.0.items.0.points: điểm (points) cần là số nguyên từ 1 đến 10`,
    ],
    [
      'points not a whole number',
      good.replace('points: 2', 'points: 1.5'),
      `${PATH}:8  groups.0.items.0.points: điểm (points) cần là số nguyên từ 1 đến 10`,
    ],
    [
      'an id with diacritics',
      good.replace('id: bao-truoc', 'id: "báo trước"'),
      `${PATH}:6  groups.0.items.0.id: mã (id) cần viết thường, không dấu, nối bằng gạch ngang, ví dụ "bieu-quyet"`,
    ],
    [
      'a duplicate criterion id',
      good.replace('id: nhieu-y-kien', 'id: bao-truoc'),
      `${PATH}:12  groups.1.items.0.id: mã "bao-truoc" đã dùng ở chỗ khác trong tệp; mỗi nhóm, mỗi tiêu chí cần mã riêng`,
    ],
    [
      'a duplicate group id',
      good.replace('id: thao-luan', 'id: chuan-bi'),
      `${PATH}:9  groups.1.id: mã "chuan-bi" đã dùng ở chỗ khác trong tệp; mỗi nhóm, mỗi tiêu chí cần mã riêng`,
    ],
    [
      'a group without items',
      good.replace(/items:\n {6}- id: nhieu-y-kien\n.*\n.*\n/, 'items: []\n'),
      `${PATH}:11  groups.1.items: mỗi nhóm cần ít nhất một tiêu chí trong items`,
    ],
    [
      'no groups',
      good.replace(/groups:[\s\S]*?bands:/, 'groups: []\nbands:'),
      `${PATH}:2  groups: cần ít nhất một nhóm tiêu chí trong groups`,
    ],
    [
      'a band threshold over 100',
      good.replace('min: 80', 'min: 120'),
      `${PATH}:16  bands.0.min: ngưỡng (min) cần là số nguyên từ 0 đến 100, tính theo % số điểm tối đa`,
    ],
    [
      'no band starting at 0',
      good.replace('min: 0', 'min: 40'),
      `${PATH}:15  bands: cần một mức xếp loại có min: 0, để số điểm nào cũng có mức xếp loại`,
    ],
    [
      'two bands with one threshold',
      good.replace('min: 80', 'min: 0'),
      `${PATH}:19  bands.1.min: ngưỡng 0% đã dùng cho mức khác; mỗi mức xếp loại cần ngưỡng riêng`,
    ],
    [
      'an unknown field',
      good.replace('        points: 1\n', '        points: 1\n        diem: 1\n'),
      `${PATH}:12  groups.1.items.0: trường "diem" không có trong quy ước nội dung; kiểm tra lỗi chính tả`,
    ],
    [
      'an empty criterion text',
      good.replace('text: "Nhiều đảng viên phát biểu"', 'text: "  "'),
      `${PATH}:13  groups.1.items.0.text: cần một đoạn chữ, không được để trống`,
    ],
    [
      'legacy-encoded text',
      good.replace('Nhiều đảng viên phát biểu', 'C¸c ®¶ng viªn ph¸t biÓu'),
      `${PATH}:13  groups.1.items.0.text: chữ "C¸c" có vẻ gõ bằng bảng mã cũ (TCVN3/VNI); hãy chuyển sang Unicode rồi dán lại`,
    ],
    [
      'broken YAML',
      good.replace('  - id: thao-luan', ' - id: thao-luan\n   x: ['),
      `${PATH}:9  tệp tiêu chí sai cú pháp YAML`,
    ],
  ])('reports %s', (_name, source, expected) => {
    const problems = problemsOf(source);
    expect(
      problems.some((problem) => problem.startsWith(expected)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('runs inside the whole content check and warns when the criteria file was renamed', () => {
    const month =
      '---\ntitle: "T"\nmonth: "2026-11"\nsummary: "S"\nissuer: "I"\nstatus: draft\npublishDate: 2026-10-28\n---\n';
    const tree = [{ path: 'content/thang/2026-11/index.mdx', source: month, size: month.length }];
    expect(checkContent(tree).filter((problem) => problem.file === PATH)).toEqual([]);
    const renamed = { ...file(good), path: 'content/tieu-chi/chat-luong.yaml' };
    expect(checkContent([...tree, renamed]).map(formatProblem)).toContain(
      `${PATH}  chưa có tệp tiêu chí content/tieu-chi/chat-luong-sinh-hoat.yaml nên trang tự đánh giá sẽ không được tạo`,
    );
    const bad = good.replace('points: 2', 'points: 11');
    expect(
      checkContent([...tree, file(bad)])
        .filter((problem) => problem.severity === 'error')
        .map(formatProblem),
    ).toEqual([`${PATH}:8  groups.0.items.0.points: điểm (points) cần là số nguyên từ 1 đến 10`]);
  });
});
