// The public API of 'acuspine/cds-hooks': re-exports only. A separate entry point, so that the
// core ('acuspine') stays small for apps that do not speak CDS Hooks.

/**
 * Screening results as CDS Hooks 2.0 cards, and a CDS service that answers an EHR's hook
 * requests from their prefetched FHIR data. No HTTP server: put the service behind your own.
 *
 * @groupDescription CDS Hooks
 * The service, its definitions and options, and the cards it answers with.
 *
 * @module acuspine/cds-hooks
 */

export type { Card, CardCoding, CardIndicator, CardSource, CdsResponse } from './card.js';
export {
  type CdsHandleOptions,
  type CdsHook,
  type CdsPrefetchKey,
  type CdsService,
  type CdsServiceDefinition,
  type CdsServiceOptions,
  cdsService,
} from './cds-service.js';
export { MAX_SUMMARY_LENGTH, type ScreeningCardsOptions, screeningCards } from './screening-cards.js';
