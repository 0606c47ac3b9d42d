import { describe, expect, it } from 'vitest';
import {
  ageRule,
  cautionRuleSet,
  defineRuleSet,
  type PatientFacts,
  PROTOCOL_AGE_BOUNDS,
  PROTOCOL_TITLE,
  protocolRuleSet,
  type Rule,
  type RuleSet,
  RuleSetError,
  ruleFacts,
  type Screening,
  screen,
} from '../../src/index.js';
import { noProtocolFinding } from '../fixtures/patients.js';

const noContraindication = noProtocolFinding;

const noCaution = {
  anticoagulantTherapy: false,
  pacemaker: false,
  electroacupuncturePlanned: false,
  skinLesionAtSite: false,
  needlePhobia: false,
  epilepsy: false,
  pregnant: false,
} as const satisfies PatientFacts;

function outcomeOf(screening: Screening, rule: string) {
  const finding = screening.findings.find((f) => f.rule === rule);
  if (finding === undefined) throw new Error(`no finding for ${rule}`);
  return finding.outcome;
}

/** Checks that a value and everything reachable from it is frozen. */
function expectDeepFrozen(value: unknown, path = 'value'): void {
  if (typeof value !== 'object' || value === null) return;
  expect(Object.isFrozen(value), `${path} is frozen`).toBe(true);
  for (const [key, inner] of Object.entries(value)) expectDeepFrozen(inner, `${path}.${key}`);
}

/** A valid rule to vary in misuse tests. */
const phobia: Rule<'phobia'> = {
  id: 'phobia',
  kind: 'relative',
  when: { type: 'any', facts: ['needlePhobia'] },
  source: { title: 'A reference' },
};

/** Defines a set from untyped input, as a JavaScript caller or a config file could. */
const defineUntyped = (definition: unknown) => defineRuleSet(definition as Parameters<typeof defineRuleSet>[0]);
const withRule = (rule: unknown) => defineUntyped({ id: 'custom', version: '1', rules: [rule] });

describe('protocolRuleSet', () => {
  it('holds the six contraindications of the source protocol, in its order', () => {
    expect(protocolRuleSet.id).toBe('acuspine-protocol');
    expect(protocolRuleSet.version).toBe('1.0.0');
    expect(protocolRuleSet.rules.map((rule) => rule.id)).toEqual([
      'age',
      'oncology',
      'pregnancy',
      'coagulation',
      'acute-infection',
      'acute-mental-state',
    ]);
  });

  it('makes every rule absolute and cites its numbered item of the protocol', () => {
    protocolRuleSet.rules.forEach((rule, index) => {
      expect(rule.kind).toBe('absolute');
      expect(rule.source).toEqual({ title: PROTOCOL_TITLE, section: 'Contraindications', item: index + 1 });
    });
    expect(PROTOCOL_TITLE).toBe('Osteochondrosis and acupuncture');
  });

  it('reads the facts that the README and docs/rule-sets.md list for each contraindication', () => {
    expect(protocolRuleSet.rules.map((rule) => ruleFacts(rule))).toEqual([
      ['ageYears'],
      ['oncologicalDisease'],
      ['pregnant'],
      ['coagulationDisorder'],
      ['acuteInfection'],
      ['acuteMentalIllness', 'psychotropicInfluence'],
    ]);
    expect(protocolRuleSet.rules[0]?.when).toEqual({ type: 'age-outside', under: 3, over: 75 });
    expect(protocolRuleSet.rules[5]?.when.type).toBe('any');
  });

  it('is frozen throughout', () => {
    expectDeepFrozen(protocolRuleSet);
  });
});

