// The configuration of the CDS Hooks server, as a clinic writes it in cds.json: types only.
// readCdsServerConfig reads and checks it; startCdsServer runs it.

import type { CdsServiceOptions } from '../cds-service.js';
import type { CdsJsonWebKey, CdsJwtAlgorithm } from '../verify-jwt.js';

/**
 * The names of the shipped rule sets a server screens with, as `acuspine sql --rule-set` takes
 * them. Several are combined into one set, in this order whatever order they are named in.
 *
 * @example
 * const names: readonly CdsServerRuleSetName[] = ['protocol', 'red-flags'];
 */
export type CdsServerRuleSetName = 'protocol' | 'cautions' | 'red-flags';

/**
 * An EHR the server trusts: its `iss`, where its keys are, and the FHIR servers the server may
 * read a missing prefetch from with the EHR's access token.
 *
 * @example
 * const ehr: CdsServerIssuer = {
 *   iss: 'https://ehr.example.org',
 *   jku: ['https://ehr.example.org/.well-known/jwks.json'],
 *   fhirServers: ['https://ehr.example.org/fhir'],
 * };
 */
export interface CdsServerIssuer {
  /** The issuer, compared exactly with the token's `iss`. */
  readonly iss: string;
  /** The issuer's public keys, agreed out of band, as a JWK Set. */
  readonly jwks?: {
    /** The keys, each with its `kid`. */
    readonly keys: readonly CdsJsonWebKey[];
  };
  /** The JWK Set URLs the issuer's tokens may name in `jku` (https), compared exactly: no other is fetched. */
  readonly jku?: readonly string[];
  /**
   * The FHIR base URLs (https) that a request of this issuer may name as its `fhirServer`, for
   * the server to read a prefetch the EHR left out. A request naming another is not read from.
   */
  readonly fhirServers?: readonly string[];
}

/**
 * The options of `cdsService` that a JSON file can hold, and the shipped rule sets by name.
 *
 * @example
 * const service: CdsServerServiceConfig = {
 *   source: { label: 'Clinic acupuncture screening' },
 *   ruleSets: ['protocol', 'red-flags'],
 * };
 */
export interface CdsServerServiceConfig
  extends Pick<
    CdsServiceOptions,
    'source' | 'id' | 'closedWorld' | 'orderCodes' | 'recordFactsLink' | 'overrideReasons'
  > {
  /** The shipped rule sets to screen with, combined. Default `['protocol']`. */
  readonly ruleSets?: readonly CdsServerRuleSetName[];
}

/**
 * The server's limits: sizes in bytes, times in milliseconds. Each has a default
 * ({@link defaultCdsServerLimits}).
 *
 * @example
 * const limits: CdsServerLimits = { ...defaultCdsServerLimits, bodyBytes: 512 * 1024 };
 */
export interface CdsServerLimits {
  /** The largest request body read; a larger one is answered 413 unread. Default 1 MiB. */
  readonly bodyBytes: number;
  /** How long a client may take to send the request's headers (answered 408). Default 10 s. */
  readonly headersTimeoutMs: number;
  /** How long a client may take to send the whole request, body included (answered 408): at least `headersTimeoutMs`. Default 30 s. */
  readonly requestTimeoutMs: number;
  /** How long an idle keep-alive connection is kept open. Default 5 s. */
  readonly keepAliveTimeoutMs: number;
  /** How long reading a missing prefetch from the EHR's FHIR server may take, in all. Default 5 s. */
  readonly fhirTimeoutMs: number;
  /** The largest FHIR response read for a missing prefetch. Default 4 MiB. */
  readonly fhirMaxBytes: number;
  /** How long fetching an issuer's JWK Set from its `jku` may take. Default 5 s. */
  readonly jwksTimeoutMs: number;
  /** The largest JWK Set read from a `jku`. Default 64 KiB. */
  readonly jwksMaxBytes: number;
  /** How long `close()` lets requests in flight finish before it cuts their connections. Default 10 s. */
  readonly shutdownGraceMs: number;
}

/**
 * The configuration of the CDS Hooks server, checked, with every default filled in: what
 * `readCdsServerConfig` returns and `startCdsServer` runs.
 *
 * @example
 * const config: CdsServerConfig = {
 *   publicUrl: 'https://cds.clinic.example',
 *   host: '127.0.0.1',
 *   port: 8080,
 *   issuers: [{ iss: 'https://ehr.example.org', jku: ['https://ehr.example.org/.well-known/jwks.json'] }],
 *   service: { source: { label: 'Clinic acupuncture screening' }, ruleSets: ['protocol'] },
 *   limits: defaultCdsServerLimits,
 * };
 */
export interface CdsServerConfig {
  /**
   * The base URL the EHRs call, without a trailing slash: https, or http for a loopback host.
   * Every token's `aud` must be this URL followed by the path called, such as
   * `https://cds.clinic.example/cds-services/acuspine-screening`.
   */
  readonly publicUrl: string;
  /** The interface to listen on. Default `127.0.0.1`: put a TLS proxy in front. */
  readonly host: string;
  /** The port to listen on; 0 picks a free one. Default 8080. */
  readonly port: number;
  /** The EHRs trusted, at least one, each `iss` once. */
  readonly issuers: readonly CdsServerIssuer[];
  /** The signature algorithms accepted. Default `['ES384', 'RS384', 'ES256']`. */
  readonly algorithms?: readonly CdsJwtAlgorithm[];
  /** How far an EHR's clock may be from the server's, in seconds, 0 to 300. Default 60. */
  readonly clockSkewSeconds?: number;
  /** The IANA time zone whose date is the reference date of each screening. Default the process's. */
  readonly timeZone?: string;
  /** The CDS service: its card source, ids, rule sets and order options. */
  readonly service: CdsServerServiceConfig & {
    /** The rule sets: `['protocol']` when the file names none. */
    readonly ruleSets: readonly CdsServerRuleSetName[];
  };
  /** The server's limits. */
  readonly limits: CdsServerLimits;
  /** A file to append the EHRs' feedback to, one JSON line each: read by `acuspine serve` only. */
  readonly feedbackLog?: string;
}
