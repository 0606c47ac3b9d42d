// The red flags a code states: cauda equina syndrome, a history of cancer, long-term systemic
// steroids, an immunodeficiency. Each as of the reference date (before, on, after it), beside the
// codes next to it that state nothing, and never false from a code the mapping cannot read.
import { describe, expect, it } from 'vitest';
import type { FhirCodeList, FhirFacts, FhirOptions } from '../../src/fhir/index.js';
import { cautionRuleSet, extendProtocol, redFlagRuleSet, screen } from '../../src/index.js';
import {
  type ConditionShape,
  condition,
  ICD10,
  ICD10CM,
  mapExtract,
  mapFacts,
  ON,
  patient,
  SNOMED,
} from './fixtures/builders.js';

const conditionRef = { resourceType: 'Condition', id: 'c1', path: [1] };
const GM = 'http://fhir.de/CodeSystem/bfarm/icd-10-gm';

/** The Patient and one Condition, read live on the reference date. */
function one(system: string, code: string, shape: ConditionShape = {}, options: Partial<FhirOptions> = {}) {
  return mapFacts([patient('1970-01-01'), condition('c1', system, code, shape)], options);
}

const redFlags = (value: FhirFacts) => {
  const { caudaEquinaSyndrome, historyOfCancer, prolongedCorticosteroidUse, immunosuppression } = value.facts;
  return { caudaEquinaSyndrome, historyOfCancer, prolongedCorticosteroidUse, immunosuppression };
};
const noteCodes = (value: FhirFacts, fact: string) =>
  value.notes.filter((note) => note.fact === fact).map((note) => note.code);

describe('cauda equina syndrome', () => {
  it.each([
    [ICD10, 'G83.4'],
    [ICD10CM, 'G83.4'],
    [ICD10CM, 'g834'],
    [SNOMED, '192970008'],
  ])('an active, confirmed condition coded %s %s sets it, with the condition as evidence', (system, code) => {
    const value = one(system, code, { onset: '2026-11-20' });
    expect(redFlags(value)).toEqual({
      caudaEquinaSyndrome: true,
      historyOfCancer: undefined,
      prolongedCorticosteroidUse: undefined,
      immunosuppression: undefined,
    });
    expect(value.evidence.caudaEquinaSyndrome).toEqual([conditionRef]);
    expect(value.notes).toStrictEqual([]);
  });

  it('the codes beside it state nothing: other paralytic syndromes, another SNOMED CT concept', () => {
    for (const [system, code] of [
      [ICD10, 'G83.3'],
      [ICD10, 'G83.5'],
      [ICD10CM, 'G83.8'],
      [SNOMED, '192970009'],
    ] as const) {
      expect(one(system, code).facts.caudaEquinaSyndrome, code).toBeUndefined();
      expect(one(system, code, {}, { closedWorld: true }).facts.caudaEquinaSyndrome, code).toBe(false);
    }
  });

  it('as of the reference date: before it, only if still going; across it, yes; after it, nothing', () => {
    // Began and ended before the reference date.
    const ended = one(ICD10, 'G83.4', { clinical: 'resolved', onset: '2019-03-01', abatement: '2019-06-01' });
    expect(ended.facts.caudaEquinaSyndrome).toBeUndefined();
    expect(noteCodes(ended, 'caudaEquinaSyndrome')).toEqual(['condition-inactive']);
    // Resolved today, but its abatement lies on the reference date: present on it.
    const onTheDay = one(ICD10, 'G83.4', { clinical: 'resolved', onset: '2026-11-01', abatement: ON });
    expect(onTheDay.facts.caudaEquinaSyndrome).toBe(true);
    // Began the day after.
    const after = one(ICD10, 'G83.4', { onset: '2026-11-25' });
    expect(after.facts.caudaEquinaSyndrome).toBeUndefined();
    expect(noteCodes(after, 'caudaEquinaSyndrome')).toEqual(['after-reference-date']);
    // Began on the reference date itself.
    expect(one(ICD10, 'G83.4', { onset: ON }).facts.caudaEquinaSyndrome).toBe(true);
  });

  it('an unconfirmed condition leaves it unrecorded, in a closed world too; a refuted one is ignored', () => {
    for (const verification of ['provisional', 'unconfirmed', 'differential', null]) {
      const value = one(SNOMED, '192970008', { verification }, { closedWorld: true });
      expect(value.facts.caudaEquinaSyndrome, String(verification)).toBeUndefined();
      expect(noteCodes(value, 'caudaEquinaSyndrome')).toEqual(['condition-not-confirmed']);
    }
    const refuted = one(SNOMED, '192970008', { verification: 'refuted' }, { closedWorld: true });
    expect(refuted.facts.caudaEquinaSyndrome).toBe(false);
  });
});

