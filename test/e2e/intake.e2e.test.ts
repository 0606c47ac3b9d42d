// End-to-end: the clinician's workbench (examples/browser/index.html) with the facts entered by
// hand, as the intake page took them, in Debian's headless Chromium driven by playwright-core,
// against the library's ESM build served by scripts/serve-demo.mjs (see workbench-harness.ts).
// The record, the questionnaire, the calendar and the export are tested in workbench.e2e.test.ts.
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { redFlagFactNames } from '../../src/index.js';
import { activeId, artifacts, status, useWorkbench } from './workbench-harness.js';

const protocolBooleanFacts = [
  'oncologicalDisease',
  'pregnant',
  'coagulationDisorder',
  'acuteInfection',
  'acuteMentalIllness',
  'psychotropicInfluence',
] as const;
const cautionFacts = [
  'anticoagulantTherapy',
  'pacemaker',
  'electroacupuncturePlanned',
  'skinLesionAtSite',
  'needlePhobia',
  'epilepsy',
] as const;
/** The example clinic's own facts, which the page declares in its rule set. */
const clinicFacts = ['recentSpinalSurgery', 'metalAllergy'] as const;

const { withPage: withWorkbench } = useWorkbench();

/** A fresh page of the workbench, opened with `query`. */
function withPage(run: (page: Page) => Promise<void>, query = ''): Promise<void> {
  return withWorkbench(run, { query });
}

async function answerAll(page: Page, facts: readonly string[], choice: 'yes' | 'no' | 'unknown'): Promise<void> {
  for (const fact of facts) await page.check(`#${fact}-${choice}`);
}

/** A session of the planned course as its card shows it: number, date, weekday, minutes, phase. */
async function sessionCard(page: Page, number: number): Promise<string[]> {
  const card = page.locator(`#calendar li.session[data-session="${number}"]`);
  return [
    (await card.locator('.session-title').textContent()) ?? '',
    (await card.locator('time').textContent()) ?? '',
    ((await card.locator('.session-date').textContent()) ?? '').split(', ')[1] ?? '',
    (await card.locator('.session-minutes').textContent()) ?? '',
    (await card.locator('.session-phase').textContent()) ?? '',
  ];
}

/** Controls without a non-empty accessible name, and radios outside a fieldset with a legend. */
async function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const control of Array.from(document.querySelectorAll<HTMLElement>('input, select, textarea, button'))) {
      const name = control.id || control.getAttribute('name') || control.outerHTML.slice(0, 60);
      const labelList = 'labels' in control ? (control as HTMLInputElement).labels : null;
      const labels = labelList === null ? [] : Array.from(labelList);
      const labelledBy = (control.getAttribute('aria-labelledby') ?? '')
        .split(/\s+/)
        .map((id: string) => document.getElementById(id)?.textContent ?? '');
      const texts = [
        ...labels.map((label) => label.textContent ?? ''),
        ...labelledBy,
        control.getAttribute('aria-label') ?? '',
        control.tagName === 'BUTTON' ? (control.textContent ?? '') : '',
      ];
      if (!texts.some((text) => text.trim() !== '')) problems.push(`${name}: no label`);
      if (control instanceof HTMLInputElement && control.type === 'radio') {
        const legend = control.closest('fieldset')?.querySelector(':scope > legend')?.textContent ?? '';
        if (legend.trim() === '') problems.push(`${name}: radio group without a legend`);
      }
    }
    return problems;
  });
}

