// When a medication was taken, as of the reference date: the later of its starts, the end of its
// periods, a status known to hold from meta.lastUpdated, statuses that say it was never taken,
// and the exact notes of each case.
import { describe, expect, it } from 'vitest';
import {
  mapExtract,
  mapFacts,
  medicationRequest,
  medicationStatement,
  ON,
  patient,
  RXNORM,
} from './fixtures/builders.js';

const base = patient('1950-01-01');
const WARFARIN = '855332';
const request = (fields: Record<string, unknown> = {}) => ({ ...medicationRequest('m1', RXNORM, WARFARIN), ...fields });
const statement = (fields: Record<string, unknown> = {}) => ({
  ...medicationStatement('s1', RXNORM, WARFARIN),
  ...fields,
});
const ref = (resourceType: string, id: string, index = 1) => ({ resourceType, id, path: [index] });
const note = (
  code: string,
  message: string,
  resource = ref('MedicationRequest', 'm1'),
  fact = 'anticoagulantTherapy',
) => (fact === '' ? { code, message, resource } : { code, message, fact, resource });
/** The notes about anticoagulant therapy, without the closed world's. */
const anticoagulantNotes = (value: { readonly notes: readonly { readonly code: string; readonly fact?: string }[] }) =>
  value.notes.filter((found) => found.fact === 'anticoagulantTherapy' && found.code !== 'closed-world');
const validity = (start: string | undefined, end?: string) => ({
  dispenseRequest: {
    validityPeriod: { ...(start === undefined ? {} : { start }), ...(end === undefined ? {} : { end }) },
  },
});

describe('the start of an order: the later of authoredOn and its periods, day by day', () => {
  it('a validity period that may begin after the reference day leaves the order unclear, however early it was authored', () => {
    // Authored on 20 November, valid from some day of November: it may begin on the 30th.
    const order = request({ authoredOn: '2026-11-20', ...validity('2026-11', '2027-02-28') });
    const value = mapFacts([base, order], { closedWorld: true });
    expect(value.facts).toEqual({
      ageYears: 76,
      oncologicalDisease: false,
      pregnant: false,
      coagulationDisorder: false,
      acuteInfection: false,
      acuteMentalIllness: false,
      psychotropicInfluence: false,
      pacemaker: false,
      caudaEquinaSyndrome: false,
      historyOfCancer: false,
    });
    expect(anticoagulantNotes(value)).toStrictEqual([
      note(
        'dates-unclear',
        `MedicationRequest for anticoagulant therapy has status active, and its dates do not tell whether it was taken on ${ON}: anticoagulant therapy is not excluded`,
      ),
    ]);
  });

  it('an order authored some day of the month and valid from a day before the reference day is unclear too', () => {
    const order = request({ authoredOn: '2026-11', ...validity('2026-11-20', '2027-02-28') });
    const value = mapFacts([base, order]);
    expect(value.facts).toEqual({ ageYears: 76 });
    expect(value.notes.map((found) => found.code)).toEqual(['dates-unclear']);
  });

  it('the later start is the later first day: a validity period that begins after the reference day passes the order over', () => {
    const order = request({ authoredOn: '2026-11', ...validity('2026-11-20', '2027-02-28') });
    expect(mapExtract([base, order], { on: '2026-11-15' }).notes).toStrictEqual([
      note(
        'after-reference-date',
        'MedicationRequest begins 2026-11-20, after 2026-11-15: it says nothing about 2026-11-15',
        ref('MedicationRequest', 'm1'),
        '',
      ),
    ]);
    const authoredLater = request({ authoredOn: '2026-11-20', ...validity('2026-10-01', '2027-02-28') });
    expect(mapExtract([base, authoredLater], { on: '2026-11-15' }).notes.map((found) => found.code)).toEqual([
      'after-reference-date',
    ]);
  });

  it('whole days that certainly began by the reference day count', () => {
    const order = request({ authoredOn: '2026-11-01', ...validity('2026-11-20', '2027-02-28') });
    expect(mapFacts([base, order]).facts).toEqual({ ageYears: 76, anticoagulantTherapy: true });
    // A dosage period starts the therapy too: the later of all the starts decides.
    const dosed = request({
      authoredOn: '2026-11-01',
      dosageInstruction: [{ timing: { repeat: { boundsPeriod: { start: '2026-11', end: '2027-01-31' } } } }],
    });
    expect(mapFacts([base, dosed]).notes.map((found) => found.code)).toEqual(['dates-unclear']);
  });

  it('without authoredOn, the validity period starts the order', () => {
    expect(mapFacts([base, request(validity('2026-12-01', '2027-02-28'))]).notes).toStrictEqual([
      note(
        'after-reference-date',
        `MedicationRequest begins 2026-12-01, after ${ON}: it says nothing about ${ON}`,
        ref('MedicationRequest', 'm1'),
        '',
      ),
    ]);
    expect(mapExtract([base, request(validity('2026-11-01', '2027-02-28'))]).facts).toEqual({
      ageYears: 76,
      anticoagulantTherapy: true,
    });
  });

  it('a dosage timing without a repeat gives no period', () => {
    const order = request({ authoredOn: '2026-10-01', dosageInstruction: [{ timing: { code: { text: 'BID' } } }] });
    expect(mapFacts([base, order]).facts).toEqual({ ageYears: 76, anticoagulantTherapy: true });
  });
});

