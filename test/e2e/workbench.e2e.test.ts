// End-to-end: the clinician's whole path on the workbench (examples/browser/index.html) in
// Debian's headless Chromium: a FHIR record loaded (chosen or dropped), the questionnaire of what
// it leaves open, a conflict between the record and an answer, the course as a calendar, the
// downloads (an iCalendar file read back with ical.js, a FHIR bundle checked against the official
// R4 JSON Schema), the keyboard alone, a 390 px phone, axe-core, print. See workbench-harness.ts.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { redFlagFactNames } from '../../src/index.js';
import { validateR4 } from '../fhir/r4-schema.js';
import {
  activeId,
  artifacts,
  download,
  pageScrollWidth,
  root,
  seriousViolations,
  status,
  useWorkbench,
} from './workbench-harness.js';

const { baseUrl, withPage } = useWorkbench();

const protocolBooleanFacts = [
  'oncologicalDisease',
  'pregnant',
  'coagulationDisorder',
  'acuteInfection',
  'acuteMentalIllness',
  'psychotropicInfluence',
] as const;
const LOINC_NOT_PREGNANT = 'LA26683-5';
const LOINC_PREGNANT = 'LA15173-0';
const LOINC_UNKNOWN = 'LA4489-6';

/** A record whose pregnancy status, observed on 2026-03-02, says pregnant; and chronic neck pain. */
const pregnantRecord = {
  resourceType: 'Bundle',
  type: 'collection',
  timestamp: '2026-03-02T08:00:00Z',
  entry: [
    { resource: { resourceType: 'Patient', id: 'p-preg', birthDate: '1990-05-01' } },
    {
      resource: {
        resourceType: 'Observation',
        id: 'preg-status',
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '82810-3' }] },
        subject: { reference: 'Patient/p-preg' },
        effectiveDateTime: '2026-03-02',
        valueCodeableConcept: { coding: [{ system: 'http://loinc.org', code: LOINC_PREGNANT }] },
      },
    },
    {
      resource: {
        resourceType: 'Condition',
        id: 'neck',
        clinicalStatus: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
        },
        verificationStatus: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }],
        },
        code: { coding: [{ system: 'http://snomed.info/sct', code: '1121000119107' }] },
        subject: { reference: 'Patient/p-preg' },
        onsetDateTime: '2025-01-01',
      },
    },
  ],
};

/** The parts of the written resources that the tests read. */
interface Written {
  readonly resourceType: string;
  readonly id: string;
  readonly subject?: { readonly reference: string };
  readonly item?: readonly { readonly linkId: string }[];
  readonly occurrenceTiming?: {
    readonly repeat: { readonly count: number; readonly boundsPeriod: { readonly start: string } };
  };
  readonly reasonReference?: unknown;
  readonly activity?: unknown;
}

/** The facts of the questionnaire, in its order. */
async function asked(page: Page): Promise<string[]> {
  return page
    .locator('#questionnaire #questions > li')
    .evaluateAll((items) => items.map((item) => item.dataset['fact'] ?? ''));
}

/** Answers every yes-or-no question of the questionnaire "no", and pregnancy with `pregnancy`. */
async function answerNo(page: Page, pregnancy = LOINC_NOT_PREGNANT): Promise<void> {
  for (const fact of await asked(page)) {
    if (fact === 'pregnant') await page.check(`#q-pregnant-${pregnancy}`);
    else await page.check(`#q-${fact}-no`);
  }
}

/** Loads the sample record as of 2026-03-02 and screens it. */
async function screenSample(page: Page): Promise<void> {
  await page.fill('#on', '2026-03-02');
  await page.click('#sample-button');
  await page.waitForSelector('#record-facts');
  await page.click('#screen-button');
}

/** Enters a patient by hand: the age, and each protocol fact "no" but those given. */
async function enterByHand(page: Page, age: string, facts: Partial<Record<string, 'yes' | 'no' | 'unknown'>> = {}) {
  await page.fill('#age', age);
  for (const fact of protocolBooleanFacts) await page.check(`#${fact}-${facts[fact] ?? 'no'}`);
}

