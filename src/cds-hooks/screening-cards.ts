import { readProperty } from '../_internal/read-property.js';
import { truncate } from '../_internal/text.js';
import { PROTOCOL_RULES } from '../screening/protocol-rules.js';
import { readScreening } from '../screening/read-screening.js';
import type { RuleKind, RuleSet } from '../screening/rule.js';
import type { Finding, Screening } from '../screening/screening.js';
import type { Card, CardCoding, CardIndicator, CardLink, CardSource } from './card.js';
import { type CustomFactLabels, citation, customFactLabels, escapeMarkdown, factLabel, ruleLabel } from './labels.js';

/**
 * Options for {@link screeningCards}.
 *
 * @example
 * const options: ScreeningCardsOptions = { source: { label: 'Clinic acupuncture screening' } };
 */
export interface ScreeningCardsOptions {
  /** Where the cards come from, shown by the EHR: `label` is required; `url`, `icon` (absolute URLs) and `topic` are optional. */
  readonly source: CardSource;
  /**
   * The rule set that made the screening, when it declares facts of its own: the cards name
   * each such fact by its English label. Without it, they are named by their names.
   */
  readonly ruleSet?: RuleSet<string, string> | undefined;
}

/** CDS Hooks 2.0: the summary must be shorter than 140 characters. */
export const MAX_SUMMARY_LENGTH = 139;

/**
 * Turns a screening into CDS Hooks 2.0 cards, most urgent first:
 * - `refer` (a red flag found present): first, one `critical` card that says how urgent the
 *   referral is (emergency, urgent or routine: the most urgent of the referrals) and names the
 *   red flags, most urgent first, each less urgent one with its own urgency; assess or refer
 *   before any needling. The cards the rest of the screening gives follow it (a contraindicated
 *   card, the facts to record, cautions), never an `info` card;
 * - `contraindicated`: one `critical` card naming the contraindications and saying that
 *   another method of treatment is needed (the source protocol refers the patient on);
 * - `incomplete`: one `warning` card listing the facts to record, then a `warning` card per
 *   caution found;
 * - `caution`: one `warning` card per caution;
 * - `eligible`: one `info` card.
 *
 * When the rule set does not check every contraindication of the source protocol (the
 * screening's `uncheckedProtocolRules`), a `warning` card says "Not an all-clear" and names them,
 * after the incomplete card and before the cautions; for an `eligible` screening it takes the
 * place of the `info` card, and a contraindicated screening's card names them too.
 *
 * Each card's `detail` (markdown) cites the sources of the rules behind it; a protocol rule that
 * the rule set adapted (its citation carries a note, as an age rule with other bounds does) is
 * cited as the rule set's own. Summaries are under 140 characters and no field is empty or
 * `null`. Never throws on the screening: a value that is not a consistent screening, as
 * `buildCourse` would also refuse it, gives one `warning` card asking to screen again, never an
 * `info` card.
 *
 * @typeParam Fact - the names of the rule set's own facts, if it declares any.
 * @param screening - a result of `screen`; any value is accepted.
 * @param options - `source`, shown on every card; `ruleSet`, for the labels of its own facts.
 * @returns the cards, frozen, each card frozen too.
 * @throws {TypeError} when `options.source.label` is not a non-empty string, `url` or `icon` is
 *   not an absolute http(s) URL, `topic` has no code, or `ruleSet` is not a rule set whose facts
 *   each have an English label.
 * @example
 * screeningCards(screen({ ageYears: 80 }), { source: { label: 'Clinic screening' } });
 * // => [{ summary: 'Acupuncture contraindicated: age. Refer for another method of treatment.', indicator: 'critical', source: { label: 'Clinic screening' }, detail: '…' }]
 */
export function screeningCards<Fact extends string = never>(
  screening: Screening<string, Fact>,
  options: ScreeningCardsOptions,
): readonly Card[] {
  const source = checkedSource(options, 'screeningCards');
  const labels = customFactLabels(options, 'screeningCards');
  const read = readScreening(screening);
  return Object.freeze(read.ok ? cardsFor(read.value, source, [], labels) : [unreadableCard(source)]);
}

/**
 * The cards of a screening that has been read (a result of `screen`, or of `readScreening`);
 * `context` adds markdown lines to the incomplete card, `labels` names a rule set's own facts.
 * `recordLinks` go on the incomplete card (the clinic's form for the facts to record). Each card
 * is frozen; the list is not.
 */
