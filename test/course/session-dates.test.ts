import { describe, expect, it } from 'vitest';
import { parseIsoDate, toDayNumber } from '../../src/_internal/iso-date.js';
import { sessionDays } from '../../src/course/session-dates.js';

// The internal calendar behind buildCourse's session dates. buildCourse always allows at least
// one weekday; the function itself must still end when none is allowed.
const monday = toDayNumber(parseIsoDate('2026-03-02')!);

describe('sessionDays', () => {
  it('gives no dates, rather than searching forever, when no weekday is allowed', () => {
    expect(sessionDays(monday, [false, false, false, false, false, false, false], 10)).toEqual([]);
  });

  it('starts on the first allowed weekday on or after the start, and steps to the next allowed one', () => {
    const mondayAndThursday = [true, false, false, true, false, false, false];
    expect(sessionDays(monday, mondayAndThursday, 3)).toEqual([monday, monday + 3, monday + 7]);
    expect(sessionDays(monday + 1, mondayAndThursday, 1)).toEqual([monday + 3]);
  });
});
