import { formatIsoDate, fromDayNumber, isoWeekday, parseIsoDate, toDayNumber } from '../_internal/iso-date.js';
import { fail, type Issue, issue, MAX_ISSUES, ok, type Result } from '../_internal/result.js';
import { describeValue, truncate } from '../_internal/text.js';
import { ESSENCE_SECTION, protocolSection, REGION_SECTIONS } from '../regions/protocol-sections.js';
import type { LumbosacralPhaseId, RegionProfile } from '../regions/region-profile.js';
import { regionProfiles } from '../regions/region-profiles.js';
import { isSpinalRegion, type SpinalRegion, spinalRegions } from '../regions/spinal-region.js';
import type { ProtocolRuleId } from '../screening/protocol-rules.js';
import { readScreening as readScreeningValue } from '../screening/read-screening.js';
import type { SourceCitation } from '../screening/rule.js';
import type { RuleSetRef } from '../screening/screening.js';
import type {
  Course,
  CourseOverrideRecord,
  CourseRequest,
  CourseSetting,
  OverridableSetting,
  Session,
} from './course.js';
import { courseDefaults, MAX_COURSE_SESSIONS, MAX_SESSION_MINUTES } from './course-defaults.js';
import { layoutPhases } from './phase-layout.js';
import { procedureSteps } from './procedure-steps.js';
import { COURSE_REQUEST_FIELDS, OVERRIDE_FIELDS } from './request-fields.js';
import { sessionDays } from './session-dates.js';
import { strictaSummary } from './stricta.js';
import { type Weekday, weekdays } from './weekday.js';

type Path = readonly (string | number)[];

const REQUEST_KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set(COURSE_REQUEST_FIELDS);
const OVERRIDE_KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set(OVERRIDE_FIELDS);
const LAST_DAY = /* @__PURE__ */ toDayNumber({ year: 9999, month: 12, day: 31 });
const WEEKDAY_NAMES: Readonly<Record<Weekday, string>> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/**
 * Plans a course of acupuncture for one region from a patient's screening: how many sessions,
 * how long, on which dates, in which phase, with which point groups and steps. Never throws:
 * whatever the value at run time (a parsed JSON body may be passed `as CourseRequest`), every
 * problem comes back as an issue with the path of the field.
 *
 * Refusals (an override never lifts them):
 * - a value that is not a screening as `screen` returns it, for example one whose status does
 *   not follow from its findings: issue `invalid-screening` (the same reading as
 *   `screeningCards`, which shows such a value as unreadable);
 * - a `refer` screening (a red flag found present): issue `referral-present` at
 *   `['screening', 'referrals']`, naming each referral and its urgency, most urgent first; the
 *   patient is assessed or referred before any needling, whatever else the screening says;
 * - a `contraindicated` screening: issue `contraindicated`, naming the contraindications; the
 *   patient needs another method of treatment (protocol, last section);
 * - an `incomplete` screening, or one that lists facts to record: issue `screening-incomplete`,
 *   naming the facts to record first.
 * A `caution` screening gets a course, which carries the cautions for the clinician. The course
 * also carries the screening's `uncheckedProtocolRules`: the protocol's contraindications that
 * its rule set does not check, which nothing rules out for this course.
 *
 * Settings and their defaults (each recorded in `course.settings` with its basis):
 * - `sessions`: the region's typical 10; 10-12 is the protocol's range.
 * - `minutes`: 30, inside the 20-40 the protocol gives for the thoracic region and carries over
 *   to the others (`carriedOverFrom: 'thoracic'`).
 * - `weekdays`: Monday and Thursday (twice a week, as in the GERAC trials; the protocol gives no
 *   frequency). Recorded in week order.
 * - `contralateral`: false. The protocol describes the balance method for the cervical region
 *   only: elsewhere `true` needs an override.
 * A count outside 10-12, minutes outside 20-40 or contralateral selection outside the cervical
 * region is refused (issue `outside-protocol`) unless `override.reason` is given; the course
 * then records the override and what it covers. Even with an override, at most
 * 100 sessions of at most 120 minutes.
 *
 * Dates: the first session falls on the first allowed weekday on or after `start`, each next
 * one on the next allowed weekday; all arithmetic is on calendar dates (no time zone).
 *
 * Lumbosacral phases: with four or more sessions, near-equal blocks in the protocol's order,
 * each phase at least one session, the earlier phases taking the extra sessions (10 gives
 * 3, 3, 2, 2). With fewer (an overridden course), the first session is in the first phase, the
 * last in consolidation, and the phases between are filled in order while sessions last
 * (1: `nerve-pain`; 2: `nerve-pain`, `consolidation`; 3: adds `spasm-and-inflammation`); the
 * phases left out are listed in `omittedPhases`.
 *
 * Issue codes: `not-an-object`, `unknown-key`, `unreadable`, `missing`, `invalid-type`,
 * `unknown-region`, `invalid-screening`, `referral-present`, `contraindicated`, `screening-incomplete`,
 * `invalid-date`, `not-an-integer`, `out-of-range`, `empty`, `unknown-weekday`,
 * `duplicate-weekday`, `blank`, `outside-protocol`. At most 100 issues are listed: after 99,
 * reading stops, and a last issue, `too-many-issues`, says that more were found.
 *
 * @typeParam Fact - the names of the screening's rule set's own facts, if it declares any.
 * @param request - the region, the screening, the start date and the optional settings.
 * @returns `{ ok: true, value }` with the frozen course, or `{ ok: false, issues }`.
 * @example
 * const screening = screen({ ageYears: 52, oncologicalDisease: false, pregnant: false, coagulationDisorder: false,
 *   acuteInfection: false, acuteMentalIllness: false, psychotropicInfluence: false });
 * const result = buildCourse({ region: 'lumbosacral', screening, start: '2026-03-02' });
 * if (result.ok) {
 *   result.value.sessions.length; // => 10
 *   result.value.sessions[0]; // => { number: 1, date: '2026-03-02', weekday: 'mon', minutes: 30, phase: 'nerve-pain', ... }
 * }
 * buildCourse({ region: 'cervical', screening, start: '2026-03-02', sessions: 20 }).ok;
 * // => false (issue 'outside-protocol' at ['sessions'])
 */