describe('the end of an order against its status', () => {
  it('an order that ended before the reference day does not count, and says when it ended', () => {
    const ended = request({ status: 'completed', authoredOn: '2026-01-01', ...validity('2026-01-01', '2026-06-01') });
    expect(mapFacts([base, ended], { closedWorld: true }).facts.anticoagulantTherapy).toBe(false);
    expect(mapFacts([base, ended]).notes).toStrictEqual([
      note(
        'medication-not-active',
        `MedicationRequest for anticoagulant therapy does not count: it ended 2026-06-01, before ${ON}`,
      ),
    ]);
  });

  it('an active order that ended before the reference day contradicts itself: unrecorded, never false', () => {
    const contradictory = request({ authoredOn: '2026-01-01', ...validity('2026-01-01', '2026-06-01') });
    const value = mapFacts([base, contradictory], { closedWorld: true });
    expect(value.facts.anticoagulantTherapy).toBeUndefined();
    expect(anticoagulantNotes(value)).toStrictEqual([
      note(
        'medication-status-unclear',
        'MedicationRequest for anticoagulant therapy has status active: anticoagulant therapy is not excluded',
      ),
    ]);
  });

  it('a status that says it was never taken decides, even over dates that cover the reference day', () => {
    for (const status of ['cancelled', 'draft', 'intended', 'entered-in-error']) {
      const never = request({ status, authoredOn: '2026-10-01', ...validity('2026-10-01', '2027-01-31') });
      const value = mapFacts([base, never], { closedWorld: true });
      expect(value.facts.anticoagulantTherapy).toBe(false);
      expect(anticoagulantNotes(value)).toStrictEqual([
        note(
          'medication-not-active',
          `MedicationRequest for anticoagulant therapy does not count: its status is ${status}`,
        ),
      ]);
    }
    const notTaken = statement({ status: 'not-taken', effectivePeriod: { start: '2026-10-01', end: '2027-01-31' } });
    expect(mapFacts([base, notTaken]).notes).toStrictEqual([
      note(
        'medication-not-active',
        'MedicationStatement for anticoagulant therapy does not count: its status is not-taken',
        ref('MedicationStatement', 's1'),
      ),
    ]);
  });
});

