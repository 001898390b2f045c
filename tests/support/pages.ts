/** One page of every kind the sample content has, for browser tests that visit them all. */
export const PAGE_KINDS = [
  ['home', '/'],
  ['archive', '/thang/'],
  ['monthly issue', '/thang/2026-11/'],
  ['section', '/thang/2026-11/thoi-su/'],
  ['printable month', '/thang/2026-11/in/'],
  ['topics', '/chuyen-de/'],
  ['topic', '/chuyen-de/2026/'],
  ['topic part', '/chuyen-de/2026/loi-day-cua-bac-ve-cong-tac-dan-van/'],
  ['guides', '/hoc-tap-bac/'],
  ['guide', '/hoc-tap-bac/bac-ho-quy-trong-thoi-gian/'],
  ['search', '/tim-kiem/'],
  ['not found', '/404.html'],
  ['offline', '/ngoai-tuyen/'],
] as const;

/** The meeting-kit pages of the newest sample month. */
export const KIT_PAGES = [
  ['run sheet', '/thang/2026-11/ke-hoach/'],
  ['checklist', '/thang/2026-11/tu-danh-gia/'],
  ['local part', '/thang/2026-11/phan-dia-phuong/'],
  ['thematic guide', '/thang/2026-11/sinh-hoat-chuyen-de/'],
] as const;

/** A kind's path by its name. */
export function pageOf(name: (typeof PAGE_KINDS)[number][0]): string {
  const found = PAGE_KINDS.find(([kind]) => kind === name);
  if (!found) throw new Error(`no page kind ${name}`);
  return found[1];
}
