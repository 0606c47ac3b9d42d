// Card summaries stay under 140 characters (CDS Hooks 2.0): the items that do not fit are counted,
// and a text that cannot fit even one item is cut with an ellipsis.
import { describe, expect, it } from 'vitest';
import { MAX_SUMMARY_LENGTH, screeningCards } from '../../src/cds-hooks/index.js';
import { extendProtocol, screen } from '../../src/index.js';
import { noProtocolFinding } from '../fixtures/patients.js';

const source = { label: 'acuspine' };
const PREFIX = 'Acupuncture screening incomplete. Record: ';

/** The summary of the incomplete card of a screening that lists these facts to record. */
function incompleteSummary(missing: string[]): string | undefined {
  const screening = { ...screen({ ageYears: 40 }), missing };
  return screeningCards(screening as never, { source })[0]?.summary;
}

/** The summary of the info card of an eligible screening by a rule set with this id. */
function eligibleSummary(id: string): string | undefined {
  const ruleSet = extendProtocol({ id, version: '1', rules: [] });
  return screeningCards(screen(noProtocolFinding, { ruleSet }), { source })[0]?.summary;
}

describe('card summaries', () => {
  it('are at most 139 characters', () => {
    expect(MAX_SUMMARY_LENGTH).toBe(139);
  });

  it('keep a summary of exactly 139 characters whole, and cut one of 140', () => {
    const fits = eligibleSummary('x'.repeat(95));
    expect(fits).toBe(`No acupuncture contraindication found (${'x'.repeat(95)} v1).`);
    expect(fits).toHaveLength(139);
    const cut = eligibleSummary('x'.repeat(96));
    const full = `No acupuncture contraindication found (${'x'.repeat(96)} v1).`;
    expect(cut).toBe(`${full.slice(0, 138)}…`);
    expect(cut).toHaveLength(139);
    const one = 'f'.repeat(96);
    expect(incompleteSummary([one])).toBe(`${PREFIX}${one}.`);
  });

  it('show every item when they fit in exactly 139 characters, and count them from 140', () => {
    const [a, b] = ['a'.repeat(47), 'b'.repeat(47)];
    expect(incompleteSummary([a, b])).toBe(`${PREFIX}${a}, ${b}.`);
    expect(incompleteSummary([a, b])).toHaveLength(139);
    expect(incompleteSummary([a, `${b}b`])).toBe(`${PREFIX}${a} and 1 more.`);
  });

  it('count the items that do not fit in a summary of exactly 139 characters', () => {
    const [a, b] = ['a'.repeat(85), 'b'.repeat(20)];
    expect(incompleteSummary([a, b])).toBe(`${PREFIX}${a} and 1 more.`);
    expect(incompleteSummary([a, b])).toHaveLength(139);
  });

  it('count the items that do not fit, showing as many as fit', () => {
    const [a, b, c] = ['a'.repeat(20), 'b'.repeat(20), 'c'.repeat(100)];
    expect(incompleteSummary([a, b, c])).toBe(`${PREFIX}${a}, ${b} and 1 more.`);
    expect(incompleteSummary([a, c, b, c.replace(/c/g, 'd')])).toBe(`${PREFIX}${a} and 3 more.`);
    const [long1, long2] = ['a'.repeat(80), 'b'.repeat(80)];
    expect(incompleteSummary([long1, long2])).toBe(`${PREFIX}${long1} and 1 more.`);
  });

  it('cut between two characters, never inside one made of a surrogate pair', () => {
    const id = `${'x'.repeat(98)}😀`;
    const cut = eligibleSummary(id);
    expect(cut).toBe(`No acupuncture contraindication found (${'x'.repeat(98)}…`);
    expect(eligibleSummary(`${'x'.repeat(97)}😀`)).toBe(`No acupuncture contraindication found (${'x'.repeat(97)}😀…`);
  });

  it('cut the text with an ellipsis when not even one item fits', () => {
    const [long1, long2] = ['a'.repeat(100), 'b'.repeat(100)];
    expect(incompleteSummary([long1, long2])).toBe(`${`${PREFIX}${long1}`.slice(0, 138)}…`);
  });
});
