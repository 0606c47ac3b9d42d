import { describe, expect, it } from 'vitest';
import { describeValue, truncate } from '../../src/_internal/text.js';

// Short renderings of untrusted values for issue messages: a cut message is still valid text.

const bone = '\u{1F9B4}'; // one character, two UTF-16 code units
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('truncate', () => {
  it('leaves a text of up to max code units as it is', () => {
    expect(truncate('', 5)).toBe('');
    expect(truncate('abcd', 5)).toBe('abcd');
    expect(truncate('abcde', 5)).toBe('abcde');
    expect(truncate(`abc${bone}`, 5)).toBe(`abc${bone}`);
  });

  it('cuts a longer text to exactly max code units, the ellipsis included', () => {
    expect(truncate('abcdef', 5)).toBe('abcd…');
    expect(truncate('abcdef', 5)).toHaveLength(5);
    expect(truncate('x'.repeat(500), 41)).toBe(`${'x'.repeat(40)}…`);
    expect(truncate('ab', 1)).toBe('…');
  });

  it('never keeps half of a surrogate pair at the cut: the pair goes, and the text is one unit shorter', () => {
    // The pair sits at units 3 and 4; the cut after 4 units would split it.
    const cut = truncate(`abc${bone}def`, 5);
    expect(cut).toBe('abc…');
    expect(cut).toHaveLength(4);
    expect(loneSurrogate.test(cut)).toBe(false);
  });

  it('cuts before a high surrogate at either end of its range, U+D800 and U+DBFF', () => {
    // U+10000 is the pair D800 DC00, U+10FFFF the pair DBFF DFFF: each sits at units 3 and 4.
    expect(truncate('abc\u{10000}def', 5)).toBe('abc…');
    expect(truncate('abc\u{10FFFF}def', 5)).toBe('abc…');
  });

  it('keeps a surrogate pair that ends right at the cut', () => {
    expect(truncate(`ab${bone}def`, 5)).toBe(`ab${bone}…`);
    expect(truncate(`${bone}${bone}${bone}`, 5)).toBe(`${bone}${bone}…`);
  });

  it('keeps a pair that starts right after the cut out whole', () => {
    expect(truncate(`abcd${bone}`, 5)).toBe('abcd…');
  });

  it('never splits a pair, whatever the text and the length', () => {
    const text = `a${bone}${bone}b${bone}c${bone}${bone}${bone}dd${bone}`;
    for (let max = 1; max <= text.length + 1; max++) {
      const cut = truncate(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(loneSurrogate.test(cut)).toBe(false);
      if (cut !== text) expect(cut.endsWith('…')).toBe(true);
    }
  });

  it('gives an empty text when not even the ellipsis fits', () => {
    expect(truncate('abc', 0)).toBe('');
  });
});

describe('describeValue', () => {
  it('names null, an array, a number, a boolean and any other type', () => {
    expect(describeValue(null)).toBe('null');
    expect(describeValue([1])).toBe('an array');
    expect(describeValue(42)).toBe('the number 42');
    expect(describeValue(Number.NaN)).toBe('the number NaN');
    expect(describeValue(true)).toBe('the boolean true');
    expect(describeValue(undefined)).toBe('a value of type undefined');
    expect(describeValue({})).toBe('a value of type object');
    expect(describeValue(1n)).toBe('a value of type bigint');
    expect(describeValue(Symbol('x'))).toBe('a value of type symbol');
  });

  it('quotes a string of up to 41 code units in full, and the first 40 and an ellipsis of a longer one', () => {
    const forty = 'y'.repeat(40);
    expect(describeValue('')).toBe('the string ""');
    expect(describeValue(`${forty}z`)).toBe(`the string "${forty}z"`);
    expect(describeValue(`${forty}zz`)).toBe(`the string "${forty}…"`);
    expect(describeValue('say "hi"')).toBe('the string "say \\"hi\\""');
  });

  it('never quotes half of a surrogate pair', () => {
    const described = describeValue(`${'y'.repeat(39)}${bone}tail`);
    expect(described).toBe(`the string "${'y'.repeat(39)}…"`);
    expect(described).not.toContain('\\ud');
  });
});
