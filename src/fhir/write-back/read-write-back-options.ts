// Reading the caller's part of a written resource (ids, references, dates, codes): untrusted,
// since it often comes from an app's request. Each problem is an issue with the path of the
// option, and nothing is guessed: a bad id is refused, not cleaned.
import { isRecord, isText } from '../../_internal/json-guards.js';
import { readProperties, readProperty } from '../../_internal/read-property.js';
import { type Issue, issue } from '../../_internal/result.js';
import { describeValue } from '../../_internal/text.js';
import { parseFhirTime } from '../fhir-time.js';
import type { FhirWrittenCodeableConcept, FhirWrittenCoding, FhirWrittenReference } from './written-resources.js';

type Path = readonly (string | number)[];

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
// R4 dateTime: a year, a month or a day, or a time with seconds and a zone (the schema requires both).
const DATE_TIME_SHAPE = /^\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))?)?)?$/;
const URI = /^\S+$/;
// R4 code: no white space at either end, single spaces inside.
const CODE = /^\S+( \S+)*$/;

/** What #read gives for an option whose getter threw: its issue is already listed. */
const UNREADABLE: unique symbol = Symbol('unreadable');

/** The options of a write-back function, read once, with the issues found. */
export class OptionReader {
  readonly issues: Issue[] = [];
  readonly #options: object | undefined;

  constructor(options: unknown) {
    if (isRecord(options)) this.#options = options;
    else this.issues.push(issue('invalid-options', [], `expected an options object, got ${describeValue(options)}`));
  }

  #read(key: string): unknown {
    if (this.#options === undefined) return undefined;
    try {
      return readProperty(this.#options, key);
    } catch {
      this.issues.push(issue('unreadable', [key], `${key} could not be read`));
      return UNREADABLE;
    }
  }

  /** A required FHIR id: 1 to 64 letters, digits, `-` and `.`. */
  id(key: string): string {
    const value = this.#read(key);
    if (isText(value) && FHIR_ID.test(value)) return value;
    this.#refuse(key, value, 'a FHIR id (1-64 letters, digits, "-" or ".")');
    return '';
  }

  /** A required or optional relative reference `Type/id` to one of `types`. */
  reference(key: string, types: readonly string[], required: true): FhirWrittenReference;
  reference(key: string, types: readonly string[], required: false): FhirWrittenReference | undefined;
  reference(key: string, types: readonly string[], required: boolean): FhirWrittenReference | undefined {
    const value = this.#read(key);
    if (value === undefined && !required) return undefined;
    const found = checkReference(value, types);
    if (found !== undefined) return found;
    this.#refuse(key, value, referenceWords(types));
    return { reference: '' };
  }

  /** An optional list of references to one of `types`; undefined when left out or empty. */
  references(key: string, types: readonly string[]): FhirWrittenReference[] | undefined {
    const value = this.#read(key);
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) {
      this.#refuse(key, value, `a list of ${referenceWords(types)}`);
      return undefined;
    }
    const found: FhirWrittenReference[] = [];
    for (let index = 0; index < value.length; index++) {
      const item = this.#element(value, key, index);
      if (item === UNREADABLE) continue;
      const reference = checkReference(item, types);
      if (reference === undefined) this.issues.push(badAt([key, index], item, referenceWords(types)));
      else found.push(reference);
    }
    return found.length === 0 ? undefined : found;
  }

  /** A required FHIR dateTime: a date, or a time with seconds and a zone. */
  dateTime(key: string): string {
    const value = this.#read(key);
    if (isText(value) && DATE_TIME_SHAPE.test(value) && parseFhirTime(value) !== undefined) return value;
    this.#refuse(key, value, 'a FHIR dateTime (YYYY-MM-DD, or with a time, seconds and a zone)');
    return '';
  }

  /** An optional choice among `allowed`, or `fallback` when left out. */
  choice<const T extends string>(key: string, allowed: readonly T[], fallback: T): T {
    const value = this.#read(key);
    if (value === undefined) return fallback;
    if (allowed.includes(value as T)) return value as T;
    this.#refuse(key, value, `one of ${allowed.join(', ')}`);
    return fallback;
  }

  /** An optional CodeableConcept: codings of a system and a code, and/or a text. */
  concept(key: string): FhirWrittenCodeableConcept | undefined {
    const value = this.#read(key);
    if (value === undefined || value === UNREADABLE) return undefined;
    return readConcept(value, [key], this.issues);
  }

