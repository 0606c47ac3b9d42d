// Verifying the JWT that a CDS Hooks 2.0 client (an EHR) sends with every request, as
// `Authorization: Bearer <JWT>` (CDS Hooks 2.0, "Trusting CDS Clients"). Pure apart from
// WebCrypto: the caller passes the time, the JWK Sets come through the caller's fetchJwks, and
// the only state is the replay guard's and the key cache's, both the caller's objects.

import { isRecord } from '../_internal/json-guards.js';
import { readProperty } from '../_internal/read-property.js';

/**
 * The signature algorithms a CDS client may sign with: asymmetric only. Never `none`, never the
 * HMAC algorithms, whose secret the service would have to share with every EHR.
 *
 * @example
 * const algorithms: readonly CdsJwtAlgorithm[] = ['ES384', 'RS384'];
 */
export type CdsJwtAlgorithm = 'ES256' | 'ES384' | 'ES512' | 'RS256' | 'RS384' | 'RS512' | 'PS256' | 'PS384' | 'PS512';

/**
 * Why a token was refused: a stable code for the server's log. Answer every refusal with a bare
 * HTTP 401, and never log the token itself.
 *
 * - `missing`: no Authorization header, or a blank one.
 * - `malformed`: not `Bearer <header>.<payload>.<signature>` in base64url, a header or payload
 *   that is not a JSON object, a header without a `kid` (or with a `kid`, `alg` or `jku` that is
 *   not a string), or `sub` or `tenant` present but not a string.
 * - `too-large`: a token longer than `maxTokenBytes`.
 * - `algorithm-not-allowed`: a header `alg` not in `options.algorithms` (`none` and `HS256` never are).
 * - `unknown-issuer`: an `iss` that is not among `options.issuers`.
 * - `jku-not-allowed`: a header `jku` that is not on the issuer's list; it is never fetched.
 * - `key-not-found`: no key with the header's `kid` fits the algorithm (see {@link verifyCdsJwt}).
 * - `key-unavailable`: the JWK Set at the `jku` could not be fetched, or was not a JWK Set.
 * - `bad-signature`: the signature does not verify.
 * - `expired`: `exp` is past, beyond the clock skew.
 * - `not-yet-valid`: `iat` (or `nbf`) is in the future, beyond the clock skew.
 * - `wrong-audience`: `aud` does not hold `options.audience` exactly.
 * - `missing-claim`: `iss`, `aud`, `exp`, `iat` or `jti` missing or not of its type (`jti` a
 *   non-empty string, `aud` a string or a non-empty list of strings), or an `nbf` not a number.
 * - `replayed`: the replay guard has seen this issuer's `jti` before.
 * - `replay-store-full`: the replay guard is full and remembers no new token (fail-closed).
 * - `unsupported-header`: a `crit` header parameter, or a `typ` other than `JWT`.
 *
 * @example
 * const reason: JwtRefusalReason = 'expired';
 */
export type JwtRefusalReason =
  | 'missing'
  | 'malformed'
  | 'too-large'
  | 'algorithm-not-allowed'
  | 'unknown-issuer'
  | 'jku-not-allowed'
  | 'key-not-found'
  | 'key-unavailable'
  | 'bad-signature'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-audience'
  | 'missing-claim'
  | 'replayed'
  | 'replay-store-full'
  | 'unsupported-header';

/**
 * A public JSON Web Key (RFC 7517) as far as {@link verifyCdsJwt} reads it: an EC key (`crv`,
 * `x`, `y`) or an RSA key (`n`, `e`). Any other member, a private one included, is ignored.
 *
 * @example
 * const key: CdsJsonWebKey = { kty: 'EC', crv: 'P-384', kid: 'ehr-2026', use: 'sig', x: '…', y: '…' };
 */
export interface CdsJsonWebKey {
  /** The key type: `'EC'` for ES256, ES384 and ES512, `'RSA'` for RS* and PS*. */
  readonly kty?: string;
  /** The key id, which the token's header names. */
  readonly kid?: string;
  /** When present, the one algorithm the key may verify: it must equal the header's `alg`. */
  readonly alg?: string;
  /** When present, must be `'sig'`. */
  readonly use?: string;
  /** When present, must include `'verify'`. */
  readonly key_ops?: readonly string[];
  /** The curve of an EC key: `P-256` (ES256), `P-384` (ES384) or `P-521` (ES512). */
  readonly crv?: string;
  /** The x coordinate of an EC key, base64url. */
  readonly x?: string;
  /** The y coordinate of an EC key, base64url. */
  readonly y?: string;
  /** The modulus of an RSA key, base64url: 2048 bits or more. */
  readonly n?: string;
  /** The public exponent of an RSA key, base64url. */
  readonly e?: string;
}

/**
 * An EHR the service trusts: its `iss`, and where its public keys are. Give the keys inline
 * (`jwks`), or list the JWK Set URLs that its tokens may name in their `jku` header, or both.
 * A token without `jku` is verified with the inline keys; a token with one, with the set at
 * that URL only.
 *
 * @example
 * const sandbox: TrustedIssuer = { iss: 'https://sandbox.cds-hooks.org', jku: ['https://sandbox.cds-hooks.org/.well-known/jwks.json'] };
 */
