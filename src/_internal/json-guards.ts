// The two questions every reader of untrusted JSON asks first, answered once.

/** True for a JSON object: an object that is neither null nor an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for a string with something in it besides white space. */
export function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
