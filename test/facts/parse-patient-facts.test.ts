import { describe, expect, it } from 'vitest';
import {
  cautionFactNames,
  factNames,
  isFactName,
  MAX_AGE_YEARS,
  type PatientFacts,
  parsePatientFacts,
  patientFactsSchema,
  protocolFactNames,
  type Result,
} from '../../src/index.js';

const fullRecord = {
  ageYears: 52.5,
  oncologicalDisease: false,
  pregnant: false,
  coagulationDisorder: false,
  acuteInfection: true,
  acuteMentalIllness: false,
  psychotropicInfluence: false,
  anticoagulantTherapy: true,
  pacemaker: false,
  electroacupuncturePlanned: false,
  skinLesionAtSite: false,
  needlePhobia: false,
  epilepsy: false,
} as const satisfies Required<PatientFacts>;

const booleanFacts = factNames.filter((name) => name !== 'ageYears');

function issuesOf(result: Result<PatientFacts>) {
  if (result.ok) throw new Error(`expected issues, got ${JSON.stringify(result.value)}`);
  return result.issues;
}

function parsedValue(result: Result<PatientFacts>) {
  if (!result.ok) throw new Error(`expected a value, got ${JSON.stringify(result.issues)}`);
  return result.value;
}

/** Own property names of Object.prototype, to check that parsing never adds one. */
const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();

describe('parsePatientFacts: the fact names', () => {
  it('knows the seven protocol facts and the six caution facts, protocol facts first', () => {
    expect(protocolFactNames).toEqual([
      'ageYears',
      'oncologicalDisease',
      'pregnant',
      'coagulationDisorder',
      'acuteInfection',
      'acuteMentalIllness',
      'psychotropicInfluence',
    ]);
    expect(cautionFactNames).toEqual([
      'anticoagulantTherapy',
      'pacemaker',
      'electroacupuncturePlanned',
      'skinLesionAtSite',
      'needlePhobia',
      'epilepsy',
    ]);
    expect(factNames).toEqual([...protocolFactNames, ...cautionFactNames]);
    expect(Object.keys(fullRecord).sort()).toEqual([...factNames].sort());
  });

  it('isFactName tells fact names from look-alikes', () => {
    expect(isFactName('pregnant')).toBe(true);
    expect(isFactName('pregnancy')).toBe(false);
    expect(isFactName('__proto__')).toBe(false);
    expect(isFactName('toString')).toBe(false);
  });
});

describe('parsePatientFacts: valid input', () => {
  it('accepts a record of every fact and returns an equal, new object', () => {
    const result = parsePatientFacts(fullRecord);
    expect(result).toEqual({ ok: true, value: fullRecord });
    expect(parsedValue(result)).not.toBe(fullRecord);
  });

  it('accepts an empty record as nothing recorded', () => {
    expect(parsePatientFacts({})).toEqual({ ok: true, value: {} });
  });

  it('accepts null and undefined as not recorded and leaves them out of the value', () => {
    const value = parsedValue(parsePatientFacts({ ageYears: 40, pregnant: null, epilepsy: undefined }));
    expect(value).toEqual({ ageYears: 40 });
    expect(Object.keys(value)).toEqual(['ageYears']);
  });

  it('accepts a JSON body', () => {
    expect(parsedValue(parsePatientFacts(JSON.parse('{"ageYears": 3, "pregnant": false, "pacemaker": null}')))).toEqual(
      {
        ageYears: 3,
        pregnant: false,
      },
    );
  });

  it('accepts an object without a prototype', () => {
    const record = Object.assign(Object.create(null) as object, { pregnant: true });
    expect(parsedValue(parsePatientFacts(record))).toEqual({ pregnant: true });
  });

  it.each([0, 2.99, 75, 76, 149.999])('accepts an age of %s years', (ageYears) => {
    expect(parsedValue(parsePatientFacts({ ageYears }))).toEqual({ ageYears });
  });
});

