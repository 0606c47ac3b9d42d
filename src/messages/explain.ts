import { readProperty } from '../_internal/read-property.js';
import type { Issue } from '../_internal/result.js';
import { isCustomFactName } from '../facts/custom-fact-names.js';
import type { FactName } from '../facts/patient-facts.js';
import { PROTOCOL_AGE_BOUNDS } from '../screening/age-rule.js';
import { CAUTION_RULES } from '../screening/caution-rules.js';
import { protocolItemOf } from '../screening/protocol-citation.js';
import { PROTOCOL_RULES } from '../screening/protocol-rules.js';
import { readScreening } from '../screening/read-screening.js';
import { RED_FLAG_RULES } from '../screening/red-flag-rules.js';
import type { ReferralUrgency, Rule, RuleKind, RuleSet, SourceCitation } from '../screening/rule.js';
import type { Finding, FindingOutcome, Screening, ScreeningStatus } from '../screening/screening.js';
import type { MessageCode } from './message-code.js';
import type { MessageOptions } from './message-options.js';
import { citation, type Translator, translator, uncheckedProtocolSentence } from './translator.js';

/**
 * Options for {@link explain}.
 *
 * @typeParam Fact - the names of the rule set's own facts, if it declares any.
 * @example
 * import { ru } from 'acuspine/locales/ru';
 *
 * const options: ExplainOptions = { locale: ru, absent: true };
 * explain(screen({ ageYears: 40 }), options).locale; // => 'ru'
 */
export interface ExplainOptions<Fact extends string = string> extends MessageOptions {
  /** Also explain the rules found absent. Default false: only present and unknown findings, the ones that need attention. */
  readonly absent?: boolean | undefined;
  /**
   * The rule set that produced the screening (the same id and version), so that the words use
   * what only the rule set knows:
   *
   * - its own facts are named by their labels in the explanation's locale
   *   (`ruleSet.facts[name].label[locale]`); a fact with no label in that locale is named by
   *   its name, and listed in `unlabelledFacts`;
   * - the sentences of an age rule with the rule set's own bounds state them.
   *
   * Without it, the set's own facts are named by their names (and listed in `unlabelledFacts`),
   * and the bounds are stated for the protocol's own age rule only; an age rule with other bounds
   * is then explained by the generic sentence, and its source says that it is the rule set's own
   * (its note names the bounds).
   */
  readonly ruleSet?: RuleSet<string, Fact> | undefined;
}

/**
 * A screening explained in words, for a clinician. Frozen.
 *
 * @typeParam Fact - the names of the rule set's own facts, if it declares any.
 * @example
 * const explanation: Explanation = explain(screen({ pregnant: true }));
 * explanation.label; // => 'Contraindicated'
 */
export interface Explanation<Fact extends string = never> {
  /** The locale of the words. */
  readonly locale: string;
  /** The screening's status. */
  readonly status: ScreeningStatus;
  /** The status in a few words, e.g. `'Contraindicated'`. */
  readonly label: string;
  /** What the status means and what to do next, e.g. refer for another method of treatment. */
  readonly headline: string;
  /**
   * When the rule set does not check every contraindication of the source protocol (the
   * screening's `uncheckedProtocolRules`): a sentence that names them and says that the result
   * says nothing about them. Undefined when the set checks them all.
   */
  readonly uncheckedProtocol: string | undefined;
  /**
   * One sentence per finding that needs attention (present or unknown; absent too with
   * `absent: true`): the referrals found present first, in the order of the screening's
   * `referrals` (most urgent first), then the others in rule-set order.
   */
  readonly findings: readonly FindingExplanation[];
  /** The question to ask for each missing fact, in the order of the screening's `missing`. */
  readonly questions: readonly FactQuestion<Fact>[];
  /** The rule set and its version, in words. */
  readonly ruleSet: string;
  /** Everything above as plain text, one line each. */
  readonly text: string;
  /** The codes that a supplied `messages` catalog (or a Locale's own) lacked and that came from the next catalog; empty for a shipped locale without `messages`. */
  readonly fallbacks: readonly MessageCode[];
  /**
   * The rule set's own facts that the words name by their names, because `ruleSet` was not given
   * or gives the fact no label in the explanation's locale; in first-use order. Apart from
   * `fallbacks`, because the missing label belongs in the rule set, not in a catalog.
   */
  readonly unlabelledFacts: readonly Fact[];
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
  /** Whether the rule contraindicates (`absolute`), cautions (`relative`) or calls for assessment or referral (`referral`). */
  readonly kind: RuleKind;
  /** How soon to assess or refer: a referral rule's urgency, which its present sentence states; only referral findings have one. */
  readonly urgency?: ReferralUrgency;
  /** The finding, as a sentence a clinician can read. */
  readonly sentence: string;
  /**
   * The rule's source as one line: title, section, item. A protocol rule that the rule set
   * adapted (its citation carries a note, as an age rule with other bounds does) is named as the
   * rule set's own, adapted from the protocol's item.
   */
  readonly source: string;
  /** The rule's source as data, with its note and link where it has them. */
  readonly citation: SourceCitation;
}

