import { t, type MessageKey } from '../../i18n/vi.ts';

/** The kinds of section a monthly issue may hold, in the order the contract lists them. */
export const SECTION_KINDS = [
  'dinh-huong',
  'ky-niem',
  'chuyen-de',
  'hoc-tap-bac',
  'guong-dien-hinh',
  'thoi-su',
  'bao-ve-nen-tang',
  'van-ban-moi',
  'hoi-dap',
] as const;

/** A section kind. */
export type SectionKind = (typeof SECTION_KINDS)[number];

/** The publishing statuses an item may have. */
export const STATUSES = ['draft', 'published'] as const;

/** A publishing status. */
export type Status = (typeof STATUSES)[number];

/** The Vietnamese label of a section kind. */
export function sectionKindLabel(kind: SectionKind): string {
  return t(`section.${kind}` satisfies MessageKey);
}

/** The Vietnamese label of a status. */
export function statusLabel(status: Status): string {
  return t(`status.${status}` satisfies MessageKey);
}
