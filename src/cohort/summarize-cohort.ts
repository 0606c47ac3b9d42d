import { readProperty } from '../_internal/read-property.js';
import { factNames } from '../facts/patient-facts.js';
import { programOf } from '../screening/define-rule-set.js';
import type { ProtocolRuleId } from '../screening/protocol-rule-set.js';
import { type RuleKind, type RuleSet, ruleFacts } from '../screening/rule.js';
import { type RuleSetRef, type Screening, screeningStatuses } from '../screening/screening.js';
import type { CohortEntry } from './cohort-entry.js';
import type { CohortStatistics, CohortSummary } from './cohort-summary.js';
import { type Counts, define, emptyCounts, naturalCompare, ruleKinds, ruleSetKey, statisticsOf } from './statistics.js';

/** Options for {@link summarizeCohort}. */
export interface SummarizeCohortOptions<
  Id extends string = ProtocolRuleId,
  Row = unknown,
  Fact extends string = never,
> {
  /**
   * The rule set the entries were screened with. Optional: without it, rule ids, facts and rule
   * sets are taken from the screenings counted. With it, every rule of the set is listed in
   * `byRule` and every fact it reads in `missing`, zero counts included, in every group, even a
   * group (or a whole summary) without a single screened record; and the set's own facts are
   * listed in declaration order, after the shipped ones.
   */
  readonly ruleSet?: RuleSet<Id, Fact>;
  /**
   * Puts each entry in a group, e.g. by region (`(entry) => entry.record.region`) or by age band
   * (`(entry) => entry.ok ? ageBand(entry.facts.ageYears, bands) : 'invalid'`); the summary then
   * has the same statistics per group in `groups`. Called once per entry, invalid ones
   * included; it must return a string.
   */
  readonly groupBy?: (entry: CohortEntry<Id, Row, Fact>) => string;
}

/**
 * Counts a screened cohort in one pass and constant memory: totals, statuses (`refer` among
 * them), each rule's kind and outcomes (referral rules too), missing facts (a rule set's own
 * too) and invalid records, with the proportions and their 95% Wilson score
 * intervals, for the whole cohort and, with `groupBy`, for each group. The result mirrors the
 * input: a summary for an `Iterable`, a Promise of one for an `AsyncIterable`. Summaries of the
 * parts of a cohort merge exactly with {@link mergeSummaries}.
 *
 * @param entries - the entries of {@link screenCohort}, or any entries of that shape.
 * @param options - `ruleSet` (to list every rule and fact, zero counts included) and `groupBy`.
 * @returns the frozen summary; see {@link CohortSummary} for what each count means.
 * @throws {TypeError} when `entries` is neither iterable nor async iterable, `options.ruleSet`
 *   is not a valid rule set, `options.groupBy` is not a function; and during iteration (for an
 *   `AsyncIterable`, the Promise rejects) when `groupBy` returns something other than a string,
 *   or one rule id comes with two kinds (screenings of rule sets that use one id for rules of
 *   different kinds: summarize them apart).
 * @example
 * const summary = summarizeCohort(screenCohort([{ ageYears: 80 }, { ageYears: 'forty' }]));
 * summary.total; // => 2
 * summary.invalid; // => 1
 * summary.byStatus; // => { eligible: 0, caution: 0, incomplete: 0, contraindicated: 1, refer: 0 }
 * summary.byRule.age; // => { kind: 'absolute', present: 1, absent: 0, unknown: 0 }
 * summary.proportions.byStatus.contraindicated; // => { count: 1, n: 1, p: 1, low: 0.2065493..., high: 1 }
 */
