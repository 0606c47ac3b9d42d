// The interpreter behind `screen`: a rule set is compiled once into flat arrays, and each
// screening reads every input fact once. A set of up to 26 inputs packs the fact states into one
// number and looks the finished (frozen) screening up by it: equal fact states always give the
// same screening, so sharing results is safe, and the per-record work stays close to a
// hand-written chain of ifs. A wider set keeps the states as bit masks and settles each rule
// with a few mask operations (see runWide).
import { readProperty } from '../_internal/read-property.js';
import { factNames, MAX_AGE_YEARS, type PatientFacts } from '../facts/patient-facts.js';
import { prototypeHoldsAFact } from '../facts/prototype-holds-a-fact.js';
import { uncheckedProtocolRules } from './protocol-coverage.js';
import type { ProtocolRuleId } from './protocol-rules.js';
import { type Rule, type RuleSet, referralUrgencies } from './rule.js';
import type { Finding, FindingOutcome, Referral, Screening, ScreeningStatus } from './screening.js';

/** Fact states, two bits each. */
const MISSING = 0;
const FALSE = 1;
const TRUE = 2;
const INVALID = 3;

/** Packing states into a double stays exact up to 26 inputs (4^26 < 2^53): one key for a set of up to 26 inputs. */
const MAX_ONE_WORD_INPUTS = 26;
/** A rule set with many inputs has many possible states; past this many the cache stops growing. */
const CACHE_LIMIT = 8192;
/** Slots of a table of shared parts (a power of two): a few hundred kB at most per rule set. */
const PART_SLOTS = 16_384;

/** The age bounds of an input that reads a boolean fact, not an age. */
const NOT_AN_AGE = -1;

const ANY = 0;
const ALL = 1;
const AGE = 2;

export interface Program {
  readonly ruleSet: RuleSet;
  /** Per input: the fact it reads, and that fact's index in `factNames` (see readFact), or -1 for a set's own fact. */
  readonly inputFacts: readonly string[];
  readonly inputCodes: readonly number[];
  /** Per input: NOT_AN_AGE for a boolean fact, else the age condition's `under` bound. */
  readonly ageUnder: readonly number[];
  readonly ageOver: readonly number[];
  /** Per rule: ANY, ALL or AGE, and the inputs it reads. */
  readonly ruleOps: readonly number[];
  readonly ruleInputs: readonly (readonly number[])[];
  /** Per rule: its three possible findings, made once and shared. */
  readonly findings: readonly Readonly<Record<FindingOutcome, Finding>>[];
  /** The protocol's contraindications that the set does not check, shared by all its screenings. */
  readonly uncheckedProtocolRules: readonly ProtocolRuleId[];
  /** Screenings by key, for a set of up to 26 inputs. */
  readonly cache: Map<number, Screening>;
  /** Outcome parts and fact parts, shared by the screenings of a set of up to 26 inputs that the cache no longer holds (see assemble). */
  readonly ruleParts: PartTable;
  readonly factParts: PartTable;
  /** The rule set's id and version, frozen once. */
  readonly ruleSetRef: Screening['ruleSet'];
  /** The masks of the wide path, for a set of more than 26 inputs. */
  readonly wide: Wide | undefined;
}

export function compileProgram(ruleSet: RuleSet): Program {
  const inputFacts: string[] = [];
  const ageUnder: number[] = [];
  const ageOver: number[] = [];
  const inputOf = new Map<string, number>();
  const addInput = (fact: string, under: number, over: number): number => {
    const signature = `${fact}:${under}:${over}`;
    let index = inputOf.get(signature);
    if (index === undefined) {
      index = inputFacts.length;
      inputOf.set(signature, index);
      inputFacts.push(fact);
      ageUnder.push(under);
      ageOver.push(over);
    }
    return index;
  };
  const ruleOps: number[] = [];
  const ruleInputs: number[][] = [];
  for (const rule of ruleSet.rules) {
    const when = rule.when;
    if (when.type === 'age-outside') {
      ruleOps.push(AGE);
      ruleInputs.push([addInput('ageYears', when.under, when.over)]);
    } else {
      ruleOps.push(when.type === 'any' ? ANY : ALL);
      ruleInputs.push(when.facts.map((fact) => addInput(fact, NOT_AN_AGE, NOT_AN_AGE)));
    }
  }
  const program = {
    ruleSet,
    inputFacts,
    inputCodes: inputFacts.map((fact) => (factNames as readonly string[]).indexOf(fact)),
    ageUnder,
    ageOver,
    ruleOps,
    ruleInputs,
    findings: ruleSet.rules.map((rule) => ({
      present: finding(rule, 'present'),
      absent: finding(rule, 'absent'),
      unknown: finding(rule, 'unknown'),
    })),
    uncheckedProtocolRules: uncheckedProtocolRules(ruleSet.rules),
    cache: new Map(),
    ruleParts: partTable(ruleOps.length),
    factParts: partTable(inputFacts.length),
    ruleSetRef: Object.freeze({ id: ruleSet.id, version: ruleSet.version }),
  };
  return { ...program, wide: inputFacts.length > MAX_ONE_WORD_INPUTS ? wideOf(program) : undefined };
}

