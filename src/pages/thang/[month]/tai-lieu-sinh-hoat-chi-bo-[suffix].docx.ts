/** Each public month's Word file: /thang/YYYY-MM/tai-lieu-sinh-hoat-chi-bo-YYYY-MM.docx (rendered once, cached by content). */
import { monthExportRoute } from '../../../exports/files.ts';

export const { getStaticPaths, GET } = monthExportRoute('docx');
