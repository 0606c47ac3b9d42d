import { describe, expect, test } from 'vitest';
import { en, messagesEn, PROCEDURE_SOURCE, PROTOCOL_TITLE, protocolRuleSet, regionProfiles } from '../../src/index.js';
import { ru } from '../../src/locales/ru/index.js';
import { catalogs } from './fixtures.js';

const messagesRu = ru.messages;

const placeholders = (message: string): string[] =>
  [...message.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g)].map((match) => match[1] as string).sort();

// Claims of efficacy or prognosis. Word starts, so that "procedure" or "secure" never match "cure".
const CLAIMS_EN =
  /\b(effective\w*|efficac\w*|cure[sd]?\b|curing|curative|safe\w*|guarantee\w*|favou?rabl\w*|prognos\w*|heal\w*|will help|helps? (to )?(treat|relieve)|recover\w*|success\w*|proven)/i;
const CLAIMS_RU = /(эффектив|излеч|вылеч|исцел|безопас|гарант|благоприят|прогноз|поможет|помогает|успешн|доказан)/i;

describe('the shipped catalogs', () => {
  test('English and Russian have exactly the same codes', () => {
    expect(Object.keys(messagesRu).sort()).toEqual(Object.keys(messagesEn).sort());
  });

  test('are frozen, and so are their Locales', () => {
    expect(Object.isFrozen(messagesEn)).toBe(true);
    expect(Object.isFrozen(messagesRu)).toBe(true);
    expect(Object.isFrozen(en)).toBe(true);
    expect(Object.isFrozen(ru)).toBe(true);
  });

  test('each Locale carries its tag and its catalog', () => {
    expect(en).toEqual({ code: 'en', messages: messagesEn });
    expect(ru.code).toBe('ru');
    expect(ru.messages['status.contraindicated.label']).toBe('Противопоказано');
  });

  test.each(catalogs)('%s has no empty message and no stray brace', (_locale, catalog) => {
    for (const [code, message] of Object.entries(catalog)) {
      expect(message.trim(), code).not.toBe('');
      expect(message.replace(/\{[A-Za-z][A-Za-z0-9]*\}/g, ''), code).not.toMatch(/[{}]/);
    }
  });

  test('a Russian message fills the same placeholders as the English one, or their inflected forms', () => {
    // Russian needs a region in the genitive where English uses the plain adjective.
    const inflected = (name: string) => name.replace(/Genitive$/, '');
    for (const code of Object.keys(messagesEn) as (keyof typeof messagesEn)[]) {
      expect(placeholders(messagesRu[code]).map(inflected), code).toEqual(
        placeholders(messagesEn[code]).map(inflected),
      );
    }
  });

  test('no English message claims efficacy or a prognosis', () => {
    const claims = Object.entries(messagesEn).filter(([, message]) => CLAIMS_EN.test(message));
    expect(claims).toEqual([]);
  });

  test('no Russian message claims efficacy or a prognosis', () => {
    const claims = Object.entries(messagesRu).filter(([, message]) => CLAIMS_RU.test(message));
    expect(claims).toEqual([]);
  });

  test('the claim scanners catch the words they are for', () => {
    for (const claim of ['It is safe.', 'An effective method', 'will cure it', 'The prognosis is favourable']) {
      expect(CLAIMS_EN.test(claim), claim).toBe(true);
    }
    for (const claim of ['Метод безопасен', 'метод эффективен', 'прогноз благоприятный', 'гарантирует излечение']) {
      expect(CLAIMS_RU.test(claim), claim).toBe(true);
    }
    expect(CLAIMS_EN.test('treat the procedure site securely')).toBe(false);
  });

  test('the English headings of the protocol are spelled exactly as the citations spell them', () => {
    expect(messagesEn['protocol.title']).toBe(PROTOCOL_TITLE);
    expect(messagesEn['protocol.section.contraindications']).toBe(protocolRuleSet.rules[0]?.source.section);
    expect(messagesEn['protocol.section.essence']).toBe(PROCEDURE_SOURCE.section);
    expect(messagesEn['protocol.section.cervical']).toBe(regionProfiles.cervical.section.section);
    expect(messagesEn['protocol.section.thoracic']).toBe(regionProfiles.thoracic.section.section);
    expect(messagesEn['protocol.section.lumbosacral']).toBe(regionProfiles.lumbosacral.section.section);
  });

  test('the phase titles say what the region profile says, in lower case', () => {
    for (const phase of regionProfiles.lumbosacral.phases) {
      expect(messagesEn[`phase.${phase.id}`]).toBe(phase.title.toLowerCase());
    }
  });
});