describe('a medication status known to hold from meta.lastUpdated', () => {
  it('an undated active order last updated by the reference day counts, in a record of unknown date', () => {
    const updated = (lastUpdated: string) => request({ meta: { lastUpdated } });
    expect(mapExtract([base, updated(`${ON}T23:00:00Z`)]).facts).toEqual({ ageYears: 76, anticoagulantTherapy: true });
    expect(mapExtract([base, updated('2026-11-25T01:00:00Z')]).facts).toEqual({ ageYears: 76 });
  });

  it('an undated active order last updated after the reference day cannot tell, even in a record extracted on it', () => {
    const value = mapFacts([base, request({ meta: { lastUpdated: '2026-11-25T08:00:00Z' } })], { closedWorld: true });
    expect(value.facts.anticoagulantTherapy).toBeUndefined();
    expect(anticoagulantNotes(value)).toStrictEqual([
      note(
        'dates-unclear',
        `MedicationRequest for anticoagulant therapy has status active, and its dates do not tell whether it was taken on ${ON}: anticoagulant therapy is not excluded`,
      ),
    ]);
  });
});

describe('a statement dated after the reference day', () => {
  it('by its effectiveDateTime: passed over, with a note', () => {
    const later = statement({ effectiveDateTime: '2026-12-01' });
    const value = mapFacts([base, later], { closedWorld: true });
    expect(value.facts.anticoagulantTherapy).toBe(false);
    expect(value.notes.filter((found) => found.code !== 'closed-world')).toStrictEqual([
      note(
        'after-reference-date',
        `MedicationStatement begins 2026-12-01, after ${ON}: it says nothing about ${ON}`,
        ref('MedicationStatement', 's1'),
        '',
      ),
    ]);
  });
});

describe('a drug that cannot be read', () => {
  it('named only in words: unreadable, with the note that says so', () => {
    const words = { ...request(), medicationCodeableConcept: { text: 'warfarin 5 mg' } };
    const value = mapFacts([base, words], { closedWorld: true });
    expect(value.facts.anticoagulantTherapy).toBeUndefined();
    expect(anticoagulantNotes(value)).toStrictEqual([
      note(
        'unreadable-code',
        'MedicationRequest names its drug only in words or in a code system the mapping does not read: anticoagulant therapy is not excluded',
      ),
    ]);
  });

  it('not named at all: unreadable the same way', () => {
    const { medicationCodeableConcept: _drug, ...nameless } = request();
    expect(mapFacts([base, nameless]).notes.map((found) => found.code)).toEqual(['unreadable-code']);
  });
});

describe('the Medications a reference can find', () => {
  const order = (reference: string) => {
    const { medicationCodeableConcept: _drug, ...rest } = request();
    return { ...rest, medicationReference: { reference } };
  };
  const warfarin = { resourceType: 'Medication', code: { coding: [{ system: RXNORM, code: WARFARIN }] } };
  const unknownDrug = { resourceType: 'Medication', code: { coding: [{ system: RXNORM, code: '000000' }] } };

  it('the first entry of a fullUrl wins', () => {
    const entries = (first: object, second: object) => ({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { resource: base },
        { fullUrl: 'urn:uuid:med', resource: first },
        { fullUrl: 'urn:uuid:med', resource: second },
        { resource: order('urn:uuid:med') },
      ],
    });
    expect(mapFacts(entries(warfarin, unknownDrug)).facts).toEqual({ ageYears: 76, anticoagulantTherapy: true });
    expect(mapFacts(entries(unknownDrug, warfarin)).facts).toEqual({ ageYears: 76 });
  });

  it('a Medication without an id is found by no reference that is not its fullUrl', () => {
    const value = mapFacts([base, warfarin, order('urn:uuid:elsewhere')], { closedWorld: true });
    expect(value.facts.anticoagulantTherapy).toBeUndefined();
    expect(anticoagulantNotes(value)).toStrictEqual([
      note(
        'medication-unresolved',
        'MedicationRequest refers to urn:uuid:elsewhere, which is not in the input: the drug cannot be read, so anticoagulant therapy is not excluded',
        ref('MedicationRequest', 'm1', 2),
      ),
    ]);
  });
});
