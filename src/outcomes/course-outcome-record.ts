// A course outcome record: what happened over one planned course, read from untrusted JSON. Every
// field the clinic did not record stays unrecorded (undefined), never "no": a session with no
// `tookPlace` is not known to have been missed, a session with no `sensations` is not known to
// have had none.
import { parseIsoDate } from '../_internal/iso-date.js';
import { readProperty } from '../_internal/read-property.js';
import { fail, failCounted, type Issue, issue, MAX_ISSUES, ok, type Result } from '../_internal/result.js';
import { describeValue } from '../_internal/text.js';
import type { Course } from '../course/course.js';
import type { SpinalRegion } from '../regions/spinal-region.js';
import type { RuleSetRef } from '../screening/screening.js';
import { type InstrumentId, instruments } from './instruments.js';
import { type QuestionnaireScore, type ScoreOptions, scoreQuestionnaire } from './score.js';

/** The sensations the source protocol says may come during a session (section on the essence of the method). */
export type SensationKind = 'numbness' | 'burning' | 'tingling' | 'cold';

/** The sensation kinds, in the order the source protocol names them. */
export const sensationKinds: readonly SensationKind[] = /* @__PURE__ */ Object.freeze([
  'numbness',
  'burning',
  'tingling',
  'cold',
]);

/** A sensation a patient reported during a session. */
export interface Sensation {
  /** What was felt. */
  readonly kind: SensationKind;
  /** Felt over the body (`general`) or where the needles were (`local`); undefined when not recorded. */
  readonly extent: 'general' | 'local' | undefined;
  /** Whether it persisted after the needles were removed; undefined when not recorded. */
  readonly persisted: boolean | undefined;
}

/** How severe an adverse event was, on the common three-step scale. */
export type AdverseEventSeverity = 'mild' | 'moderate' | 'severe';

/** An adverse event of a session, in the clinic's own terms (a term, or a code of its choice). */
export interface AdverseEvent {
  /** What happened, e.g. `'bruising'`, `'fainting'`, or a code such as a MedDRA term. Not blank. */
  readonly kind: string;
  /** How severe; undefined when not recorded. */
  readonly severity: AdverseEventSeverity | undefined;
}

/** One session of the course, as it went. */
export interface SessionOutcome {
  /** The session's number in the course, from 1. */
  readonly number: number;
  /** The date it took place (or was planned for), `YYYY-MM-DD`; undefined when not recorded. */
  readonly date: string | undefined;
  /** Whether it took place; undefined when not recorded (never read as "missed"). */
  readonly tookPlace: boolean | undefined;
  /** Pain on the 0-10 numeric rating scale before the needles; undefined when not recorded. */
  readonly painBefore: number | undefined;
  /** Pain on the 0-10 numeric rating scale after the needles came out; undefined when not recorded. */
  readonly painAfter: number | undefined;
  /** The sensations reported; `[]` when none was, undefined when the session's sensations were not recorded. */
  readonly sensations: readonly Sensation[] | undefined;
  /** The adverse events; `[]` when none occurred, undefined when not recorded. */
  readonly adverseEvents: readonly AdverseEvent[] | undefined;
}

/** A questionnaire that was given but could not be scored (too many items unanswered). */
export interface UnscoredQuestionnaire {
  /** The instrument. */
  readonly instrument: InstrumentId;
  /** Why there is no score, as issues of `scoreQuestionnaire` (`too-many-missing`). */
  readonly issues: readonly Issue[];
}

/** The questionnaires of one assessment (baseline or follow-up), scored. */
export interface OutcomeAssessment {
  /** When, `YYYY-MM-DD`; undefined when not recorded. */
  readonly date: string | undefined;
  /** The score of each questionnaire that could be scored. */
  readonly scores: Readonly<Partial<Record<InstrumentId, QuestionnaireScore>>>;
  /** The questionnaires given that have no score: their change is then unknown, never zero. */
  readonly unscored: readonly UnscoredQuestionnaire[];
}

