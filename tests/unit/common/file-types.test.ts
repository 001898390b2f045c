import { describe, expect, it } from 'vitest';
import { describeFileType } from '../../../src/lib/common/file-types.ts';

describe('describeFileType', () => {
  it.each([
    ['ket-luan-18.pdf', 'pdf', 'application/pdf', 'PDF'],
    ['BIEU-MAU.DOCX', 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Word'],
    ['so-lieu.xlsx', 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Excel'],
    ['anh.jpg', 'jpg', 'image/jpeg', 'Ảnh JPEG'],
    ['khong-ro', '', 'application/octet-stream', 'Tệp'],
  ])('%s', (name, extension, mimeType, label) => {
    expect(describeFileType(name)).toEqual({ extension, mimeType, label });
  });
});
