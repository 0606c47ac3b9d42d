// FHIR-shaped fuzz input: resources of the types factsFromFhir reads, with real codes from the
// shipped code lists and real statuses and dates, in two tiers: well-formed records, which reach
// the mapping of every fact, and records with hostile values anywhere, which reach the checks.
import fc from 'fast-check';
import { codeSystems, fhirCodeLists, PREGNANCY_STATUS_LOINC } from '../../src/fhir/index.js';
import { anyValue, parsedJson } from './harness.js';

const knownCodes = [
  ...new Set(
    fhirCodeLists.flatMap((list) => [
      ...(list.codes ?? []),
      ...(list.prefixes ?? []),
      ...(list.ranges ?? []).map((range) => range.from),
    ]),
  ),
];
const CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';

function resources(hostile: boolean) {
  // In the hostile tier, one value in eight is anything at all.
  const maybe = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
    hostile ? fc.oneof({ weight: 7, arbitrary }, { weight: 1, arbitrary: anyValue }) : arbitrary;
  const date = fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
    },
    { weight: 1, arbitrary: fc.constantFrom('1950', '1950-06', '2026-11-24T10:00:00Z', '2026-11-24T10:00:00+03:00') },
    ...(hostile ? [{ weight: 1, arbitrary: fc.constantFrom('2026-02-30', '', 'yesterday') }] : []),
  );
  const coding = fc.record(
    {
      system: maybe(fc.constantFrom(...Object.values(codeSystems), 'urn:other')),
      code: maybe(
        fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(...knownCodes) },
          { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
        ),
      ),
    },
    { requiredKeys: hostile ? [] : ['system', 'code'] },
  );
  const concept = fc.record({ coding: maybe(fc.array(coding, { minLength: 1, maxLength: 2 })) });
  const status = (system: string, codes: readonly string[]) =>
    maybe(fc.record({ coding: fc.tuple(fc.record({ system: fc.constant(system), code: fc.constantFrom(...codes) })) }));
  const subject = maybe(fc.record({ reference: fc.constantFrom('Patient/p1', 'Patient/p2') }));

  const patient = fc.record(
    { resourceType: fc.constant('Patient'), id: fc.constant('p1'), birthDate: maybe(date) },
    { requiredKeys: ['resourceType', 'id'] },
  );
  const condition = fc.record(
    {
      resourceType: fc.constant('Condition'),
      id: fc.constantFrom('c1', 'c2', 'c3'),
      subject,
      code: maybe(concept),
      clinicalStatus: status(CLINICAL, ['active', 'recurrence', 'relapse', 'inactive', 'remission', 'resolved']),
      verificationStatus: status(VERIFICATION, [
        'confirmed',
        'unconfirmed',
        'provisional',
        'refuted',
        'entered-in-error',
      ]),
      onsetDateTime: maybe(date),
      abatementDateTime: maybe(date),
      recordedDate: maybe(date),
    },
    { requiredKeys: ['resourceType', 'code'] },
  );
  const pregnancyStatus = fc.record(
    {
      resourceType: fc.constant('Observation'),
      id: fc.constantFrom('o1', 'o2'),
      status: maybe(fc.constantFrom('final', 'amended', 'preliminary', 'entered-in-error')),
      subject,
      code: fc.constant({ coding: [{ system: codeSystems.loinc, code: PREGNANCY_STATUS_LOINC }] }),
      valueCodeableConcept: maybe(
        fc.record({
          coding: fc.tuple(
            fc.record({
              system: fc.constant(codeSystems.snomed),
              code: fc.constantFrom('77386006', '60001007', '261665006'),
            }),
          ),
        }),
      ),
      effectiveDateTime: maybe(date),
    },
    { requiredKeys: ['resourceType', 'code'] },
  );
  const medication = fc.record(
    {
      resourceType: fc.constantFrom('MedicationRequest', 'MedicationStatement'),
      id: fc.constantFrom('m1', 'm2'),
      status: maybe(fc.constantFrom('active', 'completed', 'stopped', 'on-hold', 'unknown')),
      subject,
      medicationCodeableConcept: maybe(concept),
    },
    { requiredKeys: ['resourceType'] },
  );
  const other = fc.oneof(
    { weight: 4, arbitrary: condition },
    { weight: 2, arbitrary: pregnancyStatus },
    { weight: 2, arbitrary: medication },
    ...(hostile
      ? [
          { weight: 1, arbitrary: anyValue },
          { weight: 1, arbitrary: parsedJson },
        ]
      : []),
  );
  return fc
    .tuple(fc.option(patient, { nil: undefined }), fc.array(other, { maxLength: 8 }))
    .map(([first, rest]) => (first === undefined ? rest : [first, ...rest]));
}

const asInput = (list: fc.Arbitrary<unknown[]>) =>
  fc.oneof(
    list.map((items) => ({
      resourceType: 'Bundle',
      type: 'collection',
      entry: items.map((resource) => ({ resource })),
    })),
    list,
  );

/** A patient's record as a Bundle or an array of resources: mostly well-formed, sometimes hostile, sometimes not FHIR at all. */
export const fhirInput = fc.oneof(
  { weight: 5, arbitrary: asInput(resources(false)) },
  { weight: 3, arbitrary: asInput(resources(true)) },
  { weight: 1, arbitrary: anyValue },
  { weight: 1, arbitrary: parsedJson },
);
