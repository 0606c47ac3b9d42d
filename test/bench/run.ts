// `npm run bench`: every benchmark, against the built package. Exits non-zero when a target is missed.
import { existsSync } from 'node:fs';
import { runScreeningBench } from './screening.bench.js';

let allMet = await runScreeningBench();
const cohortBench = new URL('./cohort.bench.ts', import.meta.url);
if (existsSync(cohortBench)) {
  const { runCohortBench } = (await import(cohortBench.href)) as { runCohortBench: () => Promise<boolean | undefined> };
  allMet = (await runCohortBench()) !== false && allMet;
}
const { runRuleSetsBench } = await import('./rule-sets.bench.js');
allMet = (await runRuleSetsBench()) && allMet;
const { runSqlBench } = await import('./sql.bench.js');
allMet = (await runSqlBench()) && allMet;
const { runOmopBench } = await import('./omop.bench.js');
allMet = (await runOmopBench()) && allMet;
const { runOutcomesBench } = await import('./outcomes.bench.js');
allMet = (await runOutcomesBench()) && allMet;
const { runFhirBench } = await import('./fhir.bench.js');
allMet = (await runFhirBench()) && allMet;
const { runCdsServerBench } = await import('./cds-server.bench.js');
allMet = (await runCdsServerBench()) && allMet;
process.exit(allMet ? 0 : 1);
