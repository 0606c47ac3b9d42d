import { readProperty } from '../_internal/read-property.js';
import type { Course, Session } from '../course/course.js';
import type { ProcedureStep } from '../course/procedure-steps.js';
import type { LumbosacralPhaseId } from '../regions/region-profile.js';
import { isSpinalRegion } from '../regions/spinal-region.js';
import { PROTOCOL_RULES } from '../screening/protocol-rules.js';
import type { MessageCode } from './message-code.js';
import type { MessageOptions } from './message-options.js';
import {
  citation,
  date,
  decapitalize,
  list,
  type Translator,
  translator,
  uncheckedProtocolSentence,
} from './translator.js';

export const NOT_A_COURSE = 'explainCourse: expected a course as returned by buildCourse() (its value)';

/**
 * Options for {@link explainCourse}.
 *
 * @example
 * const options: ExplainCourseOptions = { locale: ru, sessions: true }; // ru from 'acuspine/locales/ru'
 */
export interface ExplainCourseOptions extends MessageOptions {
  /** Also describe every session, one line each (date, weekday, minutes, phase). Default false. */
  readonly sessions?: boolean | undefined;
}

/**
 * A course explained in words, for a clinician. Frozen.
 *
 * @example
 * const result = buildCourse({ region: 'cervical', screening, start: '2026-03-02' });
 * if (result.ok) {
 *   const explanation: CourseExplanation = explainCourse(result.value);
 *   explanation.lines[0]; // => 'Region: cervical spine.'
 * }
 */
export interface CourseExplanation {
  /** The locale of the words. */
  readonly locale: string;
  /** One sentence: the region and the dates of the course. */
  readonly summary: string;
  /**
   * The course line by line: region; sessions and minutes; where the protocol states the session
   * length for another region only, that fact; weekdays; dates; phases; point groups;
   * contralateral selection; the steps of a session; the cautions carried from the screening;
   * the override; the settings left at their defaults; the screening; the protocol's
   * contraindications that the screening's rule set does not check, when there are any; the
   * protocol sections.
   */
  readonly lines: readonly string[];
  /**
   * When the screening's rule set does not check every contraindication of the source protocol
   * (the course's `uncheckedProtocolRules`): a sentence that names them. Undefined when it
   * checks them all.
   */
  readonly uncheckedProtocol: string | undefined;
  /** The treatment phases with their sessions (lumbosacral courses; empty for the other regions). */
  readonly phases: readonly PhaseExplanation[];
  /** The steps of each session, in order. */
  readonly steps: readonly string[];
  /** One line per session with `sessions: true`; empty otherwise. */
  readonly sessions: readonly string[];
  /** The sections of the protocol that the course rests on, one citation each. */
  readonly sources: readonly string[];
  /** The summary, the lines and the session lines as plain text, one line each. */
  readonly text: string;
  /** The codes that a supplied `messages` catalog (or a Locale's own) lacked and that came from the next catalog; empty for a shipped locale without `messages`. */
  readonly fallbacks: readonly MessageCode[];
}

/**
 * One treatment phase of a course in words.
 *
 * @example
 * const result = buildCourse({ region: 'lumbosacral', screening, start: '2026-03-02' });
 * if (result.ok) {
 *   const [phase]: readonly PhaseExplanation[] = explainCourse(result.value).phases;
 *   [phase.id, phase.first, phase.last]; // => ['nerve-pain', 1, 3]
 * }
 */
export interface PhaseExplanation {
  /** The phase. */
  readonly id: LumbosacralPhaseId;
  /** The phase's position in the protocol, from 1. */
  readonly order: number;
  /** The phase's aim, as the protocol orders it. */
  readonly title: string;
  /** The number of the phase's first session. */
  readonly first: number;
  /** The number of the phase's last session. */
  readonly last: number;
  /** The phase and its sessions as a line. */
  readonly text: string;
}

