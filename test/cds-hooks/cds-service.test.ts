// Unit tests of cdsService: its start-up checks, its discovery entries, and the cards it answers
// for prefetched records. The malformed requests are in cds-service-requests.test.ts, the example
// HTTP server in example-server.test.ts.
import { describe, expect, it } from 'vitest';
import { cdsService } from '../../src/cds-hooks/index.js';
import type { FhirCodeList } from '../../src/fhir/index.js';
import { ageRule, cautionRuleSet, defineRuleSet, protocolRuleSet } from '../../src/index.js';
import { condition, NOT_PREGNANT, ON, patient, pregnancyStatus, SNOMED } from '../fhir/fixtures/builders.js';
import { validateDiscovery, validateResponse } from './card-validator.js';
import { found, fullPrefetch, PROTOCOL_CODED_FACTS } from './fixtures.js';

const source = { label: 'Clinic acupuncture screening' };
const searchset = found;

function request(prefetch: Record<string, unknown> | undefined, hook = 'patient-view') {
  return {
    hook,
    hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
    context: { userId: 'Practitioner/1', patientId: 'p1' },
    ...(prefetch === undefined ? {} : { prefetch }),
  };
}

type Service = ReturnType<typeof cdsService>;

function cardsOf(result: ReturnType<Service['handle']>) {
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  expect(validateResponse(result.value)).toEqual([]);
  return result.value.cards;
}

/** The lines of a card's markdown detail. */
function linesOf(detail: string | undefined): string[] {
  return (detail ?? '').split('\n');
}

function expectTypeError(run: () => unknown, message: string): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(TypeError);
  expect((thrown as Error).message).toBe(message);
}

const PROTOCOL = 'Osteochondrosis and acupuncture, Contraindications';
const FOOTER = '_Decision support for the treating clinician, who decides._';
const INCOMPLETE_HEAD =
  '**Screening incomplete** (rule set acuspine-protocol v1.0.0): these facts are not recorded, and no result is given until they are.';
/** The rules a complete EHR record with nothing coded leaves unsettled, with their citations. */
const UNSETTLED = [
  'Rules not settled:',
  `- oncological disease: ${PROTOCOL}, item 2`,
  `- pregnancy: ${PROTOCOL}, item 3`,
  `- blood clotting disorder: ${PROTOCOL}, item 4`,
  `- acute infection: ${PROTOCOL}, item 5`,
  `- acute mental state or psychotropic substances: ${PROTOCOL}, item 6`,
];
const TO_RECORD = [
  'Facts to record:',
  '- oncological disease',
  '- pregnancy',
  '- blood clotting disorder',
  '- acute infection',
  '- acute mental illness',
  '- influence of psychotropic substances',
];
const INCOMPLETE_SUMMARY =
  'Acupuncture screening incomplete. Record: oncological disease, pregnancy, blood clotting disorder, acute infection and 2 more.';

const clinicOncology: FhirCodeList = {
  id: 'clinic',
  title: 'Clinic oncology',
  kind: 'counts',
  fact: 'oncologicalDisease',
  systems: ['urn:clinic'],
  codes: ['ONC'],
  source: { title: 'Clinic book' },
};

