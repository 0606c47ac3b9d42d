// The CommonJS twin of consumer.ts, compiled under moduleResolution node16 (module node16), in
// the form a CommonJS TypeScript project with verbatimModuleSyntax writes.
import acuspine = require('acuspine');
import fhir = require('acuspine/fhir');
import cdsHooks = require('acuspine/cds-hooks');
import sql = require('acuspine/sql');
import outcomes = require('acuspine/outcomes');
import russianLocale = require('acuspine/locales/ru');

import type { Explanation, Locale, PatientFacts, Result, Screening, ScreeningStatus } from 'acuspine';
import type { CdsService } from 'acuspine/cds-hooks';
import type { FhirFacts } from 'acuspine/fhir';
import type { QuestionnaireScore } from 'acuspine/outcomes';
import type { SqlQuery } from 'acuspine/sql';

const facts: PatientFacts = { ageYears: 52, pregnant: false };
const screening: Screening<
  'age' | 'oncology' | 'pregnancy' | 'coagulation' | 'acute-infection' | 'acute-mental-state'
> = acuspine.screen(facts);
const status: ScreeningStatus = screening.status;
// @ts-expect-error the status is a closed union, not any: the declarations were found.
const wrong: 'approved' = screening.status;

const read: Result<FhirFacts> = fhir.factsFromFhir([], { on: '2026-11-24' });
const query: Result<SqlQuery> = sql.screeningSql({ dialect: 'duckdb', from: 'patients', keep: ['id'] });
const service: CdsService = cdsHooks.cdsService({ source: { label: 'Clinic' } });
const score: Result<QuestionnaireScore> = outcomes.scoreQuestionnaire('pain-nrs', { 'nrs.pain': 6 });

const russian: Locale = russianLocale.ru;
const explained: Explanation = acuspine.explain(screening, { locale: russian });
// @ts-expect-error a Locale's code is read-only: the declarations were found.
russianLocale.ru.code = 'de';

void [explained, query, read, score, service, status, wrong];