export function cardsFor(
  read: Screening<string, string>,
  source: CardSource,
  context: readonly string[],
  labels: CustomFactLabels,
  recordLinks: readonly CardLink[] = [],
): Card[] {
  const ruleSet = `rule set ${escapeMarkdown(read.ruleSet.id)} v${escapeMarkdown(read.ruleSet.version)}`;
  const present = (kind: RuleKind) => read.findings.filter((f) => f.kind === kind && f.outcome === 'present');
  const footer = '_Decision support for the treating clinician, who decides._';
  const unchecked = PROTOCOL_RULES.filter((rule) => read.uncheckedProtocolRules.includes(rule.id));
  // A red flag comes before everything; the rest of the screening is shown after it as it would be
  // without one, by the same precedence: contraindications, then facts to record, then cautions.
  const refer = read.referrals.length > 0 ? [referralCard(read, ruleSet, source, footer)] : [];
  if (read.contraindications.length > 0) {
    const found = present('absolute');
    const names = unique(found.map((f) => ruleLabel(f.rule)));
    const notChecked = unchecked.map((rule) => ruleLabel(rule.id)).join(', ');
    return [
      ...refer,
      card(
        'critical',
        summarize('Acupuncture contraindicated: ', names, '. Refer for another method of treatment.'),
        source,
        [
          `**Acupuncture is contraindicated** (${ruleSet}). The source protocol's answer is another method of treatment: refer the patient.`,
          '',
          'Contraindications found:',
          ...found.map((f) => `- ${escapeMarkdown(ruleLabel(f.rule))}: ${citation(f.source)}`),
          ...(unchecked.length > 0
            ? ['', `The rule set does not check these contraindications of the source protocol: ${notChecked}.`]
            : []),
          '',
          footer,
        ],
      ),
    ];
  }
  // No all-clear against the protocol from a set that leaves some of it out.
  const protocolCard = (checked: readonly string[]): Card =>
    card(
      'warning',
      summarize(
        'Not an all-clear: ',
        [],
        `${read.ruleSet.id} v${read.ruleSet.version} does not check ${unchecked.length} of the protocol's contraindications.`,
      ),
      source,
      [
        `**Not an all-clear against the source protocol** (${ruleSet}): the rule set does not check these contraindications of the protocol, so this screening says nothing about them:`,
        '',
        ...unchecked.map((rule) => `- ${escapeMarkdown(ruleLabel(rule.id))}: ${citation(rule.source)}`),
        '',
        'Check them before needling, or screen with a rule set that includes the protocol (`extendProtocol`).',
        ...checked,
        '',
        footer,
      ],
    );
  const protocol = unchecked.length > 0 ? [protocolCard([])] : [];
  const cautions = present('relative').map((f) =>
    card('warning', summarize('Acupuncture caution: ', [ruleLabel(f.rule)], '. Weigh it before needling.'), source, [
      `**Caution** (${ruleSet}): a relative contraindication, for the clinician to weigh.`,
      '',
      `- ${escapeMarkdown(ruleLabel(f.rule))}: ${citation(f.source)}`,
      '',
      footer,
    ]),
  );
  if (read.findings.some((f) => f.outcome === 'unknown')) {
    const missing = unique(read.missing.map((fact) => factLabel(fact, labels)));
    const unknown = read.findings.filter((f) => f.outcome === 'unknown');
    const incomplete = card('warning', summarize('Acupuncture screening incomplete. Record: ', missing, '.'), source, [
      refer.length > 0
        ? `**Screening incomplete** (${ruleSet}): these facts are not recorded either; the red flags above stand whatever they are.`
        : `**Screening incomplete** (${ruleSet}): these facts are not recorded, and no result is given until they are.`,
      '',
      'Facts to record:',
      ...missing.map((label) => `- ${escapeMarkdown(label)}`),
      '',
      'Rules not settled:',
      ...unknown.map((f) => `- ${escapeMarkdown(ruleLabel(f.rule))}: ${citation(f.source)}`),
      ...(context.length > 0 ? ['', 'From the record:', ...context] : []),
      '',
      footer,
    ]);
    return [...refer, withLinks(incomplete, recordLinks), ...protocol, ...cautions];
  }
  if (cautions.length > 0) return [...refer, ...protocol, ...cautions];
  // Nothing but the red flags: no all-clear beside them, only what the rule set leaves unchecked.
  if (refer.length > 0) return [...refer, ...protocol];
  if (unchecked.length > 0) {
    return [
      protocolCard([
        '',
        'No contraindication was found by the rules that were checked:',
        ...read.findings.map((f) => `- ${escapeMarkdown(ruleLabel(f.rule))}: ${citation(f.source)}`),
      ]),
    ];
  }
  return [
    card(
      'info',
      summarize('No acupuncture contraindication found', [], ` (${read.ruleSet.id} v${read.ruleSet.version}).`),
      source,
      [
        `**No contraindication found** (${ruleSet}): every rule was checked against recorded facts.`,
        '',
        'Rules checked:',
        ...read.findings.map((f) => `- ${escapeMarkdown(ruleLabel(f.rule))}: ${citation(f.source)}`),
        '',
        footer,
      ],
    ),
  ];
}

/**
 * The critical card of the red flags: the urgency of the most urgent referral leads, and a
 * referral less urgent than that says its own.
 */