describe('cdsService definitions', () => {
  it('has one frozen discovery entry per hook, with its id, title, description and prefetch templates', () => {
    const service = cdsService({ source });
    const description =
      'Screens the patient for contraindications to acupuncture in spinal osteochondrosis (decision support for the treating clinician).';
    const prefetch = {
      patient: 'Patient/{{context.patientId}}',
      conditions: 'Condition?patient={{context.patientId}}',
      observations: 'Observation?patient={{context.patientId}}&code=http://loinc.org|82810-3',
      medications: 'MedicationRequest?patient={{context.patientId}}',
      devices: 'Device?patient={{context.patientId}}',
    };
    expect(service.definitions).toEqual([
      { id: 'acuspine-screening', hook: 'patient-view', title: 'Acupuncture screening', description, prefetch },
      {
        id: 'acuspine-screening-appointment-book',
        hook: 'appointment-book',
        title: 'Acupuncture screening at booking',
        description,
        prefetch,
      },
      {
        id: 'acuspine-screening-order-select',
        hook: 'order-select',
        title: 'Acupuncture screening of a selected order',
        description,
        prefetch,
      },
      {
        id: 'acuspine-screening-order-sign',
        hook: 'order-sign',
        title: 'Acupuncture screening of an order to sign',
        description,
        prefetch,
      },
    ]);
    expect(validateDiscovery(JSON.parse(JSON.stringify({ services: service.definitions })))).toEqual([]);
    expect(Object.isFrozen(service)).toBe(true);
    expect(Object.isFrozen(service.definitions)).toBe(true);
    expect(service.definitions.every((definition) => Object.isFrozen(definition))).toBe(true);
  });

  it('names every service after options.id, which may use letters, digits, dots, underscores and hyphens', () => {
    const service = cdsService({ source, id: 'Clinic.acu_screen-2' });
    expect(service.definitions.map((d) => d.id)).toEqual([
      'Clinic.acu_screen-2',
      'Clinic.acu_screen-2-appointment-book',
      'Clinic.acu_screen-2-order-select',
      'Clinic.acu_screen-2-order-sign',
    ]);
    expect(cdsService({ source, id: '7' }).definitions[0]?.id).toBe('7');
    expect(cdsService({ source, id: `a${'b'.repeat(63)}` }).definitions[0]?.id).toHaveLength(64);
  });

  it('refuses an id that is not 1 to 64 URL-safe characters, or not a string', () => {
    const message = 'cdsService: options.id must be 1-64 URL-safe characters (letters, digits, . _ -)';
    for (const id of ['', 'has space', '-leading-hyphen', '.hidden', 'trailing/', 'a/b', `a${'b'.repeat(64)}`, 7]) {
      expectTypeError(() => cdsService({ source, id: id as never }), message);
    }
  });

  it('refuses a bad source at start-up, naming cdsService', () => {
    expectTypeError(
      () => cdsService({ source: { label: '' } }),
      'cdsService: options.source.label must be a non-empty string',
    );
  });

  it('checks a hand-written rule set at start-up', () => {
    expectTypeError(
      () => cdsService({ source, ruleSet: { ...protocolRuleSet, id: '' } }),
      'defineRuleSet: id must be a non-empty string',
    );
  });

  it('checks clinic code lists at start-up, with every problem and its path in the message', () => {
    expectTypeError(
      () =>
        cdsService({
          source,
          extraCodes: [
            { ...clinicOncology, id: '' },
            { ...clinicOncology, systems: [] },
          ],
        }),
      'cdsService: options.extraCodes: options.extraCodes.0.id: expected a non-empty string, got the string ""; ' +
        'options.extraCodes.1.systems: expected a non-empty array of code system URIs, got an array',
    );
    expectTypeError(
      () => cdsService({ source, extraCodes: null as never }),
      'cdsService: options.extraCodes: options.extraCodes: expected an array of code lists, got null',
    );
  });
});

