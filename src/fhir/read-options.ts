// Checks the options of factsFromFhir. A bad option is an issue (path under 'options'), like
// bad input, so that a misconfigured service answers with issues instead of throwing.
import { parseIsoDate } from '../_internal/iso-date.js';
import { type Issue, issue } from '../_internal/result.js';
import { describeValue as describe } from '../_internal/text.js';
import { isSpinalRegion } from '../regions/spinal-region.js';
import { type AgeRuleOptions, PROTOCOL_AGE_BOUNDS } from '../screening/age-rule.js';
import { CODED_FACTS, type CodedFact, type CodeListKind, type FhirCodeList } from './code-list.js';
import type { FhirOptions } from './fhir-facts.js';
import { isObject, own } from './read-input.js';

export interface ReadOptions {
  readonly onDay: number;
  readonly on: string;
  readonly closedWorld: boolean;
  /** Every pair of age bounds an age from a partial birth date must not straddle. */
  readonly ageBounds: readonly Readonly<Required<AgeRuleOptions>>[];
  readonly extraCodes: readonly FhirCodeList[];
  /** The day (a day number) the record was extracted, `options.extractedOn`. */
  readonly extractedDay: number | undefined;
  readonly patientId: string | undefined;
}

// Sets of unknown, so that any value can be looked up: a value that is not a string is simply not in them.
const CODED_FACT_NAMES: ReadonlySet<unknown> = /* @__PURE__ */ new Set<unknown>(CODED_FACTS);
const KINDS: ReadonlySet<unknown> = /* @__PURE__ */ new Set<CodeListKind>(['counts', 'uncertain', 'note', 'region']);

export function isCodedFact(value: unknown): value is CodedFact {
  return CODED_FACT_NAMES.has(value);
}

/** Whole years: an integer >= 0 (Number.isInteger is false for a value that is not a number). */
function isWholeYears(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}

export function readOptions(options: unknown, dayNumberOf: (on: string) => number): ReadOptions | Issue[] {
  const issues: Issue[] = [];
  if (!isObject(options)) {
    return [issue('invalid-option', ['options'], `expected an options object with "on", got ${describe(options)}`)];
  }
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.has(key as keyof FhirOptions)) {
      issues.push(issue('invalid-option', ['options', key], `"${key}" is not an option of factsFromFhir`));
    }
  }
  const on = own(options, 'on');
  if (parseIsoDate(on) === undefined) {
    issues.push(
      issue('invalid-option', ['options', 'on'], `expected the reference date as YYYY-MM-DD, got ${describe(on)}`),
    );
  }
  const closedWorld = own(options, 'closedWorld');
  if (closedWorld !== undefined && typeof closedWorld !== 'boolean') {
    issues.push(
      issue('invalid-option', ['options', 'closedWorld'], `expected true or false, got ${describe(closedWorld)}`),
    );
  }
  const ageBounds = readAgeBounds(own(options, 'ageBounds'), issues);
  const extracted = own(options, 'extractedOn');
  if (extracted !== undefined && parseIsoDate(extracted) === undefined) {
    issues.push(
      issue(
        'invalid-option',
        ['options', 'extractedOn'],
        `expected the extract date as YYYY-MM-DD, got ${describe(extracted)}`,
      ),
    );
  }
  const patientId = own(options, 'patientId');
  if (patientId !== undefined && !(typeof patientId === 'string' && /^[A-Za-z0-9\-.]{1,64}$/.test(patientId))) {
    issues.push(
      issue(
        'invalid-option',
        ['options', 'patientId'],
        `expected a FHIR logical id (1-64 letters, digits, - and .), got ${describe(patientId)}`,
      ),
    );
  }
  const extraCodes = own(options, 'extraCodes');
  const lists: FhirCodeList[] = [];
  if (extraCodes !== undefined) {
    if (!Array.isArray(extraCodes)) {
      issues.push(
        issue(
          'invalid-option',
          ['options', 'extraCodes'],
          `expected an array of code lists, got ${describe(extraCodes)}`,
        ),
      );
    } else {
      extraCodes.forEach((list: unknown, index) => {
        checkCodeList(list, ['options', 'extraCodes', index], issues);
        // A list with issues is pushed too, but then the issues are returned and the lists never read.
        lists.push(list as FhirCodeList);
      });
    }
  }
  // Every bad option, the reference date included, has pushed an issue.
  if (issues.length > 0) return issues;
  return {
    on: on as string,
    onDay: dayNumberOf(on as string),
    closedWorld: closedWorld === true,
    ageBounds,
    extraCodes: lists,
    extractedDay: extracted === undefined ? undefined : dayNumberOf(extracted as string),
    patientId: patientId as string | undefined,
  };
}

