/** Each public month's PDF: /thang/YYYY-MM/tai-lieu-sinh-hoat-chi-bo-YYYY-MM.pdf (rendered once, cached by content). */
import { monthExportRoute } from '../../../exports/files.ts';
import { keyedRoute, readsOfIssue } from '../../../path-keys.ts';

export const { getStaticPaths, GET } = keyedRoute('thang/[month]/pdf', monthExportRoute('pdf'), readsOfIssue);