describe('cautionRuleSet', () => {
  it('lists the cautions of docs/rule-sets.md, every one relative', () => {
    expect(cautionRuleSet.id).toBe('acuspine-cautions');
    expect(cautionRuleSet.rules.map((rule) => rule.id)).toEqual([
      'anticoagulant-therapy',
      'electroacupuncture-with-implanted-device',
      'skin-lesion-at-site',
      'needle-phobia',
      'epilepsy',
      'pregnancy-point-restrictions',
    ]);
    for (const rule of cautionRuleSet.rules) expect(rule.kind).toBe('relative');
  });

  it('cites the reference of each caution in full, with what it says about the caution', () => {
    const sierpinaFrenkel = 'Sierpina VS, Frenkel MA. Acupuncture: a clinical review. South Med J 2005;98(3):330-7';
    expect(Object.fromEntries(cautionRuleSet.rules.map((rule) => [rule.id, rule.source]))).toEqual({
      'anticoagulant-therapy': {
        title: 'British Acupuncture Council: guidance on acupuncture for patients taking warfarin',
        note: 'superficial needling with fine needles; a systematic review (PMC4315381: 384 anticoagulated patients, 3,974 treatments) found no serious bleeding with appropriate location and depth',
        url: 'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC4315381/',
      },
      'electroacupuncture-with-implanted-device': {
        title: 'British Medical Acupuncture Society: guidance on electroacupuncture (2023); implanted device manuals',
        note: 'a pacemaker or implanted device contraindicates electroacupuncture, not manual needling',
      },
      'skin-lesion-at-site': { title: sierpinaFrenkel, note: 'local skin infection or lesion at the needling site' },
      'needle-phobia': { title: sierpinaFrenkel, note: 'needle phobia or inability to cooperate' },
      epilepsy: {
        title: 'Exclusion criterion of the GERAC trials and of Cherkin et al., Arch Intern Med 2009;169(9):858-66',
      },
      'pregnancy-point-restrictions': {
        title: 'WHO. Guidelines on basic training and safety in acupuncture, 1999',
        section: '2.1',
        note: 'no lumbosacral or lower-abdominal points in the first trimester, and no lumbosacral points later',
      },
    });
  });

  it('cites a reference title for every rule, never the source protocol', () => {
    for (const rule of cautionRuleSet.rules) {
      expect(typeof rule.source.title).toBe('string');
      expect(rule.source.title.length).toBeGreaterThan(10);
      expect(rule.source.title).not.toBe(PROTOCOL_TITLE);
    }
  });

  it('is frozen throughout', () => {
    expectDeepFrozen(cautionRuleSet);
  });

  it('never changes the default screening: cautions apply only when chosen', () => {
    const result = screen({ ...noContraindication, anticoagulantTherapy: true, pacemaker: true, epilepsy: true });
    expect(result.status).toBe('eligible');
    expect(result.cautions).toEqual([]);
  });

  it.each([
    ['anticoagulantTherapy', 'anticoagulant-therapy'],
    ['skinLesionAtSite', 'skin-lesion-at-site'],
    ['needlePhobia', 'needle-phobia'],
    ['epilepsy', 'epilepsy'],
    ['pregnant', 'pregnancy-point-restrictions'],
  ] as const)('%s: true is a caution (%s) when the other cautions are absent', (fact, rule) => {
    const result = screen({ ...noCaution, [fact]: true }, { ruleSet: cautionRuleSet });
    expect(result.status).toBe('caution');
    expect(result.cautions).toEqual([rule]);
    expect(result.contraindications).toEqual([]);
  });

  it('all cautions absent is eligible under the caution set', () => {
    expect(screen(noCaution, { ruleSet: cautionRuleSet }).status).toBe('eligible');
  });
});

