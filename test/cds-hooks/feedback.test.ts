// The feedback endpoint's body: what the EHR reports a user did with a card, read for the clinic's
// audit log (an override with its reason), and every malformed body refused with the paths.
import { describe, expect, it } from 'vitest';
import { cdsService, MAX_FEEDBACK_ENTRIES, OVERRIDE_REASON_SYSTEM } from '../../src/cds-hooks/index.js';
import { validateFeedbackRequest } from './card-validator.js';

const service = cdsService({ source: { label: 'acuspine' } });
const SERVICE = 'acuspine-screening-order-sign';
const CARD = '9368d37b-283f-84a0-93ea-547cebab93ed';
const WHEN = '2026-11-24T10:15:00Z';

const accepted = {
  card: CARD,
  outcome: 'accepted',
  acceptedSuggestions: [{ id: 'e56e1945-20b3-8393-8503-a1a20fd73152' }],
  outcomeTimestamp: WHEN,
};
const overridden = {
  card: CARD,
  outcome: 'overridden',
  overrideReason: {
    reason: { system: OVERRIDE_REASON_SYSTEM, code: 'already-assessed', display: 'Already assessed' },
    userComment: 'Seen by neurology today.',
  },
  outcomeTimestamp: '2026-11-24T13:15:00.250+03:00',
};

function read(body: unknown, serviceId = SERVICE) {
  return service.feedback(body, { serviceId });
}
function issuesOf(body: unknown, serviceId = SERVICE) {
  const result = read(body, serviceId);
  if (result.ok) throw new Error('expected the feedback to be refused');
  return result.issues.map(({ code, path }) => ({ code, path }));
}

describe('feedback: what is kept', () => {
  it('an accepted suggestion, and an override with its reason and comment, as sent', () => {
    for (const body of [{ feedback: [accepted, overridden] }]) expect(validateFeedbackRequest(body)).toEqual([]);
    const result = read({ feedback: [accepted, overridden] });
    // Strict: no key of its own is added, not even one holding undefined.
    expect(result).toStrictEqual({ ok: true, value: [accepted, overridden] });
    expect(result.ok && Object.isFrozen(result.value[1]?.overrideReason?.reason)).toBe(true);
  });

  it('an override without a reason, with a reason only, or with a comment only', () => {
    const bare = { card: CARD, outcome: 'overridden', outcomeTimestamp: WHEN };
    const reasonOnly = { ...bare, overrideReason: { reason: { code: 'clinical-judgement' } } };
    const commentOnly = { ...bare, overrideReason: { userComment: 'Patient insists.' } };
    expect(read({ feedback: [bare, reasonOnly, commentOnly] })).toStrictEqual({
      ok: true,
      value: [bare, reasonOnly, commentOnly],
    });
  });

  it('leaves extensions out, and answers for every service of the set', () => {
    const withExtension = { ...accepted, extension: { 'org.example.x': 1 } };
    expect(read({ feedback: [withExtension] })).toEqual({ ok: true, value: [accepted] });
    for (const { id } of service.definitions) expect(read({ feedback: [accepted] }, id).ok).toBe(true);
  });
});

