// Test setup: lets a run choose fast-check's number of runs and seed through the environment.
// `npm run fuzz` raises the runs (FUZZ_RUNS, read by test/fuzz); the mutation run lowers them
// and fixes the seed (FC_NUM_RUNS, FC_SEED) so that every mutant meets the same inputs.
import fc from 'fast-check';

const numRuns = Number(process.env['FC_NUM_RUNS'] ?? Number.NaN);
const seed = Number(process.env['FC_SEED'] ?? Number.NaN);
fc.configureGlobal({
  ...fc.readConfigureGlobal(),
  ...(Number.isInteger(numRuns) && numRuns > 0 ? { numRuns } : {}),
  ...(Number.isInteger(seed) ? { seed } : {}),
});
