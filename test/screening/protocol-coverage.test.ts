// A screening says which contraindications of the source protocol its rule set does not check,
// so that a set that leaves the protocol out can never pass for an all-clear against it.
import { describe, expect, it } from 'vitest';
import {
  ageRule,
  cautionRuleSet,
  defineRuleSet,
  type ProtocolRuleId,
  protocolRuleSet,
  type Rule,
  screen,
} from '../../src/index.js';
import { noProtocolFinding } from '../fixtures/patients.js';

const ALL: readonly ProtocolRuleId[] = [
  'age',
  'oncology',
  'pregnancy',
  'coagulation',
  'acute-infection',
  'acute-mental-state',
];

/** The protocol's rules but the one with this id. */
const without = (id: ProtocolRuleId) => protocolRuleSet.rules.filter((rule) => rule.id !== id);

/** A clinic's own rule, with its own source. */
const own = (id: string, kind: 'absolute' | 'relative', when: Rule['when']): Rule => ({
  id,
  kind,
  when,
  source: { title: 'Clinic policy' },
});

/** The protocol rules that a set of these rules does not check, as a screening records them. */
function unchecked(rules: readonly Rule[]): readonly string[] {
  const ruleSet = defineRuleSet({ id: 'clinic', version: '1', rules });
  return screen({}, { ruleSet }).uncheckedProtocolRules;
}

describe('uncheckedProtocolRules', () => {
  it('is empty for the protocol, and for the protocol with the cautions', () => {
    expect(screen(noProtocolFinding).uncheckedProtocolRules).toEqual([]);
    expect(unchecked([...protocolRuleSet.rules, ...cautionRuleSet.rules])).toEqual([]);
  });

  it('lists every protocol rule, in the protocol’s order, for a set that leaves the protocol out', () => {
    const electroOnly = own('implanted-device', 'absolute', {
      type: 'all',
      facts: ['pacemaker', 'electroacupuncturePlanned'],
    });
    expect(unchecked([electroOnly])).toEqual(ALL);
    expect(unchecked([...cautionRuleSet.rules])).toEqual(ALL);
  });

  it('names each protocol rule that a set drops, and only that one', () => {
    for (const id of ALL) expect(unchecked(without(id))).toEqual([id]);
  });

  it('is the same frozen list in every screening of a rule set, whatever the facts', () => {
    const ruleSet = defineRuleSet({ id: 'no-age', version: '1', rules: without('age') });
    const first = screen({}, { ruleSet }).uncheckedProtocolRules;
    expect(Object.isFrozen(first)).toBe(true);
    expect(screen({ ...noProtocolFinding, pregnant: true }, { ruleSet }).uncheckedProtocolRules).toBe(first);
    expect(screen(noProtocolFinding, { ruleSet }).uncheckedProtocolRules).toBe(first);
  });

  it('counts a rule of the clinic’s own that is present whenever the protocol’s is: an any over more facts', () => {
    const wider = own('cancer-or-epilepsy', 'absolute', { type: 'any', facts: ['epilepsy', 'oncologicalDisease'] });
    expect(unchecked([...without('oncology'), wider])).toEqual([]);
  });

  it('counts item 6 checked by one rule per fact, an any or an all of that one fact', () => {
    const illness = own('illness', 'absolute', { type: 'any', facts: ['acuteMentalIllness'] });
    const substances = own('substances', 'absolute', { type: 'all', facts: ['psychotropicInfluence'] });
    expect(unchecked([...without('acute-mental-state'), illness, substances])).toEqual([]);
    expect(unchecked([...without('acute-mental-state'), illness])).toEqual(['acute-mental-state']);
    expect(unchecked([...without('acute-mental-state'), substances])).toEqual(['acute-mental-state']);
  });

  it('does not count an all over the protocol’s fact and another: it is absent while the other is false', () => {
    const both = own('both', 'absolute', { type: 'all', facts: ['pregnant', 'epilepsy'] });
    expect(unchecked([...without('pregnancy'), both])).toEqual(['pregnancy']);
  });

  it('does not count a relative rule, which only cautions', () => {
    const soft = own('soft-pregnancy', 'relative', { type: 'any', facts: ['pregnant'] });
    expect(unchecked([...without('pregnancy'), soft])).toEqual(['pregnancy']);
    expect(unchecked([...without('pregnancy'), ...cautionRuleSet.rules])).toEqual(['pregnancy']);
  });

  it('counts an age rule whose bounds are at least as strict as 3 and 75, and no looser one', () => {
    const withAge = (under: number, over: number) => unchecked([...without('age'), ageRule({ under, over })]);
    expect(withAge(3, 75)).toEqual([]);
    expect(withAge(18, 65)).toEqual([]);
    expect(withAge(2, 75)).toEqual(['age']);
    expect(withAge(3, 76)).toEqual(['age']);
    expect(withAge(0, 120)).toEqual(['age']);
  });

  it('counts the two bounds of item 1 checked by two age rules, one for each', () => {
    const young = { ...ageRule({ under: 18, over: 149 }), id: 'young' };
    const old = { ...ageRule({ under: 0, over: 70 }), id: 'old' };
    expect(unchecked([...without('age'), young, old])).toEqual([]);
    expect(unchecked([...without('age'), young])).toEqual(['age']);
    expect(unchecked([...without('age'), old])).toEqual(['age']);
  });

  it('does not count a relative age rule', () => {
    const soft = { ...ageRule({ under: 18, over: 65 }), kind: 'relative' as const };
    expect(unchecked([...without('age'), soft])).toEqual(['age']);
  });
});
