/** Each public month's PDF: /thang/YYYY-MM/tai-lieu-sinh-hoat-chi-bo-YYYY-MM.pdf (rendered once, cached by content). */
import { monthExportRoute } from '../../../exports/files.ts';

export const { getStaticPaths, GET } = monthExportRoute('pdf');