/**
 * A fact to record, with the question that records it.
 *
 * @typeParam Fact - the names of the rule set's own facts, if it declares any.
 * @example
 * const [question]: readonly FactQuestion[] = explain(screen({ ageYears: 'forty' } as PatientFacts)).questions;
 * question.fact; // => 'ageYears'
 * question.invalid; // => true
 */
export interface FactQuestion<Fact extends string = never> {
  /** The fact. */
  readonly fact: FactName | Fact;
  /** The fact's name in words: a rule set's own fact by its label in the locale, or else by its name. */
  readonly label: string;
  /** The question to ask. */
  readonly question: string;
  /** True when a value was recorded but could not be read (wrong type or range). */
  readonly invalid: boolean;
  /** Why the recorded value was not read; only for an invalid fact. */
  readonly problem?: string;
}

/**
 * Explains a screening in words for a clinician: the status and what to do next, a sentence
 * for each finding that needs attention with the source of its rule, and the question to ask
 * for each missing fact. The words state rules and sources; they make no claim of efficacy or
 * prognosis. An `eligible` status means that no contraindication was found by the rules used,
 * nothing more.
 *
 * The shipped rules (`protocolRuleSet`, `cautionRuleSet`, `redFlagRuleSet`) have their own
 * sentences. A rule of a custom set (or a shipped id with another kind, urgency or source) gets a
 * generic sentence naming the rule, with its source; an age rule with the rule set's own bounds
 * is said to be the rule set's, never the protocol's. When the rule set leaves out
 * contraindications of the protocol, `uncheckedProtocol` names them, and the text says so after
 * the headline. A `refer` screening's referrals come first, most urgent first, each saying how
 * soon to assess or refer: a red flag calls for assessment or referral, not a diagnosis.
 *
 * @typeParam Fact - the names of the rule set's own facts, if it declares any.
 * @param screening - a screening as returned by `screen`.
 * @param options - `locale` (English by default, or a {@link Locale} such as `ru` from
 *   'acuspine/locales/ru'), `messages` for an app's own locale (codes it lacks fall back, and
 *   are listed in `fallbacks`); `absent` to explain absent findings too; `ruleSet`, the set that
 *   produced the screening, to name its own facts by their labels and to state the bounds of a
 *   custom age rule.
 * @returns the frozen explanation.
 * @throws {TypeError} when `screening` is not a screening as `screen` returns it (one whose status
 *   does not follow from its findings is not; nor is one that cannot be read, whatever its
 *   getters throw), or an option has the wrong type.
 * @throws {RangeError} when `locale` is the tag `'ru'` (import `ru` from 'acuspine/locales/ru'
 *   instead), or a tag other than `'en'` with no `messages`,
 *   or when `ruleSet` is not the rule set (id and version) that produced the screening.
 * @example
 * import { explain, screen } from 'acuspine';
 * import { ru } from 'acuspine/locales/ru';
 *
 * const explanation = explain(screen({ pregnant: true }));
 * explanation.headline;
 * // => 'Acupuncture is contraindicated by these rules: refer the patient for another method of treatment.'
 * explanation.findings.find((finding) => finding.rule === 'pregnancy');
 * // => { rule: 'pregnancy', outcome: 'present', kind: 'absolute',
 * //      sentence: 'Pregnancy is recorded: a contraindication in the protocol.',
 * //      source: 'Osteochondrosis and acupuncture, section “Contraindications”, item 3', ... }
 * explain(screen({ ageYears: 52 }), { locale: ru }).questions[0].question;
 * // => 'Есть ли у пациента в настоящее время онкологическое (злокачественное) заболевание?'
 *
 * const clinic = defineRuleSet({
 *   id: 'clinic', version: '1',
 *   facts: { recentSpinalSurgery: { label: { en: 'spinal surgery in the last 6 months', ru: 'операция на позвоночнике за последние 6 месяцев' } } },
 *   rules: [{ id: 'after-surgery', kind: 'absolute', when: { type: 'any', facts: ['recentSpinalSurgery'] }, source: { title: 'Clinic policy' } }],
 * });
 * explain(screen({}, { ruleSet: clinic }), { ruleSet: clinic, locale: ru }).questions[0].label;
 * // => 'операция на позвоночнике за последние 6 месяцев'
 */
