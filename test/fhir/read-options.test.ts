import { describe, expect, it } from 'vitest';
import { type FhirCodeList, type FhirOptions, factsFromFhir } from '../../src/fhir/index.js';
import { condition, ON, patient } from './fixtures/builders.js';

const CLINIC = 'https://clinic.example/codes';

const list: FhirCodeList = {
  id: 'clinic-oncology',
  title: 'Local oncology codes',
  kind: 'counts',
  fact: 'oncologicalDisease',
  systems: [CLINIC],
  codes: ['ONC-1'],
  source: { title: 'Clinic code book' },
};

/** The issues of a run with these options, or a failure of the test when the run succeeds. */
function issuesOf(options: unknown, input: unknown = []) {
  const result = factsFromFhir(input, options as FhirOptions);
  if (result.ok) throw new Error('expected issues');
  return result.issues;
}

const invalid = (path: readonly (string | number)[], message: string) => ({ code: 'invalid-option', path, message });

/** The issues of one extra code list: the valid list above with `changes`. */
function listIssues(changes: Record<string, unknown>) {
  return issuesOf({ on: ON, extraCodes: [{ ...list, ...changes }] });
}

const listPath = (key?: string) =>
  key === undefined ? ['options', 'extraCodes', 0] : ['options', 'extraCodes', 0, key];

describe('factsFromFhir options: the object and its keys', () => {
  it('refuses options that are not an object, saying what came instead', () => {
    expect(issuesOf(null)).toEqual([invalid(['options'], 'expected an options object with "on", got null')]);
    expect(issuesOf('2026-11-24')).toEqual([
      invalid(['options'], 'expected an options object with "on", got the string "2026-11-24"'),
    ]);
  });

  it('names each unknown option, so that a typo is caught', () => {
    expect(issuesOf({ on: ON, closedworld: true })).toEqual([
      invalid(['options', 'closedworld'], '"closedworld" is not an option of factsFromFhir'),
    ]);
  });

  it('requires the reference date as a real YYYY-MM-DD date', () => {
    expect(issuesOf({ on: '2026-02-30' })).toEqual([
      invalid(['options', 'on'], 'expected the reference date as YYYY-MM-DD, got the string "2026-02-30"'),
    ]);
    expect(issuesOf({})).toEqual([
      invalid(['options', 'on'], 'expected the reference date as YYYY-MM-DD, got a value of type undefined'),
    ]);
  });

  it('accepts closedWorld only as a boolean', () => {
    expect(issuesOf({ on: ON, closedWorld: 'yes' })).toEqual([
      invalid(['options', 'closedWorld'], 'expected true or false, got the string "yes"'),
    ]);
    expect(factsFromFhir([], { on: ON, closedWorld: false }).ok).toBe(true);
  });

  it('reports every bad option at once, in the order of the options', () => {
    expect(issuesOf({ on: 5, closedWorld: 1, typo: 1 }).map((found) => found.path)).toEqual([
      ['options', 'typo'],
      ['options', 'on'],
      ['options', 'closedWorld'],
    ]);
  });
});

