// Adding up outcome summaries of the parts of a cohort: every count is read back, checked, summed
// and recomputed through the same function as summarizeOutcomes, so the merge of any split
// equals the summary of the whole.
import { readProperty } from '../_internal/read-property.js';
import { define, naturalCompare } from '../cohort/statistics.js';
import { type SensationKind, sensationKinds } from './course-outcome-record.js';
import type { InstrumentId } from './instruments.js';
import {
  type ChangeTally,
  EVENT_FIELDS,
  emptyOutcomeCounts,
  instrumentIds,
  type OutcomeCounts,
  outcomeStatisticsOf,
  RESPONDER_FIELDS,
  SENSATION_FIELDS,
  SESSION_FIELDS,
} from './outcome-counts.js';
import type { OutcomeAnalysis, OutcomeStatistics, OutcomeSummary } from './outcome-summary.js';

/**
 * Adds up outcome summaries of disjoint parts of a cohort (files, shards, worker threads) into
 * the summary of the whole: deep-equal to `summarizeOutcomes` of the whole, groups included,
 * whatever the order of the parts, when they were summarized with the same analysis (the same
 * definitions, missing follow-up analysis, first-response definition and session pain).
 * Summaries that went through JSON, `structuredClone` or `postMessage` merge as well.
 *
 * @param summaries - the partial summaries, at least one (an empty cohort has no analysis to merge into).
 * @returns the frozen merged summary; it has `groups` when the parts have them.
 * @throws {TypeError} when no summary is given, a summary is not one (a count that is not a
 *   whole number, a missing field), the analyses differ, or grouped and ungrouped summaries of
 *   non-empty parts are mixed.
 * @example
 * const merged = mergeOutcomeSummaries(summarizeOutcomes(readOutcomeRecords(january)), summarizeOutcomes(readOutcomeRecords(february)));
 */
export function mergeOutcomeSummaries(...summaries: readonly OutcomeSummary[]): OutcomeSummary {
  if (summaries.length === 0) throw new TypeError('mergeOutcomeSummaries: give at least one summary');
  const analysis = readAnalysisOf(summaries[0] as OutcomeSummary, 'summaries[0]');
  const key = JSON.stringify(analysis);
  const whole = emptyOutcomeCounts(analysis.definitions);
  const groups = new Map<string, OutcomeCounts>();
  let grouped = false;
  let ungroupedRecords = false;
  summaries.forEach((summary, i) => {
    const where = `summaries[${i}]`;
    if (JSON.stringify(readAnalysisOf(summary, where)) !== key) {
      throw new TypeError(
        `mergeOutcomeSummaries: ${where} was analysed otherwise than summaries[0]: merge only like with like`,
      );
    }
    addCounts(whole, summary, where);
    const parts = readProperty(summary, 'groups');
    if (parts === undefined) {
      if ((readProperty(summary, 'total') as number) > 0) ungroupedRecords = true;
      return;
    }
    grouped = true;
    const groupObject = object(parts, `${where}.groups`);
    for (const name of Object.keys(groupObject)) {
      let counts = groups.get(name);
      if (counts === undefined) {
        counts = emptyOutcomeCounts(analysis.definitions);
        groups.set(name, counts);
      }
      addCounts(counts, groupObject[name] as OutcomeStatistics, `${where}.groups[${JSON.stringify(name)}]`);
    }
  });
  if (grouped && ungroupedRecords) {
    throw new TypeError('mergeOutcomeSummaries: cannot merge grouped summaries with ungrouped summaries of records');
  }
  const statistics = outcomeStatisticsOf(whole, analysis.firstResponse);
  if (!grouped) return Object.freeze({ ...statistics, analysis });
  const merged: Record<string, OutcomeStatistics> = {};
  for (const name of [...groups.keys()].sort(naturalCompare)) {
    define(merged, name, outcomeStatisticsOf(groups.get(name) as OutcomeCounts, analysis.firstResponse));
  }
  return Object.freeze({ ...statistics, analysis, groups: Object.freeze(merged) });
}

function readAnalysisOf(summary: OutcomeSummary, where: string): OutcomeAnalysis {
  const analysis = object(readProperty(object(summary, where), 'analysis'), `${where}.analysis`);
  const definitions = readProperty(analysis, 'definitions');
  if (!Array.isArray(definitions) || !definitions.every((id) => typeof id === 'string')) {
    throw new TypeError(`mergeOutcomeSummaries: ${where}.analysis.definitions is not a list of ids`);
  }
  // A fresh object in a fixed key order, so that analyses compare by their JSON.
  return Object.freeze({
    definitions: Object.freeze([...(definitions as string[])]),
    missingFollowUp: readProperty(analysis, 'missingFollowUp') as OutcomeAnalysis['missingFollowUp'],
    firstResponse: readProperty(analysis, 'firstResponse') as string,
    sessionPain: readProperty(analysis, 'sessionPain') as OutcomeAnalysis['sessionPain'],
  });
}

