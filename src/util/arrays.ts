/**
 * Appends `items` to `target`. Unlike `target.push(...items)`, it does not
 * pass the items as call arguments, which overflows the stack for arrays of
 * about 100,000 items and more.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) {
    target.push(item);
  }
}
