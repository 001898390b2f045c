/**
 * Rules on the files of content/ themselves, whatever page uses them: no symlinks, no empty files,
 * attachments and images only of the types a cell can open and that run no code (judged by their
 * bytes, not their names), images that decode to the end and are not too heavy.
 */
import { t } from '../../i18n/vi.ts';
import { formatSize } from '../common/sizes.ts';
import type { ContentFile, Problem } from './problem.ts';
import { ATTACHMENT_TYPES, IMAGE_TYPES, describeSniffed, sniffType, truncation } from './sniff.ts';

/** Above this an image is refused: it would swell the page, the PDF, the Word file and the ZIP. */
export const IMAGE_MAX_BYTES = 20 * 1024 * 1024;
/** Above this an image is published with a warning to shrink it. */
export const IMAGE_WARN_BYTES = 5 * 1024 * 1024;

const TEXT_FILE = /\.(mdx|yaml)$/;
const extensionOf = (path: string) => /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';

/** Every problem of the non-page files, and of symlinks and empty files of any kind. */
export function checkFiles(files: readonly ContentFile[]): Problem[] {
  const problems: Problem[] = [];
  const error = (file: string, message: string, line?: number) =>
    problems.push({ severity: 'error', file, ...(line === undefined ? {} : { line }), message });
  for (const file of files) {
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    if (file.symlink) {
      error(file.path, t('error.symlink', { file: file.path }));
      continue;
    }
    if (TEXT_FILE.test(file.path)) {
      if (file.size === 0) error(file.path, t('error.emptyFile'), 1);
      continue;
    }
    if (file.size === 0) {
      error(file.path, t('error.fileEmpty', { file: name }));
      continue;
    }
    const inImages = file.path.includes('/images/');
    const allowed = (inImages ? IMAGE_TYPES : ATTACHMENT_TYPES)[extensionOf(name)];
    if (!allowed) {
      error(
        file.path,
        inImages
          ? t('error.imageType', { file: name })
          : t('error.fileType', { file: name, allowed: t('check.allowedFiles') }),
      );
      continue;
    }
    // Without its bytes (unit tests that give only sizes) the type cannot be judged.
    if (!file.head) continue;
    const actual = sniffType(file.head);
    if (actual !== allowed) {
      error(
        file.path,
        t('error.fileTypeMismatch', { file: name, extension: extensionOf(name), actual: describeSniffed(actual) }),
      );
      continue;
    }
    const broken = truncation(actual, file.size, file.head, file.tail ?? new Uint8Array());
    if (broken) error(file.path, t('error.imageBroken', { file: name, reason: broken }));
    if (['jpeg', 'png', 'webp'].includes(actual) && file.size > IMAGE_MAX_BYTES) {
      error(
        file.path,
        t('error.imageTooBig', { file: name, size: formatSize(file.size), limit: formatSize(IMAGE_MAX_BYTES) }),
      );
    }
  }
  return problems;
}
