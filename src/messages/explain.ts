import type { FactName } from '../facts/patient-facts.js';
import { PROTOCOL_AGE_BOUNDS } from '../screening/age-rule.js';
import type { RuleKind, RuleSet, SourceCitation } from '../screening/rule.js';
import type { Finding, FindingOutcome, Screening, ScreeningStatus } from '../screening/screening.js';
import { PROTOCOL_TITLE } from '../screening/sources.js';
import type { MessageCode } from './message-code.js';
import type { MessageOptions } from './message-options.js';
import { citation, type Translator, translator } from './translator.js';

/**
 * Options for {@link explain}.
 *
 * @example
 * const options: ExplainOptions = { locale: 'ru', absent: true };
 * explain(screen({ ageYears: 40 }), options).locale; // => 'ru'
 */
export interface ExplainOptions extends MessageOptions {
  /** Also explain the rules found absent. Default false: only present and unknown findings, the ones that need attention. */
  readonly absent?: boolean | undefined;
  /**
   * The rule set that produced the screening (the same id and version), so that the sentences of
   * an age rule state its bounds. Without it, the bounds are stated for the protocol's own age
   * rule (`ageRule()` with its default bounds, whose source carries no note); an age rule with
   * other bounds is then explained by the generic sentence, and its source note names the bounds.
   */
  readonly ruleSet?: RuleSet | undefined;
}

/**
 * A screening explained in words, for a clinician. Frozen.
 *
 * @example
 * const explanation: Explanation = explain(screen({ pregnant: true }));
 * explanation.label; // => 'Contraindicated'
 */
export interface Explanation {
  /** The locale of the words. */
  readonly locale: string;
  /** The screening's status. */
  readonly status: ScreeningStatus;
  /** The status in a few words, e.g. `'Contraindicated'`. */
  readonly label: string;
  /** What the status means and what to do next, e.g. refer for another method of treatment. */
  readonly headline: string;
  /** One sentence per finding that needs attention (present or unknown; absent too with `absent: true`), in rule-set order. */
  readonly findings: readonly FindingExplanation[];
  /** The question to ask for each missing fact, in the order of the screening's `missing`. */
  readonly questions: readonly FactQuestion[];
  /** The rule set and its version, in words. */
  readonly ruleSet: string;
  /** Everything above as plain text, one line each. */
  readonly text: string;
  /** The codes that a supplied `messages` catalog lacked and that came from a shipped catalog; empty without `messages`. */
  readonly fallbacks: readonly MessageCode[];
}

/**
 * One finding in words.
 *
 * @example
 * const [finding]: readonly FindingExplanation[] = explain(screen({ pregnant: true })).findings.filter(
 *   (entry) => entry.outcome === 'present',
 * );
 * finding.sentence; // => 'Pregnancy is recorded: a contraindication in the protocol.'
 */
export interface FindingExplanation {
  /** The rule's id. */
  readonly rule: string;
  /** What the rule found. */
  readonly outcome: FindingOutcome;
  /** Whether the rule contraindicates (`absolute`) or cautions (`relative`). */
  readonly kind: RuleKind;
  /** The finding, as a sentence a clinician can read. */
  readonly sentence: string;
  /** The rule's source as one line: title, section, item. */
  readonly source: string;
  /** The rule's source as data, with its note and link where it has them. */
  readonly citation: SourceCitation;
}

/**
 * A fact to record, with the question that records it.
 *
 * @example
 * const [question]: readonly FactQuestion[] = explain(screen({ ageYears: 'forty' } as PatientFacts)).questions;
 * question.fact; // => 'ageYears'
 * question.invalid; // => true
 */
export interface FactQuestion {
  /** The fact. */
  readonly fact: FactName;
  /** The fact's name in words. */
  readonly label: string;
  /** The question to ask. */
  readonly question: string;
  /** True when a value was recorded but could not be read (wrong type or range). */
  readonly invalid: boolean;
  /** Why the recorded value was not read; only for an invalid fact. */
  readonly problem?: string;
}