export interface TrustedIssuer {
  /** The issuer, compared exactly with the token's `iss`. */
  readonly iss: string;
  /** The issuer's public keys, agreed out of band. */
  readonly jwks?: {
    /** The keys, each with its `kid`. */
    readonly keys: readonly CdsJsonWebKey[];
  };
  /** The JWK Set URLs the issuer's tokens may name in `jku`, compared exactly. No other URL is ever fetched. */
  readonly jku?: readonly string[];
}

/**
 * What a {@link ReplayGuard} says of a token: seen for the first time (and now remembered), seen
 * before, or not remembered because the guard is full.
 *
 * @example
 * const verdict: ReplayVerdict = 'fresh';
 */
export type ReplayVerdict = 'fresh' | 'replayed' | 'full';

/**
 * Remembers the tokens already used, by issuer and `jti`. {@link createReplayGuard} makes one in
 * memory, for one process; a service run on several processes needs one store that they share,
 * which it can give as an object of this shape.
 *
 * @example
 * const guard: ReplayGuard = createReplayGuard();
 * await guard.check('https://ehr.example.org', 'a1b2', 1_800_000_360, 1_800_000_000); // => 'fresh'
 */
export interface ReplayGuard {
  /**
   * Records the token `jti` of `iss`, to be remembered until `until` (seconds since the epoch),
   * as of `now`: `'fresh'` when it is new, `'replayed'` when it was seen before, `'full'` when it
   * could not be remembered. Any other answer is taken as `'replayed'`.
   */
  readonly check: (iss: string, jti: string, until: number, now: number) => ReplayVerdict | Promise<ReplayVerdict>;
}

/**
 * The in-memory {@link ReplayGuard} of {@link createReplayGuard}.
 *
 * @example
 * const guard: MemoryReplayGuard = createReplayGuard({ maxEntries: 10_000 });
 * guard.size; // => 0
 */
export interface MemoryReplayGuard extends ReplayGuard {
  /** The most tokens it remembers at once. */
  readonly maxEntries: number;
  /** How many tokens it remembers, as of the `now` of the last check. */
  readonly size: number;
}

/**
 * Options for {@link createReplayGuard}.
 *
 * @example
 * const options: ReplayGuardOptions = { maxEntries: 10_000 };
 */
export interface ReplayGuardOptions {
  /** The most tokens remembered at once; when full, new tokens are refused, never an old one forgotten. Default 100,000. */
  readonly maxEntries?: number;
}

/**
 * A cache of the JWK Sets fetched from `jku` URLs, made by {@link createKeyCache}. Keep one for
 * the life of the server and pass it to every call of {@link verifyCdsJwt}.
 *
 * @example
 * const keys: KeyCache = createKeyCache({ lifetimeSeconds: 600 });
 * keys.lifetimeSeconds; // => 600
 */
export interface KeyCache {
  /** How long a fetched JWK Set is used, in seconds, before it is fetched again. */
  readonly lifetimeSeconds: number;
}

/**
 * Options for {@link createKeyCache}.
 *
 * @example
 * const options: KeyCacheOptions = { lifetimeSeconds: 600 };
 */
export interface KeyCacheOptions {
  /** How long a fetched JWK Set is used, in seconds: 30 to 86,400. Default 300. */
  readonly lifetimeSeconds?: number;
}

/**
 * The part of WebCrypto's `SubtleCrypto` that {@link verifyCdsJwt} uses: `crypto.subtle` in
 * browsers, Deno, Bun and Node 20 and later; `(await import('node:crypto')).webcrypto.subtle` on
 * Node 18.
 *
 * @example
 * const subtle: CdsJwtSubtle = globalThis.crypto.subtle;
 */
export interface CdsJwtSubtle {
  /** Imports a public key given as a JWK. */
  importKey(
    format: 'jwk',
    keyData: CdsJsonWebKey,
    algorithm: { readonly name: string; readonly namedCurve?: string; readonly hash?: string },
    extractable: boolean,
    keyUsages: readonly 'verify'[],
  ): Promise<unknown>;
  /** Verifies a signature over `data`. */
  verify(
    algorithm: { readonly name: string; readonly hash?: string; readonly saltLength?: number },
    key: unknown,
    signature: ArrayBuffer,
    data: ArrayBuffer,
  ): Promise<boolean>;
}

/**
 * Options for {@link verifyCdsJwt}.
 *
 * @example
 * const options: VerifyCdsJwtOptions = {
 *   audience: 'https://cds.example.org/cds-services/acuspine-screening',
 *   now: 1_800_000_000,
 *   issuers: [{ iss: 'https://ehr.example.org', jku: ['https://ehr.example.org/jwks.json'] }],
 *   replay: createReplayGuard(),
 *   keys: createKeyCache(),
 *   fetchJwks: async (url) => (await fetch(url)).json(),
 * };
 */
