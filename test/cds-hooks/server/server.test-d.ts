import { describe, expectTypeOf, test } from 'vitest';
import type { CdsFeedback } from '../../../src/cds-hooks/index.js';
import {
  type CdsFeedbackEntry,
  type CdsServerConfig,
  type CdsServerRuleSetName,
  defaultCdsServerLimits,
  type RunningCdsServer,
  readCdsServerConfig,
  startCdsServer,
} from '../../../src/cds-hooks/server/index.js';
import type { Result } from '../../../src/index.js';

describe('acuspine/cds-hooks/server types', () => {
  test('reads untrusted JSON into a configuration with its defaults, and starts from that', () => {
    expectTypeOf(readCdsServerConfig).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(readCdsServerConfig({})).toEqualTypeOf<Result<CdsServerConfig>>();
    const read = readCdsServerConfig({});
    if (read.ok) {
      expectTypeOf(read.value.port).toEqualTypeOf<number>();
      expectTypeOf(read.value.limits.bodyBytes).toEqualTypeOf<number>();
      expectTypeOf(read.value.service.ruleSets).toEqualTypeOf<readonly CdsServerRuleSetName[]>();
      expectTypeOf(startCdsServer(read.value)).toEqualTypeOf<Promise<RunningCdsServer>>();
    }
    // @ts-expect-error raw JSON is read by readCdsServerConfig first
    startCdsServer({ publicUrl: 'https://cds.clinic.example' });
  });

  test('names the shipped rule sets, and no other', () => {
    expectTypeOf<CdsServerRuleSetName>().toEqualTypeOf<'protocol' | 'cautions' | 'red-flags'>();
  });

  test('hands each feedback entry to onFeedback, with its service and issuer', () => {
    expectTypeOf<CdsFeedbackEntry['feedback']>().toEqualTypeOf<CdsFeedback>();
    expectTypeOf<Parameters<typeof startCdsServer>[1]>().toMatchTypeOf<
      { onFeedback?: (entry: CdsFeedbackEntry) => void | Promise<void> } | undefined
    >();
  });

  test('exports its default limits as data', () => {
    expectTypeOf(defaultCdsServerLimits.shutdownGraceMs).toEqualTypeOf<number>();
  });
});
