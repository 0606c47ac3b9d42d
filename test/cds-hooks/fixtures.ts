// Prefetched records and fact lists shared by the CDS service's tests.
import { CODED_FACTS } from '../../src/fhir/code-list.js';
import { patient } from '../fhir/fixtures/builders.js';

/** The coded facts of the source protocol's contraindications (every coded fact but the cautions'). */
export const PROTOCOL_CODED_FACTS = CODED_FACTS.slice(0, 6) as readonly (
  | 'oncologicalDisease'
  | 'pregnant'
  | 'coagulationDisorder'
  | 'acuteInfection'
  | 'acuteMentalIllness'
  | 'psychotropicInfluence'
)[];

/** A search Bundle of these resources, as a CDS client prefetches it. */
export const found = (...resources: readonly object[]) => ({
  resourceType: 'Bundle',
  type: 'searchset',
  entry: resources.map((resource) => ({ resource })),
});

/** Every prefetch key the service asks for: the Patient p1, and searches that found nothing. */
export const fullPrefetch = (birthDate = '1970-01-01') => ({
  patient: patient(birthDate),
  conditions: found(),
  observations: found(),
  medications: found(),
  devices: found(),
});