/**
 * What happened over one course: the assessments before and after, and each session. Frozen.
 * Read one with {@link parseCourseOutcomeRecord}; start one from a planned course with
 * {@link outcomeRecordTemplate}.
 */
export interface CourseOutcomeRecord {
  /** The clinic's id of the record (a pseudonym, never a name). */
  readonly id: string;
  /** The region treated. */
  readonly region: SpinalRegion;
  /** The sessions planned for the course. */
  readonly plannedSessions: number;
  /** The rule set, and its version, of the screening the course was built from; undefined when not recorded. */
  readonly ruleSet: RuleSetRef | undefined;
  /** The assessment before the course; undefined when there was none. */
  readonly baseline: OutcomeAssessment | undefined;
  /** The assessment after the course; undefined when there was none (the patient did not come back, or not yet). */
  readonly followUp: OutcomeAssessment | undefined;
  /** The sessions recorded, in order of number. */
  readonly sessions: readonly SessionOutcome[];
}

/**
 * A course outcome record as JSON, the input of {@link parseCourseOutcomeRecord}: the
 * assessments hold answers (item ids and ordinal values, per instrument), which the parser
 * scores, so that every score in a record was computed by the published rule.
 */
export interface CourseOutcomeInput {
  /** The clinic's id of the record (a pseudonym, never a name); not blank. */
  readonly id: string;
  /** The region treated. */
  readonly region: SpinalRegion;
  /** The sessions planned, 1 to {@link MAX_RECORDED_SESSIONS}. */
  readonly plannedSessions: number;
  /** The rule set, and its version, of the screening the course was built from. */
  readonly ruleSet?: RuleSetRef | undefined;
  /** The assessment before the course. */
  readonly baseline?: AssessmentInput | undefined;
  /** The assessment after the course; left out when there was none. */
  readonly followUp?: AssessmentInput | undefined;
  /** The sessions, in any order, each number once. */
  readonly sessions?: readonly SessionInput[] | undefined;
}

/** An assessment as JSON: its date and the answers to each questionnaire given. */
export interface AssessmentInput {
  /** When, `YYYY-MM-DD`. */
  readonly date?: string | undefined;
  /** Per instrument given, the ordinal value of each item answered (see `instruments` for the item ids); `null` or left out when unanswered. */
  readonly answers: Readonly<Partial<Record<InstrumentId, Readonly<Record<string, number | null>>>>>;
}

/** A session as JSON. */
export interface SessionInput {
  /** The session's number in the course, from 1. */
  readonly number: number;
  /** The date, `YYYY-MM-DD`. */
  readonly date?: string | undefined;
  /** Whether it took place; left out when not recorded. */
  readonly tookPlace?: boolean | undefined;
  /** Pain 0-10 before the needles; left out or `null` when not recorded. */
  readonly painBefore?: number | null | undefined;
  /** Pain 0-10 after the needles came out; left out or `null` when not recorded. */
  readonly painAfter?: number | null | undefined;
  /** The sensations reported (`[]` for none); left out when not recorded. At most 50. */
  readonly sensations?: readonly Partial<Sensation>[] | undefined;
  /** The adverse events (`[]` for none); left out when not recorded. At most 50. */
  readonly adverseEvents?: readonly Partial<AdverseEvent>[] | undefined;
}

/** Options of {@link parseCourseOutcomeRecord}. */
export interface ParseOutcomeOptions {
  /** How many items each instrument may leave unanswered, per instrument; default each instrument's practice. */
  readonly missingAllowed?: Readonly<Partial<Record<InstrumentId, number>>> | undefined;
}

/** The most sessions a record may hold: far above any course of the protocol, a bound on bad input. */
export const MAX_RECORDED_SESSIONS = 100;

/** The most sensations, or adverse events, one session may list: a bound on bad input. */
const MAX_LIST_ITEMS = 50;

