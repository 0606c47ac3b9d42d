// The public API of 'acuspine/cds-hooks': re-exports only. A separate entry point, so that the
// core ('acuspine') stays small for apps that do not speak CDS Hooks.

/**
 * Screening results as CDS Hooks 2.0 cards, and a CDS service that answers an EHR's hook
 * requests from their prefetched FHIR data, and the verification of the JWT that the EHR sends
 * with every request. No HTTP server: put the service behind your own.
 *
 * @groupDescription CDS Hooks
 * The service, its definitions and options, the cards it answers with, and the verification of
 * the EHR's JWT.
 *
 * @module acuspine/cds-hooks
 */

export {
  acupunctureOrderCodes,
  CPT_SYSTEM,
  type OrderCode,
} from './acupuncture-orders.js';
export type {
  Card,
  CardAction,
  CardCoding,
  CardIndicator,
  CardLink,
  CardSource,
  CardSuggestion,
  CdsResponse,
} from './card.js';
export {
  type CdsHandleOptions,
  type CdsHook,
  type CdsPrefetchKey,
  type CdsService,
  type CdsServiceDefinition,
  type CdsServiceOptions,
  cdsService,
} from './cds-service.js';
export { type CdsFeedback, MAX_FEEDBACK_ENTRIES } from './feedback.js';
export {
  type CdsBodyReader,
  type CdsFetch,
  type CdsFetchResponse,
  DEFAULT_PREFETCH_MAX_BYTES,
  type FillPrefetchOptions,
  fillMissingPrefetch,
  type PrefetchFill,
} from './fill-prefetch.js';
export { defaultOverrideReasons, OVERRIDE_REASON_SYSTEM } from './order-cards.js';
export { MAX_SUMMARY_LENGTH, type ScreeningCardsOptions, screeningCards } from './screening-cards.js';
export {
  type CdsJsonWebKey,
  type CdsJwtAlgorithm,
  type CdsJwtClaims,
  type CdsJwtSubtle,
  createKeyCache,
  createReplayGuard,
  type JwtRefusalReason,
  type JwtVerification,
  type KeyCache,
  type KeyCacheOptions,
  type MemoryReplayGuard,
  type ReplayGuard,
  type ReplayGuardOptions,
  type ReplayVerdict,
  type TrustedIssuer,
  type VerifyCdsJwtOptions,
  verifyCdsJwt,
} from './verify-jwt.js';