describe('electroacupuncture-with-implanted-device', () => {
  const M = undefined;
  it.each([
    [true, true, 'present'],
    [true, false, 'absent'],
    [false, true, 'absent'],
    [false, false, 'absent'],
    [false, M, 'absent'],
    [M, false, 'absent'],
    [true, M, 'unknown'],
    [M, true, 'unknown'],
    [M, M, 'unknown'],
    [true, 'yes', 'unknown'],
    ['yes', false, 'absent'],
  ] as const)('pacemaker %s with electroacupuncturePlanned %s is %s (a Kleene AND)', (pacemaker, planned, outcome) => {
    const facts = { ...noCaution, pacemaker, electroacupuncturePlanned: planned } as PatientFacts;
    const result = screen(facts, { ruleSet: cautionRuleSet });
    expect(outcomeOf(result, 'electroacupuncture-with-implanted-device')).toBe(outcome);
    expect(result.status).toBe(outcome === 'present' ? 'caution' : outcome === 'unknown' ? 'incomplete' : 'eligible');
  });

  it('a pacemaker alone, with manual needling, is not a caution', () => {
    const result = screen(
      { ...noCaution, pacemaker: true, electroacupuncturePlanned: false },
      { ruleSet: cautionRuleSet },
    );
    expect(result.cautions).toEqual([]);
  });

  it('asks only for the plan when the pacemaker is known, and for nothing when the rule is settled', () => {
    const pacemakerOnly = screen(
      { ...noCaution, pacemaker: true, electroacupuncturePlanned: null },
      { ruleSet: cautionRuleSet },
    );
    expect(pacemakerOnly.missing).toEqual(['electroacupuncturePlanned']);
    const noPacemaker = screen(
      { ...noCaution, pacemaker: false, electroacupuncturePlanned: null },
      { ruleSet: cautionRuleSet },
    );
    expect(noPacemaker.missing).toEqual([]);
  });
});

describe('combining the protocol and the cautions', () => {
  const combined = defineRuleSet({
    id: 'both',
    version: '1',
    rules: [...protocolRuleSet.rules, ...cautionRuleSet.rules],
  });
  const allAbsent = { ...noContraindication, ...noCaution };

  it('takes one line and keeps every rule in order', () => {
    expect(combined.rules.map((rule) => rule.id)).toEqual([
      ...protocolRuleSet.rules.map((rule) => rule.id),
      ...cautionRuleSet.rules.map((rule) => rule.id),
    ]);
    expect(screen(allAbsent, { ruleSet: combined }).status).toBe('eligible');
    expect(screen(allAbsent, { ruleSet: combined }).ruleSet).toEqual({ id: 'both', version: '1' });
  });

  it('a present absolute rule beats a present relative rule, and both are listed', () => {
    const result = screen(
      { ...allAbsent, coagulationDisorder: true, anticoagulantTherapy: true },
      { ruleSet: combined },
    );
    expect(result.status).toBe('contraindicated');
    expect(result.contraindications).toEqual(['coagulation']);
    expect(result.cautions).toEqual(['anticoagulant-therapy']);
  });

  it('pregnancy is a contraindication from the protocol and a caution from the WHO at once', () => {
    const result = screen({ ...allAbsent, pregnant: true }, { ruleSet: combined });
    expect(result.status).toBe('contraindicated');
    expect(result.contraindications).toEqual(['pregnancy']);
    expect(result.cautions).toEqual(['pregnancy-point-restrictions']);
  });

  it('an unknown absolute rule beats a present relative rule: incomplete', () => {
    const result = screen({ ...allAbsent, ageYears: null, needlePhobia: true }, { ruleSet: combined });
    expect(result.status).toBe('incomplete');
    expect(result.cautions).toEqual(['needle-phobia']);
    expect(result.missing).toEqual(['ageYears']);
  });

  it('an unknown relative rule with every absolute rule absent is still incomplete, not eligible', () => {
    const result = screen({ ...allAbsent, epilepsy: undefined }, { ruleSet: combined });
    expect(result.status).toBe('incomplete');
    expect(result.missing).toEqual(['epilepsy']);
  });

  it('a present relative rule with everything else absent is a caution', () => {
    const result = screen({ ...allAbsent, skinLesionAtSite: true }, { ruleSet: combined });
    expect(result.status).toBe('caution');
    expect(result.cautions).toEqual(['skin-lesion-at-site']);
  });

  it('an absolute rule can be made relative by a user, and then it only cautions', () => {
    const soften = (rule: Rule): Rule => ({ ...rule, kind: 'relative', source: { ...rule.source, note: 'a caution' } });
    const softened = defineRuleSet({
      id: 'softened',
      version: '1',
      rules: protocolRuleSet.rules.map((rule) => (rule.id === 'age' ? soften(rule) : rule)),
    });
    const result = screen({ ...noContraindication, ageYears: 80 }, { ruleSet: softened });
    expect(result.status).toBe('caution');
    expect(result.cautions).toEqual(['age']);
    expect(result.findings[0]?.kind).toBe('relative');
  });
});