const REGIONS: readonly SpinalRegion[] = ['cervical', 'thoracic', 'lumbosacral'];
const RECORD_KEYS = ['id', 'region', 'plannedSessions', 'ruleSet', 'baseline', 'followUp', 'sessions'];
const ASSESSMENT_KEYS = ['date', 'answers'];
const SESSION_KEYS = ['number', 'date', 'tookPlace', 'painBefore', 'painAfter', 'sensations', 'adverseEvents'];
const SENSATION_KEYS = ['kind', 'extent', 'persisted'];
const EVENT_KEYS = ['kind', 'severity'];
const SEVERITIES: readonly AdverseEventSeverity[] = ['mild', 'moderate', 'severe'];
type Path = readonly (string | number)[];

/**
 * Reads a course outcome record from untrusted JSON (see {@link CourseOutcomeInput}), scoring
 * each questionnaire by its published rule. Fields not recorded stay undefined, never "no"; a
 * questionnaire with too many items unanswered has no score and is listed in `unscored`.
 * Pure; never throws.
 *
 * @returns the frozen record, or every issue with the path of its field: `not-an-object`,
 *   `unknown-key`, `missing`, `invalid-type`, `blank`, `unknown-region`, `not-an-integer`,
 *   `out-of-range`, `invalid-date`, `unknown-instrument`, `unknown-item`, `out-of-range` (an
 *   answer), `duplicate-session` (a number given twice), `contradiction` (a session that did
 *   not take place with pain, sensations or adverse events recorded).
 * @example
 * const record = parseCourseOutcomeRecord({
 *   id: 'p-001', region: 'lumbosacral', plannedSessions: 10,
 *   baseline: { date: '2026-01-05', answers: { 'pain-nrs': { 'nrs.pain': 7 } } },
 *   followUp: { date: '2026-02-16', answers: { 'pain-nrs': { 'nrs.pain': 3 } } },
 *   sessions: [{ number: 1, date: '2026-01-05', tookPlace: true, painBefore: 7, painAfter: 5 }],
 * });
 * record.ok && record.value.followUp?.scores['pain-nrs']?.value; // => 3
 */
export function parseCourseOutcomeRecord(
  input: unknown,
  options: ParseOutcomeOptions = {},
): Result<CourseOutcomeRecord> {
  try {
    return readRecord(input, options);
  } catch {
    // A getter that throws, a revoked proxy: the record cannot be read, and says so as data.
    return fail([issue('unreadable', [], 'the record could not be read')]);
  }
}

function readRecord(input: unknown, options: ParseOutcomeOptions): Result<CourseOutcomeRecord> {
  if (!isObject(input)) {
    return fail([issue('not-an-object', [], `expected a record object, got ${describeValue(input)}`)]);
  }
  const issues = new Issues();
  const allowed = readAllowances(options, issues);
  unknownKeys(input, RECORD_KEYS, [], issues);
  const id = readProperty(input, 'id');
  if (typeof id !== 'string') issues.push(missingOrType(id, ['id'], 'a string'));
  else if (id.trim() === '') issues.push(issue('blank', ['id'], 'the record id is blank'));
  const region = readProperty(input, 'region');
  if (region === undefined || region === null) issues.push(issue('missing', ['region'], 'the region is required'));
  else if (!REGIONS.includes(region as SpinalRegion)) {
    issues.push(
      issue('unknown-region', ['region'], `expected one of ${REGIONS.join(', ')}, got ${describeValue(region)}`),
    );
  }
  const planned = readProperty(input, 'plannedSessions');
  readInteger(planned, [], 'plannedSessions', 1, MAX_RECORDED_SESSIONS, true, issues);
  const ruleSet = readRuleSet(readProperty(input, 'ruleSet'), issues);
  const baseline = readAssessment(readProperty(input, 'baseline'), ['baseline'], allowed, issues);
  const followUp = readAssessment(readProperty(input, 'followUp'), ['followUp'], allowed, issues);
  const sessions = readSessions(readProperty(input, 'sessions'), issues);
  if (issues.length > 0) return failCounted(issues.listed.slice(0, MAX_ISSUES), issues.length);
  return ok(
    Object.freeze({
      id: id as string,
      region: region as SpinalRegion,
      plannedSessions: planned as number,
      ruleSet,
      baseline,
      followUp,
      sessions,
    }),
  );
}

