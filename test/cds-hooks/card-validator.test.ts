import { describe, expect, it } from 'vitest';
import { validateCard, validateResponse } from './card-validator.js';

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
});