function finding(rule: Rule<string, string>, outcome: FindingOutcome): Finding {
  return Object.freeze(
    rule.kind === 'referral'
      ? { rule: rule.id, outcome, kind: rule.kind, urgency: rule.urgency, source: rule.source }
      : { rule: rule.id, outcome, kind: rule.kind, source: rule.source },
  );
}

/** Screens one record. Never throws: whatever `facts` is, every input gets a state. */
export function run(program: Program, facts: unknown): Screening {
  if (program.wide !== undefined) return runWide(program, program.wide, facts);
  const key = typeof facts === 'object' && facts !== null ? readStates(program, facts as PatientFacts) : MISSING;
  let screening = program.cache.get(key);
  // Stryker disable next-line ConditionalExpression: equivalent, assembling again gives an equal screening; the cache only saves the work
  if (screening === undefined) {
    screening = assemble(program, statesOf(key, program.inputFacts.length));
    if (program.cache.size < CACHE_LIMIT) program.cache.set(key, screening);
  }
  return screening;
}

function readStates(program: Program, facts: PatientFacts): number {
  const codes = program.inputCodes;
  const names = program.inputFacts;
  const under = program.ageUnder;
  const over = program.ageOver;
  // A plain read would find a fact that Object.prototype holds (`Object.prototype.pregnant =
  // false`, left by a polluting merge): then, and only then, each fact is read the slow way.
  const read = prototypeHoldsAFact() ? readCarefully : readFact;
  let key = 0;
  try {
    for (let i = 0; i < codes.length; i++) {
      const value = read(facts, codes[i] as number, names[i] as string);
      const bound = under[i] as number;
      key = key * 4 + (bound < 0 ? booleanState(value) : ageState(value, bound, over[i] as number));
    }
  } catch {
    // A getter or proxy threw: read each fact on its own, and count what cannot be read as invalid.
    key = 0;
    for (let i = 0; i < codes.length; i++) key = key * 4 + stateOf(program, facts, i, read);
  }
  return key;
}

/** The state of one input, INVALID when its value cannot be read. */
function stateOf(program: Program, facts: PatientFacts, i: number, read: typeof readFact): number {
  try {
    const value = read(facts, program.inputCodes[i] as number, program.inputFacts[i] as string);
    const bound = program.ageUnder[i] as number;
    return bound < 0 ? booleanState(value) : ageState(value, bound, program.ageOver[i] as number);
  } catch {
    return INVALID;
  }
}

/** The states packed in a one-word key, input by input. */
function statesOf(key: number, inputCount: number): number[] {
  // Stryker disable next-line ArrayDeclaration: equivalent, the length only preallocates; every index is written below
  const states: number[] = new Array(inputCount);
  for (let i = inputCount - 1, rest = key; i >= 0; i--) {
    states[i] = rest % 4;
    rest = Math.floor(rest / 4);
  }
  return states;
}

/**
 * Screens one record of a set with more than 26 inputs. Such a set has far more states than a
 * cache could hold, and a cohort of many facts rarely repeats one, so nothing is cached: the
 * fact states go into bit masks, 32 inputs to a word, each rule is settled by a few mask
 * operations, and the screening is built afresh (its empty lists shared).
 */
