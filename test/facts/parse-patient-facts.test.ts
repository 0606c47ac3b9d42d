import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { MAX_ISSUES } from '../../src/_internal/result.js';
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
  redFlagFactNames,
  redFlagRuleSet,
  ruleFacts,
  screen,
} from '../../src/index.js';
import {
  countingGetter,
  endlessPrototypeChain,
  withPrototypeProperty,
  withPrototypeValue,
} from '../fixtures/polluted-prototype.js';

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
  caudaEquinaSyndrome: false,
  newBladderOrBowelDysfunction: false,
  saddleAnaesthesia: false,
  severeOrProgressiveNeurologicalDeficit: false,
  historyOfCancer: true,
  unexplainedWeightLoss: false,
  nightPain: false,
  prolongedCorticosteroidUse: false,
  severeTrauma: false,
  contusionOrAbrasion: false,
  osteoporosisWithMinorTrauma: false,
  feverOrSystemicallyUnwell: false,
  intravenousDrugUse: false,
  immunosuppression: false,
  recentBacterialInfection: false,
  gaitDisturbance: false,
  clumsyHands: false,
  upperMotorNeuronSigns: false,
  cervicalArterialDysfunctionSigns: false,
  inflammatoryBackPain: false,
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
  it('knows the seven protocol facts, the six caution facts and the twenty red-flag facts, in that order', () => {
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
    // The red-flag facts are exactly those the red-flag rules read, in their order.
    expect(redFlagFactNames).toEqual(redFlagRuleSet.rules.flatMap((rule) => ruleFacts(rule)));
    expect(redFlagFactNames).toHaveLength(20);
    expect(factNames).toEqual([...protocolFactNames, ...cautionFactNames, ...redFlagFactNames]);
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
      issues: [{ code: 'unknown-key', path: ['pregnancy'], message: '"pregnancy" is not a patient fact' }],
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

  it('reads a fact inherited from a prototype of its own, as screen does', () => {
    const inherited = Object.create({ pregnant: true }) as object;
    expect(parsedValue(parsePatientFacts(inherited))).toEqual({ pregnant: true });
    expect(screen(inherited).contraindications).toEqual(['pregnancy']);
  });

  it('does not call an unknown key of a prototype an unknown key: only own keys are checked', () => {
    const inherited = Object.create({ pregnancy: true }) as object;
    expect(parsedValue(parsePatientFacts(inherited))).toEqual({});
  });
});

