// A planned course as an iCalendar (RFC 5545) text, one event per session, for a clinic's or a
// patient's calendar. Pure: the caller gives the DTSTAMP instant and the UID prefix, since a
// calendar needs both and src/ reads no clock and draws no random number.

import {
  type CalendarDate,
  formatIsoDate,
  fromDayNumber,
  isoWeekday,
  parseIsoDate,
  toDayNumber,
} from '../_internal/iso-date.js';
import { isRecord } from '../_internal/json-guards.js';
import { readProperty } from '../_internal/read-property.js';
import { fail, type Issue, issue, ok, type Result } from '../_internal/result.js';
import { describeValue } from '../_internal/text.js';
import { messagesEn } from '../messages/en.js';
import type { Locale } from '../messages/message-code.js';
import {
  date,
  decapitalize,
  list,
  type Translator,
  translator,
  uncheckedProtocolSentence,
} from '../messages/translator.js';
import { isSpinalRegion, type SpinalRegion } from '../regions/spinal-region.js';
import { PROTOCOL_RULES } from '../screening/protocol-rules.js';
import type { Course, Session } from './course.js';
import { MAX_COURSE_SESSIONS, MAX_SESSION_MINUTES } from './course-defaults.js';
import { weekdays } from './weekday.js';

/**
 * Options for {@link courseCalendar}. `uid` and `stamp` are required: the calendar cannot make
 * them itself without a clock or a random number.
 *
 * @example
 * const options: CourseCalendarOptions = {
 *   uid: 'course-123@clinic.example',
 *   stamp: '2026-03-01T09:00:00Z',
 *   startTime: '09:30',
 *   location: 'Room 4',
 * };
 */
export interface CourseCalendarOptions {
  /**
   * A prefix that makes the events' UIDs unique to this course, such as
   * `'course-123@clinic.example'`: session n gets the UID `n-` followed by it. Give the same
   * prefix when you export the same course again, so that a calendar updates its events instead
   * of adding new ones. Not blank; no control characters.
   */
  readonly uid: string;
  /** When the calendar was made (each event's DTSTAMP): a UTC instant `YYYY-MM-DDTHH:MM:SSZ`. */
  readonly stamp: string;
  /**
   * The time of day of every session, `HH:MM` (24-hour clock): each event then starts at that
   * local time (a floating time, in whatever zone the calendar is read) and lasts the session's
   * minutes. Without it, each session is an all-day event on its date.
   */
  readonly startTime?: string | undefined;
  /**
   * The title of every event. Default: the region and the session's number out of the course's,
   * in the locale's words ("Acupuncture, cervical spine: session 1 of 10").
   */
  readonly summary?: string | undefined;
  /** Where the sessions take place (each event's LOCATION); left out when not given. */
  readonly location?: string | undefined;
  /**
   * The language of the default title and of each event's description: English by default, or
   * a {@link Locale} such as `ru` from 'acuspine/locales/ru'.
   */
  readonly locale?: Locale | undefined;
}

const OPTION_KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'uid',
  'stamp',
  'startTime',
  'summary',
  'location',
  'locale',
]);
const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;
const TIME = /^(\d{2}):(\d{2})$/;
// Control characters but tab, line feed and carriage return, and a surrogate not in a pair: none
// can stand in an iCalendar TEXT value (line breaks are escaped as \n).
const NOT_TEXT = /(?![\t\n\r])\p{Cc}|\p{Cs}/u;
const LINE_BREAK = /[\r\n]/;
// Lines are folded at 75 octets (RFC 5545, 3.1); a continuation line begins with a space.
const LINE_OCTETS = 75;
const LAST_DAY = /* @__PURE__ */ toDayNumber({ year: 9999, month: 12, day: 31 });
const PHASE_ORDER = ['nerve-pain', 'spasm-and-inflammation', 'circulation-and-metabolism', 'consolidation'];

/** The options once read: every value checked. */
interface CalendarSettings {
  readonly uid: string;
  readonly stamp: string;
  readonly startTime: string | undefined;
  readonly summary: string | undefined;
  readonly location: string | undefined;
  readonly locale: Locale | undefined;
}

