// The intake page: a clinician records the facts, screens, and plans a course for an eligible
// patient. Plain ES module, no framework; the demo server maps /acuspine.js to the library's
// ESM build (dist/index.js) and /acuspine/locales/ru.js to its Russian locale
// (dist/locales/ru.js, the entry point 'acuspine/locales/ru'). Every clinical sentence on the
// page comes from the library (explain, explainCourse, explainIssues and the locales' message
// catalogs), or, for the example clinic's own facts, from the labels its rule set declares; the
// dictionary below holds only the page's own labels.

import { ru } from '/acuspine/locales/ru.js';
import {
  buildCourse,
  cautionFactNames,
  cautionRuleSet,
  defineRuleSet,
  en,
  explain,
  explainCourse,
  explainIssues,
  protocolFactNames,
  protocolRuleSet,
  redFlagFactNames,
  redFlagRuleSet,
  screen,
  spinalRegions,
} from '/acuspine.js';

/** The page's own labels, per locale. Clinical wording is not here: it comes from the library. */
const ui = {
  en: {
    title: 'acuspine: intake screening',
    heading: 'Intake screening for acupuncture in spinal osteochondrosis',
    language: 'Language',
    noticeLead: 'Decision support for qualified clinicians, not a medical device.',
    noticeBody:
      'It applies the rules of the source protocol, and optionally cautions from published guidance, red flags that call for assessment or referral, and an example clinic’s own rules, and names the source of each rule. The decision to treat remains with the doctor.',
    privacy: 'Everything runs in this browser: nothing you enter is sent anywhere.',
    factsHeading: 'Patient facts',
    factsHint: 'Record only what you know. “Not recorded” is never read as “no”.',
    age: 'Age, in completed years',
    ageHint: 'Leave empty if not recorded.',
    protocolFacts: 'Contraindications in the source protocol',
    useCautions: 'Also screen for cautions from published guidance (not part of the source protocol)',
    cautionFacts: 'Cautions (not part of the source protocol)',
    useRedFlags: 'Also screen for red flags that call for assessment or referral (not part of the source protocol)',
    redFlagFacts: 'Red flags (not part of the source protocol)',
    useClinic: 'Also apply an example clinic’s own rules, over facts of its own (not part of the source protocol)',
    clinicFacts: 'The example clinic’s own facts',
    yes: 'Yes',
    no: 'No',
    unknown: 'Not recorded',
    screen: 'Screen',
    clear: 'Clear the form',
    resultHeading: 'Screening result',
    resultEmpty: 'Enter the facts and press Screen.',
    stale: 'The facts have changed: press Screen again to see the result.',
    referrals: 'Red flags: assess or refer first',
    referUrgency: 'Assess or refer {urgency}',
    findings: 'Findings',
    questions: 'Questions to ask',
    checked: 'Rules checked that do not apply ({count})',
    source: 'Source',
    planHeading: 'Plan a course',
    region: 'Spinal region',
    regionChoose: 'Choose a region',
    start: 'Earliest date of the first session',
    plan: 'Plan the course',
    courseHeading: 'Planned course',
    courseRefused: 'No course was planned:',
    sessions: 'Sessions',
    colSession: 'Session',
    colDate: 'Date',
    colWeekday: 'Day',
    colMinutes: 'Minutes',
    colPhase: 'Phase',
    phaseCell: 'Phase {order}: {title}',
    noPhase: 'not divided into phases',
    footer: 'acuspine states rules and their sources; it makes no claim about the effect of treatment.',
  },
  ru: {
    title: 'acuspine: первичный скрининг',
    heading: 'Скрининг перед иглорефлексотерапией при остеохондрозе позвоночника',
    language: 'Язык',
    noticeLead: 'Средство поддержки решений для квалифицированных врачей, не медицинское изделие.',
    noticeBody:
      'Оно применяет правила исходного протокола и, по выбору, предостережения из опубликованных рекомендаций, красные флаги, требующие обследования или направления, и собственные правила клиники (пример), и указывает источник каждого правила. Решение о лечении принимает врач.',
    privacy: 'Всё работает в этом браузере: введённые сведения никуда не отправляются.',
    factsHeading: 'Сведения о пациенте',
    factsHint: 'Отмечайте только то, что известно. «Не указано» никогда не считается ответом «нет».',
    age: 'Возраст, полных лет',
    ageHint: 'Оставьте поле пустым, если возраст не указан.',
    protocolFacts: 'Противопоказания по исходному протоколу',
    useCautions: 'Проверить также предостережения из опубликованных рекомендаций (не входят в исходный протокол)',
    cautionFacts: 'Предостережения (не входят в исходный протокол)',
    useRedFlags:
      'Проверить также красные флаги, требующие обследования или направления (не входят в исходный протокол)',
    redFlagFacts: 'Красные флаги (не входят в исходный протокол)',
    useClinic:
      'Применить также собственные правила клиники (пример) с её собственными сведениями (не входят в исходный протокол)',
    clinicFacts: 'Собственные сведения клиники (пример)',
    yes: 'Да',
    no: 'Нет',
    unknown: 'Не указано',
    screen: 'Провести скрининг',
    clear: 'Очистить форму',
    resultHeading: 'Результат скрининга',
    resultEmpty: 'Внесите сведения и нажмите «Провести скрининг».',
    stale: 'Сведения изменились: нажмите «Провести скрининг» ещё раз, чтобы увидеть результат.',
    referrals: 'Красные флаги: сначала обследование или направление',
    referUrgency: 'Обследовать или направить {urgency}',
    findings: 'Выявлено',
    questions: 'Вопросы для уточнения',
    checked: 'Правила, которые проверены и не выполнены ({count})',
    source: 'Источник',
    planHeading: 'Планирование курса',
    region: 'Отдел позвоночника',
    regionChoose: 'Выберите отдел',
    start: 'Самая ранняя дата первого сеанса',
    plan: 'Составить план курса',
    courseHeading: 'План курса',
    courseRefused: 'План курса не составлен:',
    sessions: 'Сеансы',
    colSession: 'Сеанс',
    colDate: 'Дата',
    colWeekday: 'День недели',
    colMinutes: 'Минуты',
    colPhase: 'Этап',
    phaseCell: 'Этап {order}: {title}',
    noPhase: 'без деления на этапы',
    footer: 'acuspine излагает правила и их источники и ничего не утверждает о результатах лечения.',
  },
};

