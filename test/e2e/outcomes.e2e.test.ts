// End-to-end: the browser course outcomes page (examples/browser/outcomes.html) in Debian's
// headless Chromium, driven by playwright-core, against the library's ESM build served by
// scripts/serve-demo.mjs. What the page shows is checked against summarizeOutcomes run here, in
// Node, on the same rows. Needs dist/ (npm test builds first) and a Chromium: the one at
// $CHROMIUM_PATH, else /usr/bin/chromium.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { syntheticOutcomeRows } from '../../examples/data/synthetic-outcomes.js';
import { startDemoServer } from '../../scripts/serve-demo.mjs';
import {
  byRegion,
  type OutcomeSummary,
  type ResponderCounts,
  readOutcomeRecords,
  summarizeOutcomes,
} from '../../src/outcomes/index.js';
import { launchChromium } from './chromium.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const artifacts = resolve(root, 'test/e2e/artifacts');

let server: Server | undefined;
let baseUrl = '';
let browser: Browser | undefined;

beforeAll(async () => {
  if (!existsSync(resolve(root, 'dist/outcomes.js'))) {
    throw new Error(
      'dist/outcomes.js is missing: build the library first (`npx tsup`; `npm test` builds before testing)',
    );
  }
  mkdirSync(artifacts, { recursive: true });
  ({ server, url: baseUrl } = await startDemoServer({ port: 0 }));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (server !== undefined) {
    const running = server;
    running.closeAllConnections();
    await new Promise<void>((done) => running.close(() => done()));
  }
}, 60_000);

/**
 * Runs `run` on a fresh page (in a context of its own) at `path`, then checks that the page had
 * no script or console error and asked nothing of any origin but the demo server's.
 */
async function withPage(run: (page: Page) => Promise<void>, path = 'outcomes.html'): Promise<void> {
  if (browser === undefined) throw new Error('the browser did not start');
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (entry) => {
    if (entry.type() === 'error') errors.push(entry.text());
  });
  page.on('request', (request) => requests.push(request.url()));
  try {
    await page.goto(`${baseUrl}${path}`);
    await page.waitForSelector('body[data-ready="true"]');
    await run(page);
  } finally {
    await context.close();
  }
  expect(errors, 'errors on the page').toEqual([]);
  const origin = new URL(baseUrl).origin;
  // data: URLs (the empty favicon) are no request to anyone.
  const elsewhere = requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin);
  expect(elsewhere, 'requests to other origins').toEqual([]);
  expect(requests.length).toBeGreaterThan(0);
}

/** The page's reading of a line: its JSON, or its text when it is not JSON (an invalid record). */
function rowOf(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return line;
  }
}

/** What the page summarizes for an NDJSON text, summarized here. */
function summaryOf(text: string): OutcomeSummary {
  const rows = text
    .split(/\r\n|\n|\r/)
    .filter((line) => line.trim() !== '')
    .map(rowOf);
  return summarizeOutcomes(readOutcomeRecords(rows), { groupBy: byRegion });
}

const percent = (share: number) => (share * 100).toFixed(1);
const regionOrder = ['cervical', 'thoracic', 'lumbosacral'];

/** The rows the responder chart must draw: per definition with n > 0, the cohort and each region assessed. */
function expectedResponderRows(
  summary: OutcomeSummary,
): { definition: string; group: string; counts: ResponderCounts }[] {
  const regions = Object.keys(summary.groups ?? {})
    .filter((key) => key !== 'invalid')
    .sort((a, b) => regionOrder.indexOf(a) - regionOrder.indexOf(b));
  return summary.analysis.definitions.flatMap((definition) => {
    const whole = summary.responders[definition];
    if (whole === undefined || whole.proportion.n === 0) return [];
    const rows = [{ definition, group: 'all', counts: whole }];
    for (const group of regions) {
      const counts = summary.groups?.[group]?.responders[definition];
      if (counts !== undefined && counts.proportion.n + counts.unknown > 0) rows.push({ definition, group, counts });
    }
    return rows;
  });
}

/** The responder rows as drawn (data-* of the SVG) and as tabled (the text of the data table). */
async function drawnResponderRows(page: Page) {
  const drawn = await page.locator('#responder-chart .responder-row').evaluateAll((rows) =>
    rows.map((row) => {
      const data = (row as SVGElement).dataset;
      return {
        definition: data['definition'],
        group: data['group'],
        count: Number(data['count']),
        n: Number(data['n']),
        p: data['p'] === '' ? null : Number(data['p']),
        low: Number(data['low']),
        high: Number(data['high']),
        unknown: Number(data['unknown']),
        missingFollowUp: Number(data['missingFollowUp']),
      };
    }),
  );
  const tabled = await page.locator('#responder-data tbody tr[data-group]').evaluateAll((rows) =>
    rows.map((row) => {
      const cell = (column: string) => row.querySelector(`[data-column="${column}"]`)?.textContent ?? '';
      const data = (row as HTMLElement).dataset;
      return {
        definition: data['definition'],
        group: data['group'],
        responders: cell('responders'),
        n: cell('n'),
        share: cell('share'),
        interval: cell('interval'),
        unknown: cell('unknown'),
        missingFollowUp: cell('missing-follow-up'),
      };
    }),
  );
  return { drawn, tabled };
}

