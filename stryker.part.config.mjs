// A mutation run over part of src/, for work on one folder or file, that leaves the reports of
// `npm run mutation` alone: its report and sandbox are named after STRYKER_PART, so several parts
// can run at once. Usage:
//   STRYKER_PART=fhir npx stryker run stryker.part.config.mjs --mutate 'src/fhir/read-input.ts'
// (a line range narrows it further: --mutate 'src/fhir/read-input.ts:40-60'). For src/screening
// and src/facts, whose tests and static mutants differ, start from stryker.core.config.mjs instead.
import base from './stryker.config.mjs';

const part = process.env.STRYKER_PART ?? 'part';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  reporters: ['json', 'clear-text'],
  jsonReporter: { fileName: `reports/mutation/part-${part}.json` },
  tempDirName: `.stryker-tmp-${part}`,
  // A part run neither reads nor writes the committed results of the full runs.
  incremental: false,
};