describe('parsePatientFacts reads the facts that screen reads', () => {
  class Patient {
    readonly ageYears = 52;
    get pregnant() {
      return false;
    }
    get epilepsy() {
      return null;
    }
    describe() {
      return 'a patient';
    }
  }
  class Inpatient extends Patient {
    get acuteInfection() {
      return true;
    }
  }

  it('reads an own non-enumerable fact', () => {
    const input = { ageYears: 40 };
    Object.defineProperty(input, 'pregnant', { value: true, enumerable: false });
    expect(parsedValue(parsePatientFacts(input))).toEqual({ ageYears: 40, pregnant: true });
    expect(screen(input).contraindications).toEqual(['pregnancy']);
  });

  it('checks the value of an own non-enumerable fact', () => {
    const input = {};
    Object.defineProperty(input, 'acuteInfection', { value: 'yes', enumerable: false });
    expect(issuesOf(parsePatientFacts(input))).toEqual([
      { code: 'invalid-type', path: ['acuteInfection'], message: 'expected true or false, got the string "yes"' },
    ]);
  });

  it('reports an own non-enumerable fact whose getter throws as unreadable', () => {
    const input = {};
    Object.defineProperty(input, 'pregnant', {
      get() {
        throw new Error('boom');
      },
    });
    expect(issuesOf(parsePatientFacts(input))).toEqual([
      { code: 'unreadable', path: ['pregnant'], message: 'the value of "pregnant" could not be read' },
    ]);
  });

  it('ignores an own non-enumerable key that is not a fact, as JSON and spreading do', () => {
    const input = { ageYears: 40 };
    Object.defineProperty(input, 'pregnancy', { value: true, enumerable: false });
    expect(parsedValue(parsePatientFacts(input))).toEqual({ ageYears: 40 });
  });

  it("reads the getters of a class instance's prototype and of its base class, but not its methods", () => {
    expect(parsedValue(parsePatientFacts(new Patient()))).toEqual({ ageYears: 52, pregnant: false });
    expect(parsedValue(parsePatientFacts(new Inpatient()))).toEqual({
      ageYears: 52,
      pregnant: false,
      acuteInfection: true,
    });
  });

  it("checks the value of a class instance's getter, and reports one that throws as unreadable", () => {
    class Broken {
      get pregnant() {
        return 'no';
      }
      get acuteInfection(): boolean {
        throw new Error('database connection lost');
      }
    }
    expect(issuesOf(parsePatientFacts(new Broken())).map(({ code, path }) => ({ code, path }))).toEqual([
      { code: 'invalid-type', path: ['pregnant'] },
      { code: 'unreadable', path: ['acuteInfection'] },
    ]);
  });

  it('still refuses an unknown own key of a class instance', () => {
    class Row {
      readonly pregnant = true;
      readonly region = 'cervical';
    }
    expect(issuesOf(parsePatientFacts(new Row()))).toEqual([
      { code: 'unknown-key', path: ['region'], message: expect.any(String) },
    ]);
  });

  it('reads a class instance with a prototype chain of any ordinary length', () => {
    let prototype: object = { pregnant: true };
    for (let level = 0; level < 200; level++) prototype = Object.create(prototype) as object;
    expect(parsedValue(parsePatientFacts(prototype))).toEqual({ pregnant: true });
  });

  it('reports a proxy whose prototype chain never ends as unreadable, without hanging', () => {
    expect(issuesOf(parsePatientFacts(endlessPrototypeChain()))).toEqual([
      { code: 'unreadable', path: [], message: 'the input could not be read' },
    ]);
  });
});

describe('parsePatientFacts never reads a fact from Object.prototype', () => {
  it('ignores Object.prototype.pregnant = false, as screen does', () => {
    const parsed = withPrototypeValue('pregnant', false, () => parsePatientFacts({ ageYears: 40 }));
    expect(parsed).toEqual({ ok: true, value: { ageYears: 40 } });
  });

  it('ignores a polluted fact of every name, enumerable or not, valid or not', () => {
    for (const name of factNames) {
      for (const value of [true, false, 40, 'x', null]) {
        expect(withPrototypeValue(name, value, () => parsePatientFacts({}))).toEqual({ ok: true, value: {} });
        expect(withPrototypeProperty(name, { value }, () => parsePatientFacts({}))).toEqual({ ok: true, value: {} });
      }
    }
  });

  it('never calls a getter on Object.prototype', () => {
    const getter = countingGetter('x');
    const parsed = withPrototypeProperty('acuteInfection', getter.descriptor, () =>
      parsePatientFacts({ epilepsy: true }),
    );
    expect(parsed).toEqual({ ok: true, value: { epilepsy: true } });
    expect(getter.calls()).toBe(0);
  });

  it('reads the own value and the class getters of a class instance while Object.prototype is polluted', () => {
    class Patient {
      readonly ageYears = 52;
      get acuteInfection() {
        return true;
      }
    }
    const parsed = withPrototypeValue('acuteInfection', false, () =>
      withPrototypeValue('ageYears', 30, () =>
        withPrototypeValue('pregnant', true, () => parsePatientFacts(new Patient())),
      ),
    );
    expect(parsed).toEqual({ ok: true, value: { ageYears: 52, acuteInfection: true } });
  });

  it('never calls a setter on Object.prototype, nor fails on a property it could not set', () => {
    let stolen: unknown;
    const setter = { set: (value: unknown) => (stolen = value) };
    const parsed = withPrototypeProperty('pregnant', setter, () =>
      withPrototypeProperty('ageYears', { get: () => 30 }, () => parsePatientFacts({ ageYears: 40, pregnant: true })),
    );
    expect(parsed).toEqual({ ok: true, value: { ageYears: 40, pregnant: true } });
    expect(Object.getPrototypeOf(parsedValue(parsed))).toBe(Object.prototype);
    expect(stolen).toBeUndefined();
  });

  it('reads a fact of an object without a prototype, and only its own, while Object.prototype is polluted', () => {
    const input = Object.assign(Object.create(null) as object, { epilepsy: false });
    const parsed = withPrototypeValue('pregnant', true, () => parsePatientFacts(input));
    expect(parsed).toEqual({ ok: true, value: { epilepsy: false } });
  });
});

