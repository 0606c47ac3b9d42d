import { beforeAll, describe, expect, test } from 'vitest';
import {
  RULE_SET_EXTENSION_URL,
  SCREENING_RESULT_EXTENSION_URL,
  screeningGuidanceResponse,
} from '../../../src/fhir/index.js';
import { defineRuleSet, explain, protocolRuleSet, redFlagRuleSet, screen } from '../../../src/index.js';
import { ru } from '../../../src/locales/ru/index.js';
import { healthyFacts } from '../../course/fixtures.js';
import { validateR4 } from '../r4-schema.js';

const base = { id: 'screening-1', patient: 'Patient/p1', occurrenceDateTime: '2026-12-02' } as const;

function written(...args: Parameters<typeof screeningGuidanceResponse>) {
  const result = screeningGuidanceResponse(...args);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  expect(validateR4(result.value)).toEqual([]);
  return result.value;
}

// Compiling the R4 schema takes seconds on a busy machine: once, before the tests' own time starts.
beforeAll(() => {
  validateR4({ resourceType: 'Basic' });
}, 60_000);
describe('screeningGuidanceResponse', () => {
  test('incomplete: data-required, one data requirement per missing fact, in the screening’s order', () => {
    const screening = screen({ ageYears: 52, oncologicalDisease: false });
    const response = written(screening, base);
    expect(response.status).toBe('data-required');
    expect(response.dataRequirement).toEqual(
      ['pregnant', 'coagulationDisorder', 'acuteInfection', 'acuteMentalIllness', 'psychotropicInfluence'].map(
        (fact) =>
          fact === 'pregnant'
            ? {
                type: 'Observation',
                codeFilter: [{ path: 'code', code: [{ system: 'http://loinc.org', code: '82810-3' }] }],
              }
            : {
                type: 'Observation',
                codeFilter: [
                  { path: 'code', code: [{ system: 'https://acuspine.github.io/codes/patient-fact', code: fact }] },
                ],
              },
      ),
    );
    expect(response.extension).toEqual([
      {
        url: RULE_SET_EXTENSION_URL,
        extension: [
          { url: 'id', valueString: 'acuspine-protocol' },
          { url: 'version', valueString: protocolRuleSet.version },
        ],
      },
      { url: SCREENING_RESULT_EXTENSION_URL, extension: [{ url: 'status', valueCode: 'incomplete' }] },
    ]);
    expect(response.moduleUri).toBe(
      `https://acuspine.github.io/rule-sets/acuspine-protocol/${protocolRuleSet.version}`,
    );
    expect(response).toMatchObject({ subject: { reference: 'Patient/p1' }, occurrenceDateTime: '2026-12-02' });
  });

  test('the age is asked as the Patient’s birth date', () => {
    expect(written(screen({ ...healthyFacts, ageYears: undefined }), base).dataRequirement).toEqual([
      { type: 'Patient', mustSupport: ['birthDate'] },
    ]);
  });

  test('eligible: success, no data requirement, no finding', () => {
    const response = written(screen(healthyFacts), { ...base, performer: 'Practitioner/dr-1' });
    expect(response.status).toBe('success');
    expect(response).not.toHaveProperty('dataRequirement');
    expect(response.performer).toEqual({ reference: 'Practitioner/dr-1' });
    expect(response.extension[1]).toEqual({
      url: SCREENING_RESULT_EXTENSION_URL,
      extension: [{ url: 'status', valueCode: 'eligible' }],
    });
  });

  test('contraindicated and refer: success, with the present findings; the narrative in words', () => {
    const contraindicated = written(screen({ ...healthyFacts, pregnant: true, acuteInfection: true }), base);
    expect(contraindicated.status).toBe('success');
    expect(contraindicated.extension[1]?.extension).toEqual([
      { url: 'status', valueCode: 'contraindicated' },
      { url: 'finding', valueString: 'pregnancy' },
      { url: 'finding', valueString: 'acute-infection' },
    ]);
    const words = explain(screen({ ...healthyFacts, pregnant: true, acuteInfection: true }));
    expect(contraindicated.text.div).toContain(words.headline);
    const referral = screen({ caudaEquinaSyndrome: true }, { ruleSet: redFlagRuleSet });
    const refer = written(referral, { ...base, locale: ru });
    expect(refer.extension[1]?.extension?.[0]).toEqual({ url: 'status', valueCode: 'refer' });
    expect(refer.text.div).toContain(explain(referral, { locale: ru }).headline);
    // Still missing facts: they are data requirements even though the status is decided.
    expect(refer.dataRequirement?.length).toBe(referral.missing.length);
  });

  test('a clinic’s own facts are coded in its rule set’s code system and named by their labels', () => {
    const clinic = defineRuleSet({
      id: 'clinic one',
      version: '3',
      facts: { recentSpinalSurgery: { label: { en: 'spinal surgery in the last 6 months' } } },
      rules: [
        ...protocolRuleSet.rules,
        {
          id: 'after-surgery',
          kind: 'absolute',
          when: { type: 'any', facts: ['recentSpinalSurgery'] },
          source: { title: 'Clinic policy' },
        },
      ],
    });
    const screening = screen(healthyFacts, { ruleSet: clinic });
    const response = written(screening, { ...base, ruleSet: clinic });
    expect(response.dataRequirement).toEqual([
      {
        type: 'Observation',
        codeFilter: [
          {
            path: 'code',
            code: [
              { system: 'https://acuspine.github.io/codes/rule-set/clinic%20one/fact', code: 'recentSpinalSurgery' },
            ],
          },
        ],
      },
    ]);
    expect(response.text.div).toContain('spinal surgery in the last 6 months');
    expect(response.moduleUri).toBe('https://acuspine.github.io/rule-sets/clinic%20one/3');
  });

  test('not a screening, another rule set, a bad locale and bad options are issues', () => {
    const notScreening = screeningGuidanceResponse({ status: 'eligible' }, base);
    expect(notScreening.ok ? [] : notScreening.issues.map((found) => [found.code, found.path])).toEqual([
      ['invalid-screening', []],
    ]);
    const otherSet = screeningGuidanceResponse(screen(healthyFacts), { ...base, ruleSet: redFlagRuleSet });
    expect(otherSet.ok ? [] : otherSet.issues.map((found) => [found.code, found.path])).toEqual([
      ['invalid-option', ['ruleSet']],
    ]);
    const locale = screeningGuidanceResponse(screen(healthyFacts), { ...base, locale: 'xx' } as never);
    expect(locale.ok ? [] : locale.issues.map((found) => [found.code, found.path])).toEqual([
      ['invalid-option', ['locale']],
    ]);
    const options = screeningGuidanceResponse(screen(healthyFacts), {
      id: '',
      patient: 'Patient/p1',
      occurrenceDateTime: 'today',
      performer: 'Device/d1',
    });
    expect(options.ok ? [] : options.issues.map((found) => found.path.join('.'))).toEqual([
      'id',
      'occurrenceDateTime',
      'performer',
    ]);
  });
});
