// The edges of a rule set's own facts and of referral rules: what defineRuleSet refuses, and
// where; how parsePatientFacts reads options; how a screening with referrals is read back; and
// a getter that throws in a set of more than 26 inputs.
import { describe, expect, it } from 'vitest';
import {
  cautionRuleSet,
  defineRuleSet,
  extendProtocol,
  type PatientFacts,
  parsePatientFacts,
  type RuleSet,
  RuleSetError,
  redFlagRuleSet,
  screen,
} from '../../src/index.js';
import { readScreening } from '../../src/screening/read-screening.js';

const ownRule = {
  id: 'surgery',
  kind: 'absolute',
  when: { type: 'any', facts: ['recentSpinalSurgery'] },
  source: { title: 'Clinic policy' },
} as const;

/** The issues that defineRuleSet throws for a definition. */
function issuesOf(definition: unknown) {
  try {
    defineRuleSet(definition as Parameters<typeof defineRuleSet>[0]);
  } catch (error) {
    expect(error).toBeInstanceOf(RuleSetError);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as RuleSetError).name).toBe('RuleSetError');
    expect(Object.isFrozen((error as RuleSetError).issues)).toBe(true);
    return (error as RuleSetError).issues.map(({ code, path }) => ({ code, path }));
  }
  throw new Error('expected a RuleSetError');
}

const withFacts = (facts: unknown, rules: unknown[] = [ownRule]) => ({ id: 'clinic', version: '1', facts, rules });

