// Reading the server's configuration, untrusted JSON from a file: every problem as an issue with
// its path, never an exception. Pure: what the configuration names is checked, not fetched.

import { deepFreeze } from '../../_internal/freeze.js';
import { readProperty } from '../../_internal/read-property.js';
import { fail, type Issue, issue, ok, type Result } from '../../_internal/result.js';
import { describeValue } from '../../_internal/text.js';
import type { CdsJwtAlgorithm } from '../verify-jwt.js';
import { RULE_SET_NAMES, ruleSetFromNames } from './rule-set-names.js';
import { serviceOf } from './screening-service.js';
import type {
  CdsServerConfig,
  CdsServerIssuer,
  CdsServerLimits,
  CdsServerRuleSetName,
  CdsServerServiceConfig,
} from './server-config.js';

type Path = readonly (string | number)[];

const KIB = 1024;

/**
 * The limits a configuration leaves out: 1 MiB bodies, 10 s for the headers and 30 s for the
 * whole request, 5 s keep-alive, 5 s and 4 MiB to read a missing prefetch, 5 s and 64 KiB to
 * fetch a JWK Set, and 10 s of grace at shutdown.
 *
 * @example
 * defaultCdsServerLimits.bodyBytes; // => 1048576
 */
export const defaultCdsServerLimits: CdsServerLimits = Object.freeze({
  bodyBytes: KIB * KIB,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  fhirTimeoutMs: 5_000,
  fhirMaxBytes: 4 * KIB * KIB,
  jwksTimeoutMs: 5_000,
  jwksMaxBytes: 64 * KIB,
  shutdownGraceMs: 10_000,
});

/** Every algorithm verifyCdsJwt knows; a Record, so that the compiler finds one missing here. */
const ALGORITHMS: Readonly<Record<CdsJwtAlgorithm, true>> = {
  ES256: true,
  ES384: true,
  ES512: true,
  RS256: true,
  RS384: true,
  RS512: true,
  PS256: true,
  PS384: true,
  PS512: true,
};

const CONFIG_KEYS: readonly (keyof CdsServerConfig)[] = [
  'publicUrl',
  'host',
  'port',
  'issuers',
  'algorithms',
  'clockSkewSeconds',
  'timeZone',
  'service',
  'limits',
  'feedbackLog',
];
const ISSUER_KEYS: readonly (keyof CdsServerIssuer)[] = ['iss', 'jwks', 'jku', 'fhirServers'];
const SERVICE_KEYS: readonly (keyof CdsServerServiceConfig)[] = [
  'source',
  'id',
  'ruleSets',
  'closedWorld',
  'orderCodes',
  'recordFactsLink',
  'overrideReasons',
];

/**
 * Reads the configuration of the CDS Hooks server (the JSON of `cds.json`) and fills in its
 * defaults: `host` 127.0.0.1, `port` 8080, `service.ruleSets` `['protocol']`, and the limits of
 * {@link defaultCdsServerLimits}. Checks that `publicUrl` is an https URL (http only for a
 * loopback host) written as URLs are compared (`https://cds.clinic.example`, with no query, and
 * a trailing slash left off); that each issuer has a non-empty `iss`, listed once, and its keys
 * (public JWKs, each with a `kid`, or https `jku` URLs, or both); that the algorithms, clock skew
 * and time zone are known; that `service` is what `cdsService` accepts; and that each limit is a
 * positive whole number, the headers' timeout no longer than the request's. An unknown key is an
 * issue at every level. Never throws.
 *
 * @param json - the parsed JSON of the configuration file.
 * @returns the configuration, deeply frozen, or every issue with its path (`['issuers', 0, 'jku', 1]`).
 * @example
 * const read = readCdsServerConfig({
 *   publicUrl: 'https://cds.clinic.example',
 *   issuers: [{ iss: 'https://ehr.example.org', jku: ['https://ehr.example.org/.well-known/jwks.json'] }],
 *   service: { source: { label: 'Clinic acupuncture screening' } },
 * });
 * read.ok && read.value.port; // => 8080
 * const wrong = readCdsServerConfig({ publicUrl: 'http://cds.clinic.example', issuers: [], service: {} });
 * wrong.ok || wrong.issues.map((found) => found.path.join('.'));
 * // => ['publicUrl', 'issuers', 'service.source']
 */
