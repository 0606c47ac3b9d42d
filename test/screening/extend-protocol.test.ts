import { describe, expect, it } from 'vitest';
import {
  ageRule,
  cautionRuleSet,
  extendProtocol,
  type PatientFacts,
  protocolRuleSet,
  type Rule,
  screen,
} from '../../src/index.js';
import { noProtocolFinding } from '../fixtures/patients.js';

const PROTOCOL_IDS = protocolRuleSet.rules.map((rule) => rule.id);

const metal: Rule<'implanted-device'> = {
  id: 'implanted-device',
  kind: 'absolute',
  when: { type: 'all', facts: ['pacemaker', 'electroacupuncturePlanned'] },
  source: { title: 'Clinic policy on electroacupuncture' },
};

/** Defines a set from untyped input, as a JavaScript caller or a config file could. */
const extendUntyped = (extension: unknown) => extendProtocol(extension as Parameters<typeof extendProtocol>[0]);

describe('extendProtocol', () => {
  it('holds the six protocol rules, unchanged and first, then the clinic’s rules in their order', () => {
    const clinic = extendProtocol({ id: 'clinic', version: '1', rules: [metal, ...cautionRuleSet.rules] });
    expect(clinic.id).toBe('clinic');
    expect(clinic.version).toBe('1');
    expect(clinic.rules).toEqual([...protocolRuleSet.rules, metal, ...cautionRuleSet.rules]);
  });

  it('screens with the protocol and the clinic’s rules, and checks every protocol contraindication', () => {
    const clinic = extendProtocol({ id: 'clinic', version: '1', rules: [metal] });
    const facts: PatientFacts = { ...noProtocolFinding, pacemaker: true, electroacupuncturePlanned: true };
    expect(screen(facts, { ruleSet: clinic }).contraindications).toEqual(['implanted-device']);
    const pregnant = screen({ ...facts, pregnant: true, ageYears: 1 }, { ruleSet: clinic });
    expect(pregnant.contraindications).toEqual(['age', 'pregnancy', 'implanted-device']);
    expect(pregnant.uncheckedProtocolRules).toEqual([]);
  });

  it('accepts no rules of the clinic’s own: the protocol under another id', () => {
    const renamed = extendProtocol({ id: 'clinic', version: '1', rules: [] });
    expect(renamed.rules).toEqual(protocolRuleSet.rules);
    expect(screen(noProtocolFinding, { ruleSet: renamed }).ruleSet).toEqual({ id: 'clinic', version: '1' });
  });

  it('sets the age bounds of item 1 in place of the protocol’s, keeping the age rule first', () => {
    const adults = extendProtocol({ id: 'adults', version: '1', rules: [metal], age: { under: 18, over: 70 } });
    expect(adults.rules.map((rule) => rule.id)).toEqual([...PROTOCOL_IDS, 'implanted-device']);
    expect(adults.rules[0]).toEqual(ageRule({ under: 18, over: 70 }));
    expect(adults.rules.slice(1, 6)).toEqual(protocolRuleSet.rules.slice(1));
    expect(screen({ ...noProtocolFinding, ageYears: 16 }, { ruleSet: adults }).contraindications).toEqual(['age']);
    expect(screen({ ...noProtocolFinding, ageYears: 16 }, { ruleSet: adults }).uncheckedProtocolRules).toEqual([]);
  });

  it('keeps the protocol’s own age rule when the bounds given are the protocol’s', () => {
    expect(extendProtocol({ id: 'c', version: '1', rules: [], age: {} }).rules[0]).toEqual(protocolRuleSet.rules[0]);
    const same = extendProtocol({ id: 'c', version: '1', rules: [], age: { under: 3, over: 75 } });
    expect(same.rules[0]).toEqual(protocolRuleSet.rules[0]);
  });

  it('records looser age bounds as item 1 not checked', () => {
    const older = extendProtocol({ id: 'older', version: '1', rules: [], age: { over: 85 } });
    expect(screen({}, { ruleSet: older }).uncheckedProtocolRules).toEqual(['age']);
  });

  it('refuses a clinic rule with the id of a protocol rule, naming it: the protocol’s rules cannot be replaced', () => {
    const softPregnancy = { ...metal, id: 'pregnancy', kind: 'relative' as const };
    expect(() => extendUntyped({ id: 'clinic', version: '1', rules: [metal, softPregnancy] })).toThrow(
      new TypeError(
        'extendProtocol: rule set "clinic", rules[1] has the id "pregnancy" of a protocol rule, which the set holds already: give it an id of its own (set the age bounds with `age`)',
      ),
    );
  });

  it.each([
    ['a definition that is not an object', 'clinic', /extendProtocol: expected \{ id, version, rules, age\? \}/],
    ['null', null, /extendProtocol: expected \{ id, version, rules, age\? \}/],
    ['rules that are not an array', { id: 'c', version: '1', rules: metal }, /rule set "c": rules must be an array/],
    ['age that is not an object', { id: 'c', version: '1', rules: [], age: 18 }, /rule set "c": age must be/],
    ['null age', { id: 'c', version: '1', rules: [], age: null }, /rule set "c": age must be \{ under\?, over\? \}/],
    ['an empty id', { id: '', version: '1', rules: [] }, /defineRuleSet: id must be a non-empty string/],
    ['a null clinic rule', { id: 'c', version: '1', rules: [null] }, /rules\[6\] is not a rule object/],
    ['a malformed clinic rule', { id: 'c', version: '1', rules: [{ ...metal, kind: 'soft' }] }, /rules\[6\]/],
  ])('throws a TypeError for %s', (_label, extension, message) => {
    expect(() => extendUntyped(extension)).toThrow(TypeError);
    expect(() => extendUntyped(extension)).toThrow(message);
  });

  it('throws the RangeError of ageRule for age bounds that are not whole years', () => {
    expect(() => extendProtocol({ id: 'c', version: '1', rules: [], age: { under: 2.5 } })).toThrow(RangeError);
  });
});