/**
 * The issues of one record. Callers that may find issues by the thousand (unknown keys) only count
 * them once the list is `full`, sparing the building of issues that would not be listed.
 */
class Issues {
  readonly listed: Issue[] = [];
  /** Every issue found, listed or not. */
  length = 0;

  /** True once no more issues are listed. */
  get full(): boolean {
    // Stryker disable next-line all: equivalent, the list is cut to MAX_ISSUES at the end anyway: this only spares building issues
    return this.length >= MAX_ISSUES;
  }

  push(found: Issue): void {
    this.listed.push(found);
    this.length++;
  }
}

/** The `missingAllowed` option, checked once per record, whatever the questionnaires given. */
function readAllowances(options: unknown, issues: Issues): Readonly<Record<string, number>> {
  const given = isObject(options) ? readProperty(options, 'missingAllowed') : undefined;
  const allowed: Record<string, number> = {};
  if (given === undefined) return allowed;
  if (!isObject(given)) {
    issues.push(
      issue(
        'invalid-option',
        ['options', 'missingAllowed'],
        `expected an object of allowances per instrument, got ${describeValue(given)}`,
      ),
    );
    return allowed;
  }
  for (const key of Object.keys(given)) {
    const instrument = Object.hasOwn(instruments, key) ? instruments[key as InstrumentId] : undefined;
    const value = readProperty(given, key);
    // Stryker disable next-line ConditionalExpression: equivalent, the one instrument without a rule for unanswered items has one item
    const most = instrument === undefined || instrument.missingRule === 'none' ? 0 : instrument.items.length - 1;
    if (instrument === undefined) {
      issues.push(issue('invalid-option', ['options', 'missingAllowed', key], `"${key}" is not an instrument`));
    } else if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > most) {
      issues.push(
        issue(
          'invalid-option',
          ['options', 'missingAllowed', key],
          `expected a whole number of items from 0 to ${most} for ${instrument.title}, got ${describeValue(value)}`,
        ),
      );
    } else {
      allowed[key] = value as number;
    }
  }
  return allowed;
}

/**
 * Starts the outcome record of a planned course: its region, planned sessions with their dates,
 * and the rule set of its screening, with nothing recorded yet. Fill in the assessments and each
 * session as the course goes, then read it back with {@link parseCourseOutcomeRecord}.
 *
 * @param course - a course from `buildCourse`.
 * @param id - the clinic's id of the record (a pseudonym, never a name).
 * @example
 * const template = outcomeRecordTemplate(course, 'p-001');
 * template.sessions?.length === course.sessions.length; // => true
 */
export function outcomeRecordTemplate(
  course: Pick<Course, 'region' | 'sessions' | 'ruleSet'>,
  id: string,
): CourseOutcomeInput {
  return {
    id,
    region: course.region,
    plannedSessions: course.sessions.length,
    ruleSet: { id: course.ruleSet.id, version: course.ruleSet.version },
    sessions: course.sessions.map((session) => ({ number: session.number, date: session.date })),
  };
}

/**
 * An array's own element: a hole is undefined, never what a polluted prototype holds at that
 * index, and never skipped (a hole in a list of sensations is not "none reported").
 */
function element(list: readonly unknown[], index: number): unknown {
  return Object.hasOwn(list, index) ? list[index] : undefined;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unknownKeys(value: object, known: readonly string[], path: Path, issues: Issues): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    // Past the listed issues, only counted: a million unknown keys cost a count each.
    // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent, only the cost of building an issue that is not listed changes
    if (issues.full) issues.length++;
    else
      issues.push(
        issue('unknown-key', [...path, key], `"${key}" is not a field here; the fields are ${known.join(', ')}`),
      );
  }
}