function runWide(program: Program, wide: Wide, facts: unknown): Screening {
  // The masks go into the set's buffer, kept between calls, so that a million records allocate
  // no million buffers. It is taken while a record is read and assembled: a getter that screens
  // again meanwhile gets a buffer of its own.
  // Stryker disable next-line LogicalOperator: equivalent, a new buffer each time only costs an allocation
  const masks = wide.spare ?? new Int32Array(4 * wide.words);
  wide.spare = undefined;
  readMasks(program, wide, typeof facts === 'object' && facts !== null ? (facts as PatientFacts) : NO_FACTS, masks);
  const screening = assembleWide(program, wide, masks);
  wide.spare = masks;
  return screening;
}
/** What a value that is not an object gives: every fact missing, as for the narrow sets. */
const NO_FACTS: PatientFacts = /* @__PURE__ */ Object.freeze({});

/** What the wide path needs beyond the program: masks of the inputs each rule reads. */
interface Wide {
  /** Mask words for one set of inputs: 32 inputs to a word. */
  readonly words: number;
  /** Per rule, the mask of the inputs it reads, `words` words each. */
  readonly ruleMasks: Int32Array;
  /** Per rule and outcome (ABSENT, PRESENT, UNKNOWN), its finding. */
  readonly findings: readonly Finding[];
  /** The referral rules, most urgent first, then in the set's order: each rule's index and the referral it gives when present. */
  readonly referrals: readonly { readonly rule: number; readonly referral: Referral }[];
  /** Whether some fact is read by several inputs (age conditions with other bounds), so that a list must skip a fact named already. */
  readonly factReadTwice: boolean;
  /** The masks of runWide, 4 `words`, while no screening holds them. */
  spare: Int32Array | undefined;
}

function wideOf(program: Pick<Program, 'ruleSet' | 'ruleInputs' | 'inputFacts' | 'findings'>): Wide {
  const words = Math.ceil(program.inputFacts.length / 32);
  const ruleMasks = new Int32Array(program.ruleInputs.length * words);
  program.ruleInputs.forEach((inputs, r) => {
    for (const input of inputs) setBit(ruleMasks, r * words, input);
  });
  return {
    words,
    ruleMasks,
    findings: program.findings.flatMap((finding) => OUTCOMES.map((outcome) => finding[outcome])),
    referrals: referralUrgencies.flatMap((urgency) =>
      program.ruleSet.rules.flatMap((rule, r) =>
        // Stryker disable next-line ConditionalExpression: equivalent, only a referral rule has an urgency (defineRuleSet sees to it); the kind narrows the type
        rule.kind === 'referral' && rule.urgency === urgency
          ? [{ rule: r, referral: Object.freeze({ rule: rule.id, urgency }) }]
          : [],
      ),
    ),
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, looking for a fact named already finds none when no fact is read twice
    factReadTwice: new Set(program.inputFacts).size < program.inputFacts.length,
    spare: undefined,
  };
}

/**
 * Reads every input's state into masks, a state's mask at (state - 1) `words`: false from 0, true from `words`, invalid from 2 `words`
 * (a missing fact sets no bit); the fourth part, the inputs to record, is cleared for assembleWide.
 */
function readMasks(program: Program, wide: Wide, facts: PatientFacts, masks: Int32Array): void {
  const names = program.inputFacts;
  const under = program.ageUnder;
  const over = program.ageOver;
  const words = wide.words;
  masks.fill(0, 0, 4 * words);
  // Records of a cohort rarely share one shape (a missing fact is often a missing key), so a
  // read by name is as fast as any here; a set's own fact, and any fact while Object.prototype
  // holds one, is read never from Object.prototype.
  const careful = prototypeHoldsAFact();
  const record = facts as Record<string, unknown>;
  try {
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent when the set's own facts and a polluted prototype still read safely: readProperty reads what a plain read does while Object.prototype holds no such key (the variants that read them plainly are caught by the tests of a polluted own fact)
      const value = careful || (program.inputCodes[i] as number) < 0 ? readProperty(facts, name) : record[name];
      const bound = under[i] as number;
      const state = bound < 0 ? booleanState(value) : ageState(value, bound, over[i] as number);
      // Stryker disable next-line ConditionalExpression: equivalent, a missing state's mask would start at -words, and a typed array ignores a store at a negative index
      if (state !== MISSING) setBit(masks, (state - 1) * words, i);
    }
  } catch {
    masks.fill(0, 0, 3 * words);
    for (let i = 0; i < names.length; i++) {
      const state = stateOf(program, facts, i, careful ? readCarefully : readFact);
      // Stryker disable next-line ConditionalExpression: equivalent, a missing state's mask would start at -words, and a typed array ignores a store at a negative index
      if (state !== MISSING) setBit(masks, (state - 1) * words, i);
    }
  }
}