export function buildCourse<Fact extends string = never>(request: CourseRequest<Fact>): Result<Course> {
  // The type is for callers; at run time the request may be anything (a parsed JSON body).
  const raw: unknown = request;
  const reader = new Reader();
  const list = reader.isArray(raw, []);
  if (list === undefined) return fail(reader.issues);
  if (typeof raw !== 'object' || raw === null || list) {
    return fail([issue('not-an-object', [], `expected a course request object, got ${describe(raw)}`)]);
  }
  const keys = reader.keys(raw, []);
  if (keys === undefined) return fail(reader.issues);
  for (const key of keys) {
    if (!REQUEST_KEYS.has(key)) reader.add('unknown-key', [key], `"${key}" is not a course request field`);
  }
  const input = (key: string): unknown => reader.get(raw, key, [key]);

  const region = readRegion(reader, input('region'));
  const screening = readScreening(reader, input('screening'));
  const startDay = readStart(reader, input('start'));
  const override = readOverride(reader, input('override'));
  // Stryker disable next-line ConditionalExpression: equivalent, regionProfiles has no undefined key
  const profile = region === undefined ? undefined : regionProfiles[region];

  const sessions = readCount(reader, input('sessions'), 'sessions', 'sessions', MAX_COURSE_SESSIONS);
  const minutes = readCount(reader, input('minutes'), 'minutes', 'minutes', MAX_SESSION_MINUTES);
  const days = readWeekdays(reader, input('weekdays'));
  const contralateral = readContralateral(reader, input('contralateral'));

  const covers: OverridableSetting[] = [];
  const overridable = override !== undefined;
  const check = (setting: OverridableSetting, outside: boolean, message: string): boolean => {
    if (!outside) return false;
    if (overridable) covers.push(setting);
    else reader.add('outside-protocol', [setting], `${message}; an override with a reason is needed to go outside it`);
    return true;
  };
  let sessionsOutside = false;
  let minutesOutside = false;
  let contralateralOutside = false;
  if (profile !== undefined) {
    const range = profile.sessions.value;
    // Stryker disable next-line ConditionalExpression: equivalent, undefined compares false with both bounds
    if (sessions !== undefined) {
      sessionsOutside = check(
        'sessions',
        sessions < range.min || sessions > range.max,
        `${sessions} sessions is outside the protocol's ${range.min}-${range.max} for the ${profile.region} region`,
      );
    }
    const span = profile.sessionMinutes.value;
    // Stryker disable next-line ConditionalExpression: equivalent, undefined compares false with both bounds
    if (minutes !== undefined) {
      minutesOutside = check(
        'minutes',
        minutes < span.min || minutes > span.max,
        `${minutes} minutes is outside the protocol's ${span.min}-${span.max} minutes a session`,
      );
    }
    if (contralateral === true) {
      contralateralOutside = check(
        'contralateral',
        profile.contralateral === undefined,
        `the protocol describes contralateral (balance) selection for the cervical region only, not the ${profile.region} region`,
      );
    }
  }

  // A reader gives undefined for a value that is not given or not valid; for a required one, only
  // after an issue. The first three checks narrow the types, and never hold without the fourth.
  if (
    // Stryker disable ConditionalExpression,LogicalOperator: equivalent, each of these holds only with an issue, which the last line refuses
    profile === undefined ||
    screening === undefined ||
    startDay === undefined ||
    // Stryker restore ConditionalExpression,LogicalOperator
    reader.issues.length > 0
  ) {
    return fail(reader.issues);
  }

  const count = sessions ?? profile.sessions.value.typical;
  const length = minutes ?? courseDefaults.minutes;
  const chosenDays = days ?? courseDefaults.weekdays;
  const allowed = weekdays.map((day) => chosenDays.includes(day));
  const dayNumbers = sessionDays(startDay, allowed, count);
  const lastDay = dayNumbers[dayNumbers.length - 1] as number;
  if (lastDay > LAST_DAY) {
    return fail([issue('out-of-range', ['start'], 'the course would end after 9999-12-31')]);
  }

  const phaseOrder = profile.phases.map((phase) => phase.id);
  const phases: readonly LumbosacralPhaseId[] | undefined =
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, the layout of no phases is empty and gives no session a phase
    phaseOrder.length > 0 ? layoutPhases(phaseOrder, count) : undefined;
  const useContralateral = contralateral ?? courseDefaults.contralateral;
  const steps = procedureSteps(length);
  const pointGroups = profile.pointGroups.value;
  const sessionList: Session[] = dayNumbers.map((day, index) => {
    const phase = phases?.[index];
    return Object.freeze({
      number: index + 1,
      date: formatIsoDate(fromDayNumber(day)),
      weekday: weekdays[isoWeekday(day)] as Weekday,
      minutes: length,
      pointGroups,
      contralateral: useContralateral,
      steps,
      ...(phase === undefined ? {} : { phase }),
    });
  });

  const overrideRecord: CourseOverrideRecord | undefined =
    override === undefined ? undefined : Object.freeze({ ...override, covers: Object.freeze(covers) });
  const weekdayValue = Object.freeze(weekdays.filter((day) => chosenDays.includes(day)));
  const settings = Object.freeze({
    sessions: setting(count, sessions !== undefined, sessionsOutside, [
      protocolSection(REGION_SECTIONS[profile.region]),
      protocolSection(ESSENCE_SECTION),
    ]),
    minutes: setting(
      length,
      minutes !== undefined,
      minutesOutside,
      minutes === undefined ? courseDefaults.minutesBasis : [profile.sessionMinutes.source],
      // Stryker disable next-line ConditionalExpression: equivalent, a stated value has no carriedOverFrom; the test narrows the type
      profile.sessionMinutes.basis === 'carried-over' ? profile.sessionMinutes.carriedOverFrom : undefined,
    ),
    weekdays: setting(weekdayValue, days !== undefined, false, days === undefined ? courseDefaults.weekdaysBasis : []),
    contralateral: setting(
      useContralateral,
      contralateral !== undefined,
      contralateralOutside,
      profile.contralateral === undefined ? [] : [profile.contralateral.source],
    ),
  });
  // Stryker disable next-line ConditionalExpression: equivalent, phases is undefined only when phaseOrder is empty
  const omittedPhases = Object.freeze(phaseOrder.filter((id) => phases !== undefined && !phases.includes(id)));
  const frozenSessions = Object.freeze(sessionList);
  const course: Course = {
    region: profile.region,
    sessions: frozenSessions,
    settings,
    override: overrideRecord,
    screeningStatus: screening.status,
    cautions: screening.cautions,
    ruleSet: screening.ref,
    uncheckedProtocolRules: screening.uncheckedProtocolRules,
    protocolBasis: protocolBasis(profile),
    omittedPhases,
    stricta: describeForStricta(
      profile,
      frozenSessions,
      lastDay - startOf(dayNumbers) + 1,
      weekdayValue,
      overrideRecord,
      screening,
    ),
  };
  return ok(Object.freeze(course));
}