/**
 * Writes a planned course as an iCalendar text (RFC 5545): one event per session, with its date
 * (and time, with `startTime`), its length, a title, and a description from the course itself:
 * the session's date and phase, the point groups, the steps of a session, the cautions carried
 * from the screening, and the screening's rule set and version (also in the event's
 * `X-ACUSPINE-RULE-SET` property, as `id|version`). The description states the plan; it makes
 * no claim about the effect of treatment. Pure and deterministic: the same course and options
 * give the same text. Never throws: a value that is not a course as `buildCourse` returns it,
 * and bad options, come back as issues.
 *
 * The text: lines end in CRLF and are folded at 75 octets of UTF-8 without splitting a
 * character; TEXT values escape backslash, `;`, `,` and line breaks; `PRODID` is
 * `-//acuspine//course calendar//EN`, `METHOD:PUBLISH`. Each event has UID `n-<uid>` (n the
 * session's number), `DTSTAMP` from `stamp`, and either `DTSTART` at the floating local time
 * `startTime` with `DURATION:PT<minutes>M`, or `DTSTART;VALUE=DATE` with `DTEND;VALUE=DATE` on
 * the next day (an all-day event).
 *
 * Issues have the path of the bad field: in the course from its root (`['sessions', 2, 'date']`),
 * in the options under `'options'` (`['options', 'stamp']`). Their codes are those of
 * `buildCourse`, so that `explainIssues` words them: `not-an-object`, `unknown-key`, `missing`,
 * `invalid-type`, `blank`, `out-of-range`, `invalid-date`, `unknown-region`, `unknown-weekday`,
 * `empty`, and `unreadable` when reading the value threw.
 *
 * @param course - a course as returned by `buildCourse` (its `value`).
 * @param options - `uid` and `stamp` (required), `startTime`, `summary`, `location`, `locale`.
 * @returns `{ ok: true, value }` with the iCalendar text, or `{ ok: false, issues }`.
 * @example
 * const result = buildCourse({ region: 'cervical', screening, start: '2026-03-02' });
 * if (result.ok) {
 *   const calendar = courseCalendar(result.value, {
 *     uid: 'course-123@clinic.example',
 *     stamp: '2026-03-01T09:00:00Z',
 *     startTime: '09:30',
 *   });
 *   calendar.ok && calendar.value.split('\r\n').slice(0, 2); // => ['BEGIN:VCALENDAR', 'VERSION:2.0']
 *   // each session: UID:1-course-123@clinic.example, DTSTART:20260302T093000, DURATION:PT30M, ...
 *   courseCalendar(result.value, { uid: '', stamp: 'now' }).ok;
 *   // => false (issues at ['options', 'uid'] and ['options', 'stamp'])
 * }
 */
export function courseCalendar(course: Course, options: CourseCalendarOptions): Result<string> {
  const issues: Issue[] = [];
  const report: Report = (code, path, message) => issues.push(issue(code, path, message));
  try {
    const settings = readOptions(options, report);
    checkCourse(course, report);
    if (settings === undefined || issues.length > 0) return fail(issues);
    return ok(writeCalendar(course, settings));
  } catch {
    // Only a getter or a proxy can throw here, while the course or the options are read.
    return fail([issue('unreadable', [], 'the course or the options could not be read')]);
  }
}

// ---------------------------------------------------------------- reading the options

type Path = readonly (string | number)[];

/** Records an issue: the issue codes are those of buildCourse, so that explainIssues has words for each. */
type Report = (code: string, path: Path, message: string) => void;

function readOptions(options: unknown, report: Report): CalendarSettings | undefined {
  if (!isRecord(options)) {
    report(
      'not-an-object',
      ['options'],
      `expected an options object with "uid" and "stamp", got ${describeValue(options)}`,
    );
    return undefined;
  }
  let bad = false;
  const complain: Report = (code, path, message) => {
    bad = true;
    report(code, ['options', ...path], message);
  };
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.has(key)) complain('unknown-key', [key], `"${key}" is not an option of courseCalendar`);
  }
  const uid = readProperty(options, 'uid');
  checkText(uid, 'uid', true, complain);
  if (typeof uid === 'string' && LINE_BREAK.test(uid)) complain('out-of-range', ['uid'], 'expected one line of text');
  const stamp = readProperty(options, 'stamp');
  const stampText = stampValue(stamp);
  if (stampText === undefined) {
    const expected = `expected a UTC instant YYYY-MM-DDTHH:MM:SSZ, got ${describeValue(stamp)}`;
    complain(
      stamp === undefined ? 'missing' : typeof stamp === 'string' ? 'invalid-date' : 'invalid-type',
      ['stamp'],
      expected,
    );
  }
  const startTime = readProperty(options, 'startTime');
  const time = timeValue(startTime);
  if (startTime !== undefined && time === undefined) {
    const expected = `expected a time of day HH:MM, got ${describeValue(startTime)}`;
    complain(typeof startTime === 'string' ? 'out-of-range' : 'invalid-type', ['startTime'], expected);
  }
  const summary = readProperty(options, 'summary');
  checkText(summary, 'summary', false, complain);
  const location = readProperty(options, 'location');
  checkText(location, 'location', false, complain);
  const locale = readProperty(options, 'locale');
  if (locale !== undefined && !isLocale(locale)) {
    complain(
      'invalid-type',
      ['locale'],
      `expected a Locale { code, messages }, such as en from 'acuspine' or ru from 'acuspine/locales/ru', got ${describeValue(locale)}`,
    );
  }
  if (bad) return undefined;
  return {
    uid: uid as string,
    stamp: stampText as string,
    startTime: time,
    summary: summary as string | undefined,
    location: location as string | undefined,
    locale: locale as Locale | undefined,
  };
}