describe('parsePatientFacts: strictness', () => {
  it('reports a misspelt fact such as pregnancy: true as an unknown key with its path', () => {
    expect(parsePatientFacts({ pregnancy: true })).toEqual({
      ok: false,
      issues: [{ code: 'unknown-key', path: ['pregnancy'], message: expect.stringContaining('pregnancy') }],
    });
  });

  it.each(['age', 'Pregnant', 'toString', 'hasOwnProperty', '0', ''])('reports the key %o as unknown', (key) => {
    expect(issuesOf(parsePatientFacts({ [key]: true }))).toEqual([
      { code: 'unknown-key', path: [key], message: expect.any(String) },
    ]);
  });

  it('rejects __proto__ from a JSON body and never reaches a prototype', () => {
    const before = prototypeKeys();
    const input: unknown = JSON.parse('{"__proto__": {"pregnant": true, "polluted": true}, "ageYears": 40}');
    const result = parsePatientFacts(input);
    expect(issuesOf(result)).toEqual([{ code: 'forbidden-key', path: ['__proto__'], message: expect.any(String) }]);
    expect(prototypeKeys()).toEqual(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['pregnant']).toBeUndefined();
  });

  it.each(['constructor', 'prototype'])('rejects the key %s as forbidden', (key) => {
    const before = prototypeKeys();
    expect(issuesOf(parsePatientFacts({ [key]: { pregnant: true } }))).toEqual([
      { code: 'forbidden-key', path: [key], message: expect.stringContaining(key) },
    ]);
    expect(prototypeKeys()).toEqual(before);
    expect(Object.prototype.constructor).toBe(Object);
  });

  it('returns a value whose prototype is a plain object, whatever the input', () => {
    const value = parsedValue(parsePatientFacts({ pregnant: false }));
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  it('reads own keys only: inherited facts are not recorded facts', () => {
    const inherited = Object.create({ pregnant: true }) as object;
    expect(parsedValue(parsePatientFacts(inherited))).toEqual({});
  });
});

describe('parsePatientFacts: ageYears', () => {
  it.each([
    ['-1', -1],
    ['-0.01', -0.01],
    ['150', MAX_AGE_YEARS],
    ['150.5', 150.5],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
  ])('rejects an age of %s as out of range', (_label, ageYears) => {
    expect(issuesOf(parsePatientFacts({ ageYears }))).toEqual([
      { code: 'out-of-range', path: ['ageYears'], message: expect.stringContaining('below 150') },
    ]);
  });

  it.each([
    ["the string '40'", '40'],
    ['true', true],
    ['an object', {}],
    ['an array', [40]],
    ['a bigint', 40n],
  ])('rejects an age given as %s as the wrong type', (_label, ageYears) => {
    expect(issuesOf(parsePatientFacts({ ageYears }))).toEqual([
      { code: 'invalid-type', path: ['ageYears'], message: expect.stringContaining('number') },
    ]);
  });

  it('the largest age accepted is below 150', () => {
    expect(MAX_AGE_YEARS).toBe(150);
  });
});

describe('parsePatientFacts: boolean facts', () => {
  it.each(booleanFacts)('accepts true and false for %s', (fact) => {
    expect(parsedValue(parsePatientFacts({ [fact]: true }))).toEqual({ [fact]: true });
    expect(parsedValue(parsePatientFacts({ [fact]: false }))).toEqual({ [fact]: false });
  });

  it.each(booleanFacts)('rejects the wrong types for %s, each with its path', (fact) => {
    for (const wrong of ['no', 'false', 'true', 0, 1, {}, [], Object(true), Symbol('x')]) {
      expect(issuesOf(parsePatientFacts({ [fact]: wrong }))).toEqual([
        { code: 'invalid-type', path: [fact], message: expect.stringContaining('true or false') },
      ]);
    }
  });

  it('describes the bad value in the message, shortening long strings', () => {
    const [short] = issuesOf(parsePatientFacts({ pregnant: 'no' }));
    expect(short?.message).toContain('"no"');
    const [long] = issuesOf(parsePatientFacts({ pregnant: 'x'.repeat(500) }));
    expect(long?.message).toContain('…');
    expect(long?.message.length).toBeLessThan(120);
    const [array] = issuesOf(parsePatientFacts({ pregnant: [true] }));
    expect(array?.message).toContain('an array');
    const [nan] = issuesOf(parsePatientFacts({ pregnant: Number.NaN }));
    expect(nan?.message).toContain('NaN');
  });

  it('names what it got in each message: null, a number, a string up to 40 characters in full, or the type', () => {
    const messageOf = (input: unknown) => issuesOf(parsePatientFacts(input))[0]?.message;
    expect(messageOf(null)).toBe('expected an object of patient facts, got null');
    expect(messageOf(42)).toBe('expected an object of patient facts, got the number 42');
    expect(messageOf(true)).toBe('expected an object of patient facts, got a value of type boolean');
    expect(messageOf({ ageYears: true })).toBe('expected a number of years, got a value of type boolean');
    expect(messageOf({ ageYears: 150 })).toBe('expected a finite age from 0 to below 150, got 150');
    const forty = 'y'.repeat(40);
    expect(messageOf({ pregnant: forty })).toBe(`expected true or false, got the string "${forty}"`);
    expect(messageOf({ pregnant: `${forty}z` })).toBe(`expected true or false, got the string "${forty}…"`);
  });
});

describe('parsePatientFacts: any input', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['42', 42],
    ["'x'", 'x'],
    ['true', true],
    ['an array', []],
    ['an array of facts', [{ pregnant: true }]],
    ['a function', () => ({})],
    ['a symbol', Symbol('facts')],
    ['a bigint', 1n],
  ])('%s is not an object: one issue at the root', (_label, input) => {
    expect(parsePatientFacts(input)).toEqual({
      ok: false,
      issues: [{ code: 'not-an-object', path: [], message: expect.stringMatching(/^expected an object/) }],
    });
  });

  it('a getter that throws is reported as unreadable at its path, without throwing', () => {
    const input = { ageYears: 40 };
    Object.defineProperty(input, 'pregnant', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(parsePatientFacts(input)).toEqual({
      ok: false,
      issues: [{ code: 'unreadable', path: ['pregnant'], message: 'the value of "pregnant" could not be read' }],
    });
  });

  it('a proxy whose keys cannot be listed is reported as unreadable at the root', () => {
    const input = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('no keys');
        },
      },
    );
    expect(issuesOf(parsePatientFacts(input))).toEqual([
      { code: 'unreadable', path: [], message: 'the keys of the input could not be read' },
    ]);
  });

  it('a revoked proxy is reported as unreadable at the root, without throwing', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(issuesOf(parsePatientFacts(proxy))).toEqual([{ code: 'unreadable', path: [], message: expect.any(String) }]);
  });

  it('reports every issue at once, in the order of the keys', () => {
    const input = JSON.parse(
      '{"pregnancy": true, "ageYears": -1, "__proto__": {}, "pregnant": "yes", "epilepsy": false, "acuteInfection": 0}',
    );
    expect(issuesOf(parsePatientFacts(input)).map(({ code, path }) => ({ code, path }))).toEqual([
      { code: 'unknown-key', path: ['pregnancy'] },
      { code: 'out-of-range', path: ['ageYears'] },
      { code: 'forbidden-key', path: ['__proto__'] },
      { code: 'invalid-type', path: ['pregnant'] },
      { code: 'invalid-type', path: ['acuteInfection'] },
    ]);
  });

  it('gives every issue a code, a path and a message, as plain data', () => {
    for (const issue of issuesOf(parsePatientFacts({ a: 1, ageYears: 'x', pregnant: 2 }))) {
      expect(Object.keys(issue).sort()).toEqual(['code', 'message', 'path']);
      expect(issue.message.length).toBeGreaterThan(0);
    }
  });
});

