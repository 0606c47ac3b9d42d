// A cohort's outcomes in one pass and constant memory: every figure is a count, or a count of an
// exact value (an improvement, a pain score), so memory grows with the values a score can take,
// never with the records, and summaries of parts add up exactly.
import { readProperty } from '../_internal/read-property.js';
import { define, naturalCompare } from '../cohort/statistics.js';
import type { CourseOutcomeRecord, OutcomeAssessment } from './course-outcome-record.js';
import { type InstrumentId, instruments } from './instruments.js';
import { type ChangeTally, emptyOutcomeCounts, type OutcomeCounts, outcomeStatisticsOf } from './outcome-counts.js';
import type { OutcomeEntry } from './outcome-entries.js';
import type { OutcomeAnalysis, OutcomeStatistics, OutcomeSummary } from './outcome-summary.js';
import {
  defineResponder,
  type ResponderDefinition,
  type ResponderResult,
  responderDefinitions,
  responseReason,
} from './responders.js';

/** Options of {@link summarizeOutcomes}. */
export interface SummarizeOutcomesOptions<Row = unknown> {
  /** The responder definitions to apply, shipped or a clinic's own; default every shipped one (`responderDefinitions`). */
  readonly definitions?: readonly ResponderDefinition[] | undefined;
  /**
   * What a missing follow-up is in this analysis, for every definition; default each
   * definition's own (`'unknown'` for every shipped one). Run both (`'unknown'` and
   * `'non-responder'`) and report both.
   */
  readonly missingFollowUp?: 'unknown' | 'non-responder' | undefined;
  /** The definition, of the pain NRS, by which each record's session of first response is found; default `immpact-2008-30`. */
  readonly firstResponse?: ResponderDefinition | undefined;
  /**
   * Which pain of each session to compare with the baseline pain NRS: `'after'` the needles
   * (default: the pain as the session ends), or `'before'` them (what carried over from the
   * sessions before).
   */
  readonly sessionPain?: 'after' | 'before' | undefined;
  /**
   * Puts each entry in a group, e.g. {@link byRegion}; the summary then has the same statistics
   * per group in `groups`. Called once per entry, invalid ones included; it must return a string.
   */
  readonly groupBy?: ((entry: OutcomeEntry<Row>) => string) | undefined;
}

/**
 * Counts the outcomes of a cohort of course outcome records in one pass and constant memory:
 * per responder definition, the responders among the records whose response is known, with the
 * 95% Wilson interval, and the unknown and the missing follow-ups beside them; per instrument,
 * the mean change with its 95% confidence interval, the median and the whole distribution of
 * change; the session at which each record first reached response; the sessions that took
 * place; the pain before and after the needles per session number; the sensations and adverse
 * events. With `groupBy`, the same per group. The result mirrors the input: a summary for an
 * `Iterable`, a Promise of one for an `AsyncIterable`. Summaries of parts merge exactly with
 * {@link mergeOutcomeSummaries}.
 *
 * A missing follow-up is never a response: it is unknown, or a non-response in the analysis that
 * asks for it, and it never enters a mean change.
 *
 * @param entries - entries from {@link readOutcomeRecords}.
 * @throws {TypeError} when `entries` is neither iterable nor async iterable, an option is not
 *   valid (a definition that `defineResponder` refuses, a first-response definition not of the
 *   pain NRS, two definitions with one id), or `groupBy` returns something other than a string.
 * @example
 * const summary = summarizeOutcomes(readOutcomeRecords(rows), { groupBy: byRegion });
 * summary.responders['immpact-2008-30']?.proportion; // => { count, n, p, low, high }
 * summary.change['pain-nrs'].ci95; // => { low, high }
 */
