/**
 * Incremental builds: on a copy of the sample content, a cold build, then three rounds of edits,
 * each followed by an incremental build. Every edit must show on every page (and in the PDF and
 * Word text) that shows it, pages nothing changed for must be restored rather than rendered, and
 * a cold build of the final content must give the same dist/, byte for byte.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, TEST_NOW } from '../support/build-site.ts';
import { htmlText } from '../support/html-text.ts';
import { isCompressible, SERVER_ONLY_PATHS } from '../../src/lib/output/server-rules.ts';
import { MIN_BYTES } from '../../src/integrations/precompress.ts';

const work = resolve(projectRoot, '.cache/test-builds/incremental');
const content = join(work, 'content');
const outDir = join(work, 'dist');
const exportsCache = join(work, 'exports');
// After 2026-12's publish date (set below), so the last round's clock makes that month public.
const LATER = '2026-12-06T08:00:00+07:00';

/** Which paths a build rendered and which it restored, from Astro's log, and the counts it wrote. */
interface Round {
  /** A copy of dist/ as this build left it. */
  dist: string;
  rendered: Set<string>;
  restored: Set<string>;
  counts: {
    rendered: number;
    restored: number;
    compressed: number;
    compressionReused: number;
    searchPeriodsReused: number;
    searchPagesMerged: number;
  };
}

/** Builds the working copy into dist/ with its own caches, kept from one round to the next. */
function build(name: string, now: string, options: { cold?: boolean } = {}): Round {
  const timings = join(work, `${name}-timings.json`);
  const result = buildSite({
    name: options.cold ? 'incremental/cold' : 'incremental',
    contentDir: content,
    now,
    outDir: options.cold ? join(work, 'dist-cold') : outDir,
    env: {
      BUILD_TIMINGS_FILE: timings,
      // Two months in the search index's newest period: the sample then has an older one too.
      SEARCH_RECENT_MONTHS: '2',
      EXPORTS_CACHE_DIR: options.cold ? join(work, 'exports-cold') : exportsCache,
    },
  });
  if (result.status !== 0) throw new Error(result.output);
  const dist = join(work, `dist-${name}`);
  if (!options.cold) cpSync(outDir, dist, { recursive: true });
  const log = stripVTControlCharacters(result.output);
  const lines = [...log.matchAll(/├─ (\/\S*?)(?=\s|\d\d:\d\d:\d\d|$)( \(restored\))?/g)];
  const path = (file: string) => file.replace(/index\.html$/, '');
  return {
    dist: options.cold ? join(work, 'dist-cold') : dist,
    rendered: new Set(lines.filter((line) => !line[2]).map((line) => path(line[1] ?? ''))),
    restored: new Set(lines.filter((line) => line[2]).map((line) => path(line[1] ?? ''))),
    counts: (JSON.parse(readFileSync(timings, 'utf8')) as { counts: Round['counts'] }).counts,
  };
}

/** Rewrites a file of the working copy. */
function edit(path: string, change: (text: string) => string): void {
  const file = join(content, path);
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`The edit of ${path} changed nothing`);
  writeFileSync(file, after);
}

/** The HTML of a built page as a round left it. */
const html = (round: Round, path: string) => readFileSync(join(round.dist, path, 'index.html'), 'utf8');

/** The visible text of a built page as a round left it. */
const page = (round: Round, path: string) => htmlText(html(round, path));

/** The text of a built PDF, spaces folded. */
async function pdfText(round: Round, path: string): Promise<string> {
  const proxy = await getDocumentProxy(new Uint8Array(readFileSync(join(round.dist, path))));
  const { text } = await extractText(proxy, { mergePages: true });
  return text.normalize('NFC').replace(/\s+/g, ' ');
}

/** The text of a built Word file's body. */
function docxText(round: Round, path: string): string {
  const files = unzipSync(new Uint8Array(readFileSync(join(round.dist, path))));
  const xml = new TextDecoder().decode(files['word/document.xml']);
  return xml.replace(/<\/w:p>/g, ' ').replace(/<[^>]+>/g, '');
}

