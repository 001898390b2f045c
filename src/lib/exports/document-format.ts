/**
 * The Party document format of PRODUCT.md, as numbers shared by the PDF, the Word files and the
 * printable page: A4, margins top/bottom 20 mm, left 30 mm, right 15 mm, a serif at 13–14 pt.
 */

/** Page margins in millimetres (print.css uses the same: 20mm 15mm 20mm 30mm). */
export const PAGE_MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;

/** A4 in millimetres. */
export const A4_MM = { width: 210, height: 297 } as const;

/** Body text size of the PDF, in points (Noto Serif runs large, so the low end of 13–14 pt). */
export const PDF_BODY_SIZE_PT = 13;

/** Body text size of the Word files, in points (Times New Roman, as official documents use). */
export const DOCX_BODY_SIZE_PT = 14;

/** Width of the text block in millimetres. */
export const TEXT_WIDTH_MM = A4_MM.width - PAGE_MARGINS_MM.left - PAGE_MARGINS_MM.right;

/** Print resolution images are resized to for the PDF and Word files: sharp on paper, a fraction of a photo's bytes. */
export const PRINT_IMAGE_DPI = 200;

/** The largest pixel size an image needs in the PDF and Word files: the text block at PRINT_IMAGE_DPI. */
export const PRINT_IMAGE_MAX_PX = {
  width: Math.round((TEXT_WIDTH_MM / 25.4) * PRINT_IMAGE_DPI),
  height: Math.round(((A4_MM.height - PAGE_MARGINS_MM.top - PAGE_MARGINS_MM.bottom) / 25.4) * PRINT_IMAGE_DPI),
} as const;

/**
 * Characters of text above which a month's section starts on a new page of the PDF and Word file:
 * about two printed pages at 13 pt (some 2,000 characters a page). Shorter sections run on, as the printable page does,
 * so a cell printing twenty copies prints fewer sheets.
 */
export const LONG_SECTION_CHARS = 4000;

/** Whether a section of `textLength` characters starts on a new page rather than running on. */
export function startsNewPage(textLength: number): boolean {
  return textLength > LONG_SECTION_CHARS;
}

/** An attachment as the PDF and Word files list it: enough to find and check the original. */
export interface AttachmentEntry {
  title: string;
  fileName: string;
  typeLabel: string;
  sizeLabel: string;
  sha256: string;
  /** Absolute address of the file on the site. */
  url: string;
}