describe('defineRuleSet: a set’s own facts', () => {
  it('keeps them frozen, in declaration order, with their labels', () => {
    const set = defineRuleSet(
      withFacts({
        recentSpinalSurgery: { label: { en: 'Surgery', ru: 'Операция' } },
        metalAllergy: { label: { en: 'Metal' } },
      }) as never,
    ) as RuleSet<string, string>;
    expect(Object.keys(set.facts ?? {})).toEqual(['recentSpinalSurgery', 'metalAllergy']);
    expect(set.facts?.recentSpinalSurgery).toEqual({ label: { en: 'Surgery', ru: 'Операция' } });
    expect(Object.isFrozen(set.facts)).toBe(true);
    expect(Object.isFrozen(set.facts?.recentSpinalSurgery?.label)).toBe(true);
  });

  it('gives a set without facts an empty, frozen facts object', () => {
    expect(defineRuleSet({ id: 'x', version: '1', rules: [...cautionRuleSet.rules] }).facts).toEqual({});
  });

  it.each([
    ['facts that are not an object', 'surgery', [{ code: 'invalid-type', path: ['facts'] }]],
    ['facts that are an array', [], [{ code: 'invalid-type', path: ['facts'] }]],
    ['facts that are null', null, [{ code: 'invalid-type', path: ['facts'] }]],
    [
      'a name that clashes with a shipped fact',
      { pregnant: { label: { en: 'P' } } },
      [{ code: 'fact-name-clash', path: ['facts', 'pregnant'] }],
    ],
    [
      'a name with a capital first',
      { Surgery: { label: { en: 'S' } } },
      [{ code: 'invalid-fact-name', path: ['facts', 'Surgery'] }],
    ],
    [
      'a name with a space',
      { 'spinal surgery': { label: { en: 'S' } } },
      [{ code: 'invalid-fact-name', path: ['facts', 'spinal surgery'] }],
    ],
    [
      'a name every object inherits',
      { constructor: { label: { en: 'C' } } },
      [{ code: 'invalid-fact-name', path: ['facts', 'constructor'] }],
    ],
    [
      'a name of 65 characters',
      { [`a${'b'.repeat(64)}`]: { label: { en: 'L' } } },
      [{ code: 'invalid-fact-name', path: ['facts', `a${'b'.repeat(64)}`] }],
    ],
    [
      'a definition without a label',
      { recentSpinalSurgery: {} },
      [{ code: 'invalid-type', path: ['facts', 'recentSpinalSurgery', 'label'] }],
    ],
    [
      'a definition that is null',
      { recentSpinalSurgery: null },
      [{ code: 'invalid-type', path: ['facts', 'recentSpinalSurgery', 'label'] }],
    ],
    [
      'a definition that is undefined',
      { recentSpinalSurgery: undefined },
      [{ code: 'invalid-type', path: ['facts', 'recentSpinalSurgery', 'label'] }],
    ],
    [
      'a label that is null',
      { recentSpinalSurgery: { label: null } },
      [{ code: 'invalid-type', path: ['facts', 'recentSpinalSurgery', 'label'] }],
    ],
    [
      'a label that is text',
      { recentSpinalSurgery: { label: 'Surgery' } },
      [{ code: 'invalid-type', path: ['facts', 'recentSpinalSurgery', 'label'] }],
    ],
    [
      'a label without English',
      { recentSpinalSurgery: { label: { ru: 'Операция' } } },
      [{ code: 'empty-label', path: ['facts', 'recentSpinalSurgery', 'label', 'en'] }],
    ],
    [
      'an empty English label',
      { recentSpinalSurgery: { label: { en: '  ' } } },
      [{ code: 'empty-label', path: ['facts', 'recentSpinalSurgery', 'label', 'en'] }],
    ],
    [
      'an empty label of another locale',
      { recentSpinalSurgery: { label: { en: 'S', ru: '' } } },
      [{ code: 'empty-label', path: ['facts', 'recentSpinalSurgery', 'label', 'ru'] }],
    ],
    [
      'a label that is a number',
      { recentSpinalSurgery: { label: { en: 'S', de: 5 } } },
      [{ code: 'empty-label', path: ['facts', 'recentSpinalSurgery', 'label', 'de'] }],
    ],
  ])('refuses %s, with its path', (_label, facts, expected) => {
    expect(issuesOf(withFacts(facts))).toEqual(expected);
  });

  it('accepts a name of 64 characters, the most a name may have', () => {
    const name = `a${'b'.repeat(63)}`;
    const rule = { ...ownRule, when: { type: 'any', facts: [name] } };
    expect(
      Object.keys(defineRuleSet(withFacts({ [name]: { label: { en: 'L' } } }, [rule]) as never).facts ?? {}),
    ).toEqual([name]);
  });

  it('refuses a fact that is not text, even where the set declares a fact of the name it would read as', () => {
    const rule = { ...ownRule, when: { type: 'any', facts: [null] } };
    expect(issuesOf(withFacts({ null: { label: { en: 'A fact named null' } } }, [rule]))).toEqual([
      { code: 'undeclared-fact', path: ['rules', 0, 'when', 'facts', 0] },
    ]);
  });

  it('words a RuleSetError made without issues', () => {
    expect(new RuleSetError([]).message).toBe('defineRuleSet: the rule set is not valid');
    expect(new RuleSetError([{ code: 'invalid-type', path: [], message: 'one' }]).message).toBe('defineRuleSet: one');
  });

  it.each([
    'constructor',
    'hasOwnProperty',
    'isPrototypeOf',
    'propertyIsEnumerable',
    'toLocaleString',
    'toString',
    'valueOf',
  ])('refuses %s, a name every object inherits, and accepts it with another letter', (name) => {
    expect(issuesOf(withFacts({ [name]: { label: { en: 'L' } } }))).toEqual([
      { code: 'invalid-fact-name', path: ['facts', name] },
    ]);
    const rule = { ...ownRule, when: { type: 'any', facts: [`${name}X`] } };
    expect(() => defineRuleSet(withFacts({ [`${name}X`]: { label: { en: 'L' } } }, [rule]) as never)).not.toThrow();
  });

  it('lists every problem with the facts at once, and names the first in its message', () => {
    const facts = { pregnant: { label: { en: 'P' } }, Bad: { label: { en: 'B' } }, fine: { label: { en: '' } } };
    expect(issuesOf(withFacts(facts))).toEqual([
      { code: 'fact-name-clash', path: ['facts', 'pregnant'] },
      { code: 'invalid-fact-name', path: ['facts', 'Bad'] },
      { code: 'empty-label', path: ['facts', 'fine', 'label', 'en'] },
    ]);
    expect(() => defineRuleSet(withFacts(facts) as never)).toThrow(
      'defineRuleSet: rule set "clinic": the fact "pregnant" is a shipped fact: give yours a name of its own (and 2 more)',
    );
  });

  it('refuses a rule that reads a fact neither shipped nor declared, at the fact’s path', () => {
    expect(issuesOf(withFacts({ metalAllergy: { label: { en: 'M' } } }))).toEqual([
      { code: 'undeclared-fact', path: ['rules', 0, 'when', 'facts', 0] },
    ]);
  });

  it('reads a declared fact like a shipped one: unrecorded, invalid, false and true', () => {
    const set = defineRuleSet(withFacts({ recentSpinalSurgery: { label: { en: 'Surgery' } } }) as never) as RuleSet;
    const status = (value: unknown) => screen({ recentSpinalSurgery: value } as PatientFacts, { ruleSet: set });
    expect(status(undefined).missing).toEqual(['recentSpinalSurgery']);
    expect(status('yes').invalid).toEqual(['recentSpinalSurgery']);
    expect(status(false).status).toBe('eligible');
    expect(status(true).contraindications).toEqual(['surgery']);
    // Never from Object.prototype.
    Object.defineProperty(Object.prototype, 'recentSpinalSurgery', { value: false, configurable: true });
    try {
      expect(screen({}, { ruleSet: set }).status).toBe('incomplete');
    } finally {
      delete (Object.prototype as Record<string, unknown>).recentSpinalSurgery;
    }
  });
});

