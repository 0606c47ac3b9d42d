// omopFactsSql: the facts that factsFromFhir reads from a FHIR record, read instead from an OMOP
// CDM v5.4 database, as one read-only query per engine. The code lists are the FHIR path's own
// (src/fhir/codes), matched through the CDM's `concept` table by vocabulary_id and concept_code, so
// that both paths read the same codes. Where the CDM cannot say what FHIR says, the query leaves
// the fact unrecorded (NULL) rather than false; docs/omop.md lists each difference.

import { parseIsoDate } from '../_internal/iso-date.js';
import { readProperty } from '../_internal/read-property.js';
import { fail, type Issue, issue, ok, type Result } from '../_internal/result.js';
import { MAX_AGE_YEARS } from '../facts/patient-facts.js';
import { CODED_FACTS, type CodedFact, type FhirCodeList, HISTORY_FACTS, OPEN_WORLD_FACTS } from '../fhir/code-list.js';
import {
  ATC_URI,
  ICD10_URI,
  ICD10CM_URI,
  isHierarchicalSystem,
  LOINC_URI,
  normalizeCode,
  RXNORM_URI,
  SNOMED_URI,
} from '../fhir/code-systems.js';
import {
  PREGNANCY_STATUS_ANSWERS,
  PREGNANCY_STATUS_CURRENT_DAYS,
  PREGNANCY_STATUS_LOINC,
} from '../fhir/codes/pregnancy-status.js';
import { fhirCodeLists } from '../fhir/fhir-code-lists.js';
import { checkCodeList } from '../fhir/read-options.js';
import { programOf } from '../screening/define-rule-set.js';
import { protocolRuleSet } from '../screening/protocol-rule-set.js';
import { type RuleSet, ruleFacts } from '../screening/rule.js';
import { hasControlCharacter, IDENTIFIER, readDialect, readRelation } from './compile.js';
import type { Dialect, SqlDialect } from './dialects.js';
import type { SqlFactMapping, SqlFrom, SqlQuery, SqlRelation } from './sql-options.js';

/**
 * A table of index dates, one row per person and date, such as an OHDSI cohort table
 * (`subject_id`, `cohort_start_date`).
 *
 * @example
 * const index: OmopIndexTable = { from: { sql: '(SELECT * FROM results.cohort WHERE cohort_definition_id = 42)' } };
 */
export interface OmopIndexTable {
  /** The table (a name, or a relation written as SQL). */
  readonly from: SqlFrom;
  /** Its column of person ids; default `subject_id`. */
  readonly personId?: string;
  /** Its column of index dates (DATE; in SQLite, text `YYYY-MM-DD`); default `cohort_start_date`. */
  readonly indexDate?: string;
}

/**
 * When the absence of a record means "no": `'never'` (default), as in an EHR extract, or
 * `'within-observation-period'`, as the CDM defines an observation period: inside one that covers
 * the index date, a fact with no record about it is false; outside every one, nothing is known.
 */
export type OmopClosedWorld = 'never' | 'within-observation-period';

/** The options of `omopFactsSql`. */
export interface OmopFactsSqlOptions<Fact extends string = never> {
  /** The engine the query is written for. */
  readonly dialect: SqlDialect;
  /** The schema of the CDM tables (`cdm`, or `catalog.schema`); default none (the engine's search path). */
  readonly cdmSchema?: string;
  /** The index date: one date `YYYY-MM-DD` for every person of `person`, or a table of persons and dates. */
  readonly indexDate: string | OmopIndexTable;
  /** When the absence of a record means "no"; default `'never'`. */
  readonly closedWorld?: OmopClosedWorld;
  /**
   * How many days before the index date an acute condition (an acute infection, an acute mental
   * state, an intoxication) with no end date may have begun and still count; default 30, the
   * persistence window of the CDM's condition eras. One that began earlier and has no end leaves
   * the fact unrecorded, since the CDM cannot say whether it is still acute.
   */
  readonly acuteWindowDays?: number;
  /** A clinic's own code lists, as `factsFromFhir` takes them (`FhirOptions.extraCodes`). */
  readonly extraCodes?: readonly FhirCodeList[];
  /**
   * The OMOP vocabulary_id of each code system URI that `extraCodes` use beyond the shipped ones
   * (which are SNOMED, ICD10, ICD10CM, LOINC, RxNorm and ATC), e.g. a clinic's local vocabulary.
   */
  readonly vocabularies?: Readonly<Record<string, string>>;
  /**
   * The rule set the facts are for; default the protocol's. Its facts that the CDM cannot give
   * (signs at the visit, a rule set's own facts) are columns of NULL, listed as `unmapped`.
   */
  readonly ruleSet?: RuleSet<string, Fact>;
}

/** What `omopFactsSql` gives: the query, and what `screeningSql` and `cohortSummarySql` take from it. */
export interface OmopFactsQuery extends SqlQuery {
  /** The relation of facts, for `from` of `screeningSql` or `cohortSummarySql`. */
  readonly from: SqlRelation;
  /** Where each fact of the rule set is in `from`, for `facts` of `screeningSql` or `cohortSummarySql`. */
  readonly facts: SqlFactMapping;
  /** The columns that name a row, for `keep` of `screeningSql`: `person_id` and `index_date`. */
  readonly keep: readonly ['person_id', 'index_date'];
  /** The facts of the rule set that a CDM does not hold: always NULL (not recorded). */
  readonly unmapped: readonly string[];
}