function referralCard(read: Screening<string, string>, ruleSet: string, source: CardSource, footer: string): Card {
  // Each referral with its finding, for the source; the screening lists them most urgent first.
  const found = read.referrals.map((referral) => ({
    ...referral,
    label: ruleLabel(referral.rule),
    source: (read.findings.find((f) => f.rule === referral.rule) as Finding).source,
  }));
  const { urgency } = found[0] as (typeof found)[number];
  const names = found.map((r) => (r.urgency === urgency ? r.label : `${r.label} (${r.urgency})`));
  const flags = found.length === 1 ? 'Red flag' : 'Red flags';
  return card('critical', summarize(`${flags}: ${urgency} referral before needling: `, names, '.'), source, [
    `**${flags} of serious spinal pathology: ${urgency} referral** (${ruleSet}). Assess or refer the patient before any needling, as soon as each referral says.`,
    '',
    'Referrals, most urgent first:',
    ...found.map((r) => `- ${escapeMarkdown(r.label)} (**${r.urgency}**): ${citation(r.source)}`),
    '',
    'A red flag is a reason to assess, not a diagnosis, and the evidence for single flags is weak.',
    '',
    footer,
  ]);
}

/** The card with `links`, when there are any. */
export function withLinks(shown: Card, links: readonly CardLink[]): Card {
  return links.length === 0 ? shown : Object.freeze({ ...shown, links });
}

function card(indicator: CardIndicator, summary: string, source: CardSource, lines: readonly string[]): Card {
  // The source is frozen by checkedSource, with its topic.
  return Object.freeze({ summary, indicator, source, detail: lines.join('\n') });
}

export function unreadableCard(source: CardSource): Card {
  return card('warning', 'Acupuncture screening result could not be read: screen the patient again.', source, [
    '**The screening result could not be read**: it is not a consistent result of `screen`. No result is given; screen again.',
  ]);
}

/**
 * `prefix` + items joined with commas + `suffix`, under 140 characters: items that do not fit
 * are counted ("and 3 more"); a prefix or suffix too long is cut with an ellipsis.
 */
export function summarize(prefix: string, items: readonly string[], suffix: string): string {
  const fits = (text: string) => text.length <= MAX_SUMMARY_LENGTH;
  const full = `${prefix}${items.join(', ')}${suffix}`;
  if (fits(full)) return full;
  for (let hidden = 1; hidden < items.length; hidden++) {
    const text = `${prefix}${items.slice(0, items.length - hidden).join(', ')} and ${hidden} more${suffix}`;
    if (fits(text)) return text;
  }
  return truncate(full, MAX_SUMMARY_LENGTH);
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/** Checks the card source of the options; programmer misuse throws. */
export function checkedSource(options: unknown, caller: string): CardSource {
  // Read with readProperty: a polluted Object.prototype never supplies a card's source.
  const source = typeof options === 'object' && options !== null ? readProperty(options, 'source') : undefined;
  if (typeof source !== 'object' || source === null) {
    throw new TypeError(`${caller}: options.source must be an object with a label`);
  }
  const [label, url, icon, topic] = (['label', 'url', 'icon', 'topic'] as const).map((key) =>
    readProperty(source, key),
  );
  if (typeof label !== 'string' || label.trim() === '') {
    throw new TypeError(`${caller}: options.source.label must be a non-empty string`);
  }
  const checked: { -readonly [K in keyof CardSource]: CardSource[K] } = { label };
  if (url !== undefined) {
    if (!isAbsoluteUrl(url)) throw new TypeError(`${caller}: options.source.url must be an absolute http(s) URL`);
    checked.url = url;
  }
  if (icon !== undefined) {
    if (!isAbsoluteUrl(icon)) throw new TypeError(`${caller}: options.source.icon must be an absolute http(s) URL`);
    checked.icon = icon;
  }
  if (topic !== undefined) {
    const [system, code, display] = (['system', 'code', 'display'] as const).map((key) =>
      typeof topic === 'object' && topic !== null ? readProperty(topic, key) : undefined,
    );
    if (typeof code !== 'string' || code === '')
      throw new TypeError(`${caller}: options.source.topic must have a code`);
    const coding: { -readonly [K in keyof CardCoding]: CardCoding[K] } = { code };
    for (const [key, value] of [
      ['system', system],
      ['display', display],
    ] as const) {
      if (value === undefined) continue;
      if (typeof value !== 'string' || value === '') {
        throw new TypeError(`${caller}: options.source.topic.${key} must be a non-empty string`);
      }
      coding[key] = value;
    }
    checked.topic = Object.freeze(coding);
  }
  return Object.freeze(checked);
}

export function isAbsoluteUrl(value: unknown): value is string {
  return typeof value === 'string' && /^https?:\/\/[^\s/?#]\S*$/.test(value);
}
