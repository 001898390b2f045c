import { describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import {
  buildAdminSetup,
  EDITOR_SCHEMAS,
  editableMonths,
  editableTopicYears,
  type EditorField,
} from '../../../src/lib/admin/config.ts';
import type { ContentKind } from '../../../src/lib/check/content.ts';

const NOW = new Date('2026-11-28T20:00:00+07:00');
const setup = buildAdminSetup({
  now: NOW,
  months: ['2026-09', '2026-10', '2026-11', '2026-12'],
  topicYears: ['2026'],
  backend: { name: 'github', repo: 'owner/repo', branch: 'main' },
});

/** Every field path of a Zod object schema, nested objects and lists of objects included. */
function schemaPaths(schema: z.ZodType, prefix = ''): string[] {
  type Def = {
    type: string;
    innerType?: z.ZodType;
    in?: z.ZodType;
    out?: z.ZodType;
    element?: z.ZodType;
    shape?: Record<string, z.ZodType>;
  };
  const def = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;
  let inner = schema;
  for (;;) {
    const d = def(inner);
    if ((d.type === 'optional' || d.type === 'default') && d.innerType) inner = d.innerType;
    else if (d.type === 'pipe' && d.in && d.out) inner = def(d.in).type === 'transform' ? d.out : d.in;
    else if (d.type === 'array' && d.element) inner = d.element;
    else break;
  }
  const shape = def(inner).shape;
  if (!shape) return [];
  return Object.entries(shape).flatMap(([name, field]) => {
    const path = prefix ? `${prefix}.${name}` : name;
    return [path, ...schemaPaths(field, path)];
  });
}

/** Every field path of Decap fields; the Markdown body is not a frontmatter field. */
function editorPaths(fields: readonly EditorField[], prefix = ''): string[] {
  return fields
    .filter((field) => !(prefix === '' && field.name === 'body'))
    .flatMap((field) => {
      const path = prefix ? `${prefix}.${field.name}` : field.name;
      return [path, ...editorPaths(field.fields ?? [], path)];
    });
}

const kindOfCollection = (folder: string): ContentKind => {
  const kind = setup.entryKinds[folder];
  if (!kind) throw new Error(`no kind for ${folder}`);
  return kind;
};

describe('web editor configuration generated from the schemas', () => {
  describe.each(setup.config.collections.map((collection) => [collection.name, collection] as const))(
    '%s',
    (_name, collection) => {
      const schema = EDITOR_SCHEMAS[kindOfCollection(collection.folder)];

      it('has an editor field for every schema field and no other', () => {
        expect(editorPaths(collection.fields).sort()).toEqual(schemaPaths(schema).sort());
      });

      it('marks a field required exactly when the schema requires it', () => {
        const shape = (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
        for (const field of collection.fields.filter((item) => item.name !== 'body')) {
          const optional = shape[field.name]?.safeParse(undefined).success;
          expect([field.name, field.required !== false]).toEqual([field.name, !optional]);
        }
      });

      it('writes MDX files with a Markdown body', () => {
        expect(collection.extension).toBe('mdx');
        expect(collection.fields.at(-1)).toMatchObject({ name: 'body', widget: expect.stringMatching(/^markdown/) });
      });
    },
  );

  it('keeps status out of the editor menus: new items are drafts, Publish makes them public', () => {
    const months = setup.config.collections.find((collection) => collection.name === 'thang');
    expect(months?.fields.find((field) => field.name === 'status')).toMatchObject({
      widget: 'hidden',
      default: 'draft',
    });
    expect(setup.config.publish_mode).toBe('editorial_workflow');
  });

  it('offers the section kinds with their Vietnamese labels and stores dates as YYYY-MM-DD', () => {
    const sections = setup.config.collections.find((collection) => collection.name === 'thang-2026-12');
    expect(sections?.fields.find((field) => field.name === 'kind')?.options).toContainEqual({
      label: 'Thời sự trong nước, quốc tế, địa phương',
      value: 'thoi-su',
    });
    const months = setup.config.collections.find((collection) => collection.name === 'thang');
    expect(months?.fields.find((field) => field.name === 'publishDate')).toEqual({
      name: 'publishDate',
      label: 'Ngày phát hành',
      hint: expect.any(String),
      widget: 'ngay',
      format: 'YYYY-MM-DD',
    });
  });

  it('offers "Nhập từ tệp Word" on the bodies of one-document items only', () => {
    const bodyWidget = (name: string) =>
      setup.config.collections.find((collection) => collection.name === name)?.fields.at(-1)?.widget;
    expect(['thang-2026-12', 'chuyen-de-2026', 'hoc-tap-bac'].map(bodyWidget)).toEqual([
      'markdown-word',
      'markdown-word',
      'markdown-word',
    ]);
    expect(['thang', 'chuyen-de'].map(bodyWidget)).toEqual(['markdown', 'markdown']);
  });

  it('uploads images and attachments into the folder of the month', () => {
    const months = setup.config.collections.find((collection) => collection.name === 'thang');
    const cover = months?.fields.find((field) => field.name === 'cover');
    expect(cover?.fields?.find((field) => field.name === 'src')).toMatchObject({
      widget: 'image',
      media_folder: 'images',
      public_folder: './images',
    });
    const attachments = months?.fields.find((field) => field.name === 'attachments');
    expect(attachments?.fields?.find((field) => field.name === 'file')).toMatchObject({
      widget: 'file',
      media_folder: 'files',
      public_folder: './files',
    });
    expect(months).toMatchObject({
      folder: 'content/thang',
      slug: '{{fields.month}}',
      path: '{{slug}}/index',
      media_folder: 'images',
    });
  });

  it('names each collection folder with the kind of file it lists', () => {
    expect(setup.entryKinds).toMatchObject({
      'content/thang': 'monthlyIssue',
      'content/thang/2026-11': 'section',
      'content/chuyen-de': 'topic',
      'content/chuyen-de/2026': 'topicPart',
      'content/hoc-tap-bac': 'studyGuide',
    });
  });
});

describe('months and years that get a collection of their own', () => {
  /** The months from `first` to `last`, newest first. */
  const span = (first: string, last: string) => {
    const months: string[] = [];
    for (
      let [year, month] = last.split('-').map(Number) as [number, number];
      `${year}-${String(month).padStart(2, '0')}` >= first;
    ) {
      months.push(`${year}-${String(month).padStart(2, '0')}`);
      [year, month] = month === 1 ? [year - 1, 12] : [year, month - 1];
    }
    return months;
  };

  it.each([
    ['last month, this month and the year ahead', [], '2026-11-28T20:00:00+07:00', span('2026-10', '2027-11')],
    ['the month turns at midnight in Hà Nội', [], '2026-11-30T17:30:00Z', span('2026-11', '2027-12')],
    [
      'every existing month, however old',
      ['2019-03', '2026-11'],
      '2026-11-01T00:00:00+07:00',
      [...span('2026-10', '2027-11'), '2019-03'],
    ],
    [
      'ignores folders that are not months',
      ['ghi-chu', '2026-13'],
      '2026-11-01T00:00:00+07:00',
      span('2026-10', '2027-11'),
    ],
  ])('%s', (_name, existing, now, expected) => {
    expect(editableMonths(existing, new Date(now))).toEqual(expected);
  });

  it('keeps every month of a long archive', () => {
    const existing = Array.from(
      { length: 120 },
      (_, index) => `20${16 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`,
    );
    const months = editableMonths(existing, new Date('2026-12-15T00:00:00+07:00'));
    expect(months).toEqual(expect.arrayContaining(existing));
    expect(months.at(-1)).toBe('2016-01');
    expect(months[0]).toBe('2027-12');
  });

  it('gives topic parts to existing years, this year and next year', () => {
    expect(editableTopicYears(['2025', 'nhap'], NOW)).toEqual(['2027', '2026', '2025']);
  });
});
