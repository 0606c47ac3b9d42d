import { fail, issue, ok, type Result } from '../_internal/result.js';
import { describeValue, truncate } from '../_internal/text.js';
import { type SpinalRegion, spinalRegions } from './spinal-region.js';

/**
 * The words that {@link parseRegion} accepts for each region, besides the region's own id: in
 * English, then in Russian (the region's adjective in the nominative and the genitive, alone, with
 * `отдел`/`отдела` and with `позвоночника`, as clinical Russian names a region). Matching ignores
 * case, spaces, hyphens and underscores (`Lower-Back`, `lowerback` and `LOWER BACK` all match
 * `lower back`; `Пояснично крестцовый` matches `пояснично-крестцовый`).
 *
 * @example
 * regionSynonyms.lumbosacral.includes('lower back'); // => true
 * regionSynonyms.cervical.includes('шейного отдела'); // => true
 */
export const regionSynonyms: Readonly<Record<SpinalRegion, readonly string[]>> = Object.freeze({
  cervical: Object.freeze([
    'cervical spine',
    'cervical region',
    'c-spine',
    'neck',
    'nape',
    'шейный',
    'шейный отдел',
    'шейный отдел позвоночника',
    'шейного',
    'шейного отдела',
    'шейного отдела позвоночника',
    'шея',
  ]),
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
    'грудной',
    'грудной отдел',
    'грудной отдел позвоночника',
    'грудного',
    'грудного отдела',
    'грудного отдела позвоночника',
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
    'пояснично-крестцовый',
    'пояснично-крестцовый отдел',
    'пояснично-крестцовый отдел позвоночника',
    'пояснично-крестцового',
    'пояснично-крестцового отдела',
    'пояснично-крестцового отдела позвоночника',
    'поясничный',
    'поясничный отдел',
    'поясничный отдел позвоночника',
    'поясничного',
    'поясничного отдела',
    'поясничного отдела позвоночника',
    'крестцовый',
    'поясница',
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
 * Reads a region from user input: a region id or a common synonym in English or Russian
 * (`lumbar`, `neck`, `lower back`, `upper back`, `шейный`, `грудного отдела`,
 * `пояснично-крестцовый отдел позвоночника`...; see {@link regionSynonyms}), ignoring case,
 * spaces, hyphens and underscores. Never throws.
 *
 * @param input - any value, typically a form field.
 * @returns `{ ok: true, value }` with the region, or `{ ok: false, issues }` with one issue at
 *   path `[]`: `invalid-type` for a value that is not a string, `unknown-region` for a string that
 *   names no region; the message lists the accepted values.
 * @example
 * parseRegion('Lower back'); // => { ok: true, value: 'lumbosacral' }
 * parseRegion('Шейного отдела'); // => { ok: true, value: 'cervical' }
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