/** The OMOP vocabulary of each code system that the shipped code lists use (a function, so that an unused one costs a bundle nothing). */
function shippedVocabularies(): Record<string, string> {
  return {
    [SNOMED_URI]: 'SNOMED',
    [ICD10_URI]: 'ICD10',
    [ICD10CM_URI]: 'ICD10CM',
    [LOINC_URI]: 'LOINC',
    [RXNORM_URI]: 'RxNorm',
    [ATC_URI]: 'ATC',
  };
}

/**
 * Facts of an acute state: a condition with no end date counts for them only within the acute
 * window. OMOP ETLs often leave condition_end_date empty, and an infection recorded years ago
 * with no end says nothing about today.
 */
const ACUTE_FACTS: readonly CodedFact[] = ['acuteInfection', 'acuteMentalIllness', 'psychotropicInfluence'];

/** The CDM condition era's persistence window (OMOP CDM v5.4, CONDITION_ERA). */
const DEFAULT_ACUTE_WINDOW_DAYS = 30;

const OPTIONS = [
  'dialect',
  'cdmSchema',
  'indexDate',
  'closedWorld',
  'acuteWindowDays',
  'extraCodes',
  'vocabularies',
  'ruleSet',
];

// Where each event comes from, as a code in the query: a condition whose codes cannot be read
// leaves every coded fact unrecorded, a drug anticoagulant therapy, a device the pacemaker fact;
// an observation whose code cannot be read leaves none (the table holds every kind of finding).
const CONDITION = 1;
const DRUG = 2;
const DEVICE = 3;
const OBSERVATION = 4;

/** The code systems each domain reads, as the FHIR path reads Condition, medications and Device. */
function systemsReadBy(domain: number): readonly string[] {
  if (domain === CONDITION) return [SNOMED_URI, ICD10_URI, ICD10CM_URI];
  return domain === DRUG ? [RXNORM_URI, ATC_URI] : [SNOMED_URI];
}

/**
 * Writes one read-only query over an OMOP CDM v5.4 database that gives, for each person and
 * index date, the facts that `factsFromFhir` gives for a FHIR record on that date: `person_id`,
 * `index_date`, `ageYears` in completed years, and each coded fact as TRUE, FALSE or NULL (not
 * recorded). With `from` and `facts` it composes with `screeningSql` and `cohortSummarySql` into
 * one query that screens a whole CDM.
 *
 * - Codes: the code lists of `acuspine/fhir` (`fhirCodeLists`) and `extraCodes`, matched through
 *   `concept` by vocabulary_id and concept_code, on both the standard and the source concept of
 *   each row (condition_occurrence, drug_exposure, device_exposure, observation).
 * - Age: from birth_datetime, else year, month and day of birth; from a year (or a year and
 *   month) only, an age only where every possible age lies on the same side of each age bound of
 *   the rule set, else NULL.
 * - A row counts when it began on or before the index date and did not end before it; an acute
 *   condition with no end, only within `acuteWindowDays`; a history of cancer once begun.
 * - Pregnancy from conditions and LOINC 82810-3 observations or measurements: the latest wins; a
 *   "pregnant" status older than 42 weeks is not used; "not pregnant" is false only on the index
 *   date itself.
 * - A row whose codes are in no vocabulary read (concept 0, an unmapped source code), or a code
 *   that does not settle its fact, leaves the facts it could decide unrecorded.
 * - With `closedWorld: 'within-observation-period'`, a fact with no record is false inside an
 *   observation period that covers the index date; never for prolonged corticosteroid use or
 *   immunosuppression, which are read from conditions only.
 *
 * @returns the query, its columns, and `from`, `facts` and `keep` for `screeningSql`; or the
 *   issues of the options, each with its path.
 * @example
 * const facts = omopFactsSql({ dialect: 'duckdb', cdmSchema: 'cdm', indexDate: '2026-11-24' });
 * if (facts.ok) {
 *   const { from, facts: mapping, keep } = facts.value;
 *   const query = screeningSql({ dialect: 'duckdb', from, facts: mapping, keep: [...keep] });
 * }
 */
export function omopFactsSql<Fact extends string = never>(options: OmopFactsSqlOptions<Fact>): Result<OmopFactsQuery> {
  const issues: Issue[] = [];
  const read = readOmopOptions(options, issues);
  if (read === undefined) return fail(issues);
  return ok(writeQuery(read));
}

