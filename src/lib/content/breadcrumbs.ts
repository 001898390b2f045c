import { t } from '../../i18n/vi.ts';
import { routes } from './routes.ts';
import { parseMonthKey } from '../common/month-key.ts';

/** A labelled link: breadcrumbs, pager entries. */
export interface Crumb {
  href: string;
  label: string;
}

/** "Tháng 11/2026" from "2026-11". */
export function monthLabel(month: string): string {
  const key = parseMonthKey(month);
  return key ? t('month.name', { month: key.month, year: key.year }) : month;
}

/** Breadcrumbs for the month archive and its pages. */
export function monthCrumbs(month?: string, last?: Crumb): Crumb[] {
  const crumbs: Crumb[] = [
    { href: routes.home(), label: t('nav.home') },
    { href: routes.archive(), label: t('nav.months') },
  ];
  if (month) crumbs.push({ href: routes.month(month), label: monthLabel(month) });
  if (last) crumbs.push(last);
  return crumbs;
}

/** Breadcrumbs for topics and their parts. */
export function topicCrumbs(year?: string, last?: Crumb): Crumb[] {
  const crumbs: Crumb[] = [
    { href: routes.home(), label: t('nav.home') },
    { href: routes.topics(), label: t('nav.topics') },
  ];
  if (year) crumbs.push({ href: routes.topic(year), label: t('topic.year', { year }) });
  if (last) crumbs.push(last);
  return crumbs;
}

/** Breadcrumbs for study guides. */
export function guideCrumbs(last?: Crumb): Crumb[] {
  const crumbs: Crumb[] = [
    { href: routes.home(), label: t('nav.home') },
    { href: routes.guides(), label: t('nav.guides') },
  ];
  if (last) crumbs.push(last);
  return crumbs;
}
