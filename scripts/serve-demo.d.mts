// Types of serve-demo.mjs, for the end-to-end test (test/e2e/), which is TypeScript.
import type { Server } from 'node:http';

/** What startDemoServer takes. */
export interface DemoServerOptions {
  /** The port on 127.0.0.1; default 4173; 0 picks a free port. */
  readonly port?: number | undefined;
}

/** A running demo server. */
export interface DemoServer {
  /** The server: close it when done. */
  readonly server: Server;
  /** Its address, ending in a slash, e.g. `http://127.0.0.1:4173/`. */
  readonly url: string;
}

/**
 * Starts the demo server on 127.0.0.1: the clinician's workbench and the outcomes page, the
 * library's ESM build at /acuspine.js, its Russian locale at /acuspine/locales/ru.js, its FHIR
 * entry at /acuspine/fhir.js and its outcomes entry at /acuspine/outcomes.js.
 */
export function startDemoServer(options?: DemoServerOptions): Promise<DemoServer>;

/** The file for a request path, or undefined when the path leaves the page's folder or cannot be decoded. */
export function resolveDemoPath(pathname: string): string | undefined;

/** Why the server could not listen on `port`, saying how to choose another port when it is taken or not allowed. */
export function listenFailure(error: unknown, port: number): string;