export interface VerifyCdsJwtOptions {
  /** The exact URL the EHR called, `{baseUrl}/cds-services/{id}`: the token's `aud` must hold it, character for character. */
  readonly audience: string;
  /** The time now, in whole seconds since the epoch, from the caller's clock: the library never reads one. */
  readonly now: number;
  /** The EHRs trusted, at least one; each `iss` at most once. */
  readonly issuers: readonly TrustedIssuer[];
  /** The algorithms accepted. Default `['ES384', 'RS384', 'ES256']`: the two that CDS Hooks recommends, and the public sandbox's. */
  readonly algorithms?: readonly CdsJwtAlgorithm[];
  /** How far the EHR's clock may be from `now`, in seconds: 0 to 300. Default 60. */
  readonly clockSkewSeconds?: number;
  /** The longest token accepted, in bytes (after `Bearer `). Default 16,384. */
  readonly maxTokenBytes?: number;
  /** Remembers the tokens used: {@link createReplayGuard}, or a store shared by the service's processes. */
  readonly replay: ReplayGuard;
  /** The cache of fetched JWK Sets, from {@link createKeyCache}: one for the life of the server. */
  readonly keys: KeyCache;
  /**
   * Fetches the JWK Set at an allowlisted URL and resolves to its parsed JSON; rejects on any
   * failure. Only URLs on an issuer's `jku` list are ever passed. Fetch over TLS, with a timeout
   * of your own. Required when an issuer lists `jku` URLs.
   */
  readonly fetchJwks?: (url: string) => Promise<unknown>;
  /** WebCrypto's `subtle`. Default `globalThis.crypto.subtle`; on Node 18, pass `(await import('node:crypto')).webcrypto.subtle`. */
  readonly subtle?: CdsJwtSubtle;
}

/**
 * What a verified token says: its issuer, id and times, the key and algorithm that signed it,
 * and the optional `sub` (the EHR's client id) and `tenant` (the healthcare organization).
 *
 * @example
 * const claims: CdsJwtClaims = { iss: 'https://ehr.example.org', jti: 'a1b2', exp: 1_800_000_300, iat: 1_800_000_000, kid: 'ehr-2026', alg: 'ES384' };
 */
export interface CdsJwtClaims {
  /** The issuer: one of `options.issuers`. */
  readonly iss: string;
  /** The token's unique id. */
  readonly jti: string;
  /** When the token expires, in seconds since the epoch. */
  readonly exp: number;
  /** When the token was issued, in seconds since the epoch. */
  readonly iat: number;
  /** The id of the key that signed it. */
  readonly kid: string;
  /** The algorithm it was signed with. */
  readonly alg: CdsJwtAlgorithm;
  /** The EHR's client id, when given. */
  readonly sub?: string;
  /** The healthcare organization that called, when given: an opaque string. */
  readonly tenant?: string;
}

/**
 * The outcome of {@link verifyCdsJwt}, frozen: the token's claims, or why it was refused.
 *
 * @example
 * const refused: JwtVerification = { ok: false, reason: 'expired' };
 */
export type JwtVerification =
  | {
      /** True: the token is genuine, current and new. Narrow on it. */
      readonly ok: true;
      /** What the token says. */
      readonly value: CdsJwtClaims;
    }
  | {
      /** False: the token is refused. Narrow on it. */
      readonly ok: false;
      /** Why, for the log: answer a bare 401. */
      readonly reason: JwtRefusalReason;
    };

const ALGORITHMS: readonly CdsJwtAlgorithm[] = [
  'ES256',
  'ES384',
  'ES512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
];
const DEFAULT_ALGORITHMS: readonly CdsJwtAlgorithm[] = ['ES384', 'RS384', 'ES256'];
const OPTION_KEYS: ReadonlySet<string> = new Set([
  'audience',
  'now',
  'issuers',
  'algorithms',
  'clockSkewSeconds',
  'maxTokenBytes',
  'replay',
  'keys',
  'fetchJwks',
  'subtle',
]);
/** A set fetched less than this many seconds ago is not fetched again, whatever the kid. */
const REFETCH_SECONDS = 30;
/** The shortest RSA modulus accepted, in bytes: 2048 bits. */
const MIN_RSA_BYTES = 256;

interface CachedSet {
  /** The last set fetched; undefined while none has been. */
  keys: readonly unknown[] | undefined;
  /** When `keys` was fetched. */
  fetchedAt: number;
  /** When the last fetch began, whatever came of it. */
  attemptedAt: number;
  /** The fetch under way, which every verification that needs the set awaits. */
  pending: Promise<readonly unknown[] | undefined> | undefined;
}

interface KeyCacheState {
  readonly lifetime: number;
  readonly sets: Map<string, CachedSet>;
  /** The keys WebCrypto imported, by their JWK and algorithm: an import costs as much as a verification. */
  readonly imported: Map<string, Promise<unknown>>;
}

/** The most imported keys a cache keeps; past it, it forgets them all and imports anew as they come. */
const MAX_IMPORTED_KEYS = 256;

/** The state of each cache, which only this module reaches. */
const KEY_CACHES: WeakMap<KeyCache, KeyCacheState> = /* @__PURE__ */ new WeakMap();

