import { readProperty } from '../_internal/read-property.js';
import { truncate } from '../_internal/text.js';
import { PROTOCOL_RULES } from '../screening/protocol-rules.js';
import { readScreening } from '../screening/read-screening.js';
import type { RuleKind } from '../screening/rule.js';
import type { Screening } from '../screening/screening.js';
import type { Card, CardCoding, CardIndicator, CardSource } from './card.js';
import { citation, escapeMarkdown, factLabel, ruleLabel } from './labels.js';

/**
 * Options for {@link screeningCards}.
 *
 * @example
 * const options: ScreeningCardsOptions = { source: { label: 'Clinic acupuncture screening' } };
 */
export interface ScreeningCardsOptions {
  /** Where the cards come from, shown by the EHR: `label` is required; `url`, `icon` (absolute URLs) and `topic` are optional. */
  readonly source: CardSource;
}

/** CDS Hooks 2.0: the summary must be shorter than 140 characters. */
export const MAX_SUMMARY_LENGTH = 139;

/**
 * Turns a screening into CDS Hooks 2.0 cards, most urgent first:
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
 * @param screening - a result of `screen`; any value is accepted.
 * @param options - `source`, shown on every card.
 * @returns the cards, frozen, each card frozen too.
 * @throws {TypeError} when `options.source.label` is not a non-empty string, `url` or `icon` is
 *   not an absolute http(s) URL, or `topic` has no code.
 * @example
 * screeningCards(screen({ ageYears: 80 }), { source: { label: 'Clinic screening' } });
 * // => [{ summary: 'Acupuncture contraindicated: age. Refer for another method of treatment.', indicator: 'critical', source: { label: 'Clinic screening' }, detail: '…' }]
 */
export function screeningCards(screening: Screening, options: ScreeningCardsOptions): readonly Card[] {
  const source = checkedSource(options, 'screeningCards');
  const read = readScreening(screening);
  return Object.freeze(read.ok ? cardsFor(read.value, source, []) : [unreadableCard(source)]);
}

/**
 * The cards of a screening that has been read (a result of `screen`, or of `readScreening`);
 * `context` adds markdown lines to the incomplete card. Each card is frozen; the list is not.
 */
export function cardsFor(read: Screening, source: CardSource, context: readonly string[]): Card[] {
  const ruleSet = `rule set ${escapeMarkdown(read.ruleSet.id)} v${escapeMarkdown(read.ruleSet.version)}`;
  const present = (kind: RuleKind) => read.findings.filter((f) => f.kind === kind && f.outcome === 'present');
  const footer = '_Decision support for the treating clinician, who decides._';
  const unchecked = PROTOCOL_RULES.filter((rule) => read.uncheckedProtocolRules.includes(rule.id));
  if (read.status === 'contraindicated') {
    const found = present('absolute');
    const names = unique(found.map((f) => ruleLabel(f.rule)));
    const notChecked = unchecked.map((rule) => ruleLabel(rule.id)).join(', ');
    return [
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
  if (read.status === 'incomplete') {
    const missing = unique(read.missing.map(factLabel));
    const unknown = read.findings.filter((f) => f.outcome === 'unknown');
    const incomplete = card('warning', summarize('Acupuncture screening incomplete. Record: ', missing, '.'), source, [
      `**Screening incomplete** (${ruleSet}): these facts are not recorded, and no result is given until they are.`,
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
    return [incomplete, ...protocol, ...cautions];
  }
  if (read.status === 'caution') return [...protocol, ...cautions];
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

function isAbsoluteUrl(value: unknown): value is string {
  return typeof value === 'string' && /^https?:\/\/[^\s/?#]\S*$/.test(value);
}