describe('a history of cancer', () => {
  it.each([
    [ICD10CM, 'Z85.3', 'personal history of malignant neoplasm of breast'],
    [ICD10CM, 'Z85.9', 'personal history, unspecified'],
    [ICD10, 'Z85.0', 'personal history (WHO)'],
    [ICD10, 'C50.9', 'a malignant neoplasm'],
    [ICD10CM, 'C97', 'the last category of the malignant neoplasms'],
    [ICD10CM, 'C00.0', 'the first'],
    [SNOMED, '254837009', 'a malignant neoplasm in SNOMED CT'],
  ])('%s %s (%s) sets it, with the condition as evidence', (system, code) => {
    const value = one(system, code, { onset: '2015-04-01' });
    expect(value.facts.historyOfCancer).toBe(true);
    expect(value.evidence.historyOfCancer).toEqual([conditionRef]);
  });

  it('a personal history is no current cancer; a current cancer is both', () => {
    expect(one(ICD10CM, 'Z85.3').facts).toEqual({ ageYears: 56, historyOfCancer: true });
    expect(one(ICD10, 'C50.9').facts).toEqual({ ageYears: 56, oncologicalDisease: true, historyOfCancer: true });
  });

  it('the codes beside it state nothing: family history, history of in situ or benign neoplasms', () => {
    for (const code of ['Z80.3', 'Z84.89', 'Z86.000', 'Z86.010']) {
      const value = one(ICD10CM, code, {}, { closedWorld: true });
      expect(value.facts.historyOfCancer, code).toBe(false);
      expect(value.facts.oncologicalDisease, code).toBe(false);
    }
  });

  it('a history does not end: a cancer resolved years before the reference date still counts', () => {
    const resolved = one(
      ICD10,
      'C50.9',
      { clinical: 'resolved', onset: '2010-02-01', abatement: '2012-08-01' },
      { closedWorld: true },
    );
    expect(resolved.facts.oncologicalDisease).toBe(false);
    expect(resolved.facts.historyOfCancer).toBe(true);
    expect(resolved.evidence.historyOfCancer).toEqual([conditionRef]);
    expect(noteCodes(resolved, 'historyOfCancer')).toEqual([]);
    // The same without a clinical status, or with one that contradicts its abatement.
    for (const clinical of [null, 'active', 'remission', 'dormant']) {
      const value = one(ICD10, 'C50.9', { clinical, onset: '2010-02-01', abatement: '2012-08-01' });
      expect(value.facts.historyOfCancer, String(clinical)).toBe(true);
    }
  });

  it('as of the reference date: begun before or on it, yes; after it, nothing; a date across it, unrecorded', () => {
    const at = (onset: string) => one(ICD10CM, 'C34.90', { clinical: 'resolved', onset, abatement: '2027-06-01' });
    expect(at('2026-11-23').facts.historyOfCancer).toBe(true);
    expect(at(ON).facts.historyOfCancer).toBe(true);
    const after = at('2026-11-25');
    expect(after.facts.historyOfCancer).toBeUndefined();
    expect(noteCodes(after, 'historyOfCancer')).toEqual(['after-reference-date']);
    const closed = one(ICD10CM, 'Z85.3', { onset: '2026-12-01' }, { closedWorld: true });
    expect(closed.facts.historyOfCancer).toBe(false);
    const across = one(ICD10CM, 'Z85.3', { onset: '2026' }, { closedWorld: true });
    expect(across.facts.historyOfCancer).toBeUndefined();
    expect(noteCodes(across, 'historyOfCancer')).toEqual(['dates-unclear']);
    // Without an onset, the recorded date dates it.
    expect(one(ICD10CM, 'Z85.3', { recorded: '2020-01-01' }).facts.historyOfCancer).toBe(true);
    expect(one(ICD10CM, 'Z85.3', { recorded: '2026-12-01' }).facts.historyOfCancer).toBeUndefined();
  });

  it('undated: it counts when the record is known to hold it on the reference date, else stays unrecorded', () => {
    const record = [patient('1970-01-01'), condition('c1', ICD10CM, 'Z85.3', { clinical: 'resolved' })];
    expect(mapFacts(record).facts.historyOfCancer).toBe(true);
    expect(mapExtract(record, { extractedOn: '2026-11-23' }).facts.historyOfCancer).toBe(true);
    const later = mapExtract(record, { extractedOn: '2026-11-25', closedWorld: true });
    expect(later.facts.historyOfCancer).toBeUndefined();
    expect(noteCodes(later, 'historyOfCancer')).toEqual(['dates-unclear']);
    expect(mapExtract(record, { closedWorld: true }).facts.historyOfCancer).toBeUndefined();
  });

  it('an unconfirmed cancer leaves it unrecorded; a refuted one is ignored; a neoplasm not stated malignant leaves it open', () => {
    const unconfirmed = one(
      ICD10,
      'C50.9',
      { verification: 'provisional', onset: '2010-01-01' },
      { closedWorld: true },
    );
    expect(unconfirmed.facts.historyOfCancer).toBeUndefined();
    expect(noteCodes(unconfirmed, 'historyOfCancer')).toEqual(['condition-not-confirmed']);
    const refuted = one(ICD10, 'C50.9', { verification: 'refuted' }, { closedWorld: true });
    expect(refuted.facts.historyOfCancer).toBe(false);
    expect(noteCodes(refuted, 'historyOfCancer')).toEqual(['condition-ignored', 'closed-world']);
    for (const [system, code] of [
      [ICD10, 'D05.1'],
      [ICD10CM, 'D49.9'],
      [SNOMED, '92691004'],
    ] as const) {
      const inSitu = one(
        system,
        code,
        { clinical: 'resolved', onset: '2010-01-01', abatement: '2011-01-01' },
        {
          closedWorld: true,
        },
      );
      expect(inSitu.facts.historyOfCancer, code).toBeUndefined();
      expect(noteCodes(inSitu, 'historyOfCancer'), code).toEqual(['uncertain-code']);
      expect(inSitu.facts.oncologicalDisease, code).toBe(false);
    }
  });
});

