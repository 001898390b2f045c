/** Each public month's ZIP: /thang/YYYY-MM/tai-lieu-sinh-hoat-chi-bo-YYYY-MM.zip (rendered once, cached by content). */
import { monthExportRoute } from '../../../exports/files.ts';

export const { getStaticPaths, GET } = monthExportRoute('zip');