describe('defineRuleSet: referral rules', () => {
  const flag = {
    id: 'flag',
    kind: 'referral',
    urgency: 'urgent',
    evidence: 'weak',
    when: { type: 'any', facts: ['nightPain'] },
    source: { title: 'T' },
  };
  const set = (rule: unknown) => ({ id: 'x', version: '1', rules: [rule] });

  it('keeps the urgency and the evidence', () => {
    const [rule] = defineRuleSet(set(flag) as never).rules as unknown as readonly Record<string, unknown>[];
    expect(rule).toEqual(flag);
    expect(Object.isFrozen(rule)).toBe(true);
  });

  it.each([
    ['no urgency', { ...flag, urgency: undefined }, 'invalid-urgency', ['rules', 0, 'urgency']],
    ['an unknown urgency', { ...flag, urgency: 'soon' }, 'invalid-urgency', ['rules', 0, 'urgency']],
    ['no evidence', { ...flag, evidence: undefined }, 'invalid-type', ['rules', 0, 'evidence']],
    ['blank evidence', { ...flag, evidence: ' ' }, 'invalid-type', ['rules', 0, 'evidence']],
    [
      'an urgency on an absolute rule',
      { ...flag, kind: 'absolute', evidence: undefined },
      'invalid-kind',
      ['rules', 0, 'urgency'],
    ],
    [
      'evidence on a relative rule',
      { ...flag, kind: 'relative', urgency: undefined },
      'invalid-kind',
      ['rules', 0, 'evidence'],
    ],
    ['an unknown kind', { ...flag, kind: 'refer' }, 'invalid-kind', ['rules', 0, 'kind']],
  ])('refuses a rule with %s', (_label, rule, code, path) => {
    expect(issuesOf(set(rule))).toEqual([{ code, path }]);
  });
});

