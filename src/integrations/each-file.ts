/** File tasks over a built site or a bundle, a few at a time: awaiting them one by one left the disk idle. */
import pLimit from 'p-limit';

/**
 * Runs a file task for each item, sixteen at a time; results come back in the items' order. It
 * returns or throws only once every task has ended (the first failure in the items' order), so a
 * caller that cleans up after a failure never races tasks still running.
 */
export async function eachFile<T, R>(items: Iterable<T>, task: (item: T) => Promise<R>): Promise<R[]> {
  const limit = pLimit(16);
  const settled = await Promise.allSettled([...items].map((item) => limit(() => task(item))));
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<R>).value);
}