/**
 * An in-memory {@link ReplayGuard}: remembers each issuer's `jti` until the token's `exp` plus
 * the clock skew, when the token would be refused as expired anyway, and forgets it then (as the
 * `now` of later checks passes that time). When it holds `maxEntries` tokens, it refuses new
 * ones (`replay-store-full`) rather than forget one early: fail-closed.
 *
 * @param options - `maxEntries`, default 100,000.
 * @returns a guard for one process: pass it to every call of {@link verifyCdsJwt}.
 * @throws {TypeError} when `maxEntries` is not a positive integer, and from `check`, when an
 *   argument is not of its type.
 * @example
 * const guard = createReplayGuard();
 * guard.check('https://ehr.example.org', 'a1b2', 1_800_000_360, 1_800_000_000); // => 'fresh'
 * guard.check('https://ehr.example.org', 'a1b2', 1_800_000_360, 1_800_000_010); // => 'replayed'
 * guard.check('https://ehr.example.org', 'c3d4', 1_800_000_720, 1_800_000_400); // => 'fresh'
 * guard.size; // => 1
 */
export function createReplayGuard(options: ReplayGuardOptions = {}): MemoryReplayGuard {
  const given = readProperty(options, 'maxEntries');
  const maxEntries = given === undefined ? 100_000 : given;
  if (!Number.isSafeInteger(maxEntries) || (maxEntries as number) < 1) {
    throw new TypeError('createReplayGuard: options.maxEntries must be a positive integer');
  }
  const seen = new Map<string, number>();
  // A min-heap of the remembered tokens by `until`: the first to forget at the top.
  const heap: HeapEntry[] = [];
  const check = (iss: string, jti: string, until: number, now: number): ReplayVerdict => {
    if (typeof iss !== 'string' || typeof jti !== 'string' || !Number.isFinite(until) || !Number.isFinite(now)) {
      throw new TypeError('ReplayGuard.check: expected (iss: string, jti: string, until: number, now: number)');
    }
    for (let top = heap[0]; top !== undefined && top.until <= now; top = heap[0]) {
      seen.delete(top.key);
      popHeap(heap);
    }
    const key = JSON.stringify([iss, jti]);
    if (seen.has(key)) return 'replayed';
    if (seen.size >= (maxEntries as number)) return 'full';
    seen.set(key, until);
    pushHeap(heap, { until, key });
    return 'fresh';
  };
  return Object.freeze({
    check,
    maxEntries: maxEntries as number,
    get size() {
      return seen.size;
    },
  });
}

interface HeapEntry {
  readonly until: number;
  readonly key: string;
}

function pushHeap(heap: HeapEntry[], entry: HeapEntry): void {
  let at = heap.length;
  heap.push(entry);
  while (at > 0) {
    const parent = (at - 1) >> 1;
    const above = heap[parent] as HeapEntry;
    if (above.until <= entry.until) break;
    heap[at] = above;
    at = parent;
  }
  heap[at] = entry;
}

function popHeap(heap: HeapEntry[]): void {
  const last = heap.pop() as HeapEntry;
  if (heap.length === 0) return;
  let at = 0;
  for (;;) {
    const left = 2 * at + 1;
    if (left >= heap.length) break;
    const right = left + 1;
    const child =
      right < heap.length && (heap[right] as HeapEntry).until < (heap[left] as HeapEntry).until ? right : left;
    const below = heap[child] as HeapEntry;
    if (last.until <= below.until) break;
    heap[at] = below;
    at = child;
  }
  heap[at] = last;
}

/**
 * A cache of the JWK Sets fetched from `jku` URLs, for {@link verifyCdsJwt}. A set is fetched
 * when none is cached, when the cached one is older than `lifetimeSeconds`, or when a token names
 * a `kid` that the cached set lacks (the EHR rotated its keys); but never twice within 30 seconds
 * per URL, whatever came of the first fetch, so that forged tokens cannot make the server fetch
 * at will. Verifications that need a set while it is being fetched share that fetch. A failed
 * fetch leaves no set to use once the cached one's lifetime is over: tokens are then refused
 * (`key-unavailable`) until a fetch succeeds. Only allowlisted URLs are fetched, so the cache
 * holds at most one set per URL listed in the options. The cache also keeps the keys WebCrypto
 * imported (an import costs as much as a verification), so pass one cache with one `subtle`.
 *
 * @param options - `lifetimeSeconds`, default 300.
 * @returns an empty cache: keep it for the life of the server.
 * @throws {TypeError} when `lifetimeSeconds` is not a number from 30 to 86,400.
 * @example
 * const keys = createKeyCache({ lifetimeSeconds: 600 });
 * keys.lifetimeSeconds; // => 600
 */
export function createKeyCache(options: KeyCacheOptions = {}): KeyCache {
  const given = readProperty(options, 'lifetimeSeconds');
  const lifetime = given === undefined ? 300 : given;
  if (typeof lifetime !== 'number' || !(lifetime >= REFETCH_SECONDS && lifetime <= 86_400)) {
    throw new TypeError('createKeyCache: options.lifetimeSeconds must be a number from 30 to 86400');
  }
  const cache: KeyCache = Object.freeze({ lifetimeSeconds: lifetime });
  KEY_CACHES.set(cache, { lifetime, sets: new Map(), imported: new Map() });
  return cache;
}

