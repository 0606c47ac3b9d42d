// The tour (`npm start`): what acuspine does, against the built package, in one short run.
// It checks what it prints, so it doubles as a test (`npm run examples`).
import assert from 'node:assert/strict';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  buildCourse,
  cautionRuleSet,
  defineRuleSet,
  explain,
  mergeSummaries,
  type PatientFacts,
  parsePatientFacts,
  protocolRuleSet,
  regionProfile,
  screen,
  screenCohort,
  spinalRegions,
  summarizeCohort,
  summaryTable,
} from 'acuspine';
import { screeningCards } from 'acuspine/cds-hooks';
import { factsFromFhir } from 'acuspine/fhir';
import { ru } from 'acuspine/locales/ru';
import { cohortSummarySql, summaryFromSqlRows } from 'acuspine/sql';

const line = (text = '') => console.log(text);

line('acuspine: screening rules for acupuncture in spinal osteochondrosis (decision support for clinicians)');
line();
line(`1. Screening sample patients against "${protocolRuleSet.id}" v${protocolRuleSet.version}`);

const samples: { label: string; facts: PatientFacts }[] = [
  {
    label: 'complete record, nothing present',
    facts: {
      ageYears: 48,
      oncologicalDisease: false,
      pregnant: false,
      coagulationDisorder: false,
      acuteInfection: false,
      acuteMentalIllness: false,
      psychotropicInfluence: false,
    },
  },
  { label: 'aged 76, otherwise unrecorded', facts: { ageYears: 76 } },
  {
    label: 'pregnancy not recorded',
    facts: {
      ageYears: 34,
      oncologicalDisease: false,
      coagulationDisorder: false,
      acuteInfection: false,
      acuteMentalIllness: false,
      psychotropicInfluence: false,
    },
  },
];
const statuses: string[] = [];
for (const { label, facts } of samples) {
  const result = screen(facts);
  statuses.push(result.status);
  const detail =
    result.status === 'contraindicated'
      ? `contraindications: ${result.contraindications.join(', ')} (refer for another method of treatment)`
      : result.status === 'incomplete'
        ? `ask next: ${result.missing.join(', ')}`
        : 'no contraindication found';
  line(`   - ${label}: ${result.status}; ${detail}`);
}
assert.deepEqual(statuses, ['eligible', 'contraindicated', 'incomplete']);

line();
line('2. Untrusted input is parsed, never guessed');
const typo = parsePatientFacts({ ageYears: 40, pregnancy: false });
assert.equal(typo.ok, false);
if (!typo.ok) for (const issue of typo.issues) line(`   - ${issue.code} at ${issue.path.join('.')}: ${issue.message}`);

line();
line('3. Opt-in cautions beyond the protocol, combined in one line');
const withCautions = defineRuleSet({
  id: 'protocol-and-cautions',
  version: '1',
  rules: [...protocolRuleSet.rules, ...cautionRuleSet.rules],
});
const anticoagulated = screen(
  {
    ...samples[0]?.facts,
    anticoagulantTherapy: true,
    pacemaker: false,
    skinLesionAtSite: false,
    needlePhobia: false,
    epilepsy: false,
  },
  { ruleSet: withCautions },
);
line(`   - anticoagulated patient: ${anticoagulated.status}; cautions: ${anticoagulated.cautions.join(', ')}`);
assert.equal(anticoagulated.status, 'caution');
assert.deepEqual(anticoagulated.cautions, ['anticoagulant-therapy']);

line();
line('4. A course for each region, planned from an eligible screening');
const eligibleScreening = screen(samples[0]?.facts ?? {});
for (const region of spinalRegions) {
  const planned = buildCourse({ region, screening: eligibleScreening, start: '2026-03-02' });
  assert.ok(planned.ok, `no ${region} course`);
  if (!planned.ok) continue;
  const { sessions, settings } = planned.value;
  const minutes = settings.minutes.carriedOverFrom
    ? `${settings.minutes.value} min (range carried over from the ${settings.minutes.carriedOverFrom} section)`
    : `${settings.minutes.value} min`;
  line(
    `   - ${region}: ${sessions.length} sessions of ${minutes}, ${settings.weekdays.value.join('/')}, ${sessions[0]?.date} to ${sessions.at(-1)?.date}`,
  );
  const phases = [...new Set(sessions.map((session) => session.phase).filter((phase) => phase !== undefined))];
  if (phases.length > 0) {
    line(
      `     phases: ${phases.map((id) => regionProfile(region).phases.find((phase) => phase.id === id)?.title).join(' > ')}`,
    );
  }
  assert.equal(sessions.length, 10);
}
const refusedCourse = buildCourse({ region: 'cervical', screening: screen({ ageYears: 76 }), start: '2026-03-02' });
assert.equal(refusedCourse.ok, false);
if (!refusedCourse.ok)
  line(`   - aged 76: refused (${refusedCourse.issues[0]?.code}): ${refusedCourse.issues[0]?.message}`);