/**
 * Explains a planned course in words: the region, the number and length of the sessions, the
 * weekdays and dates, the phases, the point groups, contralateral selection, the steps of a
 * session, the cautions carried from the screening, the override and its reason, and the
 * protocol sections it rests on. A value the protocol states for another region only is said
 * to be so, and so are the protocol's contraindications that the screening's rule set does not
 * check. The words describe the plan; they make no claim of efficacy or prognosis.
 *
 * @param course - a course as returned by `buildCourse` (its `value`).
 * @param options - `locale` (English by default, or a {@link Locale} such as `ru` from
 *   'acuspine/locales/ru'), `messages` for an app's own locale; `sessions: true` for one line per
 *   session.
 * @returns the frozen explanation.
 * @throws {TypeError} when `course` is not a course (one whose weekday, phase, point group, step or
 *   override setting has no words in the catalogs is not, nor is one that cannot be read,
 *   whatever its getters throw), or an option has the wrong type.
 * @throws {RangeError} when `locale` is the tag `'ru'` (import `ru` from 'acuspine/locales/ru'
 *   instead), or a tag other than `'en'` with no `messages`.
 * @example
 * import { buildCourse, explainCourse, screen } from 'acuspine';
 * import { ru } from 'acuspine/locales/ru';
 *
 * const screening = screen({ ageYears: 52, oncologicalDisease: false, pregnant: false, coagulationDisorder: false,
 *   acuteInfection: false, acuteMentalIllness: false, psychotropicInfluence: false });
 * const result = buildCourse({ region: 'lumbosacral', screening, start: '2026-03-02' });
 * if (result.ok) {
 *   const explanation = explainCourse(result.value);
 *   explanation.summary;
 *   // => 'Planned course of acupuncture for osteochondrosis of the lumbosacral spine, from 2026-03-02 to 2026-04-02.'
 *   explanation.phases[0].text; // => 'Phase 1, stop the pain from pinched nerve roots: sessions 1 to 3.'
 *   explainCourse(result.value, { locale: ru }).lines[1]; // => 'Число сеансов: 10; продолжительность сеанса: 30 мин.'
 * }
 */
export function explainCourse(course: Course, options?: ExplainCourseOptions): CourseExplanation {
  const t = translator(options, 'explainCourse');
  const withSessions = options !== undefined && readProperty(options, 'sessions') === true;
  try {
    return explainChecked(t, course, withSessions);
  } catch (error) {
    // explainCourse's own errors name it; any other came from reading the value (a getter, a proxy).
    if (error instanceof TypeError && error.message.startsWith('explainCourse:')) throw error;
    throw new TypeError(`${NOT_A_COURSE}: it could not be read`, { cause: error });
  }
}

function explainChecked(t: Translator, course: Course, withSessions: boolean): CourseExplanation {
  checkCourse(course);
  const sessions = course.sessions;
  const first = sessions[0] as Session;
  const last = sessions[sessions.length - 1] as Session;
  const region = course.region;
  const from = date(t, first.date);
  const to = date(t, last.date);
  const { settings } = course;

  const summary = t.t('course.summary', {
    region: t.t(`region.${region}`),
    regionGenitive: t.t(`region.${region}.genitive`),
    from,
    to,
  });
  const lines: string[] = [
    t.t('course.region', { region: t.t(`region.${region}`) }),
    t.t('course.sessions', { count: sessions.length, minutes: first.minutes }),
  ];
  const carriedFrom = settings.minutes.carriedOverFrom;
  if (carriedFrom !== undefined) {
    lines.push(
      t.t('course.minutes.carried-over', {
        from: t.t(`region.${carriedFrom}`),
        fromGenitive: t.t(`region.${carriedFrom}.genitive`),
      }),
    );
  }
  lines.push(
    t.t('course.weekdays', { weekdays: list(settings.weekdays.value.map((day) => t.t(`weekday.${day}`))) }),
    t.t('course.dates', { from, to }),
  );

  const phases = phasesOf(t, sessions);
  for (const phase of phases) lines.push(phase.text);
  if (course.omittedPhases.length > 0) {
    lines.push(t.t('course.phases.omitted', { phases: list(course.omittedPhases.map((id) => t.t(`phase.${id}`))) }));
  }

  lines.push(
    t.t('course.point-groups', { groups: list(first.pointGroups.map((group) => t.t(`pointGroup.${group}`))) }),
  );
  lines.push(t.t(first.contralateral ? 'course.contralateral.on' : 'course.contralateral.off'));
  const steps = first.steps.map((step) => stepText(t, step));
  lines.push(t.t('course.steps', { steps: steps.join('; ') }));

  if (course.cautions.length > 0) {
    const cautions = course.cautions.map((rule) => {
      const code = `rule.${rule}.label`;
      return t.has(code) ? t.t(code) : rule;
    });
    lines.push(t.t('course.cautions', { cautions: list(cautions) }));
  }

  const override = course.override;
  if (override !== undefined) {
    if (override.covers.length === 0) {
      lines.push(t.t('course.override.within', { reason: override.reason }));
    } else {
      const covered = list(override.covers.map((setting) => t.t(`setting.${setting}`)));
      lines.push(
        override.by === undefined
          ? t.t('course.override', { settings: covered, reason: override.reason })
          : t.t('course.override.by', { settings: covered, reason: override.reason, by: override.by }),
      );
    }
  }

  const defaults = (['sessions', 'minutes', 'weekdays', 'contralateral'] as const).filter(
    (name) => settings[name].from === 'default',
  );
  if (defaults.length > 0) {
    lines.push(t.t('course.defaults', { settings: list(defaults.map((name) => t.t(`setting.${name}`))) }));
  }

  lines.push(
    t.t('course.screening', {
      status: decapitalize(t.t(`status.${course.screeningStatus}.label`)),
      id: course.ruleSet.id,
      version: course.ruleSet.version,
    }),
  );
  const uncheckedProtocol = uncheckedProtocolSentence(t, course.uncheckedProtocolRules);
  if (uncheckedProtocol !== undefined) lines.push(uncheckedProtocol);
  const sources = course.protocolBasis.map((source) => citation(t, source));
  lines.push(t.t('course.sources', { sources: sources.join('; ') }));

  const sessionLines = withSessions ? sessions.map((session) => sessionText(t, session)) : [];

  return Object.freeze({
    locale: t.locale,
    summary,
    lines: Object.freeze(lines),
    uncheckedProtocol,
    phases: Object.freeze(phases),
    steps: Object.freeze(steps),
    sessions: Object.freeze(sessionLines),
    sources: Object.freeze(sources),
    text: [summary, ...lines, ...sessionLines].join('\n'),
    fallbacks: t.fallbacks(),
  });
}