export function summarizeOutcomes<Row>(
  entries: Iterable<OutcomeEntry<Row>>,
  options?: SummarizeOutcomesOptions<Row>,
): OutcomeSummary;
export function summarizeOutcomes<Row>(
  entries: AsyncIterable<OutcomeEntry<Row>>,
  options?: SummarizeOutcomesOptions<Row>,
): Promise<OutcomeSummary>;
export function summarizeOutcomes<Row>(
  entries: Iterable<OutcomeEntry<Row>> | AsyncIterable<OutcomeEntry<Row>>,
  options?: SummarizeOutcomesOptions<Row>,
): OutcomeSummary | Promise<OutcomeSummary>;
export function summarizeOutcomes<Row>(
  entries: Iterable<OutcomeEntry<Row>> | AsyncIterable<OutcomeEntry<Row>>,
  options: SummarizeOutcomesOptions<Row> = {},
): OutcomeSummary | Promise<OutcomeSummary> {
  const tally = new OutcomeTally(options as SummarizeOutcomesOptions);
  if (entries != null && typeof (entries as Iterable<unknown>)[Symbol.iterator] === 'function') {
    for (const entry of entries as Iterable<OutcomeEntry>) tally.add(entry);
    return tally.finish();
  }
  if (entries != null && typeof (entries as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    return (async () => {
      for await (const entry of entries as AsyncIterable<OutcomeEntry>) tally.add(entry);
      return tally.finish();
    })();
  }
  throw new TypeError('summarizeOutcomes: entries must be an Iterable or an AsyncIterable');
}

/** The analysis settings of options, checked. */
function readAnalysis(options: SummarizeOutcomesOptions): {
  readonly analysis: OutcomeAnalysis;
  readonly definitions: readonly ResponderDefinition[];
  readonly first: ResponderDefinition;
} {
  const given = readProperty(options, 'definitions') as readonly ResponderDefinition[] | undefined;
  if (given !== undefined && !Array.isArray(given)) {
    throw new TypeError('summarizeOutcomes: options.definitions must be an array of responder definitions');
  }
  const definitions = (given ?? Object.values(responderDefinitions)).map((definition, i) =>
    checked(definition, `options.definitions[${i}]`),
  );
  const ids = definitions.map((definition) => definition.id);
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated !== undefined) throw new TypeError(`summarizeOutcomes: two definitions have the id ${repeated}`);
  const missingFollowUp = readProperty(options, 'missingFollowUp');
  if (missingFollowUp !== undefined && missingFollowUp !== 'unknown' && missingFollowUp !== 'non-responder') {
    throw new TypeError("summarizeOutcomes: options.missingFollowUp must be 'unknown' or 'non-responder'");
  }
  const firstGiven = readProperty(options, 'firstResponse') as ResponderDefinition | undefined;
  const first = checked(
    firstGiven ?? (responderDefinitions['immpact-2008-30'] as ResponderDefinition),
    'options.firstResponse',
  );
  if (!first.instruments.includes('pain-nrs')) {
    throw new TypeError('summarizeOutcomes: options.firstResponse must be a definition of the pain NRS');
  }
  const sessionPain = readProperty(options, 'sessionPain') ?? 'after';
  if (sessionPain !== 'after' && sessionPain !== 'before') {
    throw new TypeError("summarizeOutcomes: options.sessionPain must be 'after' or 'before'");
  }
  return {
    analysis: Object.freeze({
      definitions: Object.freeze(ids),
      missingFollowUp: (missingFollowUp as 'unknown' | 'non-responder' | undefined) ?? 'per-definition',
      firstResponse: first.id,
      sessionPain,
    }),
    definitions,
    first,
  };
}

function checked(definition: ResponderDefinition, where: string): ResponderDefinition {
  const read = defineResponder(definition);
  if (!read.ok) {
    const found = read.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    throw new TypeError(`summarizeOutcomes: ${where} is not a valid responder definition (${found})`);
  }
  return read.value;
}

class OutcomeTally {
  private readonly analysis: OutcomeAnalysis;
  private readonly definitions: readonly ResponderDefinition[];
  private readonly first: ResponderDefinition;
  private readonly whole: OutcomeCounts;
  private readonly groupBy: ((entry: OutcomeEntry) => string) | undefined;
  private readonly groups = new Map<string, OutcomeCounts>();

