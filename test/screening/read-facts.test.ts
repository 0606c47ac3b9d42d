import { describe, expect, it } from 'vitest';
import {
  cautionRuleSet,
  factNames,
  type PatientFacts,
  protocolFactNames,
  protocolRuleSet,
  screen,
} from '../../src/index.js';
import { noProtocolFinding } from '../fixtures/patients.js';
import {
  countingGetter,
  endlessPrototypeChain,
  withPrototypeProperty,
  withPrototypeValue,
} from '../fixtures/polluted-prototype.js';

// Which facts `screen` reads from a record: its own properties, enumerable or not, and those it
// inherits from a prototype of its own (a class's getters), never those of Object.prototype. A
// polluted Object.prototype must not decide a screening.

const untyped = (value: unknown): PatientFacts => value as PatientFacts;

describe('screen never reads a fact from Object.prototype', () => {
  it('Object.prototype.pregnant = false does not settle the pregnancy rule of a 40-year-old', () => {
    const polluted = withPrototypeValue('pregnant', false, () => screen({ ageYears: 40 }));
    expect(polluted).toEqual(screen({ ageYears: 40 }));
    expect(polluted.missing).toContain('pregnant');
  });

  it('a polluted fact of every protocol rule leaves an otherwise empty record unknown on every fact', () => {
    for (const name of protocolFactNames) {
      const value = name === 'ageYears' ? 40 : false;
      const polluted = withPrototypeValue(name, value, () => screen({}));
      expect(polluted.status).toBe('incomplete');
      expect(polluted.missing).toEqual(protocolFactNames);
    }
  });

  it('a polluted true does not contraindicate a record that says nothing about it', () => {
    const { acuteMentalIllness: _left, ...record } = noProtocolFinding;
    const polluted = withPrototypeValue('acuteMentalIllness', true, () => screen(record));
    expect(polluted.status).toBe('incomplete');
    expect(polluted.contraindications).toEqual([]);
    expect(polluted.missing).toEqual(['acuteMentalIllness']);
  });

  it('a polluted age neither decides nor invalidates the age rule', () => {
    expect(withPrototypeValue('ageYears', 80, () => screen({})).missing).toContain('ageYears');
    expect(withPrototypeValue('ageYears', 'x', () => screen({})).invalid).toEqual([]);
  });

  it('a caution fact polluted on Object.prototype is not read by the caution rule set', () => {
    const polluted = withPrototypeValue('epilepsy', false, () => screen({}, { ruleSet: cautionRuleSet }));
    expect(polluted).toEqual(screen({}, { ruleSet: cautionRuleSet }));
    expect(polluted.missing).toContain('epilepsy');
  });

  it('a non-enumerable property of Object.prototype is not read either', () => {
    const polluted = withPrototypeProperty('pregnant', { value: false }, () => screen({ ageYears: 40 }));
    expect(polluted.missing).toContain('pregnant');
  });

  it('a getter on Object.prototype is never called, and its value not read', () => {
    const getter = countingGetter(false);
    const polluted = withPrototypeProperty('coagulationDisorder', getter.descriptor, () => screen({ ageYears: 40 }));
    expect(polluted.missing).toContain('coagulationDisorder');
    expect(getter.calls()).toBe(0);
  });

  it('a getter on Object.prototype that throws does not make the fact invalid', () => {
    const throwing = {
      get() {
        throw new Error('polluted');
      },
    };
    const polluted = withPrototypeProperty('pregnant', throwing, () => screen(noProtocolFinding));
    expect(polluted.status).toBe('eligible');
    expect(polluted.invalid).toEqual([]);
  });

  it("the record's own value still decides when Object.prototype holds another", () => {
    const polluted = withPrototypeValue('pregnant', false, () => screen({ ...noProtocolFinding, pregnant: true }));
    expect(polluted.status).toBe('contraindicated');
    expect(polluted.contraindications).toEqual(['pregnancy']);
  });

  it('an own value of undefined stays missing when Object.prototype holds one', () => {
    const polluted = withPrototypeValue('pregnant', false, () => screen({ ...noProtocolFinding, pregnant: undefined }));
    expect(polluted.missing).toEqual(['pregnant']);
  });

  it('a record without a prototype reads its own facts, and nothing else, while Object.prototype is polluted', () => {
    const record = Object.assign(Object.create(null) as object, noProtocolFinding, { pregnant: undefined });
    const polluted = withPrototypeValue('pregnant', false, () => screen(untyped(record)));
    expect(polluted.status).toBe('incomplete');
    expect(polluted.missing).toEqual(['pregnant']);
    const settled = Object.assign(Object.create(null) as object, noProtocolFinding);
    expect(withPrototypeValue('pregnant', true, () => screen(untyped(settled))).status).toBe('eligible');
  });

  it('a polluted name that the rule set does not read changes nothing', () => {
    const polluted = withPrototypeValue('pacemaker', true, () => screen(noProtocolFinding));
    expect(polluted).toEqual(screen(noProtocolFinding));
  });

  it('a record that is Object.prototype itself reads no fact from it', () => {
    const polluted = withPrototypeValue('pregnant', true, () => screen(untyped(Object.prototype)));
    expect(polluted.missing).toEqual(protocolFactNames);
  });
});

