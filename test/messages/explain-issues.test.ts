import { describe, expect, test } from 'vitest';
import {
  buildCourse,
  type CourseRequest,
  defineRuleSet,
  explainIssues,
  type Issue,
  parsePatientFacts,
  parseRegion,
  type RuleSetError,
  redFlagRuleSet,
  screen,
} from '../../src/index.js';
import { ru } from '../../src/locales/ru/index.js';
import { healthy } from './fixtures.js';

function issuesOf(result: { ok: boolean; issues?: readonly Issue[] }): readonly Issue[] {
  if (result.ok || result.issues === undefined) throw new Error('expected issues');
  return result.issues;
}

describe('explainIssues', () => {
  test('names the fact by its label and says what is wrong', () => {
    const explanation = explainIssues(issuesOf(parsePatientFacts({ ageYears: 'forty', pregnancy: true })));
    expect(explanation.issues.map((entry) => entry.text)).toEqual([
      'Age (completed years): the value has the wrong type.',
      '“pregnancy” is not a known field: check its spelling.',
    ]);
    expect(explanation.issues[0]).toMatchObject({
      code: 'invalid-type',
      path: ['ageYears'],
      field: 'age (completed years)',
    });
    expect(explanation.issues[1]?.field).toBeUndefined();
    expect(explanation.text).toBe(explanation.issues.map((entry) => entry.text).join('\n'));
  });

  test('in Russian', () => {
    const explanation = explainIssues(issuesOf(parsePatientFacts({ ageYears: 200 })), { locale: ru });
    expect(explanation.text).toBe('Возраст (полных лет): значение выходит за допустимые пределы.');
  });

  test('an issue of the input as a whole has no field', () => {
    const explanation = explainIssues(issuesOf(parseRegion('knee')));
    expect(explanation.issues[0]).toMatchObject({ field: undefined });
    expect(explanation.text).toBe('The value names no spinal region (expected cervical, thoracic or lumbosacral).');
  });

  test('names nested course fields and list entries', () => {
    const request = {
      region: 'cervical',
      screening: screen(healthy),
      start: '2026-03-02',
      weekdays: ['mon', 'mon'],
      override: { reason: ' ', note: 'x' },
    } as unknown as CourseRequest;
    const texts = explainIssues(issuesOf(buildCourse(request)), { locale: ru }).issues.map((entry) => entry.text);
    expect(texts).toEqual([
      'Отступление от протокола: «note» — неизвестное поле: проверьте написание.',
      'Причина отступления от протокола: текст не должен быть пустым.',
      'Дни недели, элемент 2: этот день недели указан более одного раза.',
    ]);
  });

  test('names a field of the screening that a course request carries', () => {
    const screening = { ...screen(healthy), status: 'fine' };
    const request = { region: 'cervical', screening, start: '2026-03-02' } as unknown as CourseRequest;
    expect(explainIssues(issuesOf(buildCourse(request))).text).toBe(
      'Screening, “status”: this is not a screening result as returned by screen().',
    );
  });

  test('names each field of a course request by its label', () => {
    const missing = (path: readonly (string | number)[]): Issue => ({ code: 'missing', path, message: '' });
    const explanation = explainIssues(
      [
        ['region'],
        ['screening'],
        ['start'],
        ['sessions'],
        ['minutes'],
        ['weekdays'],
        ['contralateral'],
        ['override'],
        ['override', 'reason'],
        ['override', 'by'],
        ['override', 'note'],
      ].map(missing),
    );
    expect(explanation.issues.map((entry) => entry.field)).toEqual([
      'spinal region',
      'screening',
      'start date',
      'number of sessions',
      'session length',
      'days of the week',
      'contralateral selection',
      'override',
      'reason for the override',
      'override decided by',
      'override, “note”',
    ]);
    expect(explanation.issues[9]?.text).toBe('Override decided by: a value is required.');
  });

  test('a reason or a name outside the override is spelled out as a nested key', () => {
    const explanation = explainIssues([
      { code: 'blank', path: ['screening', 'reason'], message: '' },
      { code: 'blank', path: ['note', 'by'], message: '' },
    ]);
    expect(explanation.issues.map((entry) => entry.field)).toEqual(['screening, “reason”', 'input, “note”, “by”']);
  });

  test('an unknown code gets a generic sentence naming it, and a path outside known fields is spelled out', () => {
    const explanation = explainIssues([
      { code: 'coded-as-unknown', path: ['entry', 0, 'resource'], message: 'x' },
      { code: 'other', path: [3], message: 'x' },
      { code: 'line', path: [], message: 'x' },
    ]);
    expect(explanation.issues.map((entry) => entry.text)).toEqual([
      'Input, “entry”, entry 1, “resource”: the value is not valid (code “coded-as-unknown”).',
      'Input, entry 4: the value is not valid (code “other”).',
      'The value is not valid (code “line”).',
    ]);
  });

  test('an unknown key at the root of the input has no field', () => {
    expect(explainIssues([{ code: 'forbidden-key', path: ['__proto__'], message: '' }]).text).toBe(
      'The field name “__proto__” is not allowed.',
    );
    expect(explainIssues([{ code: 'unknown-key', path: [], message: '' }]).text).toBe(
      '“” is not a known field: check its spelling.',
    );
  });

  test('is frozen and reports fallbacks of a supplied catalog', () => {
    const explanation = explainIssues(issuesOf(parsePatientFacts(null)), { locale: 'de', messages: {} });
    expect(Object.isFrozen(explanation)).toBe(true);
    expect(Object.isFrozen(explanation.issues)).toBe(true);
    expect(explanation.fallbacks).toEqual(['issue.not-an-object']);
  });

  test.each([
    ['null', () => null],
    ['a string', () => 'issues'],
    ['a null issue', () => [null]],
    ['a null issue after a valid one', () => [{ code: 'missing', path: [], message: '' }, null]],
    ['a function with the fields of an issue', () => [Object.assign(() => 0, { code: 'missing', path: [] })]],
    ['an issue whose code is not a string', () => [{ code: 1, path: [] }]],
    ['an issue whose path is not a list', () => [{ code: 'x', path: 'a' }]],
    ['an issue with a path segment that is neither a string nor a number', () => [{ code: 'x', path: [true] }]],
  ])('%s is not a list of issues: a TypeError', (_name, value) => {
    const issues = value() as unknown as readonly Issue[];
    expect(() => explainIssues(issues)).toThrow(
      new TypeError('explainIssues: expected an array of issues { code, path, message }'),
    );
  });

  test("the tag 'ru' is a RangeError that names explainIssues and the import to write", () => {
    expect(() => explainIssues([], { locale: 'ru' })).toThrow(
      new RangeError(
        `explainIssues: the locale "ru" is an import, not a string: import { ru } from 'acuspine/locales/ru' and pass { locale: ru }`,
      ),
    );
  });

  test('an unknown locale without messages is a RangeError that names explainIssues', () => {
    expect(() => explainIssues([], { locale: 'xx' })).toThrow(
      new RangeError(
        `explainIssues: no messages for locale "xx": pass options.messages for a locale of your own, or a Locale as options.locale (en from 'acuspine', ru from 'acuspine/locales/ru')`,
      ),
    );
  });

  test('options of the wrong type are a TypeError that names explainIssues', () => {
    expect(() => explainIssues([], { messages: [] } as never)).toThrow(
      new TypeError('explainIssues: options.messages must be an object of messages keyed by code'),
    );
  });
});

