import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { Packer } from 'docx';
import { packDocx, packZip } from '../../../../src/exports/packer.ts';
import { docxDocument, type MonthDocxJob } from '../../../../src/lib/exports/docx/jobs.ts';
import { stabiliseDocx } from '../../../../src/lib/exports/packaging.ts';
import { parseMdx } from '../../../../src/lib/exports/mdx.ts';
import { localPartDocument } from '../../../../src/lib/kit/kit-document.ts';

function monthJob(body: string): MonthDocxJob {
  return {
    type: 'month',
    siteUrl: 'https://tailieu.example.vn/',
    images: new Map(),
    head: {
      title: 'Tài liệu sinh hoạt chi bộ tháng 3/2026',
      issuer: 'Ban Tuyên giáo Huyện ủy',
      kicker: 'tháng 3 năm 2026',
      publishDate: '2026-02-26',
      summary: 'Tóm tắt',
      url: 'https://tailieu.example.vn/thang/2026-03/',
      corrections: [],
      agenda: ['Thông tin thời sự'],
      questions: ['Chi bộ đã làm gì?'],
      attachments: [],
    },
    intro: { file: 'content/thang/2026-03/index.mdx', tree: parseMdx('Lời giới thiệu.\n') },
    sections: [
      { title: 'Thời sự', newPage: false, body: { file: 'content/thang/2026-03/01.mdx', tree: parseMdx(body) } },
    ],
  };
}

describe('the packer thread', () => {
  it('makes the same Word file as the main thread would, byte for byte', async () => {
    const job = monthJob('Một đoạn **đậm** với chú thích.[^1]\n\n[^1]: Chú thích.\n');
    const { data } = await packDocx('thang.docx', '2026-02-26', job);
    const here = stabiliseDocx(await Packer.toBuffer(docxDocument(job)), '2026-02-26');
    expect(Buffer.from(data).equals(Buffer.from(here))).toBe(true);
    expect(strFromU8(unzipSync(data)['word/document.xml'] as Uint8Array)).toContain('Thông tin thời sự');
  });

  it('makes a kit Word file', async () => {
    const document = localPartDocument({ month: '2026-03' });
    const { data } = await packDocx('phan-dia-phuong.docx', '2026-02-26', { type: 'kit', document, creator: 'X' });
    expect(strFromU8(unzipSync(data)['docProps/core.xml'] as Uint8Array)).toContain('2026-02-26T00:00:00Z');
  });

  it('zips files without taking the caller’s bytes', async () => {
    const bytes = new TextEncoder().encode('biên bản');
    const { data } = await packZip('tat-ca.zip', '2026-02-26', [{ name: 'a.txt', data: bytes }]);
    expect(bytes.byteLength).toBe(new TextEncoder().encode('biên bản').byteLength);
    expect(strFromU8(unzipSync(data)['a.txt'] as Uint8Array)).toBe('biên bản');
  });

  it('rejects with the converter’s Vietnamese message, file and line, and goes on with the next job', async () => {
    const job = monthJob('Đoạn đầu.\n\n![Ảnh hội nghị](./images/khong-co.jpg)\n');
    await expect(packDocx('thang.docx', '2026-02-26', job)).rejects.toThrow(
      /^content\/thang\/2026-03\/01\.mdx:3: .*khong-co\.jpg/,
    );
    await expect(packDocx('thang.docx', '2026-02-26', monthJob('Đoạn.\n'))).resolves.toHaveProperty('data');
  });
});