describe('ageRule', () => {
  it('with no options is the protocol age rule, without a note', () => {
    expect(ageRule()).toEqual(protocolRuleSet.rules[0]);
    expect(ageRule({})).toEqual(protocolRuleSet.rules[0]);
    expect(ageRule({ under: 3, over: 75 }).source).not.toHaveProperty('note');
    expect(PROTOCOL_AGE_BOUNDS).toEqual({ under: 3, over: 75 });
  });

  it('records changed bounds in a note on its source, keeping the protocol citation', () => {
    const rule = ageRule({ under: 18, over: 80 });
    expect(rule.id).toBe('age');
    expect(rule.kind).toBe('absolute');
    expect(rule.when).toEqual({ type: 'age-outside', under: 18, over: 80 });
    expect(rule.source).toMatchObject({ title: PROTOCOL_TITLE, section: 'Contraindications', item: 1 });
    expect(rule.source.note).toMatch(/under 18 or over 80/);
    expect(rule.source.note).toMatch(/under 3 or over 75/);
  });

  it('notes a change of one bound only, keeping the default for the other', () => {
    expect(ageRule({ over: 65 }).when).toEqual({ type: 'age-outside', under: 3, over: 65 });
    expect(ageRule({ over: 65 }).source.note).toMatch(/over 65/);
    expect(ageRule({ under: 16 }).when).toEqual({ type: 'age-outside', under: 16, over: 75 });
    expect(ageRule({ under: 16 }).source.note).toBe(
      "the rule set's own bounds, under 16 or over 75 completed years; the protocol's are under 3 or over 75",
    );
  });

  it('adds no note when the bounds are the protocol bounds, given or by default', () => {
    expect(ageRule().source).toEqual({ title: PROTOCOL_TITLE, section: 'Contraindications', item: 1 });
    expect(ageRule({ under: 3, over: 75 }).source).not.toHaveProperty('note');
  });

  it('is frozen throughout', () => {
    expectDeepFrozen(ageRule({ under: 18, over: 80 }));
  });

  it('replaces the protocol age rule in one line, with completed years at both new bounds', () => {
    const adults = defineRuleSet({
      id: 'adults',
      version: '1',
      rules: [ageRule({ under: 18, over: 80 }), ...protocolRuleSet.rules.slice(1)],
    });
    const ageOutcome = (ageYears: number) =>
      outcomeOf(screen({ ...noContraindication, ageYears }, { ruleSet: adults }), 'age');
    expect(ageOutcome(16)).toBe('present');
    expect(ageOutcome(17.99)).toBe('present');
    expect(ageOutcome(18)).toBe('absent');
    expect(ageOutcome(80.99)).toBe('absent');
    expect(ageOutcome(81)).toBe('present');
    expect(screen({ ...noContraindication, ageYears: 16 }, { ruleSet: adults }).contraindications).toEqual(['age']);
  });

  it('accepts equal bounds: only that one year of age is allowed', () => {
    const only40 = defineRuleSet({ id: 'only-40', version: '1', rules: [ageRule({ under: 40, over: 40 })] });
    expect(screen({ ageYears: 39.9 }, { ruleSet: only40 }).status).toBe('contraindicated');
    expect(screen({ ageYears: 40.9 }, { ruleSet: only40 }).status).toBe('eligible');
    expect(screen({ ageYears: 41 }, { ruleSet: only40 }).status).toBe('contraindicated');
  });

  it('accepts under 0: no lower bound', () => {
    const noLower = defineRuleSet({ id: 'no-lower', version: '1', rules: [ageRule({ under: 0 })] });
    expect(screen({ ageYears: 0 }, { ruleSet: noLower }).status).toBe('eligible');
  });

  it.each([
    [{ under: -1 }, /under/],
    [{ under: 2.5 }, /under/],
    [{ under: Number.NaN }, /under/],
    [{ under: Number.POSITIVE_INFINITY }, /under/],
    [{ over: 74.5 }, /over/],
    [{ over: Number.NaN }, /over/],
    [{ over: Number.POSITIVE_INFINITY }, /over/],
    [{ over: 2 }, /over must be whole years >= under \(3\)/],
    [{ under: 10, over: 5 }, /over must be whole years >= under \(10\)/],
  ])('throws a RangeError naming the bad bound for %o', (options, message) => {
    expect(() => ageRule(options)).toThrow(RangeError);
    expect(() => ageRule(options)).toThrow(message);
  });
});

