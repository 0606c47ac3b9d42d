/**
 * The three regions of the spine that the source protocol treats separately, each in its own
 * section: cervical, thoracic, and lumbosacral (lumbar and sacral together).
 *
 * @example
 * const region: SpinalRegion = 'lumbosacral';
 */
export type SpinalRegion = 'cervical' | 'thoracic' | 'lumbosacral';

/**
 * The regions, from the head down: cervical, thoracic, lumbosacral.
 *
 * @example
 * spinalRegions; // => ['cervical', 'thoracic', 'lumbosacral']
 */
export const spinalRegions: readonly SpinalRegion[] = Object.freeze(['cervical', 'thoracic', 'lumbosacral'] as const);

/**
 * Tells whether a value is one of the three region ids, exactly as written (no synonyms: use
 * `parseRegion` for user input).
 *
 * @param value - any value.
 * @returns true for `'cervical'`, `'thoracic'` and `'lumbosacral'`.
 * @example
 * isSpinalRegion('thoracic'); // => true
 * isSpinalRegion('lumbar'); // => false
 */
export function isSpinalRegion(value: unknown): value is SpinalRegion {
  return value === 'cervical' || value === 'thoracic' || value === 'lumbosacral';
}
