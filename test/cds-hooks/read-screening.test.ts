// screeningCards reads the screening it is given as untrusted data: a value that is not a
// consistent result of `screen` gives one warning card asking to screen again, and the optional
// fields of a citation that are not what `screen` gives are left out.
import { describe, expect, it } from 'vitest';
import { screeningCards } from '../../src/cds-hooks/index.js';
import { type Screening, screen } from '../../src/index.js';
import { noProtocolFinding } from '../fixtures/patients.js';

const source = { label: 'acuspine' };
const eligible = (): Screening => screen(noProtocolFinding);
const unreadable = {
  summary: 'Acupuncture screening result could not be read: screen the patient again.',
  indicator: 'warning',
  source,
  detail:
    '**The screening result could not be read**: it is not a consistent result of `screen`. No result is given; screen again.',
};

function cardsOf(value: unknown) {
  return screeningCards(value as never, { source });
}

/** The eligible screening with its first finding (the age rule) changed. */
function withFirstFinding(change: object) {
  const screening = eligible();
  return { ...screening, findings: [{ ...screening.findings[0], ...change }, ...screening.findings.slice(1)] };
}

describe('screeningCards on values that are not a consistent screening', () => {
  it('refuses a screening that is not a plain object', () => {
    for (const value of [null, 'eligible', Object.assign([], eligible()), Object.assign(() => undefined, eligible())]) {
      expect(cardsOf(value)).toEqual([unreadable]);
    }
  });

  it('refuses a status that does not follow from the findings', () => {
    for (const status of ['caution', 'maybe', 5, undefined]) {
      expect(cardsOf({ ...eligible(), status })).toEqual([unreadable]);
    }
  });

  it('refuses facts to record that are not fact names', () => {
    const incomplete = screen({ ageYears: 40 });
    for (const missing of [[''], [5], 'pregnant', undefined]) {
      expect(cardsOf({ ...incomplete, missing })).toEqual([unreadable]);
    }
  });

  it('refuses a rule set without an id and a version', () => {
    const ruleSets = [
      { id: '', version: '1' },
      { id: '  ', version: '1' },
      { id: 'x', version: '' },
      { id: 'x' },
      null,
      Object.assign([], { id: 'x', version: '1' }),
    ];
    for (const ruleSet of ruleSets) expect(cardsOf({ ...eligible(), ruleSet })).toEqual([unreadable]);
  });

  it('refuses findings that are not findings of a rule', () => {
    const finding = eligible().findings[0];
    const bad = [null, Object.assign([], finding), Object.assign(() => undefined, finding)];
    for (const item of bad) expect(cardsOf({ ...eligible(), findings: [item] })).toEqual([unreadable]);
    for (const change of [{ rule: '' }, { rule: ' ' }, { rule: 5 }, { outcome: 5 }, { outcome: 'maybe' }]) {
      expect(cardsOf(withFirstFinding(change))).toEqual([unreadable]);
    }
  });
});

describe('screeningCards on citations', () => {
  /** The line of the age rule on the info card of the eligible screening with this citation. */
  function ageLine(citation: object): string | undefined {
    const [card] = cardsOf(withFirstFinding({ source: citation }));
    return card?.detail?.split('\n').find((line) => line.startsWith('- age: '));
  }

  it('keeps the section, item, note and url that a citation has', () => {
    expect(ageLine({ title: 'T', section: 'S', item: 3, note: 'N', url: 'https://t.example' })).toBe(
      '- age: T, S, item 3 (N) <https://t.example>',
    );
  });

  it('leaves out a blank section, note or url, and an item that is not a whole number', () => {
    expect(ageLine({ title: 'T', section: '', note: ' ', url: '' })).toBe('- age: T');
    expect(ageLine({ title: 'T', section: 5, note: 5, url: ['https://t.example'] })).toBe('- age: T');
    for (const item of ['3', 1.5, null]) expect(ageLine({ title: 'T', item })).toBe('- age: T');
  });
});