/** The keys of the set at `url` to look for `kid` in, or undefined when none can be had. */
async function cachedKeys(
  state: KeyCacheState,
  url: string,
  kid: string,
  now: number,
  fetchJwks: (url: string) => Promise<unknown>,
): Promise<readonly unknown[] | undefined> {
  const entry = state.sets.get(url);
  const fresh = () => (entry?.keys !== undefined && now - entry.fetchedAt < state.lifetime ? entry.keys : undefined);
  if (fresh()?.some((key) => isRecord(key) && readProperty(key, 'kid') === kid)) return fresh();
  // A fetch under way is the last fetch: wait for its set, and fetch no other.
  if (entry?.pending !== undefined) {
    await entry.pending;
    return fresh();
  }
  if (entry !== undefined && now - entry.attemptedAt < REFETCH_SECONDS) return fresh();
  const target: CachedSet = entry ?? { keys: undefined, fetchedAt: now, attemptedAt: now, pending: undefined };
  state.sets.set(url, target);
  target.attemptedAt = now;
  target.pending = fetchSet(url, fetchJwks);
  const keys = await target.pending;
  target.pending = undefined;
  if (keys !== undefined) {
    target.keys = keys;
    target.fetchedAt = now;
  }
  return keys;
}

/**
 * The key of `jwk` as WebCrypto imports it, once per cache: only keys of trusted issuers come
 * here, so they are few. A key WebCrypto refuses stays refused (the same JWK always is).
 */
function importedKey(settings: Settings, jwk: CdsJsonWebKey, importAs: Method['importAs']): Promise<unknown> {
  const kept = settings.keys.imported;
  const id = JSON.stringify([jwk, importAs]);
  const known = kept.get(id);
  if (known !== undefined) return known;
  if (kept.size >= MAX_IMPORTED_KEYS) kept.clear();
  const imported = settings.subtle.importKey('jwk', jwk, importAs, false, ['verify']);
  kept.set(id, imported);
  return imported;
}

/** The keys of the JWK Set at `url`, or undefined when the fetch fails or gives no JWK Set. */
async function fetchSet(url: string, fetchJwks: (url: string) => Promise<unknown>): Promise<unknown[] | undefined> {
  try {
    const set = await fetchJwks(url);
    const keys = isRecord(set) ? readProperty(set, 'keys') : undefined;
    return Array.isArray(keys) ? [...keys] : undefined;
  } catch {
    return undefined;
  }
}

interface Settings {
  readonly audience: string;
  readonly now: number;
  readonly issuers: ReadonlyMap<string, TrustedIssuer>;
  readonly algorithms: readonly string[];
  readonly skew: number;
  readonly maxTokenBytes: number;
  readonly replay: ReplayGuard;
  readonly keys: KeyCacheState;
  readonly fetchJwks: ((url: string) => Promise<unknown>) | undefined;
  readonly subtle: CdsJwtSubtle;
}

/** The options, checked; a TypeError names the first wrong one (never a token). */
function readOptions(options: VerifyCdsJwtOptions): Settings {
  const wrong = (message: string): never => {
    throw new TypeError(`verifyCdsJwt: ${message}`);
  };
  if (!isRecord(options)) wrong('options must be an object');
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.has(key)) wrong(`"${key}" is not an option`);
  }
  const option = (key: keyof VerifyCdsJwtOptions): unknown => readProperty(options, key);
  const audience = option('audience');
  if (typeof audience !== 'string' || audience === '') wrong('options.audience must be the URL called');
  const now = option('now');
  if (typeof now !== 'number' || !Number.isFinite(now))
    wrong('options.now must be the time in seconds since the epoch');
  const algorithms = option('algorithms') ?? DEFAULT_ALGORITHMS;
  if (
    !Array.isArray(algorithms) ||
    algorithms.length === 0 ||
    !algorithms.every((alg) => ALGORITHMS.includes(alg as CdsJwtAlgorithm))
  ) {
    wrong(`options.algorithms must list some of ${ALGORITHMS.join(', ')}`);
  }
  const skew = option('clockSkewSeconds') ?? 60;
  if (typeof skew !== 'number' || !(skew >= 0 && skew <= 300)) {
    wrong('options.clockSkewSeconds must be a number from 0 to 300');
  }
  const maxTokenBytes = option('maxTokenBytes') ?? 16_384;
  if (!Number.isSafeInteger(maxTokenBytes) || (maxTokenBytes as number) < 1) {
    wrong('options.maxTokenBytes must be a positive integer');
  }
  const replay = option('replay');
  if (!isRecord(replay) || typeof readProperty(replay, 'check') !== 'function') {
    wrong('options.replay must be a ReplayGuard, such as createReplayGuard() makes');
  }
  const keys = KEY_CACHES.get(option('keys') as KeyCache);
  if (keys === undefined) wrong('options.keys must be a KeyCache made by createKeyCache()');
  const fetchJwks = option('fetchJwks');
  if (fetchJwks !== undefined && typeof fetchJwks !== 'function') wrong('options.fetchJwks must be a function');
  const subtle = option('subtle') ?? (globalThis as unknown as { crypto?: { subtle?: unknown } }).crypto?.subtle;
  if (subtle === undefined) {
    wrong(
      "no WebCrypto here: pass subtle: (await import('node:crypto')).webcrypto.subtle on Node 18, or a SubtleCrypto",
    );
  }
  if (
    !isRecord(subtle) ||
    typeof readProperty(subtle, 'importKey') !== 'function' ||
    typeof readProperty(subtle, 'verify') !== 'function'
  ) {
    wrong('options.subtle must be a SubtleCrypto');
  }
  const issuers = option('issuers');
  if (!Array.isArray(issuers) || issuers.length === 0) wrong('options.issuers must list the trusted issuers');
  const byIss = new Map<string, TrustedIssuer>();
  for (const [index, issuer] of (issuers as unknown[]).entries()) {
    const at = `options.issuers[${index}]`;
    if (!isRecord(issuer)) wrong(`${at} must be an object`);
    const member = (key: keyof TrustedIssuer): unknown => readProperty(issuer as object, key);
    const [iss, jwks, jku] = [member('iss'), member('jwks'), member('jku')];
    if (typeof iss !== 'string' || iss === '') wrong(`${at}.iss must be a non-empty string`);
    if (byIss.has(iss as string)) wrong(`${at}.iss is listed twice`);
    const inline = isRecord(jwks) ? readProperty(jwks, 'keys') : undefined;
    if (jwks !== undefined && !Array.isArray(inline)) wrong(`${at}.jwks must be a JWK Set, { keys: [...] }`);
    if (jku !== undefined && !(Array.isArray(jku) && jku.every((url) => typeof url === 'string' && url !== ''))) {
      wrong(`${at}.jku must be a list of URLs`);
    }
    if (jwks === undefined && jku === undefined) wrong(`${at} needs its keys: jwks, jku or both`);
    if (jku !== undefined && fetchJwks === undefined) wrong(`${at}.jku needs options.fetchJwks`);
    byIss.set(iss as string, issuer as TrustedIssuer);
  }
  return {
    audience: audience as string,
    now: now as number,
    issuers: byIss,
    algorithms: algorithms as readonly string[],
    skew: skew as number,
    maxTokenBytes: maxTokenBytes as number,
    replay: replay as ReplayGuard,
    keys: keys as KeyCacheState,
    fetchJwks: fetchJwks as ((url: string) => Promise<unknown>) | undefined,
    subtle: subtle as CdsJwtSubtle,
  };
}