/** The text of every page a search bundle holds (its fragments), one string per page. */
function searchTexts(round: Round, bundle: string): string[] {
  const folder = join(round.dist, bundle, 'fragment');
  return readdirSync(folder).map((name) => {
    const raw = gunzipSync(readFileSync(join(folder, name)));
    // Pagefind's files start with a signature before the JSON.
    return (JSON.parse(raw.subarray('pagefind_dcd'.length).toString('utf8')) as { content: string }).content;
  });
}

/** How many files precompression reads whose bytes an earlier file of the same site already had. */
function repeatedCompressible(dist: string): number {
  const seen = new Set<string>();
  let repeated = 0;
  for (const file of filesUnder(dist)) {
    if (!isCompressible(file) || SERVER_ONLY_PATHS.some((prefix) => `/${file}`.startsWith(prefix))) continue;
    const bytes = readFileSync(join(dist, file));
    if (bytes.byteLength < MIN_BYTES) continue;
    const hash = createHash('sha256').update(bytes).digest('hex');
    if (seen.has(hash)) repeated++;
    seen.add(hash);
  }
  return repeated;
}

/** Every file under a folder, relative to it. */
const filesUnder = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();

const BODY = 'Chi bộ bản Nà Khoang đã làm xong đường bê tông liên bản trước mùa mưa.';
const CORRECTION = 'Mục Thời sự: diện tích lúa mùa toàn tỉnh là 1.250 ha, không phải 1.520 ha.';
const TITLE = 'Thời sự trong nước, quốc tế và của tỉnh tháng 9';
const ADDED = 'Hỏi đáp về phòng, chống mưa lũ ở thôn, bản';
const NEWEST = 'Tài liệu sinh hoạt chi bộ tháng 11 năm 2026 (bản bổ sung)';
const CRITERION = 'Chi uỷ đã bàn, thống nhất nội dung và người trình bày trước buổi sinh hoạt ít nhất ba ngày';
const TOPIC_LINK = 'href="/chuyen-de/2026/"';
const DECEMBER = 'Chi bộ thôn Khe Lim đã họp bàn cách đón bà con đi làm ăn xa về quê ăn Tết an toàn.';

const rounds: Record<'first' | 'edits' | 'shared' | 'clock' | 'search' | 'cold', Round> = {} as never;