describe('feedback: what is refused', () => {
  it('a service that does not exist, and a body that is not a feedback list', () => {
    expect(issuesOf({ feedback: [accepted] }, 'other')).toEqual([{ code: 'unknown-service', path: [] }]);
    expect(service.feedback({ feedback: [accepted] }, null as never).ok).toBe(false);
    for (const body of [null, [], 'x', 7]) expect(issuesOf(body)).toEqual([{ code: 'not-an-object', path: [] }]);
    for (const body of [{}, { feedback: [] }, { feedback: accepted }]) {
      expect(issuesOf(body)).toEqual([{ code: 'invalid-type', path: ['feedback'] }]);
    }
    const many = { feedback: Array.from({ length: MAX_FEEDBACK_ENTRIES + 1 }, () => accepted) };
    expect(issuesOf(many)).toEqual([{ code: 'too-long', path: ['feedback'] }]);
    expect(read({ feedback: Array.from({ length: MAX_FEEDBACK_ENTRIES }, () => accepted) }).ok).toBe(true);
  });

  it('an entry without its card, outcome or timestamp, or with keys feedback does not have', () => {
    expect(issuesOf({ feedback: [7, { outcome: 'ignored', outcomeTimestamp: '2026-11-24', note: 'x' }] })).toEqual([
      { code: 'invalid-type', path: ['feedback', 0] },
      { code: 'unknown-key', path: ['feedback', 1, 'note'] },
      { code: 'invalid-type', path: ['feedback', 1, 'card'] },
      { code: 'invalid-value', path: ['feedback', 1, 'outcome'] },
      { code: 'invalid-value', path: ['feedback', 1, 'outcomeTimestamp'] },
    ]);
  });

  it('a timestamp that is not an instant with a zone', () => {
    const pretending = { toString: () => WHEN };
    expect(issuesOf({ feedback: [{ ...accepted, outcomeTimestamp: pretending }] })).toEqual([
      { code: 'invalid-value', path: ['feedback', 0, 'outcomeTimestamp'] },
    ]);
    for (const outcomeTimestamp of [
      '2026-11-24T10:15:00',
      '2026-11-24 10:15:00Z',
      '2026-13-24T10:15:00Z',
      '2026-11-24T24:00:00Z',
      '2026-11-24T10:15Z',
      1764000000,
    ]) {
      expect(issuesOf({ feedback: [{ ...accepted, outcomeTimestamp }] })).toEqual([
        { code: 'invalid-value', path: ['feedback', 0, 'outcomeTimestamp'] },
      ]);
    }
  });

  it('accepted without suggestions, suggestions on an override, and suggestions without ids', () => {
    const at = ['feedback', 0, 'acceptedSuggestions'];
    const { acceptedSuggestions: _left, ...noSuggestions } = accepted;
    expect(issuesOf({ feedback: [noSuggestions] })).toEqual([{ code: 'missing', path: at }]);
    expect(issuesOf({ feedback: [{ ...overridden, acceptedSuggestions: [{ id: 'x' }] }] })).toEqual([
      { code: 'invalid-value', path: at },
    ]);
    for (const acceptedSuggestions of [[], {}, Array.from({ length: MAX_FEEDBACK_ENTRIES + 1 }, () => ({ id: 'x' }))]) {
      expect(issuesOf({ feedback: [{ ...accepted, acceptedSuggestions }] })).toEqual([
        { code: 'invalid-type', path: at },
      ]);
    }
    const most = Array.from({ length: MAX_FEEDBACK_ENTRIES }, (_, i) => ({ id: `s${i}` }));
    expect(read({ feedback: [{ ...accepted, acceptedSuggestions: most }] }).ok).toBe(true);
    expect(issuesOf({ feedback: [{ ...accepted, acceptedSuggestions: [{ id: '' }, 'x'] }] })).toEqual([
      { code: 'invalid-type', path: [...at, 0, 'id'] },
      { code: 'invalid-type', path: [...at, 1, 'id'] },
    ]);
  });

  it('an override reason on an acceptance, or one that holds neither a coded reason nor a comment', () => {
    const at = ['feedback', 0, 'overrideReason'];
    expect(issuesOf({ feedback: [{ ...accepted, overrideReason: overridden.overrideReason }] })).toEqual([
      { code: 'invalid-value', path: at },
    ]);
    expect(issuesOf({ feedback: [{ ...overridden, overrideReason: 'busy' }] })).toEqual([
      { code: 'invalid-type', path: at },
    ]);
    expect(issuesOf({ feedback: [{ ...overridden, overrideReason: {} }] })).toEqual([{ code: 'missing', path: at }]);
    expect(issuesOf({ feedback: [{ ...overridden, overrideReason: { reason: 'busy' } }] })).toEqual([
      { code: 'invalid-type', path: [...at, 'reason', 'code'] },
    ]);
    expect(issuesOf({ feedback: [{ ...overridden, overrideReason: { reason: { system: 's' } } }] })).toEqual([
      { code: 'invalid-type', path: [...at, 'reason', 'code'] },
    ]);
    expect(
      issuesOf({ feedback: [{ ...overridden, overrideReason: { reason: { code: 'x', system: 7, display: '' } } }] }),
    ).toEqual([
      { code: 'invalid-type', path: [...at, 'reason', 'system'] },
      { code: 'invalid-type', path: [...at, 'reason', 'display'] },
    ]);
    for (const userComment of ['', 7, 'x'.repeat(4001)]) {
      expect(issuesOf({ feedback: [{ ...overridden, overrideReason: { userComment } }] })).toEqual([
        { code: 'invalid-type', path: [...at, 'userComment'] },
      ]);
    }
    expect(read({ feedback: [{ ...overridden, overrideReason: { userComment: 'x'.repeat(4000) } }] }).ok).toBe(true);
  });

  it('with every issue worded for the developer who reads the log', () => {
    const words = (body: unknown) => {
      const result = read(body);
      return result.ok ? [] : result.issues.map((found) => `${found.path.join('.')}: ${found.message}`);
    };
    expect(words('x')).toEqual([': expected a feedback object']);
    expect(words({})).toEqual(['feedback: expected a list of one or more feedback entries']);
    expect(words({ feedback: Array.from({ length: MAX_FEEDBACK_ENTRIES + 1 }, () => accepted) })).toEqual([
      'feedback: at most 100 entries',
    ]);
    const bare = { card: CARD, outcome: 'overridden', outcomeTimestamp: WHEN };
    expect(
      words({
        feedback: [
          7,
          { note: 1, outcome: 'x', outcomeTimestamp: 'x' },
          { ...accepted, acceptedSuggestions: undefined },
          { ...bare, acceptedSuggestions: [{ id: 'x' }] },
          { ...accepted, acceptedSuggestions: [] },
          { ...accepted, acceptedSuggestions: [{}] },
          { ...accepted, overrideReason: { userComment: 'x' } },
          { ...bare, overrideReason: 'x' },
          { ...bare, overrideReason: {} },
          { ...bare, overrideReason: { reason: {}, userComment: 7 } },
          { ...bare, overrideReason: { reason: { code: 'x', system: 7 } } },
        ],
      }),
    ).toEqual([
      'feedback.0: expected a feedback entry',
      'feedback.1.note: not a feedback attribute',
      'feedback.1.card: expected the card uuid',
      'feedback.1.outcome: expected accepted or overridden',
      'feedback.1.outcomeTimestamp: expected an ISO 8601 instant with a time zone',
      'feedback.2.acceptedSuggestions: an accepted outcome names the suggestions taken',
      'feedback.3.acceptedSuggestions: an overridden card has no accepted suggestions',
      'feedback.4.acceptedSuggestions: expected a list of 1 to 100 suggestions',
      'feedback.5.acceptedSuggestions.0.id: expected the suggestion uuid',
      'feedback.6.overrideReason: only an overridden card has an override reason',
      'feedback.7.overrideReason: expected a reason, a comment or both',
      'feedback.8.overrideReason: expected a reason, a comment or both',
      'feedback.9.overrideReason.reason.code: expected the code of the reason',
      'feedback.9.overrideReason.userComment: expected text of 1 to 4000 characters',
      'feedback.10.overrideReason.reason.system: expected text',
    ]);
    expect(service.feedback({ feedback: [accepted] }, { serviceId: 'other' })).toEqual({
      ok: false,
      issues: [{ code: 'unknown-service', path: [], message: 'no service has the id "other"' }],
    });
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('no');
        },
      },
    );
    expect(words(hostile)).toEqual([': the feedback could not be read as JSON data']);
  });

  it('a body that throws when read gives an issue, never a throw', () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('no');
        },
        ownKeys: () => {
          throw new Error('no');
        },
      },
    );
    expect(issuesOf(hostile)).toEqual([{ code: 'unreadable', path: [] }]);
  });
});
