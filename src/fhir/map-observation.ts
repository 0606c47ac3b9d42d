// Pregnancy status observations (LOINC 82810-3), and the resolution of every pregnancy statement
// (status observations and pregnancy conditions) into one answer for the reference date.
import type { Issue } from '../_internal/result.js';
import { dayOf, periodDayOf } from './as-of.js';
import { codeSystems } from './code-systems.js';
import {
  PREGNANCY_STATUS_CURRENT_DAYS,
  PREGNANCY_STATUS_LOINC,
  type PregnancyStatusValue,
  pregnancyStatusValue,
} from './codes/pregnancy-status.js';
import { describeTime, type FhirTime, isAfter, parseFhirTime, periodTime } from './fhir-time.js';
import { describeRef, type Mapping, type PregnancyStatement } from './mapping.js';
import { FieldReader, type Found } from './read-input.js';

export function mapObservation(mapping: Mapping, item: Found): void {
  const issues: Issue[] = [];
  const reader = new FieldReader(issues, item.path, item.resource);
  const codings = reader.concept('code');
  const isStatus = codings?.some(
    (coding) => coding.system === codeSystems.loinc && coding.code.trim() === PREGNANCY_STATUS_LOINC,
  );
  const values = reader.concept('valueCodeableConcept') ?? [];
  // Codings of one value are alternatives: when they disagree, the value cannot be read.
  const read = new Set<PregnancyStatusValue>();
  for (const { system, code } of values) {
    const value = pregnancyStatusValue(system, code);
    if (value !== null) read.add(value);
  }
  // An observation of something else is not read. One whose code cannot be read, or whose value
  // is a pregnancy status answer under another code, might be a pregnancy status.
  if (issues.length === 0 && isStatus !== true && read.size === 0) return;
  const { on, onDay } = mapping.options;
  const period = reader.periodEnds('effectivePeriod');
  const time =
    reader.time('effectiveDateTime') ??
    (period === undefined ? undefined : periodTime(period.start, period.end)) ??
    reader.time('effectiveInstant') ??
    reader.time('issued');
  const when = time === undefined ? undefined : period === undefined ? dayOf(time, onDay) : periodDayOf(period, onDay);
  if (when === 'after') {
    mapping.note(
      'after-reference-date',
      `Pregnancy status of ${describeTime(time as FhirTime)} is after ${on}: it says nothing about ${on}`,
      'pregnant',
      item.ref,
    );
    return;
  }
  const subject = reader.reference('subject');
  const status = reader.string('status');
  const lastUpdated = reader.object('meta')?.time('lastUpdated');
  if (issues.length > 0) {
    mapping.malformed(item, issues, ['pregnant']);
    return;
  }
  if (mapping.otherPatient(subject)) {
    mapping.note('other-patient', `Observation is about ${subject}, not the Patient: ignored`, undefined, item.ref);
    return;
  }
  if (status === 'cancelled' || status === 'entered-in-error') {
    mapping.note('observation-ignored', `Pregnancy status is ignored: its status is ${status}`, 'pregnant', item.ref);
    return;
  }
  const uncertain = (
    code: 'observation-not-final' | 'pregnancy-status-unreadable' | 'dates-unclear' | 'unreadable-code',
    why: string,
  ) => {
    mapping.state('pregnant').uncertain = true;
    mapping.note(code, why, 'pregnant', item.ref);
  };
  if (isStatus !== true) {
    uncertain(
      'unreadable-code',
      'Observation has a pregnancy status answer but not the code of a pregnancy status (LOINC 82810-3): it is not used, and pregnancy is not excluded',
    );
    return;
  }
  if (status !== 'final' && status !== 'amended' && status !== 'corrected') {
    uncertain(
      'observation-not-final',
      `Pregnancy status is ${status === undefined ? 'without a status' : `"${status}"`}, not final: it is not used, and pregnancy is not excluded`,
    );
    return;
  }
  if (read.size !== 1) {
    uncertain(
      'pregnancy-status-unreadable',
      read.size === 0
        ? 'Pregnancy status has no value from its answer list: it is not used'
        : 'Pregnancy status has codings that disagree: it is not used',
    );
    return;
  }
  const [value] = read as unknown as [PregnancyStatusValue];
  if (when === undefined) {
    // An undated status was made by the time the record was written: before `on` only if that is known.
    const since = mapping.statusSince(item, lastUpdated);
    if (since === undefined || since > onDay) {
      uncertain(
        'dates-unclear',
        `Pregnancy status has no date, and the record may be from after ${on}: it is not used`,
      );
      return;
    }
  } else if (when === 'across') {
    uncertain(
      'dates-unclear',
      `Pregnancy status of ${describeTime(time as FhirTime)} may be before or after ${on}: it is not used`,
    );
    return;
  }
  if (value === true && time !== undefined && time.lastDay < onDay - PREGNANCY_STATUS_CURRENT_DAYS) {
    mapping.note(
      'pregnancy-status-stale',
      `"Pregnant" status of ${describeTime(time)} is more than 42 weeks before ${on}: it cannot describe a current pregnancy`,
      'pregnant',
      item.ref,
    );
    return;
  }
  // A status over a period that covers `on` is a statement about `on` itself.
  const dated = when === 'on' && period !== undefined ? (parseFhirTime(on, true) as FhirTime) : time;
  mapping.pregnancy.push({ value, time: dated, ref: item.ref });
}

