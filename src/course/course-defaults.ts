import { protocolSection, THORACIC_SECTION } from '../regions/protocol-sections.js';
import type { SourceCitation } from '../screening/rule.js';
import type { Weekday } from './weekday.js';

/** The defaults that {@link buildCourse} uses where a request leaves a setting out, with their basis. */
export interface CourseDefaults {
  /**
   * Minutes per session: 30, inside the 20-40 that the protocol states for the thoracic region
   * (and acuspine carries over to the other two), and the length used in the GERAC trials.
   */
  readonly minutes: number;
  /** Why the default minutes are 30. */
  readonly minutesBasis: readonly SourceCitation[];
  /**
   * The weekdays of the sessions: Monday and Thursday, twice a week with gaps of three and four
   * days. The protocol states no frequency; twice a week is the GERAC schedule.
   */
  readonly weekdays: readonly Weekday[];
  /** Why the default weekdays are Monday and Thursday. */
  readonly weekdaysBasis: readonly SourceCitation[];
  /** Contralateral (balance) selection is off unless asked for: the protocol describes it as a common approach, not a rule. */
  readonly contralateral: boolean;
}

const GERAC_TITLE =
  'Haake M, Müller HH, Schade-Brittinger C, et al. German Acupuncture Trials (GERAC) for chronic low back pain. Arch Intern Med 2007;167(17):1892-8';

const GERAC: SourceCitation = Object.freeze({
  title: GERAC_TITLE,
  note: 'ten 30-minute sessions, generally two a week',
  url: 'https://doi.org/10.1001/archinte.167.17.1892',
});

/**
 * The documented defaults of {@link buildCourse}: 30 minutes, Monday and Thursday, no
 * contralateral selection. The number of sessions defaults to the region's typical count (10).
 * Every course records which settings came from these defaults.
 *
 * @example
 * courseDefaults.minutes; // => 30
 * courseDefaults.weekdays; // => ['mon', 'thu']
 */
export const courseDefaults: CourseDefaults = Object.freeze({
  minutes: 30,
  minutesBasis: Object.freeze([
    protocolSection(THORACIC_SECTION, { note: '20-40 minutes a session; acuspine takes 30, inside the range' }),
    GERAC,
  ]),
  weekdays: Object.freeze(['mon', 'thu'] as const),
  weekdaysBasis: Object.freeze([
    Object.freeze({
      title: GERAC_TITLE,
      note: 'generally two sessions a week; the protocol states no frequency (trials range from weekly to near-daily)',
    }),
  ]),
  contralateral: false,
});

/** The most sessions a course may have, even with an override: beyond it, input is taken to be an error. */
export const MAX_COURSE_SESSIONS = 100;

/** The longest session in minutes, even with an override: beyond it, input is taken to be an error. */
export const MAX_SESSION_MINUTES = 120;