/** Plans the course from the plan form as it stands, from 2026-03-02. */
async function planCourse(page: Page, region?: string, time?: string): Promise<void> {
  if (region !== undefined) await page.selectOption('#region', region);
  await page.fill('#start', '2026-03-02');
  if (time !== undefined) await page.fill('#time', time);
  await page.click('#plan-button');
  await page.waitForSelector('#calendar');
}

/** Presses Tab until the element with `id` has the focus, and says what it passed on the way. */
async function tabTo(page: Page, id: string, most = 40): Promise<string[]> {
  const passed: string[] = [];
  for (let step = 0; step < most; step++) {
    await page.keyboard.press('Tab');
    const now = await activeId(page);
    passed.push(now);
    if (now === id) return passed;
  }
  throw new Error(`Tab never reached #${id}: ${passed.join(', ')}`);
}

/** The order in which the elements matching the selectors appear in the page. */
async function documentOrder(page: Page, selectors: readonly string[]): Promise<string[]> {
  return page.evaluate((list) => {
    const found = list.map((selector) => ({ selector, element: document.querySelector(selector) }));
    return found
      .filter((entry) => entry.element !== null)
      .sort((a, b) =>
        (a.element as Element).compareDocumentPosition(b.element as Element) & Node.DOCUMENT_POSITION_FOLLOWING
          ? -1
          : 1,
      )
      .map((entry) => entry.selector);
  }, selectors);
}