function missingOrType(value: unknown, path: Path, expected: string): Issue {
  return value === undefined || value === null
    ? issue('missing', path, `${String(path.at(-1))} is required`)
    : issue('invalid-type', path, `expected ${expected}, got ${describeValue(value)}`);
}

/** Checks a whole number in [min, max]; an absent value is an issue only when required. */
function readInteger(
  value: unknown,
  parent: Path,
  key: string,
  min: number,
  max: number,
  required: boolean,
  issues: Issues,
): number | undefined {
  if (value === undefined || value === null) {
    if (required) issues.push(issue('missing', [...parent, key], `${key} is required`));
    return undefined;
  }
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  // The path is built only for an issue: most values are fine, and a record has many.
  const path = [...parent, key];
  if (typeof value !== 'number') {
    issues.push(issue('invalid-type', path, `expected a number, got ${describeValue(value)}`));
  } else if (!Number.isInteger(value)) {
    issues.push(issue('not-an-integer', path, `expected a whole number, got ${describeValue(value)}`));
  } else {
    issues.push(issue('out-of-range', path, `expected ${min} to ${max}, got ${value}`));
  }
  return undefined;
}

function readDate(value: unknown, parent: Path, key: string, issues: Issues): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (parseIsoDate(value) === undefined) {
    issues.push(issue('invalid-date', [...parent, key], `expected a date YYYY-MM-DD, got ${describeValue(value)}`));
    return undefined;
  }
  return value as string;
}

function readBoolean(value: unknown, parent: Path, key: string, issues: Issues): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') {
    issues.push(issue('invalid-type', [...parent, key], `expected true or false, got ${describeValue(value)}`));
    return undefined;
  }
  return value;
}

function readRuleSet(value: unknown, issues: Issues): RuleSetRef | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) {
    issues.push(issue('invalid-type', ['ruleSet'], `expected { id, version }, got ${describeValue(value)}`));
    return undefined;
  }
  unknownKeys(value, ['id', 'version'], ['ruleSet'], issues);
  const id = readProperty(value, 'id');
  const version = readProperty(value, 'version');
  for (const [key, text] of [
    ['id', id],
    ['version', version],
  ] as const) {
    if (typeof text !== 'string') issues.push(missingOrType(text, ['ruleSet', key], 'a string'));
    else if (text.trim() === '') issues.push(issue('blank', ['ruleSet', key], `the rule set's ${key} is blank`));
  }
  return Object.freeze({ id: id as string, version: version as string });
}

function readAssessment(
  value: unknown,
  path: Path,
  allowed: Readonly<Record<string, number>>,
  issues: Issues,
): OutcomeAssessment | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) {
    issues.push(issue('invalid-type', path, `expected { date, answers }, got ${describeValue(value)}`));
    return undefined;
  }
  unknownKeys(value, ASSESSMENT_KEYS, path, issues);
  const date = readDate(readProperty(value, 'date'), path, 'date', issues);
  const answers = readProperty(value, 'answers');
  if (!isObject(answers)) {
    issues.push(missingOrType(answers, [...path, 'answers'], 'an object of answers per instrument'));
    return undefined;
  }
  const scores: Partial<Record<InstrumentId, QuestionnaireScore>> = {};
  const unscored: UnscoredQuestionnaire[] = [];
  for (const key of Object.keys(answers)) {
    const at = [...path, 'answers', key];
    if (!Object.hasOwn(instruments, key)) {
      // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent, only the cost of building an issue that is not listed changes
      if (issues.full) {
        issues.length++;
        continue;
      }
      issues.push(
        issue(
          'unknown-instrument',
          at,
          `"${key}" is not an instrument; the instruments are ${Object.keys(instruments).join(', ')}`,
        ),
      );
      continue;
    }
    const instrument = key as InstrumentId;
    // Checked by readAllowances: a bad allowance is an issue there, and the default here.
    const allowance = Object.hasOwn(allowed, instrument) ? allowed[instrument] : undefined;
    // Stryker disable next-line ConditionalExpression: equivalent, a missingAllowed of undefined is the default too
    const scoreOptions: ScoreOptions = allowance === undefined ? {} : { missingAllowed: allowance };
    const given = readProperty(answers, key);
    // Unknown items are reported here, counted past the listed issues; the scorer's own reports
    // of them are left out below.
    reportUnknownItems(given, instruments[instrument].items, at, issues);
    const scored = scoreQuestionnaire(instrument, given, scoreOptions);
    if (scored.ok) scores[instrument] = scored.value;
    // Too many items unanswered is not bad data: the questionnaire has no score, and says why.
    // Stryker disable next-line MethodExpression: equivalent, the scorer reports too-many-missing only when it is the one issue
    else if (scored.issues.every((found) => found.code === 'too-many-missing')) {
      unscored.push(Object.freeze({ instrument, issues: scored.issues }));
    } else {
      for (const found of scored.issues) {
        if (found.code === 'unknown-item' || found.code === 'too-many-issues') continue;
        issues.push(issue(found.code, [...at, ...found.path], found.message));
      }
    }
  }
  return Object.freeze({ date, scores: Object.freeze(scores), unscored: Object.freeze(unscored) });
}