describe('screen reads own facts, enumerable or not, and the facts of a class', () => {
  class Patient {
    readonly ageYears = 40;
    get oncologicalDisease() {
      return false;
    }
    get pregnant() {
      return true;
    }
  }
  class Inpatient extends Patient {
    get coagulationDisorder() {
      return false;
    }
  }

  it("reads the getters on a class instance's prototype", () => {
    const result = screen(untyped(new Patient()));
    expect(result.contraindications).toEqual(['pregnancy']);
    expect(result.missing).not.toContain('oncologicalDisease');
  });

  it("reads the getters of a class instance's prototype while Object.prototype is polluted", () => {
    const polluted = withPrototypeValue('pregnant', false, () => screen(untyped(new Patient())));
    expect(polluted.contraindications).toEqual(['pregnancy']);
    expect(polluted).toEqual(screen(untyped(new Patient())));
  });

  it('reads the getters of a base class, and only the fact the classes lack from nowhere', () => {
    const result = withPrototypeValue('acuteInfection', false, () => screen(untyped(new Inpatient())));
    expect(result.contraindications).toEqual(['pregnancy']);
    expect(result.missing).toEqual(['acuteInfection', 'acuteMentalIllness', 'psychotropicInfluence']);
    const polluted = withPrototypeValue('coagulationDisorder', true, () => screen(untyped(new Inpatient())));
    expect(polluted.missing).not.toContain('coagulationDisorder');
    expect(polluted.contraindications).toEqual(['pregnancy']);
  });

  it('reads a fact inherited from an ordinary object used as a prototype', () => {
    const record = Object.create({ pregnant: true }) as object;
    expect(withPrototypeValue('pregnant', false, () => screen(untyped(record))).contraindications).toEqual([
      'pregnancy',
    ]);
  });

  it('reads an own non-enumerable fact', () => {
    const record = { ...noProtocolFinding };
    Object.defineProperty(record, 'pregnant', { value: true, enumerable: false });
    expect(screen(record).contraindications).toEqual(['pregnancy']);
    expect(withPrototypeValue('pregnant', false, () => screen(record)).contraindications).toEqual(['pregnancy']);
  });

  it('calls a getter that throws once per read while polluted, and makes only that fact invalid', () => {
    const record = { ...noProtocolFinding };
    Object.defineProperty(record, 'pregnant', {
      enumerable: true,
      get() {
        throw new Error('database connection lost');
      },
    });
    const polluted = withPrototypeValue('pregnant', false, () => screen(record));
    expect(polluted.invalid).toEqual(['pregnant']);
    expect(polluted.status).toBe('incomplete');
  });

  it('a proxy whose prototype chain never ends makes the polluted facts invalid, without hanging', () => {
    const record = endlessPrototypeChain();
    const polluted = withPrototypeValue('pregnant', false, () => screen(untyped(record)));
    expect(polluted.invalid).toEqual(['pregnant']);
    expect(polluted.missing).toEqual(protocolFactNames);
  });

  it('a revoked proxy makes every fact invalid while Object.prototype is polluted', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const polluted = withPrototypeValue('pregnant', false, () => screen(untyped(proxy)));
    expect(polluted.invalid).toEqual(protocolFactNames);
  });

  it('reads each fact under its own name when it reads carefully', () => {
    const settled = Object.fromEntries(factNames.map((name) => [name, name === 'ageYears' ? 40 : false]));
    for (const ruleSet of [protocolRuleSet, cautionRuleSet]) {
      // Object.prototype holds a name that the rule set reads, so every fact is read carefully.
      const pollutedName = ruleSet === protocolRuleSet ? 'pregnant' : 'epilepsy';
      for (const name of factNames) {
        const record = { ...settled, [name]: name === 'ageYears' ? 80 : true };
        const polluted = withPrototypeValue(pollutedName, false, () => screen(record, { ruleSet }));
        expect(polluted).toEqual(screen(record, { ruleSet }));
      }
    }
  });
});

describe('screen never reads an option from Object.prototype', () => {
  const pregnantInfant = { ...noProtocolFinding, ageYears: 1, pregnant: true };

  it('a polluted ruleSet is not the rule set of screen(facts, {})', () => {
    const polluted = withPrototypeValue('ruleSet', cautionRuleSet, () => screen(pregnantInfant, {}));
    expect(polluted).toEqual(screen(pregnantInfant));
    expect(polluted.contraindications).toEqual(['age', 'pregnancy']);
  });

  it('an options object of a class may hold the rule set in a getter', () => {
    class Options {
      get ruleSet() {
        return cautionRuleSet;
      }
    }
    const polluted = withPrototypeValue('ruleSet', protocolRuleSet, () => screen({}, new Options()));
    expect(polluted.ruleSet.id).toBe(cautionRuleSet.id);
  });
});