  constructor(options: SummarizeOutcomesOptions) {
    const groupBy = readProperty(options, 'groupBy') as OutcomeTally['groupBy'];
    if (groupBy !== undefined && typeof groupBy !== 'function') {
      throw new TypeError('summarizeOutcomes: options.groupBy must be a function (entry) => string');
    }
    this.groupBy = groupBy;
    const { analysis, definitions, first } = readAnalysis(options);
    this.analysis = analysis;
    this.definitions = definitions;
    this.first = first;
    this.whole = emptyOutcomeCounts(analysis.definitions);
  }

  add(entry: OutcomeEntry): void {
    const targets = [this.whole];
    if (this.groupBy !== undefined) {
      const key = this.groupBy(entry);
      if (typeof key !== 'string') {
        throw new TypeError(`summarizeOutcomes: groupBy must return a string, got ${typeof key}`);
      }
      let group = this.groups.get(key);
      if (group === undefined) {
        group = emptyOutcomeCounts(this.analysis.definitions);
        this.groups.set(key, group);
      }
      targets.push(group);
    }
    for (const counts of targets) {
      counts.total++;
      if (!entry.ok) counts.invalid++;
    }
    if (entry.ok) this.addRecord(entry.record, targets);
  }

  private addRecord(record: CourseOutcomeRecord, targets: readonly OutcomeCounts[]): void {
    const baseline = record.baseline?.scores;
    const followUp = record.followUp?.scores;
    for (const definition of this.definitions) {
      const cells = responderCells(definition, baseline, followUp, this.analysis.missingFollowUp);
      for (const counts of targets) {
        const tally = counts.responders.get(definition.id) as number[];
        for (const cell of cells) tally[cell] = (tally[cell] as number) + 1;
      }
    }
    for (const instrument of Object.keys(instruments) as InstrumentId[]) {
      const before = baseline?.[instrument];
      const after = followUp?.[instrument];
      for (const counts of targets) {
        const tally = counts.change.get(instrument) as ChangeTally;
        if (before !== undefined && after !== undefined) {
          const improvement = before.value - after.value;
          tally.values.set(improvement, (tally.values.get(improvement) ?? 0) + 1);
        } else if (before !== undefined && after === undefined) tally.missingFollowUp++;
        else if (before === undefined && after !== undefined) tally.missingBaseline++;
      }
    }
    const first = firstResponse(record, this.first, this.analysis.sessionPain);
    for (const counts of targets) {
      if (first === 'not-reached') counts.firstOther[0] = (counts.firstOther[0] as number) + 1;
      else if (first === 'unknown') counts.firstOther[1] = (counts.firstOther[1] as number) + 1;
      else counts.firstBySession.set(first, (counts.firstBySession.get(first) ?? 0) + 1);
      addSessions(record, counts);
    }
  }

  finish(): OutcomeSummary {
    const statistics = outcomeStatisticsOf(this.whole, this.analysis.firstResponse);
    if (this.groupBy === undefined) return Object.freeze({ ...statistics, analysis: this.analysis });
    const groups: Record<string, OutcomeStatistics> = {};
    for (const key of [...this.groups.keys()].sort(naturalCompare)) {
      define(groups, key, outcomeStatisticsOf(this.groups.get(key) as OutcomeCounts, this.analysis.firstResponse));
    }
    return Object.freeze({ ...statistics, analysis: this.analysis, groups: Object.freeze(groups) });
  }
}

/** The responder cells (indices into RESPONDER_FIELDS) that one record adds for one definition. */
function responderCells(
  definition: ResponderDefinition,
  baseline: OutcomeAssessment['scores'] | undefined,
  followUp: OutcomeAssessment['scores'] | undefined,
  missingFollowUp: OutcomeAnalysis['missingFollowUp'],
): readonly number[] {
  let instrument: InstrumentId | undefined;
  for (const id of definition.instruments) {
    if (baseline?.[id] !== undefined || followUp?.[id] !== undefined) {
      instrument = id;
      break;
    }
  }
  if (instrument === undefined) return NOT_ASSESSED;
  const missing = missingFollowUp === 'per-definition' ? definition.missingFollowUp : missingFollowUp;
  return CELLS[responseReason(definition, baseline?.[instrument], followUp?.[instrument], missing)];
}