interface ScreeningSummary {
  readonly status: 'eligible' | 'caution';
  readonly cautions: readonly string[];
  readonly ref: RuleSetRef;
  readonly uncheckedProtocolRules: readonly ProtocolRuleId[];
}

/**
 * Reads untrusted input without letting a getter or a proxy throw past it, and collects at most
 * MAX_ISSUES issues: after MAX_ISSUES - 1 of them, the next one stops the reading, and a last
 * issue says that more were found. The loop over the weekdays stops there too, so that a huge (or
 * sparse) list costs little. (`fail` leaves a list of MAX_ISSUES issues as it is.)
 */
class Reader {
  readonly issues: Issue[] = [];
  stopped = false;

  add(code: string, path: Path, message: string): void {
    if (this.stopped) return;
    if (this.issues.length < MAX_ISSUES - 1) {
      this.issues.push(issue(code, path, message));
      return;
    }
    this.stopped = true;
    this.issues.push(
      issue(
        'too-many-issues',
        [],
        `more issues were found than the ${MAX_ISSUES - 1} listed, and the rest of the request was not checked`,
      ),
    );
  }

  /** Whether a value is an array; undefined, after an issue, for a revoked proxy. */
  isArray(value: unknown, path: Path): boolean | undefined {
    try {
      return Array.isArray(value);
    } catch {
      this.add('unreadable', path, 'the value could not be read');
      return undefined;
    }
  }

