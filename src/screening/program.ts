// The interpreter behind `screen`: a rule set is compiled once into flat arrays, and each
// screening reads every input fact once, packs the fact states into one number (or, past 26
// inputs, one number per 26), and looks the finished (frozen) screening up by it. Equal fact states always give the same
// screening, so sharing results is safe, and the per-record work stays close to a hand-written
// chain of ifs.
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

/** Packing states into a double stays exact up to 26 inputs (4^26 < 2^53): one word of the key. */
export const INPUTS_PER_WORD = 26;
/** A rule set with many inputs has many possible states; past this many the cache stops growing. */
const CACHE_LIMIT = 8192;

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
  /** Screenings by key: for one word, the screening; for more, a map per word, nested. */
  readonly cache: Map<number, unknown>;
  /** How many screenings the cache holds. */
  cached: number;
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
  return {
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
    cached: 0,
  };
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
  if (program.inputFacts.length > INPUTS_PER_WORD) return runWide(program, facts);
  const key = typeof facts === 'object' && facts !== null ? readStates(program, facts as PatientFacts) : MISSING;
  let screening = program.cache.get(key) as Screening | undefined;
  // Stryker disable next-line ConditionalExpression: equivalent, assembling again gives an equal screening; the cache only saves the work
  if (screening === undefined) {
    screening = assemble(program, statesOf(key, program.inputFacts.length));
    if (program.cached < CACHE_LIMIT) {
      program.cache.set(key, screening);
      program.cached++;
    }
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
 * Screens one record of a set with more than 26 inputs: the states packed into one number per
 * 26 inputs, and the screening looked up through one map per word. Slower than one word, and
 * as exact.
 */
function runWide(program: Program, facts: unknown): Screening {
  const count = program.inputFacts.length;
  // Stryker disable next-line ArrayDeclaration: equivalent, the length only preallocates; every index is written below
  const states: number[] = new Array(count);
  if (typeof facts === 'object' && facts !== null) {
    const read = prototypeHoldsAFact() ? readCarefully : readFact;
    for (let i = 0; i < count; i++) states[i] = stateOf(program, facts as PatientFacts, i, read);
  } else {
    states.fill(MISSING);
  }
  let level: Map<number, unknown> = program.cache;
  let key = 0;
  for (let i = 0; i < count; i++) {
    key = key * 4 + (states[i] as number);
    const endOfWord = (i + 1) % INPUTS_PER_WORD === 0 || i === count - 1;
    if (!endOfWord) continue;
    if (i === count - 1) break;
    let next = level.get(key) as Map<number, unknown> | undefined;
    if (next === undefined) {
      next = new Map();
      level.set(key, next);
    }
    level = next;
    key = 0;
  }
  let screening = level.get(key) as Screening | undefined;
  // Stryker disable next-line ConditionalExpression: equivalent, assembling again gives an equal screening; the cache only saves the work
  if (screening === undefined) {
    screening = assemble(program, states);
    if (program.cached < CACHE_LIMIT) {
      level.set(key, screening);
      program.cached++;
    }
  }
  return screening;
}

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

function assemble(program: Program, states: readonly number[]): Screening {
  const inputCount = program.inputFacts.length;
  const findings: Finding[] = [];
  const contraindications: string[] = [];
  const cautions: string[] = [];
  const referrals: Referral[] = [];
  // Stryker disable next-line ArrayDeclaration: equivalent, an index never set reads undefined, as falsy as false
  const inUnknownRule: boolean[] = new Array(inputCount).fill(false);
  let anyUnknown = false;
  program.ruleOps.forEach((op, r) => {
    const inputs = program.ruleInputs[r] as readonly number[];
    const outcome = evaluate(op, inputs, states);
    const rule = program.ruleSet.rules[r] as Rule<string, string>;
    findings.push((program.findings[r] as Record<FindingOutcome, Finding>)[outcome]);
    if (outcome === 'present') {
      if (rule.kind === 'referral') referrals.push(Object.freeze({ rule: rule.id, urgency: rule.urgency }));
      else (rule.kind === 'absolute' ? contraindications : cautions).push(rule.id);
    }
    if (outcome === 'unknown') {
      anyUnknown = true;
      for (const input of inputs) inUnknownRule[input] = true;
    }
  });
  const missing: string[] = [];
  const invalid: string[] = [];
  states.forEach((state, input) => {
    const fact = program.inputFacts[input] as string;
    if (state === INVALID && !invalid.includes(fact)) invalid.push(fact);
    if ((state === INVALID || (state === MISSING && inUnknownRule[input])) && !missing.includes(fact)) {
      missing.push(fact);
    }
  });
  // Most urgent first; rules of one urgency keep the set's order (sort is stable).
  referrals.sort((a, b) => referralUrgencies.indexOf(a.urgency) - referralUrgencies.indexOf(b.urgency));
  const status: ScreeningStatus =
    referrals.length > 0
      ? 'refer'
      : contraindications.length > 0
        ? 'contraindicated'
        : anyUnknown
          ? 'incomplete'
          : cautions.length > 0
            ? 'caution'
            : 'eligible';
  return Object.freeze({
    status,
    findings: Object.freeze(findings),
    referrals: Object.freeze(referrals),
    contraindications: Object.freeze(contraindications),
    cautions: Object.freeze(cautions),
    missing: Object.freeze(missing),
    invalid: Object.freeze(invalid),
    ruleSet: Object.freeze({ id: program.ruleSet.id, version: program.ruleSet.version }),
    uncheckedProtocolRules: program.uncheckedProtocolRules,
  }) as Screening;
}

/** Three-valued (Kleene) OR and AND over the inputs' states; an invalid value counts as unknown. */
function evaluate(op: number, inputs: readonly number[], states: readonly number[]): FindingOutcome {
  let sawUnknown = false;
  if (op === ALL) {
    for (const input of inputs) {
      const state = states[input];
      if (state === FALSE) return 'absent';
      if (state !== TRUE) sawUnknown = true;
    }
    return sawUnknown ? 'unknown' : 'present';
  }
  // ANY and AGE (an age input is TRUE when the age lies outside the bounds).
  for (const input of inputs) {
    const state = states[input];
    if (state === TRUE) return 'present';
    if (state !== FALSE) sawUnknown = true;
  }
  return sawUnknown ? 'unknown' : 'absent';
}