/**
 * Settles pregnancy from its statements, none of them after `on`: the latest dated statement
 * wins; disagreeing statements of the same date, or an undated one that disagrees, leave it
 * unrecorded. "Not pregnant" excludes pregnancy only as a status recorded on `on` itself.
 */
export function resolvePregnancy(mapping: Mapping): void {
  const statements = mapping.pregnancy;
  if (statements.length === 0) return;
  const state = mapping.state('pregnant');
  const dated = statements.filter((statement) => statement.time !== undefined);
  const undated = statements.filter((statement) => statement.time === undefined);
  const latest = dated.filter((s) => !dated.some((other) => isAfter(other.time as FhirTime, s.time as FhirTime)));
  const pool = latest.length > 0 ? latest : undated;
  const first = pool[0] as PregnancyStatement;
  const value = first.value;
  // The statements that decide: the latest dated ones, and every undated one.
  const deciding = [...latest, ...undated];
  if (deciding.some((statement) => statement.value !== value)) {
    const refs = deciding.map((statement) => describeRef(statement.ref)).join(', ');
    const latestDisagree = pool.some((statement) => statement.value !== value);
    const why = !latestDisagree
      ? 'an undated record disagrees with the latest'
      : pool === undated
        ? 'undated records disagree'
        : 'records of the same date disagree';
    mapping.note(
      'pregnancy-conflict',
      `Pregnancy records disagree (${refs}): ${why}, so pregnancy is not recorded`,
      'pregnant',
    );
    state.uncertain = true;
    return;
  }
  if (value === undefined) {
    mapping.note(
      'pregnancy-status-unknown',
      'The latest pregnancy status is "unknown": pregnancy is not recorded',
      'pregnant',
      first.ref,
    );
    state.uncertain = true;
    return;
  }
  if (value) {
    state.counts.push(...deciding.map((statement) => statement.ref));
    return;
  }
  const { on, onDay } = mapping.options;
  // Only a status can be dated on `on`: a pregnancy condition says "not pregnant" only once it
  // ended, before `on`.
  const current = deciding.filter((statement) => statement.time !== undefined && dayOf(statement.time, onDay) === 'on');
  if (current.length > 0) {
    mapping.pregnancyExcludedBy = current.map((statement) => statement.ref);
    return;
  }
  const when = first.time;
  mapping.note(
    'pregnancy-not-current',
    `The latest pregnancy record says not pregnant${when === undefined ? '' : ` as of ${describeTime(when)}`}, before ${on}: a pregnancy since then is not excluded`,
    'pregnant',
    first.ref,
  );
}
