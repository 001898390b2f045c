import { t } from '../../i18n/vi.ts';
import { routes } from '../content/routes.ts';

/** A download or print button. */
export interface DownloadLink {
  href: string;
  label: string;
  /** Type and size, e.g. "PDF, 1,2 MB". */
  detail?: string;
  mimeType?: string;
  download: boolean;
  primary: boolean;
}

/** A file the build made for a month (PDF, Word, ZIP) with its size already formatted. */
export interface ExportFile {
  format: 'pdf' | 'docx' | 'zip';
  href: string;
  mimeType: string;
  sizeLabel: string;
}

const LABELS = { pdf: 'download.pdf', docx: 'download.docx', zip: 'download.zip' } as const;
const TYPES = { pdf: 'download.type.pdf', docx: 'download.type.docx', zip: 'download.type.zip' } as const;

/** Download buttons for generated files, each with its type and size. */
export function fileDownloads(exports: readonly ExportFile[]): DownloadLink[] {
  return exports.map((file) => ({
    href: file.href,
    label: t(LABELS[file.format]),
    detail: `${t(TYPES[file.format])}, ${file.sizeLabel}`,
    mimeType: file.mimeType,
    download: true,
    primary: false,
  }));
}

/** The buttons of a monthly issue: print first, then the files that exist. */
export function monthDownloads(month: string, exports: readonly ExportFile[]): DownloadLink[] {
  return [
    { href: routes.print(month), label: t('month.print'), download: false, primary: true },
    ...fileDownloads(exports),
  ];
}