/** Checks the responder chart and its table against the summary computed in Node. */
async function checkResponders(page: Page, summary: OutcomeSummary): Promise<void> {
  const expected = expectedResponderRows(summary);
  const { drawn, tabled } = await drawnResponderRows(page);
  expect(drawn.map((row) => `${row.definition}/${row.group}`)).toEqual(
    expected.map((row) => `${row.definition}/${row.group}`),
  );
  expect(tabled.map((row) => `${row.definition}/${row.group}`)).toEqual(
    expected.map((row) => `${row.definition}/${row.group}`),
  );
  expected.forEach(({ counts }, i) => {
    const { count, n, p, low, high } = counts.proportion;
    // The attributes carry the numbers exactly; the table, to the displayed rounding.
    expect(drawn[i]).toMatchObject({
      count,
      n,
      p,
      low,
      high,
      unknown: counts.unknown,
      missingFollowUp: counts.missingFollowUp,
    });
    expect(tabled[i]).toMatchObject({
      responders: String(counts.responder),
      n: String(n),
      share: p === null ? 'no estimate' : `${percent(p)}%`,
      interval: p === null ? 'no interval' : `${percent(low)}–${percent(high)}%`,
      unknown: String(counts.unknown),
      missingFollowUp: String(counts.missingFollowUp),
    });
  });
  // A definition with no known response (no record has its instrument) is not drawn.
  for (const [id, counts] of Object.entries(summary.responders)) {
    if (counts.proportion.n === 0) {
      await expect(page.locator(`#responder-chart [data-definition="${id}"]`).count()).resolves.toBe(0);
    }
  }
  // Every row states its missing follow-ups in words beside it.
  const rowText = await page.locator('#responder-chart .responder-row').first().textContent();
  expect(rowText).toContain(`(${expected[0]?.counts.missingFollowUp} missing follow-up)`);
}

/** Checks the pain chart against the summary: a line per region and phase, a point per session with pain. */
async function checkPain(page: Page, summary: OutcomeSummary): Promise<void> {
  const regions = Object.entries(summary.groups ?? {})
    .filter(([key, statistics]) => key !== 'invalid' && statistics.painBySession.length > 0)
    .map(([key]) => key)
    .sort((a, b) => regionOrder.indexOf(a) - regionOrder.indexOf(b));
  const lines = await page
    .locator('#pain-chart .pain-line')
    .evaluateAll((paths) =>
      paths.map((path) => `${(path as SVGElement).dataset['region']}/${(path as SVGElement).dataset['phase']}`),
    );
  expect(lines).toEqual(regions.flatMap((region) => [`${region}/before`, `${region}/after`]));
  expect(new Set(lines.map((line) => line.split('/')[0]))).toEqual(new Set(regions));
  for (const region of regions) {
    const bySession = summary.groups?.[region]?.painBySession ?? [];
    for (const phase of ['before', 'after'] as const) {
      const expected = bySession
        .filter((entry) => entry[phase].n > 0)
        .map((entry) => ({ session: entry.session, mean: entry[phase].mean, n: entry[phase].n }));
      const points = await page
        .locator(`#pain-chart .pain-point[data-region="${region}"][data-phase="${phase}"]`)
        .evaluateAll((dots) =>
          dots.map((dot) => {
            const data = (dot as SVGElement).dataset;
            return { session: Number(data['session']), mean: Number(data['mean']), n: Number(data['n']) };
          }),
        );
      expect(points, `${region}, ${phase}`).toEqual(expected);
      // The line is dashed before the needles, solid after.
      const dash = await page
        .locator(`#pain-chart .pain-line[data-region="${region}"][data-phase="${phase}"]`)
        .getAttribute('stroke-dasharray');
      expect(dash === null).toBe(phase === 'after');
    }
  }
  await expect(page.locator('#pain-legend li').allTextContents()).resolves.toEqual([
    ...regions.map((region) => region.charAt(0).toUpperCase() + region.slice(1)),
    'Pain before the needles',
    'Pain after the needles',
  ]);
}

