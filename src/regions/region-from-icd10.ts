// Which spinal region an ICD-10 code names, read from the WHO site character (the 5th
// character of M40-M54). The mapping and the ICD-10-CM decision are in the JSDoc below.
import type { SpinalRegion } from './spinal-region.js';

// Category, then an optional 4th character (subcategory) and an optional 5th (site). The dot is
// optional; anything longer (ICD-10-CM's 6th and 7th characters) does not match on purpose.
const CODE = /^M(\d\d)(?:\.?(\d)(\d)?)?$/;
// Every M50 code is cervical, including ICD-10-CM's longer ones such as M50.121.
const CERVICAL_DISC = /^M50(?:\.?[0-9A-Z]{1,4})?$/;

// WHO ICD-10 site characters for M40-M54: 1 occipito-atlanto-axial, 2 cervical,
// 3 cervicothoracic, 4 thoracic, 5 thoracolumbar, 6 lumbar, 7 lumbosacral, 8 sacral and
// sacrococcygeal. 0 (multiple sites) and 9 (site unspecified) name no single region.
const BY_SITE: readonly (SpinalRegion | undefined)[] = [
  undefined,
  'cervical',
  'cervical',
  'cervical',
  'thoracic',
  'thoracic',
  'lumbosacral',
  'lumbosacral',
  'lumbosacral',
  undefined,
];

// ICD-10-CM reuses the 5th character of these subcategories for something other than a site
// (M54.3 and M54.4: the side; M54.5 since 2022: the kind of low back pain), so a code from them
// is ambiguous between the two classifications and is not read.
const NOT_A_SITE_IN_CM: ReadonlySet<string> = /* @__PURE__ */ new Set(['543', '544', '545']);

/**
 * The spinal region that an ICD-10 code of the dorsopathies (M40-M54) names, or `undefined`
 * when the code names no single region. Accepts `M42.12`, `M4212`, lower case and surrounding
 * spaces; never throws, whatever the input.
 *
 * - M40-M49, M53, M54 with a 5th character: the WHO site character decides. Sites 1-3
 *   (occipito-atlanto-axial, cervical, cervicothoracic) give `'cervical'`; 4-5 (thoracic,
 *   thoracolumbar) `'thoracic'`; 6-8 (lumbar, lumbosacral, sacral) `'lumbosacral'`. Site 0
 *   (multiple sites) and 9 (unspecified) give `undefined`.
 * - M50 (cervical disc disorders), with or without further characters: `'cervical'`.
 * - M51 (other disc disorders: thoracic, thoracolumbar, lumbosacral): `undefined` without a
 *   site character; with one, sites 4-8 map as above and any other site gives `undefined`.
 * - A code without a 5th character (for example `M42.1`), a code outside M40-M54, and any
 *   value that is not such a code: `undefined`.
 *
 * ICD-10-CM: the function reads WHO ICD-10. ICD-10-CM is not supported as a classification of
 * its own, but the answers stay safe for its codes: CM swaps the meaning of 0 and 9 for M42
 * (M42.10 site unspecified, M42.19 multiple sites), and both give `undefined` under either
 * reading, while M42.11-M42.18 mean the same sites in both; CM's 6- and 7-character codes
 * other than M50 (for example M47.812, whose 5th character is not the site) do not match and give `undefined`; and M54.3x, M54.4x and M54.5x, whose
 * 5th character is not a site in CM, give `undefined`. When the answer is `undefined`, ask the
 * clinician for the region.
 *
 * Source: WHO ICD-10, chapter XIII, the site subdivisions of the dorsopathies (M40-M54).
 *
 * @param code - an ICD-10 code; any value is accepted, and a non-string gives `undefined`.
 * @returns the region, or `undefined` when the code names none or several.
 * @example
 * regionFromIcd10('M42.12'); // => 'cervical'
 * regionFromIcd10('m4216'); // => 'lumbosacral'
 * regionFromIcd10('M50.1'); // => 'cervical'
 * regionFromIcd10('M51.1'); // => undefined (M51 without a site)
 * regionFromIcd10('M42.10'); // => undefined (multiple sites in WHO, unspecified in ICD-10-CM)
 */
export function regionFromIcd10(code: string): SpinalRegion | undefined;
/** @internal An overload for untrusted input: anything that is not a string gives `undefined`. */
export function regionFromIcd10(code: unknown): SpinalRegion | undefined;
export function regionFromIcd10(code: unknown): SpinalRegion | undefined {
  if (typeof code !== 'string' || code.length > 16) return undefined;
  const normalized = code.trim().toUpperCase();
  if (CERVICAL_DISC.test(normalized)) return 'cervical';
  const match = CODE.exec(normalized);
  if (match === null) return undefined;
  const category = Number(match[1]);
  const subcategory = match[2];
  const site = match[3];
  if (category < 40 || category > 54 || category === 52) return undefined;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, without a site BY_SITE[Number(undefined)] below is undefined too; this states the rule
  if (subcategory === undefined || site === undefined) return undefined;
  if (NOT_A_SITE_IN_CM.has(`${category}${subcategory}`)) return undefined;
  const region = BY_SITE[Number(site)];
  if (category === 51 && region === 'cervical') return undefined;
  return region;
}