  /** An optional list of CodeableConcepts, at least one when given. */
  concepts(key: string): FhirWrittenCodeableConcept[] | undefined {
    const value = this.#read(key);
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.length === 0) {
      this.#refuse(key, value, 'a non-empty list of CodeableConcepts');
      return undefined;
    }
    const found: (FhirWrittenCodeableConcept | undefined)[] = [];
    for (let index = 0; index < value.length; index++) {
      const item = this.#element(value, key, index);
      found.push(item === UNREADABLE ? undefined : readConcept(item, [key, index], this.issues));
    }
    return found.every((item) => item !== undefined) ? (found as FhirWrittenCodeableConcept[]) : undefined;
  }

  /** An element of a list option: a hole is undefined (never what a polluted prototype holds); a throwing getter an issue. */
  #element(list: readonly unknown[], key: string, index: number): unknown {
    try {
      return Object.hasOwn(list, index) ? list[index] : undefined;
    } catch {
      this.issues.push(issue('unreadable', [key, index], `${key}.${index} could not be read`));
      return UNREADABLE;
    }
  }

  /** Any other value, as given, for the caller's own reading; undefined when it could not be read. */
  raw(key: string): unknown {
    const value = this.#read(key);
    return value === UNREADABLE ? undefined : value;
  }

  /**
   * Lists the issue of a bad value, unless reading it failed (that issue is listed) or there are
   * no options at all (that issue says it).
   */
  #refuse(key: string, value: unknown, expected: string): void {
    if (value === UNREADABLE || this.#options === undefined) return;
    this.issues.push(
      value === undefined ? issue('missing', [key], `${key} is required: ${expected}`) : badAt([key], value, expected),
    );
  }
}

function badAt(path: Path, value: unknown, expected: string): Issue {
  return issue('invalid-option', path, `${path.join('.')} must be ${expected}, got ${describeValue(value)}`);
}

function referenceWords(types: readonly string[]): string {
  return `a reference ${types.map((type) => `"${type}/{id}"`).join(' or ')}`;
}

function checkReference(value: unknown, types: readonly string[]): FhirWrittenReference | undefined {
  if (!isText(value)) return undefined;
  const slash = value.indexOf('/');
  const type = value.slice(0, slash);
  return types.includes(type) && FHIR_ID.test(value.slice(slash + 1)) ? { reference: value } : undefined;
}

function readConcept(value: unknown, path: Path, issues: Issue[]): FhirWrittenCodeableConcept | undefined {
  try {
    return readConceptOrThrow(value, path, issues);
  } catch {
    issues.push(issue('unreadable', path, `${path.join('.')} could not be read`));
    return undefined;
  }
}

function readConceptOrThrow(value: unknown, path: Path, issues: Issue[]): FhirWrittenCodeableConcept | undefined {
  const expected = 'a CodeableConcept: { coding?: [{ system, code, display? }], text? } with a coding or a text';
  if (!isRecord(value)) {
    issues.push(badAt(path, value, expected));
    return undefined;
  }
  const coding: unknown = readProperty(value, 'coding');
  const text: unknown = readProperty(value, 'text');
  const list: unknown = coding === undefined ? [] : coding;
  // Each value is read once, so that a getter cannot say one thing to the check and another to the copy.
  const codings = Array.isArray(list) ? list.map(readCoding) : [undefined];
  const concept: FhirWrittenCodeableConcept = {};
  if (codings.length > 0) concept.coding = codings as FhirWrittenCoding[];
  if (text !== undefined) concept.text = text as string;
  if (
    codings.includes(undefined) ||
    (text !== undefined && !isText(text)) ||
    (codings.length === 0 && text === undefined)
  ) {
    issues.push(badAt(path, value, expected));
    return undefined;
  }
  return concept;
}

function readCoding(item: unknown): FhirWrittenCoding | undefined {
  if (!isRecord(item)) return undefined;
  const { system, code, display } = readProperties(item, ['system', 'code', 'display']);
  if (!isText(system) || !URI.test(system) || !isText(code) || !CODE.test(code)) return undefined;
  if (display === undefined) return { system, code };
  return isText(display) ? { system, code, display } : undefined;
}