/**
 * The library's locales, passed as `locale` to explain; their catalogs also give the fact
 * questions, region, phase and weekday names, and the date format.
 */
const locales = { en, ru };

/**
 * An example of a clinic's own rules, over facts the clinic declares with a label per locale:
 * not published guidance, only what a clinic may add to the shipped rules. Spinal surgery in the
 * last six months is a red flag of the clinic's own (assess or refer, routinely: back to the
 * surgeon); an allergy to metals is a caution (nickel-free needles).
 */
const clinicFacts = {
  recentSpinalSurgery: {
    label: { en: 'Spinal surgery in the last 6 months', ru: 'Операция на позвоночнике за последние 6 месяцев' },
  },
  metalAllergy: {
    label: { en: 'Allergy to metals such as nickel', ru: 'Аллергия на металлы, например на никель' },
  },
};
const clinicSource = { title: 'Example clinic policy', note: 'an example for this page, not published guidance' };
const clinicRules = [
  {
    id: 'recent-spinal-surgery',
    kind: 'referral',
    urgency: 'routine',
    evidence: 'the example clinic’s own policy, not published evidence',
    when: { type: 'any', facts: ['recentSpinalSurgery'] },
    source: clinicSource,
  },
  { id: 'metal-allergy', kind: 'relative', when: { type: 'any', facts: ['metalAllergy'] }, source: clinicSource },
];

const choices = /** @type {const} */ (['yes', 'no', 'unknown']);