/** Sets the bit of `input` in the mask that starts at `at`. */
function setBit(masks: Int32Array, at: number, input: number): void {
  const word = at + (input >>> 5);
  masks[word] = (masks[word] as number) | (1 << (input & 31));
}

function assembleWide(program: Program, wide: Wide, masks: Int32Array): Screening {
  const words = wide.words;
  const ruleMasks = wide.ruleMasks;
  const ops = program.ruleOps;
  const ruleCount = ops.length;
  // The inputs of the rules left unknown.
  const toRecord = 3 * words;
  // Stryker disable next-line ArrayDeclaration: equivalent, the length only preallocates; every index is written below
  const findings: Finding[] = new Array(ruleCount);
  let contraindications: string[] | undefined;
  let cautions: string[] | undefined;
  let referred = 0;
  let anyUnknown = false;
  for (let r = 0; r < ruleCount; r++) {
    const at = r * words;
    let someTrue = false;
    let allTrue = true;
    let someFalse = false;
    let allFalse = true;
    for (let w = 0; w < words; w++) {
      const mask = ruleMasks[at + w] as number;
      const falses = (masks[w] as number) & mask;
      const trues = (masks[words + w] as number) & mask;
      if (trues !== 0) someTrue = true;
      if (trues !== mask) allTrue = false;
      if (falses !== 0) someFalse = true;
      if (falses !== mask) allFalse = false;
    }
    // ANY and AGE (an age input is true when the age lies outside the bounds) are present when an input is true; ALL when every input is.
    const all = ops[r] === ALL;
    const outcome = (all ? allTrue : someTrue) ? PRESENT : (all ? someFalse : allFalse) ? ABSENT : UNKNOWN;
    findings[r] = wide.findings[3 * r + outcome] as Finding;
    if (outcome === UNKNOWN) {
      anyUnknown = true;
      // Stryker disable next-line EqualityOperator: equivalent, one word past the inputs to record is past the buffer, and a typed array ignores the store
      for (let w = 0; w < words; w++)
        masks[toRecord + w] = (masks[toRecord + w] as number) | (ruleMasks[at + w] as number);
    } else if (outcome === PRESENT) {
      const { kind, id } = program.ruleSet.rules[r] as Rule<string, string>;
      if (kind === 'absolute') contraindications = appended(contraindications, id);
      else if (kind === 'relative') cautions = appended(cautions, id);
      else referred++;
    }
  }
  let missing: string[] | undefined;
  let invalid: string[] | undefined;
  for (let w = 0; w < words; w++) {
    const invalidBits = masks[2 * words + w] as number;
    // Inputs of unknown rules that are missing, and every invalid input.
    let listed =
      ((masks[toRecord + w] as number) & ~((masks[w] as number) | (masks[words + w] as number))) | invalidBits;
    while (listed !== 0) {
      const bit = listed & -listed;
      listed ^= bit;
      const input = w * 32 + 31 - Math.clz32(bit);
      const fact = program.inputFacts[input] as string;
      missing ??= [];
      if (!wide.factReadTwice || !missing.includes(fact)) missing.push(fact);
      if ((invalidBits & bit) !== 0) {
        invalid ??= [];
        if (!wide.factReadTwice || !invalid.includes(fact)) invalid.push(fact);
      }
    }
  }
  let referrals: Referral[] | undefined;
  if (referred > 0) {
    referrals = [];
    // Most urgent first; rules of one urgency in the set's order.
    for (const { rule, referral } of wide.referrals)
      if (findings[rule] === wide.findings[3 * rule + PRESENT]) referrals.push(referral);
  }
  const status: ScreeningStatus =
    referrals !== undefined
      ? 'refer'
      : contraindications !== undefined
        ? 'contraindicated'
        : anyUnknown
          ? 'incomplete'
          : cautions !== undefined
            ? 'caution'
            : 'eligible';
  return Object.freeze({
    status,
    findings: Object.freeze(findings),
    referrals: referrals === undefined ? NONE : Object.freeze(referrals),
    contraindications: contraindications === undefined ? NONE : Object.freeze(contraindications),
    cautions: cautions === undefined ? NONE : Object.freeze(cautions),
    missing: missing === undefined ? NONE : Object.freeze(missing),
    invalid: invalid === undefined ? NONE : Object.freeze(invalid),
    ruleSet: program.ruleSetRef,
    uncheckedProtocolRules: program.uncheckedProtocolRules,
  }) as Screening;
}