describe('factsFromFhir options: ageBounds', () => {
  const bad = [invalid(['options', 'ageBounds'], 'expected whole years with 0 <= under <= over')];

  it('must be an object', () => {
    expect(issuesOf({ on: ON, ageBounds: 75 })).toEqual([
      invalid(['options', 'ageBounds'], 'expected { under, over }, got the number 75'),
    ]);
  });

  it('refuses each bound that is not whole years, one bound at a time', () => {
    expect(issuesOf({ on: ON, ageBounds: { under: '3' } })).toEqual(bad);
    expect(issuesOf({ on: ON, ageBounds: { under: 2.5 } })).toEqual(bad);
    expect(issuesOf({ on: ON, ageBounds: { under: -1 } })).toEqual(bad);
    expect(issuesOf({ on: ON, ageBounds: { over: '75' } })).toEqual(bad);
    expect(issuesOf({ on: ON, ageBounds: { over: 75.5 } })).toEqual(bad);
  });

  it('refuses over below under, and accepts over equal to under', () => {
    expect(issuesOf({ on: ON, ageBounds: { under: 40, over: 39 } })).toEqual(bad);
    expect(factsFromFhir([], { on: ON, ageBounds: { under: 40, over: 40 } }).ok).toBe(true);
    expect(factsFromFhir([], { on: ON, ageBounds: { under: 0, over: 0 } }).ok).toBe(true);
  });

  it('are the bounds a partial birth date is judged against, each defaulting to the protocol', () => {
    const noteOf = (ageBounds: NonNullable<FhirOptions['ageBounds']>) => {
      const result = factsFromFhir([patient('1950')], { on: '2026-06-01', ageBounds });
      if (!result.ok) throw new Error('expected facts');
      return result.value.notes.find((note) => note.code === 'partial-birth-date')?.message;
    };
    expect(noteOf({ under: 10, over: 76 })).toBe(
      'The birth date 1950 is partial: on 2026-06-01 the age is 75 to 76 years, on the same side of every age bound; recorded as 75',
    );
    expect(noteOf({ under: 10 })).toBe(
      'The birth date 1950 is partial: on 2026-06-01 the age is 75 to 76 years, across an age bound (under 10, over 75), so it is not recorded',
    );
    expect(noteOf({ over: 75 })).toBe(
      'The birth date 1950 is partial: on 2026-06-01 the age is 75 to 76 years, across an age bound (under 3, over 75), so it is not recorded',
    );
  });
});

