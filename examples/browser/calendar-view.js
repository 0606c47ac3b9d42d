// The planned course as a calendar: one row per week, one column per weekday the course uses,
// each session a card with its date, minutes, phase and steps. On a narrow screen the columns
// fold into one, so nothing hides off the side of a phone. The words come from the library
// (explainCourse and the catalogs), but for the page's own labels passed in `words`.

import { el } from './dom.js';

/** Days since 1970-01-01 of an ISO date, by UTC arithmetic (no time zone can shift it). @param {string} iso */
function dayNumber(iso) {
  const [year, month, day] = iso.split('-').map(Number);
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

/** The ISO date of a day number. @param {number} day */
function isoOf(day) {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/**
 * @param {import('../../dist/index.js').Course} course
 * @param {import('../../dist/index.js').CourseExplanation} explanation - explainCourse's, in the page's language.
 * @param {{
 *   label: (key: string, values?: Record<string, string | number>) => string,
 *   message: (code: string) => string,
 *   formatDate: (iso: string) => string,
 *   capitalize: (text: string) => string,
 * }} words
 * @returns {HTMLElement}
 */
export function renderCalendar(course, explanation, words) {
  const { label, message, formatDate, capitalize } = words;
  const columns = course.settings.weekdays.value;
  const phaseOf = (/** @type {number} */ number) =>
    explanation.phases.find((phase) => number >= phase.first && number <= phase.last);

  /** @type {Map<number, import('../../dist/index.js').Session[]>} */
  const weeks = new Map();
  for (const session of course.sessions) {
    const day = dayNumber(session.date);
    // 1970-01-01 was a Thursday: the Monday of a day's ISO week.
    const monday = day - ((((day + 3) % 7) + 7) % 7);
    weeks.set(monday, [...(weeks.get(monday) ?? []), session]);
  }

  const rows = [...weeks].map(([monday, sessions], index) => {
    const cards = sessions.map((session) => {
      const phase = phaseOf(session.number);
      return el(
        'li',
        {
          class: `session col-${columns.indexOf(session.weekday) + 1}${phase === undefined ? '' : ` phase-${phase.order}`}`,
          'data-session': session.number,
          'data-date': session.date,
          'data-weekday': session.weekday,
          'data-minutes': session.minutes,
          'data-phase': session.phase,
        },
        el('p', { class: 'session-title' }, label('sessionNumber', { number: session.number })),
        el(
          'p',
          { class: 'session-date' },
          el('time', { datetime: session.date }, formatDate(session.date)),
          // The catalog's weekday as it reads after a comma: "Monday", "понедельник".
          `, ${message(`weekday.${session.weekday}`)}`,
        ),
        el('p', { class: 'session-minutes' }, label('minutes', { minutes: session.minutes })),
        el(
          'p',
          { class: 'session-phase' },
          phase === undefined
            ? capitalize(label('noPhase'))
            : label('phaseCell', { order: phase.order, title: phase.title }),
        ),
        el(
          'details',
          { class: 'session-steps' },
          el('summary', {}, label('steps')),
          el('ol', {}, ...explanation.steps.map((step) => el('li', {}, step))),
        ),
      );
    });
    return el(
      'li',
      { class: 'week', 'data-week': index + 1 },
      el(
        'h5',
        { class: 'week-label' },
        `${label('week', { number: index + 1 })} · ${label('weekFrom', { date: formatDate(isoOf(monday)) })}`,
      ),
      el('ol', { class: `week-days columns-${columns.length}` }, ...cards),
    );
  });

  return el(
    'section',
    { class: 'calendar', 'aria-labelledby': 'calendar-heading' },
    el('h4', { id: 'calendar-heading' }, label('calendarHeading')),
    ...(explanation.phases.length === 0
      ? []
      : [
          el(
            'ul',
            { class: 'phase-legend' },
            ...explanation.phases.map((phase) =>
              el('li', { class: `phase-${phase.order}`, 'data-phase': phase.id }, phase.text),
            ),
          ),
        ]),
    el('ol', { class: 'weeks', id: 'calendar' }, ...rows),
  );
}