export function readCdsServerConfig(json: unknown): Result<CdsServerConfig> {
  if (!isRecord(json)) return fail([issue('not-an-object', [], 'expected the configuration object')]);
  const issues: Issue[] = [];
  unknownKeys(json, CONFIG_KEYS, [], issues);
  const field = (key: keyof CdsServerConfig) => readProperty(json, key);
  const publicUrl = readPublicUrl(field('publicUrl'), issues);
  const host = field('host') ?? '127.0.0.1';
  if (typeof host !== 'string' || host === '') issues.push(invalid(['host'], 'an interface such as 127.0.0.1', host));
  const port = field('port') ?? 8080;
  if (!Number.isInteger(port) || (port as number) < 0 || (port as number) > 65_535) {
    issues.push(invalid(['port'], 'a port number from 0 to 65535', port));
  }
  const issuers = readIssuers(field('issuers'), issues);
  const algorithms = field('algorithms');
  if (
    algorithms !== undefined &&
    !(Array.isArray(algorithms) && algorithms.length > 0 && algorithms.every((alg) => Object.hasOwn(ALGORITHMS, alg)))
  ) {
    issues.push(invalid(['algorithms'], `a list of some of ${Object.keys(ALGORITHMS).join(', ')}`, algorithms));
  }
  const skew = field('clockSkewSeconds');
  if (skew !== undefined && !(typeof skew === 'number' && skew >= 0 && skew <= 300)) {
    issues.push(invalid(['clockSkewSeconds'], 'a number of seconds from 0 to 300', skew));
  }
  const timeZone = field('timeZone');
  if (timeZone !== undefined && !isTimeZone(timeZone)) {
    issues.push(invalid(['timeZone'], 'an IANA time zone such as Europe/Moscow', timeZone));
  }
  const service = readService(field('service'), issues);
  const limits = readLimits(field('limits'), issues);
  const feedbackLog = field('feedbackLog');
  if (feedbackLog !== undefined && !(typeof feedbackLog === 'string' && feedbackLog !== '')) {
    issues.push(invalid(['feedbackLog'], 'the path of a file', feedbackLog));
  }
  if (issues.length > 0) return fail(issues);
  return ok(
    deepFreeze({
      publicUrl: publicUrl as string,
      host: host as string,
      port: port as number,
      issuers,
      ...(algorithms === undefined ? {} : { algorithms: [...(algorithms as CdsJwtAlgorithm[])] }),
      ...(skew === undefined ? {} : { clockSkewSeconds: skew as number }),
      ...(timeZone === undefined ? {} : { timeZone: timeZone as string }),
      service: service as CdsServerConfig['service'],
      limits,
      ...(feedbackLog === undefined ? {} : { feedbackLog: feedbackLog as string }),
    }),
  );
}

/** The public URL without its trailing slash, or undefined with an issue. */
function readPublicUrl(value: unknown, issues: Issue[]): string | undefined {
  const url = readUrl(value, ['publicUrl'], issues);
  if (url === undefined) return undefined;
  const canonical = `${url.origin}${url.pathname}`.replace(/\/$/, '');
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    issues.push(issue('invalid-url', ['publicUrl'], 'expected a base URL without query, fragment or credentials'));
  } else if ((value as string).replace(/\/$/, '') !== canonical) {
    // Tokens name the URL as the EHR knows it, compared character for character.
    issues.push(issue('invalid-url', ['publicUrl'], `expected the URL as URLs are compared: ${canonical}`));
  }
  return canonical;
}

/**
 * The URL `value` holds, when it is https, or http to a loopback host (a test, or a proxy on the
 * same machine); otherwise undefined with an issue.
 */
function readUrl(value: unknown, path: Path, issues: Issue[]): URL | undefined {
  const url = parseUrl(value);
  if (url === undefined || !(url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname)))) {
    issues.push(invalid(path, 'an https URL (http only for localhost)', value));
    return undefined;
  }
  return url;
}

