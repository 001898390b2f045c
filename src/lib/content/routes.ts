/**
 * The public URLs of PRODUCT.md, built in one place. Every link the site prints comes from here.
 */
import { slugFromFileName } from '../common/slugs.ts';

/** Section slugs a month cannot use, because the month's own pages live there. */
export const RESERVED_MONTH_SLUGS: readonly string[] = [
  'in',
  'files',
  'images',
  'ke-hoach',
  'phan-dia-phuong',
  'tu-danh-gia',
  'sinh-hoat-chuyen-de',
];

export const routes = {
  home: () => '/',
  archive: () => '/thang/',
  month: (month: string) => `/thang/${month}/`,
  section: (month: string, slug: string) => `/thang/${month}/${slug}/`,
  print: (month: string) => `/thang/${month}/in/`,
  monthPdf: (month: string) => `/thang/${month}/tai-lieu-sinh-hoat-chi-bo-${month}.pdf`,
  monthDocx: (month: string) => `/thang/${month}/tai-lieu-sinh-hoat-chi-bo-${month}.docx`,
  /** "Tải tất cả": the month's PDF, Word file and attachments in one ZIP. */
  monthZip: (month: string) => `/thang/${month}/tai-lieu-sinh-hoat-chi-bo-${month}.zip`,
  attachment: (month: string, fileName: string) => `/thang/${month}/files/${fileName}`,
  // The meeting kit of a month (issue 8).
  kitPlan: (month: string) => `/thang/${month}/ke-hoach/`,
  kitLocalPart: (month: string) => `/thang/${month}/phan-dia-phuong/`,
  kitLocalPartDocx: (month: string) => `/thang/${month}/phan-thong-tin-dia-phuong-${month}.docx`,
  kitMinutesDocx: (month: string) => `/thang/${month}/bien-ban-sinh-hoat-chi-bo-${month}.docx`,
  kitChecklist: (month: string) => `/thang/${month}/tu-danh-gia/`,
  kitThematic: (month: string) => `/thang/${month}/sinh-hoat-chuyen-de/`,
  topics: () => '/chuyen-de/',
  topic: (year: string | number) => `/chuyen-de/${year}/`,
  topicPart: (year: string | number, slug: string) => `/chuyen-de/${year}/${slug}/`,
  topicPdf: (year: string | number) => `/chuyen-de/${year}/chuyen-de-${year}.pdf`,
  guides: () => '/hoc-tap-bac/',
  guide: (slug: string) => `/hoc-tap-bac/${slug}/`,
  guidePdf: (slug: string) => `/hoc-tap-bac/${slug}/hoc-tap-bac-${slug}.pdf`,
  search: () => '/tim-kiem/',
  /** Pagefind's bundle (search code and index), written by src/integrations/pagefind.ts. */
  searchBundle: () => '/pagefind/',
  feed: () => '/rss.xml',
  sitemap: () => '/sitemap-index.xml',
  offline: () => '/ngoai-tuyen/',
  offlineList: () => '/ngoai-tuyen.json',
  webManifest: () => '/manifest.webmanifest',
  appIcon: (name: string) => `/icons/${name}.png`,
  serviceWorker: () => '/sw.js',
  shareImage: (name: string) => `/anh-chia-se/${name}.png`,
} as const;

/** The page URLs that a set of content file paths will produce (for link checks). */
export function contentRoutes(contentPaths: readonly string[]): Set<string> {
  const urls = new Set<string>([
    routes.home(),
    routes.archive(),
    routes.topics(),
    routes.guides(),
    routes.search(),
    routes.feed(),
  ]);
  for (const path of contentPaths) {
    const [, area, folder = '', fileName] = path.split('/');
    if (area === 'thang' && fileName === 'index.mdx') {
      urls
        .add(routes.month(folder))
        .add(routes.print(folder))
        .add(routes.monthPdf(folder))
        .add(routes.monthDocx(folder))
        .add(routes.monthZip(folder));
      urls
        .add(routes.kitPlan(folder))
        .add(routes.kitLocalPart(folder))
        .add(routes.kitLocalPartDocx(folder))
        .add(routes.kitMinutesDocx(folder))
        .add(routes.kitChecklist(folder));
    } else if (area === 'thang' && fileName) urls.add(routes.section(folder, slugFromFileName(fileName)));
    else if (area === 'chuyen-de' && fileName === 'index.mdx')
      urls.add(routes.topic(folder)).add(routes.topicPdf(folder));
    else if (area === 'chuyen-de' && fileName) urls.add(routes.topicPart(folder, slugFromFileName(fileName)));
    else if (area === 'hoc-tap-bac' && !fileName)
      urls.add(routes.guide(slugFromFileName(folder))).add(routes.guidePdf(slugFromFileName(folder)));
  }
  return urls;
}
