/**
 * A synthetic archive shaped like content/: monthly issues with sections of every kind, an annual
 * topic per year, study guides, attachments and images. Deterministic from a seed; each item has
 * its own random stream, so a 12-month archive is the newest 12 months of a 120-month one.
 * Used by `npm run gen` and the benches (build, search, PDF/Word).
 */
import { SECTION_KINDS, type SectionKind } from '../content/kinds.ts';
import { formatMonthKey, parseMonthKey, type MonthKey } from '../common/month-key.ts';
import { toSlug } from '../common/slugs.ts';
import * as words from './words.ts';

/** A file of the generated archive, path relative to the content root ("thang/2026-11/index.mdx"). */
export type GeneratedFile =
  | { kind: 'text'; path: string; text: string }
  /** A picture to render: solid shapes on a background of the given hue (no text, no fonts). */
  | { kind: 'image'; path: string; width: number; height: number; hue: number; shapes: number }
  /** A small PDF, already serialised (ASCII only). */
  | { kind: 'pdf'; path: string; text: string };

/** What to generate. */
export interface ArchiveOptions {
  /** How many monthly issues, counting back from `endMonth`. */
  months: number;
  /** Seed of every random choice. */
  seed: number;
  /** The newest published month, "YYYY-MM". */
  endMonth: string;
  /** Add a draft issue for the month after `endMonth` (as real staff would be preparing). */
  draftNext?: boolean;
}

type Random = () => number;

