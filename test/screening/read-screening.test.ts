// A screening read back from untrusted data (a JSON body, a stored record) before a course is
// planned, cards are drawn or words are written from it: it must be what `screen` returns, with a
// status that follows from its findings, or it is refused with one issue that says why.
import { describe, expect, it } from 'vitest';
import {
  cautionRuleSet,
  defineRuleSet,
  type PatientFacts,
  protocolRuleSet,
  type Screening,
  screen,
} from '../../src/index.js';
import { readScreening } from '../../src/screening/read-screening.js';
import { noProtocolFinding } from '../fixtures/patients.js';

const both = () =>
  defineRuleSet({ id: 'both', version: '1', rules: [...protocolRuleSet.rules, ...cautionRuleSet.rules] });

/** The screening after a JSON round trip, as a stored screening comes back. */
const stored = (screening: Screening): Record<string, unknown> => JSON.parse(JSON.stringify(screening));

/** The one issue of a refused value. */
function refusal(value: unknown) {
  const result = readScreening(value);
  if (result.ok) throw new Error('expected a refusal, got a screening');
  expect(result.issues).toHaveLength(1);
  return result.issues[0];
}

function accepted(value: unknown): Screening {
  const result = readScreening(value);
  if (!result.ok) throw new Error(`expected a screening, got ${JSON.stringify(result.issues)}`);
  return result.value;
}

/** Every screening of the protocol and the cautions in each status, and with invalid facts. */
function everyKind(): Screening[] {
  const ruleSet = both();
  const noCaution = {
    ...noProtocolFinding,
    anticoagulantTherapy: false,
    pacemaker: false,
    electroacupuncturePlanned: false,
    skinLesionAtSite: false,
    needlePhobia: false,
    epilepsy: false,
  };
  const records: unknown[] = [
    noCaution,
    { ...noCaution, epilepsy: true, needlePhobia: true },
    { ...noCaution, pregnant: true, ageYears: 80 },
    { ageYears: 40 },
    { ...noCaution, pacemaker: 'yes' },
    { ...noCaution, pregnant: true, epilepsy: 'no' },
  ];
  return [
    ...records.map((facts) => screen(facts as PatientFacts, { ruleSet })),
    screen({}),
    screen(noCaution, { ruleSet: cautionRuleSet }),
  ];
}

describe('readScreening: what screen returns', () => {
  it('reads every screening that screen returns, and its JSON round trip, as an equal frozen screening', () => {
    const screenings = everyKind();
    expect(screenings.map((screening) => screening.status)).toEqual([
      'eligible',
      'caution',
      'contraindicated',
      'incomplete',
      'eligible',
      'contraindicated',
      'incomplete',
      'eligible',
    ]);
    for (const screening of screenings) {
      for (const value of [screening, stored(screening)]) {
        const read = accepted(value);
        expect(read).toEqual(screening);
        expect(Object.isFrozen(read)).toBe(true);
        for (const part of Object.values(read)) if (typeof part === 'object') expect(Object.isFrozen(part)).toBe(true);
        for (const finding of read.findings) {
          expect(Object.isFrozen(finding)).toBe(true);
          expect(Object.isFrozen(finding.source)).toBe(true);
        }
      }
    }
  });

  it('returns a copy that later changes to the value do not reach', () => {
    const value = stored(screen({ ageYears: 40 }));
    const read = accepted(value);
    (value.missing as string[]).push('epilepsy');
    (value.findings as { rule: string }[])[0]!.rule = 'changed';
    (value.ruleSet as { id: string }).id = 'changed';
    expect(read).toEqual(screen({ ageYears: 40 }));
  });

  it('keeps the parts of a citation that are text or a whole number, and leaves the others out', () => {
    const value = stored(screen({ epilepsy: true }, { ruleSet: cautionRuleSet }));
    const findings = value.findings as { source: unknown }[];
    findings[0]!.source = { title: 'T', section: 'S', item: 2, url: 'https://t.example', note: 'N', extra: 1 };
    findings[1]!.source = { title: 'T', section: ' ', item: 1.5, url: 5, note: '' };
    findings[2]!.source = { title: 'T', section: 5, item: '2', note: null };
    const read = accepted(value);
    expect(read.findings.slice(0, 3).map((finding) => finding.source)).toEqual([
      { title: 'T', section: 'S', item: 2, url: 'https://t.example', note: 'N' },
      { title: 'T' },
      { title: 'T' },
    ]);
  });

  it('reads only the screening’s own fields, never inherited ones', () => {
    const { uncheckedProtocolRules: _unchecked, ...rest } = stored(screen(noProtocolFinding));
    const inherited = Object.assign(Object.create({ uncheckedProtocolRules: [] }), rest);
    expect(refusal(inherited)).toMatchObject({ code: 'invalid-screening', path: ['uncheckedProtocolRules'] });
  });
});

