// The CDS service with the red flags and with a clinic's own facts: a red flag coded in the record
// leads with a critical card that says how urgent; the flags no record states are asked for by
// name; a clinic's own facts are named by their English labels.
import { describe, expect, it } from 'vitest';
import { cdsService } from '../../src/cds-hooks/index.js';
import { extendProtocol, redFlagRuleSet } from '../../src/index.js';
import { condition, ICD10CM, ON, SNOMED } from '../fhir/fixtures/builders.js';
import { validateResponse } from './card-validator.js';
import { found, fullPrefetch } from './fixtures.js';

const source = { label: 'Clinic acupuncture screening' };
const withRedFlags = extendProtocol({ id: 'clinic', version: '1', rules: [...redFlagRuleSet.rules] });

function cardsOf(prefetch: Record<string, unknown>, options: Parameters<typeof cdsService>[0]) {
  const result = cdsService(options).handle(
    { hook: 'patient-view', hookInstance: 'h1', context: { userId: 'Practitioner/1', patientId: 'p1' }, prefetch },
    { on: ON },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  expect(validateResponse(result.value)).toEqual([]);
  return result.value.cards;
}

const withConditions = (...conditions: object[]) => ({ ...fullPrefetch(), conditions: found(...conditions) });

describe('the CDS service with the red flags', () => {
  it('a coded cauda equina syndrome leads with a critical card: an emergency, before the facts to record', () => {
    const cards = cardsOf(withConditions(condition('c1', SNOMED, '192970008', { onset: '2026-11-22' })), {
      source,
      ruleSet: withRedFlags,
    });
    expect(cards.map((card) => [card.indicator, card.summary.split(':')[0]])).toEqual([
      ['critical', 'Red flag'],
      ['warning', 'Acupuncture screening incomplete. Record'],
    ]);
    expect(cards[0]?.summary).toBe('Red flag: emergency referral before needling: possible cauda equina syndrome.');
  });

  it('a cancer treated years ago is an urgent referral, in a closed world too', () => {
    const treated = condition('c1', ICD10CM, 'C50.911', {
      clinical: 'resolved',
      onset: '2012-03-01',
      abatement: '2013-01-15',
    });
    for (const closedWorld of [false, true]) {
      const cards = cardsOf(withConditions(treated), { source, ruleSet: withRedFlags, closedWorld });
      expect(cards[0]?.indicator).toBe('critical');
      expect(cards[0]?.summary).toBe('Red flag: urgent referral before needling: history of cancer.');
    }
  });

  it('without a red flag in the record, the flags are asked for by name and no card is critical', () => {
    const cards = cardsOf(fullPrefetch(), { source, ruleSet: withRedFlags, closedWorld: true });
    expect(cards.map((card) => card.indicator)).toEqual(['warning']);
    expect(cards[0]?.detail).toContain('\n- saddle anaesthesia\n');
    expect(cards[0]?.detail).toContain('\n- prolonged corticosteroid use\n');
    // A closed world settles the flags a code can state; it asks for none of them.
    expect(cards[0]?.detail).not.toContain('\n- history of cancer\n');
    expect(cards[0]?.detail).not.toContain('\n- cauda equina syndrome, diagnosed or suspected\n');
  });
});

describe('the CDS service with a clinic’s own facts', () => {
  const surgery = extendProtocol({
    id: 'clinic-surgery',
    version: '1',
    facts: { recentSpinalSurgery: { label: { en: 'Spinal surgery in the last 6 months' } } },
    rules: [
      {
        id: 'recent-surgery',
        kind: 'absolute',
        when: { type: 'any', facts: ['recentSpinalSurgery'] },
        source: { title: 'Clinic policy' },
      },
    ],
  });

  it('names a fact no record can set by its English label on the incomplete card', () => {
    const cards = cardsOf(fullPrefetch(), { source, ruleSet: surgery, closedWorld: true });
    expect(cards.map((card) => card.summary)).toEqual([
      'Acupuncture screening incomplete. Record: Spinal surgery in the last 6 months.',
    ]);
  });

  it('refuses at start-up a rule set whose own fact has no English label', () => {
    const unlabelled = { ...surgery, facts: { recentSpinalSurgery: { label: { ru: 'Операция' } } } };
    expect(() => cdsService({ source, ruleSet: unlabelled as never })).toThrow(
      /facts\.recentSpinalSurgery: label\.en must be a non-empty string/,
    );
  });
});
