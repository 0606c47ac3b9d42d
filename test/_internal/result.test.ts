import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../src/_internal/freeze.js';
import { fail, failCounted, type Issue, issue, MAX_ISSUES, ok } from '../../src/_internal/result.js';
import { unfrozenPaths } from '../fixtures/deep-frozen.js';

// Every Result is frozen, and a failure lists at most MAX_ISSUES issues, then counts the rest.

const issues = (count: number): Issue[] =>
  Array.from({ length: count }, (_, i) => ({ code: 'unknown-key', path: [`k${i}`], message: `k${i}` }));

describe('ok and fail', () => {
  it('freeze the result, the list of issues, each issue and its path', () => {
    expect(Object.isFrozen(ok({ a: 1 }))).toBe(true);
    expect(unfrozenPaths(fail(issues(3)))).toEqual([]);
    expect(unfrozenPaths(failCounted(issues(3), 10))).toEqual([]);
  });

  it(`list ${MAX_ISSUES} issues in full, and cap a longer list with a count of the rest`, () => {
    expect(fail(issues(MAX_ISSUES)).issues).toHaveLength(MAX_ISSUES);
    const capped = fail(issues(MAX_ISSUES + 2)).issues;
    expect(capped).toHaveLength(MAX_ISSUES + 1);
    expect(capped[MAX_ISSUES - 1]?.path).toEqual([`k${MAX_ISSUES - 1}`]);
    expect(capped[MAX_ISSUES]).toEqual(issue('too-many-issues', [], '2 more issues were found and not listed'));
  });
});

describe('failCounted', () => {
  it('lists what it is given and counts the issues found beyond it', () => {
    const counted = failCounted(issues(MAX_ISSUES), MAX_ISSUES + 1).issues;
    expect(counted).toHaveLength(MAX_ISSUES + 1);
    expect(counted[MAX_ISSUES]?.message).toBe('1 more issue was found and not listed');
  });

  it('passes on an issue that is frozen with its path as it is, and freezes a copy of any other', () => {
    const frozen = issue('missing', ['region'], 'a region is required');
    expect(failCounted([frozen], 1).issues[0]).toBe(frozen);
    const pathNotFrozen: Issue = Object.freeze({ code: 'missing', path: ['region'], message: 'm' });
    const onlyPathFrozen: Issue = { code: 'missing', path: Object.freeze(['region']), message: 'm' };
    for (const given of [pathNotFrozen, onlyPathFrozen]) {
      const [listed] = failCounted([given], 1).issues;
      expect(listed).toEqual(given);
      expect(unfrozenPaths(listed)).toEqual([]);
    }
    expect(Object.isFrozen(pathNotFrozen.path)).toBe(false);
  });

  it('adds no count when every issue found is listed', () => {
    expect(failCounted(issues(2), 2).issues).toHaveLength(2);
  });

  it('leaves the list it is given unchanged', () => {
    const given = issues(2);
    failCounted(given, 5);
    expect(given).toHaveLength(2);
    expect(Object.isFrozen(given)).toBe(false);
  });
});

describe('deepFreeze', () => {
  it('freezes everything reachable, and passes null and other values that are not objects through', () => {
    expect(deepFreeze(null)).toBeNull();
    expect(deepFreeze('text')).toBe('text');
    const value = deepFreeze({ note: null, list: [null, { code: 'acu' }], count: 0 });
    expect(value).toEqual({ note: null, list: [null, { code: 'acu' }], count: 0 });
    expect(unfrozenPaths(value)).toEqual([]);
  });
});
