import { isRecord } from '../_internal/json-guards.js';
import { readProperty } from '../_internal/read-property.js';
import { type CdsPrefetchKey, PREFETCH_KEYS, PREFETCH_TEMPLATES } from './cds-service.js';

/**
 * The part of a fetch response that {@link fillMissingPrefetch} reads: what `globalThis.fetch`
 * resolves to.
 */
export interface CdsFetchResponse {
  /** True for a 2xx status. */
  readonly ok: boolean;
  /** The HTTP status. */
  readonly status: number;
  /** The body as a stream, read up to the size limit. */
  readonly body: {
    /** A reader of the body's chunks. */
    readonly getReader: () => CdsBodyReader;
  } | null;
}

/** The reader of a response's body stream: what `ReadableStream.getReader()` gives. */
export interface CdsBodyReader {
  /** The next chunk, or `done`. */
  readonly read: () => Promise<{
    /** True once the body has been read to its end. */
    readonly done: boolean;
    /** The next chunk; undefined when done. */
    readonly value?: Uint8Array | undefined;
  }>;
  /** Stops the download. */
  readonly cancel: () => Promise<void>;
}

/**
 * A `fetch` as {@link fillMissingPrefetch} calls it. `globalThis.fetch` fits; the caller adds
 * its timeout (an `AbortSignal.timeout`), since this library holds no timer:
 * `(url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(5000) })`.
 */
export type CdsFetch = (
  url: string,
  init: { readonly method: 'GET'; readonly headers: Readonly<Record<string, string>>; readonly redirect: 'error' },
) => Promise<CdsFetchResponse>;

/**
 * Options for {@link fillMissingPrefetch}.
 *
 * @example
 * const options: FillPrefetchOptions = { fhirServers: ['https://ehr.example/fhir'], fetch: globalThis.fetch };
 */
export interface FillPrefetchOptions {
  /** The FHIR base URLs that may be read, exactly as the EHR sends them in `fhirServer`: any other is never read. */
  readonly fhirServers: readonly string[];
  /** Does the reading, with a timeout of the caller's: a key whose fetch rejects counts as failed. */
  readonly fetch: CdsFetch;
  /** The largest response read, in bytes; a larger one counts as failed. Default 4 MiB. */
  readonly maxBytes?: number;
}

/**
 * What {@link fillMissingPrefetch} did.
 *
 * @example
 * const fill: PrefetchFill = { request: {}, read: ['devices'], failed: [] };
 */
export interface PrefetchFill {
  /** The request with the keys read filled in, and the keys that failed as an OperationOutcome; the request given when nothing was read. */
  readonly request: unknown;
  /** The prefetch keys read from the FHIR server. */
  readonly read: readonly CdsPrefetchKey[];
  /** The keys whose reading failed (an error status, a timeout, too large, not the resource expected, a partial search). */
  readonly failed: readonly CdsPrefetchKey[];
}

/** The default of {@link FillPrefetchOptions.maxBytes}. */
export const DEFAULT_PREFETCH_MAX_BYTES = 4 * 1024 * 1024;

/** A FHIR id: what may be put into a query URL as the patient's. */
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/**
 * Reads the prefetch keys a CDS Hooks request lacks from the FHIR server the request names, as
 * CDS Hooks 2.0 lets a service do, and nothing else: only when `fhirServer` is one of
 * `options.fhirServers`, the request carries a bearer token in `fhirAuthorization`, and the
 * patient's id is a FHIR id; only the service's own prefetch queries, for that patient, with the
 * token, without following a redirect or a search's next page. A key that cannot be read (an
 * error status, a timeout of `fetch`, a body over `maxBytes` or not JSON, a resource of
 * another type, a search with more pages) is filled with an OperationOutcome, so that `handle`
 * says it failed and gives no all-clear. Never rejects: anything unreadable leaves the request as
 * it was, and `handle` then asks for what is missing. The network is `options.fetch`'s: this
 * function holds no clock and opens nothing itself.
 *
 * @param request - the CDS Hooks request, as parsed from JSON.
 * @param options - `fhirServers` (the allowlist), `fetch`, `maxBytes`.
 * @returns the request to pass to `handle`, and the keys read and failed.
 * @example
 * const { request: filled } = await fillMissingPrefetch(request, {
 *   fhirServers: ['https://ehr.example/fhir'],
 *   fetch: (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(5000) }),
 * });
 * service.handle(filled, { on: '2026-11-24' });
 */