  keys(value: object, path: Path): string[] | undefined {
    try {
      return Object.keys(value);
    } catch {
      this.add('unreadable', path, 'the keys could not be read');
      return undefined;
    }
  }

  get(value: object, key: string, path: Path): unknown {
    try {
      const own = Object.getOwnPropertyDescriptor(value, key);
      if (own === undefined) return undefined;
      // Stryker disable next-line StringLiteral: equivalent for any object but a proxy whose traps disagree: reading the property gives the same value
      return 'value' in own ? own.value : (value as Record<string, unknown>)[key];
    } catch {
      this.add('unreadable', path, `the value of "${key}" could not be read`);
      return undefined;
    }
  }

  /** The length of a list, or undefined, after an issue, when it cannot be read. */
  length(list: readonly unknown[], path: Path): number | undefined {
    try {
      return list.length;
    } catch {
      this.add('unreadable', path, 'the list could not be read');
      return undefined;
    }
  }
}

function readRegion(reader: Reader, value: unknown): SpinalRegion | undefined {
  if (value === undefined || value === null) {
    reader.add('missing', ['region'], `a region is required: ${spinalRegions.join(', ')}`);
    return undefined;
  }
  if (isSpinalRegion(value)) return value;
  if (typeof value !== 'string') {
    reader.add(
      'invalid-type',
      ['region'],
      `expected a region id (${spinalRegions.join(', ')}), got ${describe(value)}`,
    );
  } else {
    reader.add(
      'unknown-region',
      ['region'],
      `${JSON.stringify(truncate(value, 41))} is not a region id: expected ${spinalRegions.join(', ')} (parseRegion reads synonyms such as "lower back")`,
    );
  }
  return undefined;
}

function readScreening(reader: Reader, value: unknown): ScreeningSummary | undefined {
  if (value === undefined || value === null) {
    reader.add('missing', ['screening'], 'a screening from screen() is required');
    return undefined;
  }
  // The same reading as the CDS cards' and explain's: a value one refuses, all refuse.
  const read = readScreeningValue(value);
  if (!read.ok) {
    for (const found of read.issues) reader.add(found.code, ['screening', ...found.path], found.message);
    return undefined;
  }
  const { status, referrals, contraindications, missing, cautions, ruleSet, uncheckedProtocolRules } = read.value;
  // A red flag outranks everything: the patient is assessed or referred first, however the rest reads.
  if (status === 'refer') {
    const named = referrals.map((referral) => `${referral.rule} (${referral.urgency})`).join(', ');
    const also =
      contraindications.length > 0 ? `; acupuncture is also contraindicated (${contraindications.join(', ')})` : '';
    reader.add(
      'referral-present',
      ['screening', 'referrals'],
      `a red flag calls for assessment or referral before any needling: ${named}; no course is planned${also}`,
    );
    return undefined;
  }
  if (status === 'contraindicated') {
    reader.add(
      'contraindicated',
      ['screening'],
      `acupuncture is contraindicated (${contraindications.join(', ')}): no course is planned, and the patient needs another method of treatment`,
    );
    return undefined;
  }
  // An incomplete screening always lists facts to record (readScreening checks it), and an
  // eligible one may still list a fact whose recorded value could not be read.
  if (missing.length > 0) {
    reader.add(
      'screening-incomplete',
      ['screening', 'missing'],
      `the screening is incomplete: record these facts and screen again before planning a course: ${missing.join(', ')}`,
    );
    return undefined;
  }
  return { status: status as 'eligible' | 'caution', cautions, ref: ruleSet, uncheckedProtocolRules };
}

