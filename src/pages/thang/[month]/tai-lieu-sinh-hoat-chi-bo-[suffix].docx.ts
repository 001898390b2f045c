/** Each public month's Word file: /thang/YYYY-MM/tai-lieu-sinh-hoat-chi-bo-YYYY-MM.docx (rendered once, cached by content). */
import { monthExportRoute } from '../../../exports/files.ts';
import { keyedRoute, readsOfIssue } from '../../../path-keys.ts';

export const { getStaticPaths, GET } = keyedRoute('thang/[month]/docx', monthExportRoute('docx'), readsOfIssue);