describe('cdsService handle', () => {
  it('screens the prefetched record: a patient over 75 gets a critical card', () => {
    const cards = cardsOf(cdsService({ source }).handle(request(fullPrefetch('1940-01-01')), { on: ON }));
    expect(cards).toEqual([
      {
        summary: 'Acupuncture contraindicated: age. Refer for another method of treatment.',
        indicator: 'critical',
        source,
        detail: [
          "**Acupuncture is contraindicated** (rule set acuspine-protocol v1.0.0). The source protocol's answer is another method of treatment: refer the patient.",
          '',
          'Contraindications found:',
          `- age: ${PROTOCOL}, item 1`,
          '',
          FOOTER,
        ].join('\n'),
      },
    ]);
  });

  it('reads the record as an EHR by default: a record with nothing coded leaves the screening incomplete', () => {
    const cards = cardsOf(cdsService({ source }).handle(request(fullPrefetch()), { on: ON }));
    expect(cards).toEqual([
      {
        summary: INCOMPLETE_SUMMARY,
        indicator: 'warning',
        source,
        detail: [INCOMPLETE_HEAD, '', ...TO_RECORD, '', ...UNSETTLED, '', FOOTER].join('\n'),
      },
    ]);
  });

  it('reads the record as a registry only when closedWorld is true', () => {
    const prefetch = fullPrefetch('1990-01-01');
    const registry = cdsService({ source, closedWorld: true });
    expect(cardsOf(registry.handle(request(prefetch), { on: ON })).map((card) => card.summary)).toEqual([
      'No acupuncture contraindication found (acuspine-protocol v1.0.0).',
    ]);
    for (const closedWorld of ['yes', 1, 'true', null]) {
      expect(() => cdsService({ source, closedWorld: closedWorld as never })).toThrow(
        new TypeError('cdsService: options.closedWorld must be true or false'),
      );
    }
    expect(() => cdsService({ source, closedworld: true } as never)).toThrow(
      new TypeError('cdsService: "closedworld" is not an option'),
    );
  });

  it('lists the notes of the record about the facts still to record, with the resource they come from', () => {
    const prefetch = {
      ...fullPrefetch('1990-01-01'),
      observations: searchset(pregnancyStatus('o1', NOT_PREGNANT, '2026-01-02')),
    };
    const cards = cardsOf(cdsService({ source }).handle(request(prefetch), { on: ON }));
    expect(cards.map((card) => card.indicator)).toEqual(['warning']);
    expect(linesOf(cards[0]?.detail)).toEqual([
      INCOMPLETE_HEAD,
      '',
      ...TO_RECORD,
      '',
      ...UNSETTLED,
      '',
      'From the record:',
      '- pregnancy: The latest pregnancy record says not pregnant as of 2026-01-02, before 2026-11-24: a pregnancy since then is not excluded (Observation/o1)',
      '',
      FOOTER,
    ]);
  });

  it('leaves out the notes about facts that are recorded and the notes about no fact', () => {
    // The partial birth date is noted, but gives the age (65 on both sides of the birthday).
    const partial = cardsOf(cdsService({ source }).handle(request(fullPrefetch('1960')), { on: ON }));
    expect(linesOf(partial[0]?.detail)).toEqual([INCOMPLETE_HEAD, '', ...TO_RECORD, '', ...UNSETTLED, '', FOOTER]);
    const otherPatient = {
      ...fullPrefetch(),
      conditions: searchset(condition('c1', SNOMED, '162573006', { subject: 'Patient/p9' })),
    };
    const other = cardsOf(cdsService({ source }).handle(request(otherPatient), { on: ON }));
    expect(linesOf(other[0]?.detail)).toEqual([INCOMPLETE_HEAD, '', ...TO_RECORD, '', ...UNSETTLED, '', FOOTER]);
  });

  it('writes a note without a resource id without a reference', () => {
    const noBirthDate = { ...fullPrefetch(), patient: { resourceType: 'Patient' } };
    const cards = cardsOf(cdsService({ source }).handle(request(noBirthDate), { on: ON }));
    expect(linesOf(cards[0]?.detail).slice(-4)).toEqual([
      'From the record:',
      '- age: The Patient has no birth date: the age is not recorded',
      '',
      FOOTER,
    ]);
    const { patient: _omitted, ...noPatient } = fullPrefetch();
    const missingPatient = cardsOf(cdsService({ source }).handle(request(noPatient), { on: ON }));
    expect(linesOf(missingPatient[1]?.detail).slice(-4)).toEqual([
      'From the record:',
      '- age: No Patient resource: the age is not recorded',
      '',
      FOOTER,
    ]);
  });

  it('lists at most ten notes from the record, and counts the others', () => {
    const suspected = (count: number) =>
      Array.from({ length: count }, (_, i) =>
        condition(`c${i}`, SNOMED, '162573006', { onset: `2026-01-${String(i + 1).padStart(2, '0')}` }),
      );
    // Each of eleven facts has one note (a clinic list per fact), so that eleven lines are due.
    const notedFact = (i: number) => condition(`n${i}`, 'urn:clinic', `C${i}`, { onset: '2026-01-01' });
    const lists = PROTOCOL_CODED_FACTS.map((fact, i) => ({
      id: `clinic-${i}`,
      title: `Clinic list ${i}`,
      kind: 'uncertain' as const,
      fact: fact as 'pregnant',
      systems: ['urn:clinic'],
      codes: [`C${i}`],
      source: { title: 'Clinic book' },
    }));
    const service = cdsService({ source, extraCodes: lists });
    const six = cardsOf(
      service.handle(request({ ...fullPrefetch(), conditions: searchset(...lists.map((_, i) => notedFact(i))) }), {
        on: ON,
      }),
    );
    const fromRecord = (detail: string | undefined) => {
      const lines = linesOf(detail);
      return lines.slice(lines.indexOf('From the record:') + 1, -2);
    };
    expect(fromRecord(six[0]?.detail)).toHaveLength(6);
    // Twelve suspected cancers are one kind of note about one fact: one line that counts them.
    const twelve = cardsOf(
      service.handle(request({ ...fullPrefetch(), conditions: searchset(...suspected(12)) }), { on: ON }),
    );
    expect(fromRecord(twelve[0]?.detail)).toEqual([
      `- oncological disease: Condition "Suspected cancer, carcinoma in situ, neoplasm not stated to be malignant" does not settle oncological disease: a suspicion or a neoplasm of unstated behaviour: the clinician decides (Condition/c0) (and 11 more like it: ${Array.from({ length: 11 }, (_, i) => `Condition/c${i + 1}`).join(', ')})`,
    ]);
  });

  it('missing prefetch gives a warning card that names what is missing, and never an info card, even in a closed world', () => {
    const registry = cdsService({ source, closedWorld: true });
    const { patient: only } = fullPrefetch('1990-01-01');
    const missingCard = (keys: string[], lines: string[]) => ({
      summary: `Acupuncture screening: prefetch missing for ${keys.join(', ')}. No all-clear can be given.`,
      indicator: 'warning',
      source,
      detail: [
        '**Part of the record could not be read**, so no all-clear is given:',
        '',
        'Not sent by the EHR:',
        ...lines,
        '',
        'Facts from these resources stay unrecorded; record them in the EHR or ask the patient.',
      ].join('\n'),
    });
    const all = [
      '- `patient`: the Patient (age)',
      '- `conditions`: the Conditions (oncology, pregnancy, clotting, infection, mental state)',
      '- `observations`: the pregnancy status Observations',
      '- `medications`: the MedicationRequests (anticoagulants)',
      '- `devices`: the Devices (implanted pacemaker or other electrical device)',
    ];
    for (const prefetch of [undefined, null]) {
      const cards = cardsOf(registry.handle({ ...request(undefined), prefetch }, { on: ON }));
      expect(cards[0]).toEqual(missingCard(['patient', 'conditions', 'observations', 'medications', 'devices'], all));
      expect(cards.map((card) => card.indicator)).toEqual(['warning', 'warning']);
    }
    const partial = cardsOf(registry.handle(request({ patient: only, conditions: null }), { on: ON }));
    expect(partial[0]).toEqual(missingCard(['conditions', 'observations', 'medications', 'devices'], all.slice(1)));
    // A closed world needs every key: with one missing, the record is read as an EHR's.
    const oneMissing = { ...fullPrefetch('1990-01-01'), medications: undefined };
    const cards = cardsOf(registry.handle(request(oneMissing), { on: ON }));
    expect(cards.map((card) => card.summary)).toEqual([
      'Acupuncture screening: prefetch missing for medications. No all-clear can be given.',
      INCOMPLETE_SUMMARY,
    ]);
  });

  it('drops the info card of a screening that the prefetch present settles when other keys are missing', () => {
    const ageOnly = defineRuleSet({ id: 'age-only', version: '1', rules: [ageRule()] });
    const notAllClear = "Not an all-clear: age-only v1 does not check 5 of the protocol's contraindications.";
    const service = cdsService({ source, ruleSet: ageOnly });
    expect(cardsOf(service.handle(request(fullPrefetch()), { on: ON })).map((card) => card.summary)).toEqual([
      notAllClear,
    ]);
    expect(
      cardsOf(service.handle(request({ patient: patient('1970-01-01') }), { on: ON })).map((card) => card.summary),
    ).toEqual([
      'Acupuncture screening: prefetch missing for conditions, observations, medications, devices. No all-clear can be given.',
      notAllClear,
    ]);
    // With the protocol whole, the info card of a settled screening is dropped all the same.
    const registry = cdsService({ source, closedWorld: true });
    expect(cardsOf(registry.handle(request(fullPrefetch()), { on: ON })).map((card) => card.indicator)).toEqual([
      'info',
    ]);
    const { devices: _devices, ...noDevices } = fullPrefetch();
    expect(cardsOf(registry.handle(request(noDevices), { on: ON })).map((card) => card.indicator)).not.toContain(
      'info',
    );
  });

  it('a contraindication found in the prefetch that is there still shows when other keys are missing', () => {
    const cards = cardsOf(cdsService({ source }).handle(request({ patient: patient('1930-01-01') }), { on: ON }));
    expect(cards.map((card) => card.summary)).toEqual([
      'Acupuncture screening: prefetch missing for conditions, observations, medications, devices. No all-clear can be given.',
      'Acupuncture contraindicated: age. Refer for another method of treatment.',
    ]);
  });

  it('reads a partial birth date with the age bounds of its rule set', () => {
    // Born in 1960: 65 or 66 on the reference date, across the bound "over 65" but not "over 75".
    const adults = defineRuleSet({
      id: 'adults',
      version: '1',
      rules: [...protocolRuleSet.rules.slice(1), ageRule({ under: 18, over: 65 })],
    });
    const clinic = cdsService({ source, ruleSet: adults, closedWorld: true });
    const cards = cardsOf(clinic.handle(request(fullPrefetch('1960')), { on: ON }));
    expect(cards).toEqual([
      {
        summary: 'Acupuncture screening incomplete. Record: age.',
        indicator: 'warning',
        source,
        detail: [
          '**Screening incomplete** (rule set adults v1): these facts are not recorded, and no result is given until they are.',
          '',
          'Facts to record:',
          '- age',
          '',
          'Rules not settled:',
          `- age: the rule set's own age limits, adapted from ${PROTOCOL}, item 1 (the rule set's own bounds, under 18 or over 65 completed years; the protocol's are under 3 or over 75)`,
          '',
          'From the record:',
          '- age: The birth date 1960 is partial: on 2026-11-24 the age is 65 to 66 years, across an age bound (under 18, over 65), so it is not recorded (Patient/p1)',
          '',
          FOOTER,
        ].join('\n'),
      },
    ]);
    const protocol = cdsService({ source, closedWorld: true });
    expect(cardsOf(protocol.handle(request(fullPrefetch('1960')), { on: ON })).map((card) => card.indicator)).toEqual([
      'info',
    ]);
  });

  it('screens with a rule set that has no age rule', () => {
    const cautionsOnly = cdsService({ source, ruleSet: cautionRuleSet, closedWorld: true });
    const cards = cardsOf(cautionsOnly.handle(request(fullPrefetch('1950')), { on: '2026-06-01' }));
    // The cautions read facts that no FHIR resource gives, even in a closed world; a Device
    // search that found nothing says there is no implanted device.
    expect(cards.map((card) => card.summary)).toEqual([
      'Acupuncture screening incomplete. Record: skin lesion at the needling site, needle phobia, epilepsy.',
      "Not an all-clear: acuspine-cautions v1.0.0 does not check 6 of the protocol's contraindications.",
    ]);
  });

  it('maps the codes of the clinic code lists', () => {
    const clinic = cdsService({ source, extraCodes: [clinicOncology] });
    const prefetch = { ...fullPrefetch(), conditions: searchset(condition('c', 'urn:clinic', 'ONC')) };
    const cards = cardsOf(clinic.handle(request(prefetch), { on: ON }));
    expect(cards.map((card) => card.summary)).toEqual([
      'Acupuncture contraindicated: oncological disease. Refer for another method of treatment.',
    ]);
    expect(cardsOf(cdsService({ source }).handle(request(prefetch), { on: ON }))[0]?.indicator).toBe('warning');
  });

  it('answers the appointment-book hook without a service id, and with its own', () => {
    const service = cdsService({ source });
    const booking = request(fullPrefetch('1940-01-01'), 'appointment-book');
    expect(cardsOf(service.handle(booking, { on: ON }))[0]?.indicator).toBe('critical');
    const call = { on: ON, serviceId: 'acuspine-screening-appointment-book' };
    expect(cardsOf(service.handle(booking, call))[0]?.indicator).toBe('critical');
    const view = request(fullPrefetch('1940-01-01'));
    expect(cardsOf(service.handle(view, { on: ON, serviceId: 'acuspine-screening' }))[0]?.indicator).toBe('critical');
  });

  it('returns a frozen response', () => {
    const result = cdsService({ source }).handle(request(fullPrefetch('1940-01-01')), { on: ON });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.isFrozen(result.value)).toBe(true);
    expect(Object.isFrozen(result.value.cards)).toBe(true);
  });
});