interface Bounds {
  readonly under: number;
  readonly over: number;
}

/**
 * Explains a screening in words for a clinician: the status and what to do next, a sentence
 * for each finding that needs attention with the source of its rule, and the question to ask
 * for each missing fact. The words state rules and sources; they make no claim of efficacy or
 * prognosis. An `eligible` status means that no contraindication was found by the rules used,
 * nothing more.
 *
 * The shipped rules (`protocolRuleSet`, `cautionRuleSet`) have their own sentences. A rule of a
 * custom set (or a shipped id with another kind) gets a generic sentence naming the rule, with
 * its source.
 *
 * @param screening - a screening as returned by `screen`.
 * @param options - `locale` (`'en'`, the default, or `'ru'`), or `messages` for an app's own
 *   locale (codes it lacks fall back, and are listed in `fallbacks`); `absent` to explain absent
 *   findings too; `ruleSet` to state the bounds of a custom age rule.
 * @returns the frozen explanation.
 * @throws {TypeError} when `screening` is not a screening, or an option has the wrong type.
 * @throws {RangeError} when `locale` is neither `'en'` nor `'ru'` and no `messages` are given,
 *   or when `ruleSet` is not the rule set (id and version) that produced the screening.
 * @example
 * const explanation = explain(screen({ pregnant: true }));
 * explanation.headline;
 * // => 'Acupuncture is contraindicated by these rules: refer the patient for another method of treatment.'
 * explanation.findings.find((finding) => finding.rule === 'pregnancy');
 * // => { rule: 'pregnancy', outcome: 'present', kind: 'absolute',
 * //      sentence: 'Pregnancy is recorded: a contraindication in the protocol.',
 * //      source: 'Osteochondrosis and acupuncture, section “Contraindications”, item 3', ... }
 * explain(screen({ ageYears: 52 }), { locale: 'ru' }).questions[0].question;
 * // => 'Есть ли у пациента в настоящее время онкологическое (злокачественное) заболевание?'
 */
export function explain(screening: Screening, options?: ExplainOptions): Explanation {
  const t = translator(options, 'explain');
  checkScreening(screening);
  const ruleSet = options?.ruleSet;
  if (ruleSet !== undefined && (ruleSet.id !== screening.ruleSet.id || ruleSet.version !== screening.ruleSet.version)) {
    throw new RangeError(
      `explain: options.ruleSet is ${String(ruleSet.id)} ${String(ruleSet.version)}, but the screening was made with ${screening.ruleSet.id} ${screening.ruleSet.version}`,
    );
  }
  const withAbsent = options?.absent === true;

  const findings = screening.findings
    .filter((finding) => withAbsent || finding.outcome !== 'absent')
    .map((finding) =>
      Object.freeze({
        rule: finding.rule,
        outcome: finding.outcome,
        kind: finding.kind,
        sentence: sentence(t, finding, ruleSet),
        source: citation(t, finding.source),
        citation: finding.source,
      }),
    );

  const questions = screening.missing.map((fact): FactQuestion => {
    if (!t.has(`fact.${fact}.question`))
      throw new TypeError(`explain: ${String(fact)} in missing is not a patient fact`);
    const label = t.t(`fact.${fact}.label`);
    const question = t.t(`fact.${fact}.question`);
    if (!screening.invalid.includes(fact)) return Object.freeze({ fact, label, question, invalid: false });
    const problem = t.t(fact === 'ageYears' ? 'fact.invalid.age' : 'fact.invalid.boolean', { fact: label });
    return Object.freeze({ fact, label, question, invalid: true, problem });
  });

  const label = t.t(`status.${screening.status}.label`);
  const headline = t.t(`status.${screening.status}.headline`);
  const ruleSetLine = t.t('text.rule-set', { id: screening.ruleSet.id, version: screening.ruleSet.version });
  const lines = [label, headline];
  for (const finding of findings) {
    lines.push(`- ${t.t('text.finding', { sentence: finding.sentence, source: finding.source })}`);
  }
  if (questions.length > 0) {
    lines.push(t.t('text.questions'));
    for (const { question, problem } of questions)
      lines.push(`- ${problem === undefined ? question : `${question} ${problem}`}`);
  }
  lines.push(ruleSetLine);

  return Object.freeze({
    locale: t.locale,
    status: screening.status,
    label,
    headline,
    findings: Object.freeze(findings),
    questions: Object.freeze(questions),
    ruleSet: ruleSetLine,
    text: lines.join('\n'),
    fallbacks: t.fallbacks(),
  });
}

