import { describe, expectTypeOf, test } from 'vitest';
import {
  type CardSuggestion,
  type CdsFeedback,
  type CdsFetch,
  type CdsHook,
  cdsService,
  fillMissingPrefetch,
  type PrefetchFill,
} from '../../src/cds-hooks/index.js';
import type { Result } from '../../src/index.js';

const service = cdsService({ source: { label: 'Clinic' } });

describe('the order hooks’ types', () => {
  test('the hooks answered are a closed set', () => {
    expectTypeOf<CdsHook>().toEqualTypeOf<'patient-view' | 'appointment-book' | 'order-select' | 'order-sign'>();
  });

  test('a card’s suggestions delete by resource id, and its selection behaviour is one of two', () => {
    const cards = service.handle({}, { on: '2026-11-24' });
    if (cards.ok) {
      const [card] = cards.value.cards;
      expectTypeOf(card?.suggestions).toEqualTypeOf<readonly CardSuggestion[] | undefined>();
      expectTypeOf(card?.selectionBehavior).toEqualTypeOf<'at-most-one' | 'any' | undefined>();
      expectTypeOf(card?.suggestions?.[0]?.actions?.[0]?.resourceId).toEqualTypeOf<string | undefined>();
    }
  });

  test('feedback needs the service id and gives frozen entries or issues', () => {
    expectTypeOf(service.feedback({}, { serviceId: 'acuspine-screening' })).toEqualTypeOf<
      Result<readonly CdsFeedback[]>
    >();
    // @ts-expect-error the service called must be named
    service.feedback({}, {});
    expectTypeOf<CdsFeedback['outcome']>().toEqualTypeOf<'accepted' | 'overridden'>();
  });

  test('the prefetch is read with the platform’s fetch, wrapped for its timeout', () => {
    expectTypeOf(globalThis.fetch).toMatchTypeOf<CdsFetch>();
    const filled = fillMissingPrefetch(
      {},
      {
        fhirServers: ['https://ehr.example/fhir'],
        fetch: (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(1) }),
      },
    );
    expectTypeOf(filled).toEqualTypeOf<Promise<PrefetchFill>>();
    // @ts-expect-error the allowlist is required: without it nothing could be read
    fillMissingPrefetch({}, { fetch: globalThis.fetch });
  });
});
