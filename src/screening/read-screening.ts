// A screening read back from untrusted data, for everything that acts on one: `buildCourse`
// plans a course from it, `screeningCards` draws cards, `explain` writes words. Each reads it here,
// so that a value one of them refuses, every one refuses. A screening is accepted only as
// `screen` returns it: a status that follows from its findings, the ids of the rules found
// present (the referrals with their urgency, most urgent first), the facts to record, and the
// protocol rules its set leaves out.
import { fail, type Issue, issue, ok, type Result } from '../_internal/result.js';
import { describeValue } from '../_internal/text.js';
import type { FactName } from '../facts/patient-facts.js';
import { PROTOCOL_RULES, type ProtocolRuleId } from './protocol-rules.js';
import { type ReferralUrgency, type RuleKind, referralUrgencies, type SourceCitation } from './rule.js';
import type { Finding, FindingOutcome, Referral, Screening, ScreeningStatus } from './screening.js';

type Path = readonly (string | number)[];

const OUTCOMES: readonly unknown[] = ['present', 'absent', 'unknown'];
const KINDS: readonly unknown[] = ['absolute', 'relative', 'referral'];
const PROTOCOL_IDS: readonly unknown[] = /* @__PURE__ */ PROTOCOL_RULES.map((rule) => rule.id);

const FINDING = 'expected a finding { rule, outcome, kind, source } as screen() returns it';

/** The first problem found, thrown inside the reader and returned as its one issue. */
class Refusal {
  constructor(readonly found: Issue) {}
}

function refuse(code: string, path: Path, message: string): never {
  throw new Refusal(issue(code, path, message));
}

/**
 * Reads a screening from any value: `{ ok: true, value }` with a frozen copy of it when it is
 * consistent, as `screen` returns it, or `{ ok: false, issues }` with one issue for the first
 * problem found: `invalid-type` (not an object), `unreadable` (a getter or proxy threw) or
 * `invalid-screening` (a part that `screen` would not give). Never throws. Only own fields are
 * read.
 */
export function readScreening(value: unknown): Result<Screening> {
  try {
    return ok(read(value));
  } catch (error) {
    return fail([error instanceof Refusal ? error.found : issue('unreadable', [], 'the screening could not be read')]);
  }
}

function read(value: unknown): Screening {
  if (!isRecord(value))
    return refuse('invalid-type', [], `expected a screening from screen(), got ${describeValue(value)}`);
  const field = (key: string): unknown => own(value, key, [key]);

  const ruleSet = field('ruleSet');
  const id = isRecord(ruleSet) ? own(ruleSet, 'id', ['ruleSet', 'id']) : undefined;
  const version = isRecord(ruleSet) ? own(ruleSet, 'version', ['ruleSet', 'version']) : undefined;
  if (!isText(id) || !isText(version)) {
    return refuse('invalid-screening', ['ruleSet'], 'expected the rule set { id, version } that screen() records');
  }

  const listed = list(field('findings'), ['findings']);
  if (listed === undefined || listed.length === 0) {
    return refuse(
      'invalid-screening',
      ['findings'],
      'expected the findings of screen(), one for each rule, at least one',
    );
  }
  const findings = listed.map((finding, index) => readFinding(finding, ['findings', index]));

  const referrals = presentReferrals(findings);
  const listedReferrals = list(field('referrals'), ['referrals']);
  if (listedReferrals === undefined || !sameReferrals(listedReferrals, referrals)) {
    return refuse(
      'invalid-screening',
      ['referrals'],
      `expected the referral rules found present with their urgency, most urgent first, as screen() lists them: ${JSON.stringify(referrals)}`,
    );
  }
  const contraindications = presentIds(findings, 'absolute');
  sameIds(field('contraindications'), contraindications, 'contraindications', 'absolute');
  const cautions = presentIds(findings, 'relative');
  sameIds(field('cautions'), cautions, 'cautions', 'relative');

  const missing = list(field('missing'), ['missing']);
  if (missing === undefined || !missing.every((fact) => typeof fact === 'string' && fact !== '')) {
    return refuse(
      'invalid-screening',
      ['missing'],
      'expected missing to be a list of fact names, as screen() returns it',
    );
  }
  const invalid = list(field('invalid'), ['invalid']);
  if (invalid === undefined || !invalid.every((fact) => missing.includes(fact))) {
    return refuse(
      'invalid-screening',
      ['invalid'],
      'expected invalid to be a list of the fact names in missing whose values could not be read',
    );
  }
  // An unsettled rule leaves a fact to record; with every rule settled, only invalid facts are left.
  const unsettled = findings.some((finding) => finding.outcome === 'unknown');
  if (unsettled ? missing.length === 0 : !sameList(missing, invalid)) {
    return refuse(
      'invalid-screening',
      ['missing'],
      'expected missing to name the facts of the rules not settled, or, when every rule is settled, exactly the invalid facts',
    );
  }

  const status: ScreeningStatus =
    referrals.length > 0
      ? 'refer'
      : contraindications.length > 0
        ? 'contraindicated'
        : unsettled
          ? 'incomplete'
          : cautions.length > 0
            ? 'caution'
            : 'eligible';
  const given = field('status');
  if (given !== status) {
    return refuse(
      'invalid-screening',
      ['status'],
      `expected the status that the findings give, ${status}, got ${describeValue(given)}`,
    );
  }

  const unchecked = list(field('uncheckedProtocolRules'), ['uncheckedProtocolRules']);
  let previous = -1;
  const inOrder = (rule: unknown): boolean => {
    const at = PROTOCOL_IDS.indexOf(rule);
    const after = at > previous;
    previous = at;
    return after;
  };
  if (unchecked === undefined || !unchecked.every(inOrder)) {
    return refuse(
      'invalid-screening',
      ['uncheckedProtocolRules'],
      'expected uncheckedProtocolRules to list ids of the protocol rules, once each, in the protocol’s order',
    );
  }

  return Object.freeze({
    status,
    findings: Object.freeze(findings),
    referrals,
    contraindications,
    cautions,
    missing: Object.freeze(missing as FactName[]),
    invalid: Object.freeze(invalid as FactName[]),
    ruleSet: Object.freeze({ id, version }),
    uncheckedProtocolRules: Object.freeze(unchecked as ProtocolRuleId[]),
  });
}

