import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { forPrint, MdxRenderError, renderMdx, renderProblem } from '../../../src/lib/content/render-mdx.ts';
import { BODY_IMAGE_SIZES } from '../../../src/lib/content/markdown-plugins.ts';
import { t } from '../../../src/i18n/vi.ts';

const SITE = 'https://tailieu.example.org/';
const FILE = pathToFileURL('/repo/content/thang/2026-11/02-thoi-su.mdx');
const render = (body: string, print = false) => renderMdx(body, { fileURL: FILE, site: SITE, print });

describe('renderMdx', () => {
  it('gives headings an id and a link to themselves, and lists them', () => {
    const { html, headings } = render('## Trong nước\n\nĐoạn.\n\n### Kinh tế & xã hội\n');
    const anchor = (id: string) =>
      `<a class="heading-anchor" href="#${id}" aria-label="${t('nav.anchor')}" data-pagefind-ignore>#</a>`;
    expect(html).toContain(`<h2 id="trong-nước">Trong nước${anchor('trong-nước')}</h2>`);
    expect(html).toContain(`<h3 id="kinh-tế--xã-hội">Kinh tế &amp; xã hội${anchor('kinh-tế--xã-hội')}</h3>`);
    expect(headings).toEqual([
      { depth: 2, slug: 'trong-nước', text: 'Trong nước' },
      { depth: 3, slug: 'kinh-tế--xã-hội', text: 'Kinh tế & xã hội' },
    ]);
  });

  it('steps headings down a level without ids or anchors for print, keeping the footnote label', () => {
    const { html } = render('## Trong nước\n\nCâu[^1].\n\n#### Nhỏ\n\n[^1]: Ghi chú.\n', true);
    expect(html).toContain('<h3>Trong nước</h3>');
    expect(html).toContain('<h5>Nhỏ</h5>');
    expect(html).toContain(`<h3 id="2026-11-thoi-su-footnote-label">${t('content.footnotes')}</h3>`);
    expect(html).not.toContain('heading-anchor');
  });

  it('makes footnote ids unique to the file', () => {
    const { html } = render('Câu[^1].\n\n[^1]: Ghi chú.\n');
    expect(html).toContain('href="#2026-11-thoi-su-user-content-fn-1"');
    expect(html).toContain('id="2026-11-thoi-su-user-content-fn-1"');
    expect(html).not.toMatch(/"#?user-content-/);
  });

  it('gives links the absolute address print shows, except links inside the page', () => {
    const { html } = render('Xem [tháng 10](/thang/2026-10/), [mục](#muc) và [Báo](https://baochinhphu.vn/a).\n');
    expect(html).toContain(`<a href="/thang/2026-10/" data-print-href="${SITE}thang/2026-10/">tháng 10</a>`);
    expect(html).toContain('<a href="#muc">mục</a>');
    expect(html).toContain('<a href="https://baochinhphu.vn/a" data-print-href="https://baochinhphu.vn/a">Báo</a>');
  });

  it('gives every link its printed address: mail, phone, relative files, and inside tables and headings', () => {
    const { html } = render(
      '## Xem [nghị quyết](/van-ban/nq/)\n\n' +
        'Gửi [thư](mailto:vp@tinhuy.vn), [gọi](tel:02143812345), [tệp](./files/ke-hoach.pdf), [lỗi](http://).\n\n' +
        '| Văn bản |\n| --- |\n| [Kết luận](https://tinhuy.vn/kl) |\n',
    );
    expect(html).toContain(`<a href="/van-ban/nq/" data-print-href="${SITE}van-ban/nq/">nghị quyết</a>`);
    expect(html).toContain('<a href="mailto:vp@tinhuy.vn" data-print-href="mailto:vp@tinhuy.vn">thư</a>');
    expect(html).toContain('<a href="tel:02143812345" data-print-href="tel:02143812345">gọi</a>');
    expect(html).toContain(`<a href="./files/ke-hoach.pdf" data-print-href="${SITE}files/ke-hoach.pdf">tệp</a>`);
    // An address that does not parse is printed as written instead of failing the page.
    expect(html).toContain('<a href="http://" data-print-href="http://">lỗi</a>');
    expect(html).toContain('<a href="https://tinhuy.vn/kl" data-print-href="https://tinhuy.vn/kl">Kết luận</a>');
  });

  it('leaves h1, h5 and h6 as they are', () => {
    const { html } = render('# Một\n\n##### Năm\n\n###### Sáu\n');
    expect(html).toBe('<h1 id="một">Một</h1>\n<h5 id="năm">Năm</h5>\n<h6 id="sáu">Sáu</h6>');
  });

  it('puts tables in a named scroll box, cells labelled with their column', () => {
    const { html } = render('| Chỉ tiêu | Kết quả |\n| --- | --- |\n| Hộ thoát nghèo | 1.284 |\n');
    expect(html).toMatch(
      new RegExp(
        `^<div class="table-scroll table-scroll--stack" role="group" aria-label="${t('content.tableScroll')}" tabindex="0"><table>`,
      ),
    );
    expect(html).toContain('<td data-label="Chỉ tiêu">Hộ thoát nghèo</td>');
    expect(html).toMatch(/<\/table><\/div>$/);
  });

  it('gives aligned columns a class instead of a style attribute the CSP would refuse', () => {
    const { html } = render('| Chỉ tiêu | Kết quả |\n| :---: | ---: |\n| Hộ thoát nghèo | 1.284 |\n');
    expect(html).toContain('<th class="align-center">Chỉ tiêu</th>');
    expect(html).toContain('<td data-label="Kết quả" class="align-right">1.284</td>');
    expect(html).not.toContain('style=');
  });

  it('escapes a column name in its cells’ labels once', () => {
    const { html } = render('| Thu & chi "năm" | B |\n| --- | --- |\n| 1 | 2 |\n');
    expect(html).toContain('<td data-label="Thu &#x26; chi “năm”">1</td>'.replace('&#x26;', '&amp;'));
  });

  it('keeps a table with empty column names scrolling, unlabelled', () => {
    const { html } = render('|  |  |\n| --- | --- |\n| 1 | 2 |\n');
    expect(html).toMatch(/^<div class="table-scroll" role="group" aria-label="[^"]+" tabindex="0"><table>/);
    expect(html).toContain('<td>1</td>');
    expect(html).not.toContain('data-label');
  });

  it('leaves a table written as HTML as written, as MDX always did', () => {
    expect(render('<table><tbody><tr><td>1</td></tr></tbody></table>\n').html).toBe(
      '<table><tbody><tr><td>1</td></tr></tbody></table>',
    );
  });

  it('marks local images for Astro to resize and lists them; other images stay as they are', () => {
    const { html, localImagePaths } = render('![Lễ kết nạp](./images/ket-nap.jpg)\n\n![Cờ](/co.png)\n');
    expect(localImagePaths).toEqual(['./images/ket-nap.jpg']);
    const marker = /__ASTRO_IMAGE_="([^"]*)"/.exec(html)?.[1] ?? '';
    expect(JSON.parse(marker.replace(/&#x22;|&quot;/g, '"'))).toEqual({
      alt: 'Lễ kết nạp',
      layout: 'constrained',
      sizes: BODY_IMAGE_SIZES,
      src: './images/ket-nap.jpg',
      index: 0,
    });
    expect(html).toContain('<img src="/co.png" alt="Cờ">');
  });

  it('marks an image inside a table too', () => {
    const { html, localImagePaths } = render('| Ảnh |\n| --- |\n| ![Hội trường](./images/hoi-truong.jpg) |\n');
    expect(localImagePaths).toEqual(['./images/hoi-truong.jpg']);
    expect(html).toMatch(/<td data-label="Ảnh"><img __ASTRO_IMAGE_="[^"]+"><\/td>/);
  });

  it('reads the body as MDX: indented lines stay text, HTML-like tags are elements', () => {
    const { html } = render(
      '    Đoạn văn thụt đầu dòng dán từ Word.\n\nChữ <u>gạch chân</u>, H<sub>2</sub>O, m<sup>2</sup><br />dòng mới.\n\n' +
        'Thẻ có thuộc tính: <abbr title="Uỷ ban &quot;nhân dân&quot;">UBND</abbr>, <input disabled />.\n',
    );
    expect(html).toContain('<p>Đoạn văn thụt đầu dòng dán từ Word.</p>');
    expect(html).not.toContain('<pre>');
    expect(html).toContain('<u>gạch chân</u>');
    expect(html).toContain('H<sub>2</sub>O, m<sup>2</sup><br>dòng mới.');
    expect(html).toContain('<abbr title="Uỷ ban &quot;nhân dân&quot;">UBND</abbr>, <input disabled>.');
  });

  it('serves text pasted in decomposed form (NFD) as NFC', () => {
    const decomposed = '## Đảng uỷ xã\n\nHội nghị tổng kết.\n'.normalize('NFD');
    const { html, headings } = render(decomposed);
    expect(decomposed).not.toBe(decomposed.normalize('NFC'));
    expect(html).toBe(html.normalize('NFC'));
    expect(html).toContain('Hội nghị tổng kết.'.normalize('NFC'));
    expect(headings[0]?.text).toBe('Đảng uỷ xã'.normalize('NFC'));
  });

  it('uses typographic quotes and dashes, as Astro does', () => {
    expect(render('"Trích" -- hết...\n').html).toBe('<p>“Trích” – hết…</p>');
  });

  it.each([
    ['a component', 'Dòng một.\n\nXem <HopThongTin />.\n', 3],
    ['an expression', 'Chi bộ {tenChiBo}.\n', 1],
    ['an element with an expression for a value', 'Dòng một.\n\nDòng hai.\n\n<u title={tieuDe}>chữ</u>\n', 5],
  ])('refuses %s in Vietnamese, naming the file and the line', (_, body, line) => {
    expect(() => render(body)).toThrow(`content/thang/2026-11/02-thoi-su.mdx:${line}: ${t('error.mdxDynamic')}`);
  });

  it('explains a syntax error in Vietnamese with the line in the body', () => {
    let error: unknown;
    try {
      render('Dòng một.\n\nTỷ lệ <5% số hộ.\n');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MdxRenderError);
    expect(error).toMatchObject({ file: 'content/thang/2026-11/02-thoi-su.mdx', line: 3, reason: t('error.mdxAngle') });
  });
});

describe('renderProblem', () => {
  it('finds the message a failed render left in the metadata, and nothing otherwise', () => {
    expect(renderProblem({ rendered: { html: '', metadata: { renderError: 'tệp:3: lỗi' } } })).toBe('tệp:3: lỗi');
    expect(renderProblem({ rendered: { html: '<p>x</p>', metadata: {} } })).toBeUndefined();
    expect(renderProblem({})).toBeUndefined();
  });
});

describe('forPrint', () => {
  it('renders the entry’s body for print and keeps its other fields', () => {
    const entry = {
      id: '2026-11/thoi-su',
      body: '## Trong nước\n',
      filePath: 'content/thang/2026-11/02-thoi-su.mdx',
      rendered: { html: 'reading', metadata: { headings: [] } },
    };
    const printed = forPrint(entry, SITE);
    expect(printed.rendered.html).toBe('<h3>Trong nước</h3>');
    expect(printed.rendered.metadata).toBe(entry.rendered.metadata);
    expect(printed.id).toBe(entry.id);
    expect(entry.rendered.html).toBe('reading');
  });
});