/** The list with `item` at its end, made when there is none yet: most screenings have no contraindication and no caution. */
function appended(list: string[] | undefined, item: string): string[] {
  if (list === undefined) return [item];
  list.push(item);
  return list;
}

/** The empty list that every screening with nothing to list shares. */
const NONE: readonly never[] = /* @__PURE__ */ Object.freeze([]);

/**
 * Reads a fact by its index in `factNames`. Named property reads keep V8's inline caches
 * monomorphic on records of one shape, which computed `facts[name]` reads do not: this switch is
 * most of why `screen` keeps pace with a hand-written chain of ifs.
 */
function readFact(facts: PatientFacts, code: number, name: string): unknown {
  switch (code) {
    case 0:
      return facts.ageYears;
    case 1:
      return facts.oncologicalDisease;
    case 2:
      return facts.pregnant;
    case 3:
      return facts.coagulationDisorder;
    case 4:
      return facts.acuteInfection;
    case 5:
      return facts.acuteMentalIllness;
    case 6:
      return facts.psychotropicInfluence;
    case 7:
      return facts.anticoagulantTherapy;
    case 8:
      return facts.pacemaker;
    case 9:
      return facts.electroacupuncturePlanned;
    case 10:
      return facts.skinLesionAtSite;
    case 11:
      return facts.needlePhobia;
    case 12:
      return facts.epilepsy;
    case 13:
      return facts.caudaEquinaSyndrome;
    case 14:
      return facts.newBladderOrBowelDysfunction;
    case 15:
      return facts.saddleAnaesthesia;
    case 16:
      return facts.severeOrProgressiveNeurologicalDeficit;
    case 17:
      return facts.historyOfCancer;
    case 18:
      return facts.unexplainedWeightLoss;
    case 19:
      return facts.nightPain;
    case 20:
      return facts.prolongedCorticosteroidUse;
    case 21:
      return facts.severeTrauma;
    case 22:
      return facts.contusionOrAbrasion;
    case 23:
      return facts.osteoporosisWithMinorTrauma;
    case 24:
      return facts.feverOrSystemicallyUnwell;
    case 25:
      return facts.intravenousDrugUse;
    case 26:
      return facts.immunosuppression;
    case 27:
      return facts.recentBacterialInfection;
    case 28:
      return facts.gaitDisturbance;
    case 29:
      return facts.clumsyHands;
    case 30:
      return facts.upperMotorNeuronSigns;
    case 31:
      return facts.cervicalArterialDysfunctionSigns;
    // Stryker disable next-line ConditionalExpression: equivalent, the default reads the same fact safely, and a plain read finds what readProperty does while Object.prototype holds no fact
    case 32:
      return facts.inflammatoryBackPain;
    default:
      // A fact of the rule set's own: a computed read, never from Object.prototype.
      return readProperty(facts, name);
  }
}

/** Reads a fact by its name, never from Object.prototype. */
function readCarefully(facts: PatientFacts, _code: number, name: string): unknown {
  return readProperty(facts, name);
}

function booleanState(value: unknown): number {
  return value === true ? TRUE : value === false ? FALSE : value == null ? MISSING : INVALID;
}

/** TRUE when the age lies outside the bounds, i.e. the age rule is present. */
function ageState(value: unknown, under: number, over: number): number {
  if (typeof value === 'number') {
    // NaN and ±Infinity fail these comparisons and so are invalid.
    if (!(value >= 0 && value < MAX_AGE_YEARS)) return INVALID;
    const completed = Math.floor(value);
    return completed < under || completed > over ? TRUE : FALSE;
  }
  return value == null ? MISSING : INVALID;
}

/**
 * What a screening's rule outcomes give, shared by every screening with the same outcomes: the
 * findings and the ids found present. Most records of a cohort differ in a fact or two but
 * share their outcomes, so a screening not cached by its states still allocates little.
 */
interface OutcomeParts {
  readonly findings: readonly Finding[];
  readonly referrals: readonly Referral[];
  readonly contraindications: readonly string[];
  readonly cautions: readonly string[];
  readonly anyUnknown: boolean;
}

/** The facts to record and the invalid ones, shared by every screening with the same. */
interface FactParts {
  readonly missing: readonly string[];
  readonly invalid: readonly string[];
}