/** One pair of bounds, or a list of them (one per age rule of a rule set); default the protocol's. */
function readAgeBounds(bounds: unknown, issues: Issue[]): readonly Readonly<Required<AgeRuleOptions>>[] {
  if (bounds === undefined) return [PROTOCOL_AGE_BOUNDS];
  const path = ['options', 'ageBounds'];
  const many = Array.isArray(bounds);
  const given: readonly unknown[] = many ? bounds : [bounds];
  if (given.length === 0) {
    issues.push(issue('invalid-option', path, 'expected { under, over } or a non-empty array of them'));
  }
  // A pair with an issue gives the protocol's bounds, never read: the issue fails the call.
  return given.map((pair, index) => {
    const at = many ? [...path, index] : path;
    if (!isObject(pair)) {
      issues.push(issue('invalid-option', at, `expected { under, over }, got ${describe(pair)}`));
      return PROTOCOL_AGE_BOUNDS;
    }
    const under = own(pair, 'under') ?? PROTOCOL_AGE_BOUNDS.under;
    const over = own(pair, 'over') ?? PROTOCOL_AGE_BOUNDS.over;
    if (!isWholeYears(under) || !isWholeYears(over) || over < under) {
      issues.push(issue('invalid-option', at, 'expected whole years with 0 <= under <= over'));
      return PROTOCOL_AGE_BOUNDS;
    }
    return Object.freeze({ under, over });
  });
}

/** Pushes an issue for each bad field of one code list of `extraCodes`. */
export function checkCodeList(list: unknown, path: (string | number)[], issues: Issue[]): void {
  const bad = (key: string, expected: string, value: unknown) =>
    issues.push(issue('invalid-option', [...path, key], `expected ${expected}, got ${describe(value)}`));
  if (!isObject(list)) {
    issues.push(issue('invalid-option', path, `expected a code list object, got ${describe(list)}`));
    return;
  }
  const id = own(list, 'id');
  if (typeof id !== 'string' || id === '') bad('id', 'a non-empty string', id);
  const title = own(list, 'title');
  if (typeof title !== 'string' || title === '') bad('title', 'a non-empty string', title);
  const kind = own(list, 'kind');
  if (!KINDS.has(kind)) bad('kind', "'counts', 'uncertain', 'note' or 'region'", kind);
  const fact = own(list, 'fact');
  const region = own(list, 'region');
  if (kind === 'region') {
    if (!isSpinalRegion(region)) bad('region', "'cervical', 'thoracic' or 'lumbosacral'", region);
  } else if (!isCodedFact(fact)) {
    bad('fact', 'a fact that codes can set (not ageYears)', fact);
  }
  const systems = own(list, 'systems');
  if (!isStringArray(systems) || systems.length === 0) bad('systems', 'a non-empty array of code system URIs', systems);
  const codes = own(list, 'codes');
  if (codes !== undefined && !isStringArray(codes)) bad('codes', 'an array of strings', codes);
  const prefixes = own(list, 'prefixes');
  if (prefixes !== undefined && !isStringArray(prefixes)) bad('prefixes', 'an array of strings', prefixes);
  const ranges = own(list, 'ranges');
  if (
    ranges !== undefined &&
    !(
      Array.isArray(ranges) &&
      ranges.every(
        (range: unknown) => isObject(range) && isCategory(own(range, 'from')) && isCategory(own(range, 'to')),
      )
    )
  ) {
    bad('ranges', 'an array of { from, to } ICD-10 categories (three characters)', ranges);
  }
  if (codes === undefined && prefixes === undefined && ranges === undefined) {
    issues.push(issue('invalid-option', path, 'a code list needs codes, prefixes or ranges'));
  }
  const source = own(list, 'source');
  if (!isObject(source) || typeof own(source, 'title') !== 'string' || own(source, 'title') === '') {
    bad('source', 'a source citation with a title', source);
  }
}

function isStringArray(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((item: unknown) => typeof item === 'string' && item !== '');
}

function isCategory(value: unknown): boolean {
  return typeof value === 'string' && /^[A-Za-z][0-9A-Za-z]{2}$/.test(value);
}

/** Only the documented option names, so that a typo such as `closedworld` is caught. */
export const OPTION_KEYS: ReadonlySet<keyof FhirOptions> = /* @__PURE__ */ new Set<keyof FhirOptions>([
  'on',
  'closedWorld',
  'ageBounds',
  'extraCodes',
  'extractedOn',
  'patientId',
]);
