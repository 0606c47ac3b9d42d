// Reading untrusted FHIR JSON: finding the resources in a Bundle or an array, and reading the
// few elements the mapping needs with a check of their type. A wrong type is an issue with its
// path; an absent element is simply absent.
import { type Issue, issue } from '../_internal/result.js';
import { describeValue } from '../_internal/text.js';
import type { FhirPath, FhirResourceRef } from './fhir-facts.js';
import { type FhirTime, parseFhirTime, periodTime } from './fhir-time.js';

export type Json = Record<string, unknown>;

/** One resource found in the input. */
export interface Found {
  readonly resource: Json;
  readonly type: string;
  readonly path: FhirPath;
  readonly fullUrl: string | undefined;
  readonly ref: FhirResourceRef;
  /** The `timestamp` of the Bundle the resource came in (when it was assembled), when it can be read. */
  readonly bundleTimestamp: FhirTime | undefined;
}

/** A part of the input that is not a readable resource: left out, with where and why. */
export interface Unreadable {
  readonly path: FhirPath;
  readonly message: string;
}

/** What the input holds: its resources, the parts that are not resources, and entries without one. */
export interface Collected {
  readonly found: Found[];
  readonly unreadable: Unreadable[];
  readonly entriesWithout: FhirPath[];
}

/** A coding that has both a system and a code. */
export interface ReadCoding {
  readonly system: string;
  readonly code: string;
}

