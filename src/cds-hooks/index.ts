// The public API of 'acuspine/cds-hooks': re-exports only. A separate entry point, so that the
// core ('acuspine') stays small for apps that do not speak CDS Hooks.

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
