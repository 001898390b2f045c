/**
 * The public URLs of PRODUCT.md, built in one place. Every link the site prints comes from here.
 */
import { slugFromFileName } from './slugs.ts';

/** Section slugs a month cannot use, because the month's own pages live there. */
export const RESERVED_MONTH_SLUGS: readonly string[] = ['in', 'files', 'images'];

export const routes = {
  home: () => '/',
  archive: () => '/thang/',
  month: (month: string) => `/thang/${month}/`,
  section: (month: string, slug: string) => `/thang/${month}/${slug}/`,
  print: (month: string) => `/thang/${month}/in/`,
  monthPdf: (month: string) => `/thang/${month}/tai-lieu-sinh-hoat-chi-bo-${month}.pdf`,
  monthDocx: (month: string) => `/thang/${month}/tai-lieu-sinh-hoat-chi-bo-${month}.docx`,
  attachment: (month: string, fileName: string) => `/thang/${month}/files/${fileName}`,
  topics: () => '/chuyen-de/',
  topic: (year: string | number) => `/chuyen-de/${year}/`,
  topicPart: (year: string | number, slug: string) => `/chuyen-de/${year}/${slug}/`,
  guides: () => '/hoc-tap-bac/',
  guide: (slug: string) => `/hoc-tap-bac/${slug}/`,
  search: () => '/tim-kiem/',
  feed: () => '/rss.xml',
} as const;

/** The page URLs that a set of content file paths will produce (for link checks). */
export function contentRoutes(contentPaths: readonly string[]): Set<string> {
  const urls = new Set<string>([routes.home(), routes.archive(), routes.topics(), routes.guides(), routes.search(), routes.feed()]);
  for (const path of contentPaths) {
    const [, area, folder = '', fileName] = path.split('/');
    if (area === 'thang' && fileName === 'index.mdx') {
      urls.add(routes.month(folder)).add(routes.print(folder)).add(routes.monthPdf(folder)).add(routes.monthDocx(folder));
    } else if (area === 'thang' && fileName) urls.add(routes.section(folder, slugFromFileName(fileName)));
    else if (area === 'chuyen-de' && fileName === 'index.mdx') urls.add(routes.topic(folder));
    else if (area === 'chuyen-de' && fileName) urls.add(routes.topicPart(folder, slugFromFileName(fileName)));
    else if (area === 'hoc-tap-bac' && !fileName) urls.add(routes.guide(slugFromFileName(folder)));
  }
  return urls;
}
