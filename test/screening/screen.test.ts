import { describe, expect, it } from 'vitest';
import {
  ageRule,
  type BooleanFactName,
  cautionRuleSet,
  defineRuleSet,
  type FactName,
  type PatientFacts,
  PROTOCOL_TITLE,
  type ProtocolRuleId,
  protocolFactNames,
  protocolRuleSet,
  type Screening,
  screen,
} from '../../src/index.js';
import { noProtocolFinding } from '../fixtures/patients.js';
import { referenceScreening } from './reference-screening.js';

/** A record that settles every protocol rule as absent. */
const noContraindication = noProtocolFinding;

/** Lets a test hand `screen` what untyped callers (JSON, forms, JavaScript) can hand it. */
const untyped = (value: unknown): PatientFacts => value as PatientFacts;

/** The record with some facts replaced, and those given as `ABSENT` removed. */
const ABSENT = Symbol('absent');
function withFacts(overrides: Readonly<Record<string, unknown>>): PatientFacts {
  const record: Record<string, unknown> = { ...noContraindication };
  for (const [fact, value] of Object.entries(overrides)) {
    if (value === ABSENT) delete record[fact];
    else record[fact] = value;
  }
  return untyped(record);
}
const withFact = (fact: FactName, value: unknown): PatientFacts => withFacts({ [fact]: value });

function outcomeOf(screening: Screening, rule: string) {
  const finding = screening.findings.find((f) => f.rule === rule);
  if (finding === undefined) throw new Error(`no finding for ${rule}`);
  return finding.outcome;
}

const protocolIds: readonly ProtocolRuleId[] = [
  'age',
  'oncology',
  'pregnancy',
  'coagulation',
  'acute-infection',
  'acute-mental-state',
];

describe('screen: the age rule (protocol item 1)', () => {
  it.each([
    [0, 'present'],
    [1, 'present'],
    [2, 'present'],
    [2.99, 'present'],
    [2.999999, 'present'],
    [3, 'absent'],
    [3.01, 'absent'],
    [40, 'absent'],
    [75, 'absent'],
    [75.5, 'absent'],
    [75.99, 'absent'],
    [76, 'present'],
    [76.5, 'present'],
    [149.99, 'present'],
  ] as const)('an age of %s years makes the age rule %s (completed years are the floor)', (ageYears, outcome) => {
    const result = screen({ ...noContraindication, ageYears });
    expect(outcomeOf(result, 'age')).toBe(outcome);
    expect(result.status).toBe(outcome === 'present' ? 'contraindicated' : 'eligible');
    expect(result.contraindications).toEqual(outcome === 'present' ? ['age'] : []);
    expect(result.missing).toEqual([]);
    expect(result.invalid).toEqual([]);
  });

  it('a 76-year-old is contraindicated by the age rule', () => {
    expect(screen({ ...noContraindication, ageYears: 76 }).contraindications).toEqual(['age']);
  });

  it('a 2-year-old is contraindicated by the age rule, a 3-year-old is not', () => {
    expect(screen({ ...noContraindication, ageYears: 2 }).status).toBe('contraindicated');
    expect(screen({ ...noContraindication, ageYears: 3 }).status).toBe('eligible');
  });

  it.each([
    ['absent', ABSENT],
    ['undefined', undefined],
    ['null', null],
  ] as const)('an age that is %s leaves the age rule unknown and asks for ageYears', (_label, value) => {
    const result = screen(withFact('ageYears', value));
    expect(outcomeOf(result, 'age')).toBe('unknown');
    expect(result.status).toBe('incomplete');
    expect(result.missing).toEqual(['ageYears']);
    expect(result.invalid).toEqual([]);
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['-1', -1],
    ['-0.5', -0.5],
    ['150', 150],
    ['1000', 1000],
    ["the string '40'", '40'],
    ['true', true],
    ['an object', {}],
    ['an array', [40]],
    ['a bigint', 40n],
  ])('an age of %s is invalid: the age rule stays unknown, never absent', (_label, value) => {
    const result = screen(withFact('ageYears', value));
    expect(outcomeOf(result, 'age')).toBe('unknown');
    expect(result.status).toBe('incomplete');
    expect(result.invalid).toEqual(['ageYears']);
    expect(result.missing).toEqual(['ageYears']);
  });
});

