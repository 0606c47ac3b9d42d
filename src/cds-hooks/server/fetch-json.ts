// Fetching a small JSON document (an issuer's JWK Set) with a time limit and a size limit, so
// that a slow or huge answer from an allowlisted URL cannot hold the server.

import { type CdsFetch, type CdsFetchResponse, readJson } from '../fill-prefetch.js';

/**
 * A `fetch` as the server calls it, to fetch JWK Sets and missing prefetch: `fillMissingPrefetch`'s
 * with the signal that bounds its time. The global `fetch` of Node 18 and later fits it, and a
 * test may pass its own.
 *
 * @example
 * const fetchFn: CdsServerFetch = (url, init) => fetch(url, init);
 */
export type CdsServerFetch = (
  url: string,
  init: Parameters<CdsFetch>[1] & {
    /** Aborts the fetch, and the reading of its body, once its time is up. */
    readonly signal: AbortSignal;
  },
) => Promise<CdsFetchResponse>;

/**
 * The JSON at `url`, fetched with `fetchFn` within `timeoutMs` and read up to `maxBytes`, as the
 * missing prefetch is read.
 *
 * @throws (as a rejected promise) when the fetch fails, times out or redirects, the status is
 *   not 2xx, the body is missing or longer than `maxBytes`, or it is not JSON in UTF-8.
 */
export async function fetchJson(
  fetchFn: CdsServerFetch,
  url: string,
  { timeoutMs, maxBytes }: { readonly timeoutMs: number; readonly maxBytes: number },
): Promise<unknown> {
  const response = await fetchFn(url, {
    method: 'GET',
    headers: { accept: 'application/json' },
    redirect: 'error',
    signal: AbortSignal.timeout(timeoutMs),
  });
  const json = response.ok ? await readJson(response, maxBytes) : undefined;
  if (json === undefined) throw new Error(`HTTP ${response.status}: no JSON of at most ${maxBytes} bytes to read`);
  return json;
}