describe('the workbench with the facts entered by hand, as on the intake page', { timeout: 60_000 }, () => {
  test('states that it is decision support for clinicians, not a medical device', async () => {
    await withPage(async (page) => {
      await expect(page.locator('#notice').textContent()).resolves.toContain(
        'Decision support for qualified clinicians, not a medical device.',
      );
      await expect(page.locator('#result').getAttribute('aria-live')).resolves.toBe('polite');
      // Every fact starts as "not recorded", never as "no".
      for (const fact of [...protocolBooleanFacts, ...cautionFacts, ...redFlagFactNames, ...clinicFacts]) {
        await expect(page.isChecked(`#${fact}-unknown`)).resolves.toBe(true);
      }
    });
  });

  test('an 80-year-old is contraindicated by the age rule, with its source, and gets no course', async () => {
    await withPage(async (page) => {
      await page.getByLabel('Age, in completed years').fill('80');
      await answerAll(page, protocolBooleanFacts, 'no');
      await page.getByRole('button', { name: 'Screen' }).click();

      await expect(status(page)).resolves.toBe('contraindicated');
      const result = (await page.locator('#result').textContent()) ?? '';
      expect(result).toContain('Contraindicated');
      expect(result).toContain('refer the patient for another method of treatment');
      const findings = await page.locator('#findings li').allTextContents();
      expect(findings).toHaveLength(1);
      expect(findings[0]).toContain('over 75 completed years');
      expect(findings[0]).toContain('Source: Osteochondrosis and acupuncture, section “Contraindications”, item 1');
      await expect(page.locator('#questions').count()).resolves.toBe(0);
      await expect(page.locator('#plan').isHidden()).resolves.toBe(true);
      await page.screenshot({ path: resolve(artifacts, 'intake-contraindicated-en.png'), fullPage: true });

      // Clearing the form puts every fact back to "not recorded" and drops the result.
      await page.getByRole('button', { name: 'Clear the form' }).click();
      await expect(page.locator('#result').textContent()).resolves.toBe('Enter the facts and press Screen.');
      await expect(page.getByLabel('Age, in completed years').inputValue()).resolves.toBe('');
      for (const fact of protocolBooleanFacts) await expect(page.isChecked(`#${fact}-unknown`)).resolves.toBe(true);
    });
  });

  test('a patient with facts not recorded is incomplete, and the page asks for each missing fact', async () => {
    await withPage(async (page) => {
      await page.getByLabel('Age, in completed years').fill('52');
      await page.check('#oncologicalDisease-no');
      await page.check('#pregnant-no');
      await page.getByRole('button', { name: 'Screen' }).click();

      await expect(status(page)).resolves.toBe('incomplete');
      const asked = await page
        .locator('#questions li')
        .evaluateAll((items) => items.map((item) => item.dataset['fact']));
      expect(asked).toEqual(['coagulationDisorder', 'acuteInfection', 'acuteMentalIllness', 'psychotropicInfluence']);
      await expect(page.locator('#questions').textContent()).resolves.toContain(
        'Does the patient have a disorder of blood clotting?',
      );
      await expect(page.locator('#plan').isHidden()).resolves.toBe(true);
      await page.screenshot({ path: resolve(artifacts, 'intake-incomplete-en.png'), fullPage: true });

      // An age that is not an age counts as not recorded, and the page says why.
      await page.getByLabel('Age, in completed years').fill('200');
      await expect(page.locator('#result').textContent()).resolves.toContain('press Screen again');
      await page.getByRole('button', { name: 'Screen' }).click();
      await expect(status(page)).resolves.toBe('incomplete');
      await expect(page.locator('#questions li[data-fact="ageYears"]').textContent()).resolves.toContain(
        'is not an age from 0 to 149 years',
      );
    });
  });

  test('an eligible patient gets a planned course of 10 sessions, shown again in Russian', async () => {
    await withPage(async (page) => {
      await page.getByLabel('Age, in completed years').fill('52');
      await answerAll(page, protocolBooleanFacts, 'no');
      await page.getByRole('button', { name: 'Screen' }).click();
      await expect(status(page)).resolves.toBe('eligible');
      await expect(page.locator('#result').textContent()).resolves.toContain('No contraindication found');
      await expect(page.locator('#result-details details.checked').textContent()).resolves.toContain(
        'Source: Osteochondrosis and acupuncture, section “Contraindications”, item 3',
      );

      await expect(page.locator('#plan').isVisible()).resolves.toBe(true);
      await page.getByLabel('Spinal region').selectOption('lumbosacral');
      await page.getByLabel('Earliest date of the first session').fill('2026-03-02');
      await page.getByRole('button', { name: 'Plan the course' }).click();

      await expect(page.locator('#calendar li.session').count()).resolves.toBe(10);
      await expect(sessionCard(page, 1)).resolves.toEqual([
        'Session 1',
        '2026-03-02',
        'Monday',
        '30 min',
        'Phase 1: stop the pain from pinched nerve roots',
      ]);
      await expect(sessionCard(page, 10).then((card) => card[4])).resolves.toBe('Phase 4: consolidate the result');
      await expect(page.locator('#course .summary').textContent()).resolves.toBe(
        'Planned course of acupuncture for osteochondrosis of the lumbosacral spine, from 2026-03-02 to 2026-04-02.',
      );
      await page.screenshot({ path: resolve(artifacts, 'intake-eligible-en.png'), fullPage: true });

      await page.getByLabel('Русский').check();
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ru');
      await expect(page.locator('html[lang="ru"]').count()).resolves.toBe(1);
      await expect(page.title()).resolves.toBe('acuspine: рабочее место врача');
      await expect(page.locator('#screen-button').textContent()).resolves.toBe('Провести скрининг');
      await expect(page.locator('#result .status-label').textContent()).resolves.toBe('Противопоказаний не выявлено');
      await expect(page.locator('legend[data-question="pregnant"]').textContent()).resolves.toBe(
        'Есть ли в настоящее время беременность?',
      );
      await expect(page.locator('#calendar li.session').count()).resolves.toBe(10);
      await expect(sessionCard(page, 1)).resolves.toEqual([
        'Сеанс 1',
        '02.03.2026',
        'понедельник',
        '30 мин',
        'Этап 1: купирование боли, вызванной ущемлением нервных корешков',
      ]);
      await expect(page.locator('#course .summary').textContent()).resolves.toContain(
        'пояснично-крестцового отдела позвоночника',
      );
      await expect(unlabelledControls(page)).resolves.toEqual([]);
      await page.screenshot({ path: resolve(artifacts, 'intake-eligible-ru.png'), fullPage: true });

      // Back to English: the same course, relabelled.
      await page.getByLabel('English').check();
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
      await expect(sessionCard(page, 1).then((card) => card[1])).resolves.toBe('2026-03-02');
    });
  });

  test('a course is refused in words when the start date is not a date', async () => {
    await withPage(async (page) => {
      await page.getByLabel('Age, in completed years').fill('52');
      await answerAll(page, protocolBooleanFacts, 'no');
      await page.getByRole('button', { name: 'Screen' }).click();
      await page.getByLabel('Spinal region').selectOption('cervical');
      await page.getByLabel('Earliest date of the first session').fill('');
      await page.getByRole('button', { name: 'Plan the course' }).click();
      await expect(page.locator('#course [role="alert"]').textContent()).resolves.toContain(
        'Start date: the value is not a calendar date in the form YYYY-MM-DD.',
      );
      await expect(page.locator('#calendar').count()).resolves.toBe(0);
    });
  });

  test('with the cautions chosen, a recorded caution gives caution and the course carries it', async () => {
    await withPage(async (page) => {
      await expect(page.locator('#caution-facts').isHidden()).resolves.toBe(true);
      await page.getByLabel('Also screen for cautions from published guidance').check();
      await expect(page.locator('#caution-facts').isVisible()).resolves.toBe(true);
      await page.getByLabel('Age, in completed years').fill('61');
      await answerAll(page, [...protocolBooleanFacts, ...cautionFacts], 'no');
      await page.check('#epilepsy-yes');
      await page.getByRole('button', { name: 'Screen' }).click();

      await expect(status(page)).resolves.toBe('caution');
      await expect(page.locator('#findings').textContent()).resolves.toContain(
        'Epilepsy or another seizure disorder is recorded',
      );
      await expect(page.locator('#result-details .rule-set').textContent()).resolves.toBe(
        'Rule set protocol-and-cautions, version 1.0.0.',
      );
      await page.getByLabel('Spinal region').selectOption('cervical');
      await page.getByRole('button', { name: 'Plan the course' }).click();
      await expect(page.locator('#calendar li.session').count()).resolves.toBe(10);
      await expect(page.locator('#course .course-lines').textContent()).resolves.toContain(
        'Cautions from the screening, for the clinician to weigh at each session: epilepsy.',
      );
    });
  });

  test('keyboard only: a clinician records the facts, screens and plans a course without the mouse', async () => {
    await withPage(async (page) => {
      // The first stops: the language switch, then the record's file input, its reference date
      // (a stop per part of the date) and the sample button, then the age.
      await page.keyboard.press('Tab');
      await expect(activeId(page)).resolves.toBe('language-en');
      const passed: string[] = [];
      for (let step = 0; step < 8 && (await activeId(page)) !== 'age'; step++) {
        await page.keyboard.press('Tab');
        passed.push(await activeId(page));
      }
      expect(passed[0]).toBe('record-file');
      expect(passed).toContain('on');
      expect(passed.at(-2)).toBe('sample-button');
      await expect(activeId(page)).resolves.toBe('age');
      await page.keyboard.type('52');

      // Each radio group is one stop, entered on its chosen answer ("not recorded"); an arrow key moves to "no".
      for (const fact of protocolBooleanFacts) {
        await page.keyboard.press('Tab');
        await expect(activeId(page)).resolves.toBe(`${fact}-unknown`);
        await page.keyboard.press('ArrowUp');
        await expect(activeId(page)).resolves.toBe(`${fact}-no`);
        await expect(page.isChecked(`#${fact}-no`)).resolves.toBe(true);
      }
      for (const box of ['use-cautions', 'use-red-flags', 'use-clinic']) {
        await page.keyboard.press('Tab');
        await expect(activeId(page)).resolves.toBe(box);
      }
      await page.keyboard.press('Tab');
      await expect(activeId(page)).resolves.toBe('screen-button');
      // The focus is visible: a solid outline on the focused button.
      await expect(
        page.evaluate(() => {
          const style = getComputedStyle(document.activeElement as Element);
          return `${style.outlineStyle} ${style.outlineWidth}`;
        }),
      ).resolves.toBe('solid 3px');
      await page.keyboard.press('Enter');
      await expect(status(page)).resolves.toBe('eligible');

      // On through the result to the plan: clear, the facts and their sources, the checked rules, the region.
      await page.keyboard.press('Tab');
      await expect(activeId(page)).resolves.toBe('clear-button');
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.closest('details')?.id)).resolves.toBe('facts-sources');
      await page.keyboard.press('Tab');
      await expect(activeId(page)).resolves.toBe('summary');
      await page.keyboard.press('Tab');
      await expect(activeId(page)).resolves.toBe('region');
      for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowDown');
      await expect(page.locator('#region').inputValue()).resolves.toBe('lumbosacral');
      await page.keyboard.press('Tab');
      await expect(activeId(page)).resolves.toBe('start');
      await page.getByLabel('Earliest date of the first session').fill('2026-03-02');
      // A date field has a stop per part (month, day, year), and so has the time: Tab on until the Plan button.
      for (let step = 0; step < 8 && (await activeId(page)) !== 'plan-button'; step++) await page.keyboard.press('Tab');
      await expect(activeId(page)).resolves.toBe('plan-button');
      await page.keyboard.press('Space');

      await expect(page.locator('#calendar li.session').count()).resolves.toBe(10);
      await expect(sessionCard(page, 1).then((card) => card[1])).resolves.toBe('2026-03-02');
    });
  });

  test('every input and select has a label, and every radio group a legend, in both languages', async () => {
    await withPage(async (page) => {
      for (const box of ['#use-cautions', '#use-red-flags', '#use-clinic']) await page.check(box);
      await expect(unlabelledControls(page)).resolves.toEqual([]);
      const controls = await page.locator('input, select').count();
      // 1 language switch (2) + the record's file and reference date + age + 6 protocol, 6
      // caution, 20 red-flag and 2 clinic facts (3 each) + the three boxes + region, start date
      // and time + the patient id of the export.
      expect(controls).toBe(2 + 2 + 1 + (6 + 6 + 20 + 2) * 3 + 3 + 3 + 1);
      await page.getByLabel('Русский').check();
      await expect(unlabelledControls(page)).resolves.toEqual([]);
      await expect(page.getByLabel('Возраст, полных лет').count()).resolves.toBe(1);
    });
  });

  test('a clinic’s own facts are asked by their labels, and its own red flag refers with its urgency', async () => {
    await withPage(async (page) => {
      await expect(page.locator('#clinic-facts').isHidden()).resolves.toBe(true);
      await page.check('#use-clinic');
      await expect(page.locator('#clinic-facts').isVisible()).resolves.toBe(true);
      await expect(page.locator('legend[data-own-fact="recentSpinalSurgery"]').textContent()).resolves.toBe(
        'Spinal surgery in the last 6 months',
      );
      await expect(page.locator('legend[data-own-fact="metalAllergy"]').textContent()).resolves.toBe(
        'Allergy to metals such as nickel',
      );

      // Not recorded: the screening asks for it, by its label.
      await page.getByLabel('Age, in completed years').fill('52');
      await answerAll(page, protocolBooleanFacts, 'no');
      await page.check('#metalAllergy-no');
      await page.getByRole('button', { name: 'Screen' }).click();
      await expect(status(page)).resolves.toBe('incomplete');
      await expect(page.locator('#questions li[data-fact="recentSpinalSurgery"]').textContent()).resolves.toContain(
        'Spinal surgery in the last 6 months',
      );
      await expect(page.locator('#result-details .rule-set').textContent()).resolves.toBe(
        'Rule set protocol-and-clinic, version 1.0.0.',
      );

      // Recorded as yes: the clinic's own red flag refers, routinely, and no course is offered.
      await page.check('#recentSpinalSurgery-yes');
      await page.getByRole('button', { name: 'Screen' }).click();
      await expect(status(page)).resolves.toBe('refer');
      const referral = page.locator('#referrals li');
      await expect(referral.count()).resolves.toBe(1);
      await expect(referral.getAttribute('data-rule')).resolves.toBe('recent-spinal-surgery');
      await expect(referral.getAttribute('data-urgency')).resolves.toBe('routine');
      await expect(referral.locator('.urgency').textContent()).resolves.toBe('Assess or refer routinely');
      await expect(referral.textContent()).resolves.toContain('Source: Example clinic policy');
      await expect(page.locator('#findings').count()).resolves.toBe(0);
      await expect(page.locator('#plan').isHidden()).resolves.toBe(true);
      await page.screenshot({ path: resolve(artifacts, 'intake-clinic-refer-en.png'), fullPage: true });

      // In Russian: the labels the rule set gives in Russian, and the urgency in Russian words.
      await page.getByLabel('Русский').check();
      await expect(page.locator('legend[data-own-fact="recentSpinalSurgery"]').textContent()).resolves.toBe(
        'Операция на позвоночнике за последние 6 месяцев',
      );
      await expect(referral.locator('.urgency').textContent()).resolves.toBe(
        'Обследовать или направить в плановом порядке',
      );
      await expect(unlabelledControls(page)).resolves.toEqual([]);
    });
  });

  test('with the red flags chosen, present flags refer, the most urgent first, each with its urgency', async () => {
    await withPage(async (page) => {
      await expect(page.locator('#red-flag-facts').isHidden()).resolves.toBe(true);
      await page.check('#use-red-flags');
      await expect(page.locator('#red-flag-facts').isVisible()).resolves.toBe(true);
      await expect(page.locator('legend[data-question="saddleAnaesthesia"]').textContent()).resolves.toBe(
        'Is there numbness or altered sensation in the saddle area (perineum, buttocks, inner thighs)?',
      );
      await page.getByLabel('Age, in completed years').fill('58');
      await answerAll(page, [...protocolBooleanFacts, ...redFlagFactNames], 'no');
      // Listed in the page after the saddle area, but routine where that is an emergency.
      await page.check('#inflammatoryBackPain-yes');
      await page.check('#saddleAnaesthesia-yes');
      await page.getByRole('button', { name: 'Screen' }).click();

      await expect(status(page)).resolves.toBe('refer');
      await expect(page.locator('#result .status-label').textContent()).resolves.toBe('Assess or refer first');
      const referrals = page.locator('#referrals li');
      await expect(
        referrals.evaluateAll((items) => items.map((item) => [item.dataset['rule'], item.dataset['urgency']])),
      ).resolves.toEqual([
        ['cauda-equina-syndrome', 'emergency'],
        ['inflammatory-back-disease', 'routine'],
      ]);
      await expect(referrals.nth(0).locator('.urgency').textContent()).resolves.toBe('Assess or refer as an emergency');
      await expect(page.locator('#plan').isHidden()).resolves.toBe(true);
      await expect(page.locator('#result-details .rule-set').textContent()).resolves.toBe(
        'Rule set protocol-and-red-flags, version 1.0.0.',
      );
      await page.screenshot({ path: resolve(artifacts, 'intake-red-flags-en.png'), fullPage: true });

      // Clearing the form hides the red flags again, as the box goes back to unticked.
      await page.getByRole('button', { name: 'Clear the form' }).click();
      await expect(page.locator('#red-flag-facts').isHidden()).resolves.toBe(true);
    });
  });

  test('the page opens in Russian from ?lang=ru', async () => {
    await withPage(async (page) => {
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ru');
      await expect(page.locator('#notice').textContent()).resolves.toContain('не медицинское изделие');
      await page.screenshot({ path: resolve(artifacts, 'intake-empty-ru.png'), fullPage: true });
    }, '?lang=ru');
  });
});