describe('parsePatientFacts with a rule set', () => {
  const clinic = defineRuleSet(withFacts({ recentSpinalSurgery: { label: { en: 'Surgery' } } }) as never) as RuleSet<
    string,
    string
  >;

  it('reads the set’s own facts, enumerable or not, and names them in the unknown-key message', () => {
    const record = Object.defineProperty({ ageYears: 40 }, 'recentSpinalSurgery', { value: true, enumerable: false });
    expect(parsePatientFacts(record, { ruleSet: clinic })).toEqual({
      ok: true,
      value: { ageYears: 40, recentSpinalSurgery: true },
    });
    const refused = parsePatientFacts({ surgery: true }, { ruleSet: clinic });
    expect(refused.ok ? [] : refused.issues[0]?.message).toBe(
      '"surgery" is not a patient fact, nor a fact of the rule set',
    );
  });

  it('accepts a rule set without facts, and no options', () => {
    expect(parsePatientFacts({ ageYears: 40 }, { ruleSet: cautionRuleSet }).ok).toBe(true);
    const plain = { id: 'plain', version: '1', rules: [...cautionRuleSet.rules] };
    expect(parsePatientFacts({ ageYears: 40 }, { ruleSet: plain }).ok).toBe(true);
    expect(parsePatientFacts({ recentSpinalSurgery: true }, { ruleSet: clinic })).toEqual({
      ok: true,
      value: { recentSpinalSurgery: true },
    });
    expect(parsePatientFacts({ ageYears: 40 }, {}).ok).toBe(true);
  });

  it.each([
    ['options that are null', null, 'parsePatientFacts: options must be an object'],
    ['a rule set that is null', { ruleSet: null }, 'parsePatientFacts: options.ruleSet must be a rule set'],
    [
      'facts that are text',
      { ruleSet: { facts: 'surgery' } },
      'parsePatientFacts: options.ruleSet.facts must be an object of fact definitions keyed by name',
    ],
    [
      'facts that are null',
      { ruleSet: { facts: null } },
      'parsePatientFacts: options.ruleSet.facts must be an object of fact definitions keyed by name',
    ],
  ])('throws a TypeError for %s too', (_label, options, message) => {
    expect(() => parsePatientFacts({}, options as never)).toThrow(new TypeError(message));
  });

  it('reads a getter of a set’s own fact once', () => {
    let reads = 0;
    const counted = Object.defineProperty({}, 'recentSpinalSurgery', {
      get() {
        reads++;
        return false;
      },
      enumerable: true,
    });
    expect(parsePatientFacts(counted, { ruleSet: clinic }).ok).toBe(true);
    expect(reads).toBe(1);
  });

  it.each([
    ['options that are not an object', 'clinic', 'parsePatientFacts: options must be an object'],
    [
      'a rule set that is not an object',
      { ruleSet: 'clinic' },
      'parsePatientFacts: options.ruleSet must be a rule set',
    ],
    [
      'facts that are an array',
      { ruleSet: { facts: [] } },
      'parsePatientFacts: options.ruleSet.facts must be an object of fact definitions keyed by name',
    ],
    [
      'a fact name no set may declare',
      { ruleSet: { facts: { pregnant: {} } } },
      'parsePatientFacts: options.ruleSet.facts declares "pregnant", which is not a name a rule set may declare',
    ],
  ])('throws a TypeError for %s', (_label, options, message) => {
    expect(() => parsePatientFacts({}, options as never)).toThrow(new TypeError(message));
  });
});