describe('defineRuleSet', () => {
  it.each([
    ['a definition that is not an object', null, /expected \{ id, version, rules \}/],
    ['no definition', undefined, /expected \{ id, version, rules \}/],
    ['a rule set id in place of a definition', 'acuspine-protocol', /expected \{ id, version, rules \}/],
    ['an empty id', { id: '', version: '1', rules: [phobia] }, /id must be a non-empty string/],
    ['an id that is not a string', { id: 7, version: '1', rules: [phobia] }, /id must be a non-empty string/],
    ['an empty version', { id: 'x', version: '', rules: [phobia] }, /rule set "x": version must be a non-empty string/],
    ['a missing version', { id: 'x', rules: [phobia] }, /version must be a non-empty string/],
    ['no rules', { id: 'x', version: '1', rules: [] }, /rule set "x": rules must be a non-empty array/],
    ['rules that are not an array', { id: 'x', version: '1', rules: phobia }, /rules must be a non-empty array/],
    [
      'duplicate rule ids',
      { id: 'x', version: '1', rules: [...protocolRuleSet.rules, protocolRuleSet.rules[2]] },
      /duplicate rule id "pregnancy"/,
    ],
  ])('throws a TypeError for %s', (_label, definition, message) => {
    expect(() => defineUntyped(definition)).toThrow(TypeError);
    expect(() => defineUntyped(definition)).toThrow(message);
  });

  it.each([
    ['a rule that is not an object', 'phobia', /rules\[0\] is not a rule object/],
    ['a rule that is null', null, /rules\[0\] is not a rule object/],
    ['an empty rule id', { ...phobia, id: '' }, /rules\[0\]: id must be a non-empty string/],
    ['a rule id that is not a string', { ...phobia, id: 7 }, /rules\[0\]: id must be a non-empty string/],
    ['a null condition', { ...phobia, when: null }, /\("phobia"\): when must be an object/],
    [
      'a bad kind',
      { ...phobia, kind: 'strict' },
      /\("phobia"\): kind must be 'absolute', 'relative' or 'referral', got strict/,
    ],
    ['a missing condition', { ...phobia, when: undefined }, /\("phobia"\): when must be an object/],
    ['an unknown condition type', { ...phobia, when: { type: 'none', facts: ['pregnant'] } }, /when.type must be/],
    [
      'an unknown fact',
      { ...phobia, when: { type: 'any', facts: ['pregnancy'] } },
      /pregnancy is not a boolean patient fact/,
    ],
    [
      'a fact that is not a string',
      { ...phobia, when: { type: 'any', facts: [1] } },
      /1 is not a boolean patient fact/,
    ],
    [
      'ageYears in an any',
      { ...phobia, when: { type: 'any', facts: ['ageYears'] } },
      /ageYears is not a boolean patient fact/,
    ],
    [
      'ageYears in an all',
      { ...phobia, when: { type: 'all', facts: ['pacemaker', 'ageYears'] } },
      /ageYears is not a boolean patient fact/,
    ],
    ['an empty fact list', { ...phobia, when: { type: 'all', facts: [] } }, /when.facts must be a non-empty array/],
    ['a fact list that is not an array', { ...phobia, when: { type: 'any', facts: 'pregnant' } }, /when.facts must be/],
    [
      'under above over',
      { ...phobia, when: { type: 'age-outside', under: 80, over: 18 } },
      /age bounds must be whole years/,
    ],
    ['a negative under', { ...phobia, when: { type: 'age-outside', under: -1, over: 75 } }, /age bounds/],
    ['a fractional bound', { ...phobia, when: { type: 'age-outside', under: 3, over: 75.5 } }, /age bounds/],
    ['a missing bound', { ...phobia, when: { type: 'age-outside', under: 3 } }, /got under 3, over undefined/],
    ['a missing source', { ...phobia, source: undefined }, /\("phobia"\): source must name a title/],
    ['a null source', { ...phobia, source: null }, /\("phobia"\): source must name a title/],
    ['a source without a title', { ...phobia, source: { section: '2.1' } }, /source must name a title/],
    ['a source with an empty title', { ...phobia, source: { title: '' } }, /source must name a title/],
    ['an empty section', { ...phobia, source: { title: 'T', section: '' } }, /: source.section must be a non-empty/],
    ['a section that is a number', { ...phobia, source: { title: 'T', section: 2 } }, /: source.section must be/],
    ['an empty url', { ...phobia, source: { title: 'T', url: '' } }, /: source.url must be a non-empty string/],
    ['an empty note', { ...phobia, source: { title: 'T', note: '' } }, /: source.note must be a non-empty string/],
    ['a note that is an object', { ...phobia, source: { title: 'T', note: {} } }, /: source.note must be/],
    ['an item of 0', { ...phobia, source: { title: 'T', item: 0 } }, /: source.item must be a whole number from 1/],
    ['a fractional item', { ...phobia, source: { title: 'T', item: 1.5 } }, /: source.item must be a whole number/],
    ['an item that is text', { ...phobia, source: { title: 'T', item: '3' } }, /: source.item must be a whole number/],
  ])('throws a TypeError naming the rule for %s', (_label, rule, message) => {
    expect(() => withRule(rule)).toThrow(TypeError);
    expect(() => withRule(rule)).toThrow(message);
    expect(() => withRule(rule)).toThrow(/rule set "custom", rules\[0\]/);
  });

  it('names the position of the bad rule in the list', () => {
    expect(() =>
      defineUntyped({ id: 'x', version: '1', rules: [phobia, { ...phobia, id: 'other', kind: 1 }] }),
    ).toThrow(/rules\[1\] \("other"\)/);
  });

  it('accepts a set that reads exactly 26 distinct inputs, the most a screening can pack', () => {
    const ageRules = Array.from({ length: 14 }, (_, i) => ({ ...ageRule({ under: i }), id: `age-${i}` }));
    const booleanRules = [...cautionRuleSet.rules, ...protocolRuleSet.rules.slice(1)];
    const widest = defineRuleSet({ id: 'widest', version: '1', rules: [...ageRules, ...booleanRules] });
    expect(screen({ ageYears: 5 }, { ruleSet: widest }).contraindications).toEqual(
      ageRules.slice(6).map((rule) => rule.id),
    );
  });

  it('counts an input once however many rules read it: a fact, or an age with the same bounds', () => {
    const pregnancyRules = Array.from({ length: 40 }, (_, i) => ({
      id: `pregnancy-${i}`,
      kind: 'absolute' as const,
      when: { type: 'any' as const, facts: ['pregnant' as const] },
      source: { title: 'A reference' },
    }));
    const sameAgeRules = Array.from({ length: 40 }, (_, i) => ({ ...ageRule({ under: 18 }), id: `adult-${i}` }));
    const ruleSet = defineRuleSet({ id: 'repetitive', version: '1', rules: [...pregnancyRules, ...sameAgeRules] });
    const screening = screen({ pregnant: true, ageYears: 40 }, { ruleSet });
    expect(screening.contraindications).toEqual(pregnancyRules.map((rule) => rule.id));
    expect(screen({ ageYears: 40 }, { ruleSet }).missing).toEqual(['pregnant']);
  });

  it('returns a deep-frozen copy', () => {
    const ruleSet = defineRuleSet({ id: 'x', version: '1', rules: [{ ...phobia, source: { title: 'T', note: 'n' } }] });
    expectDeepFrozen(ruleSet);
  });

  it('is independent of later changes to its input', () => {
    const when = { type: 'any' as const, facts: ['needlePhobia' as const] };
    const source = { title: 'Original' };
    const rule = { id: 'phobia', kind: 'relative' as const, when, source };
    const rules = [rule];
    const definition = { id: 'mutable', version: '1', rules };
    const ruleSet = defineRuleSet(definition);

    rules.push({ ...rule, id: 'phobia' });
    rule.id = 'renamed';
    (rule as { kind: string }).kind = 'absolute';
    when.facts.push('epilepsy' as never);
    source.title = 'Changed';
    definition.version = '2';

    expect(ruleSet.version).toBe('1');
    expect(ruleSet.rules).toHaveLength(1);
    expect(ruleSet.rules[0]).toEqual({
      id: 'phobia',
      kind: 'relative',
      when: { type: 'any', facts: ['needlePhobia'] },
      source: { title: 'Original' },
    });
    const result = screen({ needlePhobia: false, epilepsy: true }, { ruleSet });
    expect(result.status).toBe('eligible');
  });

  it('keeps the optional parts of a source', () => {
    const source = { title: 'T', section: 'S', item: 3, url: 'https://example.org', note: 'n' };
    expect(defineRuleSet({ id: 'x', version: '1', rules: [{ ...phobia, source }] }).rules[0]?.source).toEqual(source);
  });

  describe('a rule that cites an item of the protocol’s contraindications with no note', () => {
    const cited = (item: number): Rule['source'] => ({ title: PROTOCOL_TITLE, section: 'Contraindications', item });
    const ruleCiting = (item: number, change: Partial<Rule>) => ({
      ...phobia,
      kind: 'absolute',
      source: cited(item),
      ...change,
    });
    const refusal = (item: number) =>
      `defineRuleSet: rule set "custom", rules[0] ("phobia"): its source cites the protocol's contraindication item ${item} with no note, but the rule is not that item's rule: say in source.note how it differs`;

    it('is accepted when it is that item’s rule, under any id', () => {
      protocolRuleSet.rules.forEach((rule, index) => {
        expect(withRule({ ...rule, id: 'phobia' }).rules[0]?.source).toEqual(cited(index + 1));
      });
      const reordered = { type: 'any', facts: ['psychotropicInfluence', 'acuteMentalIllness'] } as const;
      expect(withRule(ruleCiting(6, { when: reordered })).rules[0]?.when).toEqual(reordered);
    });

    it.each([
      ['a relative kind', 3, { kind: 'relative', when: { type: 'any', facts: ['pregnant'] } }],
      ['another fact', 3, { when: { type: 'any', facts: ['epilepsy'] } }],
      ['an all in place of the any', 3, { when: { type: 'all', facts: ['pregnant'] } }],
      ['a fact more', 3, { when: { type: 'any', facts: ['pregnant', 'epilepsy'] } }],
      ['a fact fewer', 6, { when: { type: 'any', facts: ['acuteMentalIllness'] } }],
      [
        'a fact twice in place of two',
        6,
        { when: { type: 'any', facts: ['acuteMentalIllness', 'acuteMentalIllness'] } },
      ],
      ['a fact in place of an age', 1, { when: { type: 'any', facts: ['pregnant'] } }],
      ['an age in place of a fact', 2, { when: { type: 'age-outside', under: 3, over: 75 } }],
      ['another lower age bound', 1, { when: { type: 'age-outside', under: 18, over: 75 } }],
      ['another upper age bound', 1, { when: { type: 'age-outside', under: 3, over: 80 } }],
      ['an item the list does not have', 7, { when: { type: 'any', facts: ['pregnant'] } }],
    ])('is refused when it differs from that rule by %s', (_label, item, change) => {
      expect(() => withRule(ruleCiting(item, change as Partial<Rule>))).toThrow(RuleSetError);
      expect(() => withRule(ruleCiting(item, change as Partial<Rule>))).toThrow(refusal(item));
    });

    it('is accepted with a note, which says how the rule differs', () => {
      const source = { ...cited(1), note: 'the clinic’s own bounds' };
      const adapted = ruleCiting(1, { when: { type: 'age-outside', under: 18, over: 80 }, source });
      expect(withRule(adapted).rules[0]?.source).toEqual(source);
    });

    it('is any rule when the citation names another document or section, or no item', () => {
      const differs = { when: { type: 'any', facts: ['epilepsy'] } } as const;
      for (const source of [
        { title: 'Clinic policy', section: 'Contraindications', item: 3 },
        { title: PROTOCOL_TITLE, section: 'Local practice', item: 3 },
        { title: PROTOCOL_TITLE, section: 'Contraindications' },
      ]) {
        expect(withRule(ruleCiting(3, { ...differs, source })).rules[0]?.source).toEqual(source);
      }
    });
  });

  it('accepts item 1, the first item of a numbered section', () => {
    const source = { title: 'T', section: 'S', item: 1 };
    expect(defineRuleSet({ id: 'x', version: '1', rules: [{ ...phobia, source }] }).rules[0]?.source).toEqual(source);
  });
});