const page = {
  factsForm: /** @type {HTMLFormElement} */ (document.getElementById('facts-form')),
  age: /** @type {HTMLInputElement} */ (document.getElementById('age')),
  protocolFacts: /** @type {HTMLFieldSetElement} */ (document.getElementById('protocol-facts')),
  cautionFacts: /** @type {HTMLFieldSetElement} */ (document.getElementById('caution-facts')),
  useCautions: /** @type {HTMLInputElement} */ (document.getElementById('use-cautions')),
  redFlagFacts: /** @type {HTMLFieldSetElement} */ (document.getElementById('red-flag-facts')),
  useRedFlags: /** @type {HTMLInputElement} */ (document.getElementById('use-red-flags')),
  clinicFacts: /** @type {HTMLFieldSetElement} */ (document.getElementById('clinic-facts')),
  useClinic: /** @type {HTMLInputElement} */ (document.getElementById('use-clinic')),
  result: /** @type {HTMLElement} */ (document.getElementById('result')),
  plan: /** @type {HTMLElement} */ (document.getElementById('plan')),
  planForm: /** @type {HTMLFormElement} */ (document.getElementById('plan-form')),
  region: /** @type {HTMLSelectElement} */ (document.getElementById('region')),
  start: /** @type {HTMLInputElement} */ (document.getElementById('start')),
  course: /** @type {HTMLElement} */ (document.getElementById('course')),
};

/**
 * The rules a clinician may add to the protocol's, each with its box, the fieldset of its facts,
 * and its rules. The caution set's pregnancy point restrictions are left out: under the protocol
 * pregnancy is already a contraindication, so that rule could never change the status and would
 * only repeat it.
 */
const extras = [
  {
    name: 'cautions',
    box: page.useCautions,
    fieldset: page.cautionFacts,
    facts: cautionFactNames,
    rules: cautionRuleSet.rules.filter((rule) => rule.id !== 'pregnancy-point-restrictions'),
  },
  {
    name: 'red-flags',
    box: page.useRedFlags,
    fieldset: page.redFlagFacts,
    facts: redFlagFactNames,
    rules: redFlagRuleSet.rules,
  },
  {
    name: 'clinic',
    box: page.useClinic,
    fieldset: page.clinicFacts,
    facts: Object.keys(clinicFacts),
    rules: clinicRules,
  },
];

/** The rule sets made so far, by id: each choice of extras is defined once. */
const ruleSets = new Map();

/**
 * The protocol's rules and those of the extras chosen, in one rule set named after them (for
 * example `protocol-and-cautions`), with the clinic's own facts when its rules are chosen.
 */
function chosenRuleSet() {
  const chosen = extras.filter((extra) => extra.box.checked);
  if (chosen.length === 0) return protocolRuleSet;
  const id = ['protocol', ...chosen.map((extra) => extra.name)].join('-and-');
  let ruleSet = ruleSets.get(id);
  if (ruleSet === undefined) {
    ruleSet = defineRuleSet({
      id,
      version: '1.0.0',
      ...(page.useClinic.checked ? { facts: clinicFacts } : {}),
      rules: [...protocolRuleSet.rules, ...chosen.flatMap((extra) => extra.rules)],
    });
    ruleSets.set(id, ruleSet);
  }
  return ruleSet;
}

/**
 * What the page shows. The screening and course are kept, not their words, so that a change of
 * language re-explains them without screening again.
 */
const state = {
  locale: 'en',
  /** @type {import('../../dist/index.js').Screening | undefined} */
  screening: undefined,
  /** @type {import('../../dist/index.js').RuleSet | undefined} */
  ruleSet: undefined,
  stale: false,
  /** @type {import('../../dist/index.js').Course | undefined} */
  course: undefined,
  /** @type {readonly import('../../dist/index.js').Issue[] | undefined} */
  courseIssues: undefined,
};

// ---------------------------------------------------------------- small DOM helpers

/**
 * Creates an element with attributes and children (strings become text: nothing is parsed as HTML).
 *
 * @param {string} tag
 * @param {Record<string, string | boolean>} [attributes]
 * @param {...(Node | string)} children
 */
function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '');
    else if (value !== false) element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}

