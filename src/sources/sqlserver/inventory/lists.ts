/** Small helpers for building inventory items from several result sets. */

/** Appends `value` to the list kept under `key`, creating the list when absent. */
export function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) {
    map.set(key, [value]);
  } else {
    list.push(value);
  }
}