/**
 * Parts made before, in a table of PART_SLOTS slots: a part sits in the slot that its words hash
 * to, with its words beside it, and a part whose words hash to a taken slot replaces the one
 * there. One probe finds a part or finds none, so a lookup costs the same however many parts a
 * cohort meets, and the table never grows.
 */
interface PartTable {
  /** The words of the part in each slot; `wordCount` to a slot. */
  readonly words: Int32Array;
  readonly parts: unknown[];
  readonly wordCount: number;
}

/** A table of parts described by `slotsOfWords` two-bit codes each (at least one). Exported for its tests. */
export function partTable(slotsOfWords: number): PartTable {
  const wordCount = Math.ceil(slotsOfWords / SLOTS_PER_WORD);
  // Stryker disable next-line ArrayDeclaration: equivalent, the length only preallocates; an empty slot reads undefined either way
  return { words: new Int32Array(PART_SLOTS * wordCount), parts: new Array(PART_SLOTS), wordCount };
}

/** Two bits per input state, rule outcome or fact, 14 to a word: a word stays a small integer (2^28). */
const SLOTS_PER_WORD = 14;

/** The slot that `words` hash to. */
export function slotOf(words: readonly number[]): number {
  let hash = 0;
  // Stryker disable next-line ArithmeticOperator: equivalent, subtracting the word mixes it in as well; lookUp compares the words, so any spread of slots gives exact parts
  for (const word of words) hash = (Math.imul(hash, 0x9e3779b1) + word) | 0;
  return (hash ^ (hash >>> 15)) & (PART_SLOTS - 1);
}

/** The part stored under `words`, if its slot holds it. */
export function lookUp<T>(table: PartTable, words: readonly number[], slot: number): T | undefined {
  const at = slot * table.wordCount;
  for (let w = 0; w < table.wordCount; w++) if (table.words[at + w] !== words[w]) return undefined;
  // An empty slot holds undefined.
  return table.parts[slot] as T | undefined;
}

/** Stores `part` under `words` in its slot, in place of what the slot held, and returns it. */
export function store<T>(table: PartTable, words: readonly number[], slot: number, part: T): T {
  const at = slot * table.wordCount;
  for (let w = 0; w < table.wordCount; w++) table.words[at + w] = words[w] as number;
  table.parts[slot] = part;
  return part;
}

/** Packs the first `count` two-bit codes into `words`, 14 to a word, and returns it; `count` is at least 1 (a rule set has a rule, and a rule an input). */
export function packedInto(codes: readonly number[], count: number, words: number[]): number[] {
  let length = 0;
  for (let start = 0; start < count; start += SLOTS_PER_WORD) {
    let word = 0;
    const end = Math.min(start + SLOTS_PER_WORD, count);
    for (let i = start; i < end; i++) word = word * 4 + (codes[i] as number);
    words[length++] = word;
  }
  // Stryker disable next-line ConditionalExpression: equivalent, a buffer already of this length is left as it is
  if (words.length !== length) words.length = length;
  return words;
}

// Buffers of assemble, which calls no code of the caller's and so is never re-entered.
const outcomeBuffer: number[] = [];
const factBuffer: number[] = [];
const wordBuffer: number[] = [];

/** Rule outcomes as codes, indexes into OUTCOMES. */
const ABSENT = 0;
const PRESENT = 1;
const UNKNOWN = 2;
const OUTCOMES: readonly FindingOutcome[] = ['absent', 'present', 'unknown'];

