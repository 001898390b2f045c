/** Each public month's ZIP: /thang/YYYY-MM/tai-lieu-sinh-hoat-chi-bo-YYYY-MM.zip (rendered once, cached by content). */
import { monthExportRoute } from '../../../exports/files.ts';
import { keyedRoute, readsOfIssue } from '../../../path-keys.ts';

export const { getStaticPaths, GET } = keyedRoute('thang/[month]/zip', monthExportRoute('zip'), readsOfIssue);