describe('readScreening: referrals', () => {
  const withRedFlags = extendProtocol({ id: 'red', version: '1', rules: [...redFlagRuleSet.rules] });
  const referred = () =>
    JSON.parse(
      JSON.stringify(screen({ ageYears: 50, nightPain: true, saddleAnaesthesia: true }, { ruleSet: withRedFlags })),
    ) as Record<string, unknown> & { referrals: Record<string, unknown>[]; findings: Record<string, unknown>[] };
  const refusedAt = (value: unknown) => {
    const result = readScreening(value);
    return result.ok ? undefined : result.issues[0]?.path;
  };

  it('reads back a refer screening as screen returned it', () => {
    const result = readScreening(referred());
    expect(result.ok && result.value.referrals).toEqual([
      { rule: 'cauda-equina-syndrome', urgency: 'emergency' },
      { rule: 'possible-malignancy', urgency: 'routine' },
    ]);
  });

  it('refuses referrals out of order, missing, or with another urgency', () => {
    const swapped = referred();
    swapped.referrals.reverse();
    expect(refusedAt(swapped)).toEqual(['referrals']);
    const missing = referred();
    missing.referrals = [];
    expect(refusedAt(missing)).toEqual(['referrals']);
    const urgency = referred();
    (urgency.referrals[0] as Record<string, unknown>).urgency = 'urgent';
    expect(refusedAt(urgency)).toEqual(['referrals']);
    const notAnEntry = referred();
    notAnEntry.referrals[0] = 'cauda-equina-syndrome' as never;
    expect(refusedAt(notAnEntry)).toEqual(['referrals']);
  });

  it('refuses a referral finding without a known urgency, and an urgency on any other finding', () => {
    const noUrgency = referred();
    const at = noUrgency.findings.findIndex((finding) => finding.kind === 'referral');
    delete noUrgency.findings[at]?.urgency;
    expect(refusedAt(noUrgency)).toEqual(['findings', at, 'urgency']);
    const onAbsolute = referred();
    (onAbsolute.findings[0] as Record<string, unknown>).urgency = 'routine';
    expect(refusedAt(onAbsolute)).toEqual(['findings', 0, 'urgency']);
  });

  it('orders referrals by urgency, not by rule order, and refuses them in rule order', () => {
    const screening = screen({ nightPain: true, cervicalArterialDysfunctionSigns: true }, { ruleSet: withRedFlags });
    const stored = JSON.parse(JSON.stringify(screening)) as Record<string, unknown> & { referrals: unknown[] };
    const read = readScreening(stored);
    expect(read.ok && read.value.referrals).toEqual([
      { rule: 'cervical-arterial-dysfunction', urgency: 'emergency' },
      { rule: 'possible-malignancy', urgency: 'routine' },
    ]);
    stored.referrals.reverse();
    expect(refusedAt(stored)).toEqual(['referrals']);
    const refused = readScreening(stored);
    expect(refused.ok ? undefined : refused.issues[0]).toEqual({
      code: 'invalid-screening',
      path: ['referrals'],
      message:
        'expected the referral rules found present with their urgency, most urgent first, as screen() lists them: [{"rule":"cervical-arterial-dysfunction","urgency":"emergency"},{"rule":"possible-malignancy","urgency":"routine"}]',
    });
  });

  it('refuses referrals that are not a list, a null entry, and an entry naming another rule', () => {
    const notAList = referred();
    notAList.referrals = 'cauda-equina-syndrome' as never;
    expect(refusedAt(notAList)).toEqual(['referrals']);
    const nullEntry = referred();
    nullEntry.referrals[0] = null as never;
    expect(refusedAt(nullEntry)).toEqual(['referrals']);
    const otherRule = referred();
    (otherRule.referrals[0] as Record<string, unknown>).rule = 'history-of-cancer';
    expect(refusedAt(otherRule)).toEqual(['referrals']);
  });

  it('names the field whose getter throws: the referrals, an entry’s rule, a finding’s urgency', () => {
    const throwing = (value: Record<string, unknown>, key: string) =>
      Object.defineProperty(value, key, {
        get() {
          throw new Error('unreadable');
        },
        enumerable: true,
      });
    const list = referred();
    throwing(list, 'referrals');
    expect(refusedAt(list)).toEqual(['referrals']);
    const entry = referred();
    throwing(entry.referrals[0] as Record<string, unknown>, 'rule');
    expect(refusedAt(entry)).toEqual(['referrals', 0, 'rule']);
    const urgency = referred();
    throwing(urgency.referrals[0] as Record<string, unknown>, 'urgency');
    expect(refusedAt(urgency)).toEqual(['referrals', 0, 'urgency']);
    const element = referred();
    throwing(element.referrals as unknown as Record<string, unknown>, '0');
    expect(refusedAt(element)).toEqual(['referrals']);
    const finding = referred();
    const at = finding.findings.findIndex((f) => f.kind === 'referral');
    throwing(finding.findings[at] as Record<string, unknown>, 'urgency');
    expect(refusedAt(finding)).toEqual(['findings', at, 'urgency']);
  });

  it('gives a finding an urgency only when it is a referral’s', () => {
    const read = readScreening(referred());
    if (!read.ok) throw new Error('expected a screening');
    for (const finding of read.value.findings) {
      expect(Object.hasOwn(finding, 'urgency')).toBe(finding.kind === 'referral');
    }
  });

  it('refuses a status other than refer while a referral is present', () => {
    const status = referred();
    status.status = 'incomplete';
    expect(refusedAt(status)).toEqual(['status']);
  });
});

