// Serves the browser pages (examples/browser/: the clinician's workbench and the course outcomes page) and
// the library's ESM build on 127.0.0.1, with Node's standard library only. `npm run demo` builds
// first, then runs this file; the end-to-end tests (test/e2e/) start it with
// startDemoServer({ port: 0 }).
//
//   node scripts/serve-demo.mjs [port]     port from argv, else $PORT, else 4173
//   npm run demo -- [port]                 the same, after a build
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const pageDir = resolve(root, 'examples/browser');
const library = resolve(root, 'dist/index.js');
const russian = resolve(root, 'dist/locales/ru.js');
const outcomes = resolve(root, 'dist/outcomes.js');
const fhir = resolve(root, 'dist/fhir.js');

/**
 * Paths served from outside the page's folder: the library's ESM build, its Russian locale
 * (the entry point 'acuspine/locales/ru'), its FHIR entry point ('acuspine/fhir'), its outcomes
 * entry point ('acuspine/outcomes'), and their source maps.
 */
const aliases = new Map([
  ['/acuspine.js', library],
  ['/acuspine.js.map', `${library}.map`],
  // The build's `//# sourceMappingURL=index.js.map` comment, resolved against /acuspine.js.
  ['/index.js.map', `${library}.map`],
  ['/acuspine/locales/ru.js', russian],
  // `//# sourceMappingURL=ru.js.map`, resolved against /acuspine/locales/ru.js.
  ['/acuspine/locales/ru.js.map', `${russian}.map`],
  ['/acuspine/fhir.js', fhir],
  // `//# sourceMappingURL=fhir.js.map`, resolved against /acuspine/fhir.js.
  ['/acuspine/fhir.js.map', `${fhir}.map`],
  ['/acuspine/outcomes.js', outcomes],
  // `//# sourceMappingURL=outcomes.js.map`, resolved against /acuspine/outcomes.js.
  ['/acuspine/outcomes.js.map', `${outcomes}.map`],
]);

const contentTypes = new Map([
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.mjs', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.map', 'application/json; charset=utf-8'],
  ['.json', 'application/json; charset=utf-8'],
  // The outcomes page's synthetic sample, one record a line.
  ['.ndjson', 'application/x-ndjson; charset=utf-8'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
]);

const securityHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  // The page runs only its own script and style; nothing entered leaves the browser.
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
};

/**
 * The file for a request path, or undefined when the path leaves the page's folder or cannot be
 * decoded. Only the resolved path is trusted: `..`, encoded slashes and absolute paths all end
 * up outside the folder and are refused.
 *
 * @param {string} pathname - the URL's path, still percent-encoded.
 * @returns {string | undefined}
 */
export function resolveDemoPath(pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const alias = aliases.get(decoded);
  if (alias !== undefined) return alias;
  const relative = decoded === '/' ? 'index.html' : `.${decoded}`;
  const file = resolve(pageDir, relative);
  return file.startsWith(pageDir + sep) ? file : undefined;
}

/** @param {import('node:http').ServerResponse} response @param {number} status @param {string} text */
function sendText(response, status, text) {
  response.writeHead(status, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}

/** @type {import('node:http').RequestListener} */
async function handle(request, response) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    sendText(response, 405, 'Method not allowed\n');
    return;
  }
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const file = resolveDemoPath(url.pathname);
  const type = file === undefined ? undefined : contentTypes.get(extname(file));
  if (file === undefined || type === undefined) {
    sendText(response, 404, 'Not found\n');
    return;
  }
  let body;
  try {
    body = await readFile(file);
  } catch (error) {
    const missingBuild = file.startsWith(resolve(root, 'dist') + sep);
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') {
      sendText(response, 404, missingBuild ? 'Not found: build the library first (npm run build)\n' : 'Not found\n');
    } else {
      sendText(response, 500, 'Could not read the file\n');
    }
    return;
  }
  response.writeHead(200, { ...securityHeaders, 'Content-Type': type, 'Content-Length': body.length });
  response.end(request.method === 'HEAD' ? undefined : body);
}

/**
 * Starts the demo server on 127.0.0.1.
 *
 * @param {{ port?: number | undefined }} [options] - `port`: default 4173; 0 picks a free port.
 * @returns {Promise<{ server: import('node:http').Server, url: string }>} the server and its
 *   address, e.g. `http://127.0.0.1:4173/`.
 */
export function startDemoServer(options = {}) {
  const port = options.port ?? 4173;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return Promise.reject(new RangeError(`startDemoServer: port must be a whole number from 0 to 65535, got ${port}`));
  }
  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) sendText(response, 500, 'Internal error\n');
      else response.destroy();
    });
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      const actual = typeof address === 'object' && address !== null ? address.port : port;
      resolvePromise({ server, url: `http://127.0.0.1:${actual}/` });
    });
  });
}

/**
 * Why the server could not listen, in words that say what to do: a port in use or not allowed
 * names the port and how to choose another.
 *
 * @param {unknown} error - what `server.listen` failed with.
 * @param {number} port - the port asked for.
 * @returns {string}
 */
export function listenFailure(error, port) {
  const code = /** @type {NodeJS.ErrnoException} */ (error)?.code;
  const choose = `choose another port: \`npm run demo -- 8080\` or \`PORT=8080 npm run demo\` (0 picks a free one)`;
  if (code === 'EADDRINUSE')
    return `port ${port} on 127.0.0.1 is already in use (another demo still running?): ${choose}`;
  if (code === 'EACCES') return `port ${port} on 127.0.0.1 needs privileges this user lacks: ${choose}`;
  return `could not listen on 127.0.0.1:${port}: ${error instanceof Error ? error.message : String(error)}`;
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const raw = process.argv[2] ?? process.env['PORT'] ?? '4173';
  const port = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(port) || port > 65535) {
    console.error(`serve-demo: not a port number: ${raw}`);
    process.exit(2);
  }
  try {
    await readFile(library);
  } catch {
    console.error('serve-demo: dist/index.js is missing: run `npm run build` first (npm run demo does).');
    process.exit(1);
  }
  try {
    const { url } = await startDemoServer({ port });
    console.log(`acuspine workbench: ${url}  (Ctrl+C to stop)`);
  } catch (error) {
    console.error(`serve-demo: ${listenFailure(error, port)}`);
    process.exit(1);
  }
}
