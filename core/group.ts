// Grouping a list by a key, the way several services index rows before they assemble a response
// (Map.groupBy arrives with Node 21; we run on 20).

/**
 * `items` grouped by `keyOf`: keys in the order first seen, each group's values in input order.
 * An item whose key is null or undefined belongs to no group. `pick` chooses what is kept (the
 * item itself by default).
 */
export function groupBy<T, K, V = T>(
  items: Iterable<T>,
  keyOf: (item: T) => K | null | undefined,
  pick?: (item: T) => V,
): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null || key === undefined) continue;
    const value = pick ? pick(item) : (item as unknown as V);
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}