const singleFactRules = [
  ['oncology', 'oncologicalDisease', 2],
  ['pregnancy', 'pregnant', 3],
  ['coagulation', 'coagulationDisorder', 4],
  ['acute-infection', 'acuteInfection', 5],
  ['acute-mental-state', 'acuteMentalIllness', 6],
  ['acute-mental-state', 'psychotropicInfluence', 6],
] as const satisfies readonly (readonly [ProtocolRuleId, BooleanFactName, number])[];

describe.each(singleFactRules)('screen: the %s rule read through %s (protocol item %i)', (rule, fact) => {
  it(`${fact}: true makes ${rule} present and the patient contraindicated`, () => {
    const result = screen(withFact(fact, true));
    expect(outcomeOf(result, rule)).toBe('present');
    expect(result.status).toBe('contraindicated');
    expect(result.contraindications).toEqual([rule]);
    expect(result.cautions).toEqual([]);
    expect(result.missing).toEqual([]);
  });

  it(`${fact}: false makes ${rule} absent and the patient eligible`, () => {
    const result = screen(withFact(fact, false));
    expect(outcomeOf(result, rule)).toBe('absent');
    expect(result.status).toBe('eligible');
    expect(result.contraindications).toEqual([]);
  });

  it.each([
    ['absent', ABSENT],
    ['undefined', undefined],
    ['null', null],
  ] as const)(`${fact} %s is not recorded: ${rule} is unknown and ${fact} is asked for`, (_label, value) => {
    const result = screen(withFact(fact, value));
    expect(outcomeOf(result, rule)).toBe('unknown');
    expect(result.status).toBe('incomplete');
    expect(result.missing).toEqual([fact]);
    expect(result.invalid).toEqual([]);
  });

  it.each([
    ["'no'", 'no'],
    ["'false'", 'false'],
    ["'true'", 'true'],
    ['0', 0],
    ['1', 1],
    ['{}', {}],
    ['[]', []],
    ['a boxed false', Object(false)],
  ])(`${fact} of the wrong type %s is invalid, never read as false: ${rule} stays unknown`, (_label, value) => {
    const result = screen(withFact(fact, value));
    expect(outcomeOf(result, rule)).toBe('unknown');
    expect(result.status).toBe('incomplete');
    expect(result.invalid).toEqual([fact]);
    expect(result.missing).toEqual([fact]);
  });
});

describe('screen: acute-mental-state is a three-valued (Kleene) OR', () => {
  const given = { true: true, false: false, missing: ABSENT } as const;
  it.each([
    ['true', 'true', 'present', []],
    ['true', 'false', 'present', []],
    ['true', 'missing', 'present', []],
    ['false', 'true', 'present', []],
    ['false', 'false', 'absent', []],
    ['false', 'missing', 'unknown', ['psychotropicInfluence']],
    ['missing', 'true', 'present', []],
    ['missing', 'false', 'unknown', ['acuteMentalIllness']],
    ['missing', 'missing', 'unknown', ['acuteMentalIllness', 'psychotropicInfluence']],
  ] as const)(
    'acuteMentalIllness %s with psychotropicInfluence %s makes the rule %s',
    (illness, influence, outcome, missing) => {
      const record = withFacts({ acuteMentalIllness: given[illness], psychotropicInfluence: given[influence] });
      const result = screen(record);
      expect(outcomeOf(result, 'acute-mental-state')).toBe(outcome);
      expect(result.missing).toEqual(missing);
      expect(result.status).toBe(
        outcome === 'present' ? 'contraindicated' : outcome === 'unknown' ? 'incomplete' : 'eligible',
      );
    },
  );

  it('an invalid operand is unknown: with the other operand false the rule stays unknown', () => {
    const result = screen(withFacts({ acuteMentalIllness: 'yes' }));
    expect(outcomeOf(result, 'acute-mental-state')).toBe('unknown');
    expect(result.invalid).toEqual(['acuteMentalIllness']);
    expect(result.missing).toEqual(['acuteMentalIllness']);
  });

  it('an invalid operand does not hide a true one: the rule is present and the invalid fact is still asked again', () => {
    const result = screen(untyped({ ...noContraindication, acuteMentalIllness: 'yes', psychotropicInfluence: true }));
    expect(outcomeOf(result, 'acute-mental-state')).toBe('present');
    expect(result.status).toBe('contraindicated');
    expect(result.invalid).toEqual(['acuteMentalIllness']);
    expect(result.missing).toEqual(['acuteMentalIllness']);
  });
});

