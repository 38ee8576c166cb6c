/**
 * Memoises prom-client `labels()` children per label tuple, so the hot path does one map lookup
 * instead of building and validating a label object on every request. The cache is bounded
 * because every value passed in has already been closed over a fixed set (label-sets.ts).
 */
export function cacheLabelChildren<Child>(resolve: (...values: string[]) => Child): (...values: string[]) => Child {
  const children = new Map<string, Child>();
  return (...values) => {
    const key = values.join('\u0001');
    let child = children.get(key);
    if (child === undefined) {
      child = resolve(...values);
      children.set(key, child);
    }
    return child;
  };
}
