import DataLoader from 'dataloader';

const LOADERS = Symbol('duban.loaders');

/**
 * Per-request DataLoaders, kept on the request object: created on first use, gone with the request.
 * Field resolvers call `loader(req, 'unit', () => new DataLoader(...))` so N rows cost one query.
 */
export function loader<K, V>(req: object, key: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
  const holder = req as { [LOADERS]?: Map<string, DataLoader<unknown, unknown>> };
  const map = (holder[LOADERS] ??= new Map());
  let found = map.get(key) as DataLoader<K, V> | undefined;
  if (!found) {
    found = create();
    map.set(key, found as DataLoader<unknown, unknown>);
  }
  return found;
}

/** Orders rows to match the keys DataLoader asked for (missing → null). */
export function byKeys<V>(keys: readonly string[], rows: V[], keyOf: (row: V) => string): (V | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

/** Groups rows per key, in the order DataLoader asked for (missing → []). */
export function groupByKeys<V>(keys: readonly string[], rows: V[], keyOf: (row: V) => string): V[][] {
  const map = new Map<string, V[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return keys.map((k) => map.get(k) ?? []);
}
