import slugify from '@sindresorhus/slugify';

/** A URL slug in Vietnamese without diacritics: "Đổi mới nội dung" → "doi-moi-noi-dung". */
export function toSlug(text: string): string {
  // slugify already folds đ/Đ to d; NFC first so decomposed input folds the same way.
  return slugify(text.normalize('NFC'), { decamelize: false });
}

const ORDERED_FILE = /^(\d+)-(.+)\.mdx$/;

/** The page slug of a content file: "01-thoi-su.mdx" → "thoi-su"; "bac-ho.mdx" → "bac-ho". */
export function slugFromFileName(fileName: string): string {
  const base = fileName.split('/').pop() ?? fileName;
  const ordered = ORDERED_FILE.exec(base);
  if (ordered) return ordered[2] ?? '';
  return base.replace(/\.mdx$/, '');
}

/** True when a file name is already a clean slug, so its URL is predictable. */
export function isCleanSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug);
}