const NOT_ASSESSED: readonly number[] = [3];
/** The cells of each reason: its status (responder 0, non-responder 1, unknown 2), then why. */
const CELLS: Readonly<Record<ResponderResult['reason'], readonly number[]>> = {
  'threshold-met': [0],
  'below-threshold': [1],
  'missing-follow-up': [2, 4],
  'missing-follow-up-counted-as-non-response': [1, 4],
  'missing-baseline': [2, 5],
  'baseline-zero': [2, 6],
};

/**
 * The session at which the record first reached response, by the pain of its sessions against
 * its baseline pain NRS; `'not-reached'` when every session that may have taken place has its
 * pain and none reached it; `'unknown'` otherwise.
 */
function firstResponse(
  record: CourseOutcomeRecord,
  definition: ResponderDefinition,
  which: 'after' | 'before',
): number | 'not-reached' | 'unknown' {
  const baseline = record.baseline?.scores['pain-nrs'];
  if (baseline === undefined) return 'unknown';
  let gap = false;
  let observed = false;
  for (const session of record.sessions) {
    if (session.tookPlace === false) continue;
    const pain = which === 'after' ? session.painAfter : session.painBefore;
    if (pain === undefined) {
      // A session that may have taken place, with no pain recorded: whatever comes later, it
      // could have been the first response.
      gap = true;
      continue;
    }
    observed = true;
    // The pain NRS is its own percentage scale x 10. The follow-up is given: what a missing one
    // would be does not arise.
    // Stryker disable next-line StringLiteral: equivalent, the follow-up is never missing here
    const reason = responseReason(definition, baseline, { value: pain, percent: pain * 10 }, 'unknown');
    if (reason === 'threshold-met') return gap ? 'unknown' : session.number;
    if (reason === 'baseline-zero') gap = true;
  }
  // Not reached only when every session that may have taken place has its pain, and one did.
  return gap || !observed ? 'unknown' : 'not-reached';
}

function addSessions(record: CourseOutcomeRecord, counts: OutcomeCounts): void {
  const sessions = counts.sessions;
  sessions[0] = (sessions[0] as number) + record.plannedSessions;
  sessions[1] = (sessions[1] as number) + record.sessions.length;
  let anyEvent = false;
  for (const session of record.sessions) {
    const place = session.tookPlace === true ? 2 : session.tookPlace === false ? 3 : 4;
    sessions[place] = (sessions[place] as number) + 1;
    if (session.tookPlace === false) continue;
    addPain(counts, session.number, 0, session.painBefore);
    addPain(counts, session.number, 11, session.painAfter);
    if (session.sensations === undefined) counts.sensationRecording[1] = (counts.sensationRecording[1] as number) + 1;
    else {
      counts.sensationRecording[0] = (counts.sensationRecording[0] as number) + 1;
      for (const sensation of session.sensations) {
        const tally = counts.sensations.get(sensation.kind) as number[];
        const extent = sensation.extent === 'general' ? 1 : sensation.extent === 'local' ? 2 : 3;
        const persisted = sensation.persisted === true ? 4 : sensation.persisted === false ? 5 : 6;
        for (const cell of [0, extent, persisted]) tally[cell] = (tally[cell] as number) + 1;
      }
    }
    const events = counts.events;
    if (session.adverseEvents === undefined) events[6] = (events[6] as number) + 1;
    else {
      events[5] = (events[5] as number) + 1;
      for (const event of session.adverseEvents) {
        const severity =
          event.severity === 'mild' ? 1 : event.severity === 'moderate' ? 2 : event.severity === 'severe' ? 3 : 4;
        events[0] = (events[0] as number) + 1;
        events[severity] = (events[severity] as number) + 1;
      }
      if (session.adverseEvents.length > 0) {
        events[7] = (events[7] as number) + 1;
        anyEvent = true;
      }
    }
  }
  if (anyEvent) counts.events[8] = (counts.events[8] as number) + 1;
}

function addPain(counts: OutcomeCounts, session: number, offset: number, pain: number | undefined): void {
  if (pain === undefined) return;
  let cells = counts.pain.get(session);
  if (cells === undefined) {
    cells = new Array<number>(22).fill(0);
    counts.pain.set(session, cells);
  }
  cells[offset + pain] = (cells[offset + pain] as number) + 1;
}
