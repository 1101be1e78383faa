/**
 * A lookup table without a prototype: user text used as a key ("constructor", "valueOf") finds nothing
 * instead of Object.prototype's functions.
 */
export function lookupTable<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
