import { describe, expect, it } from 'vitest';
import { previewHtml } from '../../../src/lib/admin/preview.ts';

describe('the editor preview uses the page’s markup', () => {
  it('anchors headings as the MDX overrides do', () => {
    expect(previewHtml('## Thời sự trong nước')).toBe(
      '<h2 id="thoi-su-trong-nuoc">Thời sự trong nước<a class="heading-anchor" href="#thoi-su-trong-nuoc" aria-label="Liên kết tới mục này">#</a></h2>',
    );
  });

  it('wraps tables in the scroll box', () => {
    expect(previewHtml('| A | B |\n| - | - |\n| 1 | 2 |')).toMatch(/^<div class="table-scroll"><table>/);
  });

  it('resolves images through the editor’s assets', () => {
    expect(previewHtml('![Bìa](./images/bia.jpg)', (url) => `blob:${url}`)).toBe(
      '<p><img src="blob:./images/bia.jpg" alt="Bìa"></p>',
    );
    expect(previewHtml('![Bìa](images/bia.jpg)', (url) => `blob:${url}`)).toBe(
      '<p><img src="blob:./images/bia.jpg" alt="Bìa"></p>',
    );
  });

  it('shows raw HTML as text, as the saved file will', () => {
    expect(previewHtml('Tỷ lệ <5% và <b>đậm</b>')).toBe('<p>Tỷ lệ &#x3C;5% và &#x3C;b>đậm&#x3C;/b></p>');
  });

  it('numbers footnotes with Vietnamese labels', () => {
    expect(previewHtml('Theo Kết luận[^1].\n\n[^1]: Số 18-KL/TW.')).toContain('Chú thích');
  });
});
