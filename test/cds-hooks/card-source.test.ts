// The card source of screeningCards' options: what it accepts, what it passes on, and the message
// of each programmer error.
import { describe, expect, it } from 'vitest';
import { screeningCards } from '../../src/cds-hooks/index.js';
import { screen } from '../../src/index.js';
import { noProtocolFinding } from '../fixtures/patients.js';

const eligible = () => screen(noProtocolFinding);

function messageOf(options: unknown): string | undefined {
  try {
    screeningCards(eligible(), options as never);
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    return (error as Error).message;
  }
  return undefined;
}

describe('screeningCards options.source', () => {
  it('must be an object in an options object', () => {
    const message = 'screeningCards: options.source must be an object with a label';
    const withSource = Object.assign(() => undefined, { source: { label: 'x' } });
    for (const options of [undefined, null, 'x', {}, { source: null }, { source: 'x' }, withSource]) {
      expect(messageOf(options)).toBe(message);
    }
  });

  it('needs a label that is a non-empty string', () => {
    for (const label of [undefined, 5, '', '   ']) {
      expect(messageOf({ source: { label } })).toBe('screeningCards: options.source.label must be a non-empty string');
    }
  });

  it('accepts url and icon only as absolute http(s) URLs', () => {
    const bad = ['/about', 'about.html', 'xhttps://clinic.example', 'ftp://clinic.example', 'https://', 'https:///a'];
    bad.push('https://clinic.example/a b', 'https://?q=1', ['https://clinic.example'] as never);
    for (const url of bad) {
      expect(messageOf({ source: { label: 'x', url } })).toBe(
        'screeningCards: options.source.url must be an absolute http(s) URL',
      );
      expect(messageOf({ source: { label: 'x', icon: url } })).toBe(
        'screeningCards: options.source.icon must be an absolute http(s) URL',
      );
    }
    const good = { label: 'x', url: 'http://clinic.example', icon: 'https://c.example/icon.png?size=100' };
    expect(screeningCards(eligible(), { source: good })[0]?.source).toEqual(good);
  });

  it('needs a topic with a code', () => {
    const functionWithCode = Object.assign(() => undefined, { code: 'acu' });
    for (const topic of ['acu', null, {}, { code: '' }, { code: 5 }, functionWithCode]) {
      expect(messageOf({ source: { label: 'x', topic } })).toBe(
        'screeningCards: options.source.topic must have a code',
      );
    }
  });

  it('accepts the system and display of a topic only as non-empty strings', () => {
    for (const key of ['system', 'display']) {
      for (const value of ['', 5, null]) {
        expect(messageOf({ source: { label: 'x', topic: { code: 'acu', [key]: value } } })).toBe(
          `screeningCards: options.source.topic.${key} must be a non-empty string`,
        );
      }
    }
  });

  it('passes on a frozen copy with only the fields of a card source', () => {
    const given = {
      label: 'x',
      url: 'https://clinic.example/about',
      topic: { system: 'https://clinic.example/topics', code: 'acu', display: 'Acupuncture', version: '1' },
      colour: 'blue',
    };
    const [card] = screeningCards(eligible(), { source: given as never });
    expect(card?.source).toEqual({
      label: 'x',
      url: 'https://clinic.example/about',
      topic: { system: 'https://clinic.example/topics', code: 'acu', display: 'Acupuncture' },
    });
    expect(Object.isFrozen(card?.source)).toBe(true);
    expect(Object.isFrozen(card?.source.topic)).toBe(true);
    const [minimal] = screeningCards(eligible(), { source: { label: 'x', topic: { code: 'acu' } } });
    expect(minimal?.source).toEqual({ label: 'x', topic: { code: 'acu' } });
  });
});