/** The position of a phase in the protocol's order (lumbosacral section, items 1-4). */
function phaseOrder(id: LumbosacralPhaseId): number {
  return ['nerve-pain', 'spasm-and-inflammation', 'circulation-and-metabolism', 'consolidation'].indexOf(id) + 1;
}

/** The phases in session order, each with its first and last session (a phase is one block of sessions). */
function phasesOf(t: Translator, sessions: readonly Session[]): PhaseExplanation[] {
  const blocks: { id: LumbosacralPhaseId; first: number; last: number }[] = [];
  for (const session of sessions) {
    if (session.phase === undefined) continue;
    const open = blocks[blocks.length - 1];
    if (open !== undefined && open.id === session.phase) open.last = session.number;
    else blocks.push({ id: session.phase, first: session.number, last: session.number });
  }
  return blocks.map(({ id, first, last }) => {
    const order = phaseOrder(id);
    const title = t.t(`phase.${id}`);
    const text =
      first === last
        ? t.t('course.phase.single', { order, title, number: first })
        : t.t('course.phase', { order, title, first, last });
    return Object.freeze({ id, order, title, first, last, text });
  });
}

function stepText(t: Translator, step: ProcedureStep): string {
  return step.id === 'retain-needles' ? t.t('step.retain-needles', { minutes: step.minutes }) : t.t(`step.${step.id}`);
}

function sessionText(t: Translator, session: Session): string {
  const common = {
    number: session.number,
    date: date(t, session.date),
    weekday: t.t(`weekday.${session.weekday}`),
    minutes: session.minutes,
  };
  return session.phase === undefined
    ? t.t('session.line', common)
    : t.t('session.line.phase', { ...common, order: phaseOrder(session.phase), phase: t.t(`phase.${session.phase}`) });
}

function checkCourse(course: Course): void {
  const value = course as Partial<Course> | null | undefined;
  const valid =
    typeof value === 'object' &&
    value !== null &&
    isSpinalRegion(value.region) &&
    Array.isArray(value.sessions) &&
    value.sessions.length > 0 &&
    typeof value.settings === 'object' &&
    value.settings !== null &&
    Array.isArray(value.cautions) &&
    Array.isArray(value.omittedPhases) &&
    Array.isArray(value.protocolBasis) &&
    Array.isArray(value.uncheckedProtocolRules) &&
    value.uncheckedProtocolRules.every((rule) => PROTOCOL_RULES.some((known) => known.id === rule)) &&
    (value.screeningStatus === 'eligible' || value.screeningStatus === 'caution') &&
    typeof value.ruleSet === 'object' &&
    value.ruleSet !== null;
  if (!valid) throw new TypeError(NOT_A_COURSE);
}
