// Reading a property of untrusted data without a polluted Object.prototype deciding it: the
// property of the object itself (enumerable or not), or of a prototype of its own (a class's
// getters, an object made with Object.create), never one of Object.prototype, where a polluting
// merge of untrusted JSON (`Object.prototype.pregnant = false`) or a hostile script leaves them.
// Every path that reads patient facts or options reads them this way, or, when nothing is
// polluted, with a plain read that finds the same.

/**
 * A prototype chain longer than this is not followed. Classes and `Object.create` chains never
 * come near it; only a proxy can make a chain without end.
 */
export const MAX_PROTOTYPES = 1000;

/**
 * The property `key` of `record` as a plain read finds it, except that a property of
 * Object.prototype counts as absent.
 *
 * @throws what a getter or a proxy throws, and RangeError for a prototype chain longer than
 *   {@link MAX_PROTOTYPES}.
 */
export function readProperty(record: object, key: string): unknown {
  if (!Object.hasOwn(Object.prototype, key)) return (record as Record<string, unknown>)[key];
  if (record === Object.prototype) return undefined;
  if (Object.hasOwn(record, key)) return (record as Record<string, unknown>)[key];
  // A prototype before Object.prototype that holds the key shadows Object.prototype's property.
  for (const prototype of prototypesOf(record)) {
    if (Object.hasOwn(prototype, key)) return (record as Record<string, unknown>)[key];
  }
  return undefined;
}

/**
 * The prototypes of `record` before Object.prototype, nearest first: none for a plain object or
 * an object without a prototype; a class's prototype and its base classes' for an instance.
 *
 * @throws what a proxy's `getPrototypeOf` throws, and RangeError for a chain longer than
 *   {@link MAX_PROTOTYPES}.
 */
export function prototypesOf(record: object): object[] {
  const prototypes: object[] = [];
  for (let prototype = Object.getPrototypeOf(record); prototype !== null && prototype !== Object.prototype; ) {
    if (prototypes.length === MAX_PROTOTYPES) throw new RangeError('the prototype chain is too long to follow');
    prototypes.push(prototype);
    prototype = Object.getPrototypeOf(prototype);
  }
  return prototypes;
}

/**
 * The listed properties of `record`, each read with {@link readProperty}, in an object of their
 * own: destructure it instead of `record`, and Object.prototype decides none of them.
 */
export function readProperties<const Key extends string>(
  record: object,
  keys: readonly Key[],
): { readonly [K in Key]: unknown } {
  const read: Record<string, unknown> = Object.create(null);
  for (const key of keys) read[key] = readProperty(record, key);
  return read as { readonly [K in Key]: unknown };
}