beforeAll(() => {
  rmSync(work, { recursive: true, force: true });
  cpSync(resolve(projectRoot, 'content'), content, { recursive: true });
  // December is scheduled rather than a draft, so moving the clock publishes it.
  edit('thang/2026-12/index.mdx', (text) =>
    text.replace('status: draft', 'status: published').replace('publishDate: 2026-11-28', 'publishDate: 2026-12-05'),
  );
  rounds.first = build('first', TEST_NOW);

  // Round 1: a section body and a correction (September), a section title (October), a new section (November).
  edit('thang/2026-09/02-thoi-su.mdx', (text) => `${text.trimEnd()}\n\n${BODY}\n`);
  edit('thang/2026-09/index.mdx', (text) =>
    text.replace(
      'attachments: []\n',
      `attachments: []\ncorrections:\n  - { date: 2026-11-20, text: "${CORRECTION}" }\n`,
    ),
  );
  edit('thang/2026-10/03-thoi-su.mdx', (text) =>
    text.replace('title: "Tình hình thời sự tháng 9 năm 2026"', `title: "${TITLE}"`),
  );
  writeFileSync(
    join(content, 'thang/2026-11/07-hoi-dap-mua-lu.mdx'),
    `---\ntitle: "${ADDED}"\norder: 7\nkind: hoi-dap\n---\n\nKhi có tin bão, chi bộ phân công đảng viên đến từng hộ ở ven suối, giúp bà con chằng chống nhà cửa và di dời tài sản.\n`,
  );
  rounds.edits = build('edits', TEST_NOW);

  // Round 2: the newest month's title (home page), the topic months link to (now a draft), the criteria.
  edit('thang/2026-11/index.mdx', (text) =>
    text.replace('title: "Tài liệu sinh hoạt chi bộ tháng 11 năm 2026"', `title: "${NEWEST}"`),
  );
  edit('chuyen-de/2026/index.mdx', (text) => text.replace('status: published', 'status: draft'));
  edit('tieu-chi/chat-luong-sinh-hoat.yaml', (text) =>
    text.replace(
      'text: "Chi uỷ (hoặc bí thư) đã bàn và thống nhất nội dung, người trình bày trước buổi sinh hoạt"',
      `text: "${CRITERION}"`,
    ),
  );
  rounds.shared = build('shared', TEST_NOW);

  // Round 3: only the clock moves, past December's publish date.
  rounds.clock = build('clock', LATER);

  // Round 4: a sentence in a section of the newest month, now December: only the newest search period changes.
  edit('thang/2026-12/02-thoi-su.mdx', (text) => `${text.trimEnd()}\n\n${DECEMBER}\n`);
  rounds.search = build('search', LATER);
  rounds.cold = build('cold', LATER, { cold: true });
}, 1_800_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the cold build', () => {
  it('renders every path and restores none', () => {
    expect(rounds.first.counts.restored).toBe(0);
    expect(rounds.first.restored.size).toBe(0);
    expect(rounds.first.counts.rendered).toBeGreaterThan(80);
    // Nothing from an earlier build; only files whose bytes another file of the same build has
    // (Pagefind's scripts, in both search periods) find their compressed copies already made.
    expect(rounds.first.counts.compressionReused).toBe(repeatedCompressible(rounds.first.dist));
    expect(rounds.first.counts.compressionReused).toBeLessThan(5);
  });
});

describe('round 1: a section body, a correction, a section title, a new section', () => {
  it('shows the new body on its page and in the printable month, PDF and Word file', async () => {
    expect(page(rounds.edits, 'thang/2026-09/thoi-su')).toContain(BODY);
    expect(page(rounds.edits, 'thang/2026-09/in')).toContain(BODY);
    expect(await pdfText(rounds.edits, 'thang/2026-09/tai-lieu-sinh-hoat-chi-bo-2026-09.pdf')).toContain('Nà Khoang');
    expect(docxText(rounds.edits, 'thang/2026-09/tai-lieu-sinh-hoat-chi-bo-2026-09.docx')).toContain(BODY);
  });

  it('shows the correction on the month page, the printable month and the PDF', async () => {
    expect(page(rounds.edits, 'thang/2026-09')).toContain(CORRECTION);
    expect(page(rounds.edits, 'thang/2026-09/in')).toContain(CORRECTION);
    expect(await pdfText(rounds.edits, 'thang/2026-09/tai-lieu-sinh-hoat-chi-bo-2026-09.pdf')).toContain('1.250 ha');
  });

  it.each([
    ['its own page', 'thang/2026-10/thoi-su'],
    ['the month page (contents)', 'thang/2026-10'],
    ['the previous section ("Bài sau")', 'thang/2026-10/ky-niem-ngay-phu-nu-va-ngay-doanh-nhan-viet-nam'],
    ['the next section ("Bài trước")', 'thang/2026-10/chuyen-de-sinh-hoat-chuyen-de-quy-iv'],
    ['the printable month', 'thang/2026-10/in'],
    ['the meeting plan', 'thang/2026-10/ke-hoach'],
  ])('shows the new section title on %s', (_, path) => {
    expect(page(rounds.edits, path)).toContain(TITLE);
  });

  it('shows the new section title in the Word file', () => {
    expect(docxText(rounds.edits, 'thang/2026-10/tai-lieu-sinh-hoat-chi-bo-2026-10.docx')).toContain(TITLE);
  });

  it('builds the added section and links it from the month, the last section and the PDF', async () => {
    expect(page(rounds.edits, 'thang/2026-11/hoi-dap-mua-lu')).toContain(ADDED);
    expect(page(rounds.edits, 'thang/2026-11')).toContain(ADDED);
    expect(page(rounds.edits, 'thang/2026-11/hoi-dap')).toContain(ADDED);
    expect(page(rounds.edits, 'thang/2026-11/in')).toContain(ADDED);
    expect(await pdfText(rounds.edits, 'thang/2026-11/tai-lieu-sinh-hoat-chi-bo-2026-11.pdf')).toContain(
      'phòng, chống mưa lũ',
    );
  });

  it.each([
    '/hoc-tap-bac/bac-ho-quy-trong-thoi-gian/',
    '/chuyen-de/2026/',
    '/chuyen-de/2026/chuyen-de-2026.pdf',
    // Astro logs this endpoint with a trailing slash.
    '/thang/2026-10/files/huong-dan-12.pdf/',
    '/anh-chia-se/thang-2026-09.png',
    '/icons/icon-192.png',
  ])('restores %s, which no edit touched', (path) => {
    expect(rounds.edits.restored).toContain(path);
  });

  it('re-renders the edited months and restores the rest', () => {
    for (const path of ['/thang/2026-09/thoi-su/', '/thang/2026-10/thoi-su/', '/thang/2026-11/hoi-dap/'])
      expect(rounds.edits.rendered).toContain(path);
    expect(rounds.edits.counts.restored).toBe(rounds.edits.restored.size);
    // All three public months were edited: what is left is the topic, the guides, icons, images, attachments.
    expect(rounds.edits.counts.restored).toBeGreaterThanOrEqual(20);
    expect(rounds.edits.counts.compressionReused).toBeGreaterThan(rounds.edits.counts.compressed);
  });
});