/** @param {string} key @param {Record<string, string | number>} [values] */
function label(key, values = {}) {
  const text = ui[state.locale][key] ?? ui.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

/** @param {string} code */
function message(code) {
  return locales[state.locale].messages[code] ?? en.messages[code];
}

/**
 * A clinic's own fact by the label its rule set gives it in the page's language; by its name
 * when there is none, as explain names it.
 *
 * @param {string} name
 */
function ownFactLabel(name) {
  const labels = /** @type {Record<string, string>} */ (
    clinicFacts[/** @type {keyof typeof clinicFacts} */ (name)].label
  );
  return labels[state.locale] ?? name;
}

/** @param {string} text */
function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** An ISO date in the locale's format, from the library's catalog. @param {string} iso */
function formatDate(iso) {
  const [year, month, day] = iso.split('-');
  return message('format.date').replace('{year}', year).replace('{month}', month).replace('{day}', day);
}

// ---------------------------------------------------------------- building the form

/**
 * One fieldset per boolean fact: yes / no / not recorded, with "not recorded" chosen at first.
 * A shipped fact's legend is its question from the library's catalog; a clinic's own fact's is
 * the label its rule set declares.
 */
function buildFactFieldsets() {
  for (const [container, names] of [
    [page.protocolFacts, protocolFactNames.filter((name) => name !== 'ageYears')],
    ...extras.map((extra) => [extra.fieldset, extra.facts]),
  ]) {
    for (const name of names) {
      const options = choices.map((choice) => {
        const id = `${name}-${choice}`;
        const input = el('input', { type: 'radio', name, value: choice, id, checked: choice === 'unknown' });
        return el('label', { for: id, class: `choice choice-${choice}` }, input, el('span', { 'data-choice': choice }));
      });
      container.append(
        el(
          'fieldset',
          { class: 'fact', 'data-fact': name },
          el('legend', Object.hasOwn(clinicFacts, name) ? { 'data-own-fact': name } : { 'data-question': name }),
          el('div', { class: 'choices' }, ...options),
        ),
      );
    }
  }
}

function buildRegionOptions() {
  page.region.append(el('option', { value: '', 'data-i18n': 'regionChoose' }));
  for (const region of spinalRegions) page.region.append(el('option', { value: region, 'data-region': region }));
}

/** The local calendar date, only as the start date's initial value (UI, not clinical logic). */
function todayIso() {
  const now = new Date();
  const pad = (/** @type {number} */ value) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// ---------------------------------------------------------------- reading the form

/** The facts as recorded: an empty age and "not recorded" are left out, never read as "no". */
function readFacts() {
  /** @type {Record<string, number | boolean>} */
  const facts = {};
  // Typed but unreadable (e.g. "5e"): kept as an invalid value, so the screening asks again.
  if (page.age.validity.badInput) facts['ageYears'] = Number.NaN;
  else if (page.age.value.trim() !== '') facts['ageYears'] = Number(page.age.value);
  const names = [...protocolFactNames, ...extras.flatMap((extra) => (extra.box.checked ? extra.facts : []))];
  for (const name of names) {
    if (name === 'ageYears') continue;
    const field = /** @type {RadioNodeList} */ (page.factsForm.elements.namedItem(name));
    if (field.value === 'yes') facts[name] = true;
    else if (field.value === 'no') facts[name] = false;
  }
  return facts;
}

// ---------------------------------------------------------------- rendering

function applyLabels() {
  document.documentElement.lang = state.locale;
  document.title = label('title');
  for (const element of document.querySelectorAll('[data-i18n]')) {
    element.textContent = label(/** @type {string} */ (element.getAttribute('data-i18n')));
  }
  for (const element of document.querySelectorAll('[data-question]')) {
    element.textContent = message(`fact.${element.getAttribute('data-question')}.question`);
  }
  for (const element of document.querySelectorAll('[data-own-fact]')) {
    element.textContent = ownFactLabel(/** @type {string} */ (element.getAttribute('data-own-fact')));
  }
  for (const element of document.querySelectorAll('[data-choice]')) {
    element.textContent = label(/** @type {string} */ (element.getAttribute('data-choice')));
  }
  for (const element of document.querySelectorAll('[data-region]')) {
    element.textContent = capitalize(message(`region.${element.getAttribute('data-region')}`));
  }
  for (const input of document.querySelectorAll('input[name="language"]')) {
    /** @type {HTMLInputElement} */ (input).checked = /** @type {HTMLInputElement} */ (input).value === state.locale;
  }
}

/** @param {{ sentence: string, source: string }} finding */
function findingItem(finding) {
  return el(
    'li',
    {},
    el('span', { class: 'sentence' }, finding.sentence),
    el('span', { class: 'source' }, `${label('source')}: ${finding.source}`),
  );
}

function renderResult() {
  const { screening, ruleSet } = state;
  page.result.replaceChildren();
  if (screening === undefined || ruleSet === undefined) {
    page.result.append(el('p', { class: 'hint' }, label(state.stale ? 'stale' : 'resultEmpty')));
    page.plan.hidden = true;
    return;
  }
  const explanation = explain(screening, { locale: locales[state.locale], ruleSet, absent: true });
  // The red flags found present, most urgent first (the screening's order), apart from the rest.
  const referrals = screening.referrals.map((referral) => ({
    referral,
    finding: /** @type {import('../../dist/index.js').FindingExplanation} */ (
      explanation.findings.find((finding) => finding.rule === referral.rule)
    ),
  }));
  const attention = explanation.findings.filter(
    (finding) => finding.outcome !== 'absent' && !referrals.some((entry) => entry.finding === finding),
  );
  const absent = explanation.findings.filter((finding) => finding.outcome === 'absent');

  page.result.append(
    el(
      'div',
      { class: `status status-${explanation.status}`, 'data-status': explanation.status },
      el('p', { class: 'status-label' }, explanation.label),
      el('p', { class: 'headline' }, explanation.headline),
    ),
  );
  if (referrals.length > 0) {
    const items = referrals.map(({ referral, finding }) =>
      el(
        'li',
        { 'data-rule': referral.rule, 'data-urgency': referral.urgency },
        el('span', { class: 'urgency' }, label('referUrgency', { urgency: message(`urgency.${referral.urgency}`) })),
        el('span', { class: 'sentence' }, finding.sentence),
        el('span', { class: 'source' }, `${label('source')}: ${finding.source}`),
      ),
    );
    page.result.append(
      el('h3', {}, label('referrals')),
      el('ul', { class: 'findings referrals', id: 'referrals' }, ...items),
    );
  }
  if (attention.length > 0) {
    page.result.append(
      el('h3', {}, label('findings')),
      el('ul', { class: 'findings', id: 'findings' }, ...attention.map(findingItem)),
    );
  }
  if (explanation.questions.length > 0) {
    const items = explanation.questions.map((question) =>
      el(
        'li',
        { 'data-fact': question.fact },
        question.question,
        ...(question.problem === undefined ? [] : [el('span', { class: 'problem' }, question.problem)]),
      ),
    );
    page.result.append(el('h3', {}, label('questions')), el('ol', { class: 'questions', id: 'questions' }, ...items));
  }
  if (absent.length > 0) {
    page.result.append(
      el(
        'details',
        { class: 'checked', open: attention.length === 0 && referrals.length === 0 },
        el('summary', {}, label('checked', { count: absent.length })),
        el('ul', { class: 'findings' }, ...absent.map(findingItem)),
      ),
    );
  }
  page.result.append(el('p', { class: 'rule-set' }, explanation.ruleSet));
  page.plan.hidden = screening.status !== 'eligible' && screening.status !== 'caution';
}

function renderCourse() {
  page.course.replaceChildren();
  if (state.courseIssues !== undefined) {
    const explained = explainIssues(state.courseIssues, { locale: locales[state.locale] });
    page.course.append(
      el(
        'div',
        { class: 'error', role: 'alert' },
        el('p', {}, label('courseRefused')),
        el('ul', {}, ...explained.issues.map((entry) => el('li', {}, entry.text))),
      ),
    );
    return;
  }
  const course = state.course;
  if (course === undefined) return;
  const explanation = explainCourse(course, { locale: locales[state.locale] });
  const phaseOf = (/** @type {number} */ number) =>
    explanation.phases.find((phase) => number >= phase.first && number <= phase.last);

  const head = el(
    'tr',
    {},
    ...['colSession', 'colDate', 'colWeekday', 'colMinutes', 'colPhase'].map((key) =>
      el('th', { scope: 'col', class: key === 'colMinutes' && 'number' }, label(key)),
    ),
  );
  const rows = course.sessions.map((session) => {
    const phase = phaseOf(session.number);
    return el(
      'tr',
      {},
      el('th', { scope: 'row' }, String(session.number)),
      el('td', {}, el('time', { datetime: session.date }, formatDate(session.date))),
      el('td', {}, capitalize(message(`weekday.${session.weekday}`))),
      el('td', { class: 'number' }, String(session.minutes)),
      el(
        'td',
        {},
        phase === undefined ? label('noPhase') : label('phaseCell', { order: phase.order, title: phase.title }),
      ),
    );
  });
  page.course.append(
    el('h3', {}, label('courseHeading')),
    el('p', { class: 'summary' }, explanation.summary),
    el('ul', { class: 'course-lines' }, ...explanation.lines.map((line) => el('li', {}, line))),
    el(
      'div',
      { class: 'table-wrap' },
      el(
        'table',
        { id: 'sessions' },
        el('caption', {}, label('sessions')),
        el('thead', {}, head),
        el('tbody', {}, ...rows),
      ),
    ),
  );
}

function render() {
  applyLabels();
  renderResult();
  renderCourse();
}

// ---------------------------------------------------------------- events

/** Drops a result that no longer matches the form, so that a course is never planned from it. */
function forgetResult() {
  if (state.screening === undefined && state.course === undefined && state.courseIssues === undefined) return;
  state.stale = state.screening !== undefined;
  state.screening = undefined;
  state.ruleSet = undefined;
  state.course = undefined;
  state.courseIssues = undefined;
  renderResult();
  renderCourse();
}

/** Shows the facts of each extra whose box is ticked, and hides the others'. */
function syncExtras() {
  for (const extra of extras) extra.fieldset.hidden = !extra.box.checked;
}

page.factsForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const ruleSet = chosenRuleSet();
  state.screening = screen(readFacts(), { ruleSet });
  state.ruleSet = ruleSet;
  state.stale = false;
  state.course = undefined;
  state.courseIssues = undefined;
  renderResult();
  renderCourse();
});