/**
 * Verifies the JWT that a CDS Hooks 2.0 client sends with every request, from the raw
 * `Authorization` header (`Bearer <JWT>`). In order: the header is a JSON object with no `crit`,
 * an `alg` among `options.algorithms`, a `kid`, and a `typ` of `JWT` when it has one; the
 * payload's `iss` is a trusted issuer; a `jku` is on that issuer's list (or nothing is fetched);
 * the key is the one with the `kid` in the inline keys, or in the set at the `jku` (fetched
 * through `options.keys`); the signature verifies; `aud` holds `options.audience` exactly; `exp`
 * is after `now` less the skew; `iat` (and `nbf`, when present) is not after `now` plus the skew;
 * `jti` is a non-empty string; and last, the replay guard has not seen the issuer's `jti`.
 *
 * A key fits when its `kty` and `crv` fit the algorithm (`EC` and `P-256`, `P-384` or `P-521` for
 * ES256, ES384, ES512; `RSA` of 2048 bits or more for RS* and PS*), its `alg`, when present, is
 * the header's, its `use`, when present, is `sig`, and its `key_ops`, when present, include
 * `verify`. A key that does not fit (an RSA key for an ES384 token, a P-256 key for ES384) is
 * `key-not-found`, as is one that WebCrypto cannot import. Keys embedded in the header (`jwk`,
 * `x5c`, `x5u`) are never used.
 *
 * Pure apart from WebCrypto: the time is `options.now`, JWK Sets come through
 * `options.fetchJwks`, and nothing global is changed. Never throws for a token: every refusal is
 * `{ ok: false, reason }`, whose reason is for the log (answer a bare 401); neither holds the
 * token.
 *
 * @param authorization - the HTTP Authorization header as received, or undefined when there is none.
 * @param options - `audience`, `now`, `issuers`, `replay` and `keys` (required); `algorithms`,
 *   `clockSkewSeconds`, `maxTokenBytes`, `fetchJwks`, `subtle`.
 * @returns `{ ok: true, value: claims }` or `{ ok: false, reason }`, frozen.
 * @throws {TypeError} (as a rejected promise) when an option is missing or wrong, such as
 *   `'none'` or `'HS256'` among `algorithms`, or when there is no WebCrypto and no `subtle`.
 *   What `options.replay.check` throws.
 * @example
 * const result = await verifyCdsJwt(request.headers.authorization, {
 *   audience: 'https://cds.example.org/cds-services/acuspine-screening',
 *   now: secondsNow, // the caller's clock, in whole seconds since the epoch
 *   issuers: [{ iss: 'https://sandbox.cds-hooks.org', jku: ['https://sandbox.cds-hooks.org/.well-known/jwks.json'] }],
 *   replay, // createReplayGuard(), made once
 *   keys, // createKeyCache(), made once
 *   fetchJwks: async (url) => (await fetch(url, { signal: AbortSignal.timeout(5000) })).json(),
 * });
 * if (!result.ok) console.warn(`CDS Hooks JWT refused: ${result.reason}`); // then answer 401
 */
