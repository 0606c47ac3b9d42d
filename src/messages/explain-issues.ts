import type { Issue } from '../_internal/result.js';
import { COURSE_REQUEST_FIELDS } from '../course/request-fields.js';
import type { MessageCode } from './message-code.js';
import type { MessageOptions } from './message-options.js';
import { capitalize, decapitalize, type Translator, translator } from './translator.js';

/**
 * Issues explained in words, for the person who filled in the form. Frozen.
 *
 * @example
 * const result = parseRegion('knee');
 * if (!result.ok) {
 *   const explanation: IssuesExplanation = explainIssues(result.issues, { locale: ru }); // ru from 'acuspine/locales/ru'
 *   explanation.locale; // => 'ru'
 * }
 */
export interface IssuesExplanation {
  /** The locale of the words. */
  readonly locale: string;
  /** One entry per issue, in the order given. */
  readonly issues: readonly IssueExplanation[];
  /** The lines of all issues as plain text, one line each. */
  readonly text: string;
  /** The codes that a supplied `messages` catalog (or a Locale's own) lacked and that came from the next catalog; empty for a shipped locale without `messages`. */
  readonly fallbacks: readonly MessageCode[];
}

/**
 * One issue in words.
 *
 * @example
 * const result = parsePatientFacts({ pregnant: 'yes' });
 * if (!result.ok) {
 *   const [entry]: readonly IssueExplanation[] = explainIssues(result.issues).issues;
 *   entry.text; // => 'Pregnancy: the value has the wrong type.'
 * }
 */
export interface IssueExplanation {
  /** The issue's code, as given. */
  readonly code: string;
  /** The issue's path, as given. */
  readonly path: readonly (string | number)[];
  /** The field in words (a fact's or a course setting's name), or undefined for the input as a whole. */
  readonly field: string | undefined;
  /** The issue as one line: the field, then what is wrong with it. */
  readonly text: string;
}

/** Whether a path segment is a course request field that has a label of its own. */
function isCourseField(segment: unknown): boolean {
  return (COURSE_REQUEST_FIELDS as readonly unknown[]).includes(segment);
}

/**
 * Explains the issues of `parsePatientFacts`, `parseRegion` or `buildCourse` in words: each
 * known code has its own sentence, any other code a generic one naming the code; the field is
 * named by the fact's or the setting's label. The issues' own `message`s are English text for
 * developers and are not shown.
 *
 * @param issues - the `issues` of a failed result.
 * @param options - `locale` (English by default, or a {@link Locale} such as `ru` from
 *   'acuspine/locales/ru'), or `messages` for an app's own locale.
 * @returns the frozen explanation.
 * @throws {TypeError} when `issues` is not an array of issues (nor is one that cannot be read,
 *   whatever its getters throw), or an option has the wrong type.
 * @throws {RangeError} when `locale` is the tag `'ru'` (import `ru` from 'acuspine/locales/ru'
 *   instead), or a tag other than `'en'` with no `messages`.
 * @example
 * import { explainIssues, parsePatientFacts } from 'acuspine';
 * import { ru } from 'acuspine/locales/ru';
 *
 * const result = parsePatientFacts({ ageYears: 'forty', pregnancy: true });
 * if (!result.ok) {
 *   explainIssues(result.issues).text;
 *   // => 'Age (completed years): the value has the wrong type.\n“pregnancy” is not a known field: check its spelling.'
 *   explainIssues(result.issues, { locale: ru }).issues[0].text;
 *   // => 'Возраст (полных лет): значение имеет неверный тип.'
 * }
 */
export function explainIssues(issues: readonly Issue[], options?: MessageOptions): IssuesExplanation {
  const t = translator(options, 'explainIssues');
  const read = readIssues(issues);
  if (read === undefined) throw new TypeError('explainIssues: expected an array of issues { code, path, message }');
  const explained = read.map((found) => explainIssue(t, found));
  return Object.freeze({
    locale: t.locale,
    issues: Object.freeze(explained),
    text: explained.map((entry) => entry.text).join('\n'),
    fallbacks: t.fallbacks(),
  });
}

/** The issue's code and path, each read once; its message is not shown. */
type ReadIssue = Pick<Issue, 'code' | 'path'>;

/**
 * A copy of each issue's code and path, read once, so that a getter cannot answer one thing to
 * the check and another to the words; undefined when the value is not a list of issues or cannot
 * be read (a getter or a proxy threw).
 */
function readIssues(value: unknown): ReadIssue[] | undefined {
  try {
    if (!Array.isArray(value)) return undefined;
    const copies: ReadIssue[] = [];
    for (const entry of Array.from(value as unknown[])) {
      if (typeof entry !== 'object' || entry === null) return undefined;
      const { code, path } = entry as Record<string, unknown>;
      if (typeof code !== 'string' || !Array.isArray(path)) return undefined;
      const segments = Array.from(path as unknown[]);
      if (!segments.every((segment) => typeof segment === 'string' || typeof segment === 'number')) return undefined;
      copies.push({ code, path: Object.freeze(segments as (string | number)[]) });
    }
    return copies;
  } catch {
    return undefined;
  }
}

function explainIssue(t: Translator, found: ReadIssue): IssueExplanation {
  const { code, path } = found;
  // An unknown or forbidden key is named itself; the field is the object that holds it.
  const aboutKey = code === 'unknown-key' || code === 'forbidden-key';
  const fieldPath = aboutKey ? path.slice(0, -1) : path;
  const field = fieldLabel(t, fieldPath);
  const messageCode = `issue.${code}`;
  const known = code !== 'other' && code !== 'line' && t.has(messageCode);
  const message = known
    ? t.t(messageCode, aboutKey ? { key: String(path[path.length - 1] ?? '') } : {})
    : t.t('issue.other', { code });
  const text = field === undefined ? message : capitalize(t.t('issue.line', { field, message: decapitalize(message) }));
  return Object.freeze({ code, path, field, text });
}

function fieldLabel(t: Translator, path: readonly (string | number)[]): string | undefined {
  if (path.length === 0) return undefined;
  const [head, next] = path;
  let label: string;
  let rest: number;
  if (head === 'override' && (next === 'reason' || next === 'by')) {
    label = t.t(`field.override.${next}`);
    rest = 2;
  } else if (isCourseField(head)) {
    label = t.t(`field.${head}` as MessageCode);
    rest = 1;
  } else if (t.has(`fact.${head}.label`)) {
    label = t.t(`fact.${head}.label` as MessageCode);
    rest = 1;
  } else {
    label = t.t('field.root');
    rest = 0;
  }
  for (const segment of path.slice(rest)) {
    label =
      typeof segment === 'number'
        ? t.t('field.entry', { field: label, number: segment + 1 })
        : t.t('field.nested', { field: label, key: segment });
  }
  return label;
}