/** The kind of each shipped rule: its sentences are used only for a finding of the same kind. */
function shippedKind(rule: string): RuleKind | undefined {
  switch (rule) {
    case 'age':
    case 'oncology':
    case 'pregnancy':
    case 'coagulation':
    case 'acute-infection':
    case 'acute-mental-state':
      return 'absolute';
    case 'anticoagulant-therapy':
    case 'electroacupuncture-with-implanted-device':
    case 'skin-lesion-at-site':
    case 'needle-phobia':
    case 'epilepsy':
    case 'pregnancy-point-restrictions':
      return 'relative';
  }
  return undefined;
}

function sentence(t: Translator, finding: Finding, ruleSet: RuleSet | undefined): string {
  const { rule, outcome, kind } = finding;
  const shipped = shippedKind(rule) === kind;
  if (shipped && rule !== 'age') return t.t(`rule.${rule}.${outcome}` as MessageCode);
  const bounds = shipped ? ageBounds(finding, ruleSet) : undefined;
  if (bounds !== undefined) return t.t(`rule.age.${outcome}`, { under: bounds.under, over: bounds.over });
  const name = shippedKind(rule) === undefined ? rule : t.t(`rule.${rule}.label` as MessageCode);
  return t.t(outcome === 'present' ? `rule.generic.present.${kind}` : `rule.generic.${outcome}`, { rule: name });
}

/**
 * The bounds of an age rule: from the rule set when given; otherwise the protocol's, when the
 * finding's source is the protocol's item 1 with no note (`ageRule` notes any other bounds).
 */
function ageBounds(finding: Finding, ruleSet: RuleSet | undefined): Bounds | undefined {
  if (ruleSet !== undefined) {
    const rule = ruleSet.rules.find((candidate) => candidate.id === finding.rule);
    return rule?.when.type === 'age-outside' ? rule.when : undefined;
  }
  const { title, section, item, note } = finding.source;
  const protocolItem = title === PROTOCOL_TITLE && section === 'Contraindications' && item === 1;
  return protocolItem && note === undefined ? PROTOCOL_AGE_BOUNDS : undefined;
}

function checkScreening(screening: Screening): void {
  const value = screening as Partial<Screening> | null | undefined;
  const valid =
    typeof value === 'object' &&
    value !== null &&
    Array.isArray(value.findings) &&
    Array.isArray(value.missing) &&
    Array.isArray(value.invalid) &&
    typeof value.ruleSet === 'object' &&
    value.ruleSet !== null &&
    ['eligible', 'caution', 'incomplete', 'contraindicated'].includes(value.status as string) &&
    value.findings.every(isFinding);
  if (!valid) throw new TypeError('explain: expected a screening as returned by screen()');
}

function isFinding(finding: Finding): boolean {
  return (
    typeof finding === 'object' &&
    finding !== null &&
    typeof finding.rule === 'string' &&
    (finding.outcome === 'present' || finding.outcome === 'absent' || finding.outcome === 'unknown') &&
    (finding.kind === 'absolute' || finding.kind === 'relative') &&
    typeof finding.source === 'object' &&
    finding.source !== null
  );
}