describe('screen: status precedence', () => {
  it('a present absolute rule beats unknown rules: contraindicated', () => {
    const result = screen({ pregnant: true });
    expect(result.status).toBe('contraindicated');
    expect(result.contraindications).toEqual(['pregnancy']);
    expect(result.findings.filter((f) => f.outcome === 'unknown').map((f) => f.rule)).toEqual([
      'age',
      'oncology',
      'coagulation',
      'acute-infection',
      'acute-mental-state',
    ]);
  });

  it('an unknown rule beats a present relative rule: incomplete, with the caution still listed', () => {
    const result = screen({ anticoagulantTherapy: true }, { ruleSet: cautionRuleSet });
    expect(result.status).toBe('incomplete');
    expect(result.cautions).toEqual(['anticoagulant-therapy']);
  });

  it('present relative rules with everything else absent give caution', () => {
    const result = screen(
      {
        anticoagulantTherapy: true,
        pacemaker: false,
        skinLesionAtSite: false,
        needlePhobia: true,
        epilepsy: false,
        pregnant: false,
      },
      { ruleSet: cautionRuleSet },
    );
    expect(result.status).toBe('caution');
    expect(result.cautions).toEqual(['anticoagulant-therapy', 'needle-phobia']);
    expect(result.contraindications).toEqual([]);
  });

  it('all rules absent give eligible, with nothing missing or invalid', () => {
    const result = screen(noContraindication);
    expect(result.status).toBe('eligible');
    expect(result.findings.every((f) => f.outcome === 'absent')).toBe(true);
    expect(result.contraindications).toEqual([]);
    expect(result.cautions).toEqual([]);
    expect(result.missing).toEqual([]);
    expect(result.invalid).toEqual([]);
  });

  it('several present absolute rules are all listed, in rule-set order', () => {
    const result = screen({ ...noContraindication, acuteInfection: true, ageYears: 80, pregnant: true });
    expect(result.contraindications).toEqual(['age', 'pregnancy', 'acute-infection']);
  });
});

describe('screen: missing', () => {
  it('an empty record asks for every protocol fact, in the protocol order', () => {
    expect(screen({}).missing).toEqual([
      'ageYears',
      'oncologicalDisease',
      'pregnant',
      'coagulationDisorder',
      'acuteInfection',
      'acuteMentalIllness',
      'psychotropicInfluence',
    ]);
    expect(screen({}).missing).toEqual(protocolFactNames);
  });

  it('the order of missing follows the rule set, not the order of keys in the record', () => {
    const result = screen({ psychotropicInfluence: null, acuteInfection: undefined, pregnant: null, ageYears: null });
    expect(result.missing).toEqual(protocolFactNames);
  });

  it('a fact that cannot change a settled rule is not asked for', () => {
    const result = screen({ ...noContraindication, acuteMentalIllness: true, psychotropicInfluence: undefined });
    expect(result.missing).toEqual([]);
    expect(result.status).toBe('contraindicated');
  });

  it('a fact read by several rules is listed once', () => {
    const ruleSet = defineRuleSet({
      id: 'shared-facts',
      version: '1',
      rules: [
        { id: 'a', kind: 'absolute', when: { type: 'any', facts: ['pregnant'] }, source: { title: 'T' } },
        { id: 'b', kind: 'relative', when: { type: 'all', facts: ['pregnant', 'epilepsy'] }, source: { title: 'T' } },
        { id: 'c', kind: 'relative', when: { type: 'age-outside', under: 3, over: 75 }, source: { title: 'T' } },
        { id: 'd', kind: 'relative', when: { type: 'age-outside', under: 18, over: 65 }, source: { title: 'T' } },
      ],
    });
    expect(screen({}, { ruleSet }).missing).toEqual(['pregnant', 'epilepsy', 'ageYears']);
    const invalidAge = screen(untyped({ ageYears: -5, pregnant: false }), { ruleSet });
    expect(invalidAge.invalid).toEqual(['ageYears']);
    expect(invalidAge.missing).toEqual(['ageYears']);
  });

  it('facts outside the rule set are neither read nor reported, even when invalid', () => {
    const result = screen(untyped({ ...noContraindication, epilepsy: 'garbage', pregnancy: true }));
    expect(result.status).toBe('eligible');
    expect(result.invalid).toEqual([]);
    expect(result.missing).toEqual([]);
  });

  it('a misspelt key is not a fact: pregnancy: true leaves the pregnancy rule unknown', () => {
    const { pregnant: _omitted, ...rest } = noContraindication;
    const result = screen(untyped({ ...rest, pregnancy: true }));
    expect(outcomeOf(result, 'pregnancy')).toBe('unknown');
    expect(result.status).toBe('incomplete');
    expect(result.missing).toEqual(['pregnant']);
  });
});