function reportUnknownItems(answers: unknown, items: readonly string[], path: Path, issues: Issues): void {
  if (!isObject(answers)) return;
  for (const key of Object.keys(answers)) {
    if (items.includes(key)) continue;
    // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent, only the cost of building an issue that is not listed changes
    if (issues.full) issues.length++;
    else issues.push(issue('unknown-item', [...path, key], `"${key}" is not an item of this instrument`));
  }
}

function readSessions(value: unknown, issues: Issues): readonly SessionOutcome[] {
  if (value === undefined || value === null) return Object.freeze([]);
  if (!Array.isArray(value)) {
    issues.push(issue('invalid-type', ['sessions'], `expected an array of sessions, got ${describeValue(value)}`));
    // Stryker disable next-line ArrayDeclaration: equivalent, the record fails with the issue just pushed
    return Object.freeze([]);
  }
  if (value.length > MAX_RECORDED_SESSIONS) {
    issues.push(issue('out-of-range', ['sessions'], `at most ${MAX_RECORDED_SESSIONS} sessions, got ${value.length}`));
    // Stryker disable next-line ArrayDeclaration: equivalent, the record fails with the issue just pushed
    return Object.freeze([]);
  }
  const sessions: SessionOutcome[] = [];
  const seen = new Set<number>();
  for (let index = 0; index < value.length; index++) {
    const path = ['sessions', index];
    const session = readSession(element(value, index), path, issues);
    if (session === undefined) continue;
    if (seen.has(session.number)) {
      issues.push(issue('duplicate-session', [...path, 'number'], `session ${session.number} is recorded twice`));
    }
    seen.add(session.number);
    sessions.push(session);
  }
  sessions.sort((a, b) => a.number - b.number);
  return Object.freeze(sessions);
}

function readSession(value: unknown, path: Path, issues: Issues): SessionOutcome | undefined {
  if (!isObject(value)) {
    issues.push(issue('invalid-type', path, `expected a session object, got ${describeValue(value)}`));
    return undefined;
  }
  const before = issues.length;
  unknownKeys(value, SESSION_KEYS, path, issues);
  const number = readInteger(readProperty(value, 'number'), path, 'number', 1, MAX_RECORDED_SESSIONS, true, issues);
  const date = readDate(readProperty(value, 'date'), path, 'date', issues);
  const tookPlace = readBoolean(readProperty(value, 'tookPlace'), path, 'tookPlace', issues);
  const painBefore = readInteger(readProperty(value, 'painBefore'), path, 'painBefore', 0, 10, false, issues);
  const painAfter = readInteger(readProperty(value, 'painAfter'), path, 'painAfter', 0, 10, false, issues);
  const sensations = readList(readProperty(value, 'sensations'), path, 'sensations', readSensation, issues);
  const adverseEvents = readList(readProperty(value, 'adverseEvents'), path, 'adverseEvents', readEvent, issues);
  if (
    tookPlace === false &&
    (painBefore !== undefined ||
      painAfter !== undefined ||
      (sensations?.length ?? 0) > 0 ||
      (adverseEvents?.length ?? 0) > 0)
  ) {
    issues.push(
      issue(
        'contradiction',
        [...path, 'tookPlace'],
        'a session that did not take place has pain, sensations or adverse events recorded',
      ),
    );
  }
  if (issues.length > before) return undefined;
  return Object.freeze({
    number: number as number,
    date,
    tookPlace,
    painBefore,
    painAfter,
    sensations,
    adverseEvents,
  });
}

