import { fail, issue, ok, type Result } from '../_internal/result.js';
import { describeValue, truncate } from '../_internal/text.js';
import { type SpinalRegion, spinalRegions } from './spinal-region.js';

/**
 * The words that {@link parseRegion} accepts for each region, besides the region's own id.
 * Matching ignores case, spaces, hyphens and underscores (`Lower-Back`, `lowerback` and
 * `LOWER BACK` all match `lower back`).
 *
 * @example
 * regionSynonyms.lumbosacral.includes('lower back'); // => true
 */
export const regionSynonyms: Readonly<Record<SpinalRegion, readonly string[]>> = Object.freeze({
  cervical: Object.freeze(['cervical spine', 'cervical region', 'c-spine', 'neck', 'nape']),
  thoracic: Object.freeze([
    'thoracic spine',
    'thoracic region',
    't-spine',
    'dorsal',
    'dorsal spine',
    'chest',
    'upper back',
    'mid back',
    'middle back',
  ]),
  lumbosacral: Object.freeze([
    'lumbosacral spine',
    'lumbosacral region',
    'lumbar',
    'lumbar spine',
    'lumbar region',
    'l-spine',
    'sacral',
    'lower back',
    'low back',
  ]),
});

// Stryker disable next-line Regex: equivalent, deleting runs of separators or each separator alone gives the same key
const key = (text: string): string => text.toLowerCase().replace(/[\s_-]+/g, '');

/* @__NO_SIDE_EFFECTS__ */
const indexSynonyms = (): ReadonlyMap<string, SpinalRegion> =>
  new Map(
    spinalRegions.flatMap((region) => [region, ...regionSynonyms[region]].map((word) => [key(word), region] as const)),
  );

const byKey = /* @__PURE__ */ indexSynonyms();

// Longer than any synonym by far: longer input is not looked at, only reported.
const MAX_LENGTH = 64;

/**
 * Reads a region from user input: a region id or a common synonym (`lumbar`, `neck`,
 * `lower back`, `upper back`...; see {@link regionSynonyms}), ignoring case, spaces, hyphens and
 * underscores. Never throws.
 *
 * @param input - any value, typically a form field.
 * @returns `{ ok: true, value }` with the region, or `{ ok: false, issues }` with one issue at
 *   path `[]`: `invalid-type` for a value that is not a string, `unknown-region` for a string that
 *   names no region; the message lists the accepted values.
 * @example
 * parseRegion('Lower back'); // => { ok: true, value: 'lumbosacral' }
 * parseRegion('knee').ok; // => false (issue 'unknown-region')
 */
export function parseRegion(input: unknown): Result<SpinalRegion> {
  if (typeof input !== 'string') {
    return fail([
      issue('invalid-type', [], `expected a region as a string (${accepted()}), got ${describeValue(input)}`),
    ]);
  }
  const region = input.length <= MAX_LENGTH ? byKey.get(key(input)) : undefined;
  if (region === undefined) {
    // Cut as describeValue cuts a string: never inside a character of two UTF-16 units.
    const shown = JSON.stringify(truncate(input, 41));
    return fail([issue('unknown-region', [], `${shown} is not a spinal region: expected ${accepted()}`)]);
  }
  return ok(region);
}

function accepted(): string {
  return spinalRegions.map((region) => `${region} (or ${regionSynonyms[region].join(', ')})`).join('; ');
}