describe('screen: invalid', () => {
  it('lists every fact of the wrong type or range, in rule-set order, each also in missing', () => {
    const result = screen(
      untyped({
        psychotropicInfluence: 'no',
        ageYears: '40',
        oncologicalDisease: 0,
        pregnant: false,
        coagulationDisorder: null,
        acuteInfection: {},
        acuteMentalIllness: false,
      }),
    );
    expect(result.invalid).toEqual(['ageYears', 'oncologicalDisease', 'acuteInfection', 'psychotropicInfluence']);
    expect(result.missing).toEqual([
      'ageYears',
      'oncologicalDisease',
      'coagulationDisorder',
      'acuteInfection',
      'psychotropicInfluence',
    ]);
    for (const fact of result.invalid) expect(result.missing).toContain(fact);
  });

  it('an invalid fact is asked again even when its rule is already present', () => {
    const result = screen(untyped({ ...noContraindication, ageYears: Number.NaN, pregnant: true }));
    expect(result.status).toBe('contraindicated');
    expect(result.invalid).toEqual(['ageYears']);
    expect(result.missing).toEqual(['ageYears']);
  });
});

describe('screen: provenance', () => {
  it('records the id and version of the default rule set', () => {
    expect(screen({}).ruleSet).toEqual({ id: 'acuspine-protocol', version: '1.0.0' });
    expect(screen({}).ruleSet).toEqual({ id: protocolRuleSet.id, version: protocolRuleSet.version });
  });

  it('records the id and version of the rule set it was given, and nothing else', () => {
    const ruleSet = defineRuleSet({
      id: 'clinic-x',
      version: '2026-01',
      rules: [
        { id: 'phobia', kind: 'relative', when: { type: 'any', facts: ['needlePhobia'] }, source: { title: 'T' } },
      ],
    });
    expect(screen({}, { ruleSet }).ruleSet).toStrictEqual({ id: 'clinic-x', version: '2026-01' });
  });

  it('gives one finding per rule in rule-set order, with the kind and the protocol item as source', () => {
    const result = screen({ ...noContraindication, pregnant: true });
    expect(result.findings.map((f) => f.rule)).toEqual(protocolIds);
    result.findings.forEach((finding, index) => {
      expect(finding.kind).toBe('absolute');
      expect(finding.source).toEqual({ title: PROTOCOL_TITLE, section: 'Contraindications', item: index + 1 });
    });
    expect(result.findings.map((f) => f.outcome)).toEqual([
      'absent',
      'absent',
      'present',
      'absent',
      'absent',
      'absent',
    ]);
  });

  it('an options object without a rule set uses the protocol', () => {
    expect(screen({}, {}).ruleSet.id).toBe('acuspine-protocol');
  });
});

describe('screen: any input', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['42', 42],
    ["'x'", 'x'],
    ['[]', []],
    ['true', true],
    ['a function', () => ({ pregnant: true })],
    ['a symbol', Symbol('facts')],
  ])('%s is screened as a record with no facts: incomplete, asking for every protocol fact', (_label, value) => {
    const result = screen(untyped(value));
    expect(result.status).toBe('incomplete');
    expect(result.missing).toEqual(protocolFactNames);
    expect(result.invalid).toEqual([]);
    expect(result.findings.every((f) => f.outcome === 'unknown')).toBe(true);
  });

  it('a getter that throws does not throw out of screen: that fact is invalid', () => {
    const record = { ...noContraindication };
    Object.defineProperty(record, 'pregnant', {
      enumerable: true,
      get() {
        throw new Error('database connection lost');
      },
    });
    const result = screen(record);
    expect(result.status).toBe('incomplete');
    expect(result.invalid).toEqual(['pregnant']);
    expect(result.missing).toEqual(['pregnant']);
    expect(outcomeOf(result, 'pregnancy')).toBe('unknown');
    expect(outcomeOf(result, 'oncology')).toBe('absent');
  });

  it('a proxy whose get trap throws for one fact makes only that fact invalid', () => {
    const record = new Proxy(
      { ...noContraindication, acuteInfection: true },
      {
        get(target, key, receiver) {
          if (key === 'coagulationDisorder') throw new Error('no access');
          return Reflect.get(target, key, receiver);
        },
      },
    );
    const result = screen(record);
    expect(result.status).toBe('contraindicated');
    expect(result.contraindications).toEqual(['acute-infection']);
    expect(result.invalid).toEqual(['coagulationDisorder']);
  });

  it('a getter that throws leaves the age read as an age, also by an age rule with no lower bound', () => {
    const noLowerBound = defineRuleSet({
      id: 'no-lower-bound',
      version: '1',
      rules: [ageRule({ under: 0 }), ...protocolRuleSet.rules.slice(1)],
    });
    const record = { ...noContraindication, ageYears: 80 };
    Object.defineProperty(record, 'pregnant', {
      enumerable: true,
      get() {
        throw new Error('database connection lost');
      },
    });
    const result = screen(record, { ruleSet: noLowerBound });
    expect(result.status).toBe('contraindicated');
    expect(result.contraindications).toEqual(['age']);
    expect(result.invalid).toEqual(['pregnant']);
  });

  it('a revoked proxy does not throw: every fact is invalid', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const result = screen(untyped(proxy));
    expect(result.status).toBe('incomplete');
    expect(result.invalid).toEqual(protocolFactNames);
    expect(result.missing).toEqual(protocolFactNames);
  });

  it('a frozen record is accepted and never written to', () => {
    const record = Object.freeze({ ageYears: 30, pregnant: false });
    expect(screen(record).status).toBe('incomplete');
    expect(record).toEqual({ ageYears: 30, pregnant: false });
  });
});

