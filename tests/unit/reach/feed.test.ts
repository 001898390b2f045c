import { describe, expect, it } from 'vitest';
import {
  correctionsNewestFirst,
  feedDate,
  feedEntries,
  identifyCorrections,
  type FeedSource,
} from '../../../src/lib/reach/feed.ts';

const month: FeedSource = {
  title: 'Tài liệu tháng 11',
  summary: 'Tóm tắt.',
  url: '/thang/2026-11/',
  publishDate: '2026-10-28',
  category: 'Tài liệu tháng',
  corrections: [
    { date: '2026-11-05', text: 'Sửa số liệu.' },
    { date: '2026-12-02', text: 'Đính chính chưa tới ngày.' },
  ],
};
const guide: FeedSource = {
  title: 'Bác Hồ',
  summary: 'Bài học.',
  url: '/hoc-tap-bac/bac-ho/',
  publishDate: '2026-11-10',
  category: 'Học tập Bác',
};
const future: FeedSource = {
  title: 'Nậm Khắt Tư',
  summary: 'Chưa tới ngày.',
  url: '/hoc-tap-bac/sau/',
  publishDate: '2026-12-20',
  category: 'Học tập Bác',
};

describe('feedEntries', () => {
  const entries = feedEntries([month, guide, future], '2026-11-28');

  it('lists items and their corrections newest first', () => {
    expect(entries.map((entry) => entry.link)).toEqual([
      '/hoc-tap-bac/bac-ho/',
      '/thang/2026-11/#dinh-chinh-2026-11-05',
      '/thang/2026-11/',
    ]);
  });

  it('gives a correction its own Vietnamese title, date and category', () => {
    const correction = entries[1]!;
    expect(correction.title).toBe('Đính chính ngày 05/11/2026: Tài liệu tháng 11');
    expect(correction.description).toBe('Sửa số liệu.');
    expect(correction.categories).toEqual(['Đính chính']);
    expect(correction.pubDate).toEqual(feedDate('2026-11-05'));
  });

  it('writes the Vietnamese publish date into the description', () => {
    expect(entries[2]!.description).toBe('Tóm tắt. Phát hành ngày 28/10/2026.');
  });

  it.each([
    ['a future item', 'Nậm Khắt Tư'],
    ['a future correction', 'chưa tới ngày'],
  ])('leaves out %s', (_, text) => {
    expect(JSON.stringify(entries)).not.toContain(text);
  });
});

describe.each([
  ['2026-11-05', '2026-11-05T05:00:00.000Z'],
  ['2026-01-01', '2026-01-01T05:00:00.000Z'],
])('feedDate(%s)', (date, iso) => {
  it('is noon in Hà Nội, the same calendar day everywhere in Việt Nam', () => {
    expect(feedDate(date).toISOString()).toBe(iso);
  });
});

describe('identifyCorrections', () => {
  const twoOnOneDay = [
    { date: '2026-11-05', text: 'Sửa số liệu ở mục 2.' },
    { date: '2026-11-20', text: 'Sửa tên văn bản.' },
    { date: '2026-11-05', text: 'Sửa lỗi chính tả ở mục 3.' },
  ];

  it('gives each correction its own anchor, numbering a second one on the same day', () => {
    expect(identifyCorrections(twoOnOneDay).map((correction) => correction.id)).toEqual([
      'dinh-chinh-2026-11-05',
      'dinh-chinh-2026-11-20',
      'dinh-chinh-2026-11-05-2',
    ]);
  });

  it('keeps the earlier anchors when a correction is added at the end', () => {
    const more = [...twoOnOneDay, { date: '2026-11-05', text: 'Thêm một đính chính.' }];
    expect(identifyCorrections(more).slice(0, 3)).toEqual(identifyCorrections(twoOnOneDay));
  });

  it('shows them newest first, the later entry of one day first', () => {
    expect(correctionsNewestFirst(twoOnOneDay).map((correction) => correction.id)).toEqual([
      'dinh-chinh-2026-11-20',
      'dinh-chinh-2026-11-05-2',
      'dinh-chinh-2026-11-05',
    ]);
  });

  it('makes one feed entry per correction, each with its own link (the feed guid)', () => {
    const source: FeedSource = {
      title: 'Tài liệu tháng 11',
      summary: 'Tóm tắt.',
      url: 'https://tailieu.example.org/thang/2026-11/',
      publishDate: '2026-10-28',
      category: 'Tài liệu tháng',
      corrections: twoOnOneDay,
    };
    const links = feedEntries([source], '2026-11-28')
      .filter((entry) => entry.categories.includes('Đính chính'))
      .map((entry) => entry.link);
    expect(links).toHaveLength(3);
    expect(new Set(links).size).toBe(3);
    expect(links).toContain('https://tailieu.example.org/thang/2026-11/#dinh-chinh-2026-11-05-2');
  });
});