// Bundles inside arrays are read as their entries; deeper nesting than this is refused.
const MAX_DEPTH = 4;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property, never an inherited one. */
export function own(object: Json, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

export function refOf(type: string, resource: Json, path: FhirPath): FhirResourceRef {
  const id = own(resource, 'id');
  return Object.freeze(
    typeof id === 'string' && id !== ''
      ? { resourceType: type, id, path: Object.freeze([...path]) }
      : { resourceType: type, path: Object.freeze([...path]) },
  );
}

/**
 * Collects the resources of a Bundle, an array of resources (Bundles in it are read as their
 * entries) or a single resource. A part that is not a resource is collected as unreadable, so
 * that one bad entry leaves the facts it might have decided unrecorded instead of failing the
 * whole record. Only an input that is neither an object nor an array is an issue.
 */
export function collectResources(input: unknown, issues: Issue[]): Collected {
  const collected: Collected = { found: [], unreadable: [], entriesWithout: [] };
  const bad = (path: FhirPath, message: string) => collected.unreadable.push({ path, message });
  const visitResource = (
    value: unknown,
    path: FhirPath,
    fullUrl: string | undefined,
    timestamp: FhirTime | undefined,
    depth: number,
  ): void => {
    if (!isObject(value)) {
      bad(path, `expected a FHIR resource (an object), got ${describeValue(value)}`);
      return;
    }
    const type = own(value, 'resourceType');
    if (typeof type !== 'string' || type === '') {
      bad(
        [...path, 'resourceType'],
        `expected a resourceType string, got ${type === undefined ? 'none' : describeValue(type)}`,
      );
      return;
    }
    if (type !== 'Bundle') {
      collected.found.push({
        resource: value,
        type,
        path,
        fullUrl,
        ref: refOf(type, value, path),
        bundleTimestamp: timestamp,
      });
      return;
    }
    if (depth >= MAX_DEPTH) {
      bad(path, `Bundles nested more than ${MAX_DEPTH} deep are not read`);
      return;
    }
    const stamp = own(value, 'timestamp');
    if (stamp !== undefined && typeof stamp !== 'string') {
      bad([...path, 'timestamp'], `expected an instant, got ${describeValue(stamp)}`);
    }
    const entries = own(value, 'entry');
    if (entries === undefined) return;
    if (!Array.isArray(entries)) {
      bad([...path, 'entry'], `expected an array of entries, got ${describeValue(entries)}`);
      return;
    }
    const bundleTimestamp = typeof stamp === 'string' ? parseFhirTime(stamp) : undefined;
    entries.forEach((entry: unknown, index) => {
      const entryPath = [...path, 'entry', index];
      if (!isObject(entry)) {
        bad(entryPath, `expected a Bundle entry (an object), got ${describeValue(entry)}`);
        return;
      }
      const url = own(entry, 'fullUrl');
      if (url !== undefined && typeof url !== 'string') {
        bad([...entryPath, 'fullUrl'], `expected a string, got ${describeValue(url)}`);
        return;
      }
      const resource = own(entry, 'resource');
      if (resource === undefined) {
        collected.entriesWithout.push(entryPath);
        return;
      }
      visitResource(resource, [...entryPath, 'resource'], url as string | undefined, bundleTimestamp, depth + 1);
    });
  };
  if (Array.isArray(input)) {
    input.forEach((item: unknown, index) => {
      visitResource(item, [index], undefined, undefined, 0);
    });
  } else if (isObject(input)) {
    visitResource(input, [], undefined, undefined, 0);
  } else {
    issues.push(
      issue('not-an-object', [], `expected a FHIR Bundle or an array of resources, got ${describeValue(input)}`),
    );
  }
  return collected;
}

/** The two ends of a Period, each absent when not given. */
export interface PeriodEnds {
  readonly start: FhirTime | undefined;
  readonly end: FhirTime | undefined;
}

/** Reads the fields of one resource, collecting issues with full paths. */
export class FieldReader {
  constructor(
    private readonly issues: Issue[],
    private readonly path: FhirPath,
    private readonly fields: Json,
  ) {}

  string(key: string): string | undefined {
    const value = own(this.fields, key);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      this.issues.push(issue('invalid-type', [...this.path, key], `expected a string, got ${describeValue(value)}`));
      return undefined;
    }
    return value;
  }

  has(key: string): boolean {
    return own(this.fields, key) !== undefined;
  }

  /** The codings of a CodeableConcept that have a system and a code; undefined when the element is absent. */
  concept(key: string): readonly ReadCoding[] | undefined {
    const value = own(this.fields, key);
    if (value === undefined) return undefined;
    return readConcept(value, [...this.path, key], this.issues);
  }

  reference(key: string): string | undefined {
    return this.object(key, 'a Reference')?.string('reference');
  }

  /** A FHIR date (dateOnly) or dateTime; an impossible or malformed value is an issue. */
  time(key: string, dateOnly = false): FhirTime | undefined {
    const text = this.string(key);
    if (text === undefined) return undefined;
    const time = parseFhirTime(text, dateOnly);
    if (time === undefined) {
      const expected = dateOnly ? 'YYYY, YYYY-MM or YYYY-MM-DD' : 'a FHIR dateTime';
      this.issues.push(issue('invalid-date', [...this.path, key], `expected ${expected}, got ${describeValue(text)}`));
    }
    return time;
  }

  /** A Period as its two ends, each read as a FHIR dateTime; undefined when the element is absent or empty. */
  periodEnds(key: string): PeriodEnds | undefined {
    const inner = this.object(key, 'a Period');
    if (inner === undefined) return undefined;
    const start = inner.time('start');
    const end = inner.time('end');
    return start === undefined && end === undefined ? undefined : { start, end };
  }

  /** A Period as one span, from its start to its end; open ends are unbounded. */
  period(key: string): FhirTime | undefined {
    const ends = this.periodEnds(key);
    return ends === undefined ? undefined : periodTime(ends.start, ends.end);
  }

  /** A reader for a nested object (a Period, `meta`, `dispenseRequest`); a wrong type is an issue. */
  object(key: string, expected = 'an object'): FieldReader | undefined {
    const value = own(this.fields, key);
    if (value === undefined) return undefined;
    if (!isObject(value)) {
      this.issues.push(
        issue('invalid-type', [...this.path, key], `expected ${expected} (an object), got ${describeValue(value)}`),
      );
      return undefined;
    }
    return new FieldReader(this.issues, [...this.path, key], value);
  }

  /** The objects of an array element (e.g. `dosageInstruction`); a wrong type is an issue. */
  objects(key: string): FieldReader[] {
    const value = own(this.fields, key);
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.issues.push(issue('invalid-type', [...this.path, key], `expected an array, got ${describeValue(value)}`));
      return [];
    }
    const readers: FieldReader[] = [];
    value.forEach((item: unknown, index) => {
      if (isObject(item)) readers.push(new FieldReader(this.issues, [...this.path, key, index], item));
      else
        this.issues.push(
          issue('invalid-type', [...this.path, key, index], `expected an object, got ${describeValue(item)}`),
        );
    });
    return readers;
  }

  /** The resources in `contained`, for resolving `#id` references. */
  contained(): readonly Json[] {
    const value = own(this.fields, 'contained');
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.issues.push(
        issue('invalid-type', [...this.path, 'contained'], `expected an array, got ${describeValue(value)}`),
      );
      return [];
    }
    return value.filter(isObject);
  }
}

export function readConcept(value: unknown, path: FhirPath, issues: Issue[]): readonly ReadCoding[] {
  if (!isObject(value)) {
    issues.push(issue('invalid-type', path, `expected a CodeableConcept (an object), got ${describeValue(value)}`));
    return [];
  }
  const coding = own(value, 'coding');
  if (coding === undefined) return [];
  if (!Array.isArray(coding)) {
    issues.push(
      issue('invalid-type', [...path, 'coding'], `expected an array of codings, got ${describeValue(coding)}`),
    );
    return [];
  }
  const codings: ReadCoding[] = [];
  coding.forEach((item: unknown, index) => {
    const itemPath = [...path, 'coding', index];
    if (!isObject(item)) {
      issues.push(issue('invalid-type', itemPath, `expected a Coding (an object), got ${describeValue(item)}`));
      return;
    }
    const reader = new FieldReader(issues, itemPath, item);
    const system = reader.string('system');
    const code = reader.string('code');
    if (system !== undefined && code !== undefined) codings.push({ system, code });
  });
  return codings;
}