interface ReadOmopOptions {
  readonly dialect: Dialect;
  readonly table: (name: string) => string;
  readonly index: { readonly literal: string } | { readonly relation: string; readonly with: string | undefined };
  readonly closed: boolean;
  readonly acuteDays: number;
  /** The shipped code lists, then the clinic's. */
  readonly lists: readonly FhirCodeList[];
  /** The code systems of the clinic's lists: every domain reads them, as the FHIR path does. */
  readonly extraSystems: readonly string[];
  readonly vocabularies: Readonly<Record<string, string>>;
  readonly ageBounds: readonly { readonly under: number; readonly over: number }[];
  readonly ruleFactNames: readonly string[];
}

function readOmopOptions(given: unknown, issues: Issue[]): ReadOmopOptions | undefined {
  const dialect = readDialect(given, OPTIONS, 'dialect and indexDate', issues);
  if (dialect === undefined) return undefined;
  // readDialect found an object.
  const options = given as object;

  const schema = readProperty(options, 'cdmSchema');
  let prefix = '';
  if (schema !== undefined) {
    const parts = typeof schema === 'string' ? schema.split('.') : [];
    if (parts.length === 0 || parts.length > 2 || !parts.every((part) => IDENTIFIER.test(part))) {
      issues.push(
        issue(
          'invalid-identifier',
          ['cdmSchema'],
          'cdmSchema must be a schema name (letters, digits and _), or catalog.schema',
        ),
      );
    } else {
      prefix = `${parts.map(dialect.quote).join('.')}.`;
    }
  }

  const index = readIndex(readProperty(options, 'indexDate'), dialect, issues);

  const closedWorld = readProperty(options, 'closedWorld') ?? 'never';
  if (closedWorld !== 'never' && closedWorld !== 'within-observation-period') {
    issues.push(issue('invalid-type', ['closedWorld'], "closedWorld must be 'never' or 'within-observation-period'"));
  }
  const acuteDays = readProperty(options, 'acuteWindowDays') ?? DEFAULT_ACUTE_WINDOW_DAYS;
  if (!Number.isInteger(acuteDays) || (acuteDays as number) < 0 || (acuteDays as number) > 36_500) {
    issues.push(
      issue('invalid-type', ['acuteWindowDays'], 'acuteWindowDays must be a whole number of days from 0 to 36500'),
    );
  }

  const vocabularies = readVocabularies(readProperty(options, 'vocabularies'), issues);
  const extra = readProperty(options, 'extraCodes');
  const extraLists: FhirCodeList[] = [];
  if (extra !== undefined) {
    if (!Array.isArray(extra)) {
      issues.push(issue('invalid-type', ['extraCodes'], 'extraCodes must be an array of code lists'));
    } else {
      extra.forEach((list: unknown, at) => {
        const before = issues.length;
        checkCodeList(list, ['extraCodes', at], issues);
        if (issues.length > before) return;
        const checked = list as FhirCodeList;
        checked.systems.forEach((system, s) => {
          if (vocabularies[system] === undefined) {
            issues.push(
              issue(
                'unknown-vocabulary',
                ['extraCodes', at, 'systems', s],
                `no OMOP vocabulary_id is known for ${system}: name it in vocabularies`,
              ),
            );
          }
        });
        for (const code of [...(checked.codes ?? []), ...(checked.prefixes ?? [])]) {
          if (hasControlCharacter(code)) {
            issues.push(issue('unwritable-text', ['extraCodes', at], 'a code must hold no control character'));
            break;
          }
        }
        extraLists.push(checked);
      });
    }
  }

  let ruleSet: RuleSet<string, string> | undefined;
  const givenRuleSet = readProperty(options, 'ruleSet');
  try {
    ruleSet = (givenRuleSet === undefined ? protocolRuleSet : programOf(givenRuleSet as RuleSet).ruleSet) as RuleSet<
      string,
      string
    >;
  } catch (error) {
    issues.push(issue('invalid-rule-set', ['ruleSet'], (error as Error).message));
  }
  if (issues.length > 0 || index === undefined || ruleSet === undefined) return undefined;

  const ageBounds: { under: number; over: number }[] = [];
  const ruleFactNames: string[] = [];
  for (const rule of ruleSet.rules) {
    if (rule.when.type === 'age-outside') {
      const { under, over } = rule.when;
      // Two rules of the same bounds write the same test twice: harmless.
      ageBounds.push({ under, over });
    }
    for (const fact of ruleFacts(rule)) if (!ruleFactNames.includes(fact)) ruleFactNames.push(fact);
  }
  return {
    dialect,
    table: (name) => `${prefix}${dialect.quote(name)}`,
    index,
    closed: closedWorld === 'within-observation-period',
    acuteDays: acuteDays as number,
    lists: [...fhirCodeLists, ...extraLists],
    extraSystems: extraLists.flatMap((list) => list.systems),
    vocabularies,
    ageBounds,
    ruleFactNames,
  };
}

