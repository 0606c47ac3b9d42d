// Short, safe renderings of untrusted values for messages: never split a character made of two
// UTF-16 code units (an emoji, a rare CJK character), so that a cut message is still valid text.

/**
 * `text` cut to at most `max` UTF-16 code units, ending in `…` when cut. Cuts between code
 * points, never inside a surrogate pair; the ellipsis counts toward `max`, and below 1 nothing is
 * left.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 1) return '';
  let end = max - 1;
  // A high surrogate at the cut would be left without its low half: cut before it.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** A value described for an issue message: its type, and a string or number shown briefly. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(truncate(value, 41))}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `the ${typeof value} ${String(value)}`;
  return `a value of type ${typeof value}`;
}