describe('parsePatientFacts refuses objects whose data is not in their properties', () => {
  class Registry extends Map<string, unknown> {}
  it.each([
    ['a Map', new Map([['pregnant', true]])],
    ['a subclass of Map', new Registry()],
    ['a Set', new Set(['pregnant'])],
    ['a WeakMap', new WeakMap()],
    ['a WeakSet', new WeakSet()],
    ['a Date', new Date(0)],
    ['a RegExp', /pregnant/],
    ['a Promise', Promise.resolve({ pregnant: true })],
    ['an Error', new Error('pregnant')],
    ['a Uint8Array', new Uint8Array(0)],
    ['a Float64Array', new Float64Array(0)],
    ['an ArrayBuffer', new ArrayBuffer(8)],
    ['a DataView', new DataView(new ArrayBuffer(8))],
    ['a boxed boolean', Object(true)],
    ['a boxed number', Object(40)],
    ['a boxed string', Object('')],
    ['a WeakRef', new WeakRef({})],
  ])('%s is not an object of patient facts', (_label, input) => {
    expect(parsePatientFacts(input)).toEqual({
      ok: false,
      issues: [
        {
          code: 'not-an-object',
          path: [],
          message: expect.stringMatching(/^expected an object of patient facts, got /),
        },
      ],
    });
  });

  it('names the kind of built-in object it refuses', () => {
    const messageOf = (input: unknown) => issuesOf(parsePatientFacts(input))[0]?.message;
    expect(messageOf(new Map())).toBe('expected an object of patient facts, got a built-in Map');
    expect(messageOf(new Registry())).toBe('expected an object of patient facts, got a built-in Map');
    expect(messageOf(new Uint8Array(0))).toBe('expected an object of patient facts, got a built-in Uint8Array');
    expect(messageOf(Object.create(new Date(0)))).toBe('expected an object of patient facts, got a built-in Date');
  });

  it('accepts a class instance and an object whose prototype is an ordinary object', () => {
    class Facts {
      readonly pregnant = false;
    }
    expect(parsedValue(parsePatientFacts(new Facts()))).toEqual({ pregnant: false });
    expect(parsedValue(parsePatientFacts(Object.create({}) as object))).toEqual({});
    expect(parsedValue(parsePatientFacts(Object.create({ constructor: 'not a class' }) as object))).toEqual({});
  });

  it('accepts a plain object made in another realm (an iframe, a vm context), and refuses its Map', () => {
    const foreign = runInNewContext('({ ageYears: 40, pregnant: false })') as object;
    expect(Object.getPrototypeOf(foreign)).not.toBe(Object.prototype);
    expect(parsedValue(parsePatientFacts(foreign))).toEqual({ ageYears: 40, pregnant: false });
    expect(issuesOf(parsePatientFacts(runInNewContext('new Map()')))[0]?.message).toBe(
      'expected an object of patient facts, got a built-in Map',
    );
  });

  it('reports an input whose prototype cannot be read as unreadable at the root', () => {
    const hostile = new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new Error('no prototype');
        },
      },
    );
    const classless = Object.create(
      Object.defineProperty({}, 'constructor', {
        get() {
          throw new Error('no constructor');
        },
      }),
    ) as object;
    for (const input of [hostile, classless]) {
      expect(parsePatientFacts(input)).toEqual({
        ok: false,
        issues: [{ code: 'unreadable', path: [], message: 'the input could not be read' }],
      });
    }
  });
});