function readIndex(given: unknown, dialect: Dialect, issues: Issue[]): ReadOmopOptions['index'] | undefined {
  if (typeof given === 'string') {
    if (parseIsoDate(given) === undefined) {
      issues.push(
        issue('invalid-date', ['indexDate'], 'indexDate must be a date YYYY-MM-DD, or a table of persons and dates'),
      );
      return undefined;
    }
    return { literal: dialect.date(given) };
  }
  if (typeof given !== 'object' || given === null) {
    issues.push(
      issue('invalid-type', ['indexDate'], 'indexDate must be a date YYYY-MM-DD, or { from, personId, indexDate }'),
    );
    return undefined;
  }
  const columns = ['personId', 'indexDate'].map((key) => {
    const column = readProperty(given, key) ?? (key === 'personId' ? 'subject_id' : 'cohort_start_date');
    if (typeof column !== 'string' || !IDENTIFIER.test(column)) {
      issues.push(
        issue('invalid-identifier', ['indexDate', key], `${key} must be a column name: letters, digits and _`),
      );
      return undefined;
    }
    return `acuspine_omop_given.${dialect.quote(column)}`;
  });
  const from = readRelation(readProperty(given, 'from'), ['indexDate', 'from'], dialect, issues);
  const [person, date] = columns;
  if (from === undefined || person === undefined || date === undefined) return undefined;
  return {
    relation: `SELECT DISTINCT ${person} AS person_id, ${date} AS index_date FROM ${from.relation} AS acuspine_omop_given`,
    with: from.with,
  };
}

function readVocabularies(given: unknown, issues: Issue[]): Readonly<Record<string, string>> {
  const shipped = shippedVocabularies();
  const all: Record<string, string> = { ...shipped };
  if (given === undefined) return all;
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    issues.push(issue('invalid-type', ['vocabularies'], 'vocabularies must map code system URIs to vocabulary ids'));
    return all;
  }
  for (const [system, id] of Object.entries(given)) {
    if (typeof id !== 'string' || !/^[A-Za-z0-9 _.-]{1,20}$/.test(id)) {
      issues.push(
        issue(
          'invalid-type',
          ['vocabularies', system],
          'a vocabulary_id is 1 to 20 letters, digits, spaces, _, . or -',
        ),
      );
    } else if (shipped[system] !== undefined && shipped[system] !== id) {
      issues.push(
        issue('invalid-type', ['vocabularies', system], `${system} is the OMOP vocabulary ${shipped[system]}`),
      );
    } else {
      all[system] = id;
    }
  }
  return all;
}

/** The SQL of whether a concept `c` is on one of the lists. */
function matchesAny(lists: readonly FhirCodeList[], read: ReadOmopOptions): string {
  const { dialect, vocabularies } = read;
  const terms: string[] = [];
  // Codes, prefixes and ranges of the lists, per code system, each written once.
  const bySystem = new Map<string, { codes: Set<string>; prefixes: Set<string>; ranges: Set<string> }>();
  for (const list of lists) {
    for (const system of list.systems) {
      const entry = bySystem.get(system) ?? { codes: new Set(), prefixes: new Set(), ranges: new Set() };
      bySystem.set(system, entry);
      for (const code of list.codes ?? []) {
        const key = normalizeCode(system, code);
        if (key !== '') entry.codes.add(key);
      }
      // As in the FHIR path, prefixes and ranges apply to ICD-10, ICD-10-CM and ATC only.
      if (!isHierarchicalSystem(system)) continue;
      for (const prefix of list.prefixes ?? []) entry.prefixes.add(normalizeCode(system, prefix));
      for (const { from, to } of list.ranges ?? []) entry.ranges.add(`${from.toUpperCase()}|${to.toUpperCase()}`);
    }
  }
  for (const [system, { codes, prefixes, ranges }] of bySystem) {
    // Every system has a vocabulary: the shipped ones, and those of extraCodes, which are checked.
    const vocabulary = vocabularies[system] as string;
    // ICD-10 and ATC codes are compared without dots, in upper case, as the FHIR path compares them.
    const code = isHierarchicalSystem(system) ? `UPPER(REPLACE(c.concept_code, '.', ''))` : 'c.concept_code';
    const parts: string[] = [];
    if (codes.size > 0) parts.push(`${code} IN (${[...codes].sort().map(dialect.text).join(', ')})`);
    for (const prefix of [...prefixes].sort())
      parts.push(`${dialect.prefix(code, prefix.length)} = ${dialect.text(prefix)}`);
    for (const range of [...ranges].sort()) {
      const [from, to] = range.split('|') as [string, string];
      parts.push(
        `(${dialect.length(code)} >= 3 AND ${dialect.prefix(code, 3)} BETWEEN ${dialect.text(from)} AND ${dialect.text(to)})`,
      );
    }
    if (parts.length > 0) terms.push(`(c.vocabulary_id = ${dialect.text(vocabulary)} AND (${parts.join(' OR ')}))`);
  }
  return terms.length === 0 ? '1 = 0' : terms.join(' OR ');
}

/** The vocabularies a domain reads: its systems, and every system of the clinic's lists, as the FHIR path reads them. */
function readVocabulariesOf(domain: number, read: ReadOmopOptions): string[] {
  const systems = [...systemsReadBy(domain), ...read.extraSystems];
  return [...new Set(systems.map((system) => read.vocabularies[system] as string))].sort();
}