describe('the clinician’s workbench', { timeout: 90_000 }, () => {
  test('the sample record: its facts with their resources, the notes folded, the region; answered, a course as a calendar, downloaded as iCalendar and FHIR', async () => {
    await withPage(async (page) => {
      await screenSample(page);
      const facts = page.locator('#record-facts > li');
      await expect(facts.evaluateAll((items) => items.map((item) => item.dataset['fact']))).resolves.toEqual([
        'ageYears',
        'anticoagulantTherapy',
      ]);
      await expect(facts.nth(0).textContent()).resolves.toContain('Age (completed years): 53');
      await expect(facts.nth(0).locator('.evidence').textContent()).resolves.toBe('From: Patient sample-patient');
      await expect(facts.nth(1).locator('.evidence').textContent()).resolves.toBe(
        'From: MedicationRequest sample-warfarin',
      );
      // The notes stand folded away, in the library's words.
      await expect(page.locator('#record-notes').getAttribute('open')).resolves.toBeNull();
      await expect(page.locator('#record-notes li[data-code="condition-inactive"]').textContent()).resolves.toContain(
        'Condition sample-sinusitis',
      );
      await expect(page.locator('#record-regions li').textContent()).resolves.toBe(
        'Lumbosacral — From: Condition sample-low-back-pain',
      );
      await expect(page.locator('#patient-id').inputValue()).resolves.toBe('sample-patient');
      await expect(page.locator('#hand-facts').isHidden()).resolves.toBe(true);

      // Incomplete: the status first, then the questionnaire of the facts the record leaves open.
      await expect(status(page)).resolves.toBe('incomplete');
      await expect(asked(page)).resolves.toEqual([...protocolBooleanFacts]);
      await expect(page.locator('#questions li[data-fact="pregnant"] legend').textContent()).resolves.toBe(
        'Is the patient currently pregnant?',
      );
      await expect(page.locator('#questions li[data-fact="pregnant"] label').allTextContents()).resolves.toEqual([
        'Pregnant',
        'Not pregnant',
        'Unknown',
        'Not answered',
      ]);
      await expect(documentOrder(page, ['#questionnaire', '#result [data-status]'])).resolves.toEqual([
        '#result [data-status]',
        '#questionnaire',
      ]);
      await page.screenshot({ path: resolve(artifacts, 'workbench-record-questionnaire-en.png'), fullPage: true });

      await answerNo(page);
      await page.click('#answer-button');
      await expect(status(page)).resolves.toBe('eligible');
      await expect(page.locator('#questionnaire').count()).resolves.toBe(0);
      // Each fact with its source: the record's resource, or the answer.
      const sources = page.locator('#facts-sources li');
      await expect(
        sources.evaluateAll((items) => items.map((item) => `${item.dataset['fact']}:${item.dataset['sources']}`)),
      ).resolves.toEqual([
        'ageYears:record',
        'oncologicalDisease:answer',
        'pregnant:answer',
        'coagulationDisorder:answer',
        'acuteInfection:answer',
        'acuteMentalIllness:answer',
        'psychotropicInfluence:answer',
        'anticoagulantTherapy:record',
      ]);
      await expect(page.locator('#facts-sources li[data-fact="ageYears"]').textContent()).resolves.toBe(
        'Age (completed years): 53 — the record: Patient sample-patient',
      );

      // The region the record suggests is chosen already, and said to be the record's.
      await expect(page.locator('#region').inputValue()).resolves.toBe('lumbosacral');
      await expect(page.locator('#region-suggestion').textContent()).resolves.toBe(
        'Suggested by the record: lumbosacral (Condition sample-low-back-pain).',
      );
      await planCourse(page, undefined, '09:30');
      const cards = page.locator('#calendar li.session');
      await expect(cards.count()).resolves.toBe(10);
      await expect(page.locator('#calendar li.week').count()).resolves.toBe(5);
      await expect(page.locator('.phase-legend li').allTextContents()).resolves.toEqual([
        'Phase 1, stop the pain from pinched nerve roots: sessions 1 to 3.',
        'Phase 2, ease muscle spasm and inflammation: sessions 4 to 6.',
        'Phase 3, restore circulation and metabolism: sessions 7 to 8.',
        'Phase 4, consolidate the result: sessions 9 to 10.',
      ]);
      await expect(cards.nth(0).locator('.session-steps li').allTextContents()).resolves.toEqual([
        'treat the site with an antiseptic',
        'insert the needles',
        'leave the needles in place for 30 min',
        'remove the needles',
        'treat the site with an antiseptic again',
      ]);
      await page.screenshot({ path: resolve(artifacts, 'workbench-course-en.png'), fullPage: true });
      const sessions = await cards.evaluateAll((items) =>
        items.map((item) => ({
          number: Number(item.dataset['session']),
          date: item.dataset['date'] ?? '',
          minutes: Number(item.dataset['minutes']),
        })),
      );

      // The calendar file: one event per session, on its date, at 09:30, for its minutes.
      const ics = await download(page, '#download-ics');
      expect(ics.name).toMatch(/^acuspine-course-[0-9a-f-]{36}\.ics$/);
      expect(ics.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
      const events = new ICAL.Component(ICAL.parse(ics.text))
        .getAllSubcomponents('vevent')
        .map((vevent) => new ICAL.Event(vevent));
      expect(
        events.map((event) => ({
          number: Number(event.uid.split('-')[0]),
          date: event.startDate.toString().slice(0, 10),
          minutes: event.duration.toSeconds() / 60,
        })),
      ).toEqual(sessions);
      for (const event of events) {
        expect([event.startDate.hour, event.startDate.minute]).toEqual([9, 30]);
        expect(event.uid).toMatch(/^\d+-course-[0-9a-f-]{36}@acuspine\.local$/);
      }
      expect(events[0]?.summary).toBe('Acupuncture, lumbosacral spine: session 1 of 10');

      // The FHIR bundle: the screening, the answers, the course and its plan, each valid R4.
      const fhir = await download(page, '#download-fhir');
      expect(fhir.name).toMatch(/^acuspine-screening-[0-9a-f-]{36}\.json$/);
      const bundle = JSON.parse(fhir.text) as { resourceType: string; type: string; entry: { resource: Written }[] };
      expect([bundle.resourceType, bundle.type]).toEqual(['Bundle', 'collection']);
      const resources = bundle.entry.map((entry) => entry.resource);
      expect(resources.map((resource) => resource.resourceType)).toEqual([
        'GuidanceResponse',
        'QuestionnaireResponse',
        'ServiceRequest',
        'CarePlan',
      ]);
      for (const resource of resources) expect(validateR4(resource), resource.resourceType).toEqual([]);
      const [guidance, answers, request, plan] = resources as [Written, Written, Written, Written];
      expect(guidance.subject?.reference).toBe('Patient/sample-patient');
      expect(answers.item?.map((item) => item.linkId)).toEqual([...protocolBooleanFacts]);
      expect(request.occurrenceTiming?.repeat.count).toBe(10);
      expect(request.occurrenceTiming?.repeat.boundsPeriod.start).toBe(sessions[0]?.date);
      expect(request.reasonReference).toEqual([{ reference: 'Condition/sample-low-back-pain' }]);
      expect(plan.activity).toEqual([{ reference: { reference: `ServiceRequest/${request.id}` } }]);
    });
  });

  test('incomplete by hand, then answered through the page’s questionnaire: as the answers imply', async () => {
    await withPage(async (page) => {
      await page.fill('#age', '52');
      await page.click('#screen-button');
      await expect(status(page)).resolves.toBe('incomplete');
      await expect(asked(page)).resolves.toEqual([...protocolBooleanFacts]);

      // "Unknown" records nothing: pregnancy is asked again, the rest is recorded.
      await answerNo(page, LOINC_UNKNOWN);
      await page.click('#answer-button');
      await expect(status(page)).resolves.toBe('incomplete');
      await expect(page.locator('#facts-sources li[data-fact="pregnant"]').count()).resolves.toBe(0);
      await expect(page.isChecked('#q-coagulationDisorder-no')).resolves.toBe(true);

      // Pregnant: contraindicated, and the questionnaire withdraws; what decided it comes first.
      await page.check(`#q-pregnant-${LOINC_PREGNANT}`);
      await page.click('#answer-button');
      await expect(status(page)).resolves.toBe('contraindicated');
      await expect(page.locator('#questionnaire').count()).resolves.toBe(0);
      await expect(page.locator('#findings').textContent()).resolves.toContain('Pregnancy is recorded');
      await expect(page.locator('#facts-sources li[data-fact="pregnant"]').textContent()).resolves.toBe(
        'Pregnancy: Yes — an answer in the questionnaire',
      );
      await expect(page.locator('#plan').isHidden()).resolves.toBe(true);

      // The clinician changes the answer: not pregnant, and the patient is eligible.
      await page.click('#change-answers');
      await page.check(`#q-pregnant-${LOINC_NOT_PREGNANT}`);
      await page.click('#answer-button');
      await expect(status(page)).resolves.toBe('eligible');
      await expect(page.locator('#plan').isVisible()).resolves.toBe(true);
    });
  });

  test('contraindicated: what decided it first, the unknowns folded away, and no questionnaire pushed', async () => {
    await withPage(async (page) => {
      await page.fill('#age', '80');
      await page.click('#screen-button');
      await expect(status(page)).resolves.toBe('contraindicated');
      await expect(page.locator('#questionnaire').count()).resolves.toBe(0);
      const unknowns = page.locator('#unknowns');
      await expect(unknowns.getAttribute('open')).resolves.toBeNull();
      await expect(unknowns.locator('summary').textContent()).resolves.toBe(
        'Facts not recorded (6): their answers cannot change this result',
      );
      await expect(
        unknowns.locator('ol.questions li').evaluateAll((items) => items.map((item) => item.dataset['fact'])),
      ).resolves.toEqual([...protocolBooleanFacts]);
      await expect(documentOrder(page, ['#unknowns', '#findings', '#result [data-status]'])).resolves.toEqual([
        '#result [data-status]',
        '#findings',
        '#unknowns',
      ]);
      await expect(page.locator('#findings li').textContent()).resolves.toContain('over 75 completed years');
      await expect(page.locator('#plan').isHidden()).resolves.toBe(true);
      await page.screenshot({ path: resolve(artifacts, 'workbench-contraindicated-en.png'), fullPage: true });

      // The export holds the screening alone: no course, no calendar.
      const fhir = await download(page, '#download-fhir');
      const bundle = JSON.parse(fhir.text) as { entry: { resource: { resourceType: string } }[] };
      expect(bundle.entry.map((entry) => entry.resource.resourceType)).toEqual(['GuidanceResponse']);
      expect(validateR4(bundle.entry[0]?.resource)).toEqual([]);
      await expect(page.locator('#download-ics').isHidden()).resolves.toBe(true);
    });
  });

  test('a referral: with the red flags on, a red flag refers first, before the contraindication it outranks', async () => {
    await withPage(async (page) => {
      await page.check('#use-red-flags');
      await enterByHand(page, '58', { pregnant: 'yes' });
      await page.check('#saddleAnaesthesia-yes');
      await page.click('#screen-button');
      await expect(status(page)).resolves.toBe('refer');
      await expect(page.locator('#result .status-label').textContent()).resolves.toBe('Assess or refer first');
      await expect(documentOrder(page, ['#findings', '#referrals', '#unknowns'])).resolves.toEqual([
        '#referrals',
        '#findings',
        '#unknowns',
      ]);
      await expect(page.locator('#referrals li').getAttribute('data-rule')).resolves.toBe('cauda-equina-syndrome');
      await expect(page.locator('#findings').textContent()).resolves.toContain('Pregnancy is recorded');
      await expect(page.locator('#questionnaire').count()).resolves.toBe(0);
      // The red flags left open stand as unknowns: none of them could change a referral.
      const unknowns = await page
        .locator('#unknowns ol.questions li')
        .evaluateAll((items) => items.map((item) => item.dataset['fact'] ?? ''));
      expect(unknowns.length).toBeGreaterThan(0);
      expect(redFlagFactNames).toEqual(expect.arrayContaining(unknowns));
      expect(unknowns).not.toContain('saddleAnaesthesia');
      await expect(page.locator('#plan').isHidden()).resolves.toBe(true);
      await page.screenshot({ path: resolve(artifacts, 'workbench-refer-en.png'), fullPage: true });
    });
  });

  test('a record and an answer that disagree: the conflict is named, the fact unrecorded until a decision with a reason', async () => {
    await withPage(async (page) => {
      await page.fill('#on', '2026-03-02');
      await page.setInputFiles('#record-file', {
        name: 'pregnant.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(pregnantRecord)),
      });
      await expect(page.locator('#record-facts li[data-fact="pregnant"]').textContent()).resolves.toContain(
        'Pregnancy: Yes',
      );
      await expect(page.locator('#record-regions li').getAttribute('data-region')).resolves.toBe('cervical');
      await page.click('#screen-button');
      await expect(status(page)).resolves.toBe('contraindicated');

      // The clinician asks again what the record says: only that question, though the result is decided.
      await page.getByRole('button', { name: 'Ask again: Pregnancy' }).click();
      await expect(asked(page)).resolves.toEqual(['pregnant']);
      await page.check(`#q-pregnant-${LOINC_NOT_PREGNANT}`);
      await page.click('#answer-button');

      const conflict = page.locator('#conflicts li[data-fact="pregnant"]');
      await expect(conflict.locator('.sentence').textContent()).resolves.toBe(
        'Pregnancy: the record says “Yes (Observation preg-status)”, the answer says “No”.',
      );
      // Unrecorded: not among the facts screened, and asked for again.
      await expect(status(page)).resolves.toBe('incomplete');
      await expect(page.locator('#facts-sources li[data-fact="pregnant"]').count()).resolves.toBe(0);
      await expect(asked(page)).resolves.toContain('pregnant');
      await page.screenshot({ path: resolve(artifacts, 'workbench-conflict-en.png'), fullPage: true });

      await page.getByLabel('Русский').check();
      await expect(conflict.locator('.sentence').textContent()).resolves.toBe(
        'Беременность: в карте — «Да (Observation preg-status)», в ответе — «Нет».',
      );
      await page.getByLabel('English').check();

      // A decision needs a reason: without one, nothing changes.
      await page.check('#resolve-pregnant-answer');
      await conflict.getByRole('button', { name: 'Record the decision' }).click();
      await expect(page.locator('#resolve-pregnant-reason').getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(page.locator('#conflicts').count()).resolves.toBe(1);
      await page.fill('#resolve-pregnant-reason', 'Delivered in February; the record is out of date');
      await conflict.getByRole('button', { name: 'Record the decision' }).click();
      await expect(page.locator('#conflicts').count()).resolves.toBe(0);
      await expect(page.locator('#facts-sources li[data-fact="pregnant"]').textContent()).resolves.toBe(
        'Pregnancy: No — the clinician’s decision (Delivered in February; the record is out of date); the record: Observation preg-status; an answer in the questionnaire',
      );
    });
  });

  test('a record dropped on the page is read; a file that is not JSON is refused in words', async () => {
    await withPage(async (page) => {
      const drop = (name: string, text: string) =>
        page.evaluate(
          ([fileName, content]) => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([content as string], fileName as string, { type: 'application/json' }));
            const zone = document.getElementById('drop-zone') as HTMLElement;
            zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
          },
          [name, text],
        );
      await drop('notes.txt', 'hello');
      await expect(page.locator('#record [role="alert"]').textContent()).resolves.toBe(
        'notes.txt is not a .json file.',
      );
      await drop('broken.json', '{"resourceType": "Bundle",');
      await expect(page.locator('#record [role="alert"]').textContent()).resolves.toBe(
        'The file broken.json is not JSON.',
      );
      await drop(
        'two.json',
        JSON.stringify([
          { resourceType: 'Patient', id: 'a' },
          { resourceType: 'Patient', id: 'b' },
        ]),
      );
      await expect(page.locator('#record [role="alert"]').textContent()).resolves.toContain(
        'The file two.json could not be read as a FHIR record:',
      );
      await page.fill('#on', '2026-03-02');
      await drop('pregnant.json', JSON.stringify(pregnantRecord));
      await expect(page.locator('#record .record-head').textContent()).resolves.toBe(
        'Record pregnant.json, read as of 2026-03-02. Patient p-preg',
      );
      // Forgetting the record brings back the form.
      await page.click('#forget-record');
      await expect(page.locator('#record').textContent()).resolves.toBe('');
      await expect(page.locator('#hand-facts').isVisible()).resolves.toBe(true);
    });
  });

  test('keyboard only, through the whole path: the sample record, the questionnaire, the course, its calendar file', async () => {
    await withPage(async (page) => {
      await tabTo(page, 'on');
      await page.keyboard.type('03022026');
      await tabTo(page, 'sample-button');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#record-facts');
      const passed = await tabTo(page, 'screen-button');
      expect(passed).toEqual(expect.arrayContaining(['use-cautions', 'use-red-flags', 'use-clinic']));
      await page.keyboard.press('Enter');
      await expect(status(page)).resolves.toBe('incomplete');

      // Each question is one stop, entered on "not answered"; the arrow keys choose.
      await tabTo(page, 'q-oncologicalDisease-none');
      for (const fact of protocolBooleanFacts) {
        if (fact !== 'oncologicalDisease') await page.keyboard.press('Tab');
        await expect(activeId(page)).resolves.toBe(`q-${fact}-none`);
        await page.keyboard.press('ArrowUp');
        if (fact === 'pregnant') await page.keyboard.press('ArrowUp');
        await expect(activeId(page)).resolves.toBe(
          fact === 'pregnant' ? `q-pregnant-${LOINC_NOT_PREGNANT}` : `q-${fact}-no`,
        );
      }
      await page.keyboard.press('Tab');
      await expect(activeId(page)).resolves.toBe('answer-button');
      await page.keyboard.press('Enter');
      await expect(status(page)).resolves.toBe('eligible');
      // The focus goes to the result, so that the next Tab continues from it.
      await expect(activeId(page)).resolves.toBe('result');

      await tabTo(page, 'region');
      await expect(page.locator('#region').inputValue()).resolves.toBe('lumbosacral');
      await page.keyboard.press('Tab');
      await expect(activeId(page)).resolves.toBe('start');
      await page.keyboard.type('03022026');
      await tabTo(page, 'plan-button');
      await page.keyboard.press('Space');
      await expect(page.locator('#calendar li.session').count()).resolves.toBe(10);
      await expect(page.locator('#calendar li.session').first().getAttribute('data-date')).resolves.toBe('2026-03-02');

      // On to the calendar file, and Enter downloads it.
      await tabTo(page, 'download-ics', 80);
      const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      expect(file.suggestedFilename()).toMatch(/\.ics$/);
    });
  });

  test('a 390 px phone: nothing wider than the screen, every calendar card on it, in English and Russian', async () => {
    await withPage(
      async (page) => {
        await screenSample(page);
        expect(await pageScrollWidth(page)).toBeLessThanOrEqual(390);
        await page.screenshot({ path: resolve(artifacts, 'workbench-questionnaire-390-en.png'), fullPage: true });
        await answerNo(page);
        await page.click('#answer-button');
        await planCourse(page);
        for (const language of ['English', 'Русский']) {
          await page.getByLabel(language).check();
          expect(await pageScrollWidth(page)).toBeLessThanOrEqual(390);
          const boxes = await page.locator('#calendar li.session').evaluateAll((cards) =>
            cards.map((card) => {
              const box = card.getBoundingClientRect();
              return { left: box.left, right: box.right };
            }),
          );
          expect(boxes).toHaveLength(10);
          for (const box of boxes) {
            expect(box.left).toBeGreaterThanOrEqual(0);
            expect(box.right).toBeLessThanOrEqual(390);
          }
          const code = language === 'English' ? 'en' : 'ru';
          await page.locator('#plan').screenshot({ path: resolve(artifacts, `workbench-course-390-${code}.png`) });
        }
      },
      { width: 390 },
    );
  });

  test('accessibility: axe-core finds no serious or critical violation in any state, in English or Russian', async () => {
    await withPage(
      async (page) => {
        const check = async (state: string) => {
          for (const language of ['English', 'Русский']) {
            await page.getByLabel(language).check();
            expect(await seriousViolations(page), `${state}, ${language}`).toEqual([]);
          }
          await page.getByLabel('English').check();
        };
        await check('empty');
        await page.fill('#on', '2026-03-02');
        await page.setInputFiles('#record-file', {
          name: 'pregnant.json',
          mimeType: 'application/json',
          buffer: Buffer.from(JSON.stringify(pregnantRecord)),
        });
        await page.click('#screen-button');
        await page.click('#unknowns summary');
        await check('contraindicated by the record, the unknowns unfolded');
        await page.getByRole('button', { name: 'Ask again: Pregnancy' }).click();
        await check('a question asked again');
        await page.check(`#q-pregnant-${LOINC_NOT_PREGNANT}`);
        await page.click('#answer-button');
        await check('a conflict, and the questionnaire');

        await page.click('#forget-record');
        await page.click('#sample-button');
        await page.waitForSelector('#record-facts');
        await page.check('#use-red-flags');
        await page.click('#screen-button');
        await answerNo(page);
        await page.click('#answer-button');
        await page.click('#facts-sources summary');
        await check('the sample answered, with the red flags');

        // Without the red flags, the answers already given settle the screening.
        await page.uncheck('#use-red-flags');
        await page.click('#screen-button');
        await expect(status(page)).resolves.toBe('eligible');
        await page.click('#record-notes summary');
        await planCourse(page, undefined, '08:15');
        await page.click('#calendar li.session summary');
        await check('a course planned, and the export');
      },
      { axe: true },
    );
  });

  test('print: the screening’s summary and the course without the controls; the Print button prints', async () => {
    await withPage(async (page) => {
      await enterByHand(page, '52');
      await page.click('#screen-button');
      await planCourse(page, 'cervical');
      await page.evaluate(() => {
        (window as unknown as { printed: number }).printed = 0;
        window.print = () => {
          (window as unknown as { printed: number }).printed += 1;
        };
      });
      await page.click('#print-button');
      await expect(page.evaluate(() => (window as unknown as { printed: number }).printed)).resolves.toBe(1);

      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await page.emulateMedia({ media: 'print' });
      const shown = (selector: string) =>
        page
          .locator(selector)
          .first()
          .evaluate((element) => getComputedStyle(element).display !== 'none');
      for (const control of ['#facts-form', '#record-card', '#plan-form', '#export', 'fieldset.language']) {
        await expect(shown(control), control).resolves.toBe(false);
      }
      for (const kept of ['#result .status', '#course .summary', '#calendar']) {
        await expect(shown(kept), kept).resolves.toBe(true);
      }
      // Every session's steps are open for the print, and close again after it.
      await expect(page.locator('#course details:not([open])').count()).resolves.toBe(0);
      await page.screenshot({ path: resolve(artifacts, 'workbench-print.png'), fullPage: true });
      await page.emulateMedia({ media: 'screen' });
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      await expect(page.locator('#course details[open]').count()).resolves.toBe(0);
    });
  });

  test('the demo server maps /acuspine/fhir.js and its source map to the build', async () => {
    const script = await fetch(`${baseUrl()}acuspine/fhir.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toMatch(/export \{[^}]*\bmergeRecordAndAnswers\b/);
    const map = await fetch(`${baseUrl()}acuspine/fhir.js.map`);
    expect(map.status).toBe(200);
    await map.arrayBuffer();
    // The sample record is served beside the page, and it is the synthetic patient the page says.
    const sample = JSON.parse(readFileSync(resolve(root, 'examples/browser/sample-record.json'), 'utf8'));
    const served = await fetch(`${baseUrl()}sample-record.json`);
    expect(await served.json()).toEqual(sample);
  });
});
