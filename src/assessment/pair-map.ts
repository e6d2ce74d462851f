/**
 * A map keyed by a pair of strings, such as a file and an object name. It
 * nests one Map in another instead of joining the two strings into one
 * key, which would build and hash a new string on every lookup.
 * `values()` returns the values in the order their keys were first set.
 */
export class PairMap<V> {
  /** Index into #values by first, then second key. */
  readonly #indexes = new Map<string, Map<string, number>>();
  readonly #values: V[] = [];

  get(first: string, second: string): V | undefined {
    const index = this.#indexes.get(first)?.get(second);
    return index === undefined ? undefined : this.#values[index];
  }

  set(first: string, second: string, value: V): void {
    let inner = this.#indexes.get(first);
    if (inner === undefined) {
      inner = new Map();
      this.#indexes.set(first, inner);
    }

    const index = inner.get(second);
    if (index === undefined) {
      inner.set(second, this.#values.length);
      this.#values.push(value);
    } else {
      this.#values[index] = value;
    }
  }

  values(): readonly V[] {
    return this.#values;
  }
}
