import { describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import { guideDocument, monthDocument, type MonthPdfInput } from '../../../../src/lib/exports/typst/documents.ts';
import { mdastToTypst } from '../../../../src/lib/exports/typst/from-mdast.ts';
import { compileTypst, createTypstCompiler, type TypstFile } from '../../../../src/exports/typst.ts';
import { FONT_FAMILY } from '../../../../src/exports/fonts.ts';
import { parseMdx } from '../../../../src/lib/exports/mdx.ts';

const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
);
const QR = new TextEncoder().encode(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="2" height="2"/></svg>',
);

const BODY = `## Đoạn mở đầu

Hiệu quả công việc của chi bộ: *nghiêng*, **đậm**, ~~gạch~~, \`86-KH/TU\`, [liên kết](/thang/2026-10/) và chú thích[^1].

1. Một
   - Con
2. Hai

> Lời Bác dạy: "Dễ trăm lần không dân cũng chịu".

| Chỉ tiêu | Kết quả |
| :-- | --: |
| Số hộ thoát nghèo | 1.284 hộ |

![Ảnh minh hoạ](./images/a.png)

---

[^1]: Nội dung chú thích.
`;

function input(): { doc: MonthPdfInput; files: TypstFile[] } {
  const files: TypstFile[] = [{ path: '/qr/page.svg', data: QR }];
  const body = mdastToTypst(parseMdx(BODY), {
    file: 'x.mdx',
    siteUrl: 'https://tailieu.example.org',
    headingLevel: (depth) => depth,
    labelPrefix: 'b1',
    image: () => {
      files.push({ path: '/img/a.png', data: PNG });
      return '/img/a.png';
    },
  });
  return {
    files,
    doc: {
      title: 'Tài liệu sinh hoạt chi bộ tháng 11 năm 2026',
      date: '2026-10-28',
      fontFamily: FONT_FAMILY,
      issuer: 'Ban Tuyên giáo và Dân vận Tỉnh uỷ Sơn Lâm',
      kicker: 'tháng 11 năm 2026',
      summary: 'Tóm tắt #1 *không* phải markup.',
      url: 'https://tailieu.example.org/thang/2026-11/',
      qrPath: '/qr/page.svg',
      intro: '',
      corrections: [{ date: '2026-11-05', text: 'Sửa số liệu.' }],
      agenda: ['Khai mạc', 'Bế mạc'],
      sections: [
        { title: 'Thời sự', body },
        // A long section starts on a new page; the short one above runs on.
        { title: 'Hỏi đáp', body: 'Nội dung\\.', newPage: true },
      ],
      questions: ['Câu hỏi một?'],
      attachments: [
        {
          title: 'Hướng dẫn 12',
          fileName: 'huong-dan-12.pdf',
          typeLabel: 'PDF',
          sizeLabel: '896 B',
          sha256: 'a'.repeat(64),
          url: 'https://tailieu.example.org/thang/2026-10/files/huong-dan-12.pdf',
        },
      ],
    },
  };
}

/** The PDF bytes of a compile. */
async function pdfOf(...args: Parameters<typeof compileTypst>): Promise<Uint8Array> {
  return (await compileTypst(...args)).pdf;
}

async function read(pdf: Uint8Array) {
  const proxy = await getDocumentProxy(new Uint8Array(pdf));
  const { text, totalPages } = await extractText(proxy, { mergePages: true });
  const meta = await getMeta(proxy);
  return { text: text.replace(/\s+/g, ' '), totalPages, meta };
}

describe('monthDocument page breaks', () => {
  it('runs the agenda and a short section on, and starts a long section on a new page', () => {
    const source = monthDocument(input().doc);
    const lines = source.split('\n').filter((line) => line.trim() !== '');
    /** The line just before the first-level heading that contains `title`. */
    const before = (title: string) => {
      const at = lines.findIndex((line) => line.startsWith('#heading(level: 1)') && line.includes(title));
      expect(at, title).toBeGreaterThan(0);
      return lines[at - 1];
    };
    expect(before('Gợi ý nội dung sinh hoạt')).not.toContain('pagebreak');
    expect(before('Thời sự')).not.toContain('pagebreak');
    expect(before('Hỏi đáp')).toBe('#pagebreak(weak: true)');
  });
});

