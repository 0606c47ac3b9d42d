import { describe, expect, it } from 'vitest';
import { cautionRuleSet, defineRuleSet, type PatientFacts, protocolRuleSet, screen } from '../../src/index.js';
import { programOf } from '../../src/screening/define-rule-set.js';

// The interpreter behind `screen` keeps the screenings it made, one per distinct state of the
// facts a rule set reads. A server that screens millions of varied records must not keep them all.

const combined = () =>
  defineRuleSet({
    id: 'protocol-and-cautions',
    version: '1',
    rules: [...protocolRuleSet.rules, ...cautionRuleSet.rules],
  });

/** The record whose facts take the states of the base-4 digits of `n`: missing, false, true, invalid. */
function recordNumber(n: number): PatientFacts {
  const facts = [
    'oncologicalDisease',
    'pregnant',
    'coagulationDisorder',
    'acuteInfection',
    'pacemaker',
    'epilepsy',
    'needlePhobia',
  ];
  const record: Record<string, unknown> = { ageYears: 40 };
  facts.forEach((fact, i) => {
    record[fact] = [undefined, false, true, 'invalid'][Math.floor(n / 4 ** i) % 4];
  });
  return record as PatientFacts;
}

describe('the screening cache', () => {
  it('stops growing at 8192 distinct fact states, and screenings past it are still right', () => {
    const ruleSet = combined();
    for (let n = 0; n < 9000; n++) screen(recordNumber(n), { ruleSet });
    expect(programOf(ruleSet).cache.size).toBe(8192);

    const fresh = combined();
    for (const n of [8191, 8192, 8999]) {
      expect(screen(recordNumber(n), { ruleSet })).toEqual(screen(recordNumber(n), { ruleSet: fresh }));
    }
  });
});