export async function verifyCdsJwt(
  authorization: string | undefined,
  options: VerifyCdsJwtOptions,
): Promise<JwtVerification> {
  const settings = readOptions(options);
  const refused = await verifyToken(authorization, settings);
  return typeof refused === 'string'
    ? Object.freeze({ ok: false, reason: refused })
    : Object.freeze({ ok: true, value: Object.freeze(refused) });
}

async function verifyToken(authorization: unknown, settings: Settings): Promise<JwtRefusalReason | CdsJwtClaims> {
  if (authorization === undefined || authorization === '') return 'missing';
  if (typeof authorization !== 'string') return 'malformed';
  // Bounded before any other work: the scheme, spaces and the longest token accepted.
  if (authorization.length > settings.maxTokenBytes + 64) return 'too-large';
  const text = authorization.trim();
  if (text === '') return 'missing';
  const token = /^Bearer +(\S+)$/i.exec(text)?.[1];
  if (token === undefined) return 'malformed';
  if (token.length > settings.maxTokenBytes) return 'too-large';
  const parts = token.split('.');
  if (parts.length !== 3) return 'malformed';
  const [encodedHeader, encodedPayload, encodedSignature] = parts as [string, string, string];
  const header = decodeJson(encodedHeader);
  if (header === undefined) return 'malformed';
  const field = (key: string) => readProperty(header, key);
  if (field('crit') !== undefined) return 'unsupported-header';
  const alg = field('alg');
  if (typeof alg !== 'string') return 'malformed';
  // Before the signature is read: an unsecured token (`none`) has an empty one.
  if (!settings.algorithms.includes(alg)) return 'algorithm-not-allowed';
  const typ = field('typ');
  if (typ !== undefined && typ !== 'JWT') return 'unsupported-header';
  const kid = field('kid');
  const jku = field('jku');
  const payload = decodeJson(encodedPayload);
  const signature = decodeBase64url(encodedSignature);
  if (
    typeof kid !== 'string' ||
    kid === '' ||
    (jku !== undefined && typeof jku !== 'string') ||
    payload === undefined ||
    signature === undefined ||
    signature.length === 0
  ) {
    return 'malformed';
  }

  const claim = (key: string) => readProperty(payload, key);
  const iss = claim('iss');
  if (typeof iss !== 'string') return 'missing-claim';
  const issuer = settings.issuers.get(iss);
  if (issuer === undefined) return 'unknown-issuer';
  let keys: readonly unknown[] | undefined;
  if (jku === undefined) {
    const jwks = readProperty(issuer, 'jwks') as object | undefined;
    keys = jwks === undefined ? [] : (readProperty(jwks, 'keys') as readonly unknown[]);
  } else {
    const allowed = readProperty(issuer, 'jku') as readonly string[] | undefined;
    if (allowed === undefined || !allowed.includes(jku)) return 'jku-not-allowed';
    keys = await cachedKeys(
      settings.keys,
      jku,
      kid,
      settings.now,
      settings.fetchJwks as (url: string) => Promise<unknown>,
    );
    if (keys === undefined) return 'key-unavailable';
  }
  const method = methodOf(alg as CdsJwtAlgorithm);
  const jwk = keys.map((key) => fittingKey(key, kid, alg, method)).find((key) => key !== undefined);
  if (jwk === undefined) return 'key-not-found';
  let key: unknown;
  try {
    key = await importedKey(settings, jwk, method.importAs);
  } catch {
    return 'key-not-found';
  }
  if (method.signatureBytes !== undefined && signature.length !== method.signatureBytes) return 'bad-signature';
  let valid = false;
  try {
    valid = await settings.subtle.verify(
      method.verifyAs,
      key,
      signature.buffer as ArrayBuffer,
      asciiBytes(`${encodedHeader}.${encodedPayload}`).buffer as ArrayBuffer,
    );
  } catch {
    // A key and signature that WebCrypto will not even compare: not a valid signature.
  }
  if (valid !== true) return 'bad-signature';

  const aud = claim('aud');
  const exp = claim('exp');
  const iat = claim('iat');
  const nbf = claim('nbf');
  const jti = claim('jti');
  const sub = claim('sub');
  const tenant = claim('tenant');
  if (
    !isNumericDate(exp) ||
    !isNumericDate(iat) ||
    (nbf !== undefined && !isNumericDate(nbf)) ||
    typeof jti !== 'string' ||
    jti === '' ||
    !(
      typeof aud === 'string' ||
      (Array.isArray(aud) && aud.length > 0 && aud.every((item) => typeof item === 'string'))
    )
  ) {
    return 'missing-claim';
  }
  if ((sub !== undefined && typeof sub !== 'string') || (tenant !== undefined && typeof tenant !== 'string')) {
    return 'malformed';
  }
  if (typeof aud === 'string' ? aud !== settings.audience : !aud.includes(settings.audience)) return 'wrong-audience';
  const { now, skew } = settings;
  if (!(exp > now - skew)) return 'expired';
  if (iat > now + skew || (nbf !== undefined && (nbf as number) > now + skew)) return 'not-yet-valid';

  // Last, so that only a genuine, current token takes a place in the guard.
  const verdict = await settings.replay.check(iss, jti, exp + skew, now);
  if (verdict === 'full') return 'replay-store-full';
  if (verdict !== 'fresh') return 'replayed';
  return {
    iss,
    jti,
    exp,
    iat,
    kid,
    alg: alg as CdsJwtAlgorithm,
    ...(sub === undefined ? {} : { sub: sub as string }),
    ...(tenant === undefined ? {} : { tenant: tenant as string }),
  };
}