function writeQuery(read: ReadOmopOptions): OmopFactsQuery {
  const { dialect, table, acuteDays, lists } = read;
  const q = dialect.quote;
  const text = dialect.text;
  const inList = (values: readonly string[]) => values.map(text).join(', ');
  const kind = (fact: CodedFact) => `acuspine_k_${CODED_FACTS.indexOf(fact)}`;
  const counts = (fact: CodedFact) => `acuspine_c_${CODED_FACTS.indexOf(fact)}`;
  const unsure = (fact: CodedFact) => `acuspine_u_${CODED_FACTS.indexOf(fact)}`;
  const allVocabularies = [...new Set([...Object.values(read.vocabularies)])].sort();

  // 1. The persons and index dates, with the first days of the acute window and of a current
  // pregnancy status.
  const givenIndex =
    'literal' in read.index
      ? `SELECT ${q('person_id')} AS person_id, ${read.index.literal} AS index_date FROM ${table('person')}`
      : read.index.relation;
  const index = `acuspine_omop_index AS (SELECT person_id, index_date, ${dialect.daysBefore('index_date', acuteDays)} AS acute_from, ${dialect.daysBefore('index_date', PREGNANCY_STATUS_CURRENT_DAYS)} AS status_from FROM (${givenIndex}) AS acuspine_omop_dates)`;

  // 2. Each concept of a vocabulary read: which domains read it, and for each fact the strongest
  // kind of list it is on (2 counts, 1 uncertain, 0 none: a noted code never sets a fact).
  const kindColumns = CODED_FACTS.map((fact) => {
    const of = (listKind: string) => lists.filter((list) => list.fact === fact && list.kind === listKind);
    return `CASE WHEN ${matchesAny(of('counts'), read)} THEN 2 WHEN ${matchesAny(of('uncertain'), read)} THEN 1 ELSE 0 END AS ${kind(fact)}`;
  });
  const readsColumns = [CONDITION, DRUG, DEVICE].map(
    (domain) =>
      `CASE WHEN c.vocabulary_id IN (${inList(readVocabulariesOf(domain, read))}) THEN 1 ELSE 0 END AS acuspine_reads_${domain}`,
  );
  // Only the concepts on a list: a CDM's concept table holds millions.
  const anyKind = CODED_FACTS.map((fact) => `${kind(fact)} > 0`).join(' OR ');
  const codes = `acuspine_omop_codes AS (SELECT * FROM (SELECT c.concept_id, ${kindColumns.join(', ')} FROM ${table('concept')} AS c WHERE c.vocabulary_id IN (${inList(allVocabularies)})) AS acuspine_omop_all_codes WHERE ${anyKind})`;
  const readVocabularies = [
    ...new Set([CONDITION, DRUG, DEVICE].flatMap((domain) => readVocabulariesOf(domain, read))),
  ].sort();
  const reads = `acuspine_omop_reads AS (SELECT c.concept_id, ${readsColumns.join(', ')} FROM ${table('concept')} AS c WHERE c.vocabulary_id IN (${inList(readVocabularies)}))`;

  // 3. The events that began by each index date: conditions, drugs, devices, and observations
  // (a history, a pregnancy, a device in situ may be an observation), with the strongest kind of
  // their standard and source concepts. Kept: the events on a list, and those whose codes are in
  // no vocabulary their domain reads (which leave facts unrecorded).
  const nullDate = `CAST(NULL AS ${dialect.types.date})`;
  const sources = [
    [
      CONDITION,
      'condition_occurrence',
      'condition_concept_id',
      'condition_source_concept_id',
      'condition_start_date',
      'condition_end_date',
    ],
    [
      DRUG,
      'drug_exposure',
      'drug_concept_id',
      'drug_source_concept_id',
      'drug_exposure_start_date',
      'drug_exposure_end_date',
    ],
    [
      DEVICE,
      'device_exposure',
      'device_concept_id',
      'device_source_concept_id',
      'device_exposure_start_date',
      'device_exposure_end_date',
    ],
    [
      OBSERVATION,
      'observation',
      'observation_concept_id',
      'observation_source_concept_id',
      'observation_date',
      undefined,
    ],
  ] as const;
  // A drug's end date is required in the CDM, so ETLs derive one when the source has none, and
  // then leave verbatim_end_date empty: after a derived end, whether the drug was still taken is unknown.
  const rows = sources
    .map(
      ([domain, name, concept, source, start, end]) =>
        `SELECT ${q('person_id')} AS person_id, ${q(concept)} AS concept_id, ${q(source)} AS source_concept_id, ${q(start)} AS start_date, ${end === undefined ? nullDate : q(end)} AS end_date, ${domain === DRUG ? `CASE WHEN ${q('verbatim_end_date')} IS NULL THEN 1 ELSE 0 END` : '0'} AS end_derived, ${domain} AS domain FROM ${table(name)}`,
    )
    .join(' UNION ALL ');
  const strongest = (column: string) =>
    `CASE WHEN k2.${column} IS NULL OR k1.${column} >= k2.${column} THEN COALESCE(k1.${column}, 0) ELSE k2.${column} END AS ${column}`;
  const readsBy = (domain: number) =>
    `COALESCE(r1.acuspine_reads_${domain}, 0) + COALESCE(r2.acuspine_reads_${domain}, 0) > 0`;
  const readable = `e.domain = ${OBSERVATION} OR (e.domain = ${CONDITION} AND ${readsBy(CONDITION)}) OR (e.domain = ${DRUG} AND ${readsBy(DRUG)}) OR (e.domain = ${DEVICE} AND ${readsBy(DEVICE)})`;
  const events = `acuspine_omop_events AS (SELECT i.person_id, i.index_date, i.acute_from, e.start_date, e.end_date, e.end_derived, e.domain, CASE WHEN e.end_date IS NULL OR e.end_date >= i.index_date THEN 1 ELSE 0 END AS present, CASE WHEN ${readable} THEN 1 ELSE 0 END AS readable, ${CODED_FACTS.map((fact) => strongest(kind(fact))).join(', ')} FROM acuspine_omop_index AS i JOIN (${rows}) AS e ON e.person_id = i.person_id AND e.start_date <= i.index_date LEFT JOIN acuspine_omop_codes AS k1 ON k1.concept_id = e.concept_id LEFT JOIN acuspine_omop_codes AS k2 ON k2.concept_id = e.source_concept_id LEFT JOIN acuspine_omop_reads AS r1 ON r1.concept_id = e.concept_id LEFT JOIN acuspine_omop_reads AS r2 ON r2.concept_id = e.source_concept_id WHERE k1.concept_id IS NOT NULL OR k2.concept_id IS NOT NULL OR NOT (${readable}))`;

  // 4. Per person and index date, for each fact: whether a record counts, and whether one leaves
  // it unrecorded.
  const codedColumns = CODED_FACTS.flatMap((fact) => {
    const k = kind(fact);
    const history = HISTORY_FACTS.includes(fact);
    const acute = ACUTE_FACTS.includes(fact);
    // Present on the index date: begun (the join) and not ended before it; a history once begun.
    const presentOn = history ? '1 = 1' : 'present = 1';
    // An acute condition with no end that began before the window cannot be told to be current.
    const stale = 'end_date IS NULL AND start_date < acute_from';
    let countsWhen = `${k} = 2 AND ${presentOn}${acute ? ` AND NOT (${stale})` : ''}`;
    // A pregnancy condition or observation is a dated statement, settled with the statuses (step 6).
    if (fact === 'pregnant') countsWhen += ` AND domain IN (${DRUG}, ${DEVICE})`;
    const domains = [
      CONDITION,
      ...(fact === 'anticoagulantTherapy' ? [DRUG] : []),
      ...(fact === 'pacemaker' ? [DEVICE] : []),
    ];
    const unsureWhen = [
      `(${k} = 1 AND ${presentOn})`,
      ...(acute ? [`(${k} = 2 AND present = 1 AND ${stale})`] : []),
      ...(history ? [] : [`(${k} >= 1 AND present = 0 AND end_derived = 1)`]),
      `(readable = 0 AND domain IN (${domains.join(', ')}) AND ${presentOn})`,
    ].join(' OR ');
    return [
      `MAX(CASE WHEN ${countsWhen} THEN 1 ELSE 0 END) AS ${counts(fact)}`,
      `MAX(CASE WHEN ${unsureWhen} THEN 1 ELSE 0 END) AS ${unsure(fact)}`,
    ];
  });
  const coded = `acuspine_omop_coded AS (SELECT person_id, index_date, ${codedColumns.join(', ')} FROM acuspine_omop_events GROUP BY person_id, index_date)`;

  // 5. Pregnancy statements up to each index date: statuses (LOINC 82810-3, in observation or
  // measurement, "pregnant" only while current), and pregnancy conditions: present, "pregnant" as
  // of their start (as of the index date when they have an end); ended, "not pregnant" as of their end.
  // Values: 2 pregnant, 1 not pregnant, 0 unknown.
  const answer = (value: boolean | undefined) =>
    PREGNANCY_STATUS_ANSWERS.filter((entry) => entry.value === value)
      .map(
        ({ system, code }) =>
          `(c.vocabulary_id = ${text(read.vocabularies[system] as string)} AND c.concept_code = ${text(code)})`,
      )
      .join(' OR ');
  const answers = `acuspine_omop_answers AS (SELECT c.concept_id, CASE WHEN ${answer(true)} THEN 2 WHEN ${answer(false)} THEN 1 ELSE 0 END AS value FROM ${table('concept')} AS c WHERE ${answer(true)} OR ${answer(false)} OR ${answer(undefined)})`;
  const statusConcepts = `acuspine_omop_status_codes AS (SELECT c.concept_id FROM ${table('concept')} AS c WHERE c.vocabulary_id = ${text('LOINC')} AND c.concept_code = ${text(PREGNANCY_STATUS_LOINC)})`;
  const isStatus = (column: string) => `${column} IN (SELECT concept_id FROM acuspine_omop_status_codes)`;
  // Only the rows of a status, or with a status answer: measurement tables hold billions of rows.
  const measured = ['observation', 'measurement']
    .map((name) => {
      const concept = q(`${name}_concept_id`);
      const source = q(`${name}_source_concept_id`);
      return `SELECT ${q('person_id')} AS person_id, CASE WHEN ${isStatus(concept)} OR ${isStatus(source)} THEN 1 ELSE 0 END AS is_status, ${q(`${name}_date`)} AS made_on, ${q('value_as_concept_id')} AS value_concept_id FROM ${table(name)} WHERE ${isStatus(concept)} OR ${isStatus(source)} OR ${q('value_as_concept_id')} IN (SELECT concept_id FROM acuspine_omop_answers)`;
    })
    .join(' UNION ALL ');
  const statuses = `acuspine_omop_statuses AS (SELECT i.person_id, i.index_date, i.status_from, o.made_on, o.is_status, a.value FROM acuspine_omop_index AS i JOIN (${measured}) AS o ON o.person_id = i.person_id AND o.made_on <= i.index_date LEFT JOIN acuspine_omop_answers AS a ON a.concept_id = o.value_concept_id)`;
  const statements = `acuspine_omop_statements AS (SELECT person_id, index_date, made_on, value FROM acuspine_omop_statuses WHERE is_status = 1 AND value IS NOT NULL AND NOT (value = 2 AND made_on < status_from) UNION ALL SELECT person_id, index_date, CASE WHEN present = 0 THEN end_date WHEN end_date IS NULL THEN start_date ELSE index_date END AS made_on, CASE WHEN present = 1 THEN 2 ELSE 1 END AS value FROM acuspine_omop_events WHERE ${kind('pregnant')} = 2 AND domain IN (${CONDITION}, ${OBSERVATION}))`;
  // A status whose value cannot be read, or a status answer under another code, leaves pregnancy unrecorded.
  const statusDoubts = `acuspine_omop_status_doubts AS (SELECT person_id, index_date, 1 AS doubt FROM acuspine_omop_statuses WHERE (is_status = 1 AND value IS NULL) OR (is_status = 0 AND value IS NOT NULL) GROUP BY person_id, index_date)`;
  const latest = `acuspine_omop_latest AS (SELECT person_id, index_date, MAX(made_on) AS made_on FROM acuspine_omop_statements GROUP BY person_id, index_date)`;
  const pregnancy = `acuspine_omop_pregnancy AS (SELECT s.person_id, s.index_date, l.made_on, MIN(s.value) AS low, MAX(s.value) AS high FROM acuspine_omop_statements AS s JOIN acuspine_omop_latest AS l ON l.person_id = s.person_id AND l.index_date = s.index_date AND l.made_on = s.made_on GROUP BY s.person_id, s.index_date, l.made_on)`;

  // 6. Whether an observation period covers the index date (only read in a closed world).
  const periods = `acuspine_omop_observed AS (SELECT i.person_id, i.index_date, 1 AS observed FROM acuspine_omop_index AS i JOIN ${table('observation_period')} AS op ON op.${q('person_id')} = i.person_id AND op.${q('observation_period_start_date')} <= i.index_date AND op.${q('observation_period_end_date')} >= i.index_date GROUP BY i.person_id, i.index_date)`;

  // 7. The facts.
  const TRUE = dialect.boolean(true);
  const FALSE = dialect.boolean(false);
  const closed = read.closed ? 'w.observed = 1' : undefined;
  const factColumns = CODED_FACTS.map((fact) => {
    const closedBranch =
      closed !== undefined && !OPEN_WORLD_FACTS.includes(fact) ? ` WHEN ${closed} THEN ${FALSE}` : '';
    if (fact === 'pregnant') {
      return `CASE WHEN x.${counts(fact)} = 1 OR g.low = 2 THEN ${TRUE} WHEN x.${unsure(fact)} = 1 OR d.doubt = 1 OR g.low < g.high OR g.high = 0 THEN NULL WHEN g.high = 1 AND g.made_on = i.index_date THEN ${FALSE}${closedBranch} ELSE NULL END AS ${q(fact)}`;
    }
    return `CASE WHEN x.${counts(fact)} = 1 THEN ${TRUE} WHEN x.${unsure(fact)} = 1 THEN NULL${closedBranch} ELSE NULL END AS ${q(fact)}`;
  });
  const unmapped = read.ruleFactNames.filter((fact) => fact !== 'ageYears' && !CODED_FACTS.includes(fact as CodedFact));
  const nullColumns = unmapped.map((fact) => `CAST(NULL AS ${dialect.types.boolean}) AS ${q(fact)}`);
  const facts = `acuspine_omop_facts AS (SELECT i.person_id AS ${q('person_id')}, i.index_date AS ${q('index_date')}, ${ageSql(read)} AS ${q('ageYears')}, ${[...factColumns, ...nullColumns].join(', ')} FROM acuspine_omop_index AS i LEFT JOIN ${table('person')} AS p ON p.${q('person_id')} = i.person_id LEFT JOIN acuspine_omop_coded AS x ON x.person_id = i.person_id AND x.index_date = i.index_date LEFT JOIN acuspine_omop_pregnancy AS g ON g.person_id = i.person_id AND g.index_date = i.index_date LEFT JOIN acuspine_omop_status_doubts AS d ON d.person_id = i.person_id AND d.index_date = i.index_date${read.closed ? ' LEFT JOIN acuspine_omop_observed AS w ON w.person_id = i.person_id AND w.index_date = i.index_date' : ''})`;

  const ctes = [
    ...('with' in read.index && read.index.with !== undefined ? [read.index.with] : []),
    index,
    codes,
    reads,
    events,
    coded,
    answers,
    statusConcepts,
    statuses,
    statements,
    statusDoubts,
    latest,
    pregnancy,
    ...(read.closed ? [periods] : []),
    facts,
  ].join(',\n');
  const columns = ['person_id', 'index_date', 'ageYears', ...CODED_FACTS, ...unmapped];
  const mapping: Record<string, unknown> = {};
  for (const fact of read.ruleFactNames) {
    if (fact === 'ageYears') mapping[fact] = Object.freeze({ column: 'ageYears', as: 'years' });
    else if (CODED_FACTS.includes(fact as CodedFact)) mapping[fact] = Object.freeze({ column: fact });
  }
  return Object.freeze({
    sql: `WITH ${ctes}\nSELECT ${columns.map(q).join(', ')}\nFROM acuspine_omop_facts`,
    columns: Object.freeze(columns),
    from: Object.freeze({ sql: 'acuspine_omop_facts', with: ctes }),
    facts: Object.freeze(mapping) as SqlFactMapping,
    keep: Object.freeze(['person_id', 'index_date'] as const),
    unmapped: Object.freeze(unmapped),
  });
}