describe('round 2: the newest month, the linked topic, the criteria', () => {
  it('shows the newest month title on the home page and its month page', () => {
    expect(page(rounds.shared, '')).toContain(NEWEST);
    expect(page(rounds.shared, 'thang/2026-11')).toContain(NEWEST);
  });

  it.each(['thang/2026-09', 'thang/2026-10', 'thang/2026-11'])(
    'drops the link to the topic, now a draft, from %s',
    (path) => {
      expect(html(rounds.edits, path)).toContain(TOPIC_LINK);
      expect(html(rounds.shared, path)).not.toContain(TOPIC_LINK);
      expect(existsSync(join(rounds.shared.dist, 'chuyen-de/2026/index.html'))).toBe(false);
    },
  );

  it.each(['thang/2026-09/tu-danh-gia', 'thang/2026-11/tu-danh-gia'])('shows the new criterion on %s', (path) => {
    expect(page(rounds.edits, path)).not.toContain(CRITERION);
    expect(page(rounds.shared, path)).toContain(CRITERION);
  });

  it('restores what neither edit touched', () => {
    expect(rounds.shared.restored).toContain('/hoc-tap-bac/bac-ho-quy-trong-thoi-gian/');
    expect(rounds.shared.restored).toContain('/icons/icon-192.png');
    expect(rounds.shared.restored).toContain('/anh-chia-se/thang-2026-09.png');
  });
});

describe('round 3: the clock passes a scheduled month', () => {
  it('publishes December and links it from November and the home page', () => {
    expect(page(rounds.clock, 'thang/2026-12')).toContain('tháng 12 năm 2026');
    expect(html(rounds.clock, 'thang/2026-11')).toContain('href="/thang/2026-12/"');
    expect(html(rounds.clock, '')).toContain('href="/thang/2026-12/"');
  });

  it('re-renders November’s month page only, and restores its sections and the older months', () => {
    expect(rounds.clock.rendered).toContain('/thang/2026-11/');
    expect(rounds.clock.rendered).toContain('/thang/2026-12/');
    for (const path of ['/thang/2026-11/thoi-su/', '/thang/2026-10/', '/thang/2026-09/thoi-su/'])
      expect(rounds.clock.restored).toContain(path);
  });
});

