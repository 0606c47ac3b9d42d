import { isRecord, isText } from '../_internal/json-guards.js';
import { readProperty } from '../_internal/read-property.js';
import { type Issue, issue } from '../_internal/result.js';

/** The CPT code system's URI in FHIR. */
export const CPT_SYSTEM = 'http://www.ama-assn.org/go/cpt';
/** CPT-4's OID (HL7's registry): the same code system, as some EHRs write it. */
const CPT_OID = 'urn:oid:2.16.840.1.113883.6.12';

/**
 * A code that marks an order as acupuncture: a coding of the order's `code` with this system and
 * code.
 *
 * @example
 * const code: OrderCode = { system: 'https://clinic.example/orders', code: 'ACU-30' };
 */
export interface OrderCode {
  /** The code system's URI, compared exactly. */
  readonly system: string;
  /** The code, compared exactly. */
  readonly code: string;
}

/**
 * The CPT codes of acupuncture (97810, 97811: without electrical stimulation, first and each
 * further 15 minutes; 97813, 97814: with it), by number only: their descriptors belong to the
 * AMA. No SNOMED CT code is shipped, since none could be checked against a terminology source;
 * a clinic adds its own codes, SNOMED CT among them, with the service's `orderCodes`.
 */
export const acupunctureOrderCodes: readonly OrderCode[] = /* @__PURE__ */ Object.freeze(
  ['97810', '97811', '97813', '97814'].map((code) => Object.freeze({ system: CPT_SYSTEM, code })),
);

/** A draft acupuncture order the hook asks about. */
export interface AcupunctureOrder {
  /** `ServiceRequest/{id}`, for a delete action; undefined when the draft has no id. */
  readonly resourceId: string | undefined;
}

/** The acupuncture orders of an order hook's context, or what is wrong with it. */
export interface OrdersRead {
  readonly orders: readonly AcupunctureOrder[];
  readonly issues: readonly Issue[];
}

/**
 * Reads `context.draftOrders` (a Bundle of draft requests) of `order-select` or `order-sign` and
 * returns the acupuncture orders the hook is about: for `order-select`, those among
 * `context.selections`; for `order-sign`, all. An order is acupuncture when a coding of its
 * `code` is one of `codes` (CPT's also under its OID). An order for another patient than the
 * context's, a selection that names no draft order, or a draft that cannot be read is an issue:
 * the service answers nothing rather than guess which orders it was shown.
 */
export function readAcupunctureOrders(
  context: object,
  hook: 'order-select' | 'order-sign',
  patientId: string | undefined,
  codes: readonly OrderCode[],
): OrdersRead {
  const issues: Issue[] = [];
  const bundle = readProperty(context, 'draftOrders');
  const path = ['context', 'draftOrders'];
  if (!isRecord(bundle) || readProperty(bundle, 'resourceType') !== 'Bundle') {
    return { orders: [], issues: [issue('invalid-type', path, 'expected a Bundle of draft orders')] };
  }
  const entries = readProperty(bundle, 'entry') ?? [];
  if (!Array.isArray(entries)) {
    return { orders: [], issues: [issue('invalid-type', [...path, 'entry'], 'expected a list of entries')] };
  }
  const drafts: { reference: string | undefined; acupuncture: boolean }[] = [];
  entries.forEach((entry: unknown, index) => {
    const at = [...path, 'entry', index, 'resource'];
    const resource = isRecord(entry) ? readProperty(entry, 'resource') : undefined;
    const type = isRecord(resource) ? readProperty(resource, 'resourceType') : undefined;
    if (!isRecord(resource) || !isText(type)) {
      issues.push(issue('invalid-type', at, 'expected a FHIR resource'));
      return;
    }
    const id = readProperty(resource, 'id');
    if (id !== undefined && !isText(id)) issues.push(issue('invalid-type', [...at, 'id'], 'expected a string'));
    // A subject that does not name the context's patient (another patient, or a form not readable
    // as a reference) makes the order someone else's as far as can be told. Without the context's
    // patient (an issue of its own) there is nothing to compare with.
    const subject = readProperty(resource, 'subject');
    if (subject !== undefined && patientId !== undefined) {
      const reference = isRecord(subject) ? readProperty(subject, 'reference') : undefined;
      if (!samePatient(reference, patientId)) {
        issues.push(issue('patient-mismatch', [...at, 'subject'], 'the order is not for the patient in context'));
      }
    }
    const acupuncture = type === 'ServiceRequest' && hasCode(readProperty(resource, 'code'), codes, at, issues);
    drafts.push({ reference: isText(id) ? `${type}/${id}` : undefined, acupuncture });
  });
  let considered = drafts;
  if (hook === 'order-select') {
    const selections = readProperty(context, 'selections');
    if (!Array.isArray(selections) || selections.some((selection: unknown) => !isText(selection))) {
      issues.push(issue('invalid-type', ['context', 'selections'], 'expected a list of references to draft orders'));
    } else {
      selections.forEach((selection: string, index) => {
        if (!drafts.some((draft) => draft.reference === selection)) {
          issues.push(
            issue('unknown-selection', ['context', 'selections', index], 'no draft order has this reference'),
          );
        }
      });
      // A draft without an id is never selected: every selection is a reference string.
      considered = drafts.filter((draft) => (selections as unknown[]).includes(draft.reference));
    }
  }
  const orders = considered
    .filter((draft) => draft.acupuncture)
    .map((draft) => Object.freeze({ resourceId: draft.reference }));
  return { orders, issues };
}

/** True when a coding of `code` is one of `codes`; an unreadable code is an issue. */
function hasCode(
  code: unknown,
  codes: readonly OrderCode[],
  at: readonly (string | number)[],
  issues: Issue[],
): boolean {
  if (code === undefined) return false;
  const codings = isRecord(code) ? (readProperty(code, 'coding') ?? []) : undefined;
  if (!Array.isArray(codings)) {
    issues.push(issue('invalid-type', [...at, 'code'], 'expected a CodeableConcept'));
    // Stryker disable next-line BooleanLiteral: equivalent, the issue refuses the request whatever is returned
    return false;
  }
  return codings.some((coding: unknown, index) => {
    const system = isRecord(coding) ? readProperty(coding, 'system') : undefined;
    const value = isRecord(coding) ? readProperty(coding, 'code') : undefined;
    if (
      !isRecord(coding) ||
      (system !== undefined && typeof system !== 'string') ||
      (value !== undefined && typeof value !== 'string')
    ) {
      issues.push(issue('invalid-type', [...at, 'code', 'coding', index], 'expected a Coding'));
      return false;
    }
    const read = system === CPT_OID ? CPT_SYSTEM : system;
    return codes.some((known) => known.system === read && known.code === value);
  });
}

/** A reference to the context's patient: `Patient/{id}`, relative or at the end of an absolute URL. */
function samePatient(reference: unknown, patientId: string): boolean {
  if (typeof reference !== 'string') return false;
  return reference === `Patient/${patientId}` || reference.endsWith(`/Patient/${patientId}`);
}
