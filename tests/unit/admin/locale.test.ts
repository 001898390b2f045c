import { describe, expect, it } from 'vitest';
import en from 'decap-cms-locales/dist/esm/en/index.js';
import decapVi from 'decap-cms-locales/dist/esm/vi/index.js';
import { decapOverrides, mergePhrases, phrasePaths, type Phrases } from '../../../src/lib/admin/locale.ts';

const merged = mergePhrases(decapVi as Phrases, decapOverrides());
const lookup = (tree: Phrases, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Phrases | undefined)?.[key], tree);

describe('the web editor speaks Vietnamese', () => {
  it('has a phrase for every phrase of Decap’s English locale', () => {
    const missing = phrasePaths(en as Phrases).filter((path) => typeof lookup(merged, path) !== 'string');
    expect(missing).toEqual([]);
  });

  it.each([
    ['editor.editorWidgets.list.add', 'Thêm %{item}'],
    ['mediaLibrary.mediaLibraryCard.copyName', 'Chép tên tệp'],
    ['editor.editorWidgets.file.chooseUrl', 'Chèn từ địa chỉ web'],
    ['app.app.loadingConfig', 'Đang tải cấu hình…'],
    ['mediaLibrary.mediaLibraryModal.chooseSelected', 'Dùng tệp đã chọn'],
  ])('%s → %s', (path, phrase) => {
    expect(lookup(merged, path)).toBe(phrase);
  });

  it('keeps Decap’s own Vietnamese where it has one', () => {
    expect(lookup(merged, 'editor.editorToolbar.publish')).toBe(
      lookup(decapVi as Phrases, 'editor.editorToolbar.publish'),
    );
  });
});
