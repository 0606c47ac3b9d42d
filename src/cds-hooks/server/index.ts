// The public API of 'acuspine/cds-hooks/server': re-exports only. The one entry point of acuspine
// that does I/O: it reads the clock, the network and the process's time zone and output, on Node.

/**
 * A CDS Hooks 2.0 server that a clinic can deploy, on Node's own `node:http`: the service of
 * `acuspine/cds-hooks` behind the verification of every EHR's JWT, with its configuration read
 * from JSON, limits on every request, one JSON log line per request, and a graceful shutdown.
 * Run it with `npx acuspine serve --config cds.json`, or start it from code. Unlike every other
 * entry point, this one does I/O: it reads the clock (the reference date, the tokens' times), the
 * network (it listens, and fetches JWK Sets and missing prefetch) and the process's time zone.
 *
 * @groupDescription CDS Hooks server
 * The configuration, the server, its hooks and its log.
 *
 * @module acuspine/cds-hooks/server
 */

export type { CdsServerFetch } from './fetch-json.js';
export { defaultCdsServerLimits, readCdsServerConfig } from './read-server-config.js';
export type {
  CdsServerConfig,
  CdsServerIssuer,
  CdsServerLimits,
  CdsServerRuleSetName,
  CdsServerServiceConfig,
} from './server-config.js';
export type { CdsFeedbackEntry, CdsServerHooks, CdsServerLogLine, RunningCdsServer } from './server-hooks.js';
export { startCdsServer } from './start-cds-server.js';
