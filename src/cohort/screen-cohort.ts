import { readProperty } from '../_internal/read-property.js';
import { isPlainPatientFacts } from '../facts/is-plain-patient-facts.js';
import { type ParsePatientFactsOptions, parsePatientFacts } from '../facts/parse-patient-facts.js';
import { programOf } from '../screening/define-rule-set.js';
import { type Program, run } from '../screening/program.js';
import { type ProtocolRuleId, protocolRuleSet } from '../screening/protocol-rule-set.js';
import type { RuleSet } from '../screening/rule.js';
import type { Screening } from '../screening/screening.js';
import type { CohortEntry, ScreenedEntry } from './cohort-entry.js';

/** Options for {@link screenCohort}. */
export interface ScreenCohortOptions<Id extends string = ProtocolRuleId, Row = unknown, Fact extends string = never> {
  /**
   * The rules to apply to every record. Default: `protocolRuleSet`, the source protocol's six
   * contraindications. A record may hold the set's own facts, validated as the shipped ones.
   */
  readonly ruleSet?: RuleSet<Id, Fact>;
  /**
   * Maps a raw record to patient facts, for rows that are not facts as they stand: a CSV row of
   * strings, a database row with other columns, a nested JSON document. The library never
   * guesses what `"yes"`, `"1"` or `""` means; this function says it. What it returns is then
   * validated like `parsePatientFacts` input, so a value it leaves as a string makes the record
   * invalid rather than silently absent. It is called once per record, in order; an exception it
   * throws ends the iteration. Default: the record is the facts.
   */
  readonly toFacts?: (row: Row, index: number) => unknown;
}

/**
 * Screens a cohort record by record, lazily: each entry is made when the consumer asks for it,
 * and nothing is held beyond the current record, so a registry of millions of rows streams in
 * constant memory. The result mirrors the input: an `Iterable` for an `Iterable` (an array, a
 * generator), an `AsyncIterable` for an `AsyncIterable` (a file read line by line, a database
 * cursor, a Node stream), each time it is iterated it iterates the input again. Every record is
 * validated with `parsePatientFacts` semantics, given the rule set (so that the set's own facts
 * are accepted, and a value of theirs that is not a boolean is an issue, as for a shipped fact):
 * a record that fails comes out as an `{ ok: false }` entry with its issues and its position,
 * never dropped and never thrown.
 *
 * @param records - the raw records: patient facts, or rows that `options.toFacts` maps to facts.
 * @param options - `ruleSet` (default `protocolRuleSet`) and `toFacts`.
 * @returns the entries, in input order, each frozen (see {@link CohortEntry}):
 *   `{ index, ok: true, record, facts, screening }` or `{ index, ok: false, record, issues }`.
 * @throws {TypeError} when `records` is neither iterable nor async iterable, `options.ruleSet`
 *   is not a valid rule set, or `options.toFacts` is not a function (at the call, not during
 *   iteration).
 * @example
 * const entries = [...screenCohort([{ ageYears: 80 }, { ageYears: 'forty' }])];
 * entries[0].ok && entries[0].screening.status; // => 'contraindicated'
 * entries[1].ok; // => false
 * !entries[1].ok && entries[1].issues[0].code; // => 'invalid-type'
 *
 * // A CSV row of strings, mapped by the researcher:
 * const yesNo = (cell: string) => (cell === 'yes' ? true : cell === 'no' ? false : cell === '' ? undefined : cell);
 * const rows = [{ age: '52', pregnant: 'no' }];
 * [...screenCohort(rows, { toFacts: (row) => ({ ageYears: Number(row.age), pregnant: yesNo(row.pregnant) }) })][0].ok;
 * // => true
 */
