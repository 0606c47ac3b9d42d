// End-to-end: the questionnaire of missing facts rendered by LHC-Forms (npm `lforms`, its prebuilt
// web component and FHIR R4 support) in Debian's headless Chromium, driven by playwright-core and
// answered as a clinician would: clicking yes, no or a pregnancy status, typing the age, leaving
// questions empty. The QuestionnaireResponse that LHC-Forms gives is read back with
// factsFromQuestionnaireResponse and screened. Needs a Chromium: the one at $CHROMIUM_PATH, else
// /usr/bin/chromium. The page and the lforms files are served from 127.0.0.1 by the test itself.
import { existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type FhirQuestionnaire,
  factsFromFhir,
  factsFromQuestionnaireResponse,
  missingFactsQuestionnaire,
} from '../../src/fhir/index.js';
import {
  cautionRuleSet,
  defineRuleSet,
  factNames,
  protocolRuleSet,
  redFlagFactNames,
  redFlagRuleSet,
  screen,
} from '../../src/index.js';
import { ru } from '../../src/locales/ru/index.js';
import { launchChromium } from './chromium.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const artifacts = resolve(root, 'test/e2e/artifacts');
const harness = resolve(root, 'test/e2e/lforms/index.html');
const lforms = resolve(root, 'node_modules/lforms/dist/lforms');

const PATIENT = { resourceType: 'Patient', id: 'p1' };
const LOINC = 'http://loinc.org';
const STATUS_CODE = { yes: 'LA15173-0', no: 'LA26683-5', unknown: 'LA4489-6' } as const;

