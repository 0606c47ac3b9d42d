// The less travelled paths of the cards and the service: odd sources, inconsistent screenings,
// long names, malformed requests.
import { describe, expect, it } from 'vitest';
import { cdsService, screeningCards } from '../../src/cds-hooks/index.js';
import { cautionRuleSet, defineRuleSet, protocolRuleSet, screen } from '../../src/index.js';
import { condition, ON, patient } from '../fhir/fixtures/builders.js';
import { noProtocolFinding } from '../fixtures/patients.js';
import { validateCard, validateResponse } from './card-validator.js';
import { fullPrefetch, PROTOCOL_CODED_FACTS } from './fixtures.js';

const source = { label: 'acuspine' };
const eligible = screen(noProtocolFinding);
const incomplete = screen({ ageYears: 40 });

describe('screeningCards sources', () => {
  it('checks every field of the source, and passes a topic with system and display', () => {
    expect(() => screeningCards(eligible, null as never)).toThrow(TypeError);
    expect(() => screeningCards(eligible, { source: { label: 'x', icon: 'icon.png' } })).toThrow(/icon/);
    expect(() => screeningCards(eligible, { source: { label: 'x', topic: 'acu' as never } })).toThrow(/topic/);
    expect(() => screeningCards(eligible, { source: { label: 'x', topic: { code: 'a', system: '' } } })).toThrow(
      /system/,
    );
    const topic = { system: 'https://clinic.example/topics', code: 'acu', display: 'Acupuncture' };
    const [card] = screeningCards(eligible, { source: { label: 'x', topic } });
    expect(card?.source.topic).toEqual(topic);
  });
});

describe('screeningCards on inconsistent values', () => {
  it('gives one warning card for each way a screening can be wrong', () => {
    const finding = eligible.findings[0];
    const variants = [
      { ...eligible, missing: [1] },
      { ...eligible, ruleSet: { id: 'x' } },
      { ...eligible, findings: [null] },
      { ...eligible, findings: [{ ...finding, outcome: 'maybe' }] },
      { ...eligible, findings: [{ ...finding, kind: 'strong' }] },
      { ...eligible, findings: [{ ...finding, source: { title: '' } }] },
      { ...incomplete, missing: [] },
      // A sparse array: its hole is no fact name (found by npm run fuzz).
      // biome-ignore lint/suspicious/noSparseArray: the hole is the point of this case
      { ...incomplete, missing: [, 'pregnant'] },
      {
        get status(): string {
          throw new Error('unreadable');
        },
      },
    ];
    for (const variant of variants) {
      const cards = screeningCards(variant as never, { source });
      expect(cards.map((card) => card.indicator)).toEqual(['warning']);
      expect(cards[0]?.summary).toMatch(/could not be read/);
    }
  });

  it('names facts and rules it does not know by their ids, and escapes markdown in them', () => {
    const odd = { ...incomplete, missing: ['mysteryFact'] };
    expect(screeningCards(odd as never, { source })[0]?.detail).toContain('- mysteryFact');
    const custom = defineRuleSet({
      id: 'clinic*rules',
      version: '2_0',
      rules: [
        {
          id: 'no-needles',
          kind: 'absolute',
          when: { type: 'any', facts: ['needlePhobia'] },
          source: { title: 'Clinic [rule]', section: 'A', url: 'https://clinic.example/rules' },
        },
      ],
    });
    const [card] = screeningCards(screen({ needlePhobia: true }, { ruleSet: custom }), { source });
    expect(card?.summary).toBe('Acupuncture contraindicated: no-needles. Refer for another method of treatment.');
    expect(card?.detail).toContain('rule set clinic\\*rules v2\\_0');
    expect(card?.detail).toContain('Clinic \\[rule\\], A <https://clinic.example/rules>');
  });

  it('cuts a summary that cannot fit even one item', () => {
    const custom = defineRuleSet({
      id: 'x'.repeat(150),
      version: '1',
      rules: [{ id: 'r', kind: 'absolute', when: { type: 'any', facts: ['epilepsy'] }, source: { title: 'T' } }],
    });
    const [card] = screeningCards(screen({ epilepsy: false }, { ruleSet: custom }), { source });
    expect(card?.summary.length).toBe(139);
    expect(card?.summary.endsWith('…')).toBe(true);
    expect(validateCard(card)).toEqual([]);
  });
});