function addCounts(counts: OutcomeCounts, summary: OutcomeStatistics, where: string): void {
  const stats = object(summary, where);
  counts.total += count(readProperty(stats, 'total'), `${where}.total`);
  counts.invalid += count(readProperty(stats, 'invalid'), `${where}.invalid`);
  const responders = object(readProperty(stats, 'responders'), `${where}.responders`);
  for (const [id, tally] of counts.responders) {
    const at = `${where}.responders[${JSON.stringify(id)}]`;
    addFields(tally, RESPONDER_FIELDS, object(readProperty(responders, id), at), at);
  }
  const change = object(readProperty(stats, 'change'), `${where}.change`);
  for (const instrument of instrumentIds()) {
    const at = `${where}.change.${instrument}`;
    const given = object(readProperty(change, instrument), at);
    const tally = counts.change.get(instrument as InstrumentId) as ChangeTally;
    tally.missingFollowUp += count(readProperty(given, 'missingFollowUp'), `${at}.missingFollowUp`);
    tally.missingBaseline += count(readProperty(given, 'missingBaseline'), `${at}.missingBaseline`);
    list(readProperty(given, 'distribution'), `${at}.distribution`).forEach((cell, i) => {
      const here = `${at}.distribution[${i}]`;
      const item = object(cell, here);
      const improvement = readProperty(item, 'improvement');
      if (typeof improvement !== 'number' || !Number.isFinite(improvement)) {
        throw new TypeError(`mergeOutcomeSummaries: ${here}.improvement must be a finite number`);
      }
      tally.values.set(
        improvement,
        (tally.values.get(improvement) ?? 0) + count(readProperty(item, 'count'), `${here}.count`),
      );
    });
  }
  const first = object(readProperty(stats, 'firstResponse'), `${where}.firstResponse`);
  list(readProperty(first, 'bySession'), `${where}.firstResponse.bySession`).forEach((cell, i) => {
    const here = `${where}.firstResponse.bySession[${i}]`;
    const item = object(cell, here);
    const session = count(readProperty(item, 'session'), `${here}.session`);
    counts.firstBySession.set(
      session,
      (counts.firstBySession.get(session) ?? 0) + count(readProperty(item, 'count'), `${here}.count`),
    );
  });
  counts.firstOther[0] =
    (counts.firstOther[0] as number) + count(readProperty(first, 'notReached'), `${where}.firstResponse.notReached`);
  counts.firstOther[1] =
    (counts.firstOther[1] as number) + count(readProperty(first, 'unknown'), `${where}.firstResponse.unknown`);
  addFields(
    counts.sessions,
    SESSION_FIELDS,
    object(readProperty(stats, 'sessions'), `${where}.sessions`),
    `${where}.sessions`,
  );
  list(readProperty(stats, 'painBySession'), `${where}.painBySession`).forEach((cell, i) => {
    const here = `${where}.painBySession[${i}]`;
    const item = object(cell, here);
    const session = count(readProperty(item, 'session'), `${here}.session`);
    const cells = counts.pain.get(session) ?? new Array<number>(22).fill(0);
    (['before', 'after'] as const).forEach((when, half) => {
      const at = `${here}.${when}.counts`;
      const values = list(readProperty(object(readProperty(item, when), `${here}.${when}`), 'counts'), at);
      if (values.length !== 11) throw new TypeError(`mergeOutcomeSummaries: ${at} must hold 11 counts`);
      values.forEach((value, pain) => {
        cells[half * 11 + pain] = (cells[half * 11 + pain] as number) + count(value, `${at}[${pain}]`);
      });
    });
    counts.pain.set(session, cells);
  });
  const sensations = object(readProperty(stats, 'sensations'), `${where}.sensations`);
  counts.sensationRecording[0] =
    (counts.sensationRecording[0] as number) +
    count(readProperty(sensations, 'recorded'), `${where}.sensations.recorded`);
  counts.sensationRecording[1] =
    (counts.sensationRecording[1] as number) +
    count(readProperty(sensations, 'unrecorded'), `${where}.sensations.unrecorded`);
  const byKind = object(readProperty(sensations, 'byKind'), `${where}.sensations.byKind`);
  for (const kind of sensationKinds) {
    const at = `${where}.sensations.byKind.${kind}`;
    addFields(
      counts.sensations.get(kind as SensationKind) as number[],
      SENSATION_FIELDS,
      object(readProperty(byKind, kind), at),
      at,
    );
  }
  addFields(
    counts.events,
    EVENT_FIELDS,
    object(readProperty(stats, 'adverseEvents'), `${where}.adverseEvents`),
    `${where}.adverseEvents`,
  );
}

function addFields(tally: number[], fields: readonly string[], given: object, where: string): void {
  fields.forEach((field, i) => {
    tally[i] = (tally[i] as number) + count(readProperty(given, field), `${where}.${field}`);
  });
}

function count(value: unknown, where: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0) {
    throw new TypeError(`mergeOutcomeSummaries: ${where} must be a whole number >= 0, got ${String(value)}`);
  }
  return value as number;
}

function object(value: unknown, where: string): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null)
    throw new TypeError(`mergeOutcomeSummaries: ${where} is not an object`);
  return value as Readonly<Record<string, unknown>>;
}

function list(value: unknown, where: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new TypeError(`mergeOutcomeSummaries: ${where} is not an array`);
  return value;
}