function readList<T>(
  value: unknown,
  parent: Path,
  key: string,
  read: (item: unknown, path: Path, issues: Issues) => T | undefined,
  issues: Issues,
): readonly T[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    issues.push(issue('invalid-type', [...parent, key], `expected an array, got ${describeValue(value)}`));
    return undefined;
  }
  if (value.length > MAX_LIST_ITEMS) {
    issues.push(issue('out-of-range', [...parent, key], `at most ${MAX_LIST_ITEMS} items, got ${value.length}`));
    return undefined;
  }
  const items: T[] = [];
  for (let index = 0; index < value.length; index++) {
    const found = read(element(value, index), [...parent, key, index], issues);
    // Stryker disable next-line ConditionalExpression: equivalent, an item is undefined only with an issue, and then the record is not read
    if (found !== undefined) items.push(found);
  }
  return Object.freeze(items);
}

function readSensation(value: unknown, path: Path, issues: Issues): Sensation | undefined {
  if (!isObject(value)) {
    issues.push(issue('invalid-type', path, `expected { kind, extent, persisted }, got ${describeValue(value)}`));
    return undefined;
  }
  unknownKeys(value, SENSATION_KEYS, path, issues);
  const kind = readProperty(value, 'kind');
  if (!sensationKinds.includes(kind as SensationKind)) {
    issues.push(
      kind === undefined || kind === null
        ? issue('missing', [...path, 'kind'], 'kind is required')
        : issue(
            'invalid-type',
            [...path, 'kind'],
            `expected one of ${sensationKinds.join(', ')}, got ${describeValue(kind)}`,
          ),
    );
  }
  const extent = readProperty(value, 'extent');
  if (extent !== undefined && extent !== null && extent !== 'general' && extent !== 'local') {
    issues.push(issue('invalid-type', [...path, 'extent'], `expected general or local, got ${describeValue(extent)}`));
  }
  const persisted = readBoolean(readProperty(value, 'persisted'), path, 'persisted', issues);
  return Object.freeze({
    kind: kind as SensationKind,
    extent: (extent ?? undefined) as Sensation['extent'],
    persisted,
  });
}

function readEvent(value: unknown, path: Path, issues: Issues): AdverseEvent | undefined {
  if (!isObject(value)) {
    issues.push(issue('invalid-type', path, `expected { kind, severity }, got ${describeValue(value)}`));
    return undefined;
  }
  unknownKeys(value, EVENT_KEYS, path, issues);
  const kind = readProperty(value, 'kind');
  if (typeof kind !== 'string') issues.push(missingOrType(kind, [...path, 'kind'], 'a string'));
  else if (kind.trim() === '') issues.push(issue('blank', [...path, 'kind'], 'the adverse event is blank'));
  const severity = readProperty(value, 'severity');
  if (severity !== undefined && severity !== null && !SEVERITIES.includes(severity as AdverseEventSeverity)) {
    issues.push(
      issue(
        'invalid-type',
        [...path, 'severity'],
        `expected one of ${SEVERITIES.join(', ')}, got ${describeValue(severity)}`,
      ),
    );
  }
  return Object.freeze({ kind: kind as string, severity: (severity ?? undefined) as AdverseEvent['severity'] });
}