function parseUrl(value: unknown): URL | undefined {
  try {
    return new URL(value as string);
  } catch {
    return undefined;
  }
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

function readIssuers(value: unknown, issues: Issue[]): CdsServerIssuer[] {
  if (!Array.isArray(value) || value.length === 0) {
    issues.push(invalid(['issuers'], 'a list of the EHRs trusted, at least one', value));
    return [];
  }
  const seen = new Set<unknown>();
  return value.map((item: unknown, index) => {
    const at = ['issuers', index];
    if (!isRecord(item)) {
      issues.push(invalid(at, 'an issuer, { iss, jwks?, jku?, fhirServers? }', item));
      return { iss: '' };
    }
    unknownKeys(item, ISSUER_KEYS, at, issues);
    const field = (key: keyof CdsServerIssuer) => readProperty(item, key);
    const iss = field('iss');
    if (typeof iss !== 'string' || iss === '') issues.push(invalid([...at, 'iss'], "the issuer's iss", iss));
    else if (seen.has(iss)) issues.push(issue('duplicate', [...at, 'iss'], `the issuer ${iss} is listed twice`));
    seen.add(iss);
    const jwks = readJwks(field('jwks'), [...at, 'jwks'], issues);
    const jku = readUrls(field('jku'), [...at, 'jku'], issues);
    const fhirServers = readUrls(field('fhirServers'), [...at, 'fhirServers'], issues);
    if (jwks === undefined && jku === undefined) {
      issues.push(issue('missing', at, "expected the issuer's keys: jwks, jku or both"));
    }
    return {
      iss: iss as string,
      ...(jwks === undefined ? {} : { jwks }),
      ...(jku === undefined ? {} : { jku }),
      ...(fhirServers === undefined ? {} : { fhirServers }),
    };
  });
}

/** An inline JWK Set of public keys, each with its `kid`. */
function readJwks(value: unknown, path: Path, issues: Issue[]): CdsServerIssuer['jwks'] {
  if (value === undefined) return undefined;
  const keys = isRecord(value) ? readProperty(value, 'keys') : undefined;
  if (!Array.isArray(keys) || keys.length === 0) {
    issues.push(invalid(path, 'a JWK Set, { "keys": [...] }, with one key or more', value));
    return undefined;
  }
  keys.forEach((key: unknown, index) => {
    const at = [...path, 'keys', index];
    if (!isRecord(key) || typeof readProperty(key, 'kid') !== 'string') {
      issues.push(invalid([...at, 'kid'], "the key's id: tokens name their key by it", key));
    } else if (readProperty(key, 'd') !== undefined) {
      // A private key here would be a secret in a configuration file, and is never needed.
      issues.push(issue('private-key', at, 'a private key: give the public key only (without "d")'));
    }
  });
  return { keys: [...keys] };
}

function readUrls(value: unknown, path: Path, issues: Issue[]): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0) {
    issues.push(invalid(path, 'a list of one URL or more', value));
    return undefined;
  }
  for (const [index, url] of value.entries()) readUrl(url, [...path, index], issues);
  return [...value];
}

function readService(value: unknown, issues: Issue[]): CdsServerConfig['service'] | undefined {
  if (!isRecord(value)) {
    issues.push(invalid(['service'], 'the CDS service, { source: { label }, ... }', value));
    return undefined;
  }
  const before = issues.length;
  unknownKeys(value, SERVICE_KEYS, ['service'], issues);
  const names = readProperty(value, 'ruleSets') ?? ['protocol'];
  const named =
    Array.isArray(names) && names.length > 0 && names.every((name) => typeof name === 'string')
      ? ruleSetFromNames(names)
      : undefined;
  if (named === undefined) {
    issues.push(invalid(['service', 'ruleSets'], `a list of some of ${RULE_SET_NAMES.join(', ')}`, names));
  } else if (!named.ok) {
    issues.push(...named.issues.map((found) => issue(found.code, ['service', 'ruleSets'], found.message)));
  }
  if (named?.ok !== true || issues.length > before) return undefined;
  const service = { ...(value as unknown as CdsServerServiceConfig), ruleSets: names as CdsServerRuleSetName[] };
  try {
    // The service checks its own options: whatever it refuses, a configuration cannot hold.
    serviceOf(service);
  } catch (error) {
    // Its messages start with the option's path, `options.source.url must be ...`.
    const message = (error as Error).message.replace(/^cdsService: /, '');
    const path = (message.split(' ', 1)[0] as string).split('.').slice(1);
    issues.push(issue('invalid-option', ['service', ...path], message));
    return undefined;
  }
  return service;
}

function readLimits(value: unknown, issues: Issue[]): CdsServerLimits {
  if (value === undefined) return { ...defaultCdsServerLimits };
  if (!isRecord(value)) {
    issues.push(invalid(['limits'], 'an object of limits', value));
    return { ...defaultCdsServerLimits };
  }
  const names = Object.keys(defaultCdsServerLimits) as (keyof CdsServerLimits)[];
  unknownKeys(value, names, ['limits'], issues);
  const limits = { ...defaultCdsServerLimits };
  for (const name of names) {
    const given = readProperty(value, name);
    if (given === undefined) continue;
    if (Number.isSafeInteger(given) && (given as number) > 0) limits[name] = given as number;
    else issues.push(invalid(['limits', name], 'a positive whole number', given));
  }
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    issues.push(issue('invalid-value', ['limits', 'headersTimeoutMs'], 'expected at most limits.requestTimeoutMs'));
  }
  return limits;
}

function isTimeZone(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function unknownKeys(record: object, known: readonly string[], path: Path, issues: Issue[]): void {
  for (const key of Object.keys(record)) {
    if (!known.includes(key)) issues.push(issue('unknown-key', [...path, key], `not a key here: ${known.join(', ')}`));
  }
}

function invalid(path: Path, expected: string, value: unknown): Issue {
  return value === undefined
    ? issue('missing', path, `expected ${expected}`)
    : issue('invalid-value', path, `expected ${expected}, got ${describeValue(value)}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
