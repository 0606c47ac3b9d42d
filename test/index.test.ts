import { describe, expect, it } from 'vitest';

// The entry points are imported inside the tests, not at the top of the file: a module that
// throws while loading (a rule set that fails its own validation, say) then fails a test here
// instead of only failing to collect the other test files, which the mutation run would miss.
describe('the entry points', () => {
  it("'acuspine' loads and builds its rule sets", async () => {
    const core = await import('../src/index.js');
    expect(core.protocolRuleSet.rules.map((rule) => rule.id)).toEqual([
      'age',
      'oncology',
      'pregnancy',
      'coagulation',
      'acute-infection',
      'acute-mental-state',
    ]);
    expect(core.cautionRuleSet.rules).toHaveLength(6);
  });

  it("'acuspine/fhir' loads", async () => {
    const fhir = await import('../src/fhir/index.js');
    expect(typeof fhir.factsFromFhir).toBe('function');
  });

  it("'acuspine/outcomes' loads", async () => {
    const outcomes = await import('../src/outcomes/index.js');
    expect(typeof outcomes.scoreQuestionnaire).toBe('function');
  });

  it("'acuspine/cds-hooks' loads", async () => {
    const cdsHooks = await import('../src/cds-hooks/index.js');
    expect(typeof cdsHooks.screeningCards).toBe('function');
  });

  it("'acuspine/cds-hooks/server' loads, on Node", async () => {
    const server = await import('../src/cds-hooks/server/index.js');
    expect(typeof server.startCdsServer).toBe('function');
    expect(typeof server.readCdsServerConfig).toBe('function');
  });

  it("'acuspine/locales/ru' loads its locale, and the core holds none but English", async () => {
    const russian = await import('../src/locales/ru/index.js');
    expect(Object.keys(russian)).toEqual(['ru']);
    expect(russian.ru.code).toBe('ru');
    const core = await import('../src/index.js');
    expect(core.en.code).toBe('en');
    expect(Object.keys(core)).not.toContain('messagesRu');
    expect(Object.keys(core)).not.toContain('ru');
  });
});
