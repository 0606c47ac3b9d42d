import { describe, expect, it } from 'vitest';
import {
  cautionRuleSet,
  factNames,
  mergeSummaries,
  screenCohort,
  summarizeCohort,
  summaryTable,
} from '../../src/index.js';
import { noProtocolFinding } from '../fixtures/patients.js';
import { countingGetter, withPrototypeProperty, withPrototypeValue } from '../fixtures/polluted-prototype.js';

// A polluted Object.prototype decides nothing in a cohort: not a fact of a record, not an
// option, not a count of a summary being merged or tabulated.

const records = [
  { ...noProtocolFinding, ageYears: 1, pregnant: true },
  { ageYears: 40 },
  { ...noProtocolFinding },
  { ageYears: 'forty' },
];

describe('screenCohort with a polluted Object.prototype', () => {
  it.each(factNames)('reads no fact %s from Object.prototype, and calls no getter there', (name) => {
    const getter = countingGetter(name === 'ageYears' ? 40 : false);
    const polluted = withPrototypeProperty(name, getter.descriptor, () => [...screenCohort(records)]);
    expect(polluted).toEqual([...screenCohort(records)]);
    expect(getter.calls()).toBe(0);
  });

  it('applies no polluted toFacts, which could make every record an all-clear', () => {
    const allClear = () => ({ ...noProtocolFinding });
    const polluted = withPrototypeValue('toFacts', allClear, () => [...screenCohort(records)]);
    expect(polluted).toEqual([...screenCohort(records)]);
  });

  it('applies no polluted rule set', () => {
    const polluted = withPrototypeValue('ruleSet', cautionRuleSet, () => [...screenCohort(records)]);
    expect(polluted).toEqual([...screenCohort(records)]);
  });
});

describe('summarizeCohort with a polluted Object.prototype', () => {
  it('applies no polluted groupBy or rule set, and calls no polluted setter', () => {
    let stolen = 0;
    const summary = withPrototypeValue(
      'groupBy',
      () => 'polluted',
      () =>
        withPrototypeValue('ruleSet', cautionRuleSet, () =>
          withPrototypeProperty('eligible', { set: () => stolen++ }, () =>
            withPrototypeProperty('pregnant', { set: () => stolen++ }, () => summarizeCohort(screenCohort(records))),
          ),
        ),
    );
    expect(summary).toEqual(summarizeCohort(screenCohort(records)));
    expect(stolen).toBe(0);
  });
});

describe('summaryTable with a polluted Object.prototype', () => {
  it('tabulates no polluted groups and rounds with no polluted digits', () => {
    const summary = summarizeCohort(screenCohort(records));
    const groups = summarizeCohort(screenCohort(records), { groupBy: () => 'all' }).groups;
    const table = withPrototypeValue('groups', groups, () =>
      withPrototypeValue('digits', 1, () => summaryTable(summary)),
    );
    expect(table).toEqual(summaryTable(summary));
  });
});

describe('mergeSummaries with a polluted Object.prototype', () => {
  it('merges no polluted groups', () => {
    const summary = summarizeCohort(screenCohort(records));
    const groups = summarizeCohort(screenCohort(records), { groupBy: () => 'all' }).groups;
    const merged = withPrototypeValue('groups', groups, () => mergeSummaries(summary, summary));
    expect(merged).toEqual(mergeSummaries(summary, summary));
  });

  it('counts no polluted status, and still refuses a summary that lacks one', () => {
    const { caution: _left, ...byStatus } = summarizeCohort(screenCohort(records)).byStatus;
    const broken = { ...summarizeCohort(screenCohort(records)), byStatus };
    const attempt = () => withPrototypeValue('caution', 1000, () => mergeSummaries(broken as never));
    expect(attempt).toThrow(TypeError);
  });
});
