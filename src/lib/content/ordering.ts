/** Sorts by the `order` field, keeping the input untouched. */
export function byOrder<T extends { order: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.order - b.order);
}

/** The neighbours of item `index` in a reading order. */
export function neighbours<T>(items: readonly T[], index: number): { previous?: T; next?: T } {
  const result: { previous?: T; next?: T } = {};
  const previous = index > 0 ? items[index - 1] : undefined;
  const next = items[index + 1];
  if (previous !== undefined) result.previous = previous;
  if (next !== undefined) result.next = next;
  return result;
}