export function explain<Fact extends string = never>(
  screening: Screening<string, Fact>,
  options?: ExplainOptions<Fact>,
): Explanation<Fact> {
  const t = translator(options, 'explain');
  const read = readScreening(screening);
  if (!read.ok) {
    const [found] = read.issues as [Issue];
    const where = found.path.length > 0 ? `at ${found.path.join('.')}: ` : '';
    throw new TypeError(`explain: expected a screening as returned by screen() (${where}${found.message})`);
  }
  return explainRead(t, read.value as Screening<string, Fact>, options);
}

function explainRead<Fact extends string>(
  t: Translator,
  screening: Screening<string, Fact>,
  options: ExplainOptions<Fact> | undefined,
): Explanation<Fact> {
  const ruleSet = (options === undefined ? undefined : readProperty(options, 'ruleSet')) as
    | RuleSet<string, Fact>
    | undefined;
  if (ruleSet !== undefined && (ruleSet.id !== screening.ruleSet.id || ruleSet.version !== screening.ruleSet.version)) {
    throw new RangeError(
      `explain: options.ruleSet is ${String(ruleSet.id)} ${String(ruleSet.version)}, but the screening was made with ${screening.ruleSet.id} ${screening.ruleSet.version}`,
    );
  }
  const withAbsent = options !== undefined && readProperty(options, 'absent') === true;

  const findings = referralsFirst(screening)
    .filter((finding) => withAbsent || finding.outcome !== 'absent')
    .map(
      (finding): FindingExplanation =>
        Object.freeze({
          rule: finding.rule,
          outcome: finding.outcome,
          kind: finding.kind,
          ...(finding.urgency === undefined ? {} : { urgency: finding.urgency }),
          sentence: sentence(t, finding, ruleSet),
          source: sourceText(t, finding.source),
          citation: finding.source,
        }),
    );

  const unlabelled = new Set<Fact>();
  const questions = screening.missing.map((fact): FactQuestion<Fact> => {
    let label: string;
    let question: string;
    if (t.has(`fact.${fact}.label`)) {
      label = t.t(`fact.${fact}.label` as MessageCode);
      question = t.t(`fact.${fact}.question` as MessageCode);
    } else if (isCustomFactName(fact)) {
      const own = ownFactLabel(ruleSet, fact, t.locale);
      if (own === undefined) unlabelled.add(fact as Fact);
      label = own ?? fact;
      question = t.t('fact.custom.question', { fact: label });
    } else {
      throw new TypeError(
        `explain: ${String(fact)} in missing is not a patient fact, nor a name a rule set may give one`,
      );
    }
    if (!screening.invalid.includes(fact)) return Object.freeze({ fact, label, question, invalid: false });
    const problem = t.t(fact === 'ageYears' ? 'fact.invalid.age' : 'fact.invalid.boolean', { fact: label });
    return Object.freeze({ fact, label, question, invalid: true, problem });
  });

  const label = t.t(`status.${screening.status}.label`);
  const headline = t.t(`status.${screening.status}.headline`);
  const uncheckedProtocol = uncheckedProtocolSentence(t, screening.uncheckedProtocolRules);
  const ruleSetLine = t.t('text.rule-set', { id: screening.ruleSet.id, version: screening.ruleSet.version });
  const lines = uncheckedProtocol === undefined ? [label, headline] : [label, headline, uncheckedProtocol];
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
    uncheckedProtocol,
    findings: Object.freeze(findings),
    questions: Object.freeze(questions),
    ruleSet: ruleSetLine,
    text: lines.join('\n'),
    fallbacks: t.fallbacks(),
    unlabelledFacts: Object.freeze([...unlabelled]),
  });
}

/**
 * The findings with the referrals found present first, in the order of the screening's
 * `referrals` (most urgent first, then rule-set order), then the rest in rule-set order.
 * readScreening has checked that `referrals` names exactly those findings.
 */
