// A TypeScript consumer of the packed package's declaration files, compiled by
// scripts/check-consumers.mjs under moduleResolution bundler (module esnext) and node10
// (module commonjs); consumer.mts and consumer.cts are its twins under node16.

import {
  type Explanation,
  explain,
  type Locale,
  type PatientFacts,
  type Result,
  type Screening,
  type ScreeningStatus,
  screen,
} from 'acuspine';
import { type CdsService, cdsService } from 'acuspine/cds-hooks';
import { type FhirFacts, factsFromFhir } from 'acuspine/fhir';
import { ru } from 'acuspine/locales/ru';
import { type QuestionnaireScore, scoreQuestionnaire } from 'acuspine/outcomes';
import { type SqlQuery, screeningSql } from 'acuspine/sql';

const facts: PatientFacts = { ageYears: 52, pregnant: false };
const screening: Screening<
  'age' | 'oncology' | 'pregnancy' | 'coagulation' | 'acute-infection' | 'acute-mental-state'
> = screen(facts);
const status: ScreeningStatus = screening.status;
// @ts-expect-error the status is a closed union, not any: the declarations were found.
const wrong: 'approved' = screening.status;

const read: Result<FhirFacts> = factsFromFhir([], { on: '2026-11-24' });
const query: Result<SqlQuery> = screeningSql({ dialect: 'duckdb', from: 'patients', keep: ['id'] });
// @ts-expect-error a dialect outside the closed union does not compile.
screeningSql({ dialect: 'mysql', from: 'patients' });
const service: CdsService = cdsService({ source: { label: 'Clinic' } });
const score: Result<QuestionnaireScore> = scoreQuestionnaire('pain-nrs', { 'nrs.pain': 6 });
// @ts-expect-error an instrument outside the closed union does not compile.
scoreQuestionnaire('vas', {});

// The locale of 'acuspine/locales/ru' is the core's Locale, and explain takes it.
const russian: Locale = ru;
const explained: Explanation = explain(screening, { locale: russian });
// @ts-expect-error a Locale's code is read-only: the declarations were found.
ru.code = 'de';

export { explained, query, read, score, service, status, wrong };