/** Each chart is an image with a title and a description, and a table of its numbers beside it. */
async function checkAccessibleCharts(page: Page): Promise<void> {
  const charts = await page
    .locator('figure.chart svg[role="img"]')
    .evaluateAll((svgs) =>
      svgs.map((svg) =>
        (svg.getAttribute('aria-labelledby') ?? '')
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent?.trim() ?? ''),
      ),
    );
  expect(charts).toHaveLength(2);
  for (const [title, description] of charts) {
    expect(title).not.toBe('');
    expect(description).not.toBe('');
  }
  await expect(page.locator('figure.chart details table').count()).resolves.toBe(2);
}

/** Nothing wider than the viewport: no scrolling sideways, no chart text beyond its SVG. */
async function checkFits(page: Page, width: number): Promise<void> {
  const layout = await page.evaluate(() => {
    const outside: string[] = [];
    for (const svg of Array.from(document.querySelectorAll('.chart-area svg'))) {
      const box = svg.getBoundingClientRect();
      for (const text of Array.from(svg.querySelectorAll('text'))) {
        const own = text.getBoundingClientRect();
        if (own.left < box.left - 1 || own.right > box.right + 1) outside.push(text.textContent ?? '');
      }
    }
    const svgs = Array.from(document.querySelectorAll('.chart-area svg')).map(
      (svg) => svg.getBoundingClientRect().right,
    );
    return { scrollWidth: document.documentElement.scrollWidth, rights: svgs, outside };
  });
  expect(layout.scrollWidth).toBeLessThanOrEqual(width);
  for (const right of layout.rights) expect(right).toBeLessThanOrEqual(width);
  expect(layout.outside).toEqual([]);
}

