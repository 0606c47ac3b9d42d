// STRICTA describes the acupuncture that was planned; the outcome records add what was given.
// The recorded facts sit beside each item's text, never in place of it: the items the checklist
// leaves to the clinic stay open, with the records as material for them.
import type { StrictaItem, StrictaSummary } from '../course/stricta.js';
import type { OutcomeStatistics } from './outcome-summary.js';

/**
 * A course's STRICTA description with what the outcome records add: item 3a (number of
 * sessions) gains the sessions that took place, were missed or were not recorded; item 2d
 * (response sought) gains the sensations patients reported (numbness, burning, tingling, cold;
 * general or local; persisting after the needles or not), as material for the clinic, which
 * still states the response it sought. Every other item is returned as it was. Adverse events
 * are not a STRICTA item: report them from `adverseEvents` of the summary (CONSORT harms).
 *
 * @param stricta - the `stricta` of a course from `buildCourse`.
 * @param outcomes - an outcome summary (of one record, or of the cohort the report is about).
 * @returns a new frozen summary; `stricta` is left as it is.
 * @example
 * const report = strictaWithOutcomes(course.stricta, summarizeOutcomes(readOutcomeRecords([row])));
 * report.items.find((item) => item.id === '3a')?.recorded;
 * // => '10 sessions planned, 10 recorded: 9 took place, 1 missed, 0 not recorded either way'
 */
export function strictaWithOutcomes(stricta: StrictaSummary, outcomes: OutcomeStatistics): StrictaSummary {
  const { sessions, sensations } = outcomes;
  const recorded: Readonly<Record<string, string>> = {
    '3a': `${sessions.planned} sessions planned, ${sessions.recorded} recorded: ${sessions.tookPlace} took place, ${sessions.missed} missed, ${sessions.unrecorded} not recorded either way`,
    '2d': sensationText(sensations),
  };
  const items = stricta.items.map((item): StrictaItem => {
    const text = recorded[item.id];
    return text === undefined ? item : Object.freeze({ ...item, recorded: text });
  });
  return Object.freeze({ source: stricta.source, items: Object.freeze(items) });
}

function sensationText(sensations: OutcomeStatistics['sensations']): string {
  const reported = Object.entries(sensations.byKind)
    .filter(([, counts]) => counts.sessions > 0)
    .map(
      ([kind, counts]) =>
        `${kind} in ${counts.sessions} (${counts.local} local, ${counts.general} general; persisted after the needles in ${counts.persisted}, not in ${counts.notPersisted})`,
    );
  const of = `of ${sensations.recorded} sessions with sensations recorded (${sensations.unrecorded} without a record)`;
  return reported.length === 0 ? `no sensation reported, ${of}` : `sensations reported, ${of}: ${reported.join('; ')}`;
}
