/** Asset files that no emitted page, stylesheet or script refers to. */
export function findOrphanAssets(assetNames: readonly string[], referringTexts: Iterable<string>): string[] {
  const unseen = new Set(assetNames);
  for (const text of referringTexts) {
    for (const name of unseen) if (text.includes(name)) unseen.delete(name);
    if (unseen.size === 0) break;
  }
  return [...unseen].sort();
}