export function screenCohort<Row, Id extends string = ProtocolRuleId, Fact extends string = never>(
  records: Iterable<Row>,
  options?: ScreenCohortOptions<Id, Row, Fact>,
): Iterable<CohortEntry<Id, Row, Fact>>;
export function screenCohort<Row, Id extends string = ProtocolRuleId, Fact extends string = never>(
  records: AsyncIterable<Row>,
  options?: ScreenCohortOptions<Id, Row, Fact>,
): AsyncIterable<CohortEntry<Id, Row, Fact>>;
export function screenCohort<Row, Id extends string = ProtocolRuleId, Fact extends string = never>(
  records: Iterable<Row> | AsyncIterable<Row>,
  options?: ScreenCohortOptions<Id, Row, Fact>,
): Iterable<CohortEntry<Id, Row, Fact>> | AsyncIterable<CohortEntry<Id, Row, Fact>>;
export function screenCohort<Row, Id extends string = ProtocolRuleId, Fact extends string = never>(
  records: Iterable<Row> | AsyncIterable<Row>,
  options: ScreenCohortOptions<Id, Row, Fact> = {},
): Iterable<CohortEntry<Id, Row, Fact>> | AsyncIterable<CohortEntry<Id, Row, Fact>> {
  // Options are read as facts are: never from Object.prototype, where a polluted toFacts could
  // turn every record into an all-clear.
  const ruleSet = (readProperty(options, 'ruleSet') ?? protocolRuleSet) as RuleSet;
  // Checks the rule set now, so that a bad one fails at the call rather than mid-stream, and
  // compiles it once for every record: what screen does on each call.
  const program = programOf(ruleSet);
  // The checked, frozen set (a copy, for a plain object): its own facts are the keys a record may add.
  const parseOptions: ParsePatientFactsOptions<string> = { ruleSet: program.ruleSet };
  const toFacts = readProperty(options, 'toFacts') as ToFacts<Row>;
  if (toFacts !== undefined && typeof toFacts !== 'function') {
    throw new TypeError('screenCohort: options.toFacts must be a function (row, index) => facts');
  }
  if (records != null && typeof (records as Iterable<Row>)[Symbol.iterator] === 'function') {
    const iterable = records as Iterable<Row>;
    return Object.freeze({
      [Symbol.iterator]: () => screenEach<Row, Id, Fact>(iterable, program, parseOptions, toFacts),
    });
  }
  if (records != null && typeof (records as AsyncIterable<Row>)[Symbol.asyncIterator] === 'function') {
    const iterable = records as AsyncIterable<Row>;
    return Object.freeze({
      [Symbol.asyncIterator]: () => screenEachAsync<Row, Id, Fact>(iterable, program, parseOptions, toFacts),
    });
  }
  throw new TypeError('screenCohort: records must be an Iterable or an AsyncIterable');
}

type ToFacts<Row> = ((row: Row, index: number) => unknown) | undefined;

function* screenEach<Row, Id extends string, Fact extends string>(
  records: Iterable<Row>,
  program: Program,
  parseOptions: ParsePatientFactsOptions<string>,
  toFacts: ToFacts<Row>,
): Generator<CohortEntry<Id, Row, Fact>, void, undefined> {
  let index = 0;
  for (const record of records) {
    yield entryOf<Row, Id, Fact>(record, index, program, parseOptions, toFacts);
    index++;
  }
}

async function* screenEachAsync<Row, Id extends string, Fact extends string>(
  records: AsyncIterable<Row>,
  program: Program,
  parseOptions: ParsePatientFactsOptions<string>,
  toFacts: ToFacts<Row>,
): AsyncGenerator<CohortEntry<Id, Row, Fact>, void, undefined> {
  let index = 0;
  for await (const record of records) {
    yield entryOf<Row, Id, Fact>(record, index, program, parseOptions, toFacts);
    index++;
  }
}

function entryOf<Row, Id extends string, Fact extends string>(
  record: Row,
  index: number,
  program: Program,
  parseOptions: ParsePatientFactsOptions<string>,
  toFacts: ToFacts<Row>,
): CohortEntry<Id, Row, Fact> {
  const input = toFacts === undefined ? record : toFacts(record, index);
  // The fast check allocates nothing; parsePatientFacts decides every case it is not sure of,
  // among them every record that holds a fact of the rule set's own, which the check declines.
  if (isPlainPatientFacts(input)) {
    return Object.freeze({
      index,
      ok: true,
      record,
      facts: input as ScreenedEntry<Id, Row, Fact>['facts'],
      screening: run(program, input) as unknown as Screening<Id, Fact>,
    });
  }
  const parsed = parsePatientFacts(input, parseOptions);
  if (parsed.ok) {
    return Object.freeze({
      index,
      ok: true,
      record,
      facts: parsed.value as ScreenedEntry<Id, Row, Fact>['facts'],
      screening: run(program, parsed.value) as unknown as Screening<Id, Fact>,
    });
  }
  return Object.freeze({ index, ok: false, record, issues: parsed.issues });
}