describe('a set of more than 26 inputs', () => {
  const wide = extendProtocol({ id: 'wide', version: '1', rules: [...cautionRuleSet.rules, ...redFlagRuleSet.rules] });

  it('reads a fact whose getter throws as invalid, and every other fact as usual', () => {
    const record = { ageYears: 50, saddleAnaesthesia: false } as Record<string, unknown>;
    Object.defineProperty(record, 'nightPain', {
      get() {
        throw new Error('unreadable');
      },
      enumerable: true,
    });
    const screening = screen(record as PatientFacts, { ruleSet: wide });
    expect(screening.invalid).toEqual(['nightPain']);
    expect(screening.missing).toContain('nightPain');
    expect(screening.missing).not.toContain('saddleAnaesthesia');
  });

  it('reads a throwing getter as invalid while Object.prototype holds a fact too, never reading the prototype', () => {
    const record = { ageYears: 50 } as Record<string, unknown>;
    Object.defineProperty(record, 'nightPain', {
      get() {
        throw new Error('unreadable');
      },
      enumerable: true,
    });
    Object.defineProperty(Object.prototype, 'saddleAnaesthesia', { value: true, configurable: true });
    try {
      const screening = screen(record as PatientFacts, { ruleSet: wide });
      expect(screening.invalid).toEqual(['nightPain']);
      expect(screening.missing).toContain('saddleAnaesthesia');
      expect(screening.status).toBe('incomplete');
    } finally {
      delete (Object.prototype as Record<string, unknown>).saddleAnaesthesia;
    }
  });

  it('gives the same screening for a record screened from inside a getter of another', () => {
    const inner = { ageYears: 30, historyOfCancer: true };
    const outer = { ageYears: 50 } as Record<string, unknown>;
    let nested: unknown;
    Object.defineProperty(outer, 'nightPain', {
      get() {
        nested = screen(inner, { ruleSet: wide });
        return true;
      },
      enumerable: true,
    });
    const screening = screen(outer as PatientFacts, { ruleSet: wide });
    expect(screening.referrals).toEqual([{ rule: 'possible-malignancy', urgency: 'routine' }]);
    expect(nested).toEqual(screen({ ...inner }, { ruleSet: wide }));
  });

  it('screens anything that is not an object as a record with nothing recorded', () => {
    expect(screen(null as never, { ruleSet: wide })).toEqual(screen({}, { ruleSet: wide }));
    for (const value of [null, undefined, 5, 'facts']) {
      const screening = screen(value as never, { ruleSet: wide });
      expect(screening.invalid).toEqual([]);
      expect(screening.missing).toContain('ageYears');
    }
  });

  it('reads only the set’s facts, each once, in the set’s order; and again each once after a throw', () => {
    const facts = [
      ...new Set(
        wide.rules.flatMap((rule): readonly string[] =>
          rule.when.type === 'age-outside' ? ['ageYears'] : rule.when.facts,
        ),
      ),
    ];
    const reads: (string | symbol)[] = [];
    const record = new Proxy({ ageYears: 40 } as Record<string, unknown>, {
      get(target, key) {
        reads.push(key);
        return target[key as string];
      },
    });
    screen(record as PatientFacts, { ruleSet: wide });
    expect(reads).toEqual(facts);

    reads.length = 0;
    const throwing = new Proxy({ ageYears: 40 } as Record<string, unknown>, {
      get(target, key) {
        reads.push(key);
        if (key === 'nightPain') throw new Error('unreadable');
        return target[key as string];
      },
    });
    expect(screen(throwing as PatientFacts, { ruleSet: wide }).invalid).toEqual(['nightPain']);
    const firstPass = facts.slice(0, facts.indexOf('nightPain') + 1);
    expect(reads).toEqual([...firstPass, ...facts]);
  });

  it('never reads a set’s own fact from Object.prototype', () => {
    const withOwnFact = extendProtocol({
      id: 'wide-own',
      version: '1',
      facts: { metalAllergy: { label: { en: 'Metal allergy' } } },
      rules: [
        ...cautionRuleSet.rules,
        ...redFlagRuleSet.rules,
        { ...ownRule, id: 'metal', when: { type: 'any', facts: ['metalAllergy'] } },
      ],
    });
    Object.defineProperty(Object.prototype, 'metalAllergy', { value: true, configurable: true });
    try {
      const screening = screen({ ageYears: 40 } as PatientFacts, { ruleSet: withOwnFact });
      expect(screening.contraindications).not.toContain('metal');
      expect(screening.missing).toContain('metalAllergy');
    } finally {
      delete (Object.prototype as Record<string, unknown>).metalAllergy;
    }
  });

  it('reads an age condition from 0 years as an age', () => {
    const young = extendProtocol({
      id: 'wide-age-from-0',
      version: '1',
      rules: [
        ...cautionRuleSet.rules,
        ...redFlagRuleSet.rules,
        {
          id: 'under-or-over',
          kind: 'relative',
          when: { type: 'age-outside', under: 0, over: 10 },
          source: { title: 'A test' },
        },
      ],
    });
    const outcome = (ageYears: number) =>
      screen({ ageYears }, { ruleSet: young }).findings.find((f) => f.rule === 'under-or-over')?.outcome;
    expect(outcome(50)).toBe('present');
    expect(outcome(5)).toBe('absent');
  });

  it('screens a first record whose every rule is absent as eligible', () => {
    const fresh = extendProtocol({
      id: 'wide-fresh',
      version: '1',
      rules: [...cautionRuleSet.rules, ...redFlagRuleSet.rules],
    });
    const everyFact = Object.fromEntries(
      [...new Set(fresh.rules.flatMap((rule) => (rule.when.type === 'age-outside' ? [] : rule.when.facts)))].map(
        (fact) => [fact, false],
      ),
    );
    const screening = screen({ ...everyFact, ageYears: 40 } as PatientFacts, { ruleSet: fresh });
    expect(screening.status).toBe('eligible');
    expect(screening.findings.every((f) => f.outcome === 'absent')).toBe(true);
  });

  it('gives a finding an urgency only when it is a referral finding', () => {
    // Sets made here, so that their findings are made by this test.
    const narrow = defineRuleSet({ id: 'narrow-fresh', version: '1', rules: [...redFlagRuleSet.rules] });
    const fresh = extendProtocol({
      id: 'wide-fresh-2',
      version: '1',
      rules: [...cautionRuleSet.rules, ...redFlagRuleSet.rules],
    });
    for (const ruleSet of [fresh, narrow]) {
      for (const finding of screen({ ageYears: 40 }, { ruleSet }).findings) {
        expect(Object.hasOwn(finding, 'urgency')).toBe(finding.kind === 'referral');
      }
    }
  });
});
