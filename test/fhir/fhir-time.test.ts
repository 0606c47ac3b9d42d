import { describe, expect, it } from 'vitest';
import { isAfter, laterOf, parseFhirTime } from '../../src/fhir/fhir-time.js';

const time = (text: string) => parseFhirTime(text) as NonNullable<ReturnType<typeof parseFhirTime>>;

describe('FHIR times', () => {
  it('widen a date without a zone to every zone, and keep an instant exact', () => {
    expect(time('2026-11-24')).toMatchObject({ exact: false, firstDay: time('2026-11-24').lastDay });
    expect(time('2026-11-24T00:00:00Z').latest - time('2026-11-24T00:00:00Z').earliest).toBe(1);
    expect(time('2026-11').lastDay - time('2026-11').firstDay).toBe(29);
    expect(time('2024').lastDay - time('2024').firstDay).toBe(365);
  });

  it('the later of two times is the one that can end later, then the one that begins later', () => {
    const month = time('2026-11');
    const lastDay = time('2026-11-30');
    expect(laterOf(month, lastDay)).toBe(lastDay);
    expect(laterOf(lastDay, month)).toBe(lastDay);
    expect(laterOf(time('2026-11-01'), month)).toBe(month);
    expect(laterOf(undefined, month)).toBe(month);
  });

  it('compares days as written unless both are instants', () => {
    expect(isAfter(time('2026-11-25'), time('2026-11-24T23:59:59+14:00'))).toBe(true);
    expect(isAfter(time('2026-11-24T10:00:00Z'), time('2026-11-24T09:00:00Z'))).toBe(true);
    expect(isAfter(time('2026-11-24T10:00:00Z'), time('2026-11-24'))).toBe(false);
  });
});
