import { describe, expect, it } from 'vitest';
import { factsFromFhir } from '../../src/fhir/index.js';
import { ageRule, defineRuleSet, protocolRuleSet, screen } from '../../src/index.js';
import { ON } from './fixtures/builders.js';
import { annaLike, bobLike, darylLike, edwardLike, francesLike } from './fixtures/synthea-shaped.js';

function mapped(bundle: unknown, closedWorld = false) {
  const result = factsFromFhir(bundle, { on: ON, closedWorld });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

describe('Synthea-shaped bundles', () => {
  it('a woman with four resolved pregnancies is not read as pregnant, and her low back pain suggests lumbosacral', () => {
    const { facts, notes, regions } = mapped(annaLike);
    expect(facts).toEqual({ ageYears: 42 });
    expect(facts.pregnant).toBeUndefined();
    expect(notes.some((note) => note.code === 'pregnancy-not-current')).toBe(true);
    expect(regions).toEqual([
      {
        region: 'lumbosacral',
        evidence: [{ resourceType: 'Condition', id: 'anna-lbp', path: ['entry', 4, 'resource'] }],
      },
    ]);
    const closed = mapped(annaLike, true).facts;
    expect(closed.pregnant).toBe(false);
    expect(closed.acuteInfection).toBe(false);
  });

  it('a tramadol prescription is noted and never read as the influence of a psychotropic substance', () => {
    const { facts, notes } = mapped(annaLike, true);
    expect(facts.psychotropicInfluence).toBe(false);
    expect(notes).toContainEqual(
      expect.objectContaining({
        code: 'noted-code',
        fact: 'psychotropicInfluence',
        resource: expect.objectContaining({ id: 'anna-tramadol' }),
      }),
    );
  });

  it('chronic neck and low back pain suggest cervical and lumbosacral, from the head down', () => {
    expect(mapped(bobLike).regions.map((r) => r.region)).toEqual(['cervical', 'lumbosacral']);
    expect(mapped(edwardLike).regions.map((r) => r.region)).toEqual(['cervical', 'lumbosacral']);
  });

  it('resolved COVID-19 and sinusitis do not count as an acute infection', () => {
    expect(mapped(bobLike).facts.acuteInfection).toBeUndefined();
    expect(mapped(bobLike, true).facts.acuteInfection).toBe(false);
    expect(mapped(edwardLike, true).facts.acuteInfection).toBe(false);
  });

  it('a child born in 2012 is 14 on the reference date: not under the protocol bound of 3, but under a clinic bound of 18', () => {
    const { facts } = mapped(darylLike, true);
    expect(facts.ageYears).toBe(14);
    expect(screen(facts).contraindications).toEqual([]);
    const adultsOnly = defineRuleSet({
      id: 'clinic-adults',
      version: '1',
      rules: [ageRule({ under: 18, over: 75 }), ...protocolRuleSet.rules.slice(1)],
    });
    expect(screen(facts, { ruleSet: adultsOnly }).contraindications).toEqual(['age']);
  });

  it('an active warfarin order sets anticoagulant therapy with its evidence, and an 88-year-old is contraindicated by age', () => {
    const { facts, evidence, notes } = mapped(francesLike);
    expect(facts).toEqual({ ageYears: 88, anticoagulantTherapy: true });
    expect(evidence.anticoagulantTherapy).toEqual([
      { resourceType: 'MedicationRequest', id: 'frances-warfarin', path: ['entry', 4, 'resource'] },
    ]);
    // Synthea gives a stopped order no end date: without an extract date, nobody can tell
    // whether it had stopped by the reference date.
    expect(notes).toContainEqual(expect.objectContaining({ code: 'dates-unclear', fact: 'anticoagulantTherapy' }));
    expect(screen(facts).contraindications).toEqual(['age']);
    const extracted = factsFromFhir(francesLike, { on: ON, extractedOn: ON });
    expect(extracted.ok && extracted.value.notes).toContainEqual(
      expect.objectContaining({ code: 'medication-not-active', fact: 'anticoagulantTherapy' }),
    );
  });

  it('resources the mapping does not read are counted in one note', () => {
    const note = mapped(darylLike).notes.find((n) => n.code === 'not-read');
    expect(note?.message).toBe(
      'Resources of types the mapping does not read: Claim (1), Encounter (1), ExplanationOfBenefit (1)',
    );
  });
});