describe('explainIssues on values that cannot be read', () => {
  const NOT_ISSUES = new TypeError('explainIssues: expected an array of issues { code, path, message }');

  test('a getter that throws is a TypeError, never its own error', () => {
    const throwing = Object.defineProperty({ path: [], message: 'm' }, 'code', {
      enumerable: true,
      get() {
        throw new RangeError('boom');
      },
    });
    expect(() => explainIssues([throwing as unknown as Issue])).toThrow(NOT_ISSUES);
    const list = [{ code: 'missing', path: ['region'], message: 'm' }];
    Object.defineProperty(list, 0, {
      get() {
        throw new Error('boom');
      },
    });
    expect(() => explainIssues(list)).toThrow(NOT_ISSUES);
  });

  test('a revoked proxy, as the list or as an issue, is a TypeError that names explainIssues', () => {
    const revoked = () => {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      return proxy;
    };
    expect(() => explainIssues(revoked() as never)).toThrow(NOT_ISSUES);
    expect(() => explainIssues([revoked() as Issue])).toThrow(NOT_ISSUES);
  });

  test('reads each issue once, and explains what it read', () => {
    let reads = 0;
    const shifting = Object.defineProperty({ path: ['region'], message: 'm' }, 'code', {
      enumerable: true,
      get() {
        reads += 1;
        return reads === 1 ? 'missing' : 7;
      },
    });
    const [entry] = explainIssues([shifting as unknown as Issue]).issues;
    expect(entry).toMatchObject({ code: 'missing', text: 'Spinal region: a value is required.' });
    expect(reads).toBe(1);
  });

  test('explains a too-many-issues issue in words', () => {
    const result = buildCourse({
      region: 'cervical',
      screening: screen(healthy),
      start: '2026-03-02',
      weekdays: Array.from({ length: 200 }, () => 'someday'),
    } as unknown as CourseRequest);
    const explanation = explainIssues(issuesOf(result));
    expect(explanation.issues.at(-1)?.text).toBe('More problems were found than are listed here.');
    expect(explainIssues(issuesOf(result), { locale: ru }).issues.at(-1)?.text).toBe(
      'Найдено больше проблем, чем показано здесь.',
    );
  });

  test('a course refused for a red flag asks to assess or refer first, in English and Russian', () => {
    const screening = screen({ saddleAnaesthesia: true }, { ruleSet: redFlagRuleSet });
    const issues = issuesOf(buildCourse({ region: 'lumbosacral', screening, start: '2026-03-02' }));
    expect(issues.map((entry) => entry.code)).toEqual(['referral-present']);
    expect(explainIssues(issues).text).toBe(
      'Screening, “referrals”: no course is planned: a red flag was found; assess the patient, or refer them as urgently as the screening says, before any needling.',
    );
    expect(explainIssues(issues, { locale: ru }).text).toBe(
      'Скрининг, «referrals»: курс не запланирован: выявлен «красный флаг»; до любого введения игл обследуйте пациента или направьте его к специалисту с той срочностью, которую указывает скрининг.',
    );
  });

  test('the issues of a rule set that defineRuleSet refuses are explained too', () => {
    let issues: readonly Issue[] = [];
    try {
      defineRuleSet({
        id: 'clinic',
        version: '1',
        facts: { pregnant: { label: { en: 'pregnant' } } },
        rules: [{ id: 'r', kind: 'absolute', when: { type: 'any', facts: ['epilepsy'] }, source: { title: 'T' } }],
      } as never);
    } catch (error) {
      issues = (error as RuleSetError).issues;
    }
    expect(explainIssues(issues, { locale: ru }).text).toBe(
      'Входные данные, «facts», «pregnant»: это имя уже носит одно из сведений о пациенте в acuspine: дайте признаку собственное имя.',
    );
  });

  test('the limit on a fact’s name is the one that defineRuleSet applies, in both locales', () => {
    let issues: readonly Issue[] = [];
    try {
      defineRuleSet({
        id: 'clinic',
        version: '1',
        facts: { ['a'.repeat(65)]: { label: { en: 'long' } } },
        rules: [{ id: 'r', kind: 'absolute', when: { type: 'any', facts: ['epilepsy'] }, source: { title: 'T' } }],
      });
    } catch (error) {
      issues = (error as RuleSetError).issues;
    }
    const [refused] = issues;
    expect(refused?.code).toBe('invalid-fact-name');
    const limit = /at most (\d+) characters/.exec(refused?.message ?? '')?.[1];
    expect(limit).toBe('64');
    expect(explainIssues(issues).text).toContain(`at most ${limit} characters`);
    expect(explainIssues(issues, { locale: ru }).text).toContain(`не длиннее ${limit} символов`);
  });
});