describe('monthDocument compiled with the packaged font', () => {
  // A first compile starts a thread and loads the fonts: several seconds on a busy machine.
  it('compiles without a warning and reads back as real Vietnamese text', async () => {
    const { doc, files } = input();
    const { text, totalPages, meta } = await read(await pdfOf('thu.pdf', monthDocument(doc), files, doc.date));
    expect(totalPages).toBeGreaterThanOrEqual(2);
    for (const expected of [
      'BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH UỶ SƠN LÂM',
      'TÀI LIỆU SINH HOẠT CHI BỘ THÁNG 11 NĂM 2026',
      'Tháng 11 năm 2026 · phát hành ngày 28 tháng 10 năm 2026',
      'Tóm tắt #1 *không* phải markup.',
      'Mục lục',
      'Gợi ý nội dung sinh hoạt',
      '1. Thời sự',
      '2. Hỏi đáp',
      'Hiệu quả công việc của chi bộ',
      '(https://tailieu.example.org/thang/2026-10/)',
      'Nội dung chú thích.',
      'Câu hỏi thảo luận',
      'Văn bản, tài liệu đính kèm',
      `Mã kiểm tra SHA-256: ${'a'.repeat(64)}`,
      'Đính chính ngày 05/11/2026: Sửa số liệu.',
      `Trang 1/${totalPages}`,
    ]) {
      expect(text).toContain(expected);
    }
    expect(meta.info['Title']).toBe(doc.title);
  }, 30_000);

  it('is byte-identical when compiled again, dated by its publish date, in Vietnamese', async () => {
    const { doc, files } = input();
    const first = await pdfOf('a.pdf', monthDocument(doc), files, doc.date);
    const second = await pdfOf('b.pdf', monthDocument(doc), files, doc.date);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const { meta } = await read(first);
    expect(meta.info['Language']).toBe('vi-VN');
    expect(meta.info['CreationDate']).toBe('D:20261028000000Z');
  });

  it('names the font it embeds: only the packaged Noto Serif', async () => {
    const { doc, files } = input();
    const raw = Buffer.from(await pdfOf('c.pdf', monthDocument(doc), files, doc.date)).toString('latin1');
    const fonts = new Set([...raw.matchAll(/\/BaseFont \/[A-Z]{6}\+([A-Za-z-]+)/g)].map((match) => match[1]));
    expect(fonts.size).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/^NotoSerif-/);
  });
});

describe('compileTypst fails the build on any warning', () => {
  it('a font the compiler was not given', async () => {
    await expect(
      compileTypst('x.pdf', '#set text(font: "Times New Roman", fallback: false)\nChữ', [], '2026-01-01'),
    ).rejects.toThrow(/không dựng được tệp PDF "x\.pdf": .*font/);
  });

  it('a Typst error', async () => {
    await expect(compileTypst('y.pdf', '#nope()', [], '2026-01-01')).rejects.toThrow(
      /không dựng được tệp PDF "y\.pdf": .*nope/,
    );
  });
});

describe('createTypstCompiler: a thread that is replaced every few documents', () => {
  it('gives the same bytes on every thread, each job its own files, and survives a failed job', async () => {
    const compiler = createTypstCompiler({ compilesPerThread: 2 });
    try {
      const { doc, files } = input();
      const source = monthDocument(doc);
      const quoted = (path: string) => `#set text(font: "${FONT_FAMILY}", fallback: false)\n#read("${path}")`;
      const note = (text: string) => ({ path: '/note.txt', data: new TextEncoder().encode(text) });
      const results = await Promise.all([
        compiler.compile('1.pdf', source, files, doc.date),
        compiler.compile('2.pdf', quoted('/note.txt'), [note('Chi bộ thôn Một')], doc.date),
        compiler.compile('3.pdf', '#nope()', [], doc.date).catch((error: unknown) => error),
        compiler.compile('4.pdf', quoted('/note.txt'), [note('Chi bộ thôn Hai')], doc.date),
        compiler.compile('5.pdf', source, files, doc.date),
      ]);
      expect(compiler.threadsStarted()).toBe(3);
      const [first, one, failed, two, last] = results as [
        { pdf: Uint8Array },
        { pdf: Uint8Array },
        Error,
        { pdf: Uint8Array },
        { pdf: Uint8Array },
      ];
      expect(Buffer.from(first.pdf).equals(Buffer.from(last.pdf))).toBe(true);
      expect((await read(one.pdf)).text).toContain('Chi bộ thôn Một');
      expect((await read(two.pdf)).text).toContain('Chi bộ thôn Hai');
      expect(failed.message).toMatch(/"3\.pdf": .*nope/);
    } finally {
      await compiler.close();
    }
  }, 30_000);

  it('fails a document whose thread stops before it is done, rather than waiting for ever', async () => {
    const compiler = createTypstCompiler();
    const { doc, files } = input();
    const pending = compiler.compile('dung.pdf', monthDocument(doc), files, doc.date);
    await compiler.close();
    await expect(pending).rejects.toThrow(/không dựng được tệp PDF "dung\.pdf": Typst thread exit code/);
  });
});

describe('guideDocument', () => {
  it('prints the guide with its questions', async () => {
    const source = guideDocument({
      title: 'Bác Hồ gần dân',
      date: '2026-07-12',
      fontFamily: FONT_FAMILY,
      kicker: 'Học tập và làm theo Bác',
      url: 'https://tailieu.example.org/hoc-tap-bac/x/',
      qrPath: '/qr/page.svg',
      body: '#heading(level: 1)[Câu chuyện]\n\nBác đi cơ sở\\.',
      questions: ['Chi bộ học được gì?'],
    });
    const { text } = await read(await pdfOf('g.pdf', source, [{ path: '/qr/page.svg', data: QR }], '2026-07-12'));
    expect(text).toContain('Câu chuyện');
    expect(text).toContain('Câu hỏi gợi ý');
    expect(text).toContain('1. Chi bộ học được gì?');
  });
});