describe('patientFactsSchema (Standard Schema v1)', () => {
  const standard = patientFactsSchema['~standard'];

  it('declares version 1 and the vendor acuspine', () => {
    expect(standard.version).toBe(1);
    expect(standard.vendor).toBe('acuspine');
    expect(typeof standard.validate).toBe('function');
  });

  it('returns the parsed value synchronously', () => {
    const result = standard.validate({ ageYears: 40, pregnant: null, epilepsy: false });
    expect(result).not.toBeInstanceOf(Promise);
    expect(result).toEqual({ value: { ageYears: 40, epilepsy: false } });
    expect(result).not.toHaveProperty('issues');
  });

  it('returns every issue with its message and path, synchronously', () => {
    const result = standard.validate({ ageYears: 'forty', pregnancy: true });
    expect(result).not.toBeInstanceOf(Promise);
    expect(result).toEqual({
      issues: [
        { message: 'expected a number of years, got the string "forty"', path: ['ageYears'] },
        { message: expect.any(String), path: ['pregnancy'] },
      ],
    });
  });

  it('validates exactly as parsePatientFacts does', () => {
    for (const input of [{}, { ageYears: 150 }, [], null, { constructor: 1 }, fullRecord]) {
      const parsed = parsePatientFacts(input);
      const validated = standard.validate(input);
      if (parsed.ok) expect(validated).toEqual({ value: parsed.value });
      else expect(validated).toEqual({ issues: parsed.issues.map(({ message, path }) => ({ message, path })) });
    }
  });

  it('is frozen', () => {
    expect(Object.isFrozen(patientFactsSchema)).toBe(true);
    expect(Object.isFrozen(standard)).toBe(true);
  });
});