describe('the browser course outcomes page', { timeout: 90_000 }, () => {
  test('states that it is decision support, claims nothing about efficacy and sends nothing anywhere', async () => {
    await withPage(async (page) => {
      const notice = ((await page.locator('#notice').textContent()) ?? '').replace(/\s+/g, ' ');
      expect(notice).toContain('Decision support for qualified clinicians, not a medical device.');
      expect(notice).toContain('claims nothing about the efficacy');
      await expect(page.locator('.privacy').textContent()).resolves.toContain('nothing is sent anywhere');
      await expect(page.getByLabel('Course outcome records (NDJSON)').getAttribute('type')).resolves.toBe('file');
      await expect(page.locator('#sample-hint').textContent()).resolves.toContain('invented data');
      await expect(page.locator('#results').isHidden()).resolves.toBe(true);
      // The keyboard reaches the file input right after the link back to the workbench.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('file');
    });
  });

  test('an uploaded NDJSON file is counted and charted as summarizeOutcomes counts it in Node', async () => {
    const lines = [...syntheticOutcomeRows(300, 7)].map((row) => JSON.stringify(row));
    // Two bad lines, and blank lines, which are skipped, not counted.
    lines.splice(10, 0, 'this line is not JSON {');
    lines.splice(20, 0, '', '   ');
    lines.push(JSON.stringify({ id: 'broken', region: 'sacral', plannedSessions: 10 }));
    const text = `${lines.join('\n')}\n`;
    const notJsonLine = lines.indexOf('this line is not JSON {') + 1;
    const invalidRecordLine = lines.length;
    const summary = summaryOf(text);
    expect(summary.total).toBe(302);
    expect(summary.invalid).toBe(2);

    await withPage(async (page) => {
      await page.setInputFiles('#file', {
        name: 'outcomes.ndjson',
        mimeType: 'application/x-ndjson',
        buffer: Buffer.from(text, 'utf8'),
      });
      await page.waitForSelector('#results[data-loaded]');
      await expect(page.locator('#count-total').getAttribute('data-count')).resolves.toBe(String(summary.total));
      await expect(page.locator('#count-valid').textContent()).resolves.toBe(String(summary.total - summary.invalid));
      await expect(page.locator('#count-invalid').textContent()).resolves.toBe(String(summary.invalid));
      await expect(page.locator('#status').textContent()).resolves.toBe(
        'Read 302 records from the file outcomes.ndjson: 300 valid, 2 invalid.',
      );

      // Both bad lines are listed by their line numbers, never dropped silently.
      const problems = page.locator('#problem-list li');
      await expect(
        problems.evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset['line'])),
      ).resolves.toEqual([String(notJsonLine), String(invalidRecordLine)]);
      await expect(problems.nth(0).textContent()).resolves.toMatch(new RegExp(`^Line ${notJsonLine}: not JSON \\(`));
      await expect(problems.nth(1).textContent()).resolves.toContain(`Line ${invalidRecordLine}: not a valid record: `);

      await checkResponders(page, summary);
      await checkPain(page, summary);
      await checkAccessibleCharts(page);
      await checkFits(page, 1000);
      await page.screenshot({ path: resolve(artifacts, 'outcomes-desktop.png'), fullPage: true });

      // On a phone's width the charts are drawn again for it: stacked rows, nothing cut off.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForFunction(
        () => Number(document.querySelector('#responder-chart svg')?.getAttribute('width')) < 390,
      );
      await checkResponders(page, summary);
      await checkPain(page, summary);
      await checkFits(page, 390);
      await page.screenshot({ path: resolve(artifacts, 'outcomes-phone.png'), fullPage: true });
    });
  });

  test('the synthetic sample loads from the same server, says it is invented, and matches its generator', async () => {
    const committed = readFileSync(resolve(root, 'examples/browser/sample-outcomes.ndjson'), 'utf8');
    // The committed sample is what scripts/make-outcome-sample.ts writes today.
    const generated = `${[...syntheticOutcomeRows(150, 20261201)].map((row) => JSON.stringify(row)).join('\n')}\n`;
    expect(
      committed === generated,
      'sample-outcomes.ndjson is stale: run `npx tsx scripts/make-outcome-sample.ts`',
    ).toBe(true);
    const summary = summaryOf(committed);

    await withPage(async (page) => {
      const sampleRequest = page.waitForRequest((request) => request.url().endsWith('/sample-outcomes.ndjson'));
      await page.getByRole('button', { name: 'Load the synthetic sample' }).click();
      await expect(sampleRequest.then((request) => new URL(request.url()).origin)).resolves.toBe(
        new URL(baseUrl).origin,
      );
      await page.waitForSelector('#results[data-loaded]');
      await expect(page.locator('#count-total').textContent()).resolves.toBe('150');
      await expect(page.locator('#count-invalid').textContent()).resolves.toBe('0');
      await expect(page.locator('#status').textContent()).resolves.toContain('the synthetic sample (invented data)');
      await expect(page.locator('#problems').textContent()).resolves.toBe('');
      await checkResponders(page, summary);
      await checkPain(page, summary);
    });
  });

  test('a dropped .jsonl file is read; a dropped file of another kind is refused in words', async () => {
    const rows = [...syntheticOutcomeRows(25, 3)].map((row) => JSON.stringify(row));
    const summary = summaryOf(rows.join('\n'));
    await withPage(async (page) => {
      const drop = (name: string, text: string) =>
        page.evaluate(
          ([fileName, content]) => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([content as string], fileName as string));
            const zone = document.getElementById('drop-zone') as HTMLElement;
            zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
            zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
          },
          [name, text],
        );
      await drop('notes.txt', rows.join('\n'));
      await expect(page.locator('#status [role="alert"]').textContent()).resolves.toBe(
        'notes.txt is not an .ndjson, .jsonl or .json file.',
      );
      await drop('course-outcomes.jsonl', rows.join('\r\n'));
      await page.waitForSelector('#results[data-loaded="1"]');
      await expect(page.locator('#count-total').textContent()).resolves.toBe(String(summary.total));
      await checkResponders(page, summary);

      // A file of invalid records only: counted, listed, and no empty chart.
      await drop('broken.ndjson', '[1, 2]\n{"id": 3}\n');
      await page.waitForSelector('#results[data-loaded="2"]');
      await expect(page.locator('#count-invalid').textContent()).resolves.toBe('2');
      await expect(page.locator('#problem-list li').count()).resolves.toBe(2);
      await expect(page.locator('#responder-chart').textContent()).resolves.toContain('nothing to chart');
      await expect(page.locator('#pain-chart').textContent()).resolves.toContain('nothing to chart');
      await expect(page.locator('#pain-legend li').count()).resolves.toBe(0);
    });
  });

  test('the workbench links to the outcomes page and back', async () => {
    await withPage(async (page) => {
      await page.getByRole('link', { name: 'Course outcomes: chart a file of outcome records' }).click();
      await page.waitForSelector('body[data-ready="true"] #file');
      await expect(page.title()).resolves.toBe('acuspine: course outcomes');
      await page.getByRole('link', { name: 'Screening and course planning' }).click();
      await page.waitForSelector('body[data-ready="true"] #facts-form');
    }, '');
  });

  test('the demo server maps /acuspine/outcomes.js and its source map to the build', async () => {
    const script = await fetch(`${baseUrl}acuspine/outcomes.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toMatch(/export \{[^}]*\bsummarizeOutcomes\b/);
    const map = await fetch(`${baseUrl}acuspine/outcomes.js.map`);
    expect(map.status).toBe(200);
    expect(map.headers.get('content-type')).toBe('application/json; charset=utf-8');
    await map.arrayBuffer();
  });
});
