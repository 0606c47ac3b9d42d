// The one way the end-to-end tests start a browser: Debian's headless Chromium (or the one at
// $CHROMIUM_PATH), driven by playwright-core, with nothing downloaded and no network of its own.
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

// An empty CHROMIUM_PATH counts as unset, so that `CHROMIUM_PATH= npm test` means the default.
const chromiumPath = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';

/**
 * Launches headless Chromium with a fresh, temporary profile (playwright-core removes it on close).
 * @returns the browser
 * @throws when there is no Chromium where it is looked for, saying where and what to do
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    const where =
      process.env['CHROMIUM_PATH'] === chromiumPath
        ? `CHROMIUM_PATH names ${chromiumPath}, which does not exist`
        : `no Chromium at ${chromiumPath}, the default when CHROMIUM_PATH is not set`;
    throw new Error(
      `${where}: set CHROMIUM_PATH to a Chromium or Chrome executable (CHROMIUM_PATH=/path/to/chromium npm test), or install one there (Debian: apt-get install chromium)`,
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
    timeout: 60_000,
  });
}
