import { isRecord, isText } from '../_internal/json-guards.js';
import { readProperty } from '../_internal/read-property.js';
import { fail, type Issue, issue, ok, type Result } from '../_internal/result.js';
import type { CardCoding } from './card.js';

/** The most entries one feedback request may carry; an EHR reports a few cards at a time. */
export const MAX_FEEDBACK_ENTRIES = 100;
/** The longest id, comment or code accepted: an audit log stores them as they come. */
const MAX_TEXT = 4000;
/** An ISO 8601 instant with seconds and a zone: `2026-11-24T10:15:00Z`, `...10:15:00.5+03:00`. */
const INSTANT =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const ENTRY_KEYS: ReadonlySet<string> = new Set([
  'card',
  'outcome',
  'acceptedSuggestions',
  'overrideReason',
  'outcomeTimestamp',
  'extension',
]);

/**
 * One entry of a CDS Hooks feedback request: what the user did with a card.
 *
 * @example
 * const entry: CdsFeedback = {
 *   card: '0b5b3c4e-8f7a-8d2e-9c41-5a6f7e8d9c0b',
 *   outcome: 'overridden',
 *   overrideReason: { reason: { system: 'https://acuspine.github.io/codes/cds-override-reason', code: 'already-assessed' } },
 *   outcomeTimestamp: '2026-11-24T10:15:00Z',
 * };
 */
export interface CdsFeedback {
  /** The `uuid` of the card. */
  readonly card: string;
  /** `accepted` (a suggestion was taken) or `overridden` (the card was dismissed). */
  readonly outcome: 'accepted' | 'overridden';
  /** The suggestions taken, by their `uuid`: present exactly when the outcome is `accepted`. */
  readonly acceptedSuggestions?: readonly {
    /** The suggestion's `uuid`. */
    readonly id: string;
  }[];
  /** Why the card was overridden, when the user said: a reason of the card's, a comment, or both. */
  readonly overrideReason?: {
    /** One of the card's `overrideReasons`, as the EHR sent it back. */
    readonly reason?: CardCoding;
    /** What the clinician wrote, up to 4,000 characters. */
    readonly userComment?: string;
  };
  /** When the user acted, an ISO 8601 instant (`2026-11-24T10:15:00Z`). */
  readonly outcomeTimestamp: string;
}

/**
 * Reads a CDS Hooks 2.0 feedback body, `{ feedback: [...] }`: each entry's card uuid, outcome,
 * accepted suggestions (required with `accepted`, refused with `overridden`), override reason
 * (only with `overridden`: a Coding and a comment, either or both) and timestamp. Unknown keys
 * are issues, but `extension`, which is left out. Never throws on the body.
 */
export function readFeedback(body: unknown): Result<readonly CdsFeedback[]> {
  if (!isRecord(body)) return fail([issue('not-an-object', [], 'expected a feedback object')]);
  const entries = readProperty(body, 'feedback');
  if (!Array.isArray(entries) || entries.length === 0) {
    return fail([issue('invalid-type', ['feedback'], 'expected a list of one or more feedback entries')]);
  }
  if (entries.length > MAX_FEEDBACK_ENTRIES) {
    return fail([issue('too-long', ['feedback'], `at most ${MAX_FEEDBACK_ENTRIES} entries`)]);
  }
  const issues: Issue[] = [];
  const read = entries.map((entry: unknown, index) => readEntry(entry, ['feedback', index], issues));
  return issues.length > 0 ? fail(issues) : ok(Object.freeze(read as CdsFeedback[]));
}