describe('prolonged corticosteroid use', () => {
  it('ICD-10-CM Z79.52, active on the reference date, sets it', () => {
    const value = one(ICD10CM, 'Z79.52', { onset: '2025-01-10' });
    expect(value.facts.prolongedCorticosteroidUse).toBe(true);
    expect(value.evidence.prolongedCorticosteroidUse).toEqual([conditionRef]);
  });

  it('as of the reference date: ended before it, no; across it, yes; begun after it, nothing', () => {
    const ended = one(ICD10CM, 'Z79.52', { clinical: 'resolved', onset: '2020-01-01', abatement: '2026-11-23' });
    expect(ended.facts.prolongedCorticosteroidUse).toBeUndefined();
    expect(noteCodes(ended, 'prolongedCorticosteroidUse')).toEqual(['condition-inactive']);
    const across = one(ICD10CM, 'Z79.52', { clinical: 'resolved', onset: '2020-01-01', abatement: ON });
    expect(across.facts.prolongedCorticosteroidUse).toBe(true);
    const after = one(ICD10CM, 'Z79.52', { onset: '2026-11-25' });
    expect(after.facts.prolongedCorticosteroidUse).toBeUndefined();
    expect(noteCodes(after, 'prolongedCorticosteroidUse')).toEqual(['after-reference-date']);
  });

  it('only the ICD-10-CM code: not inhaled steroids, not the same characters under WHO ICD-10, not a past course', () => {
    for (const [system, code] of [
      [ICD10CM, 'Z79.51'],
      [ICD10CM, 'Z92.241'],
      [ICD10, 'Z79.52'],
    ] as const) {
      expect(one(system, code).facts.prolongedCorticosteroidUse, `${system} ${code}`).toBeUndefined();
    }
  });
});

describe('immunosuppression', () => {
  it.each([['D80.2'], ['D81.1'], ['D82.1'], ['D83.9'], ['D84.9'], ['D84.821']])(
    'an immunodeficiency %s, active on the reference date, sets it',
    (code) => {
      const value = one(ICD10CM, code, { onset: '2024-05-01' });
      expect(value.facts.immunosuppression).toBe(true);
      expect(value.evidence.immunosuppression).toEqual([conditionRef]);
    },
  );

  it('the categories beside them and HIV disease state nothing', () => {
    for (const code of ['D79', 'D86.0', 'D89.9', 'B20', 'Z94.0']) {
      expect(one(ICD10, code).facts.immunosuppression, code).toBeUndefined();
    }
  });

  it('as of the reference date: ended before it, no; begun after it, nothing', () => {
    const ended = one(ICD10, 'D84.9', { clinical: 'resolved', onset: '2020-01-01', abatement: '2021-01-01' });
    expect(ended.facts.immunosuppression).toBeUndefined();
    expect(noteCodes(ended, 'immunosuppression')).toEqual(['condition-inactive']);
    expect(one(ICD10, 'D84.9', { onset: '2027-01-01' }).facts.immunosuppression).toBeUndefined();
  });
});