function readFinding(value: unknown, path: Path): Finding {
  const refused = (key?: string): never =>
    refuse('invalid-screening', key === undefined ? path : [...path, key], FINDING);
  if (!isRecord(value)) return refused();
  const rule = own(value, 'rule', [...path, 'rule']);
  if (!isText(rule)) return refused('rule');
  const outcome = own(value, 'outcome', [...path, 'outcome']);
  if (!OUTCOMES.includes(outcome)) return refused('outcome');
  const kind = own(value, 'kind', [...path, 'kind']);
  if (!KINDS.includes(kind)) return refused('kind');
  // A referral's finding carries its urgency, and only a referral's.
  const urgency = own(value, 'urgency', [...path, 'urgency']);
  if (kind === 'referral' ? !referralUrgencies.includes(urgency as ReferralUrgency) : urgency !== undefined) {
    return refused('urgency');
  }
  const source = own(value, 'source', [...path, 'source']);
  const title = isRecord(source) ? own(source, 'title', [...path, 'source', 'title']) : undefined;
  if (!isRecord(source) || !isText(title)) return refused('source');
  const citation = readCitation(source, title, [...path, 'source']);
  return Object.freeze(
    kind === 'referral'
      ? { rule, outcome: outcome as FindingOutcome, kind, urgency: urgency as ReferralUrgency, source: citation }
      : { rule, outcome: outcome as FindingOutcome, kind: kind as RuleKind, source: citation },
  );
}

/** The parts of a citation that are text or a whole number; the others are left out, as a blank would show. */
function readCitation(source: object, title: string, path: Path): SourceCitation {
  const citation: { -readonly [K in keyof SourceCitation]: SourceCitation[K] } = { title };
  const section = own(source, 'section', [...path, 'section']);
  if (isText(section)) citation.section = section;
  const item = own(source, 'item', [...path, 'item']);
  if (Number.isInteger(item)) citation.item = item as number;
  const url = own(source, 'url', [...path, 'url']);
  if (isText(url)) citation.url = url;
  const note = own(source, 'note', [...path, 'note']);
  if (isText(note)) citation.note = note;
  return Object.freeze(citation);
}

function presentIds(findings: readonly Finding[], kind: RuleKind): readonly string[] {
  return Object.freeze(findings.filter((f) => f.kind === kind && f.outcome === 'present').map((f) => f.rule));
}

/** The referral findings that are present, as screen() lists them: most urgent first, then in order. */
function presentReferrals(findings: readonly Finding[]): readonly Referral[] {
  const present = findings
    .filter((f) => f.kind === 'referral' && f.outcome === 'present')
    .map((f) => Object.freeze({ rule: f.rule, urgency: f.urgency as ReferralUrgency }));
  present.sort((a, b) => referralUrgencies.indexOf(a.urgency) - referralUrgencies.indexOf(b.urgency));
  return Object.freeze(present);
}

function sameReferrals(listed: readonly unknown[], expected: readonly Referral[]): boolean {
  return (
    listed.length === expected.length &&
    listed.every((entry, index) => {
      if (!isRecord(entry)) return false;
      const want = expected[index] as Referral;
      return (
        own(entry, 'rule', ['referrals', index, 'rule']) === want.rule &&
        own(entry, 'urgency', ['referrals', index, 'urgency']) === want.urgency
      );
    })
  );
}

function sameIds(value: unknown, expected: readonly string[], key: string, kind: RuleKind): void {
  const listed = list(value, [key]);
  if (listed === undefined || !sameList(listed, expected)) {
    refuse(
      'invalid-screening',
      [key],
      `expected the ids of the ${kind} rules found present, as screen() lists them: ${JSON.stringify(expected)}`,
    );
  }
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((entry, index) => entry === b[index]);
}

/** An own field, never an inherited one (a polluted prototype decides nothing). */
function own(record: object, key: string, path: Path): unknown {
  try {
    return Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
  } catch {
    return refuse('unreadable', path, `the value of "${key}" could not be read`);
  }
}

/** A copy of a list (holes read as undefined), or undefined for a value that is not a list. */
function list(value: unknown, path: Path): unknown[] | undefined {
  try {
    return Array.isArray(value) ? Array.from(value) : undefined;
  } catch {
    return refuse('unreadable', path, 'the list could not be read');
  }
}

function isRecord(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