export async function fillMissingPrefetch(request: unknown, options: FillPrefetchOptions): Promise<PrefetchFill> {
  const unchanged: PrefetchFill = Object.freeze({ request, read: Object.freeze([]), failed: Object.freeze([]) });
  let plan: ReturnType<typeof planReading>;
  try {
    plan = planReading(request, options);
  } catch {
    // A request that throws when read is left as it is, for `handle` to refuse.
  }
  if (plan === undefined) return unchanged;
  const maxBytes = options.maxBytes ?? DEFAULT_PREFETCH_MAX_BYTES;
  const results = await Promise.all(
    plan.keys.map(async (key) => {
      const url = `${plan.base}/${PREFETCH_TEMPLATES[key].replaceAll('{{context.patientId}}', plan.patientId)}`;
      try {
        const response = await options.fetch(url, {
          method: 'GET',
          headers: { accept: 'application/fhir+json', authorization: `Bearer ${plan.token}` },
          redirect: 'error',
        });
        const resource = response.ok ? await readJson(response, maxBytes) : undefined;
        return { key, resource: isExpected(key, resource) ? resource : undefined };
      } catch {
        return { key, resource: undefined };
      }
    }),
  );
  const read = results.filter((result) => result.resource !== undefined).map((result) => result.key);
  const failed = results.filter((result) => result.resource === undefined).map((result) => result.key);
  const prefetch: Record<string, unknown> = { ...plan.prefetch };
  for (const { key, resource } of results) prefetch[key] = resource ?? readFailure(key);
  return Object.freeze({
    request: { ...plan.request, prefetch },
    read: Object.freeze(read),
    failed: Object.freeze(failed),
  });
}

/** What to read, or undefined when nothing may or need be. Reading the request may throw. */
function planReading(request: unknown, options: FillPrefetchOptions) {
  // null and undefined throw here, and are left to `handle`; other values hold none of the keys.
  const record = request as object;
  const given = readProperty(record, 'prefetch');
  const prefetch = given === undefined || given === null ? {} : given;
  // A prefetch that is not an object is the request's own fault, for `handle` to refuse.
  if (!isRecord(prefetch)) return undefined;
  const keys = PREFETCH_KEYS.filter((key) => {
    const value = readProperty(prefetch, key);
    return value === undefined || value === null;
  });
  const server = readProperty(record, 'fhirServer');
  const authorization = readProperty(record, 'fhirAuthorization');
  const token = isRecord(authorization) ? readProperty(authorization, 'access_token') : undefined;
  const context = readProperty(record, 'context');
  const patientId = isRecord(context) ? readProperty(context, 'patientId') : undefined;
  if (
    keys.length === 0 ||
    !(options.fhirServers as unknown[]).includes(server) ||
    typeof token !== 'string' ||
    token === '' ||
    typeof patientId !== 'string' ||
    !FHIR_ID.test(patientId)
  ) {
    return undefined;
  }
  // Own enumerable keys only, as JSON gives them: the copy passed on is plain data.
  return {
    request: { ...record },
    prefetch: { ...prefetch },
    keys,
    base: (server as string).replace(/\/+$/, ''),
    token,
    patientId,
  };
}

/** The body as JSON, or undefined when there is none, or it is larger than `maxBytes`, not UTF-8 or not JSON. */
export async function readJson(response: CdsFetchResponse, maxBytes: number): Promise<unknown> {
  // Stryker disable next-line OptionalChaining,ConditionalExpression: equivalent, a missing body throws on reading and the key fails either way
  const reader = response.body?.getReader();
  if (reader === undefined) return undefined;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { value } = await reader.read();
    // The value is undefined exactly when the stream is done.
    if (value === undefined) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // Stop the download here rather than read a body that will not be used.
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  // The library's types know no DOM or Node: TextDecoder is taken from the runtime, where every
  // supported one has it.
  const { TextDecoder } = globalThis as unknown as {
    TextDecoder: new (label: string, options: { fatal: boolean }) => { decode(bytes: Uint8Array): string };
  };
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    // Stryker disable next-line BlockStatement: equivalent, without the return the function returns undefined all the same
  } catch {
    return undefined;
  }
}

/** A Patient for `patient`; a complete search Bundle (no next page) for the searches. */
function isExpected(key: CdsPrefetchKey, resource: unknown): boolean {
  // Stryker disable next-line ConditionalExpression: equivalent, reading a property of null throws and the key fails either way
  if (!isRecord(resource)) return false;
  const type = readProperty(resource, 'resourceType');
  if (key === 'patient') return type === 'Patient';
  if (type !== 'Bundle') return false;
  const links = readProperty(resource, 'link');
  // A search with more pages is partial: its next page is not read, and the key counts as failed.
  return !(
    Array.isArray(links) && links.some((link: unknown) => isRecord(link) && readProperty(link, 'relation') === 'next')
  );
}

function readFailure(key: CdsPrefetchKey) {
  return {
    resourceType: 'OperationOutcome',
    issue: [
      { severity: 'error', code: 'incomplete', diagnostics: `acuspine could not read ${key} from the FHIR server` },
    ],
  };
}
