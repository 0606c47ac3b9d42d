// Reading untrusted FHIR JSON: finding the resources in a Bundle or an array, and reading the
// few elements the mapping needs with a check of their type. A wrong type is an issue with its
// path; an absent element is simply absent.
import { type Issue, issue } from '../_internal/result.js';
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

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `the ${typeof value} ${String(value)}`;
  return `a value of type ${typeof value}`;
}

export function refOf(type: string, resource: Json, path: FhirPath): FhirResourceRef {
  const id = own(resource, 'id');
  return typeof id === 'string' && id !== '' ? { resourceType: type, id, path } : { resourceType: type, path };
}

/**
 * Collects the resources of a Bundle, an array of resources (Bundles in it are read as their
 * entries) or a single resource. Pushes issues for anything that is not a resource.
 */
export function collectResources(input: unknown, issues: Issue[], entriesWithout: FhirPath[]): Found[] {
  const found: Found[] = [];
  const visitResource = (value: unknown, path: FhirPath, fullUrl: string | undefined, depth: number): void => {
    if (!isObject(value)) {
      issues.push(issue('not-a-resource', path, `expected a FHIR resource (an object), got ${describe(value)}`));
      return;
    }
    const type = own(value, 'resourceType');
    if (typeof type !== 'string' || type === '') {
      issues.push(
        issue('not-a-resource', [...path, 'resourceType'], `expected a resourceType string, got ${describe(type)}`),
      );
      return;
    }
    if (type !== 'Bundle') {
      found.push({ resource: value, type, path, fullUrl, ref: refOf(type, value, path) });
      return;
    }
    if (depth >= MAX_DEPTH) {
      issues.push(issue('too-deep', path, `Bundles nested more than ${MAX_DEPTH} deep are not read`));
      return;
    }
    const entries = own(value, 'entry');
    if (entries === undefined) return;
    if (!Array.isArray(entries)) {
      issues.push(issue('invalid-type', [...path, 'entry'], `expected an array of entries, got ${describe(entries)}`));
      return;
    }
    entries.forEach((entry: unknown, index) => {
      const entryPath = [...path, 'entry', index];
      if (!isObject(entry)) {
        issues.push(issue('invalid-type', entryPath, `expected a Bundle entry (an object), got ${describe(entry)}`));
        return;
      }
      const url = own(entry, 'fullUrl');
      if (url !== undefined && typeof url !== 'string') {
        issues.push(issue('invalid-type', [...entryPath, 'fullUrl'], `expected a string, got ${describe(url)}`));
      }
      const resource = own(entry, 'resource');
      if (resource === undefined) {
        entriesWithout.push(entryPath);
        return;
      }
      visitResource(resource, [...entryPath, 'resource'], typeof url === 'string' ? url : undefined, depth + 1);
    });
  };
  if (Array.isArray(input)) {
    input.forEach((item: unknown, index) => {
      visitResource(item, [index], undefined, 0);
    });
  } else if (isObject(input)) {
    visitResource(input, [], undefined, 0);
  } else {
    issues.push(issue('not-an-object', [], `expected a FHIR Bundle or an array of resources, got ${describe(input)}`));
  }
  return found;
}

/** Reads the fields of one resource, collecting issues with full paths. */
export class FieldReader {
  constructor(
    private readonly issues: Issue[],
    private readonly path: FhirPath,
    private readonly object: Json,
  ) {}

  string(key: string): string | undefined {
    const value = own(this.object, key);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      this.issues.push(issue('invalid-type', [...this.path, key], `expected a string, got ${describe(value)}`));
      return undefined;
    }
    return value;
  }

  has(key: string): boolean {
    return own(this.object, key) !== undefined;
  }

  /** The codings of a CodeableConcept that have a system and a code; undefined when the element is absent. */
  concept(key: string): readonly ReadCoding[] | undefined {
    const value = own(this.object, key);
    if (value === undefined) return undefined;
    return readConcept(value, [...this.path, key], this.issues);
  }

  reference(key: string): string | undefined {
    const value = own(this.object, key);
    if (value === undefined) return undefined;
    if (!isObject(value)) {
      this.issues.push(
        issue('invalid-type', [...this.path, key], `expected a Reference (an object), got ${describe(value)}`),
      );
      return undefined;
    }
    return new FieldReader(this.issues, [...this.path, key], value).string('reference');
  }

  /** A FHIR date (dateOnly) or dateTime; an impossible or malformed value is an issue. */
  time(key: string, dateOnly = false): FhirTime | undefined {
    const text = this.string(key);
    if (text === undefined) return undefined;
    const time = parseFhirTime(text, dateOnly);
    if (time === undefined) {
      const expected = dateOnly ? 'YYYY, YYYY-MM or YYYY-MM-DD' : 'a FHIR dateTime';
      this.issues.push(issue('invalid-date', [...this.path, key], `expected ${expected}, got ${describe(text)}`));
    }
    return time;
  }

  period(key: string): FhirTime | undefined {
    const value = own(this.object, key);
    if (value === undefined) return undefined;
    if (!isObject(value)) {
      this.issues.push(
        issue('invalid-type', [...this.path, key], `expected a Period (an object), got ${describe(value)}`),
      );
      return undefined;
    }
    const inner = new FieldReader(this.issues, [...this.path, key], value);
    return periodTime(inner.time('start'), inner.time('end'));
  }

  /** The resources in `contained`, for resolving `#id` references. */
  contained(): readonly Json[] {
    const value = own(this.object, 'contained');
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.issues.push(issue('invalid-type', [...this.path, 'contained'], `expected an array, got ${describe(value)}`));
      return [];
    }
    return value.filter(isObject);
  }
}

export function readConcept(value: unknown, path: FhirPath, issues: Issue[]): readonly ReadCoding[] {
  if (!isObject(value)) {
    issues.push(issue('invalid-type', path, `expected a CodeableConcept (an object), got ${describe(value)}`));
    return [];
  }
  const coding = own(value, 'coding');
  if (coding === undefined) return [];
  if (!Array.isArray(coding)) {
    issues.push(issue('invalid-type', [...path, 'coding'], `expected an array of codings, got ${describe(coding)}`));
    return [];
  }
  const codings: ReadCoding[] = [];
  coding.forEach((item: unknown, index) => {
    const itemPath = [...path, 'coding', index];
    if (!isObject(item)) {
      issues.push(issue('invalid-type', itemPath, `expected a Coding (an object), got ${describe(item)}`));
      return;
    }
    const reader = new FieldReader(issues, itemPath, item);
    const system = reader.string('system');
    const code = reader.string('code');
    if (system !== undefined && code !== undefined) codings.push({ system, code });
  });
  return codings;
}