describe('readScreening: values that are not a screening', () => {
  it.each([
    ['null', null, 'null'],
    ['undefined', undefined, 'a value of type undefined'],
    ['a string', 'eligible', 'the string "eligible"'],
    ['a list', [], 'an array'],
    ['a function', () => undefined, 'a value of type function'],
  ])('refuses %s: invalid-type', (_label, value, described) => {
    expect(refusal(value)).toEqual({
      code: 'invalid-type',
      path: [],
      message: `expected a screening from screen(), got ${described}`,
    });
  });

  it('refuses a revoked proxy, and a getter that throws, as unreadable at the field read', () => {
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    expect(refusal(revocable.proxy)).toEqual({
      code: 'unreadable',
      path: [],
      message: 'the screening could not be read',
    });
    const throwing = Object.defineProperty(stored(screen(noProtocolFinding)), 'status', {
      get() {
        throw new Error('boom');
      },
    });
    expect(refusal(throwing)).toEqual({
      code: 'unreadable',
      path: ['status'],
      message: 'the value of "status" could not be read',
    });
    const findings = stored(screen(noProtocolFinding)).findings as object[];
    Object.defineProperty(findings[2], 'outcome', {
      get() {
        throw new Error('boom');
      },
    });
    expect(refusal({ ...stored(screen(noProtocolFinding)), findings })).toMatchObject({
      code: 'unreadable',
      path: ['findings', 2, 'outcome'],
    });
  });

  it.each([
    [['ruleSet', 'id']],
    [['ruleSet', 'version']],
    [['findings', 1, 'rule']],
    [['findings', 1, 'kind']],
    [['findings', 1, 'source']],
    [['findings', 1, 'source', 'title']],
    [['findings', 1, 'source', 'section']],
    [['findings', 1, 'source', 'item']],
    [['findings', 1, 'source', 'url']],
    [['findings', 1, 'source', 'note']],
  ])('refuses a getter that throws at %j, as unreadable there', (path) => {
    const value = stored(screen(noProtocolFinding));
    let parent: Record<string | number, unknown> = value;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const key = path.at(-1) as string;
    Object.defineProperty(parent, key, {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(refusal(value)).toEqual({ code: 'unreadable', path, message: `the value of "${key}" could not be read` });
  });

  it.each(['findings', 'contraindications', 'cautions', 'missing', 'invalid', 'uncheckedProtocolRules'])(
    'refuses a list of %s that cannot be read, as unreadable at that list',
    (key) => {
      const revocable = Proxy.revocable([], {});
      revocable.revoke();
      expect(refusal({ ...stored(screen(noProtocolFinding)), [key]: revocable.proxy })).toEqual({
        code: 'unreadable',
        path: [key],
        message: 'the list could not be read',
      });
    },
  );

  it('refuses a list that cannot be read, as unreadable at that list', () => {
    const revocable = Proxy.revocable([], {});
    revocable.revoke();
    expect(refusal({ ...stored(screen({ ageYears: 40 })), missing: revocable.proxy })).toEqual({
      code: 'unreadable',
      path: ['missing'],
      message: 'the list could not be read',
    });
  });
});

describe('readScreening: a screening whose parts are not as screen returns them', () => {
  const eligible = () => stored(screen(noProtocolFinding));
  const incomplete = () => stored(screen({ ageYears: 40 }));
  const RULE_SET = 'expected the rule set { id, version } that screen() records';

  it.each([
    ['no rule set', undefined],
    ['a rule set that is text', 'acuspine-protocol'],
    ['a rule set that is a list', Object.assign([], { id: 'x', version: '1' })],
    ['an empty id', { id: '', version: '1' }],
    ['a blank id', { id: ' ', version: '1' }],
    ['an id that is a number', { id: 1, version: '1' }],
    ['an empty version', { id: 'x', version: '' }],
    ['a blank version', { id: 'x', version: '  ' }],
    ['no version', { id: 'x' }],
  ])('refuses %s', (_label, ruleSet) => {
    expect(refusal({ ...eligible(), ruleSet })).toEqual({
      code: 'invalid-screening',
      path: ['ruleSet'],
      message: RULE_SET,
    });
  });

  it.each([
    ['no findings', undefined],
    ['findings that are text', 'none'],
    ['an empty list of findings', []],
  ])('refuses %s', (_label, findings) => {
    expect(refusal({ ...eligible(), findings })).toEqual({
      code: 'invalid-screening',
      path: ['findings'],
      message: 'expected the findings of screen(), one for each rule, at least one',
    });
  });

  /** The eligible screening with its finding at `index` changed. */
  const withFinding = (index: number, change: object | null) => {
    const value = eligible();
    const findings = value.findings as object[];
    findings[index] = change === null || Array.isArray(change) ? (change as never) : { ...findings[index], ...change };
    return value;
  };

  it.each([
    ['null', null, []],
    ['a list', Object.assign([], { rule: 'age' }), []],
    ['a rule that is empty', { rule: '' }, ['rule']],
    ['a rule that is blank', { rule: ' ' }, ['rule']],
    ['a rule that is a number', { rule: 5 }, ['rule']],
    ['an unknown outcome', { outcome: 'maybe' }, ['outcome']],
    ['an unknown kind', { kind: 'soft' }, ['kind']],
    ['a source that is text', { source: 'protocol' }, ['source']],
    ['a source without a title', { source: { section: 'S' } }, ['source']],
    ['a source with a blank title', { source: { title: ' ' } }, ['source']],
  ])('refuses a finding that is %s', (_label, change, path) => {
    expect(refusal(withFinding(3, change))).toEqual({
      code: 'invalid-screening',
      path: ['findings', 3, ...path],
      message: 'expected a finding { rule, outcome, kind, source } as screen() returns it',
    });
  });

  it('accepts each outcome and each kind of a finding, and refuses their neighbours', () => {
    for (const outcome of ['present', 'absent', 'unknown']) {
      for (const kind of ['absolute', 'relative']) {
        const value = {
          ...stored(screen({}, { ruleSet: cautionRuleSet })),
          findings: [{ rule: 'r', outcome, kind, source: { title: 'T' } }],
          status:
            outcome === 'unknown'
              ? 'incomplete'
              : outcome === 'absent'
                ? 'eligible'
                : kind === 'absolute'
                  ? 'contraindicated'
                  : 'caution',
          contraindications: outcome === 'present' && kind === 'absolute' ? ['r'] : [],
          cautions: outcome === 'present' && kind === 'relative' ? ['r'] : [],
          missing: outcome === 'unknown' ? ['epilepsy'] : [],
          invalid: [],
        };
        expect(accepted(value).findings[0]).toEqual({ rule: 'r', outcome, kind, source: { title: 'T' } });
      }
    }
  });

  it('refuses contraindications or cautions that are not the ids of the rules found present, in order', () => {
    const screening = stored(screen({ ...noProtocolFinding, pregnant: true, ageYears: 80 }));
    const contraindications = (value: unknown) => refusal({ ...screening, contraindications: value });
    const expected = {
      code: 'invalid-screening',
      path: ['contraindications'],
      message: 'expected the ids of the absolute rules found present, as screen() lists them: ["age","pregnancy"]',
    };
    for (const value of [
      undefined,
      'age, pregnancy',
      ['age'],
      ['pregnancy', 'age'],
      ['age', 'pregnancy', 'x'],
      [1, 2],
    ]) {
      expect(contraindications(value)).toEqual(expected);
    }
    const caution = stored(screen({ epilepsy: true, needlePhobia: true }, { ruleSet: cautionRuleSet }));
    expect(refusal({ ...caution, cautions: ['epilepsy'] })).toEqual({
      code: 'invalid-screening',
      path: ['cautions'],
      message:
        'expected the ids of the relative rules found present, as screen() lists them: ["needle-phobia","epilepsy"]',
    });
    expect(refusal({ ...eligible(), cautions: ['epilepsy'] })).toMatchObject({ path: ['cautions'] });
    expect(refusal({ ...eligible(), contraindications: ['age'] })).toMatchObject({ path: ['contraindications'] });
  });

  it.each([
    ['no list', undefined],
    ['text', 'pregnant'],
    ['an empty name', ['']],
    ['a number', [5]],
  ])('refuses facts to record given as %s', (_label, missing) => {
    expect(refusal({ ...incomplete(), missing })).toEqual({
      code: 'invalid-screening',
      path: ['missing'],
      message: 'expected missing to be a list of fact names, as screen() returns it',
    });
  });

  it.each([
    ['no list', undefined],
    ['a number', [5]],
    ['a fact that is not also in missing', ['epilepsy']],
  ])('refuses invalid facts given as %s', (_label, invalid) => {
    expect(refusal({ ...incomplete(), invalid })).toEqual({
      code: 'invalid-screening',
      path: ['invalid'],
      message: 'expected invalid to be a list of the fact names in missing whose values could not be read',
    });
  });

  it('refuses facts to record that do not follow from the findings', () => {
    const MESSAGE =
      'expected missing to name the facts of the rules not settled, or, when every rule is settled, exactly the invalid facts';
    expect(refusal({ ...incomplete(), missing: [] })).toEqual({
      code: 'invalid-screening',
      path: ['missing'],
      message: MESSAGE,
    });
    expect(refusal({ ...eligible(), missing: ['pregnant'] })).toEqual({
      code: 'invalid-screening',
      path: ['missing'],
      message: MESSAGE,
    });
    // Each rule is settled by its second fact, so the first, invalid, is only to record again.
    const pairs = defineRuleSet({
      id: 'pairs',
      version: '1',
      rules: (
        [
          ['pacemaker', 'electroacupuncturePlanned'],
          ['epilepsy', 'needlePhobia'],
          ['skinLesionAtSite', 'anticoagulantTherapy'],
        ] as const
      ).map((facts, index) => ({
        id: `pair-${index}`,
        kind: 'absolute' as const,
        when: { type: 'all' as const, facts },
        source: { title: 'T' },
      })),
    });
    const facts = { pacemaker: 'y', electroacupuncturePlanned: false, epilepsy: 'y', needlePhobia: false };
    const settled = stored(
      screen({ ...facts, skinLesionAtSite: 'y', anticoagulantTherapy: false } as never, { ruleSet: pairs }),
    );
    expect(settled.status).toBe('eligible');
    const invalid = ['pacemaker', 'epilepsy', 'skinLesionAtSite'];
    expect(accepted(settled).missing).toEqual(invalid);
    expect(accepted(settled).invalid).toEqual(invalid);
    expect(refusal({ ...settled, missing: [...invalid, 'pregnant'] })).toMatchObject({ path: ['missing'] });
    expect(refusal({ ...settled, missing: ['pacemaker', 'skinLesionAtSite', 'epilepsy'] })).toMatchObject({
      path: ['missing'],
    });
    expect(refusal({ ...settled, invalid: [...invalid, 'pacemaker'] })).toMatchObject({ path: ['missing'] });
  });

  it('refuses a status that does not follow from the findings, naming the one that does', () => {
    for (const status of ['caution', 'incomplete', 'contraindicated', 'ok', 5, undefined]) {
      expect(refusal({ ...eligible(), status })).toEqual({
        code: 'invalid-screening',
        path: ['status'],
        message: `expected the status that the findings give, eligible, got ${typeof status === 'string' ? `the string "${status}"` : typeof status === 'number' ? 'the number 5' : 'a value of type undefined'}`,
      });
    }
    const caution = stored(screen({ epilepsy: true }, { ruleSet: cautionRuleSet }));
    expect(refusal({ ...caution, status: 'eligible' })).toMatchObject({ message: /findings give, caution, got/ });
    const unknownAndCaution = stored(screen({ epilepsy: true }, { ruleSet: both() }));
    expect(unknownAndCaution.status).toBe('incomplete');
    expect(refusal({ ...unknownAndCaution, status: 'caution' })).toMatchObject({ path: ['status'] });
    const all = stored(screen({ pregnant: true }, { ruleSet: both() }));
    expect(all.status).toBe('contraindicated');
    expect(refusal({ ...all, status: 'incomplete' })).toMatchObject({ path: ['status'] });
  });

  it.each([
    ['no list', undefined],
    ['text', 'age'],
    ['an id of no protocol rule', ['epilepsy']],
    ['an id twice', ['age', 'age']],
    ['ids out of the protocol’s order', ['pregnancy', 'age']],
  ])('refuses unchecked protocol rules given as %s', (_label, uncheckedProtocolRules) => {
    expect(refusal({ ...eligible(), uncheckedProtocolRules })).toEqual({
      code: 'invalid-screening',
      path: ['uncheckedProtocolRules'],
      message: 'expected uncheckedProtocolRules to list ids of the protocol rules, once each, in the protocol’s order',
    });
  });

  it('accepts any unchecked protocol rules in the protocol’s order', () => {
    const value = { ...eligible(), uncheckedProtocolRules: ['age', 'coagulation', 'acute-mental-state'] };
    expect(accepted(value).uncheckedProtocolRules).toEqual(['age', 'coagulation', 'acute-mental-state']);
  });
});
