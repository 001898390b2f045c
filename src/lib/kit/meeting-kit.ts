/**
 * The meeting kit of a monthly issue: which pages and files it has, and the links the month page
 * and the kit pages show between them.
 */
import { t } from '../../i18n/vi.ts';
import { routes } from '../content/routes.ts';
import { parseMonthKey } from '../common/month-key.ts';
import { monthLabel } from '../content/breadcrumbs.ts';

/** A page or file of the kit. */
export interface KitLink {
  id: 'plan' | 'localPart' | 'minutes' | 'checklist' | 'thematic';
  href: string;
  label: string;
  description: string;
  /** Word files are downloads. */
  download: boolean;
  /** A second form of the same item (the local part's Word file). */
  alternate?: { href: string; label: string };
}

/** What a month's kit holds beyond the pages every month gets. */
export interface KitContents {
  /** The month has a `chuyen-de` section. */
  thematic: boolean;
  /** The criteria data exists, so the checklist can be built. */
  checklist: boolean;
}

/** The kit of a month, in the order a secretary uses it; the local part follows the provincial material. */
export function meetingKitLinks(month: string, contents: KitContents): KitLink[] {
  const links: KitLink[] = [
    {
      id: 'plan',
      href: routes.kitPlan(month),
      label: t('kit.plan'),
      description: t('kit.plan.description'),
      download: false,
    },
  ];
  if (contents.thematic) {
    links.push({
      id: 'thematic',
      href: routes.kitThematic(month),
      label: t('kit.thematic'),
      description: t('kit.thematic.description'),
      download: false,
    });
  }
  links.push(
    {
      id: 'localPart',
      href: routes.kitLocalPart(month),
      label: t('kit.localPart'),
      description: t('kit.localPart.description'),
      download: false,
      alternate: { href: routes.kitLocalPartDocx(month), label: t('kit.word') },
    },
    {
      id: 'minutes',
      href: routes.kitMinutesDocx(month),
      label: t('kit.minutes'),
      description: t('kit.minutes.description'),
      download: true,
    },
  );
  if (contents.checklist) {
    links.push({
      id: 'checklist',
      href: routes.kitChecklist(month),
      label: t('kit.checklist'),
      description: t('kit.checklist.description'),
      download: false,
    });
  }
  return links;
}

/** "tháng 11 năm 2026", as titles of kit documents say it. */
export function monthInWords(month: string): string {
  const key = parseMonthKey(month);
  return key ? t('month.long', { month: key.month, year: key.year }) : month;
}

/** The link of one kit page of a month; a page asks only for a link its month has. */
export function kitLinkOf(links: readonly KitLink[], id: KitLink['id']): KitLink {
  const link = links.find((candidate) => candidate.id === id);
  if (!link) throw new Error(`The kit of this month has no ${id} page`);
  return link;
}

/** The title of a kit page (the checklist's comes from its criteria file). */
export function kitPageTitle(id: 'plan' | 'localPart' | 'thematic', month: string): string;
export function kitPageTitle(id: 'checklist', month: string, criteriaTitle: string): string;
export function kitPageTitle(
  id: 'plan' | 'localPart' | 'thematic' | 'checklist',
  month: string,
  criteriaTitle = '',
): string {
  switch (id) {
    case 'plan':
      return t('plan.title', { month: monthInWords(month) });
    case 'thematic':
      return t('thematic.title', { month: monthInWords(month) });
    case 'localPart':
      return `${t('kit.localPart')} (${monthLabel(month)})`;
    case 'checklist':
      return t('checklist.title', { title: criteriaTitle, month: monthLabel(month).toLowerCase() });
  }
}