function assemble(program: Program, states: readonly number[]): Screening {
  const ruleCount = program.ruleOps.length;
  const inputCount = program.inputFacts.length;
  const outcomes = outcomeBuffer;
  // Per input: 0 nothing to record, 1 missing from a rule not settled, 2 invalid.
  const factCodes = factBuffer;
  // Downwards, so that no bound of the loop writes past the record's inputs.
  // Stryker disable next-line ArithmeticOperator: equivalent, a code one past the inputs is never packed
  for (let i = inputCount - 1; i >= 0; i--) factCodes[i] = states[i] === INVALID ? 2 : 0;
  for (let r = 0; r < ruleCount; r++) {
    const inputs = program.ruleInputs[r] as readonly number[];
    const outcome = evaluate(program.ruleOps[r] as number, inputs, states);
    outcomes[r] = outcome;
    if (outcome === UNKNOWN) {
      for (const input of inputs) if (states[input] === MISSING) factCodes[input] = 1;
    }
  }
  const ruleWords = packedInto(outcomes, ruleCount, wordBuffer);
  const ruleSlot = slotOf(ruleWords);
  const rules =
    lookUp<OutcomeParts>(program.ruleParts, ruleWords, ruleSlot) ??
    store(program.ruleParts, ruleWords, ruleSlot, outcomeParts(program, outcomes, ruleCount));
  const factWords = packedInto(factCodes, inputCount, wordBuffer);
  const factSlot = slotOf(factWords);
  const facts =
    lookUp<FactParts>(program.factParts, factWords, factSlot) ??
    store(program.factParts, factWords, factSlot, listedFacts(program, factCodes, inputCount));
  const status: ScreeningStatus =
    rules.referrals.length > 0
      ? 'refer'
      : rules.contraindications.length > 0
        ? 'contraindicated'
        : rules.anyUnknown
          ? 'incomplete'
          : rules.cautions.length > 0
            ? 'caution'
            : 'eligible';
  return Object.freeze({
    status,
    findings: rules.findings,
    referrals: rules.referrals,
    contraindications: rules.contraindications,
    cautions: rules.cautions,
    missing: facts.missing,
    invalid: facts.invalid,
    ruleSet: program.ruleSetRef,
    uncheckedProtocolRules: program.uncheckedProtocolRules,
  }) as Screening;
}

function outcomeParts(program: Program, outcomes: readonly number[], ruleCount: number): OutcomeParts {
  // Stryker disable next-line ArrayDeclaration: equivalent, the length only preallocates; every index is written below
  const findings: Finding[] = new Array(ruleCount);
  const contraindications: string[] = [];
  const cautions: string[] = [];
  const referrals: Referral[] = [];
  let anyUnknown = false;
  for (let r = 0; r < ruleCount; r++) {
    const code = outcomes[r] as number;
    const outcome = OUTCOMES[code] as FindingOutcome;
    findings[r] = (program.findings[r] as Record<FindingOutcome, Finding>)[outcome];
    if (code === UNKNOWN) anyUnknown = true;
    if (code !== PRESENT) continue;
    const rule = program.ruleSet.rules[r] as Rule<string, string>;
    if (rule.kind === 'referral') referrals.push(Object.freeze({ rule: rule.id, urgency: rule.urgency }));
    else (rule.kind === 'absolute' ? contraindications : cautions).push(rule.id);
  }
  // Most urgent first; rules of one urgency keep the set's order (sort is stable).
  referrals.sort((a, b) => referralUrgencies.indexOf(a.urgency) - referralUrgencies.indexOf(b.urgency));
  return {
    findings: Object.freeze(findings),
    referrals: Object.freeze(referrals),
    contraindications: Object.freeze(contraindications),
    cautions: Object.freeze(cautions),
    anyUnknown,
  };
}

/** The facts to record and the invalid ones, each named once, in input order. */
function listedFacts(program: Program, factCodes: readonly number[], inputCount: number): FactParts {
  const missing: string[] = [];
  const invalid: string[] = [];
  for (let input = 0; input < inputCount; input++) {
    const code = factCodes[input] as number;
    if (code === 0) continue;
    const fact = program.inputFacts[input] as string;
    // A fact read by several age conditions is several inputs, and is named once.
    if (code === 2 && !invalid.includes(fact)) invalid.push(fact);
    if (!missing.includes(fact)) missing.push(fact);
  }
  return { missing: Object.freeze(missing), invalid: Object.freeze(invalid) };
}

/** Three-valued (Kleene) OR and AND over the inputs' states, as ABSENT, PRESENT or UNKNOWN; an invalid value counts as unknown. */
function evaluate(op: number, inputs: readonly number[], states: readonly number[]): number {
  let sawUnknown = false;
  if (op === ALL) {
    for (const input of inputs) {
      const state = states[input];
      if (state === FALSE) return ABSENT;
      if (state !== TRUE) sawUnknown = true;
    }
    return sawUnknown ? UNKNOWN : PRESENT;
  }
  // ANY and AGE (an age input is TRUE when the age lies outside the bounds).
  for (const input of inputs) {
    const state = states[input];
    if (state === TRUE) return PRESENT;
    if (state !== FALSE) sawUnknown = true;
  }
  return sawUnknown ? UNKNOWN : ABSENT;
}