describe('a closed world', () => {
  it('sets cauda equina syndrome and a history of cancer to false, and never the facts whose drugs it does not read', () => {
    const value = mapFacts([patient('1970-01-01')], { closedWorld: true });
    expect(redFlags(value)).toEqual({
      caudaEquinaSyndrome: false,
      historyOfCancer: false,
      prolongedCorticosteroidUse: undefined,
      immunosuppression: undefined,
    });
    expect(value.notes.map((note) => note.fact)).not.toContain('prolongedCorticosteroidUse');
    expect(value.notes.map((note) => note.fact)).not.toContain('immunosuppression');
    // An ended course or immunodeficiency is no "no" either.
    const ended = one(ICD10CM, 'Z79.52', { clinical: 'resolved', abatement: '2020-01-01' }, { closedWorld: true });
    expect(ended.facts.prolongedCorticosteroidUse).toBeUndefined();
  });

  it('sets no other red flag: the signs at the visit stay unrecorded', () => {
    const { facts } = mapFacts([patient('1970-01-01')], { closedWorld: true });
    for (const fact of ['saddleAnaesthesia', 'nightPain', 'severeTrauma', 'gaitDisturbance', 'inflammatoryBackPain']) {
      expect(Object.hasOwn(facts, fact), fact).toBe(false);
    }
  });
});

describe('a code the mapping cannot read never sets a red flag to false', () => {
  it('another code system (ICD-10-GM) or words alone, present on the reference date: every condition fact stays unrecorded', () => {
    const words = { ...condition('c1', SNOMED, 'x'), code: { text: 'Kauda-Syndrom' } };
    for (const resource of [condition('c1', GM, 'G83.4'), words]) {
      const value = mapFacts([patient('1970-01-01'), resource], { closedWorld: true });
      expect(redFlags(value)).toEqual({
        caudaEquinaSyndrome: undefined,
        historyOfCancer: undefined,
        prolongedCorticosteroidUse: undefined,
        immunosuppression: undefined,
      });
      expect(value.notes.map((note) => note.code)).toContain('unreadable-code');
    }
  });

  it('one that ended before the reference date leaves only a history of cancer open', () => {
    const ended = condition('c1', GM, 'C50.9', { clinical: 'resolved', onset: '2010-01-01', abatement: '2012-01-01' });
    const value = mapFacts([patient('1970-01-01'), ended], { closedWorld: true });
    expect(redFlags(value)).toEqual({
      caudaEquinaSyndrome: false,
      historyOfCancer: undefined,
      prolongedCorticosteroidUse: undefined,
      immunosuppression: undefined,
    });
    expect(value.facts.oncologicalDisease).toBe(false);
    expect(value.notes.find((note) => note.code === 'unreadable-code')).toEqual({
      code: 'unreadable-code',
      message:
        'Condition has no code in a system the mapping reads (only text, or another code system): it was not present on the reference date, but a history of cancer stays unrecorded',
      resource: conditionRef,
    });
  });

  it('one that begins after the reference date says nothing, and a closed world decides', () => {
    const later = condition('c1', GM, 'C50.9', { onset: '2026-12-01' });
    const value = mapFacts([patient('1970-01-01'), later], { closedWorld: true });
    expect(value.facts.historyOfCancer).toBe(false);
    expect(value.notes.map((note) => note.code)).not.toContain('unreadable-code');
  });

  it('a clinic list reads the other system, and may set any of the four', () => {
    const gm: FhirCodeList = {
      id: 'clinic-gm-cauda',
      title: 'Cauda-equina-Syndrom (ICD-10-GM)',
      kind: 'counts',
      fact: 'caudaEquinaSyndrome',
      systems: [GM],
      // Another system's codes are compared as written, dots and all.
      codes: ['G83.4'],
      source: { title: 'BfArM. ICD-10-GM 2026' },
    };
    const value = one(GM, 'G83.4', {}, { extraCodes: [gm], closedWorld: true });
    expect(value.facts.caudaEquinaSyndrome).toBe(true);
    expect(value.facts.historyOfCancer).toBe(false);
  });
});

describe('screened with the red flags', () => {
  const withRedFlags = extendProtocol({
    id: 'clinic',
    version: '1',
    rules: [...cautionRuleSet.rules, ...redFlagRuleSet.rules],
  });

  it('a coded cauda equina syndrome refers at once; a cancer treated years ago refers urgently', () => {
    const cauda = one(SNOMED, '192970008');
    expect(screen(cauda.facts, { ruleSet: withRedFlags }).referrals).toEqual([
      { rule: 'cauda-equina-syndrome', urgency: 'emergency' },
    ]);
    const past = one(ICD10CM, 'Z85.3');
    const screening = screen(past.facts, { ruleSet: withRedFlags });
    expect(screening.status).toBe('refer');
    expect(screening.referrals).toEqual([{ rule: 'history-of-cancer', urgency: 'urgent' }]);
  });

  it('a record with no red-flag code leaves the red flags to ask, never eligible', () => {
    const { facts } = mapFacts([patient('1970-01-01')], { closedWorld: true });
    const screening = screen(facts, { ruleSet: withRedFlags });
    expect(screening.status).toBe('incomplete');
    expect(screening.missing).toContain('saddleAnaesthesia');
    expect(screening.missing).toContain('prolongedCorticosteroidUse');
    expect(screening.missing).not.toContain('historyOfCancer');
  });
});