interface Method {
  readonly kty: 'EC' | 'RSA';
  /** The curve of an ES* key. */
  readonly crv: string | undefined;
  readonly importAs: { readonly name: string; readonly namedCurve?: string; readonly hash?: string };
  readonly verifyAs: { readonly name: string; readonly hash?: string; readonly saltLength?: number };
  /** The length of an ES* signature, r and s side by side (JWS, RFC 7518 section 3.4). */
  readonly signatureBytes: number | undefined;
}

/** How WebCrypto imports a key for `alg` and verifies with it (RFC 7518 section 3). */
function methodOf(alg: CdsJwtAlgorithm): Method {
  const bits = Number(alg.slice(2));
  const hash = `SHA-${bits}`;
  if (alg.startsWith('ES')) {
    const crv = bits === 512 ? 'P-521' : `P-${bits}`;
    return {
      kty: 'EC',
      crv,
      importAs: { name: 'ECDSA', namedCurve: crv },
      verifyAs: { name: 'ECDSA', hash },
      signatureBytes: bits === 512 ? 132 : bits / 4,
    };
  }
  const name = alg.startsWith('RS') ? 'RSASSA-PKCS1-v1_5' : 'RSA-PSS';
  return {
    kty: 'RSA',
    crv: undefined,
    importAs: { name, hash },
    // RSA-PSS in JWS: the salt is as long as the hash (RFC 7518 section 3.5).
    verifyAs: name === 'RSA-PSS' ? { name, saltLength: bits / 8 } : { name },
    signatureBytes: undefined,
  };
}

/** The public part of `key`, when it is the key `kid` and fits `alg`; otherwise undefined. */
function fittingKey(key: unknown, kid: string, alg: string, method: Method): CdsJsonWebKey | undefined {
  if (!isRecord(key) || readProperty(key, 'kid') !== kid) return undefined;
  const member = (name: string) => readProperty(key, name);
  const keyAlg = member('alg');
  const use = member('use');
  const ops = member('key_ops');
  if (
    (keyAlg !== undefined && keyAlg !== alg) ||
    (use !== undefined && use !== 'sig') ||
    (ops !== undefined && !(Array.isArray(ops) && ops.includes('verify'))) ||
    member('kty') !== method.kty
  ) {
    return undefined;
  }
  if (method.kty === 'EC') {
    const [crv, x, y] = [member('crv'), member('x'), member('y')];
    return typeof crv === 'string' && crv === method.crv && isEncoded(x) && isEncoded(y)
      ? { kty: 'EC', crv, x, y }
      : undefined;
  }
  const [n, e] = [member('n'), member('e')];
  if (!isEncoded(n) || !isEncoded(e)) return undefined;
  // The modulus's length without leading zero bytes: at least 2048 bits.
  const modulus = decodeBase64url(n) as Uint8Array;
  const first = modulus.findIndex((byte) => byte !== 0);
  if (first < 0 || modulus.length - first < MIN_RSA_BYTES) return undefined;
  return { kty: 'RSA', n, e };
}

/** True for a key member in base64url, as WebCrypto may not check in every runtime. */
function isEncoded(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && decodeBase64url(value) !== undefined;
}

function isNumericDate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** The JSON object that `text` holds in base64url UTF-8, or undefined for anything else. */
function decodeJson(text: string): Record<string, unknown> | undefined {
  const bytes = decodeBase64url(text);
  if (bytes === undefined) return undefined;
  const { TextDecoder } = globalThis as unknown as {
    TextDecoder: new (label: string, options: { fatal: boolean }) => { decode(bytes: Uint8Array): string };
  };
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The value of a base64url character (RFC 4648 section 5), or -1. */
function sextet(code: number): number {
  if (code >= 65 && code <= 90) return code - 65; // A-Z
  if (code >= 97 && code <= 122) return code - 71; // a-z
  if (code >= 48 && code <= 57) return code + 4; // 0-9
  if (code === 45) return 62; // -
  if (code === 95) return 63; // _
  return -1;
}

/**
 * The bytes of unpadded base64url text, or undefined when it has a character outside the
 * alphabet (padding included), an impossible length, or bits set past its last byte: one text
 * per byte string, so that no token has two spellings.
 */
function decodeBase64url(text: string): Uint8Array | undefined {
  if (text.length % 4 === 1) return undefined;
  const bytes = new Uint8Array((text.length * 3) >> 2);
  let bits = 0;
  let buffer = 0;
  let at = 0;
  for (let index = 0; index < text.length; index++) {
    const value = sextet(text.charCodeAt(index));
    if (value < 0) return undefined;
    buffer = ((buffer << 6) | value) & 0xfff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = buffer >> bits;
      buffer &= (1 << bits) - 1;
    }
  }
  return buffer === 0 ? bytes : undefined;
}

/** The bytes of text known to be ASCII (base64url and dots). */
function asciiBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index++) bytes[index] = text.charCodeAt(index);
  return bytes;
}
