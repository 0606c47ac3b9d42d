import type { RuleKind, SourceCitation } from '../screening/rule.js';
import type { FindingOutcome, Screening, ScreeningStatus } from '../screening/screening.js';
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

interface ReadFinding {
  readonly rule: string;
  readonly outcome: FindingOutcome;
  readonly kind: RuleKind;
  readonly source: SourceCitation;
}

/** A screening read back from untrusted data (or a screening from `screen`); only what the cards need. */
export interface ReadScreening {
  readonly status: ScreeningStatus;
  readonly findings: readonly ReadFinding[];
  readonly missing: readonly string[];
  readonly ruleSet: { readonly id: string; readonly version: string };
}

/**
 * Turns a screening into CDS Hooks 2.0 cards, most urgent first:
 * - `contraindicated`: one `critical` card naming the contraindications and saying that
 *   another method of treatment is needed (the source protocol refers the patient on);
 * - `incomplete`: one `warning` card listing the facts to record, then a `warning` card per
 *   caution found;
 * - `caution`: one `warning` card per caution;
 * - `eligible`: one `info` card.
 *
 * Each card's `detail` (markdown) cites the sources of the rules behind it. Summaries are
 * under 140 characters and no field is empty or `null`. Never throws on the screening: a value
 * that is not a consistent screening gives one `warning` card asking to screen again, never an
 * `info` card.
 *
 * @param screening - a result of `screen`; any value is accepted.
 * @param options - `source`, shown on every card.
 * @returns the cards.
 * @throws {TypeError} when `options.source.label` is not a non-empty string, `url` or `icon` is
 *   not an absolute http(s) URL, or `topic` has no code.
 * @example
 * screeningCards(screen({ ageYears: 80 }), { source: { label: 'Clinic screening' } });
 * // => [{ summary: 'Acupuncture contraindicated: age. Refer for another method of treatment.', indicator: 'critical', source: { label: 'Clinic screening' }, detail: '…' }]
 */
export function screeningCards(screening: Screening, options: ScreeningCardsOptions): Card[] {
  const source = checkedSource(options, 'screeningCards');
  const read = readScreening(screening);
  return read === undefined ? [unreadableCard(source)] : cardsFor(read, source, []);
}

/** The cards of a screening that has been read; `context` adds markdown lines to the incomplete card. */
export function cardsFor(read: ReadScreening, source: CardSource, context: readonly string[]): Card[] {
  const ruleSet = `rule set ${escapeMarkdown(read.ruleSet.id)} v${escapeMarkdown(read.ruleSet.version)}`;
  const present = (kind: RuleKind) => read.findings.filter((f) => f.kind === kind && f.outcome === 'present');
  const footer = '_Decision support for the treating clinician, who decides._';
  if (read.status === 'contraindicated') {
    const found = present('absolute');
    const names = unique(found.map((f) => ruleLabel(f.rule)));
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
          '',
          footer,
        ],
      ),
    ];
  }
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
    return [incomplete, ...cautions];
  }
  if (read.status === 'caution') return cautions;
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
  return { summary, indicator, source, detail: lines.join('\n') };
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
  return `${full.slice(0, MAX_SUMMARY_LENGTH - 1)}…`;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/** Checks the card source of the options; programmer misuse throws. */
export function checkedSource(options: unknown, caller: string): CardSource {
  const source = typeof options === 'object' && options !== null ? (options as { source?: unknown }).source : undefined;
  if (typeof source !== 'object' || source === null) {
    throw new TypeError(`${caller}: options.source must be an object with a label`);
  }
  const { label, url, icon, topic } = source as Record<string, unknown>;
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
    const { system, code, display } = (typeof topic === 'object' && topic !== null ? topic : {}) as Record<
      string,
      unknown
    >;
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

const OUTCOMES: ReadonlySet<unknown> = new Set(['present', 'absent', 'unknown']);

/** Reads a screening from untrusted data; undefined when it is not a consistent screening. */
export function readScreening(value: unknown): ReadScreening | undefined {
  try {
    if (!isRecord(value)) return undefined;
    const { status, findings, missing, ruleSet } = value;
    if (!Array.isArray(findings) || findings.length === 0) return undefined;
    // Array.from turns the holes of a sparse array into undefined, which `every` would skip.
    if (!Array.isArray(missing) || !Array.from(missing).every((fact) => typeof fact === 'string' && fact !== '')) {
      return undefined;
    }
    if (!isRecord(ruleSet) || !isText(ruleSet.id) || !isText(ruleSet.version)) return undefined;
    const read: ReadFinding[] = [];
    for (const finding of findings as unknown[]) {
      if (!isRecord(finding)) return undefined;
      const { rule, outcome, kind, source } = finding;
      if (!isText(rule) || !OUTCOMES.has(outcome)) return undefined;
      if (kind !== 'absolute' && kind !== 'relative') return undefined;
      const checkedSource = readCitation(source);
      if (checkedSource === undefined) return undefined;
      read.push({ rule, outcome: outcome as FindingOutcome, kind, source: checkedSource });
    }
    // The status must follow from the findings, by the screening's precedence (so it is one of the four).
    const has = (kind: RuleKind | undefined, outcome: FindingOutcome) =>
      read.some((f) => f.outcome === outcome && (kind === undefined || f.kind === kind));
    const derived: ScreeningStatus = has('absolute', 'present')
      ? 'contraindicated'
      : has(undefined, 'unknown')
        ? 'incomplete'
        : has('relative', 'present')
          ? 'caution'
          : 'eligible';
    if (derived !== status) return undefined;
    if (status === 'incomplete' && missing.length === 0) return undefined;
    return {
      status: derived,
      findings: read,
      missing: Array.from(missing as string[]),
      ruleSet: { id: ruleSet.id, version: ruleSet.version },
    };
  } catch {
    // A getter or a proxy that throws: not a result of `screen`.
  }
  return undefined;
}

function readCitation(value: unknown): SourceCitation | undefined {
  if (!isRecord(value) || !isText(value.title)) return undefined;
  const { title, section, item, url, note } = value;
  const source: { -readonly [K in keyof SourceCitation]: SourceCitation[K] } = { title };
  if (isText(section)) source.section = section;
  if (Number.isInteger(item)) source.item = item as number;
  if (isText(url)) source.url = url;
  if (isText(note)) source.note = note;
  return source;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || Array.isArray(value)) return false;
  // Stryker disable next-line ConditionalExpression: equivalent, null throws on its first property read, inside readScreening's try
  return value !== null;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
