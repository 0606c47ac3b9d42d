import type { Issue } from '../_internal/result.js';
import type { PatientFacts, PatientFactsWith } from '../facts/patient-facts.js';
import type { Screening } from '../screening/screening.js';

/**
 * One record of a cohort after screening: {@link ScreenedEntry} when its facts were valid,
 * {@link InvalidEntry} when they were not. Narrow on `ok`. Both carry the raw `record`, so that
 * a `groupBy` can read fields that are not patient facts, such as a region or a clinic.
 * Entries are fresh objects, one per record, frozen, as are the screening, the issues and the
 * facts that parsing copied; the raw record and facts that needed no copy are the caller's own
 * objects, left as they are.
 *
 * @typeParam Id - the rule ids of the rule set used.
 * @typeParam Row - the type of the raw records.
 * @typeParam Fact - the names of the rule set's own facts, if it declares any.
 */
export type CohortEntry<Id extends string = string, Row = unknown, Fact extends string = never> =
  | ScreenedEntry<Id, Row, Fact>
  | InvalidEntry<Row>;

/** A record whose facts were valid, with its screening. */
export interface ScreenedEntry<Id extends string = string, Row = unknown, Fact extends string = never> {
  /** The record's position in the input, from 0. */
  readonly index: number;
  /** Always true: narrow on it. */
  readonly ok: true;
  /** The raw record, as it came in. */
  readonly record: Row;
  /**
   * The validated facts. When the facts (the record, or what `toFacts` returned) are already a
   * plain object of valid facts, this is that very object, not a copy, left as it is (not
   * frozen), and may hold `null` for facts not recorded; otherwise it is the frozen copy made by
   * `parsePatientFacts`. Typed as {@link PatientFacts}, with the rule set's own facts when it
   * declares any.
   */
  readonly facts: [Fact] extends [never] ? PatientFacts : PatientFactsWith<Fact>;
  /** The screening of the facts; frozen, and possibly shared with other entries. */
  readonly screening: Screening<Id, Fact>;
}

/** A record whose facts failed validation: not dropped, but reported with its issues. */
export interface InvalidEntry<Row = unknown> {
  /** The record's position in the input, from 0. */
  readonly index: number;
  /** Always false: narrow on it. */
  readonly ok: false;
  /** The raw record, as it came in. */
  readonly record: Row;
  /**
   * What `parsePatientFacts` found wrong, at least one issue; paths lead into the facts (what
   * `toFacts` returned, when it is given).
   */
  readonly issues: readonly Issue[];
}