describe('the search index, in two periods (two months in the newest)', () => {
  it('indexes both periods again when both changed, with the edits', () => {
    for (const round of [rounds.first, rounds.edits, rounds.shared, rounds.clock])
      expect(round.counts.searchPeriodsReused).toBe(0);
    // September's new sentence is in the older period in round 1 (October and November are the newest).
    expect(searchTexts(rounds.first, 'pagefind/truoc').join('\n')).not.toContain('Nà Khoang');
    expect(searchTexts(rounds.edits, 'pagefind/truoc').join('\n')).toContain('Nà Khoang');
  });

  it('takes the unchanged older period from the last build and merges the newest one’s changed pages', () => {
    expect(rounds.search.counts.searchPeriodsReused).toBe(1);
    // The newest period was not indexed whole: its changed pages were, alone (the final test below
    // checks the result against a cold build's bundle byte for byte).
    expect(rounds.search.counts.searchPagesMerged).toBeGreaterThan(0);
    expect(searchTexts(rounds.clock, 'pagefind').join('\n')).not.toContain('Khe Lim');
    expect(searchTexts(rounds.search, 'pagefind').join('\n')).toContain('Khe Lim');
    const older = filesUnder(join(rounds.clock.dist, 'pagefind/truoc')).filter((file) => !/\.(gz|br)$/.test(file));
    expect(older.length).toBeGreaterThan(10);
    expect(filesUnder(join(rounds.search.dist, 'pagefind/truoc')).filter((file) => !/\.(gz|br)$/.test(file))).toEqual(
      older,
    );
    for (const file of older)
      expect(
        readFileSync(join(rounds.search.dist, 'pagefind/truoc', file)).equals(
          readFileSync(join(rounds.clock.dist, 'pagefind/truoc', file)),
        ),
      ).toBe(true);
  });
});

describe('the service worker', () => {
  /** The revision sw.js gives the offline list, which tells phones to refresh their copies. */
  const listRevision = (round: Round) =>
    /\{"revision":"([^"]+)","url":"ngoai-tuyen\.json"\}/.exec(readFileSync(join(round.dist, 'sw.js'), 'utf8'))?.[1];

  it('changes when a page changes, even when the offline list itself does not', () => {
    // Round 4 only edits a December section: the list of offline pages is the same file.
    expect(readFileSync(join(rounds.search.dist, 'ngoai-tuyen.json'))).toEqual(
      readFileSync(join(rounds.clock.dist, 'ngoai-tuyen.json')),
    );
    expect(listRevision(rounds.clock)).toMatch(/^[0-9a-f]+-[0-9a-f]{16}$/);
    expect(listRevision(rounds.search)).toMatch(/^[0-9a-f]+-[0-9a-f]{16}$/);
    expect(listRevision(rounds.search)).not.toBe(listRevision(rounds.clock));
  });
});

describe('a cold build of the final content', () => {
  it('gives the same dist/ as the incremental one, byte for byte', () => {
    const cold = rounds.cold.dist;
    const files = filesUnder(outDir);
    expect(filesUnder(cold)).toEqual(files);
    const differing = files.filter((file) => !readFileSync(join(outDir, file)).equals(readFileSync(join(cold, file))));
    expect(differing).toEqual([]);
    expect(rounds.cold.counts.restored).toBe(0);
  });
});

describe('the site each build replaced', () => {
  it('is removed after the build returns, by a process of its own', async () => {
    // Each round replaced a dist/ (renamed to dist.old-<pid>); the removal may still be running.
    const left = () => readdirSync(work).filter((name) => /^dist\.old-\d+$/.test(name));
    const deadline = Date.now() + 60_000;
    while (left().length > 0 && Date.now() < deadline) await new Promise((wake) => setTimeout(wake, 200));
    expect(left()).toEqual([]);
    expect(existsSync(join(outDir, 'index.html'))).toBe(true);
  }, 70_000);
});