function readEntry(entry: unknown, at: readonly (string | number)[], issues: Issue[]): CdsFeedback | undefined {
  if (!isRecord(entry)) {
    issues.push(issue('invalid-type', at, 'expected a feedback entry'));
    return undefined;
  }
  for (const key of Object.keys(entry)) {
    if (!ENTRY_KEYS.has(key)) issues.push(issue('unknown-key', [...at, key], 'not a feedback attribute'));
  }
  const field = (key: string) => readProperty(entry, key);
  const card = field('card');
  if (!isAuditText(card)) issues.push(issue('invalid-type', [...at, 'card'], 'expected the card uuid'));
  const outcome = field('outcome');
  if (outcome !== 'accepted' && outcome !== 'overridden') {
    issues.push(issue('invalid-value', [...at, 'outcome'], 'expected accepted or overridden'));
  }
  const outcomeTimestamp = field('outcomeTimestamp');
  if (typeof outcomeTimestamp !== 'string' || !INSTANT.test(outcomeTimestamp)) {
    issues.push(issue('invalid-value', [...at, 'outcomeTimestamp'], 'expected an ISO 8601 instant with a time zone'));
  }
  const accepted = readAccepted(field('acceptedSuggestions'), outcome, [...at, 'acceptedSuggestions'], issues);
  const reason = readOverrideReason(field('overrideReason'), outcome, [...at, 'overrideReason'], issues);
  return Object.freeze({
    card: card as string,
    outcome: outcome as CdsFeedback['outcome'],
    ...(accepted === undefined ? {} : { acceptedSuggestions: accepted }),
    ...(reason === undefined ? {} : { overrideReason: reason }),
    outcomeTimestamp: outcomeTimestamp as string,
  });
}

function readAccepted(
  value: unknown,
  outcome: unknown,
  at: readonly (string | number)[],
  issues: Issue[],
): readonly { readonly id: string }[] | undefined {
  if (value === undefined) {
    if (outcome === 'accepted') issues.push(issue('missing', at, 'an accepted outcome names the suggestions taken'));
    return undefined;
  }
  if (outcome === 'overridden') {
    issues.push(issue('invalid-value', at, 'an overridden card has no accepted suggestions'));
    return undefined;
  }
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_FEEDBACK_ENTRIES) {
    issues.push(issue('invalid-type', at, `expected a list of 1 to ${MAX_FEEDBACK_ENTRIES} suggestions`));
    return undefined;
  }
  return Object.freeze(
    value.map((item: unknown, index) => {
      const id = isRecord(item) ? readProperty(item, 'id') : undefined;
      if (!isAuditText(id)) issues.push(issue('invalid-type', [...at, index, 'id'], 'expected the suggestion uuid'));
      return Object.freeze({ id: id as string });
    }),
  );
}

function readOverrideReason(
  value: unknown,
  outcome: unknown,
  at: readonly (string | number)[],
  issues: Issue[],
): CdsFeedback['overrideReason'] {
  if (value === undefined) return undefined;
  if (outcome !== 'overridden') {
    issues.push(issue('invalid-value', at, 'only an overridden card has an override reason'));
    return undefined;
  }
  if (!isRecord(value)) {
    issues.push(issue('invalid-type', at, 'expected a reason, a comment or both'));
    return undefined;
  }
  const reason = readProperty(value, 'reason');
  const userComment = readProperty(value, 'userComment');
  const coding = reason === undefined ? undefined : readCoding(reason, [...at, 'reason'], issues);
  if (userComment !== undefined && !isAuditText(userComment)) {
    issues.push(issue('invalid-type', [...at, 'userComment'], `expected text of 1 to ${MAX_TEXT} characters`));
  }
  if (reason === undefined && userComment === undefined) {
    issues.push(issue('missing', at, 'expected a reason, a comment or both'));
  }
  return Object.freeze({
    ...(coding === undefined ? {} : { reason: coding }),
    ...(isAuditText(userComment) ? { userComment } : {}),
  });
}

function readCoding(value: unknown, at: readonly (string | number)[], issues: Issue[]): CardCoding | undefined {
  const [system, code, display] = ['system', 'code', 'display'].map((key) =>
    isRecord(value) ? readProperty(value, key) : undefined,
  );
  if (!isRecord(value) || !isAuditText(code)) {
    issues.push(issue('invalid-type', [...at, 'code'], 'expected the code of the reason'));
    return undefined;
  }
  for (const [key, text] of [
    ['system', system],
    ['display', display],
  ] as const) {
    if (text !== undefined && !isAuditText(text)) issues.push(issue('invalid-type', [...at, key], 'expected text'));
  }
  return Object.freeze({
    ...(isAuditText(system) ? { system } : {}),
    code,
    ...(isAuditText(display) ? { display } : {}),
  });
}

/** Non-empty text no longer than an audit log should take. */
function isAuditText(value: unknown): value is string {
  return isText(value) && value.length <= MAX_TEXT;
}