page.factsForm.addEventListener('input', forgetResult);
page.factsForm.addEventListener('change', (event) => {
  if (extras.some((extra) => event.target === extra.box)) syncExtras();
  forgetResult();
});
page.factsForm.addEventListener('reset', () => {
  // The values are restored only after this event, so the boxes are read by their defaults.
  for (const extra of extras) extra.fieldset.hidden = !extra.box.defaultChecked;
  forgetResult();
  state.stale = false;
  renderResult();
});

page.planForm.addEventListener('submit', (event) => {
  event.preventDefault();
  if (state.screening === undefined) return;
  const result = buildCourse({
    region: /** @type {import('../../dist/index.js').SpinalRegion} */ (page.region.value),
    screening: state.screening,
    start: page.start.value,
  });
  state.course = result.ok ? result.value : undefined;
  state.courseIssues = result.ok ? undefined : result.issues;
  renderCourse();
});

for (const input of document.querySelectorAll('input[name="language"]')) {
  input.addEventListener('change', (event) => {
    const value = /** @type {HTMLInputElement} */ (event.target).value;
    if (value !== 'en' && value !== 'ru') return;
    state.locale = value;
    render();
  });
}

// ---------------------------------------------------------------- start

buildFactFieldsets();
buildRegionOptions();
page.start.value = todayIso();
const requested = new URLSearchParams(location.search).get('lang');
if (requested === 'ru' || requested === 'en') state.locale = requested;
syncExtras();
render();
document.body.dataset['ready'] = 'true';