describe('cdsService edge cases', () => {
  const request = (prefetch: object, extra: object = {}) => ({
    hook: 'patient-view',
    hookInstance: 'i',
    context: { userId: 'Practitioner/1', patientId: 'p1' },
    prefetch,
    ...extra,
  });
  const full = fullPrefetch();

  it('refuses malformed calls and requests with paths', () => {
    const service = cdsService({ source });
    const issuesOf = (body: unknown, call: unknown = { on: ON }) => {
      const result = service.handle(body, call as never);
      return result.ok ? [] : result.issues.map((found) => found.path);
    };
    expect(issuesOf(request(full), null)).toEqual([['options', 'on']]);
    expect(issuesOf(request(full), { on: ON, serviceId: 'nope' })).toEqual([[]]);
    expect(issuesOf(request(full, { fhirServer: 7 }))).toEqual([['fhirServer']]);
    expect(issuesOf(request(full, { context: 'p1' }))).toEqual([['context']]);
    expect(issuesOf(request(full, { context: { patientId: 'p1', userId: 3 } }))).toEqual([['context', 'userId']]);
    expect(issuesOf(request({ ...full, patient: { resourceType: 'Practitioner', id: 'p1' } }))).toEqual([
      ['prefetch', 'patient', 'resourceType'],
    ]);
  });

  it('uses the age bounds of its rule set, or the protocol bounds when the set has no age rule', () => {
    const noAge = cdsService({ source, ruleSet: cautionRuleSet });
    const response = noAge.handle(request({ ...full, patient: patient('1950') }), { on: '2026-06-01' });
    expect(response.ok).toBe(true);
    const adults = defineRuleSet({
      id: 'protocol-and-cautions',
      version: '1',
      rules: [...protocolRuleSet.rules, ...cautionRuleSet.rules],
    });
    const withCautions = cdsService({ source, ruleSet: adults });
    const cards = withCautions.handle(request(full), { on: ON });
    expect(cards.ok && validateResponse(cards.value)).toEqual([]);
  });

  it('checks clinic code lists at start-up, and uses them', () => {
    expect(() => cdsService({ source, extraCodes: [{ id: '' } as never] })).toThrow(TypeError);
    const clinic = cdsService({
      source,
      extraCodes: [
        {
          id: 'clinic',
          title: 'Clinic oncology',
          kind: 'counts',
          fact: 'oncologicalDisease',
          systems: ['urn:clinic'],
          codes: ['ONC'],
          source: { title: 'Clinic book' },
        },
      ],
    });
    const result = clinic.handle(
      request({
        ...full,
        conditions: { resourceType: 'Bundle', entry: [{ resource: condition('c', 'urn:clinic', 'ONC') }] },
      }),
      { on: ON },
    );
    expect(result.ok && result.value.cards[0]?.indicator).toBe('critical');
  });

  it('lists at most ten lines of notes on the incomplete card, and counts the rest in the singular or the plural', () => {
    const facts = PROTOCOL_CODED_FACTS;
    // Per fact, a clinic list that does not settle it and one that counts it: with a provisional
    // condition of the second, each fact has two kinds of note, twelve lines in all.
    const extraCodes = facts.flatMap((fact, i) => [
      {
        id: `u${i}`,
        title: `Unsettled ${i}`,
        kind: 'uncertain' as const,
        fact,
        systems: ['urn:clinic'],
        codes: [`U${i}`],
        source: { title: 'Clinic book' },
      },
      {
        id: `c${i}`,
        title: `Counted ${i}`,
        kind: 'counts' as const,
        fact,
        systems: ['urn:clinic'],
        codes: [`C${i}`],
        source: { title: 'Clinic book' },
      },
    ]);
    const conditions = (count: number) =>
      facts
        .flatMap((_, i) => [
          condition(`u${i}`, 'urn:clinic', `U${i}`, { onset: '2026-01-01' }),
          condition(`c${i}`, 'urn:clinic', `C${i}`, { onset: '2026-01-01', verification: 'provisional' }),
        ])
        .slice(0, count);
    const detailOf = (count: number) => {
      const result = cdsService({ source, extraCodes }).handle(
        request({
          ...full,
          conditions: { resourceType: 'Bundle', entry: conditions(count).map((resource) => ({ resource })) },
        }),
        { on: ON },
      );
      if (!result.ok) throw new Error('unexpected issues');
      return result.value.cards[0]?.detail ?? '';
    };
    const noteLines = (detail: string) =>
      detail
        .split('\n')
        .filter(
          (line) =>
            /^- (oncolog|pregnan|blood|acute|influence)\w*[^:]*: (Condition|and )/.test(line) ||
            line.startsWith('- and '),
        );
    expect(noteLines(detailOf(10))).toHaveLength(10);
    expect(detailOf(11)).toContain('\n- and 1 more note\n');
    // Ten lines, then the count of the rest.
    expect(noteLines(detailOf(11))).toHaveLength(11);
    expect(noteLines(detailOf(12)).at(-1)).toBe('- and 2 more notes');
    expect(detailOf(12)).toContain('\n- and 2 more notes\n');
  });
});

describe('cdsService with unreadable data', () => {
  it('answers an error, never throws, when a request or a prefetched resource cannot be read', () => {
    const service = cdsService({ source });
    const hostile = {
      hook: 'patient-view',
      hookInstance: 'i',
      get context(): object {
        throw new Error('no');
      },
    };
    expect(service.handle(hostile, { on: ON })).toMatchObject({ ok: false, issues: [{ code: 'unreadable' }] });
    const patientWithTrap = {
      resourceType: 'Patient',
      id: 'p1',
      get birthDate(): string {
        throw new Error('no');
      },
    };
    const request = {
      hook: 'patient-view',
      hookInstance: 'i',
      context: { patientId: 'p1' },
      prefetch: { patient: patientWithTrap },
    };
    expect(service.handle(request, { on: ON })).toMatchObject({
      ok: false,
      issues: [{ code: 'unreadable', path: [] }],
    });
  });
});
