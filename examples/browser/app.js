// The clinician's workbench: the whole path from a patient's record to a planned course, in the
// browser. Load a FHIR record (or enter the facts by hand), screen, answer the questions whose
// answers could change the result, join the record and the answers, pick the region, plan the
// course and see it as a calendar, then export it: a FHIR bundle, an iCalendar file, a printed
// page. Plain ES modules, no framework; the demo server maps /acuspine.js to the library's ESM
// build (dist/index.js), /acuspine/fhir.js to 'acuspine/fhir' (dist/fhir.js) and
// /acuspine/locales/ru.js to its Russian locale. Nothing leaves the browser: the page's CSP
// allows no other origin, and the files are offered as downloads made here.
//
// Every clinical sentence comes from the library (explain, explainCourse, explainIssues, the
// locales' catalogs, the questionnaire's texts) or, for the example clinic's own facts, from the
// labels its rule set declares; ui-text.js holds only the page's own labels.

import {
  courseCarePlan,
  courseServiceRequest,
  factsFromFhir,
  factsFromQuestionnaireResponse,
  mergeRecordAndAnswers,
  missingFactsQuestionnaire,
  screeningDetectedIssue,
  screeningGuidanceResponse,
} from '/acuspine/fhir.js';
import { ru } from '/acuspine/locales/ru.js';
import {
  buildCourse,
  cautionFactNames,
  cautionRuleSet,
  courseCalendar,
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
import { renderCalendar } from './calendar-view.js';
import { capitalize, el, freshId, localIsoDate, offerFile, utcInstant, withdrawFile } from './dom.js';
import { ui } from './ui-text.js';

/** @typedef {import('../../dist/index.js').Screening} Screening */
/** @typedef {import('../../dist/index.js').RuleSet} RuleSet */
/** @typedef {import('../../dist/index.js').Course} Course */
/** @typedef {import('../../dist/index.js').Issue} Issue */
/** @typedef {import('../../dist/fhir.js').FhirFacts} FhirFacts */
/** @typedef {import('../../dist/fhir.js').MergedFacts<string>} MergedFacts */
/** @typedef {import('../../dist/fhir.js').FactSource} FactSource */
/** @typedef {import('../../dist/fhir.js').FactResolution} FactResolution */

/** The library's locales: explain's `locale`, and the catalogs of fact, region and weekday words. */
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
/** The sample record, a synthetic patient written for this page (no real person). */
const SAMPLE_RECORD = 'sample-record.json';

const byId = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const page = {
  recordFile: /** @type {HTMLInputElement} */ (byId('record-file')),
  dropZone: byId('drop-zone'),
  on: /** @type {HTMLInputElement} */ (byId('on')),
  sampleButton: byId('sample-button'),
  forgetRecord: byId('forget-record'),
  record: byId('record'),
  factsForm: /** @type {HTMLFormElement} */ (byId('facts-form')),
  factsFromRecord: byId('facts-from-record'),
  handFacts: byId('hand-facts'),
  age: /** @type {HTMLInputElement} */ (byId('age')),
  protocolFacts: byId('protocol-facts'),
  cautionFacts: byId('caution-facts'),
  useCautions: /** @type {HTMLInputElement} */ (byId('use-cautions')),
  redFlagFacts: byId('red-flag-facts'),
  useRedFlags: /** @type {HTMLInputElement} */ (byId('use-red-flags')),
  clinicFacts: byId('clinic-facts'),
  useClinic: /** @type {HTMLInputElement} */ (byId('use-clinic')),
  result: byId('result'),
  questionnaireArea: byId('questionnaire-area'),
  resultDetails: byId('result-details'),
  plan: byId('plan'),
  planForm: /** @type {HTMLFormElement} */ (byId('plan-form')),
  region: /** @type {HTMLSelectElement} */ (byId('region')),
  regionSuggestion: byId('region-suggestion'),
  start: /** @type {HTMLInputElement} */ (byId('start')),
  time: /** @type {HTMLInputElement} */ (byId('time')),
  course: byId('course'),
  exportCard: byId('export'),
  patientId: /** @type {HTMLInputElement} */ (byId('patient-id')),
  downloadFhir: /** @type {HTMLAnchorElement} */ (
    el('a', { id: 'download-fhir', class: 'button', 'data-i18n': 'downloadFhir', hidden: true })
  ),
  downloadIcs: /** @type {HTMLAnchorElement} */ (
    el('a', { id: 'download-ics', class: 'button', 'data-i18n': 'downloadIcs', hidden: true })
  ),
  printButton: byId('print-button'),
  exportProblems: byId('export-problems'),
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
 *
 * @returns {RuleSet}
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
 * What the page holds. Results are kept as the library returns them, not as words, so that a
 * change of language re-explains them without screening again.
 */
const state = {
  locale: /** @type {'en' | 'ru'} */ ('en'),
  /** The record loaded: its file name, its JSON, and what factsFromFhir read from it. */
  record:
    /** @type {{ name: string, bundle: unknown, on: string, read: FhirFacts, patientId: string | undefined } | undefined} */ (
      undefined
    ),
  /** Why the last file could not be read as a record: a label key, the file's name, the issues. */
  recordProblem: /** @type {{ key: string, name: string, issues?: readonly Issue[] } | undefined} */ (undefined),
  /** Recorded facts of the record that the clinician asks again in the questionnaire. */
  reask: /** @type {Set<string>} */ (new Set()),
  /** The clinician's decisions on facts where the record and the answers disagree, each with its reason. */
  resolutions: /** @type {Map<string, FactResolution>} */ (new Map()),
  /** The questionnaire's answers as the form holds them: fact -> 'yes' | 'no' | a number | a LOINC answer code. */
  draft: /** @type {Map<string, string>} */ (new Map()),
  /** The answers recorded with the last "record the answers", read back from their QuestionnaireResponse. */
  answered: /** @type {unknown} */ (undefined),
  /** The QuestionnaireResponse those answers were read from. */
  response: /** @type {Record<string, unknown> | undefined} */ (undefined),
  answerIssues: /** @type {readonly Issue[] | undefined} */ (undefined),
  /** True while the clinician changes answers that no longer change the result. */
  editingAnswers: false,
  /** The facts screened: the record's (or the form's) joined with the answers, with their sources and conflicts. */
  merged: /** @type {MergedFacts | undefined} */ (undefined),
  screening: /** @type {Screening | undefined} */ (undefined),
  ruleSet: /** @type {RuleSet | undefined} */ (undefined),
  /** The questionnaire offered, and why it could not be made. */
  questionnaire: /** @type {any} */ (undefined),
  questionnaireIssues: /** @type {readonly Issue[] | undefined} */ (undefined),
  stale: false,
  course: /** @type {Course | undefined} */ (undefined),
  courseIssues: /** @type {readonly Issue[] | undefined} */ (undefined),
  /** The ids of the resources exported for this screening and course, fresh for each. */
  ids: /** @type {Record<string, string>} */ ({}),
};

// ---------------------------------------------------------------- words

/** @param {string} key @param {Record<string, string | number>} [values] */
function label(key, values = {}) {
  const text = ui[state.locale][key] ?? ui.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

/** @param {string} code */
function message(code) {
  return locales[state.locale].messages[code] ?? en.messages[code];
}

/** A fact's name in words: the library's label, or the clinic's own label. @param {string} name */
function factLabel(name) {
  if (Object.hasOwn(clinicFacts, name)) {
    const labels = /** @type {Record<string, string>} */ (
      clinicFacts[/** @type {keyof typeof clinicFacts} */ (name)].label
    );
    return labels[state.locale] ?? labels['en'] ?? name;
  }
  return capitalize(message(`fact.${name}.label`) ?? name);
}

/** A recorded value in words: yes, no, or the age. @param {unknown} value */
function valueText(value) {
  if (value === true) return label('yes');
  if (value === false) return label('no');
  return String(value);
}

/** An ISO date in the locale's format, from the library's catalog. @param {string} iso */
function formatDate(iso) {
  const [year, month, day] = iso.split('-');
  return message('format.date').replace('{year}', year).replace('{month}', month).replace('{day}', day);
}

/** A resource of the record, as a clinician would look it up: `Condition sample-low-back-pain`. */
function resourceText(/** @type {{ resourceType: string, id?: string, path: readonly (string | number)[] }} */ ref) {
  return ref.id === undefined ? `${ref.resourceType} (${ref.path.join('.')})` : `${ref.resourceType} ${ref.id}`;
}

/** The issues of a Result as lines in the page's language. @param {readonly Issue[]} issues */
function issueList(issues) {
  const explained = explainIssues(issues, { locale: locales[state.locale] });
  return el('ul', {}, ...explained.issues.map((entry) => el('li', {}, entry.text)));
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

// ---------------------------------------------------------------- the facts: record or form

/** The facts as the form records them: an empty age and "not recorded" are left out, never read as "no". */
function handFacts() {
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

/**
 * The facts the answers are joined to, as factsFromFhir gives them: the record's; or the form's,
 * with no resource behind them.
 *
 * @returns {FhirFacts}
 */
function baseFacts() {
  return state.record?.read ?? { facts: handFacts(), evidence: {}, notes: [], regions: [] };
}

/** The facts screened: the base joined with the answers and the clinician's decisions, by the library. */
function mergeFacts() {
  const answered = state.answered === undefined ? [] : [state.answered];
  const patientId = state.record?.patientId;
  return mergeRecordAndAnswers(baseFacts(), answered, {
    ...(patientId === undefined ? {} : { patientId }),
    resolutions: [...state.resolutions.values()],
  });
}

/** Screens the facts as they now stand, and makes the questionnaire of what could change the result. */
function screenNow() {
  const ruleSet = chosenRuleSet();
  state.ruleSet = ruleSet;
  state.merged = mergeFacts();
  state.screening = screen(state.merged.facts, { ruleSet });
  state.stale = false;
  state.course = undefined;
  state.courseIssues = undefined;
  // A new screening is a new GuidanceResponse; the questionnaire and its answers keep their ids.
  state.ids = {
    questionnaire: state.ids['questionnaire'],
    response: state.ids['response'],
    screening: freshId('screening'),
  };
  makeQuestionnaire();
}

/** The facts the questionnaire asks, in order: what the screening lacks, what is asked again, what was answered. */
function askedFacts() {
  const screening = /** @type {Screening} */ (state.screening);
  const status = screening.status;
  const decided = status === 'contraindicated' || status === 'refer';
  // Asked again and not yet answered.
  const pendingReask = [...state.reask].filter((fact) => !answeredFacts().has(fact));
  const open = status === 'incomplete' || pendingReask.length > 0 || state.editingAnswers;
  if (!open) return [];
  // A decided result: only what the clinician asks again (or changes); the unknowns stay folded away.
  const missing = decided ? [] : [...screening.missing, ...(screening.invalid ?? [])];
  const conflicts = (state.merged?.conflicts ?? []).map((conflict) => /** @type {string} */ (conflict.fact));
  return [...new Set([...missing, ...conflicts, ...state.reask, ...answeredFacts()])];
}

/** The facts that the recorded answers record. @returns {Set<string>} */
function answeredFacts() {
  const answered = /** @type {{ facts?: Record<string, unknown> } | undefined} */ (state.answered);
  return new Set(Object.keys(answered?.facts ?? {}));
}

function makeQuestionnaire() {
  state.questionnaire = undefined;
  state.questionnaireIssues = undefined;
  const asked = askedFacts();
  if (asked.length === 0) return;
  state.ids['questionnaire'] ??= freshId('missing-facts');
  const result = missingFactsQuestionnaire(asked, {
    id: state.ids['questionnaire'],
    locale: locales[state.locale],
    ruleSet: state.ruleSet,
  });
  if (result.ok) state.questionnaire = result.value;
  else state.questionnaireIssues = result.issues;
}

// ---------------------------------------------------------------- the record

/** The logical id of the record's Patient, for the export and the answers' subject. @param {unknown} bundle */
function patientIdOf(bundle) {
  const entries = /** @type {{ entry?: { resource?: { resourceType?: unknown, id?: unknown } }[] }} */ (bundle)?.entry;
  const resources = Array.isArray(bundle)
    ? bundle
    : Array.isArray(entries)
      ? entries.map((entry) => entry?.resource)
      : [bundle];
  const patient = resources.find((resource) => resource?.resourceType === 'Patient');
  return typeof patient?.id === 'string' ? patient.id : undefined;
}

/** Reads a file's text as the patient's record. @param {string} text @param {string} name */
function loadRecord(text, name) {
  let bundle;
  try {
    bundle = JSON.parse(text);
  } catch {
    state.record = undefined;
    state.recordProblem = { key: 'recordNotJson', name };
    recordChanged();
    return;
  }
  readRecord(bundle, name);
}

/** Maps the record as of the reference date. @param {unknown} bundle @param {string} name */
function readRecord(bundle, name) {
  const on = page.on.value;
  const result = factsFromFhir(bundle, { on });
  if (result.ok) {
    const patientId = patientIdOf(bundle);
    state.record = { name, bundle, on, read: result.value, patientId };
    state.recordProblem = undefined;
    if (patientId !== undefined) page.patientId.value = patientId;
  } else {
    state.record = undefined;
    state.recordProblem = { key: 'recordNotRead', name, issues: result.issues };
  }
  recordChanged();
}

/** The questionnaire's answers, the facts asked again and the decisions on conflicts: all of them, for a new patient. */
function forgetAnswers() {
  state.reask.clear();
  state.resolutions.clear();
  state.ids = {};
  state.draft.clear();
  state.answered = undefined;
  state.response = undefined;
  state.answerIssues = undefined;
  state.editingAnswers = false;
}

/** A new record (or none): the answers and decisions about the old one no longer hold. */
function recordChanged() {
  forgetAnswers();
  const fromRecord = state.record !== undefined;
  page.handFacts.hidden = fromRecord;
  page.factsFromRecord.hidden = !fromRecord;
  page.forgetRecord.hidden = !fromRecord;
  syncExtras();
  forgetResult();
  renderRecord();
}

function renderRecord() {
  page.record.replaceChildren();
  const problem = state.recordProblem;
  if (problem !== undefined) {
    page.record.append(
      el(
        'div',
        { class: 'error', role: 'alert' },
        el('p', {}, label(problem.key, { name: problem.name })),
        ...(problem.issues === undefined ? [] : [issueList(problem.issues)]),
      ),
    );
    return;
  }
  const record = state.record;
  if (record === undefined) return;
  const { read } = record;
  const head = [label('recordLoaded', { name: record.name, date: formatDate(record.on) })];
  head.push(
    record.patientId === undefined ? label('recordNoPatient') : label('recordPatient', { id: record.patientId }),
  );
  page.record.append(el('p', { class: 'record-head' }, head.join(' ')));

  const recorded = Object.entries(read.facts);
  page.record.append(el('h3', {}, label('recordSays')));
  if (recorded.length === 0) page.record.append(el('p', {}, label('recordNothing')));
  else {
    const items = recorded.map(([name, value]) => {
      const evidence = /** @type {Record<string, readonly any[]>} */ (read.evidence)[name] ?? [];
      const asked = state.reask.has(name);
      return el(
        'li',
        { 'data-fact': name },
        el(
          'span',
          { class: 'fact-line' },
          el('span', { class: 'fact-name' }, `${factLabel(name)}: `),
          el('strong', { class: 'fact-value' }, valueText(value)),
        ),
        el('span', { class: 'evidence' }, label('evidence', { resources: evidence.map(resourceText).join(', ') })),
        asked
          ? el('span', { class: 'asked-again' }, label('askingAgain'))
          : el(
              'button',
              {
                type: 'button',
                class: 'secondary small',
                'data-reask': name,
                'aria-label': label('askAgainLabel', { fact: factLabel(name) }),
              },
              label('askAgain'),
            ),
      );
    });
    page.record.append(el('ul', { class: 'record-facts', id: 'record-facts' }, ...items));
  }
  page.record.append(el('p', { class: 'hint' }, label('recordUnrecorded')));

  page.record.append(el('h3', {}, label('regionsSuggested')));
  if (read.regions.length === 0) page.record.append(el('p', { id: 'record-regions' }, label('regionNone')));
  else {
    const regions = read.regions.map((suggestion) =>
      el(
        'li',
        { 'data-region': suggestion.region },
        `${capitalize(message(`region.${suggestion.region}`))} — ${label('evidence', {
          resources: suggestion.evidence.map(resourceText).join(', '),
        })}`,
      ),
    );
    page.record.append(el('ul', { class: 'record-regions', id: 'record-regions' }, ...regions));
  }
  if (read.notes.length > 0) {
    page.record.append(
      el(
        'details',
        { class: 'notes', id: 'record-notes' },
        el('summary', {}, label('recordNotes', { count: read.notes.length })),
        ...(state.locale === 'en' ? [] : [el('p', { class: 'hint' }, label('notesLang'))]),
        el(
          'ul',
          { lang: 'en' },
          ...read.notes.map((note) =>
            el(
              'li',
              { 'data-code': note.code },
              note.message,
              ...(note.resource ? [` (${resourceText(note.resource)})`] : []),
            ),
          ),
        ),
      ),
    );
  }
}

// ---------------------------------------------------------------- the result

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
    element.textContent = factLabel(/** @type {string} */ (element.getAttribute('data-own-fact')));
  }
  for (const element of document.querySelectorAll('[data-choice]')) {
    element.textContent = label(/** @type {string} */ (element.getAttribute('data-choice')));
  }
  for (const element of document.querySelectorAll('option[data-region]')) {
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
  page.resultDetails.replaceChildren();
  if (screening === undefined || ruleSet === undefined) {
    page.result.append(el('p', { class: 'hint' }, label(state.stale ? 'stale' : 'resultEmpty')));
    page.questionnaireArea.replaceChildren();
    page.plan.hidden = true;
    renderExport();
    return;
  }
  const explanation = explain(screening, { locale: locales[state.locale], ruleSet, absent: true });
  const referrals = screening.referrals.map((referral) => ({
    referral,
    finding: /** @type {{ sentence: string, source: string }} */ (
      explanation.findings.find((finding) => finding.rule === referral.rule)
    ),
  }));
  const decided = screening.status === 'contraindicated' || screening.status === 'refer';
  const others = explanation.findings.filter(
    (finding) => finding.outcome !== 'absent' && !referrals.some((entry) => entry.finding === finding),
  );
  // What decided the result: with a contraindication or a red flag, the findings present; the
  // rules left unknown could not change it, and stand apart with the facts they lack.
  const attention = decided ? others.filter((finding) => finding.outcome === 'present') : others;
  const unknown = decided ? others.filter((finding) => finding.outcome !== 'present') : [];
  const absent = explanation.findings.filter((finding) => finding.outcome === 'absent');

  // Summary first: the status, then what decided it.
  page.result.append(
    el(
      'div',
      { class: `status status-${explanation.status}`, 'data-status': explanation.status },
      el('p', { class: 'status-label' }, explanation.label),
      el('p', { class: 'headline' }, explanation.headline),
    ),
  );
  renderConflicts();
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
  // A decided result: the unknowns stand apart, folded away, since no answer can change it.
  if (decided && explanation.questions.length > 0) {
    page.result.append(
      el(
        'details',
        { class: 'unknowns', id: 'unknowns' },
        el('summary', {}, label('unknownsDecided', { count: explanation.questions.length })),
        ...(unknown.length === 0 ? [] : [el('ul', { class: 'findings' }, ...unknown.map(findingItem))]),
        el('h4', {}, label('questions')),
        el(
          'ol',
          { class: 'questions' },
          ...explanation.questions.map((question) => el('li', { 'data-fact': question.fact }, question.question)),
        ),
      ),
    );
  }
  renderQuestionnaire(explanation);

  const sources = factSources();
  if (sources.length > 0) {
    page.resultDetails.append(
      el(
        'details',
        { class: 'sources-of-facts', id: 'facts-sources' },
        el('summary', {}, label('factsSources', { count: sources.length })),
        el('ul', { class: 'fact-sources' }, ...sources),
      ),
    );
  }
  if (absent.length > 0) {
    page.resultDetails.append(
      el(
        'details',
        { class: 'checked', open: attention.length === 0 && referrals.length === 0 },
        el('summary', {}, label('checked', { count: absent.length })),
        el('ul', { class: 'findings' }, ...absent.map(findingItem)),
      ),
    );
  }
  page.resultDetails.append(el('p', { class: 'rule-set' }, explanation.ruleSet));
  page.plan.hidden = screening.status !== 'eligible' && screening.status !== 'caution';
  if (!page.plan.hidden) suggestRegion();
  renderExport();
}

/**
 * Each fact the record and the answers disagree on: what each says, and a small form where the
 * clinician settles it, choosing a value and saying why (mergeRecordAndAnswers records both).
 */
function renderConflicts() {
  const conflicts = state.merged?.conflicts ?? [];
  if (conflicts.length === 0) return;
  const items = conflicts.map((conflict) => {
    const fact = /** @type {string} */ (conflict.fact);
    const record = conflict.sources.find((source) => source.from === 'record');
    const answer = conflict.sources.find((source) => source.from === 'answer');
    const choiceOf = (/** @type {FactSource | undefined} */ source, /** @type {string} */ key) => {
      if (source === undefined) return [];
      const id = `resolve-${fact}-${source.from}`;
      return [
        el(
          'label',
          { for: id, class: 'choice' },
          el('input', { type: 'radio', id, name: `resolve-${fact}`, value: String(source.value) }),
          el('span', {}, label(key, { value: valueText(source.value) })),
        ),
      ];
    };
    const reasonId = `resolve-${fact}-reason`;
    return el(
      'li',
      { 'data-fact': fact },
      el(
        'span',
        { class: 'sentence' },
        // Without a record, the facts the answers disagree with are the form's.
        label(state.record === undefined ? 'conflictLineForm' : 'conflictLine', {
          fact: factLabel(fact),
          record: sourceValue(record),
          answer: sourceValue(answer),
        }),
      ),
      el('span', { class: 'hint' }, label('conflictUnrecorded')),
      el(
        'form',
        { class: 'resolve', 'data-resolve': fact, novalidate: true },
        el(
          'fieldset',
          { class: 'fact' },
          el('legend', {}, label('resolveLegend', { fact: factLabel(fact) })),
          el(
            'div',
            { class: 'choices' },
            ...choiceOf(record, state.record === undefined ? 'resolveForm' : 'resolveRecord'),
            ...choiceOf(answer, 'resolveAnswer'),
          ),
        ),
        el(
          'div',
          { class: 'field' },
          el('label', { for: reasonId }, label('resolveReason')),
          el('input', { type: 'text', id: reasonId, name: 'reason', autocomplete: 'off' }),
        ),
        el('button', { type: 'submit', class: 'secondary small' }, label('resolve')),
      ),
    );
  });
  page.result.append(
    el('div', { class: 'conflicts', id: 'conflicts' }, el('h3', {}, label('conflictsHeading')), el('ul', {}, ...items)),
  );
}

/** One source's value in words, with the record's resources after it. @param {FactSource | undefined} source */
function sourceValue(source) {
  if (source === undefined) return '';
  const text = valueText(source.value);
  if (source.from !== 'record' || source.resources.length === 0) return text;
  return `${text} (${source.resources.map(resourceText).join(', ')})`;
}

/** Each fact screened, its value and where it comes from. */
function factSources() {
  const merged = state.merged;
  if (merged === undefined) return [];
  const allSources = /** @type {Record<string, readonly FactSource[]>} */ (merged.sources);
  return Object.entries(merged.facts).map(([name, value]) => {
    const sources = allSources[name] ?? [];
    const words = sources.map((source) => {
      if (source.from === 'resolution') return label('sourceResolution', { reason: source.resolution.reason });
      if (source.from === 'answer') return label('sourceAnswer');
      // Without a record, the base facts are the form's.
      if (state.record === undefined) return label('sourceHand');
      return label('sourceRecord', { resources: source.resources.map(resourceText).join(', ') });
    });
    return el(
      'li',
      { 'data-fact': name, 'data-sources': sources.map((source) => source.from).join(' ') },
      el('span', { class: 'fact-name' }, `${factLabel(name)}: `),
      el('strong', {}, valueText(value)),
      el('span', { class: 'source' }, ` — ${words.join('; ')}`),
    );
  });
}

// ---------------------------------------------------------------- the questionnaire

/**
 * The Questionnaire's items as a form: a radio group (fieldset and legend) per yes/no or choice
 * item, with "not answered" chosen at first; a number field for the age. A problem the screening
 * found with a recorded value (an age that is no age) is said under its question.
 *
 * @param {{ questions: readonly { fact: string, problem?: string }[] }} explanation
 */
function renderQuestionnaire(explanation) {
  page.questionnaireArea.replaceChildren();
  const answeredBefore = state.answered !== undefined;
  if (state.questionnaireIssues !== undefined) {
    page.questionnaireArea.append(el('div', { class: 'error', role: 'alert' }, issueList(state.questionnaireIssues)));
    return;
  }
  const questionnaire = state.questionnaire;
  if (questionnaire === undefined) {
    if (answeredBefore) {
      page.questionnaireArea.append(
        el(
          'div',
          { class: 'actions' },
          el('button', { type: 'button', class: 'secondary', id: 'change-answers' }, label('changeAnswers')),
        ),
      );
    }
    return;
  }
  const items = (questionnaire.item ?? []).map((/** @type {any} */ item) => {
    const problem = explanation.questions.find((question) => question.fact === item.linkId)?.problem;
    return el('li', { 'data-fact': item.linkId }, questionField(item, problem));
  });
  const form = el(
    'form',
    {
      id: 'questionnaire',
      class: 'questionnaire',
      novalidate: true,
      'aria-labelledby': 'questionnaire-heading',
      'data-questionnaire': questionnaire.id,
    },
    el('h3', { id: 'questionnaire-heading' }, label('questionnaireHeading')),
    el('p', { class: 'hint' }, label('questionnaireHint')),
    el('ol', { class: 'questions', id: 'questions' }, ...items),
    ...(state.answerIssues === undefined
      ? []
      : [
          el(
            'div',
            { class: 'error', role: 'alert' },
            el('p', {}, label('answerNotRead')),
            issueList(state.answerIssues),
          ),
        ]),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'answer-button' }, label('answer'))),
  );
  page.questionnaireArea.append(form);
}

/** @param {any} item @param {string | undefined} problem */
function questionField(item, problem) {
  const fact = item.linkId;
  const problemId = `q-${fact}-problem`;
  const problemText = problem === undefined ? [] : [el('p', { class: 'problem', id: problemId }, problem)];
  const draft = state.draft.get(fact);
  if (item.type === 'integer') {
    const bound = (/** @type {string} */ name) =>
      item.extension?.find((/** @type {any} */ extension) => extension.url.endsWith(`/${name}`))?.valueInteger;
    const id = `q-${fact}`;
    return el(
      'div',
      { class: 'field' },
      el('label', { for: id, class: 'question' }, item.text),
      el('input', {
        id,
        name: `q-${fact}`,
        type: 'number',
        inputmode: 'numeric',
        min: bound('minValue'),
        max: bound('maxValue'),
        step: 1,
        value: draft ?? '',
        'data-answer': fact,
        'aria-describedby': problem === undefined ? undefined : problemId,
      }),
      ...problemText,
    );
  }
  /** @type {{ value: string, text: string }[]} */
  const options =
    item.type === 'choice'
      ? item.answerOption.map((/** @type {any} */ option) => ({
          value: option.valueCoding.code,
          text: option.valueCoding.display,
        }))
      : [
          { value: 'yes', text: label('yes') },
          { value: 'no', text: label('no') },
        ];
  options.push({ value: '', text: label('notAnswered') });
  const radios = options.map((option) => {
    const id = `q-${fact}-${option.value === '' ? 'none' : option.value}`;
    return el(
      'label',
      { for: id, class: `choice${option.value === '' ? ' choice-unknown' : ''}` },
      el('input', {
        type: 'radio',
        id,
        name: `q-${fact}`,
        value: option.value,
        checked: (draft ?? '') === option.value,
        'data-answer': fact,
      }),
      el('span', {}, option.text),
    );
  });
  return el(
    'fieldset',
    { class: 'fact', 'aria-describedby': problem === undefined ? undefined : problemId },
    el('legend', { class: 'question' }, item.text),
    el('div', { class: 'choices' }, ...radios),
    ...problemText,
  );
}

/** The clinician's answers as a FHIR QuestionnaireResponse, for the questionnaire offered. */
function questionnaireResponse() {
  const questionnaire = state.questionnaire;
  const items = (questionnaire.item ?? []).flatMap((/** @type {any} */ item) => {
    const draft = state.draft.get(item.linkId);
    if (draft === undefined || draft === '') return [];
    let answer;
    if (item.type === 'integer') answer = { valueInteger: Number(draft) };
    else if (item.type === 'choice') {
      answer = {
        valueCoding: item.answerOption.find((/** @type {any} */ option) => option.valueCoding.code === draft)
          .valueCoding,
      };
    } else answer = { valueBoolean: draft === 'yes' };
    return [{ linkId: item.linkId, text: item.text, answer: [answer] }];
  });
  const patientId = state.record?.patientId;
  state.ids['response'] ??= freshId('answers');
  return {
    resourceType: 'QuestionnaireResponse',
    id: state.ids['response'],
    questionnaire: questionnaire.url,
    status: 'completed',
    ...(patientId === undefined ? {} : { subject: { reference: `Patient/${patientId}` } }),
    // The browser's clock: the page may read it; the library never does.
    authored: utcInstant(),
    ...(items.length === 0 ? {} : { item: items }),
  };
}

/** Reads the answers back with the library, joins them to the record, and screens again. */
function recordAnswers() {
  const response = questionnaireResponse();
  const result = factsFromQuestionnaireResponse(response, {
    questionnaire: state.questionnaire,
    ...(state.record?.patientId === undefined ? {} : { patientId: state.record.patientId }),
    ruleSet: state.ruleSet,
  });
  if (!result.ok) {
    state.answerIssues = result.issues;
    renderResult();
    return;
  }
  state.answerIssues = undefined;
  state.answered = result.value;
  state.response = response;
  state.editingAnswers = false;
  // Asked again and answered: no longer pending.
  for (const fact of [...state.reask]) if (answeredFacts().has(fact)) state.reask.delete(fact);
  screenNow();
  renderAll();
  page.result.focus();
}

// ---------------------------------------------------------------- the course

/** Chooses the region the record suggests, when it suggests one, and says so. */
function suggestRegion() {
  const suggested = state.record?.read.regions ?? [];
  page.regionSuggestion.textContent =
    suggested.length === 0
      ? ''
      : label('regionSuggested', {
          regions: suggested
            .map(
              (suggestion) =>
                `${message(`region.${suggestion.region}`)} (${suggestion.evidence.map(resourceText).join(', ')})`,
            )
            .join('; '),
        });
  if (suggested.length === 1 && page.region.value === '') page.region.value = suggested[0].region;
}

function renderCourse() {
  page.course.replaceChildren();
  if (state.courseIssues !== undefined) {
    page.course.append(
      el('div', { class: 'error', role: 'alert' }, el('p', {}, label('courseRefused')), issueList(state.courseIssues)),
    );
    return;
  }
  const course = state.course;
  if (course === undefined) return;
  const explanation = explainCourse(course, { locale: locales[state.locale] });
  page.course.append(
    el('h3', {}, label('courseHeading')),
    el('p', { class: 'summary' }, explanation.summary),
    el('ul', { class: 'course-lines' }, ...explanation.lines.map((line) => el('li', {}, line))),
    renderCalendar(course, explanation, { label, message, formatDate, capitalize }),
  );
}

// ---------------------------------------------------------------- export

/** The screening and the course as a FHIR collection Bundle, and the course as an iCalendar file. */
function renderExport() {
  const screening = state.screening;
  page.exportCard.hidden = screening === undefined;
  page.exportProblems.replaceChildren();
  if (screening === undefined) {
    withdrawFile(page.downloadFhir);
    withdrawFile(page.downloadIcs);
    return;
  }
  const locale = locales[state.locale];
  const patient = `Patient/${page.patientId.value.trim()}`;
  // The browser's clock, for when the resources were written.
  const now = utcInstant();
  /** @type {{ issues: readonly Issue[] }[]} */
  const problems = [];
  /** @type {unknown[]} */
  const resources = [];
  const ids = state.ids;
  const guidance = screeningGuidanceResponse(screening, {
    id: ids['screening'],
    patient,
    occurrenceDateTime: now,
    locale,
    ruleSet: state.ruleSet,
  });
  if (guidance.ok) resources.push(guidance.value);
  else problems.push(guidance);
  const screeningRef = `GuidanceResponse/${ids['screening']}`;
  if (state.response !== undefined) resources.push(state.response);
  const course = state.course;
  if (course !== undefined) {
    ids['course'] ??= freshId('course');
    ids['plan'] ??= freshId('plan');
    const reasons = (state.record?.read.regions ?? [])
      .filter((suggestion) => suggestion.region === course.region)
      .flatMap((suggestion) =>
        suggestion.evidence.filter((ref) => ref.id !== undefined).map((ref) => `${ref.resourceType}/${ref.id}`),
      );
    const request = courseServiceRequest(course, {
      id: ids['course'],
      patient,
      authoredOn: now,
      screening: screeningRef,
      ...(reasons.length === 0 ? {} : { reasonReference: reasons }),
    });
    if (request.ok) resources.push(request.value);
    else problems.push(request);
    const plan = courseCarePlan(course, {
      id: ids['plan'],
      patient,
      created: now,
      serviceRequest: `ServiceRequest/${ids['course']}`,
      screening: screeningRef,
      locale,
    });
    if (plan.ok) resources.push(plan.value);
    else problems.push(plan);
    if (screening.status === 'caution') {
      ids['issue'] ??= freshId('issue');
      const detected = screeningDetectedIssue(screening, {
        id: ids['issue'],
        patient,
        order: `ServiceRequest/${ids['course']}`,
        identifiedDateTime: now,
        screening: screeningRef,
        locale,
        ruleSet: state.ruleSet,
      });
      if (detected.ok) resources.push(detected.value);
      else problems.push(detected);
    }
    const calendar = courseCalendar(course, {
      uid: `${ids['course']}@acuspine.local`,
      stamp: now,
      ...(page.time.value === '' ? {} : { startTime: page.time.value }),
      locale,
    });
    if (calendar.ok) offerFile(page.downloadIcs, calendar.value, 'text/calendar', `acuspine-${ids['course']}.ics`);
    else {
      withdrawFile(page.downloadIcs);
      problems.push(calendar);
    }
  } else withdrawFile(page.downloadIcs);

  if (problems.length > 0) {
    withdrawFile(page.downloadFhir);
    page.exportProblems.append(
      el(
        'div',
        { class: 'error', role: 'alert' },
        el('p', {}, label('exportRefused')),
        issueList(problems.flatMap((problem) => problem.issues)),
      ),
    );
    return;
  }
  const bundle = {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: now,
    entry: resources.map((resource) => ({ resource })),
  };
  offerFile(
    page.downloadFhir,
    `${JSON.stringify(bundle, null, 2)}\n`,
    'application/fhir+json',
    `acuspine-${ids['screening']}.json`,
  );
}

// ---------------------------------------------------------------- rendering and events

function renderAll() {
  applyLabels();
  renderRecord();
  renderResult();
  renderCourse();
}

/** Drops a result that no longer matches the facts, so that a course is never planned from it. */
function forgetResult() {
  if (state.screening === undefined && state.course === undefined && state.courseIssues === undefined) {
    renderResult();
    return;
  }
  state.stale = state.screening !== undefined;
  state.screening = undefined;
  state.ruleSet = undefined;
  state.merged = undefined;
  state.questionnaire = undefined;
  state.course = undefined;
  state.courseIssues = undefined;
  renderResult();
  renderCourse();
}

/** Shows the facts of each extra whose box is ticked, and hides the others' (all of them with a record). */
function syncExtras() {
  for (const extra of extras) extra.fieldset.hidden = !extra.box.checked || state.record !== undefined;
}

page.factsForm.addEventListener('submit', (event) => {
  event.preventDefault();
  screenNow();
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
  for (const extra of extras) extra.fieldset.hidden = !extra.box.defaultChecked || state.record !== undefined;
  forgetAnswers();
  forgetResult();
  state.stale = false;
  renderResult();
});

// The questionnaire is rebuilt on every render: its events are caught where it lives.
page.questionnaireArea.addEventListener('change', (event) => {
  const input = /** @type {HTMLInputElement} */ (event.target);
  const fact = input.dataset['answer'];
  if (fact === undefined) return;
  if (input.value === '') state.draft.delete(fact);
  else state.draft.set(fact, input.value);
});
page.questionnaireArea.addEventListener('input', (event) => {
  const input = /** @type {HTMLInputElement} */ (event.target);
  const fact = input.dataset['answer'];
  if (fact === undefined || input.type !== 'number') return;
  if (input.value.trim() === '') state.draft.delete(fact);
  else state.draft.set(fact, input.value.trim());
});
page.questionnaireArea.addEventListener('submit', (event) => {
  event.preventDefault();
  recordAnswers();
});
page.questionnaireArea.addEventListener('click', (event) => {
  if (/** @type {HTMLElement} */ (event.target).id !== 'change-answers') return;
  state.editingAnswers = true;
  makeQuestionnaire();
  renderResult();
  /** @type {HTMLElement | null} */ (document.querySelector('#questions input'))?.focus();
});

page.result.addEventListener('submit', (event) => {
  const form = /** @type {HTMLFormElement} */ (event.target);
  const fact = form.dataset['resolve'];
  if (fact === undefined) return;
  event.preventDefault();
  const chosen = /** @type {HTMLInputElement | null} */ (form.querySelector('input[type="radio"]:checked'));
  const reason = /** @type {HTMLInputElement} */ (form.elements.namedItem('reason'));
  // The library refuses a decision without a reason: the form asks for both first.
  if (chosen === null) {
    /** @type {HTMLInputElement} */ (form.querySelector('input[type="radio"]')).focus();
    return;
  }
  if (reason.value.trim() === '') {
    reason.setAttribute('aria-invalid', 'true');
    reason.focus();
    return;
  }
  const value = fact === 'ageYears' ? Number(chosen.value) : chosen.value === 'true';
  state.resolutions.set(fact, { fact, value, reason: reason.value.trim(), on: page.on.value || localIsoDate() });
  state.reask.delete(fact);
  screenNow();
  renderAll();
  page.result.focus();
});

page.record.addEventListener('click', (event) => {
  const button = /** @type {HTMLElement} */ (event.target).closest('button[data-reask]');
  if (button === null) return;
  const fact = /** @type {string} */ (button.getAttribute('data-reask'));
  state.reask.add(fact);
  renderRecord();
  if (state.screening !== undefined) {
    makeQuestionnaire();
    renderResult();
  }
  /** @type {HTMLElement | null} */ (page.record.querySelector(`li[data-fact="${fact}"] .asked-again`))?.focus();
});

page.planForm.addEventListener('submit', (event) => {
  event.preventDefault();
  if (state.screening === undefined) return;
  const result = buildCourse({
    region: /** @type {any} */ (page.region.value),
    screening: state.screening,
    start: page.start.value,
  });
  state.course = result.ok ? result.value : undefined;
  state.courseIssues = result.ok ? undefined : result.issues;
  state.ids = { ...state.ids, course: freshId('course'), plan: freshId('plan'), issue: freshId('issue') };
  renderCourse();
  renderExport();
});
page.time.addEventListener('change', renderExport);
page.patientId.addEventListener('input', renderExport);
page.printButton.addEventListener('click', () => window.print());
// A printed course shows every session's steps: the closed ones open for the print, and close after it.
/** @type {HTMLDetailsElement[]} */
let openedForPrint = [];
window.addEventListener('beforeprint', () => {
  openedForPrint = [...document.querySelectorAll('#course details:not([open])')].map((details) => {
    const element = /** @type {HTMLDetailsElement} */ (details);
    element.open = true;
    return element;
  });
});
window.addEventListener('afterprint', () => {
  for (const details of openedForPrint) details.open = false;
  openedForPrint = [];
});

page.on.addEventListener('change', () => {
  if (state.record !== undefined) readRecord(state.record.bundle, state.record.name);
});
page.recordFile.addEventListener('change', async () => {
  const file = page.recordFile.files?.[0];
  if (file !== undefined) loadRecord(await file.text(), file.name);
});
page.sampleButton.addEventListener('click', async () => {
  const response = await fetch(SAMPLE_RECORD);
  loadRecord(await response.text(), SAMPLE_RECORD);
});
page.forgetRecord.addEventListener('click', () => {
  state.record = undefined;
  state.recordProblem = undefined;
  page.recordFile.value = '';
  recordChanged();
  page.recordFile.focus();
});
for (const type of ['dragenter', 'dragover']) {
  page.dropZone.addEventListener(type, (event) => {
    const drag = /** @type {DragEvent} */ (event);
    drag.preventDefault();
    if (drag.dataTransfer !== null) drag.dataTransfer.dropEffect = 'copy';
    page.dropZone.classList.add('dragging');
  });
}
page.dropZone.addEventListener('dragleave', (event) => {
  const related = /** @type {DragEvent} */ (event).relatedTarget;
  if (!(related instanceof Node && page.dropZone.contains(related))) page.dropZone.classList.remove('dragging');
});
page.dropZone.addEventListener('drop', async (event) => {
  const drop = /** @type {DragEvent} */ (event);
  drop.preventDefault();
  page.dropZone.classList.remove('dragging');
  const file = drop.dataTransfer?.files[0];
  if (file === undefined) return;
  if (!/\.json$/i.test(file.name)) {
    state.record = undefined;
    state.recordProblem = { key: 'recordNotJsonFile', name: file.name };
    recordChanged();
    return;
  }
  loadRecord(await file.text(), file.name);
});
// A file dropped beside the zone would otherwise replace the page with the file.
window.addEventListener('dragover', (event) => event.preventDefault());
window.addEventListener('drop', (event) => event.preventDefault());

for (const input of document.querySelectorAll('input[name="language"]')) {
  input.addEventListener('change', (event) => {
    const value = /** @type {HTMLInputElement} */ (event.target).value;
    if (value !== 'en' && value !== 'ru') return;
    state.locale = value;
    // The questionnaire's texts are in the locale it was made in: make it again, keeping its id and the answers.
    if (state.questionnaire !== undefined) makeQuestionnaire();
    renderAll();
  });
}

// ---------------------------------------------------------------- start

buildFactFieldsets();
buildRegionOptions();
page.printButton.before(page.downloadFhir, page.downloadIcs);
// The browser's clock gives the fields their first values only (UI, not clinical logic).
page.on.value = localIsoDate();
page.start.value = localIsoDate();
page.patientId.value = 'example';
const requested = new URLSearchParams(location.search).get('lang');
if (requested === 'ru' || requested === 'en') state.locale = requested;
page.result.tabIndex = -1;
syncExtras();
renderAll();
document.body.dataset['ready'] = 'true';
