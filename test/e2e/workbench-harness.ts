// What the end-to-end tests of the clinician's workbench (examples/browser/index.html) share:
// Debian's headless Chromium driven by playwright-core, the demo server (scripts/serve-demo.mjs)
// on a free port, a page per test in a context of its own, with every script error, console
// error and request recorded, and axe-core for the accessibility checks. Needs dist/ (`npx tsup`;
// npm test builds first) and a Chromium: the one at $CHROMIUM_PATH, else /usr/bin/chromium.
import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startDemoServer } from '../../scripts/serve-demo.mjs';
import { launchChromium } from './chromium.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const artifacts = resolve(root, 'test/e2e/artifacts');
const axePath = resolve(root, 'node_modules/axe-core/axe.min.js');

/** How a test's page is opened. */
export interface PageOptions {
  /** The query of the page's URL, e.g. `?lang=ru`. */
  readonly query?: string;
  /** The viewport's width; default 1000 (the height is 900). */
  readonly width?: number;
  /**
   * Lets axe-core's script in: the page's CSP refuses inline scripts, as it should, so the
   * accessibility checks run in a context that bypasses it. Every other test keeps the CSP.
   */
  readonly axe?: boolean;
}

/** Starts the server and the browser for the file's tests, and stops them after. */
export function useWorkbench(): {
  readonly baseUrl: () => string;
  readonly withPage: (run: (page: Page) => Promise<void>, options?: PageOptions) => Promise<void>;
} {
  let server: Server | undefined;
  let baseUrl = '';
  let browser: Browser | undefined;
  // One context for the file's tests, and one that lets axe-core in: a page of its own per test
  // keeps the tests apart (the page keeps nothing in storage), and a context costs a second to make.
  const contexts = new Map<boolean, BrowserContext>();

  beforeAll(async () => {
    for (const built of ['dist/index.js', 'dist/fhir.js', 'dist/locales/ru.js']) {
      if (!existsSync(resolve(root, built))) {
        throw new Error(
          `${built} is missing: build the library first (\`npx tsup\`; \`npm test\` builds before testing)`,
        );
      }
    }
    mkdirSync(artifacts, { recursive: true });
    ({ server, url: baseUrl } = await startDemoServer({ port: 0 }));
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts.values()) await context.close();
    await browser?.close();
    if (server !== undefined) {
      const running = server;
      running.closeAllConnections();
      await new Promise<void>((done) => running.close(() => done()));
    }
  }, 60_000);

  /**
   * Runs `run` on a fresh page of the workbench, then checks that the page had no script or
   * console error and asked nothing of any origin but the demo server's.
   */
  async function withPage(run: (page: Page) => Promise<void>, options: PageOptions = {}): Promise<void> {
    if (browser === undefined) throw new Error('the browser did not start');
    const axe = options.axe === true;
    let context = contexts.get(axe);
    if (context === undefined) {
      const contextOptions: BrowserContextOptions = {
        viewport: { width: 1000, height: 900 },
        locale: 'en-US',
        acceptDownloads: true,
        ...(axe ? { bypassCSP: true } : {}),
      };
      context = await browser.newContext(contextOptions);
      contexts.set(axe, context);
    }
    const page = await context.newPage();
    await page.setViewportSize({ width: options.width ?? 1000, height: 900 });
    page.setDefaultTimeout(20_000);
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (entry) => {
      if (entry.type() === 'error') errors.push(entry.text());
    });
    page.on('request', (request) => requests.push(request.url()));
    try {
      await page.goto(`${baseUrl}${options.query ?? ''}`);
      await page.waitForSelector('body[data-ready="true"]');
      await run(page);
    } finally {
      await page.close();
    }
    expect(errors, 'errors on the page').toEqual([]);
    const origin = new URL(baseUrl).origin;
    // data: URLs (the empty favicon) and blob: URLs (the files offered for download) are no request to anyone.
    const elsewhere = requests.filter(
      (url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin,
    );
    expect(elsewhere, 'requests to other origins').toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
  }

  return { baseUrl: () => baseUrl, withPage };
}

/** The status the result shows. */
export async function status(page: Page): Promise<string | null> {
  return page.locator('#result [data-status]').getAttribute('data-status');
}

/** The id of the focused element, or its tag name when it has none. */
export async function activeId(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (active === null) return '';
    return active.id !== '' ? active.id : active.tagName.toLowerCase();
  });
}

/** The serious and critical violations axe-core finds on the page as it stands, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  if ((await page.evaluate(() => typeof (window as { axe?: unknown }).axe)) === 'undefined') {
    await page.addScriptTag({ path: axePath });
  }
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: { resultTypes: string[] },
          ) => Promise<{ violations: { id: string; impact?: string | null; nodes: { target: unknown[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
}

/** Whether nothing on the page is wider than the viewport: the page does not scroll sideways. */
export async function pageScrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => (document.scrollingElement as Element).scrollWidth);
}

/** The file a click on a download link gives: its suggested name and its text. */
export async function download(page: Page, selector: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}