/** Checks an option that is text: present when `required`, a string, not blank, no control characters. */
function checkText(value: unknown, key: string, required: boolean, complain: Report): void {
  if (value === undefined) {
    if (required) complain('missing', [key], `"${key}" is required`);
  } else if (typeof value !== 'string') {
    complain('invalid-type', [key], `expected text, got ${describeValue(value)}`);
  } else if (value.trim() === '') {
    complain('blank', [key], 'expected text that is not blank');
  } else if (NOT_TEXT.test(value)) {
    complain('out-of-range', [key], 'expected text without control characters or unpaired surrogates');
  }
}

/** Text an iCalendar TEXT value can hold, with something in it besides white space. */
function isPlainText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && !NOT_TEXT.test(value);
}

function isLocale(value: unknown): value is Locale {
  return isRecord(value) && isPlainText(readProperty(value, 'code')) && isRecord(readProperty(value, 'messages'));
}

/** `YYYY-MM-DDTHH:MM:SSZ` as the DTSTAMP value `YYYYMMDDTHHMMSSZ`, or undefined when it is no instant. */
function stampValue(value: unknown): string | undefined {
  const match = typeof value === 'string' ? STAMP.exec(value) : null;
  if (match === null) return undefined;
  const [, day, hours, minutes, seconds] = match as unknown as [string, string, string, string, string];
  const time = clockValue(hours, minutes);
  if (parseIsoDate(day) === undefined || time === undefined || Number(seconds) > 59) return undefined;
  return `${compactDate(day)}T${time}${seconds}Z`;
}

/** `HH:MM` as `HHMM`, or undefined when it is no time of day. */
function timeValue(value: unknown): string | undefined {
  const match = typeof value === 'string' ? TIME.exec(value) : null;
  return match === null ? undefined : clockValue(match[1] as string, match[2] as string);
}

function clockValue(hours: string, minutes: string): string | undefined {
  return Number(hours) > 23 || Number(minutes) > 59 ? undefined : `${hours}${minutes}`;
}

function compactDate(iso: string): string {
  return iso.replaceAll('-', '');
}

// ---------------------------------------------------------------- checking the course

/**
 * Checks every part of the course that the calendar reads, so that a value that is not a course
 * (a hand-edited JSON, a forged object) is refused with the path of the bad field rather than
 * written as a wrong calendar.
 */
function checkCourse(course: unknown, report: Report): void {
  const wrong = (path: Path, what: string, value: unknown, code = 'invalid-type') =>
    report(code, path, `expected ${what}, got ${describeValue(value)}`);
  if (!isRecord(course)) {
    report(
      'not-an-object',
      [],
      `expected a course as returned by buildCourse() (its value), got ${describeValue(course)}`,
    );
    return;
  }
  const region = readProperty(course, 'region');
  if (!isSpinalRegion(region)) wrong(['region'], 'a spinal region', region, 'unknown-region');
  const status = readProperty(course, 'screeningStatus');
  if (status !== 'eligible' && status !== 'caution') wrong(['screeningStatus'], '"eligible" or "caution"', status);
  const ruleSet = readProperty(course, 'ruleSet');
  if (!isRecord(ruleSet)) wrong(['ruleSet'], 'the rule set { id, version }', ruleSet);
  else {
    for (const key of ['id', 'version']) {
      const value = readProperty(ruleSet, key);
      if (!isPlainText(value)) wrong(['ruleSet', key], 'text', value);
    }
  }
  checkItems(wrong, ['cautions'], readProperty(course, 'cautions'), { item: 'a caution id', isItem: isPlainText });
  checkItems(wrong, ['uncheckedProtocolRules'], readProperty(course, 'uncheckedProtocolRules'), {
    item: 'a rule id of the protocol',
    isItem: isProtocolRule,
  });
  const sessions = readProperty(course, 'sessions');
  checkItems(wrong, ['sessions'], sessions, { item: 'a session', isItem: isRecord, nonEmpty: true });
  if (!Array.isArray(sessions) || sessions.length === 0) return;
  if (sessions.length > MAX_COURSE_SESSIONS) {
    wrong(['sessions'], `at most ${MAX_COURSE_SESSIONS} sessions`, sessions, 'out-of-range');
    return;
  }
  sessions.forEach((session: unknown, index) => {
    if (isRecord(session)) checkSession(session, index, wrong);
  });
}