describe('screen with a plain-object rule set', () => {
  it('works without defineRuleSet, and gives the same result on every use', () => {
    const plain: RuleSet<'phobia'> = { id: 'plain', version: '0.1', rules: [phobia] };
    const first = screen({ needlePhobia: true }, { ruleSet: plain });
    expect(first.status).toBe('caution');
    expect(first.cautions).toEqual(['phobia']);
    expect(first.ruleSet).toEqual({ id: 'plain', version: '0.1' });
    expect(screen({ needlePhobia: true }, { ruleSet: plain })).toEqual(first);
    expect(screen({ needlePhobia: false }, { ruleSet: plain }).status).toBe('eligible');
  });

  it('reads a plain-object rule set afresh on each call, so a later change is never screened with stale rules', () => {
    const plain = { id: 'plain', version: '0.1', rules: [phobia] as Rule<'phobia'>[] };
    expect(screen({ needlePhobia: true }, { ruleSet: plain }).status).toBe('caution');
    plain.version = '0.2';
    plain.rules = [{ ...phobia, kind: 'absolute' }];
    const after = screen({ needlePhobia: true }, { ruleSet: plain });
    expect(after.status).toBe('contraindicated');
    expect(after.ruleSet).toEqual({ id: 'plain', version: '0.2' });
  });

  it.each([
    ['an empty id', { id: '', version: '1', rules: [phobia] }],
    ['no rules', { id: 'x', version: '1', rules: [] }],
    ['duplicate rule ids', { id: 'x', version: '1', rules: [phobia, phobia] }],
    ['an unknown fact', { id: 'x', version: '1', rules: [{ ...phobia, when: { type: 'any', facts: ['pregnancy'] } }] }],
    ['a number', 42],
  ])('throws a TypeError when the rule set is invalid: %s', (_label, ruleSet) => {
    expect(() => screen({}, { ruleSet: ruleSet as RuleSet })).toThrow(TypeError);
  });
});