line();
line('5. A cohort summarized in one streaming pass, by region, and merged from two halves');
const regionsOfCohort = ['cervical', 'thoracic', 'lumbosacral'] as const;
function* cohort(from: number, to: number) {
  // A small deterministic registry: every fact recorded, a few contraindications, some gaps.
  for (let i = from; i < to; i++) {
    yield {
      region: regionsOfCohort[i % 3],
      ageYears: 20 + (i % 70),
      oncologicalDisease: i % 17 === 0,
      pregnant: i % 29 === 0,
      coagulationDisorder: false,
      acuteInfection: i % 11 === 0 ? null : false,
      acuteMentalIllness: false,
      psychotropicInfluence: false,
    };
  }
}
const byRegion = { groupBy: (entry: { record: unknown }) => String((entry.record as { region: string }).region) };
const toFacts = ({ region: _region, ...facts }: Record<string, unknown>) => facts;
const whole = summarizeCohort(screenCohort(cohort(0, 3000), { toFacts }), byRegion);
const merged = mergeSummaries(
  summarizeCohort(screenCohort(cohort(0, 1500), { toFacts }), byRegion),
  summarizeCohort(screenCohort(cohort(1500, 3000), { toFacts }), byRegion),
);
assert.deepEqual(merged, whole);
assert.equal(whole.total, 3000);
const statusRows = summaryTable(whole).filter((row) => row.group === null && row.measure === 'status');
for (const row of statusRows) {
  line(
    `   - ${row.category}: ${row.count} (${((row.proportion ?? 0) * 100).toFixed(1)}%, 95% CI ${((row.ci_low ?? 0) * 100).toFixed(1)}-${((row.ci_high ?? 0) * 100).toFixed(1)}%)`,
  );
}
line('   (the same summary from two merged halves as from the whole)');

line();
line('6. The same screening explained for a clinician, in Russian (ru, from acuspine/locales/ru)');
const explained = explain(screen(samples[2]?.facts ?? {}), { locale: ru });
line(`   ${explained.label}: ${explained.headline}`);
for (const question of explained.questions) line(`   ? ${question.question}`);
assert.equal(explained.questions.length, 1);

line();
line('7. A FHIR R4 record in, a CDS Hooks card out');
const record = factsFromFhir(
  [
    { resourceType: 'Patient', id: 'p1', birthDate: '1941-05-02' },
    {
      resourceType: 'MedicationRequest',
      id: 'm1',
      status: 'active',
      intent: 'order',
      authoredOn: '2026-09-14',
      subject: { reference: 'Patient/p1' },
      medicationCodeableConcept: {
        coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '855332' }],
      },
    },
  ],
  { on: '2026-11-24' },
);
assert.ok(record.ok);
if (record.ok) {
  line(`   facts from the record: ${JSON.stringify(record.value.facts)}`);
  assert.deepEqual(record.value.facts, { ageYears: 85, anticoagulantTherapy: true });
  const [card] = screeningCards(screen(record.value.facts), { source: { label: 'acuspine tour' } });
  line(`   card (${card?.indicator}): ${card?.summary}`);
  assert.equal(card?.indicator, 'critical');
}

line();
line('8. The same cohort summarized where data lives: DuckDB runs the SQL that acuspine/sql writes');
{
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    // The registry of step 5, made by DuckDB itself: the same 3,000 records.
    await connection.run(`
      CREATE TABLE registry AS
      SELECT ['cervical', 'thoracic', 'lumbosacral'][i % 3 + 1] AS region,
             CAST(20 + i % 70 AS INTEGER) AS ageYears,
             i % 17 = 0 AS oncologicalDisease,
             i % 29 = 0 AS pregnant,
             false AS coagulationDisorder,
             CASE WHEN i % 11 = 0 THEN NULL ELSE false END AS acuteInfection,
             false AS acuteMentalIllness,
             false AS psychotropicInfluence
      FROM range(3000) AS t(i)`);
    const options = { dialect: 'duckdb', from: 'registry', groupBy: 'region' } as const;
    const query = cohortSummarySql(options);
    assert.ok(query.ok);
    if (query.ok) {
      const rows = (await connection.runAndReadAll(query.value.sql)).getRowObjectsJS();
      const fromSql = summaryFromSqlRows(rows, options);
      assert.ok(fromSql.ok);
      if (fromSql.ok) {
        // With the ruleSet option (the protocol, the default of cohortSummarySql), as SQL lists every rule.
        assert.deepEqual(
          fromSql.value,
          summarizeCohort(screenCohort(cohort(0, 3000), { toFacts }), { ...byRegion, ruleSet: protocolRuleSet }),
        );
        line(
          `   ${query.value.sql.split('\n').length} lines of SQL, one query; by status: ${JSON.stringify(fromSql.value.byStatus)}`,
        );
        line('   (equal to the JavaScript summary of step 5, proportions and intervals included)');
      }
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
