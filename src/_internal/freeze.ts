/**
 * Freezes a value and everything reachable from it (own enumerable properties), so that a result
 * documented as frozen is frozen all the way down. Already frozen objects are still walked: a
 * frozen object may hold a mutable one.
 */
/* @__NO_SIDE_EFFECTS__ */
export function deepFreeze<T>(value: T, seen: WeakSet<object> = new WeakSet()): T {
  if (typeof value !== 'object' || value === null || seen.has(value)) return value;
  seen.add(value);
  for (const inner of Object.values(value)) deepFreeze(inner, seen);
  return Object.freeze(value);
}