describe('parsePatientFacts: frozen results', () => {
  it('freezes the result and the facts it returns', () => {
    const result = parsePatientFacts({ ageYears: 40, pregnant: false });
    expect(Object.isFrozen(result)).toBe(true);
    expect(Object.isFrozen(parsedValue(result))).toBe(true);
    expect(() => {
      (parsedValue(result) as { pregnant?: boolean }).pregnant = true;
    }).toThrow(TypeError);
  });

  it('freezes the result, its issues and every issue with its path', () => {
    const result = parsePatientFacts({ pregnancy: true, ageYears: -1 });
    expect(Object.isFrozen(result)).toBe(true);
    const issues = issuesOf(result);
    expect(Object.isFrozen(issues)).toBe(true);
    for (const found of issues) {
      expect(Object.isFrozen(found)).toBe(true);
      expect(Object.isFrozen(found.path)).toBe(true);
    }
  });
});

describe('parsePatientFacts: a bounded list of issues', () => {
  const unknownKeys = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, true]));

  it(`lists all ${MAX_ISSUES} issues when there are exactly ${MAX_ISSUES}`, () => {
    const issues = issuesOf(parsePatientFacts(unknownKeys(MAX_ISSUES)));
    expect(issues).toHaveLength(MAX_ISSUES);
    expect(issues.every((found) => found.code === 'unknown-key')).toBe(true);
  });

  it(`lists the first ${MAX_ISSUES} issues and says that one more was found`, () => {
    const issues = issuesOf(parsePatientFacts(unknownKeys(MAX_ISSUES + 1)));
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    expect(issues[MAX_ISSUES - 1]?.path).toEqual([`k${MAX_ISSUES - 1}`]);
    expect(issues[MAX_ISSUES]).toEqual({
      code: 'too-many-issues',
      path: [],
      message: '1 more issue was found and not listed',
    });
  });

  it('counts every issue past the list, of every kind', () => {
    const input = { ...unknownKeys(MAX_ISSUES), pregnant: 'yes', ageYears: -1, constructor: 1, other: 1 };
    const issues = issuesOf(parsePatientFacts(input));
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    expect(issues[MAX_ISSUES]?.message).toBe('4 more issues were found and not listed');
  });

  it('answers a huge record of unknown keys with a short list and the exact count of the rest', () => {
    const issues = issuesOf(parsePatientFacts(unknownKeys(200_000)));
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    expect(issues[MAX_ISSUES]?.message).toBe(`${200_000 - MAX_ISSUES} more issues were found and not listed`);
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

  it('names what it got in each message: null, a number, a boolean, a string up to 41 characters in full, or the type', () => {
    const messageOf = (input: unknown) => issuesOf(parsePatientFacts(input))[0]?.message;
    expect(messageOf(null)).toBe('expected an object of patient facts, got null');
    expect(messageOf([])).toBe('expected an object of patient facts, got an array');
    expect(messageOf(42)).toBe('expected an object of patient facts, got the number 42');
    expect(messageOf(true)).toBe('expected an object of patient facts, got the boolean true');
    expect(messageOf(undefined)).toBe('expected an object of patient facts, got a value of type undefined');
    expect(messageOf({ ageYears: true })).toBe('expected a number of years, got the boolean true');
    expect(messageOf({ ageYears: 150 })).toBe('expected a finite age from 0 to below 150, got 150');
    const forty = 'y'.repeat(40);
    expect(messageOf({ pregnant: `${forty}z` })).toBe(`expected true or false, got the string "${forty}z"`);
    expect(messageOf({ pregnant: `${forty}zz` })).toBe(`expected true or false, got the string "${forty}…"`);
    const split = `${'y'.repeat(39)}\u{1F9B4}z`;
    expect(messageOf({ pregnant: split })).toBe(`expected true or false, got the string "${'y'.repeat(39)}…"`);
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
