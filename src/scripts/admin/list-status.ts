/**
 * The collection list's status words: Decap's summary templates cannot compare dates, so summaries
 * carry a marker (src/lib/admin/config.ts) that this observer turns into "Bản nháp", "Hẹn đăng …"
 * or "Đã đăng" as soon as Decap renders it.
 */
import { STATUS_MARKER, withStatusBadge } from '../../lib/admin/workflow.ts';

/** Rewrites every marked text node under `root`. */
function rewrite(root: Node): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeValue && STATUS_MARKER.test(node.nodeValue))
      node.nodeValue = withStatusBadge(node.nodeValue, new Date());
  }
}

/** Watches the editor for marked summaries for as long as the page lives. */
export function showStatusInLists(): void {
  rewrite(document.body);
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') rewrite(record.target);
      for (const node of record.addedNodes) rewrite(node);
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}
