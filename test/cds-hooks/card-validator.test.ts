import { describe, expect, it } from 'vitest';
import { validateCard, validateDiscovery, validateFeedbackRequest, validateResponse } from './card-validator.js';

const good = { summary: 'No contraindication found', indicator: 'info', source: { label: 'acuspine' } };

describe('the CDS Hooks 2.0 card validator', () => {
  it('accepts a minimal valid card and a response of them', () => {
    expect(validateCard(good)).toEqual([]);
    expect(validateResponse({ cards: [good, { ...good, detail: '**x**', indicator: 'critical' }] })).toEqual([]);
  });

  it('rejects a summary of 140 characters or more, and a missing one', () => {
    expect(validateCard({ ...good, summary: 'x'.repeat(140) })).toHaveLength(1);
    expect(validateCard({ ...good, summary: 'x'.repeat(139) })).toEqual([]);
    expect(validateCard({ indicator: 'info', source: { label: 'a' } })).not.toEqual([]);
  });

  it('rejects an unknown indicator, a source without a label, and a relative source URL', () => {
    expect(validateCard({ ...good, indicator: 'hard-stop' })).not.toEqual([]);
    expect(validateCard({ ...good, source: { url: 'https://x.example' } })).not.toEqual([]);
    expect(validateCard({ ...good, source: { label: 'a', url: '/about' } })).not.toEqual([]);
    expect(validateCard({ ...good, source: { label: 'a', topic: { system: 's' } } })).not.toEqual([]);
  });

  it('rejects null and empty values anywhere', () => {
    expect(validateCard({ ...good, detail: null })).not.toEqual([]);
    expect(validateCard({ ...good, detail: '' })).not.toEqual([]);
    expect(validateCard({ ...good, links: [] })).not.toEqual([]);
    expect(validateCard({ ...good, source: { label: 'a', topic: {} } })).not.toEqual([]);
  });

  it('requires selectionBehavior with suggestions, and only then', () => {
    expect(validateCard({ ...good, suggestions: [{ label: 'Refer' }] })).not.toEqual([]);
    expect(validateCard({ ...good, suggestions: [{ label: 'Refer' }], selectionBehavior: 'at-most-one' })).toEqual([]);
    expect(validateCard({ ...good, selectionBehavior: 'any' })).not.toEqual([]);
  });

  it('rejects attributes that a card does not have, and malformed links', () => {
    expect(validateCard({ ...good, severity: 'high' })).not.toEqual([]);
    expect(validateCard({ ...good, links: [{ label: 'x', url: 'https://x.example', type: 'web' }] })).not.toEqual([]);
    expect(validateResponse({ card: [] })).not.toEqual([]);
  });

  it('checks suggestions, their actions, uuids and override reasons', () => {
    const uuid = '4e0a3a1e-3283-4575-ab82-028d55fe2719';
    const remove = { type: 'delete', description: 'Remove', resourceId: 'ServiceRequest/1' };
    const suggested = {
      ...good,
      uuid,
      suggestions: [{ label: 'Remove', uuid, actions: [remove] }],
      selectionBehavior: 'at-most-one',
    };
    expect(validateCard(suggested)).toEqual([]);
    expect(validateCard({ ...suggested, uuid: 'card-1' })).not.toEqual([]);
    const withAction = (action: object) => ({ ...suggested, suggestions: [{ label: 'x', actions: [action] }] });
    expect(validateCard(withAction({ ...remove, resourceId: undefined }))).not.toEqual([]);
    expect(validateCard(withAction({ ...remove, resourceId: '1' }))).not.toEqual([]);
    expect(validateCard(withAction({ type: 'remove', description: 'x', resourceId: 'ServiceRequest/1' }))).not.toEqual(
      [],
    );
    expect(validateCard(withAction({ type: 'create', description: 'x' }))).not.toEqual([]);
    expect(validateCard(withAction({ ...remove, description: undefined }))).not.toEqual([]);
    expect(validateCard({ ...suggested, suggestions: [{ label: 'x', isRecommended: 'yes' }] })).not.toEqual([]);
    expect(validateCard({ ...good, overrideReasons: [{ code: 'x', display: 'X' }] })).toEqual([]);
    expect(validateCard({ ...good, overrideReasons: [{ code: 'x' }] })).not.toEqual([]);
  });

  it('checks a discovery document and a feedback body', () => {
    const entry = {
      hook: 'order-sign',
      id: 'a',
      description: 'd',
      title: 't',
      prefetch: { patient: 'Patient/{{context.patientId}}' },
    };
    expect(validateDiscovery({ services: [entry] })).toEqual([]);
    expect(validateDiscovery({ services: [entry, entry] })).not.toEqual([]);
    expect(validateDiscovery({ services: [{ ...entry, id: undefined }] })).not.toEqual([]);
    expect(validateDiscovery({ services: [{ ...entry, prefetch: { patient: 7 } }] })).not.toEqual([]);
    expect(validateDiscovery({ service: [] })).not.toEqual([]);
    const feedback = { card: 'c', outcome: 'overridden', outcomeTimestamp: '2026-11-24T10:15:00Z' };
    expect(validateFeedbackRequest({ feedback: [feedback] })).toEqual([]);
    expect(validateFeedbackRequest({ feedback: [{ ...feedback, outcome: 'accepted' }] })).not.toEqual([]);
    expect(
      validateFeedbackRequest({
        feedback: [{ ...feedback, outcome: 'accepted', acceptedSuggestions: [], overrideReason: {} }],
      }),
    ).not.toEqual([]);
    expect(
      validateFeedbackRequest({ feedback: [{ ...feedback, overrideReason: { reason: { system: 's' } } }] }),
    ).not.toEqual([]);
  });
});
