/** File tasks over a built site or a bundle, a few at a time: awaiting them one by one left the disk idle. */
import pLimit from 'p-limit';

/** Runs a file task for each item, sixteen at a time; results come back in the items' order. */
export async function eachFile<T, R>(items: Iterable<T>, task: (item: T) => Promise<R>): Promise<R[]> {
  const limit = pLimit(16);
  return Promise.all([...items].map((item) => limit(() => task(item))));
}
