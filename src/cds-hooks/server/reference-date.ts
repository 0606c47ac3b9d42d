// The reference date of a screening: the calendar date of an instant in the clinic's time zone.
// The server passes it to `handle`; the core never reads the clock.

/**
 * The function that gives the date, `YYYY-MM-DD`, of an instant (milliseconds since the epoch)
 * in `timeZone`, or in the process's time zone when it is undefined.
 *
 * @throws {RangeError} when `timeZone` is not a time zone Intl knows.
 */
export function dateInZone(timeZone: string | undefined): (ms: number) => string {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return (ms) => {
    const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
    for (const { type, value } of format.formatToParts(ms)) part[type] = value;
    return `${part.year}-${part.month}-${part.day}`;
  };
}