/**
 * The age in completed years on the index date, as the FHIR path reads a birth date: exact from
 * birth_datetime or a full year, month and day; from a year (and month) only, the youngest
 * possible age, and NULL when the possible ages straddle an age bound of the rule set. NULL too
 * for a birth after the index date, an age of 150 or more, or a month or day that is no date.
 */
function ageSql(read: ReadOmopOptions): string {
  const { dialect } = read;
  const q = dialect.quote;
  const part = dialect.part;
  const hasTime = `p.${q('birth_datetime')} IS NOT NULL`;
  const year = `CASE WHEN ${hasTime} THEN ${part('YEAR', `p.${q('birth_datetime')}`)} ELSE p.${q('year_of_birth')} END`;
  const month = `CASE WHEN ${hasTime} THEN ${part('MONTH', `p.${q('birth_datetime')}`)} ELSE p.${q('month_of_birth')} END`;
  // A day without a month says nothing: the date is then as partial as a year alone.
  const day = `CASE WHEN ${hasTime} THEN ${part('DAY', `p.${q('birth_datetime')}`)} WHEN p.${q('month_of_birth')} IS NULL THEN NULL ELSE p.${q('day_of_birth')} END`;
  const leap = `(${dialect.mod(year, 4)} = 0 AND ${dialect.mod(year, 100)} <> 0 OR ${dialect.mod(year, 400)} = 0)`;
  const lastDay = `CASE WHEN ${month} = 2 THEN CASE WHEN ${leap} THEN 29 ELSE 28 END WHEN ${month} IN (4, 6, 9, 11) THEN 30 ELSE 31 END`;
  const ry = part('YEAR', 'i.index_date');
  const rm = part('MONTH', 'i.index_date');
  const rd = part('DAY', 'i.index_date');
  // Completed years from the first and from the last day the birth date can name.
  const oldest = `(${ry} - ${year} - CASE WHEN ${month} IS NULL THEN 0 WHEN ${rm} < ${month} OR (${rm} = ${month} AND ${rd} < COALESCE(${day}, 1)) THEN 1 ELSE 0 END)`;
  const youngestRaw = `(${ry} - ${year} - CASE WHEN ${month} IS NULL THEN CASE WHEN ${rm} = 12 AND ${rd} = 31 THEN 0 ELSE 1 END WHEN ${rm} < ${month} OR (${rm} = ${month} AND ${rd} < COALESCE(${day}, ${lastDay})) THEN 1 ELSE 0 END)`;
  const youngest = `CASE WHEN ${youngestRaw} < 0 THEN 0 ELSE ${youngestRaw} END`;
  const straddles = read.ageBounds.map(
    ({ under, over }) =>
      `(${youngest} < ${under} AND ${oldest} >= ${under}) OR (${youngest} <= ${over} AND ${oldest} > ${over})`,
  );
  const partial = `${day} IS NULL`;
  const age = `CASE WHEN ${year} IS NULL THEN NULL WHEN ${month} IS NOT NULL AND (${month} < 1 OR ${month} > 12) THEN NULL WHEN ${day} IS NOT NULL AND (${day} < 1 OR ${day} > ${lastDay}) THEN NULL WHEN ${oldest} < 0 OR ${oldest} >= ${MAX_AGE_YEARS} THEN NULL${straddles.length > 0 ? ` WHEN ${partial} AND (${straddles.join(' OR ')}) THEN NULL` : ''} ELSE ${youngest} END`;
  return `CAST(${age} AS ${dialect.types.integer})`;
}