/** Every rule acuspine ships and one of a clinic's own: every fact counts in its screening. */
const everyFact = defineRuleSet({
  id: 'every-fact',
  version: '1',
  facts: {
    recentSpinalSurgery: { label: { en: 'spinal surgery in the last 6 months', ru: 'операция на позвоночнике' } },
  },
  rules: [
    ...protocolRuleSet.rules,
    ...cautionRuleSet.rules,
    ...redFlagRuleSet.rules,
    { id: 'own', kind: 'absolute', when: { type: 'any', facts: ['recentSpinalSurgery'] }, source: { title: 'Clinic' } },
  ],
});

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Serves the harness at / and the lforms build under /lforms/; nothing outside them. */
function startServer(): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = path === '/' ? harness : path.startsWith('/lforms/') ? resolve(lforms, `.${path.slice(7)}`) : '';
    if (file === '' || (file !== harness && !file.startsWith(lforms + sep))) {
      response.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) =>
        response
          .writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' })
          .end(body),
      () => response.writeHead(404).end(),
    );
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      done({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` });
    });
  });
}

let server: Server | undefined;
let baseUrl = '';
let browser: Browser | undefined;
let page: Page | undefined;
const errors: string[] = [];

beforeAll(async () => {
  if (!existsSync(resolve(lforms, 'webcomponent/main.js'))) {
    throw new Error('node_modules/lforms is missing its build: run npm ci (lforms is a dev dependency)');
  }
  mkdirSync(artifacts, { recursive: true });
  ({ server, url: baseUrl } = await startServer());
  browser = await launchChromium();
  // One page for every form: loading LHC-Forms takes seconds, rendering another form does not.
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'en-US' });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (entry) => {
    if (entry.type() === 'error') errors.push(entry.text());
  });
  await page.goto(baseUrl);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForFunction(
    () => typeof (window as unknown as { LForms?: { Util?: object } }).LForms?.Util === 'object',
  );
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (server !== undefined) {
    const running = server;
    running.closeAllConnections();
    await new Promise<void>((done) => running.close(() => done()));
  }
  expect(errors, 'errors on the page').toEqual([]);
}, 60_000);

function questionnaireOf(
  ...args: Parameters<typeof missingFactsQuestionnaire<'recentSpinalSurgery'>>
): FhirQuestionnaire {
  const made = missingFactsQuestionnaire(...args);
  if (!made.ok) throw new Error(JSON.stringify(made.issues));
  return made.value;
}

function current(): Page {
  if (page === undefined) throw new Error('the browser did not start');
  return page;
}

async function render(questionnaire: FhirQuestionnaire): Promise<Page> {
  const shown = current();
  await shown.evaluate(
    (q) => (window as unknown as { renderForm(q: unknown): Promise<void> }).renderForm(q),
    questionnaire,
  );
  await shown.waitForSelector(`[id="label-${questionnaire.item?.[0]?.linkId}/1"]`);
  return shown;
}

/** What a clinician does with one question. */
type Answer = 'yes' | 'no' | 'empty';

/** Answers one item in the rendered form: a click on yes, no or a status; the age typed; or nothing. */
async function answer(shown: Page, linkId: string, given: Answer | 'unknown', age = given === 'yes' ? 80 : 40) {
  if (given === 'empty') return;
  if (linkId === 'ageYears') {
    await shown.locator('[id="ageYears/1"]').fill(String(age));
  } else if (linkId === 'pregnant') {
    await shown.locator(`[id="pregnant/1|${LOINC}|${STATUS_CODE[given]}"]`).click();
  } else {
    await shown.locator(`[id="${linkId}/1|${given === 'yes'}"]`).click();
  }
}

/** The form's QuestionnaireResponse as LHC-Forms gives it, about Patient/p1. */
async function responseOf(shown: Page): Promise<unknown> {
  return shown.evaluate(
    (subject) => (window as unknown as { formResponse(subject: unknown): unknown }).formResponse(subject),
    PATIENT,
  );
}

async function answeredFacts(shown: Page, questionnaire: FhirQuestionnaire) {
  const read = factsFromQuestionnaireResponse(await responseOf(shown), {
    questionnaire,
    patientId: 'p1',
    ruleSet: everyFact,
  });
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return read.value;
}

describe('a questionnaire of missing facts in LHC-Forms', { timeout: 60_000 }, () => {
  const protocolQuestionnaire = () => questionnaireOf(screen({}), { id: 'protocol-missing' });

  test('all "no" and an age inside the limits screen eligible; the response is LHC-Forms’ own', async () => {
    const questionnaire = protocolQuestionnaire();
    const shown = await render(questionnaire);
    for (const item of questionnaire.item ?? []) await answer(shown, item.linkId, 'no', 45);

    const response = (await responseOf(shown)) as Record<string, unknown>;
    expect(response).toMatchObject({
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      questionnaire: questionnaire.url,
      subject: { reference: 'Patient/p1' },
    });
    const read = await answeredFacts(shown, questionnaire);
    expect(read.facts).toEqual({
      ageYears: 45,
      oncologicalDisease: false,
      pregnant: false,
      coagulationDisorder: false,
      acuteInfection: false,
      acuteMentalIllness: false,
      psychotropicInfluence: false,
    });
    expect(read.notes).toEqual([]);
    expect(screen(read.facts).status).toBe('eligible');
  });

  test('pregnancy answered "Pregnant" screens contraindicated, and extraction gives the Observation factsFromFhir reads', async () => {
    const questionnaire = protocolQuestionnaire();
    const shown = await render(questionnaire);
    await answer(shown, 'ageYears', 'no', 31);
    await answer(shown, 'pregnant', 'yes');
    const read = await answeredFacts(shown, questionnaire);
    expect(read.facts).toEqual({ ageYears: 31, pregnant: true });
    const screening = screen(read.facts);
    expect(screening.status).toBe('contraindicated');
    expect(screening.contraindications).toEqual(['pregnancy']);

    const [response, bundle] = (await shown.evaluate(
      (subject) =>
        (window as unknown as { formResponse(subject: unknown, extract: boolean): unknown }).formResponse(
          subject,
          true,
        ),
      PATIENT,
    )) as [{ authored: string }, { entry: { resource: unknown }[] }];
    const observations = bundle.entry.map((entry) => entry.resource);
    expect(observations).toHaveLength(1);
    expect(observations[0]).toMatchObject({
      resourceType: 'Observation',
      code: { coding: expect.arrayContaining([expect.objectContaining({ system: LOINC, code: '82810-3' })]) },
    });
    const fromRecord = factsFromFhir([PATIENT, ...observations], {
      on: response.authored.slice(0, 10),
      patientId: 'p1',
    });
    expect(fromRecord.ok && fromRecord.value.facts).toEqual({ pregnant: true });
  });

  test('a question left empty screens incomplete, and is asked again', async () => {
    const questionnaire = protocolQuestionnaire();
    const shown = await render(questionnaire);
    for (const item of questionnaire.item ?? []) {
      await answer(shown, item.linkId, item.linkId === 'acuteInfection' ? 'empty' : 'no', 45);
    }
    const read = await answeredFacts(shown, questionnaire);
    expect(read.facts).not.toHaveProperty('acuteInfection');
    const screening = screen(read.facts);
    expect(screening.status).toBe('incomplete');
    expect(screening.missing).toEqual(['acuteInfection']);
    const again = questionnaireOf(screening, { id: 'protocol-missing-2' });
    expect(again.item?.map((item) => item.linkId)).toEqual(['acuteInfection']);
  });

  test('pregnancy answered "Unknown" stays unrecorded, with a note', async () => {
    const questionnaire = protocolQuestionnaire();
    const shown = await render(questionnaire);
    await answer(shown, 'pregnant', 'unknown');
    const read = await answeredFacts(shown, questionnaire);
    expect(read.facts).toEqual({});
    expect(read.notes.map((note) => note.code)).toEqual(['answered-unknown']);
    expect(screen(read.facts).missing).toContain('pregnant');
  });

  // Every fact and every answer: in round r, the fact at index i gets the answer (i + r) mod 3, so
  // that over three rounds each fact is answered yes, no and left empty, in forms of mixed answers.
  test.each([0, 1, 2])(
    'round %i: every fact answered yes, no or left empty comes back as answered, and screens the same',
    async (round) => {
      const facts = [...factNames, 'recentSpinalSurgery' as const];
      const questionnaire = questionnaireOf(facts, { id: `every-fact-${round}`, ruleSet: everyFact });
      const shown = await render(questionnaire);
      const expected: Record<string, boolean | number> = {};
      const answers: Answer[] = ['yes', 'no', 'empty'];
      for (const [index, fact] of facts.entries()) {
        const given = answers[(index + round) % 3] as Answer;
        await answer(shown, fact, given);
        if (given !== 'empty') expected[fact] = fact === 'ageYears' ? (given === 'yes' ? 80 : 40) : given === 'yes';
      }
      const read = await answeredFacts(shown, questionnaire);
      expect(read.facts).toEqual(expected);
      expect(read.notes).toEqual([]);
      for (const fact of Object.keys(expected))
        expect(read.answers[fact as keyof typeof read.answers]?.linkId).toBe(fact);
      const screening = screen(read.facts, { ruleSet: everyFact });
      expect(screening).toEqual(screen(expected, { ruleSet: everyFact }));
      if (redFlagFactNames.some((fact) => expected[fact] === true)) expect(screening.status).toBe('refer');
    },
  );

  test('a Russian questionnaire shows Russian questions and answers', async () => {
    const questionnaire = questionnaireOf(screen({}, { ruleSet: everyFact }), {
      id: 'ru-missing',
      locale: ru,
      ruleSet: everyFact,
    });
    const shown = await render(questionnaire);
    for (const item of questionnaire.item ?? []) {
      const label = await shown.locator(`[id="label-${item.linkId}/1"]`).textContent();
      expect(label?.trim()).toContain(item.text);
    }
    const texts = (await shown.locator('#form').textContent()) ?? '';
    expect(texts).toContain(ru.messages['fact.pregnant.question']);
    expect(texts).toContain('Отметьте, да или нет: «операция на позвоночнике».');
    for (const status of ['Беременна', 'Не беременна', 'Неизвестно']) expect(texts).toContain(status);
    expect(texts).toContain(ru.messages['questionnaire.title']);

    await answer(shown, 'ageYears', 'no', 52);
    await answer(shown, 'pregnant', 'no');
    await answer(shown, 'oncologicalDisease', 'no');
    await shown.screenshot({ path: resolve(artifacts, 'lforms-questionnaire-ru.png'), fullPage: true });
    const read = await answeredFacts(shown, questionnaire);
    expect(read.facts).toEqual({ ageYears: 52, pregnant: false, oncologicalDisease: false });
  });
});