describe('screen: results', () => {
  it('are frozen, down to every finding and its source', () => {
    const result = screen(untyped({ pregnant: true, ageYears: 'x' }), { ruleSet: protocolRuleSet });
    expect(Object.isFrozen(result)).toBe(true);
    for (const part of [result.findings, result.contraindications, result.cautions, result.missing, result.invalid]) {
      expect(Object.isFrozen(part)).toBe(true);
    }
    expect(Object.isFrozen(result.ruleSet)).toBe(true);
    for (const finding of result.findings) {
      expect(Object.isFrozen(finding)).toBe(true);
      expect(Object.isFrozen(finding.source)).toBe(true);
    }
    expect(() => {
      (result.missing as FactName[]).push('pregnant');
    }).toThrow(TypeError);
  });

  it('are the same for the same facts, whichever object carries them', () => {
    const facts = { ageYears: 52, pregnant: false, acuteMentalIllness: false };
    const first = screen(facts);
    const second = screen({ ...facts });
    const third = screen(JSON.parse(JSON.stringify(facts)));
    expect(second).toEqual(first);
    expect(third).toEqual(first);
  });

  it('are deep-equal for ages with the same completed years', () => {
    expect(screen({ ageYears: 40.2 })).toEqual(screen({ ageYears: 40.9 }));
  });

  it('do not depend on earlier screenings', () => {
    const before = screen({ ageYears: 80 });
    for (let age = 0; age < 150; age += 0.5) screen({ ageYears: age, pregnant: age > 50 });
    expect(screen({ ageYears: 80 })).toEqual(before);
    expect(before.contraindications).toEqual(['age']);
  });
});

describe('screen: every combination', () => {
  it('screens each of the 4^7 combinations of true, false, missing and invalid protocol facts as the reference reading does', () => {
    // More distinct fact states than screen keeps cached, so that the uncached path is checked too.
    const ages = [80, 40, null, -1];
    const booleans = [true, false, undefined, 'no'];
    const booleanFacts = protocolFactNames.slice(1);
    const mismatches: unknown[] = [];
    let checked = 0;
    for (let code = 0; code < 4 ** 7; code++) {
      const record: Record<string, unknown> = { ageYears: ages[code % 4] };
      booleanFacts.forEach((fact, i) => {
        record[fact] = booleans[Math.floor(code / 4 ** (i + 1)) % 4];
      });
      const expected = referenceScreening(record, protocolRuleSet);
      const result = screen(untyped(record));
      const actual = {
        status: result.status,
        outcomes: result.findings.map((f) => f.outcome),
        contraindications: result.contraindications,
        cautions: result.cautions,
        referrals: result.referrals,
        missing: result.missing,
        invalid: result.invalid,
      };
      if (JSON.stringify(actual) !== JSON.stringify(expected)) mismatches.push({ record, expected, actual });
      checked++;
    }
    expect(mismatches.slice(0, 3)).toEqual([]);
    expect(checked).toBe(16_384);
  });
});