function readStart(reader: Reader, value: unknown): number | undefined {
  if (value === undefined || value === null) {
    reader.add('missing', ['start'], 'a start date YYYY-MM-DD is required');
    return undefined;
  }
  if (typeof value !== 'string') {
    reader.add('invalid-type', ['start'], `expected a date as YYYY-MM-DD, got ${describe(value)}`);
    return undefined;
  }
  const date = parseIsoDate(value);
  if (date === undefined) {
    reader.add(
      'invalid-date',
      ['start'],
      `${JSON.stringify(truncate(value, 41))} is not a calendar date as YYYY-MM-DD`,
    );
    return undefined;
  }
  return toDayNumber(date);
}

function readCount(
  reader: Reader,
  value: unknown,
  key: 'sessions' | 'minutes',
  unit: string,
  max: number,
): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number') {
    reader.add('invalid-type', [key], `expected a whole number of ${unit}, got ${describe(value)}`);
    return undefined;
  }
  if (!Number.isInteger(value)) {
    reader.add('not-an-integer', [key], `expected a whole number of ${unit}, got ${String(value)}`);
    return undefined;
  }
  if (value < 1 || value > max) {
    reader.add('out-of-range', [key], `expected 1 to ${max} ${unit}, got ${String(value)}`);
    return undefined;
  }
  return value;
}

function readWeekdays(reader: Reader, value: unknown): readonly Weekday[] | undefined {
  if (value === undefined || value === null) return undefined;
  const isList = reader.isArray(value, ['weekdays']);
  if (isList === undefined) return undefined;
  if (!isList) {
    reader.add(
      'invalid-type',
      ['weekdays'],
      `expected a list of weekdays such as ['mon', 'thu'], got ${describe(value)}`,
    );
    return undefined;
  }
  const length = reader.length(value as readonly unknown[], ['weekdays']);
  if (length === undefined) return undefined;
  // A proxy may answer any length: one that is not a positive number is an empty list, as Array.from reads it.
  if (!(length > 0)) {
    reader.add('empty', ['weekdays'], 'expected at least one weekday');
    return undefined;
  }
  // An entry with an issue is left out of the list; the issue refuses the request all the same.
  // Past the seventh entry every entry is an issue, so the reader stops the loop soon.
  const seen = new Set<Weekday>();
  for (let index = 0; index < length && !reader.stopped; index++) {
    const entry = reader.get(value as object, String(index), ['weekdays', index]);
    if (!(weekdays as readonly unknown[]).includes(entry)) {
      reader.add(
        'unknown-weekday',
        ['weekdays', index],
        `expected one of ${weekdays.join(', ')}, got ${describe(entry)}`,
      );
    } else if (seen.has(entry as Weekday)) {
      reader.add('duplicate-weekday', ['weekdays', index], `"${entry}" is listed more than once`);
    } else {
      seen.add(entry as Weekday);
    }
  }
  return [...seen];
}

function readContralateral(reader: Reader, value: unknown): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') {
    reader.add('invalid-type', ['contralateral'], `expected true or false, got ${describe(value)}`);
    return undefined;
  }
  return value;
}

