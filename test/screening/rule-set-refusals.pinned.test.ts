// Every refusal of defineRuleSet, whole: the message of the error and each issue's code, path and
// message, as reviewed. A caller reads the issues to show where a definition is wrong.
import { describe, expect, it } from 'vitest';
import { defineRuleSet, PROTOCOL_TITLE, RuleSetError } from '../../src/index.js';

const phobia = {
  id: 'phobia',
  kind: 'relative',
  when: { type: 'any', facts: ['needlePhobia'] },
  source: { title: 'Sierpina' },
};

const refusals: readonly [string, () => unknown, string, unknown][] = [
  [
    'not an object',
    () => null,
    'defineRuleSet: expected { id, version, rules } and, optionally, facts',
    [{ code: 'invalid-type', path: [], message: 'expected { id, version, rules } and, optionally, facts' }],
  ],
  [
    'an empty id',
    () => ({ id: '', version: '1', rules: [phobia] }),
    'defineRuleSet: id must be a non-empty string',
    [{ code: 'invalid-type', path: ['id'], message: 'id must be a non-empty string' }],
  ],
  [
    'an empty version',
    () => ({ id: 'x', version: '', rules: [phobia] }),
    'defineRuleSet: rule set "x": version must be a non-empty string',
    [{ code: 'invalid-type', path: ['version'], message: 'rule set "x": version must be a non-empty string' }],
  ],
  [
    'no rules',
    () => ({ id: 'x', version: '1', rules: [] }),
    'defineRuleSet: rule set "x": rules must be a non-empty array',
    [{ code: 'invalid-type', path: ['rules'], message: 'rule set "x": rules must be a non-empty array' }],
  ],
  [
    'a duplicate rule id',
    () => ({ id: 'x', version: '1', rules: [phobia, phobia] }),
    'defineRuleSet: rule set "x": duplicate rule id "phobia"',
    [{ code: 'duplicate-rule', path: ['rules', 1, 'id'], message: 'rule set "x": duplicate rule id "phobia"' }],
  ],
  [
    'facts that are text',
    () => ({ id: 'x', version: '1', facts: 'surgery', rules: [phobia] }),
    'defineRuleSet: rule set "x": facts must be an object of fact definitions keyed by name',
    [
      {
        code: 'invalid-type',
        path: ['facts'],
        message: 'rule set "x": facts must be an object of fact definitions keyed by name',
      },
    ],
  ],
  [
    'a bad fact name',
    () => ({ id: 'x', version: '1', facts: { Surgery: { label: { en: 'S' } } }, rules: [phobia] }),
    'defineRuleSet: rule set "x": the fact name "Surgery" must be letters and digits that start with a small letter, at most 64 characters, and not a name every object inherits (such as "constructor")',
    [
      {
        code: 'invalid-fact-name',
        path: ['facts', 'Surgery'],
        message:
          'rule set "x": the fact name "Surgery" must be letters and digits that start with a small letter, at most 64 characters, and not a name every object inherits (such as "constructor")',
      },
    ],
  ],
  [
    'a shipped fact name',
    () => ({ id: 'x', version: '1', facts: { pregnant: { label: { en: 'P' } } }, rules: [phobia] }),
    'defineRuleSet: rule set "x": the fact "pregnant" is a shipped fact: give yours a name of its own',
    [
      {
        code: 'fact-name-clash',
        path: ['facts', 'pregnant'],
        message: 'rule set "x": the fact "pregnant" is a shipped fact: give yours a name of its own',
      },
    ],
  ],
  [
    'a label that is not an object',
    () => ({ id: 'x', version: '1', facts: { surgery: { label: 'S' } }, rules: [phobia] }),
    'defineRuleSet: rule set "x", facts.surgery: label must be an object of texts by locale, English (\'en\') at least',
    [
      {
        code: 'invalid-type',
        path: ['facts', 'surgery', 'label'],
        message: 'rule set "x", facts.surgery: label must be an object of texts by locale, English (\'en\') at least',
      },
    ],
  ],
  [
    'a label without English',
    () => ({ id: 'x', version: '1', facts: { surgery: { label: { ru: 'О' } } }, rules: [phobia] }),
    'defineRuleSet: rule set "x", facts.surgery: label.en must be a non-empty string',
    [
      {
        code: 'empty-label',
        path: ['facts', 'surgery', 'label', 'en'],
        message: 'rule set "x", facts.surgery: label.en must be a non-empty string',
      },
    ],
  ],
  [
    'an empty Russian label',
    () => ({ id: 'x', version: '1', facts: { surgery: { label: { en: 'S', ru: '' } } }, rules: [phobia] }),
    'defineRuleSet: rule set "x", facts.surgery: label.ru must be a non-empty string',
    [
      {
        code: 'empty-label',
        path: ['facts', 'surgery', 'label', 'ru'],
        message: 'rule set "x", facts.surgery: label.ru must be a non-empty string',
      },
    ],
  ],
  [
    'a rule that is not an object',
    () => ({ id: 'x', version: '1', rules: ['phobia'] }),
    'defineRuleSet: rule set "x", rules[0] is not a rule object',
    [{ code: 'invalid-type', path: ['rules', 0], message: 'rule set "x", rules[0] is not a rule object' }],
  ],
  [
    'a rule without an id',
    () => ({ id: 'x', version: '1', rules: [{ ...phobia, id: '' }] }),
    'defineRuleSet: rule set "x", rules[0]: id must be a non-empty string',
    [
      {
        code: 'invalid-type',
        path: ['rules', 0, 'id'],
        message: 'rule set "x", rules[0]: id must be a non-empty string',
      },
    ],
  ],
  [
    'a bad kind',
    () => ({ id: 'x', version: '1', rules: [{ ...phobia, kind: 'strict' }] }),
    "defineRuleSet: rule set \"x\", rules[0] (\"phobia\"): kind must be 'absolute', 'relative' or 'referral', got strict",
    [
      {
        code: 'invalid-kind',
        path: ['rules', 0, 'kind'],
        message: "rule set \"x\", rules[0] (\"phobia\"): kind must be 'absolute', 'relative' or 'referral', got strict",
      },
    ],
  ],
  [
    'a null condition',
    () => ({ id: 'x', version: '1', rules: [{ ...phobia, when: null }] }),
    'defineRuleSet: rule set "x", rules[0] ("phobia"): when must be an object',
    [
      {
        code: 'invalid-type',
        path: ['rules', 0, 'when'],
        message: 'rule set "x", rules[0] ("phobia"): when must be an object',
      },
    ],
  ],
  [
    'bad age bounds',
    () => ({ id: 'x', version: '1', rules: [{ ...phobia, when: { type: 'age-outside', under: 9, over: 3 } }] }),
    'defineRuleSet: rule set "x", rules[0] ("phobia"): age bounds must be whole years with 0 <= under <= over, got under 9, over 3',
    [
      {
        code: 'invalid-bounds',
        path: ['rules', 0, 'when'],
        message:
          'rule set "x", rules[0] ("phobia"): age bounds must be whole years with 0 <= under <= over, got under 9, over 3',
      },
    ],
  ],
  [
    'an unknown condition type',
    () => ({ id: 'x', version: '1', rules: [{ ...phobia, when: { type: 'none', facts: ['pregnant'] } }] }),
    "defineRuleSet: rule set \"x\", rules[0] (\"phobia\"): when.type must be 'any', 'all' or 'age-outside'",
    [
      {
        code: 'invalid-type',
        path: ['rules', 0, 'when', 'type'],
        message: "rule set \"x\", rules[0] (\"phobia\"): when.type must be 'any', 'all' or 'age-outside'",
      },
    ],
  ],
  [
    'an empty fact list',
    () => ({ id: 'x', version: '1', rules: [{ ...phobia, when: { type: 'any', facts: [] } }] }),
    'defineRuleSet: rule set "x", rules[0] ("phobia"): when.facts must be a non-empty array of fact names',
    [
      {
        code: 'invalid-type',
        path: ['rules', 0, 'when', 'facts'],
        message: 'rule set "x", rules[0] ("phobia"): when.facts must be a non-empty array of fact names',
      },
    ],
  ],
  [
    'an undeclared fact',
    () => ({ id: 'x', version: '1', rules: [{ ...phobia, when: { type: 'any', facts: ['pregnancy'] } }] }),
    'defineRuleSet: rule set "x", rules[0] ("phobia"): pregnancy is not a boolean patient fact, nor a fact the set declares in facts',
    [
      {
        code: 'undeclared-fact',
        path: ['rules', 0, 'when', 'facts', 0],
        message:
          'rule set "x", rules[0] ("phobia"): pregnancy is not a boolean patient fact, nor a fact the set declares in facts',
      },
    ],
  ],
  [
    'a source without a title',
    () => ({ id: 'x', version: '1', rules: [{ ...phobia, source: { section: '2' } }] }),
    'defineRuleSet: rule set "x", rules[0] ("phobia"): source must name a title',
    [
      {
        code: 'invalid-source',
        path: ['rules', 0, 'source', 'title'],
        message: 'rule set "x", rules[0] ("phobia"): source must name a title',
      },
    ],
  ],
  [
    'an empty section',
    () => ({ id: 'x', version: '1', rules: [{ ...phobia, source: { title: 'T', section: '' } }] }),
    'defineRuleSet: rule set "x", rules[0] ("phobia"): source.section must be a non-empty string when given',
    [
      {
        code: 'invalid-source',
        path: ['rules', 0, 'source', 'section'],
        message: 'rule set "x", rules[0] ("phobia"): source.section must be a non-empty string when given',
      },
    ],
  ],
  [
    'an item of 0',
    () => ({ id: 'x', version: '1', rules: [{ ...phobia, source: { title: 'T', item: 0 } }] }),
    'defineRuleSet: rule set "x", rules[0] ("phobia"): source.item must be a whole number from 1 when given',
    [
      {
        code: 'invalid-source',
        path: ['rules', 0, 'source', 'item'],
        message: 'rule set "x", rules[0] ("phobia"): source.item must be a whole number from 1 when given',
      },
    ],
  ],
  [
    'a protocol item cited by another rule',
    () => ({
      id: 'x',
      version: '1',
      rules: [
        { ...phobia, kind: 'absolute', source: { title: PROTOCOL_TITLE, section: 'Contraindications', item: 3 } },
      ],
    }),
    'defineRuleSet: rule set "x", rules[0] ("phobia"): its source cites the protocol\'s contraindication item 3 with no note, but the rule is not that item\'s rule: say in source.note how it differs',
    [
      {
        code: 'uncited-change',
        path: ['rules', 0, 'source'],
        message:
          'rule set "x", rules[0] ("phobia"): its source cites the protocol\'s contraindication item 3 with no note, but the rule is not that item\'s rule: say in source.note how it differs',
      },
    ],
  ],
  [
    'a referral without an urgency',
    () => ({ id: 'x', version: '1', rules: [{ ...phobia, kind: 'referral', evidence: 'weak' }] }),
    "defineRuleSet: rule set \"x\", rules[0] (\"phobia\"): a referral's urgency must be 'emergency', 'urgent' or 'routine', got undefined",
    [
      {
        code: 'invalid-urgency',
        path: ['rules', 0, 'urgency'],
        message:
          "rule set \"x\", rules[0] (\"phobia\"): a referral's urgency must be 'emergency', 'urgent' or 'routine', got undefined",
      },
    ],
  ],
  [
    'a referral without evidence',
    () => ({ id: 'x', version: '1', rules: [{ ...phobia, kind: 'referral', urgency: 'urgent' }] }),
    'defineRuleSet: rule set "x", rules[0] ("phobia"): a referral must say how strong its evidence is, in evidence',
    [
      {
        code: 'invalid-type',
        path: ['rules', 0, 'evidence'],
        message: 'rule set "x", rules[0] ("phobia"): a referral must say how strong its evidence is, in evidence',
      },
    ],
  ],
  [
    'an urgency on a relative rule',
    () => ({ id: 'x', version: '1', rules: [{ ...phobia, urgency: 'urgent' }] }),
    'defineRuleSet: rule set "x", rules[0] ("phobia"): only a referral rule has an urgency and evidence',
    [
      {
        code: 'invalid-kind',
        path: ['rules', 0, 'urgency'],
        message: 'rule set "x", rules[0] ("phobia"): only a referral rule has an urgency and evidence',
      },
    ],
  ],
  [
    'evidence on a relative rule',
    () => ({ id: 'x', version: '1', rules: [{ ...phobia, evidence: 'weak' }] }),
    'defineRuleSet: rule set "x", rules[0] ("phobia"): only a referral rule has an urgency and evidence',
    [
      {
        code: 'invalid-kind',
        path: ['rules', 0, 'evidence'],
        message: 'rule set "x", rules[0] ("phobia"): only a referral rule has an urgency and evidence',
      },
    ],
  ],
];

describe('defineRuleSet refuses, whole', () => {
  it.each(refusals)('%s', (_label, definition, message, issues) => {
    let thrown: unknown;
    try {
      defineRuleSet(definition() as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RuleSetError);
    expect((thrown as RuleSetError).message).toBe(message);
    expect((thrown as RuleSetError).issues).toEqual(issues);
  });

  it('counts the issues it does not name in the message', () => {
    const facts = { pregnant: { label: { en: 'P' } }, epilepsy: { label: { en: 'E' } } };
    expect(() => defineRuleSet({ id: 'x', version: '1', facts, rules: [phobia] } as never)).toThrow(
      'defineRuleSet: rule set "x": the fact "pregnant" is a shipped fact: give yours a name of its own (and 1 more)',
    );
  });
});