function referralsFirst(screening: Screening<string, string>): readonly Finding[] {
  const referred = screening.referrals.map(
    (referral) => screening.findings.find((finding) => finding.rule === referral.rule) as Finding,
  );
  return [...referred, ...screening.findings.filter((finding) => !referred.includes(finding))];
}

/**
 * The label that the rule set gives its own fact in the locale; undefined without a rule set, or
 * when it gives none in that locale (a locale other than English is optional). Own properties
 * only: a fact named `constructor` has no label from Object.prototype.
 */
function ownFactLabel(ruleSet: RuleSet<string, string> | undefined, fact: string, locale: string): string | undefined {
  const facts: Readonly<Record<string, { readonly label?: Readonly<Record<string, unknown>> }>> = ruleSet?.facts ?? {};
  const labels = Object.hasOwn(facts, fact) ? facts[fact]?.label : undefined;
  const label = labels !== undefined && Object.hasOwn(labels, locale) ? labels[locale] : undefined;
  return typeof label === 'string' && label !== '' ? label : undefined;
}

/** The shipped rule with this id: of the protocol, the cautions or the red flags. */
function shippedRule(id: string): Rule | undefined {
  return [...PROTOCOL_RULES, ...CAUTION_RULES, ...RED_FLAG_RULES].find((rule) => rule.id === id);
}

/**
 * Whether a finding is a shipped rule's: the same id, kind and source. A citation of a protocol
 * item with no note is that item's own rule (defineRuleSet refuses it on any other), so for the
 * protocol's rules the source also settles the condition, and the age rule's bounds.
 */
function isShipped(finding: Finding, shipped: Rule | undefined): shipped is Rule {
  if (shipped === undefined || shipped.kind !== finding.kind) return false;
  // A referral's urgency must match too: its sentence states the finding's urgency, and its source may name the reference's.
  if (shipped.kind === 'referral' && shipped.urgency !== finding.urgency) return false;
  const [a, b] = [shipped.source, finding.source];
  return a.title === b.title && a.section === b.section && a.item === b.item && a.url === b.url && a.note === b.note;
}

function sentence(t: Translator, finding: Finding, ruleSet: RuleSet<string, string> | undefined): string {
  const { rule, outcome, kind } = finding;
  const shipped = shippedRule(rule);
  if (isShipped(finding, shipped)) {
    return rule === 'age'
      ? t.t(`rule.age.${outcome}`, PROTOCOL_AGE_BOUNDS)
      : t.t(`rule.${rule}.${outcome}` as MessageCode, urgencyParams(t, finding));
  }
  // An age rule of the rule set's own states its bounds when the rule set is given.
  const when = ruleSet?.rules.find((candidate) => candidate.id === rule)?.when;
  if (kind === 'absolute' && when?.type === 'age-outside') {
    return t.t(`rule.age.adapted.${outcome}`, {
      under: when.under,
      over: when.over,
      protocolUnder: PROTOCOL_AGE_BOUNDS.under,
      protocolOver: PROTOCOL_AGE_BOUNDS.over,
    });
  }
  const name = shipped === undefined ? rule : t.t(`rule.${rule}.label` as MessageCode);
  if (outcome !== 'present') return t.t(`rule.generic.${outcome}`, { rule: name });
  return t.t(`rule.generic.present.${kind}`, { rule: name, ...urgencyParams(t, finding) });
}

/** `{urgency}` in words, for a referral's sentence; readScreening has checked that a referral finding, and only one, carries an urgency. */
function urgencyParams(t: Translator, finding: Finding): { readonly urgency?: string } {
  return finding.urgency === undefined ? {} : { urgency: t.t(`urgency.${finding.urgency}`) };
}

/**
 * A finding's source as one line. A protocol item cited with a note is a rule that the rule set
 * adapted (see isShipped): it is named as the rule set's own, and for the age item with the
 * protocol's own limits, which its sentence may not state.
 */
function sourceText(t: Translator, source: SourceCitation): string {
  const text = citation(t, source);
  const item = source.note === undefined ? undefined : protocolItemOf(source);
  if (item === undefined) return text;
  return item === 1
    ? t.t('source.adapted.age', { source: text, under: PROTOCOL_AGE_BOUNDS.under, over: PROTOCOL_AGE_BOUNDS.over })
    : t.t('source.adapted', { source: text });
}