function readOverride(reader: Reader, value: unknown): { reason: string; by?: string } | undefined {
  if (value === undefined || value === null) return undefined;
  const isList = reader.isArray(value, ['override']);
  if (isList === undefined) return undefined;
  if (typeof value !== 'object' || isList) {
    reader.add('invalid-type', ['override'], `expected { reason, by? }, got ${describe(value)}`);
    return undefined;
  }
  const keys = reader.keys(value, ['override']);
  if (keys === undefined) return undefined;
  let valid = true;
  for (const key of keys) {
    if (!OVERRIDE_KEYS.has(key)) {
      reader.add('unknown-key', ['override', key], `"${key}" is not an override field (reason, by)`);
      valid = false;
    }
  }
  const text = (key: 'reason' | 'by', required: boolean): string | undefined => {
    const raw = reader.get(value, key, ['override', key]);
    if (raw === undefined || raw === null) {
      // A missing reason leaves the override invalid through `reason === undefined` below.
      if (required)
        reader.add('missing', ['override', key], 'an override needs the reason for going outside the protocol');
      return undefined;
    }
    if (typeof raw !== 'string') {
      reader.add('invalid-type', ['override', key], `expected text, got ${describe(raw)}`);
      valid = false;
      return undefined;
    }
    if (raw.trim() === '') {
      reader.add('blank', ['override', key], `override.${key} must not be blank`);
      valid = false;
      return undefined;
    }
    return raw.trim();
  };
  const reason = text('reason', true);
  const by = text('by', false);
  if (!valid || reason === undefined) return undefined;
  return by === undefined ? { reason } : { reason, by };
}

function setting<T>(
  value: T,
  fromRequest: boolean,
  outsideProtocol: boolean,
  basis: readonly SourceCitation[],
  carriedOverFrom?: SpinalRegion,
): CourseSetting<T> {
  return Object.freeze({
    value,
    from: fromRequest ? 'request' : 'default',
    outsideProtocol,
    basis: Object.freeze([...basis]),
    ...(carriedOverFrom === undefined ? {} : { carriedOverFrom }),
  });
}

function protocolBasis(profile: RegionProfile): readonly SourceCitation[] {
  const sections = [ESSENCE_SECTION, REGION_SECTIONS[profile.region]];
  for (const value of [profile.sessionMinutes, profile.pointGroups]) {
    if (value.basis === 'carried-over') sections.push(REGION_SECTIONS[value.carriedOverFrom]);
  }
  return Object.freeze([...new Set(sections)].map((section) => protocolSection(section)));
}

function describeForStricta(
  profile: RegionProfile,
  sessions: readonly Session[],
  span: number,
  chosenDays: readonly Weekday[],
  override: CourseOverrideRecord | undefined,
  screening: ScreeningSummary,
) {
  const first = sessions[0] as Session;
  const last = sessions[sessions.length - 1] as Session;
  const count = sessions.length;
  const minutes = first.minutes;
  const groups = profile.pointGroups.value.join(', ');
  const balance = first.contralateral ? ', selected on the side opposite the complaint (balance method)' : '';
  const phases =
    profile.phases.length > 0
      ? `; phases in order: ${profile.phases.map((phase) => phase.title.toLowerCase()).join('; ')}`
      : '';
  const unchecked =
    screening.uncheckedProtocolRules.length > 0
      ? `, which does not check these contraindications of the protocol: ${screening.uncheckedProtocolRules.join(', ')}`
      : '';
  const outside =
    override !== undefined && override.covers.length > 0
      ? ` Outside the protocol by the doctor's decision (${override.covers.join(', ')}): ${override.reason}.`
      : '';
  return strictaSummary({
    '1a': `Acupuncture for ${profile.region} osteochondrosis as described in the protocol "${profile.section.title}", section "${profile.section.section}".`,
    '1b': `Points from the ${groups} groups${balance}${phases}. The patient was screened with rule set ${screening.ref.id} ${screening.ref.version} (status ${screening.status})${unchecked}.`,
    '1c': `A fixed plan of ${count} session${count === 1 ? '' : 's'} of ${minutes} minutes; the points within each group are chosen by the practitioner at each session.${outside}`,
    '2b': `Point groups: ${groups}${balance}. The names of the points and their uni- or bilateral use are for the clinic to record.`,
    '2f': `${minutes} minutes.`,
    '3a': `${count} session${count === 1 ? '' : 's'}.`,
    '3b': `${chosenDays.length} session${chosenDays.length === 1 ? '' : 's'} a week (${chosenDays.map((day) => WEEKDAY_NAMES[day]).join(', ')}), from ${first.date} to ${last.date} (${span} day${span === 1 ? '' : 's'}).`,
  });
}

function startOf(days: readonly number[]): number {
  return days[0] as number;
}

/** A value described for an issue message; a revoked proxy cannot even be asked whether it is an array. */
function describe(value: unknown): string {
  try {
    return describeValue(value);
  } catch {
    return 'a value that could not be read';
  }
}
