/** A day of the week, as a short lower-case id: `'mon'` ... `'sun'`. */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/**
 * The days of the week in ISO 8601 order, Monday first.
 *
 * @example
 * weekdays[0]; // => 'mon'
 * weekdays.length; // => 7
 */
export const weekdays: readonly Weekday[] = Object.freeze(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const);