/** FNV-1a hash of a string, for per-item seeds. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A mulberry32 stream seeded by the archive seed and an item key. */
export function randomFor(seed: number, key: string): Random {
  let state = (hashString(key) ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const between = (random: Random, low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
const times = <T>(count: number, make: (index: number) => T): T[] =>
  Array.from({ length: count }, (_, index) => make(index));
const quote = (value: string): string => JSON.stringify(value);
const pad2 = (value: number): string => String(value).padStart(2, '0');

/** Vietnamese thousands grouping: 12840 → "12.840". */
function groupDigits(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

const COMMON_SUBJECT = /^(Mỗi|Các|Chi|Bí|Trưởng|Tổ|Cán|Đảng viên)/u;

/** One invented sentence. */
function sentence(random: Random): string {
  const opener = random() < 0.4 ? `${pick(random, words.OPENERS)} ` : '';
  const picked = pick(random, words.SUBJECTS);
  // After an opener the subject is no longer the first word; names of bodies keep their capital.
  const subject = opener && COMMON_SUBJECT.test(picked) ? picked.charAt(0).toLowerCase() + picked.slice(1) : picked;
  return `${opener}${subject} ${pick(random, words.VERBS)} ${pick(random, words.OBJECTS)}, ${pick(random, words.COMPLEMENTS)}.`;
}

/** A paragraph of three to five sentences. */
function paragraph(random: Random): string {
  return times(between(random, 3, 5), () => sentence(random)).join(' ');
}

/** A bulleted or numbered list of short actions. */
function list(random: Random, numbered: boolean): string {
  return times(between(random, 3, 5), (index) => {
    const marker = numbered ? `${index + 1}.` : '-';
    return `${marker} ${capitalise(pick(random, words.VERBS))} ${pick(random, words.OBJECTS)}.`;
  }).join('\n');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A table of indicators with this year's and last year's figures. */
function indicatorTable(random: Random, year: number): string {
  const rows = times(between(random, 3, 5), (index) => {
    const label = words.INDICATORS[(index * 3 + between(random, 0, 9)) % words.INDICATORS.length] ?? '';
    const now = between(random, 12, 12_000);
    const before = Math.max(1, now - between(random, -200, 900));
    return `| ${label} | ${groupDigits(before)} | ${groupDigits(now)} |`;
  });
  return [`| Chỉ tiêu | Năm ${year - 1} | Năm ${year} |`, '| --- | ---: | ---: |', ...rows].join('\n');
}

/** A table of newly issued documents. */
function documentTable(random: Random, key: MonthKey): string {
  const rows = times(between(random, 3, 5), () => {
    const type = pick(random, words.DOCUMENT_TYPES);
    const number = between(random, 1, 140);
    const day = between(random, 1, 28);
    return `| ${number}-${type.code} | ${pad2(day)}/${pad2(key.month)}/${key.year} | ${pick(random, words.DOCUMENT_ISSUERS)} | ${type.name} về ${pick(random, words.OBJECTS)} |`;
  });
  return ['| Số, ký hiệu | Ngày ban hành | Cơ quan ban hành | Trích yếu |', '| --- | --- | --- | --- |', ...rows].join(
    '\n',
  );
}

/** A titled block: an H2, paragraphs, sometimes an H3 with a list. */
function block(random: Random, title: string): string {
  const parts = [`## ${title}`, paragraph(random), paragraph(random)];
  if (random() < 0.5) parts.push(`### ${pick(random, words.THEMES)}`, paragraph(random), list(random, random() < 0.5));
  return parts.join('\n\n');
}

const FIXED_SLUG_KINDS: ReadonlySet<SectionKind> = new Set(['dinh-huong', 'thoi-su', 'van-ban-moi', 'hoi-dap']);

interface SectionPlan {
  order: number;
  kind: SectionKind;
  title: string;
  slug: string;
  image?: string;
}

/** The kinds of a month's sections: orientation and news first, then a choice rotating with the calendar. */
function sectionKinds(key: MonthKey, random: Random): SectionKind[] {
  const monthIndex = key.year * 12 + key.month;
  const rest = SECTION_KINDS.filter((kind) => kind !== 'dinh-huong' && kind !== 'thoi-su');
  const count = between(random, 3, 6);
  const chosen = times(count, (index) => rest[(monthIndex * 3 + index) % rest.length] as SectionKind);
  return ['dinh-huong', 'thoi-su', ...new Set(chosen)];
}

function sectionTitle(kind: SectionKind, key: MonthKey, random: Random): string {
  const theme = pick(random, words.THEMES);
  switch (kind) {
    case 'dinh-huong':
      return `Định hướng tuyên truyền tháng ${key.month} năm ${key.year}`;
    case 'thoi-su':
      return `Tình hình thời sự tháng ${key.month} năm ${key.year}`;
    case 'ky-niem':
      return `Kỷ niệm ${words.OCCASIONS[key.month] ?? 'ngày lễ lớn'}`;
    case 'van-ban-moi':
      return `Giới thiệu văn bản mới tháng ${key.month}`;
    case 'hoi-dap':
      return 'Hỏi đáp về công tác đảng ở cơ sở';
    case 'guong-dien-hinh':
      return `Gương điển hình: ${pick(random, words.PEOPLE)} ở ${pick(random, words.PLACES)}`;
    default:
      return `${theme}`;
  }
}

function sectionBody(
  plan: SectionPlan,
  key: MonthKey,
  random: Random,
  links: { previousMonth?: string; topicYear: number },
): string {
  const blocks: string[] = [paragraph(random)];
  switch (plan.kind) {
    case 'thoi-su':
      blocks.push(block(random, 'Trong nước'), block(random, 'Quốc tế'));
      blocks.push(
        `## Kết quả của tỉnh\n\n${paragraph(random)}\n\n${indicatorTable(random, key.year)}\n\n*Số liệu tổng hợp, có thể được điều chỉnh trong báo cáo chính thức.*`,
      );
      break;
    case 'van-ban-moi':
      blocks.push(
        `## Danh mục văn bản\n\n${documentTable(random, key)}`,
        block(random, 'Những điểm chi bộ cần lưu ý'),
        list(random, true),
      );
      break;
    case 'hoi-dap': {
      const first = between(random, 0, words.FAQ_QUESTIONS.length - 1);
      for (let index = 0; index < 3; index += 1) {
        const question = words.FAQ_QUESTIONS[(first + index) % words.FAQ_QUESTIONS.length] ?? '';
        blocks.push(`## ${question}\n\n${paragraph(random)}`);
      }
      break;
    }
    case 'guong-dien-hinh':
    case 'ky-niem':
    case 'hoc-tap-bac':
      blocks.push(block(random, plan.kind === 'hoc-tap-bac' ? 'Câu chuyện' : 'Ý nghĩa'));
      if (plan.image)
        blocks.push(`![${pick(random, words.IMAGE_SUBJECTS)} ${pick(random, words.PLACES)}](${plan.image})`);
      blocks.push(`> ${pick(random, words.SAYINGS)}`, block(random, 'Bài học cho đảng viên'));
      break;
    default:
      blocks.push(block(random, pick(random, words.THEMES)), block(random, 'Nhiệm vụ, giải pháp'));
  }
  if (plan.kind === 'dinh-huong') {
    const see = links.previousMonth ? `[tài liệu tháng trước](/thang/${links.previousMonth}/) và ` : '';
    blocks.push(`Xem thêm ${see}[chuyên đề năm ${links.topicYear}](/chuyen-de/${links.topicYear}/).`);
  }
  if (random() < 0.2) blocks.push(`Nội dung này cần được vận dụng linh hoạt[^1].\n\n[^1]: ${sentence(random)}`);
  return blocks.join('\n\n');
}

/** A minimal valid one-page PDF with a few ASCII lines (attachments need real bytes). */
export function minimalPdf(lines: readonly string[]): string {
  const ascii = (text: string) =>
    text
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/[()\\]/g, '');
  const stream = ['BT', '/F1 12 Tf', '72 770 Td', '16 TL', ...lines.map((line) => `(${ascii(line)}) '`), 'ET'].join(
    '\n',
  );
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(out.length);
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return out;
}

/** The months of the archive, oldest first. */
export function archiveMonths(endMonth: string, count: number): MonthKey[] {
  const end = parseMonthKey(endMonth);
  if (!end) throw new Error(`Not a month: ${endMonth}`);
  return times(count, (index) => {
    const total = end.year * 12 + (end.month - 1) - (count - 1 - index);
    return { year: Math.floor(total / 12), month: (total % 12) + 1 };
  });
}

function frontmatter(fields: ReadonlyArray<readonly [string, string | undefined]>): string {
  const lines = fields
    .filter(([, value]) => value !== undefined)
    .map(([name, value = '']) => `${name}:${value.startsWith('\n') ? '' : ' '}${value}`);
  return `---\n${lines.join('\n')}\n---\n`;
}

const yamlList = (items: readonly string[]): string => `\n${items.map((item) => `  - ${quote(item)}`).join('\n')}`;

/** The day before the month begins, minus a few days: when an issue is released. */
function releaseDate(key: MonthKey): string {
  const previous = key.month === 1 ? { year: key.year - 1, month: 12 } : { year: key.year, month: key.month - 1 };
  return `${formatMonthKey(previous)}-28`;
}

/** The sections a month will have: kind, title, slug and whether it shows a photo. */
function sectionPlans(key: MonthKey, random: Random): SectionPlan[] {
  return sectionKinds(key, random).map((kind, position) => {
    const title = sectionTitle(kind, key, random);
    // Fixed titles get the kind as slug; titles that already start with the kind's words keep theirs.
    const slugBase = FIXED_SLUG_KINDS.has(kind)
      ? kind
      : kind === 'ky-niem' || kind === 'guong-dien-hinh'
        ? toSlug(title)
        : `${kind}-${toSlug(title)}`;
    const order = position + 1;
    const withImage = (kind === 'guong-dien-hinh' || kind === 'ky-niem') && random() < 0.7;
    return {
      order,
      kind,
      title,
      slug: slugBase.slice(0, 60).replace(/-+$/, ''),
      ...(withImage ? { image: `./images/anh-${order}.jpg` } : {}),
    };
  });
}

/** What a month's index lists besides its text: attachments and, now and then, a correction. */
interface IssueExtras {
  attachments: { title: string; file: string }[];
  corrections: { date: string; text: string }[];
}

function issueExtras(month: string, random: Random): IssueExtras {
  const attachments = times(between(random, 0, 2), (position) => {
    const number = between(random, 1, 99);
    return {
      title: `Hướng dẫn số ${number}-HD/BTGDVTU về ${pick(random, words.OBJECTS)}`,
      file: `./files/huong-dan-${number}-${position + 1}.pdf`,
    };
  });
  const corrections =
    random() < 0.12 ? [{ date: `${month}-0${between(random, 5, 9)}`, text: `Mục thời sự: ${sentence(random)}` }] : [];
  return { attachments, corrections };
}

/** The front matter of a month's index.mdx. */
function issueFrontmatter(
  key: MonthKey,
  plans: readonly SectionPlan[],
  extras: IssueExtras,
  province: string,
  status: 'draft' | 'published',
  random: Random,
): string {
  const month = formatMonthKey(key);
  const { attachments, corrections } = extras;
  return frontmatter([
    ['title', quote(`Tài liệu sinh hoạt chi bộ tháng ${key.month} năm ${key.year}`)],
    ['month', quote(month)],
    [
      'summary',
      quote(
        `${plans
          .slice(2)
          .map((plan) => plan.title)
          .join('; ')}; thời sự và định hướng tuyên truyền tháng ${key.month}.`,
      ),
    ],
    ['issuer', quote(`Ban Tuyên giáo và Dân vận Tỉnh uỷ ${province}`)],
    ['status', status],
    ['publishDate', releaseDate(key)],
    ['topic', String(key.year)],
    [
      'cover',
      `{ src: "./images/bia.jpg", alt: ${quote(`Bìa tài liệu sinh hoạt chi bộ tháng ${key.month} năm ${key.year}: những hình khối màu trên nền trơn`)} }`,
    ],
    [
      'agenda',
      yamlList([
        ...new Set(
          times(between(random, 4, 7), () => capitalise(`${pick(random, words.VERBS)} ${pick(random, words.OBJECTS)}`)),
        ),
      ]),
    ],
    [
      'questions',
      yamlList([
        ...new Set(
          times(
            between(random, 3, 5),
            () => `${capitalise(pick(random, words.OBJECTS))} ở địa phương mình cần làm gì thêm?`,
          ),
        ),
      ]),
    ],
    [
      'attachments',
      attachments.length
        ? `\n${attachments.map((item) => `  - { title: ${quote(item.title)}, file: ${quote(item.file)} }`).join('\n')}`
        : '[]',
    ],
    [
      'corrections',
      corrections.length
        ? `\n${corrections.map((item) => `  - { date: ${item.date}, text: ${quote(item.text)} }`).join('\n')}`
        : undefined,
    ],
  ]);
}

/** A section's .mdx file and, when it shows one, its photo. */
function sectionFiles(
  plan: SectionPlan,
  dir: string,
  key: MonthKey,
  random: Random,
  previousMonth: string | undefined,
): GeneratedFile[] {
  const head = frontmatter([
    ['title', quote(plan.title)],
    ['order', String(plan.order)],
    ['kind', plan.kind],
    ['summary', random() < 0.8 ? quote(sentence(random)) : undefined],
  ]);
  const body = sectionBody(plan, key, random, { ...(previousMonth ? { previousMonth } : {}), topicYear: key.year });
  const files: GeneratedFile[] = [
    { kind: 'text', path: `${dir}/${pad2(plan.order)}-${plan.slug}.mdx`, text: `${head}\n${body}\n` },
  ];
  if (plan.image) {
    files.push({
      kind: 'image',
      path: `${dir}/${plan.image.slice(2)}`,
      width: 800,
      height: 500,
      hue: between(random, 0, 359),
      shapes: between(random, 2, 6),
    });
  }
  return files;
}

/** Every file of one month: index, cover, attachments, sections and their photos. */
function monthFiles(
  key: MonthKey,
  index: number,
  options: ArchiveOptions,
  status: 'draft' | 'published',
): GeneratedFile[] {
  const month = formatMonthKey(key);
  const random = randomFor(options.seed, `month:${month}`);
  const province = words.PROVINCES[options.seed % words.PROVINCES.length] ?? 'Sơn Lâm';
  const dir = `thang/${month}`;
  const plans = sectionPlans(key, random);
  const extras = issueExtras(month, random);
  const head = issueFrontmatter(key, plans, extras, province, status, random);
  const files: GeneratedFile[] = [
    { kind: 'text', path: `${dir}/index.mdx`, text: `${head}\n${paragraph(random)}\n\n${paragraph(random)}\n` },
    {
      kind: 'image',
      path: `${dir}/images/bia.jpg`,
      width: 960,
      height: 540,
      hue: between(random, 0, 359),
      shapes: between(random, 3, 7),
    },
    ...extras.attachments.map((item): GeneratedFile => ({
      kind: 'pdf',
      path: `${dir}/${item.file.slice(2)}`,
      text: minimalPdf([item.title, `Thang ${key.month}/${key.year}`]),
    })),
  ];
  const previousMonth = index > 0 ? formatMonthKey(archiveMonths(month, 2)[0] as MonthKey) : undefined;
  for (const plan of plans) files.push(...sectionFiles(plan, dir, key, random, previousMonth));
  return files;
}

function topicFiles(year: number, options: ArchiveOptions): GeneratedFile[] {
  const random = randomFor(options.seed, `topic:${year}`);
  const theme = pick(random, words.THEMES);
  const files: GeneratedFile[] = [];
  const head = frontmatter([
    ['title', quote(`Chuyên đề năm ${year}: ${theme} theo tư tưởng, đạo đức, phong cách Hồ Chí Minh`)],
    ['year', String(year)],
    ['summary', quote(sentence(random))],
    ['status', 'published'],
    ['publishDate', `${year}-01-15`],
  ]);
  files.push({
    kind: 'text',
    path: `chuyen-de/${year}/index.mdx`,
    text: `${head}\n${paragraph(random)}\n\n${paragraph(random)}\n`,
  });
  const names = ['Phần thứ nhất', 'Phần thứ hai', 'Phần thứ ba'];
  names.forEach((name, position) => {
    const partTheme = words.THEMES[(hashString(`${year}:${position}`) + position) % words.THEMES.length] ?? theme;
    const partHead = frontmatter([
      ['title', quote(`${name}: ${partTheme}`)],
      ['order', String(position + 1)],
    ]);
    const body = [
      paragraph(random),
      block(random, pick(random, words.THEMES)),
      `> ${pick(random, words.SAYINGS)}`,
      block(random, 'Vận dụng ở chi bộ'),
    ].join('\n\n');
    files.push({
      kind: 'text',
      path: `chuyen-de/${year}/${pad2(position + 1)}-phan-${position + 1}-${toSlug(partTheme)}.mdx`,
      text: `${partHead}\n${body}\n`,
    });
  });
  return files;
}

function guideFile(key: MonthKey, options: ArchiveOptions): GeneratedFile {
  const random = randomFor(options.seed, `guide:${formatMonthKey(key)}`);
  const theme = pick(random, words.THEMES);
  const quarter = Math.ceil(key.month / 3);
  const head = frontmatter([
    ['title', quote(`Bác Hồ và bài học ${theme.toLowerCase()}`)],
    ['summary', quote(sentence(random))],
    ['status', 'published'],
    ['publishDate', `${formatMonthKey(key)}-10`],
    ['topic', String(key.year)],
    [
      'questions',
      yamlList(times(3, () => `${capitalise(pick(random, words.OBJECTS))} cần làm gì để học tập và làm theo Bác?`)),
    ],
  ]);
  const body = [
    block(random, 'Câu chuyện'),
    `> ${pick(random, words.SAYINGS)}`,
    block(random, 'Bài học cho đảng viên hôm nay'),
    list(random, true),
  ].join('\n\n');
  return {
    kind: 'text',
    path: `hoc-tap-bac/${toSlug(theme)}-${key.year}-quy-${quarter}.mdx`,
    text: `${head}\n${body}\n`,
  };
}

/** The meeting-quality criteria file (content/tieu-chi/), with invented items in two groups. */
function criteriaFile(options: ArchiveOptions): GeneratedFile {
  const random = randomFor(options.seed, 'criteria');
  const group = (id: string, title: string) => {
    const items = [
      ...new Set(times(4, () => `${capitalise(pick(random, words.VERBS))} ${pick(random, words.OBJECTS)}`)),
    ];
    return [
      `  - id: ${id}`,
      `    title: ${quote(title)}`,
      '    items:',
      ...items.flatMap((text, index) => [
        `      - id: ${id}-${index + 1}`,
        `        text: ${quote(text)}`,
        `        points: ${between(random, 1, 3)}`,
      ]),
    ].join('\n');
  };
  const bands = [
    [80, 'Tốt'],
    [50, 'Đạt'],
    [0, 'Chưa đạt'],
  ] as const;
  const text = [
    `title: ${quote('Phiếu tự đánh giá chất lượng buổi sinh hoạt chi bộ')}`,
    `intro: ${quote(sentence(random))}`,
    'groups:',
    group('chuan-bi', 'Chuẩn bị'),
    group('dieu-hanh', 'Điều hành'),
    'bands:',
    ...bands.flatMap(([min, label]) => [
      `  - min: ${min}`,
      `    label: ${quote(label)}`,
      `    advice: ${quote(sentence(random))}`,
    ]),
  ].join('\n');
  return { kind: 'text', path: 'tieu-chi/chat-luong-sinh-hoat.yaml', text: `${text}\n` };
}

/** Generates the whole archive: months (oldest first), a topic per year, a guide per quarter, the criteria. */
export function generateArchive(options: ArchiveOptions): GeneratedFile[] {
  if (!Number.isInteger(options.months) || options.months < 1)
    throw new Error(`months must be a positive integer: ${options.months}`);
  const months = archiveMonths(options.endMonth, options.months);
  const files: GeneratedFile[] = [];
  months.forEach((key, index) => files.push(...monthFiles(key, index, options, 'published')));
  const years = new Set(months.map((key) => key.year));
  if (options.draftNext) {
    const last = months[months.length - 1] as MonthKey;
    const next = last.month === 12 ? { year: last.year + 1, month: 1 } : { year: last.year, month: last.month + 1 };
    years.add(next.year);
    files.push(...monthFiles(next, months.length, options, 'draft'));
  }
  for (const year of years) files.push(...topicFiles(year, options));
  for (const key of months) if (key.month % 3 === 1) files.push(guideFile(key, options));
  files.push(criteriaFile(options));
  return files;
}
