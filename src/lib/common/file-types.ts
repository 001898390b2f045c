import { t, type MessageKey } from '../../i18n/vi.ts';

const TYPES: Record<string, { mimeType: string; label: MessageKey }> = {
  pdf: { mimeType: 'application/pdf', label: 'download.type.pdf' },
  docx: {
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'download.type.docx',
  },
  doc: { mimeType: 'application/msword', label: 'download.type.doc' },
  xlsx: { mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'download.type.xlsx' },
  xls: { mimeType: 'application/vnd.ms-excel', label: 'download.type.xls' },
  pptx: {
    mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    label: 'download.type.pptx',
  },
  ppt: { mimeType: 'application/vnd.ms-powerpoint', label: 'download.type.ppt' },
  odt: { mimeType: 'application/vnd.oasis.opendocument.text', label: 'download.type.odt' },
  ods: { mimeType: 'application/vnd.oasis.opendocument.spreadsheet', label: 'download.type.ods' },
  odp: { mimeType: 'application/vnd.oasis.opendocument.presentation', label: 'download.type.odp' },
  jpg: { mimeType: 'image/jpeg', label: 'download.type.jpg' },
  jpeg: { mimeType: 'image/jpeg', label: 'download.type.jpg' },
  png: { mimeType: 'image/png', label: 'download.type.png' },
  webp: { mimeType: 'image/webp', label: 'download.type.webp' },
  mp3: { mimeType: 'audio/mpeg', label: 'download.type.mp3' },
  m4a: { mimeType: 'audio/mp4', label: 'download.type.m4a' },
  mp4: { mimeType: 'video/mp4', label: 'download.type.mp4' },
  zip: { mimeType: 'application/zip', label: 'download.type.zip' },
};

/** The type of a downloadable file from its name: extension, MIME type and Vietnamese label. */
export function describeFileType(fileName: string): { extension: string; mimeType: string; label: string } {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const known = TYPES[extension];
  return {
    extension,
    mimeType: known?.mimeType ?? 'application/octet-stream',
    label: known ? t(known.label) : t('download.type.other'),
  };
}
