/** The minutes template of each shown month, as Word: /thang/YYYY-MM/bien-ban-sinh-hoat-chi-bo-YYYY-MM.docx (rendered once, cached by content). */
import { kitExportRoute } from '../../../exports/files.ts';
import { keyedRoute, readsOfKit } from '../../../path-keys.ts';

export const { getStaticPaths, GET } = keyedRoute('thang/[month]/kit-minutes', kitExportRoute('minutes'), readsOfKit);
