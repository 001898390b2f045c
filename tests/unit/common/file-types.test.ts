import { describe, expect, it } from 'vitest';
import { describeFileType } from '../../../src/lib/common/file-types.ts';
import { ATTACHMENT_TYPES } from '../../../src/lib/check/sniff.ts';

describe('describeFileType', () => {
  it.each([
    ['ket-luan-18.pdf', 'pdf', 'application/pdf', 'PDF'],
    ['BIEU-MAU.DOCX', 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Word'],
    ['so-lieu.xlsx', 'xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Excel'],
    ['anh.jpg', 'jpg', 'image/jpeg', 'Ảnh JPEG'],
    ['trinh-chieu.odp', 'odp', 'application/vnd.oasis.opendocument.presentation', 'Trình chiếu OpenDocument'],
    ['bai-hat.mp3', 'mp3', 'audio/mpeg', 'Âm thanh MP3'],
    ['phong-su.mp4', 'mp4', 'video/mp4', 'Video MP4'],
    ['khong-ro', '', 'application/octet-stream', 'Tệp'],
  ])('%s', (name, extension, mimeType, label) => {
    expect(describeFileType(name)).toEqual({ extension, mimeType, label });
  });
});

// Every attachment type the checker lets through is labelled and served with its own type.
it.each(Object.keys(ATTACHMENT_TYPES))('knows the allowed attachment type .%s', (extension) => {
  const type = describeFileType(`tep.${extension}`);
  expect(type.mimeType).not.toBe('application/octet-stream');
  expect(type.label).not.toBe('Tệp');
});