describe('factsFromFhir options: extraCodes', () => {
  it('must be an array of code list objects', () => {
    expect(issuesOf({ on: ON, extraCodes: {} })).toEqual([
      invalid(['options', 'extraCodes'], 'expected an array of code lists, got a value of type object'),
    ]);
    expect(issuesOf({ on: ON, extraCodes: [list, 'x'] })).toEqual([
      invalid(['options', 'extraCodes', 1], 'expected a code list object, got the string "x"'),
    ]);
  });

  it('are read alongside the shipped lists when valid', () => {
    const result = factsFromFhir([patient('1970-01-01'), condition('c1', CLINIC, 'ONC-1')], {
      on: ON,
      extractedOn: ON,
      extraCodes: [list],
    });
    expect(result.ok && result.value.facts).toEqual({ ageYears: 56, oncologicalDisease: true });
  });

  it('need a non-empty id and title', () => {
    expect(listIssues({ id: undefined })).toEqual([
      invalid(listPath('id'), 'expected a non-empty string, got a value of type undefined'),
    ]);
    expect(listIssues({ id: '' })).toEqual([invalid(listPath('id'), 'expected a non-empty string, got the string ""')]);
    expect(listIssues({ title: 3 })).toEqual([
      invalid(listPath('title'), 'expected a non-empty string, got the number 3'),
    ]);
    expect(listIssues({ title: '' })).toEqual([
      invalid(listPath('title'), 'expected a non-empty string, got the string ""'),
    ]);
  });

  it('need a known kind', () => {
    const message = (got: string) => `expected 'counts', 'uncertain', 'note' or 'region', got ${got}`;
    expect(listIssues({ kind: 'maybe' })).toEqual([invalid(listPath('kind'), message('the string "maybe"'))]);
    expect(listIssues({ kind: undefined })).toEqual([invalid(listPath('kind'), message('a value of type undefined'))]);
    for (const kind of ['counts', 'uncertain', 'note'])
      expect(factsFromFhir([], { on: ON, extraCodes: [{ ...list, kind } as FhirCodeList] }).ok).toBe(true);
  });

  it('need a coded fact, or a spinal region for a region list', () => {
    expect(listIssues({ fact: 'ageYears' })).toEqual([
      invalid(listPath('fact'), 'expected a fact that codes can set (not ageYears), got the string "ageYears"'),
    ]);
    expect(listIssues({ fact: ['pregnant'] })).toEqual([
      invalid(listPath('fact'), 'expected a fact that codes can set (not ageYears), got an array'),
    ]);
    expect(listIssues({ kind: 'region', fact: undefined, region: 'sacral' })).toEqual([
      invalid(listPath('region'), `expected 'cervical', 'thoracic' or 'lumbosacral', got the string "sacral"`),
    ]);
    expect(
      factsFromFhir([], {
        on: ON,
        extraCodes: [{ ...list, kind: 'region', fact: undefined, region: 'cervical' } as unknown as FhirCodeList],
      }).ok,
    ).toBe(true);
  });

  it('need a non-empty array of non-empty system URIs', () => {
    const message = (got: string) => `expected a non-empty array of code system URIs, got ${got}`;
    expect(listIssues({ systems: [] })).toEqual([invalid(listPath('systems'), message('an array'))]);
    expect(listIssues({ systems: [CLINIC, ''] })).toEqual([invalid(listPath('systems'), message('an array'))]);
    expect(listIssues({ systems: [''] })).toEqual([invalid(listPath('systems'), message('an array'))]);
    expect(listIssues({ systems: [5] })).toEqual([invalid(listPath('systems'), message('an array'))]);
    expect(listIssues({ systems: CLINIC })).toEqual([invalid(listPath('systems'), message(`the string "${CLINIC}"`))]);
  });

  it('take codes and prefixes only as arrays of strings', () => {
    expect(listIssues({ codes: ['ONC-1', 1] })).toEqual([
      invalid(listPath('codes'), 'expected an array of strings, got an array'),
    ]);
    expect(listIssues({ codes: undefined, prefixes: 'ONC' })).toEqual([
      invalid(listPath('prefixes'), 'expected an array of strings, got the string "ONC"'),
    ]);
  });

  it('take ranges only as { from, to } pairs of three-character ICD-10 categories, every one of them', () => {
    const message = 'expected an array of { from, to } ICD-10 categories (three characters), got an array';
    const ranges = (...pairs: unknown[]) => listIssues({ codes: undefined, ranges: pairs });
    expect(ranges({ from: 'C00', to: 'C97' }, { from: 'C0', to: 'C97' })).toEqual([
      invalid(listPath('ranges'), message),
    ]);
    expect(ranges({ from: 'xC00', to: 'C97' })).toEqual([invalid(listPath('ranges'), message)]);
    expect(ranges({ from: 'C00x', to: 'C97' })).toEqual([invalid(listPath('ranges'), message)]);
    expect(ranges({ from: ['C00'], to: 'C97' })).toEqual([invalid(listPath('ranges'), message)]);
    expect(ranges({ from: 'C00', to: 'C9' })).toEqual([invalid(listPath('ranges'), message)]);
    expect(ranges('C00-C97')).toEqual([invalid(listPath('ranges'), message)]);
    const { codes: _, ...withoutCodes } = list;
    const valid: FhirCodeList = { ...withoutCodes, ranges: [{ from: 'c00', to: 'D4a' }] };
    expect(factsFromFhir([], { on: ON, extraCodes: [valid] }).ok).toBe(true);
  });

  it('need at least one of codes, prefixes and ranges', () => {
    expect(listIssues({ codes: undefined })).toEqual([
      invalid(listPath(), 'a code list needs codes, prefixes or ranges'),
    ]);
  });

  it('need a source citation with a non-empty title', () => {
    const message = (got: string) => `expected a source citation with a title, got ${got}`;
    expect(listIssues({ source: 'book' })).toEqual([invalid(listPath('source'), message('the string "book"'))]);
    expect(listIssues({ source: { title: 5 } })).toEqual([
      invalid(listPath('source'), message('a value of type object')),
    ]);
    expect(listIssues({ source: { title: '' } })).toEqual([
      invalid(listPath('source'), message('a value of type object')),
    ]);
  });
});
