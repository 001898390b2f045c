/** The local-part insert of each shown month, as Word: /thang/YYYY-MM/phan-thong-tin-dia-phuong-YYYY-MM.docx (rendered once, cached by content). */
import { kitExportRoute } from '../../../exports/files.ts';
import { keyedRoute, readsOfKit } from '../../../path-keys.ts';

export const { getStaticPaths, GET } = keyedRoute(
  'thang/[month]/kit-localPart',
  kitExportRoute('localPart'),
  readsOfKit,
);
