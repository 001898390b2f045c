/**
 * Publishable items as the draft rule sees them: which item a content path belongs to, and the
 * glob patterns that leave a draft with errors out of the collections (src/content.config.ts).
 */

/** The publishable item a path belongs to: a month or topic folder, or a guide's file. */
export function itemOf(path: string): { key: string; index: string } | null {
  const folder = /^content\/(?:thang|chuyen-de)\/[^/]+\//.exec(path)?.[0];
  if (folder) return { key: folder, index: `${folder}index.mdx` };
  if (/^content\/hoc-tap-bac\/[^/]+\.mdx$/.test(path)) return { key: path, index: path };
  return null;
}

/** Glob patterns that leave the drafts out of one collection area ("thang", "chuyen-de", "hoc-tap-bac"). */
export function leaveOutPatterns(leftOut: readonly string[], area: string): string[] {
  const prefix = `content/${area}/`;
  return leftOut
    .filter((key) => key.startsWith(prefix))
    .map((key) => `!${key.slice(prefix.length)}${key.endsWith('/') ? '**' : ''}`);
}