export function summarizeCohort<Id extends string = ProtocolRuleId, Row = unknown, Fact extends string = never>(
  entries: Iterable<CohortEntry<Id, Row, Fact>>,
  options?: SummarizeCohortOptions<Id, Row, Fact>,
): CohortSummary<Id, Fact>;
export function summarizeCohort<Id extends string = ProtocolRuleId, Row = unknown, Fact extends string = never>(
  entries: AsyncIterable<CohortEntry<Id, Row, Fact>>,
  options?: SummarizeCohortOptions<Id, Row, Fact>,
): Promise<CohortSummary<Id, Fact>>;
export function summarizeCohort<Id extends string = ProtocolRuleId, Row = unknown, Fact extends string = never>(
  entries: Iterable<CohortEntry<Id, Row, Fact>> | AsyncIterable<CohortEntry<Id, Row, Fact>>,
  options?: SummarizeCohortOptions<Id, Row, Fact>,
): CohortSummary<Id, Fact> | Promise<CohortSummary<Id, Fact>>;
export function summarizeCohort<Id extends string = ProtocolRuleId, Row = unknown, Fact extends string = never>(
  entries: Iterable<CohortEntry<Id, Row, Fact>> | AsyncIterable<CohortEntry<Id, Row, Fact>>,
  options: SummarizeCohortOptions<Id, Row, Fact> = {},
): CohortSummary<Id, Fact> | Promise<CohortSummary<Id, Fact>> {
  const tally = new Tally(options as unknown as SummarizeCohortOptions<string, unknown, string>);
  if (entries != null && typeof (entries as Iterable<unknown>)[Symbol.iterator] === 'function') {
    for (const entry of entries as Iterable<CohortEntry<string, unknown, string>>) tally.add(entry);
    return tally.finish() as CohortSummary<Id, Fact>;
  }
  if (entries != null && typeof (entries as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    return (async () => {
      for await (const entry of entries as AsyncIterable<CohortEntry<string, unknown, string>>) tally.add(entry);
      return tally.finish() as CohortSummary<Id, Fact>;
    })();
  }
  throw new TypeError('summarizeCohort: entries must be an Iterable or an AsyncIterable');
}

// How the one pass stays fast: `screen` returns shared frozen Screening objects, one per distinct
// combination of fact states, so a cohort of a million records holds only a few hundred distinct
// screenings. Each distinct screening gets a slot, with its status, rule outcomes and missing
// facts worked out once (its profile); per record, the only work is a Map lookup and one
// increment of a numeric array. The slot counts are expanded into the real counts at the end,
// or earlier when more than SLOT_LIMIT distinct screenings have been seen, which bounds memory
// even for rule sets whose screenings are not shared.
const SLOT_LIMIT = 4096;

interface Profile {
  /** Index in screeningStatuses. */
  readonly status: number;
  /** Per finding: ruleIndex * 3 + outcome (0 present, 1 absent, 2 unknown). */
  readonly cells: readonly number[];
  /** Indices of the missing facts. */
  readonly missing: readonly number[];
  /** Index of the rule set reference. */
  readonly ruleSet: number;
}

const OUTCOMES: Readonly<Record<string, number>> = { present: 0, absent: 1, unknown: 2 };

/** The counts of the cohort or of one group, by slot until expanded. */
class GroupTally {
  total = 0;
  invalid = 0;
  slotCounts = new Float64Array(64);
  readonly status = screeningStatuses.map(() => 0);
  readonly cells: number[] = [];
  readonly missing: number[] = [];
  readonly ruleSetCounts: number[] = [];

  bump(slot: number): void {
    const counts = slot < this.slotCounts.length ? this.slotCounts : this.grow(slot);
    counts[slot] = (counts[slot] as number) + 1;
  }

  private grow(slot: number): Float64Array {
    // Stryker disable next-line ArithmeticOperator: equivalent, the loop below doubles the size until it exceeds the slot, from any start
    let size = this.slotCounts.length * 2;
    while (size <= slot) size *= 2;
    const grown = new Float64Array(size);
    grown.set(this.slotCounts);
    this.slotCounts = grown;
    return grown;
  }
}

class Tally {
  private readonly slots = new Map<Screening<string, string>, number>();
  // Stryker disable next-line ArrayDeclaration: equivalent, a stray first profile is never read: no slot counts it
  private readonly profiles: Profile[] = [];
  // Stryker disable next-line ArrayDeclaration: equivalent, a stray first rule id has no counts and is never listed
  private readonly ruleIds: string[] = [];
  /** The kind of each rule in ruleIds. */
  private readonly kinds: RuleKind[] = [];
  private readonly ruleIndex = new Map<string, number>();
  private readonly facts: string[] = [...factNames];
  // Stryker disable next-line ArrayDeclaration: equivalent, facts are indexed as met instead, and the output sorts them in factNames order
  private readonly factIndex = new Map<string, number>(factNames.map((fact, index) => [fact, index]));
  // Stryker disable next-line ArrayDeclaration: equivalent, a stray first rule set has no counts and is never listed
  private readonly refs: RuleSetRef[] = [];
  private readonly refIndex = new Map<string, number>();
  private readonly whole = new GroupTally();
  private readonly groupBy: ((entry: CohortEntry<string, unknown, string>) => string) | undefined;
  private readonly groups = new Map<string, GroupTally>();
  /** From the ruleSet option: listed even at zero. */
  private readonly listedRules = new Set<string>();
  private readonly listedFacts = new Set<string>();
  private readonly listedRef: string | undefined;
  /** The ruleSet option's own facts, in declaration order: listed after the shipped ones. */
  private readonly ownFacts: readonly string[] | undefined;

  constructor(options: SummarizeCohortOptions<string, unknown, string>) {
    // Never Object.prototype's options, as screenCohort reads its own.
    const given = readProperty(options, 'ruleSet') as RuleSet | undefined;
    const groupBy = readProperty(options, 'groupBy') as Tally['groupBy'];
    if (groupBy !== undefined && typeof groupBy !== 'function') {
      throw new TypeError('summarizeCohort: options.groupBy must be a function (entry) => string');
    }
    this.groupBy = groupBy;
    if (given !== undefined) {
      // Throws a TypeError for a rule set that is not valid, as screen does; for a plain object,
      // gives the checked, frozen copy that screen uses.
      const ruleSet = programOf(given).ruleSet as RuleSet<string, string>;
      for (const rule of ruleSet.rules) {
        this.ruleIndexOf(rule.id, rule.kind);
        this.listedRules.add(rule.id);
        for (const fact of ruleFacts(rule)) {
          this.factIndexOf(fact);
          this.listedFacts.add(fact);
        }
      }
      // defineRuleSet always gives a set its facts, none or some.
      this.ownFacts = Object.keys(ruleSet.facts as object);
      const ref = { id: ruleSet.id, version: ruleSet.version };
      this.refIndexOf(ref);
      this.listedRef = ruleSetKey(ref);
    }
  }

  add(entry: CohortEntry<string, unknown, string>): void {
    const whole = this.whole;
    whole.total++;
    let slot = -1;
    if (entry.ok) {
      const screening = entry.screening;
      slot = this.slots.get(screening) ?? this.newSlot(screening);
      whole.bump(slot);
    } else {
      whole.invalid++;
    }
    if (this.groupBy !== undefined) this.addToGroup(entry, slot);
  }

  private addToGroup(entry: CohortEntry<string, unknown, string>, slot: number): void {
    const key = (this.groupBy as (entry: CohortEntry<string, unknown, string>) => string)(entry);
    if (typeof key !== 'string') {
      throw new TypeError(
        `summarizeCohort: groupBy must return a string, got ${key === null ? 'null' : typeof key} for entry ${entry.index}`,
      );
    }
    let group = this.groups.get(key);
    if (group === undefined) {
      group = new GroupTally();
      this.groups.set(key, group);
    }
    group.total++;
    if (slot < 0) {
      group.invalid++;
    } else {
      group.bump(slot);
    }
  }

  private newSlot(screening: Screening<string, string>): number {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, the limit bounds memory only; expanding sooner, later or never gives the same counts
    if (this.profiles.length >= SLOT_LIMIT) this.expandAll();
    const status = screeningStatuses.indexOf(screening.status);
    if (status < 0) throw new TypeError(`summarizeCohort: an entry's screening has an unknown status`);
    // Stryker disable next-line ArrayDeclaration: equivalent, a stray non-index cell is a property that the counts never read
    const cells: number[] = [];
    for (const finding of screening.findings) {
      const outcome = OUTCOMES[finding.outcome];
      if (outcome === undefined) throw new TypeError(`summarizeCohort: an entry's finding has an unknown outcome`);
      if (!ruleKinds.includes(finding.kind))
        throw new TypeError(`summarizeCohort: an entry's finding has an unknown kind`);
      cells.push(this.ruleIndexOf(finding.rule, finding.kind) * 3 + outcome);
    }
    // Stryker disable next-line ArrayDeclaration: equivalent, a stray non-index fact is a property that the counts never read
    const missing: number[] = [];
    for (const fact of screening.missing) missing.push(this.factIndexOf(fact));
    const slot = this.profiles.length;
    this.profiles.push({ status, cells, missing, ruleSet: this.refIndexOf(screening.ruleSet) });
    this.slots.set(screening, slot);
    return slot;
  }

  private ruleIndexOf(id: string, kind: RuleKind): number {
    let index = this.ruleIndex.get(id);
    if (index === undefined) {
      index = this.ruleIds.length;
      this.ruleIds.push(id);
      this.kinds.push(kind);
      this.ruleIndex.set(id, index);
    } else if (this.kinds[index] !== kind) {
      throw new TypeError(
        `summarizeCohort: the rule "${id}" is counted as ${this.kinds[index]} and as ${kind}: summarize the screenings of rule sets that give one rule id two kinds apart`,
      );
    }
    return index;
  }

  private factIndexOf(fact: string): number {
    let index = this.factIndex.get(fact);
    if (index === undefined) {
      index = this.facts.length;
      this.facts.push(fact);
      this.factIndex.set(fact, index);
    }
    return index;
  }

  private refIndexOf(ref: RuleSetRef): number {
    const key = ruleSetKey(ref);
    let index = this.refIndex.get(key);
    // Stryker disable next-line ConditionalExpression: equivalent, a second index for the same rule set merges back by its key in countsOf
    if (index === undefined) {
      index = this.refs.length;
      this.refs.push({ id: ref.id, version: ref.version });
      this.refIndex.set(key, index);
    }
    return index;
  }

  /** Adds the slot counts of every tally to its real counts and forgets the slots. */
  private expandAll(): void {
    this.expand(this.whole);
    for (const group of this.groups.values()) this.expand(group);
    this.slots.clear();
    this.profiles.length = 0;
  }

  private expand(tally: GroupTally): void {
    const counts = tally.slotCounts;
    const limit = Math.min(counts.length, this.profiles.length);
    for (let slot = 0; slot < limit; slot++) {
      const count = counts[slot] as number;
      // Stryker disable next-line ConditionalExpression: equivalent, adding zero changes no count, and countsOf lists only counts above zero
      if (count === 0) continue;
      const profile = this.profiles[slot] as Profile;
      tally.status[profile.status] = (tally.status[profile.status] as number) + count;
      for (const cell of profile.cells) tally.cells[cell] = (tally.cells[cell] ?? 0) + count;
      for (const fact of profile.missing) tally.missing[fact] = (tally.missing[fact] ?? 0) + count;
      tally.ruleSetCounts[profile.ruleSet] = (tally.ruleSetCounts[profile.ruleSet] ?? 0) + count;
    }
    counts.fill(0);
  }

  finish(): CohortSummary<string, string> {
    this.expandAll();
    const statistics = statisticsOf(this.countsOf(this.whole));
    if (this.groupBy === undefined) return statistics;
    const groups: Record<string, CohortStatistics<string, string>> = {};
    for (const key of [...this.groups.keys()].sort(naturalCompare)) {
      define(groups, key, statisticsOf(this.countsOf(this.groups.get(key) as GroupTally)));
    }
    return Object.freeze({ ...statistics, groups: Object.freeze(groups) });
  }

  private countsOf(tally: GroupTally): Counts {
    const counts = emptyCounts();
    counts.total = tally.total;
    counts.invalid = tally.invalid;
    counts.status.splice(0, tally.status.length, ...tally.status);
    this.ruleIds.forEach((id, r) => {
      const present = tally.cells[r * 3] ?? 0;
      const absent = tally.cells[r * 3 + 1] ?? 0;
      const unknown = tally.cells[r * 3 + 2] ?? 0;
      if (present + absent + unknown > 0 || this.listedRules.has(id)) {
        counts.rules.set(id, { kind: this.kinds[r] as RuleKind, outcomes: [present, absent, unknown] });
      }
    });
    counts.leading = this.ownFacts;
    this.facts.forEach((fact, f) => {
      const missing = tally.missing[f] ?? 0;
      if (missing > 0 || this.listedFacts.has(fact)) counts.missing.set(fact, missing);
    });
    this.refs.forEach((ref, i) => {
      const key = ruleSetKey(ref);
      if ((tally.ruleSetCounts[i] ?? 0) > 0 || key === this.listedRef) counts.ruleSets.set(key, ref);
    });
    return counts;
  }
}