type Complaint = (path: Path, what: string, value: unknown, code?: string) => void;

/**
 * Checks a list and its items, reporting the first bad item only: a sparse list of a billion
 * holes costs one step, not a billion.
 */
function checkItems(
  wrong: Complaint,
  path: Path,
  items: unknown,
  expected: { readonly item: string; readonly isItem: (value: unknown) => boolean; readonly nonEmpty?: boolean },
): void {
  if (!Array.isArray(items)) {
    wrong(path, 'a list', items);
  } else if (expected.nonEmpty === true && items.length === 0) {
    wrong(path, 'a list that is not empty', items, 'empty');
  } else {
    const bad = items.findIndex((item: unknown) => !expected.isItem(item));
    if (bad >= 0) wrong([...path, bad], expected.item, items[bad]);
  }
}

function isProtocolRule(value: unknown): boolean {
  return PROTOCOL_RULES.some((rule) => rule.id === value);
}

/** Whether `value` names a word of the catalogs under `prefix` (a phase, a point group, a step). */
function isKnown(prefix: string, value: unknown): boolean {
  return typeof value === 'string' && Object.hasOwn(messagesEn, `${prefix}.${value}`);
}

function checkSession(session: Record<string, unknown>, index: number, wrong: Complaint): void {
  const at = (key: string) => ['sessions', index, key];
  const number = readProperty(session, 'number');
  if (number !== index + 1) wrong(at('number'), `the session number ${index + 1}`, number, 'out-of-range');
  const day = readProperty(session, 'date');
  const parsed = parseIsoDate(day);
  if (parsed === undefined) wrong(at('date'), 'a date YYYY-MM-DD', day, 'invalid-date');
  const weekday = readProperty(session, 'weekday');
  // The description names the weekday: it must be the date's.
  if (parsed !== undefined && weekday !== weekdays[isoWeekday(toDayNumber(parsed))]) {
    wrong(at('weekday'), `the weekday of ${String(day)}`, weekday, 'unknown-weekday');
  }
  const minutes = readProperty(session, 'minutes');
  if (!isMinutes(minutes))
    wrong(at('minutes'), `whole minutes from 1 to ${MAX_SESSION_MINUTES}`, minutes, 'out-of-range');
  checkItems(wrong, at('pointGroups'), readProperty(session, 'pointGroups'), {
    item: 'a point group',
    isItem: (group) => isKnown('pointGroup', group),
    nonEmpty: true,
  });
  const contralateral = readProperty(session, 'contralateral');
  if (typeof contralateral !== 'boolean') wrong(at('contralateral'), 'true or false', contralateral);
  const phase = readProperty(session, 'phase');
  if (phase !== undefined && !isKnown('phase', phase)) wrong(at('phase'), 'a treatment phase', phase);
  checkItems(wrong, at('steps'), readProperty(session, 'steps'), {
    item: 'a procedure step',
    isItem: isStep,
    nonEmpty: true,
  });
}

function isMinutes(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_SESSION_MINUTES;
}

function isStep(step: unknown): boolean {
  if (!isRecord(step)) return false;
  const id = readProperty(step, 'id');
  return id === 'retain-needles' ? isMinutes(readProperty(step, 'minutes')) : isKnown('step', id);
}

// ---------------------------------------------------------------- writing the calendar

