// A TypeScript consumer of the packed package's declaration files, compiled by
// scripts/check-consumers.mjs under moduleResolution bundler (module esnext) and node10
// (module commonjs); consumer.mts and consumer.cts are its twins under node16.

import { type PatientFacts, type Result, type Screening, type ScreeningStatus, screen } from 'acuspine';
import { type CdsService, cdsService } from 'acuspine/cds-hooks';
import { type FhirFacts, factsFromFhir } from 'acuspine/fhir';

const facts: PatientFacts = { ageYears: 52, pregnant: false };
const screening: Screening<
  'age' | 'oncology' | 'pregnancy' | 'coagulation' | 'acute-infection' | 'acute-mental-state'
> = screen(facts);
const status: ScreeningStatus = screening.status;
// @ts-expect-error the status is a closed union, not any: the declarations were found.
const wrong: 'approved' = screening.status;

const read: Result<FhirFacts> = factsFromFhir([], { on: '2026-11-24' });
const service: CdsService = cdsService({ source: { label: 'Clinic' } });

export { read, service, status, wrong };