function writeCalendar(course: Course, settings: CalendarSettings): string {
  const t = translator({ locale: settings.locale }, 'courseCalendar');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//acuspine//course calendar//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  const count = course.sessions.length;
  const ruleSet = escapeText(`${course.ruleSet.id}|${course.ruleSet.version}`);
  const courseWide = courseLines(t, course);
  for (const session of course.sessions) {
    const day = compactDate(session.date);
    lines.push('BEGIN:VEVENT', `UID:${escapeText(`${session.number}-${settings.uid}`)}`, `DTSTAMP:${settings.stamp}`);
    if (settings.startTime === undefined) lines.push(`DTSTART;VALUE=DATE:${day}`, allDayEnd(session.date));
    else lines.push(`DTSTART:${day}T${settings.startTime}00`, `DURATION:PT${session.minutes}M`);
    const summary = settings.summary ?? defaultSummary(t, course.region, session.number, count);
    lines.push(`SUMMARY:${escapeText(summary)}`);
    if (settings.location !== undefined) lines.push(`LOCATION:${escapeText(settings.location)}`);
    const description = [...sessionLines(t, session), ...courseWide].join('\n');
    lines.push(`DESCRIPTION:${escapeText(description)}`, `X-ACUSPINE-RULE-SET:${ruleSet}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/**
 * The end of an all-day event: the next day. A session on 9999-12-31, the last day a DATE can
 * write, ends with a one-day DURATION instead.
 */
function allDayEnd(iso: string): string {
  const day = toDayNumber(parseIsoDate(iso) as CalendarDate);
  if (day === LAST_DAY) return 'DURATION:P1D';
  return `DTEND;VALUE=DATE:${compactDate(formatIsoDate(fromDayNumber(day + 1)))}`;
}

function defaultSummary(t: Translator, region: SpinalRegion, number: number, count: number): string {
  return t.t('calendar.summary', {
    region: t.t(`region.${region}`),
    regionGenitive: t.t(`region.${region}.genitive`),
    number,
    count,
  });
}

/**
 * The session's own lines: its number, date, weekday, minutes and phase; its point groups;
 * contralateral selection when it is used; its steps.
 */
function sessionLines(t: Translator, session: Session): string[] {
  const common = {
    number: session.number,
    date: date(t, session.date),
    weekday: t.t(`weekday.${session.weekday}`),
    minutes: session.minutes,
  };
  const lines = [
    session.phase === undefined
      ? t.t('session.line', common)
      : t.t('session.line.phase', {
          ...common,
          order: PHASE_ORDER.indexOf(session.phase) + 1,
          phase: t.t(`phase.${session.phase}`),
        }),
    t.t('course.point-groups', { groups: list(session.pointGroups.map((group) => t.t(`pointGroup.${group}`))) }),
  ];
  if (session.contralateral) lines.push(t.t('course.contralateral.on'));
  const steps = session.steps.map((step) =>
    step.id === 'retain-needles' ? t.t('step.retain-needles', { minutes: step.minutes }) : t.t(`step.${step.id}`),
  );
  lines.push(t.t('course.steps', { steps: steps.join('; ') }));
  return lines;
}

/**
 * The lines every session's description ends with: the cautions carried from the screening, the
 * screening and its rule set, and the protocol's contraindications that the rule set does not check.
 */
function courseLines(t: Translator, course: Course): string[] {
  const lines: string[] = [];
  if (course.cautions.length > 0) {
    const cautions = course.cautions.map((rule) => {
      const code = `rule.${rule}.label`;
      return t.has(code) ? t.t(code) : rule;
    });
    lines.push(t.t('course.cautions', { cautions: list(cautions) }));
  }
  lines.push(
    t.t('course.screening', {
      status: decapitalize(t.t(`status.${course.screeningStatus}.label`)),
      id: course.ruleSet.id,
      version: course.ruleSet.version,
    }),
  );
  const unchecked = uncheckedProtocolSentence(t, course.uncheckedProtocolRules);
  if (unchecked !== undefined) lines.push(unchecked);
  return lines;
}

/** A TEXT value escaped (RFC 5545, 3.3.11): backslash, semicolon, comma, and line breaks as `\n`. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * A content line folded at 75 octets of UTF-8 (RFC 5545, 3.1): CRLF and a space before each
 * continuation, never inside a character.
 */
export function fold(line: string): string {
  const parts: string[] = [];
  let part = '';
  let octets = 0;
  for (const character of line) {
    const size = utf8Length(character.codePointAt(0) as number);
    // A continuation line's leading space is one of its 75 octets.
    const room = parts.length === 0 ? LINE_OCTETS : LINE_OCTETS - 1;
    if (octets + size > room) {
      parts.push(part);
      part = '';
      octets = 0;
    }
    part += character;
    octets += size;
  }
  parts.push(part);
  return parts.join('\r\n ');
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  return codePoint < 0x10000 ? 3 : 4;
}
