import { deepFreeze } from '../_internal/freeze.js';
import { parseIsoDate } from '../_internal/iso-date.js';
import { isRecord, isText } from '../_internal/json-guards.js';
import { readProperty } from '../_internal/read-property.js';
import { fail, type Issue, issue, ok, type Result } from '../_internal/result.js';
import type { FhirCodeList } from '../fhir/code-list.js';
import { factsFromFhir } from '../fhir/facts-from-fhir.js';
import type { FhirNote, FhirNoteCode } from '../fhir/fhir-facts.js';
import type { AgeRuleOptions } from '../screening/age-rule.js';
import { protocolRuleSet } from '../screening/protocol-rule-set.js';
import type { RuleSet } from '../screening/rule.js';
import { screen } from '../screening/screen.js';
import {
  type AcupunctureOrder,
  acupunctureOrderCodes,
  type OrderCode,
  readAcupunctureOrders,
} from './acupuncture-orders.js';
import type { Card, CardCoding, CardLink, CardSource, CdsResponse } from './card.js';
import { type CdsFeedback, readFeedback } from './feedback.js';
import { customFactLabels, escapeMarkdown, factLabel } from './labels.js';
import { defaultOverrideReasons, orderCards } from './order-cards.js';
import { cardsFor, checkedSource, isAbsoluteUrl, summarize, withLinks } from './screening-cards.js';

/** The hooks the service answers. */
export type CdsHook = 'patient-view' | 'appointment-book' | 'order-select' | 'order-sign';

/** The prefetch keys the service asks for. */
export type CdsPrefetchKey = 'patient' | 'conditions' | 'observations' | 'medications' | 'devices';

/**
 * One CDS Hooks 2.0 discovery entry.
 *
 * @example
 * const entry: CdsServiceDefinition = {
 *   id: 'acuspine-screening',
 *   hook: 'patient-view',
 *   title: 'Acupuncture screening',
 *   description: 'Screens for contraindications to acupuncture',
 *   prefetch: { patient: 'Patient/{{context.patientId}}' },
 * };
 */
export interface CdsServiceDefinition {
  /** The service id: the last segment of its URL, `{baseUrl}/cds-services/{id}`. */
  readonly id: string;
  /** The hook that invokes the service. */
  readonly hook: CdsHook;
  /** A human-friendly name. */
  readonly title: string;
  /** What the service does. */
  readonly description: string;
  /** FHIR queries the CDS client runs before calling, keyed by name. */
  readonly prefetch: Readonly<Record<CdsPrefetchKey, string>>;
}

/**
 * Options for {@link cdsService}.
 *
 * @example
 * const options: CdsServiceOptions = { source: { label: 'Clinic acupuncture screening' } };
 */
export interface CdsServiceOptions {
  /** Where the cards come from, shown on every card: `label` is required. */
  readonly source: CardSource;
  /** The id of the patient-view service; the appointment-book service gets `${id}-appointment-book`. Default `'acuspine-screening'`. */
  readonly id?: string;
  /**
   * The rules to screen with. Default: the source protocol's, `protocolRuleSet`. Its age rule's
   * bounds are used for partial birth dates. With the red flags (`extendProtocol({ id, version,
   * rules: [...redFlagRuleSet.rules] })`), a red flag found present gives a `critical` card first;
   * the record sets only the red flags that a code states (see the FHIR mapping), and the cards
   * name a set's own facts, which no record sets, by their English labels.
   */
  readonly ruleSet?: RuleSet<string, string>;
  /** Read the record as a curated registry (no record means absent). Default false: an EHR, where no record means unknown. Ignored when a prefetch is missing or failed. */
  readonly closedWorld?: boolean;
  /** A clinic's own code lists, passed to `factsFromFhir`. */
  readonly extraCodes?: readonly FhirCodeList[];
  /**
   * The codes of a clinic's own acupuncture orders, beside CPT's (`acupunctureOrderCodes`): the
   * order hooks answer about a draft ServiceRequest with one of them. A SNOMED CT code goes here.
   */
  readonly orderCodes?: readonly OrderCode[];
  /**
   * The clinic's form for recording the facts a screening lacks: linked from the cards that ask
   * for them (the incomplete card, and the card of a prefetch missing). An absolute http(s) URL.
   */
  readonly recordFactsLink?: {
    /** The text of the link, such as "Record the screening facts". */
    readonly label: string;
    /** The form's absolute http(s) URL. */
    readonly url: string;
  };
  /**
   * The reasons offered for overriding a critical card of the order hooks, each with a `display`.
   * Default `defaultOverrideReasons`.
   */
  readonly overrideReasons?: readonly CardCoding[];
}

/**
 * Options for one call of {@link CdsService.handle}.
 *
 * @example
 * const call: CdsHandleOptions = { on: '2026-11-24', serviceId: 'acuspine-screening' };
 */
export interface CdsHandleOptions {
  /** The reference date, `YYYY-MM-DD`: the caller passes today's date (the library never reads the clock). */
  readonly on: string;
  /** The id of the service called (from the URL); when given, the request's hook must be that service's hook. */
  readonly serviceId?: string;
}

/**
 * A CDS Hooks service: its discovery entries and a pure request handler.
 */
export interface CdsService {
  /** The discovery entries, one per hook, for `GET {baseUrl}/cds-services` as `{ services: definitions }`. */
  readonly definitions: readonly CdsServiceDefinition[];
  /**
   * Answers one CDS Hooks request. Pure and never throws: a malformed request gives
   * `{ ok: false, issues }` (answer HTTP 400); otherwise `{ ok: true, value: { cards } }`.
   */
  readonly handle: (request: unknown, options: CdsHandleOptions) => Result<CdsResponse>;
  /**
   * Reads the body of `POST {baseUrl}/cds-services/{serviceId}/feedback`. Pure and never throws:
   * the entries, frozen, for the clinic's audit log (answer HTTP 200), or the issues with their
   * paths (answer 400).
   */
  readonly feedback: (body: unknown, options: { readonly serviceId: string }) => Result<readonly CdsFeedback[]>;
}

/** The prefetch keys, in the order the cards name them. */
export const PREFETCH_KEYS: readonly CdsPrefetchKey[] = [
  'patient',
  'conditions',
  'observations',
  'medications',
  'devices',
];
/** The FHIR query of each prefetch key, as the discovery document gives it. */
export const PREFETCH_TEMPLATES: Readonly<Record<CdsPrefetchKey, string>> = {
  patient: 'Patient/{{context.patientId}}',
  conditions: 'Condition?patient={{context.patientId}}',
  observations: 'Observation?patient={{context.patientId}}&code=http://loinc.org|82810-3',
  medications: 'MedicationRequest?patient={{context.patientId}}',
  devices: 'Device?patient={{context.patientId}}',
};
const PREFETCH_WORDS: Readonly<Record<CdsPrefetchKey, string>> = {
  patient: 'the Patient (age)',
  conditions: 'the Conditions (oncology, pregnancy, clotting, infection, mental state)',
  observations: 'the pregnancy status Observations',
  medications: 'the MedicationRequests (anticoagulants)',
  devices: 'the Devices (implanted pacemaker or other electrical device)',
};
/** The options `cdsService` knows, so that a misspelt one (`closedworld`) fails at start-up. */
const OPTION_KEYS: ReadonlySet<string> = new Set([
  'source',
  'id',
  'ruleSet',
  'closedWorld',
  'extraCodes',
  'orderCodes',
  'recordFactsLink',
  'overrideReasons',
]);
/** The hooks of the services after the first, with the suffix of their ids and their titles. */
const MORE_HOOKS: readonly { hook: CdsHook; title: string }[] = [
  { hook: 'appointment-book', title: 'Acupuncture screening at booking' },
  { hook: 'order-select', title: 'Acupuncture screening of a selected order' },
  { hook: 'order-sign', title: 'Acupuncture screening of an order to sign' },
];

/**
 * A CDS Hooks 2.0 service that screens the patient for contraindications to acupuncture on
 * `patient-view` and `appointment-book`, and on `order-select` and `order-sign` when a draft
 * acupuncture order is among the orders (see below). `handle` validates the request, reads the prefetched
 * FHIR data (`patient`, `conditions`, `observations`, `medications`, `devices`; each a resource
 * or a search Bundle) with `factsFromFhir` as of `on` for the patient in `context.patientId`,
 * screens, and returns the cards of {@link screeningCards}. When a prefetch key is missing or
 * null, or the EHR could not fill it (an OperationOutcome, alone or in the search Bundle), the
 * first card is a `warning` that names it, the record is read as an EHR (never closed world),
 * and no `info` card is returned. A resource that cannot be read is left out with a note and
 * the screening goes on; only a malformed request is refused. The cards that ask for facts link
 * to the clinic's form when `recordFactsLink` is given.
 *
 * The order hooks answer about the draft acupuncture orders in `context.draftOrders` (for
 * `order-select`, those among `context.selections`): a ServiceRequest coded with CPT 97810,
 * 97811, 97813 or 97814, or one of `orderCodes`. With none, the answer is no card, without
 * screening. With one, every card has a `uuid` (made from the service, `hookInstance` and the
 * card's place: the same request gets the same uuids); a `critical` card suggests removing the
 * orders (a `delete` action each, `selectionBehavior` `at-most-one`) and offers
 * `overrideReasons`; an all-clear gives no card, so that signing a safe order shows nothing.
 * `feedback` reads what the EHR reports the user did with a card.
 *
 * Serve `definitions` at `GET /cds-services`, call `handle` for `POST /cds-services/{id}` and
 * `feedback` for `POST /cds-services/{id}/feedback`: `acuspine/cds-hooks/server` does all three.
 *
 * @param options - `source` (required), `id`, `ruleSet`, `closedWorld`, `extraCodes`,
 *   `orderCodes`, `recordFactsLink`, `overrideReasons`.
 * @returns the discovery entries and the handler.
 * @throws {TypeError} when `options` has a key it does not know, `options.source` is invalid
 *   (see `screeningCards`), `id` is not a URL-safe string, `ruleSet` is not a valid rule set,
 *   `closedWorld` is not a boolean, `extraCodes` holds an invalid code list, `orderCodes` is not
 *   a list of `{ system, code }`, `recordFactsLink` has no label or no absolute http(s) URL, or
 *   an override reason has no code or no display.
 * @example
 * const service = cdsService({ source: { label: 'Clinic acupuncture screening' } });
 * service.definitions.map((d) => d.hook); // => ['patient-view', 'appointment-book', 'order-select', 'order-sign']
 * const response = service.handle(
 *   { hook: 'patient-view', hookInstance: 'c3d4', context: { userId: 'Practitioner/1', patientId: 'p1' },
 *     prefetch: { patient: { resourceType: 'Patient', id: 'p1', birthDate: '1940-01-01' },
 *       conditions: { resourceType: 'Bundle', type: 'searchset' }, observations: { resourceType: 'Bundle', type: 'searchset' },
 *       medications: { resourceType: 'Bundle', type: 'searchset' }, devices: { resourceType: 'Bundle', type: 'searchset' } } },
 *   { on: '2026-11-24' },
 * );
 * response.ok && response.value.cards[0]?.indicator; // => 'critical'
 */
export function cdsService(options: CdsServiceOptions): CdsService {
  const source = checkedSource(options, 'cdsService');
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.has(key)) throw new TypeError(`cdsService: "${key}" is not an option`);
  }
  // Options and requests are read with readProperty: a polluted Object.prototype never decides them.
  const option = (key: keyof CdsServiceOptions): unknown => readProperty(options, key);
  const id = option('id') ?? 'acuspine-screening';
  if (typeof id !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(id)) {
    throw new TypeError('cdsService: options.id must be 1-64 URL-safe characters (letters, digits, . _ -)');
  }
  const ruleSet = (option('ruleSet') ?? protocolRuleSet) as RuleSet;
  // Validates a hand-written rule set now, so that a bad one fails at start-up, not per request.
  screen({}, { ruleSet });
  const labels = customFactLabels(options, 'cdsService');
  // Every age rule's bounds: a partial birth date must lie on one side of each.
  const ageBounds: AgeRuleOptions[] = [];
  for (const rule of ruleSet.rules) {
    if (rule.when.type === 'age-outside') ageBounds.push({ under: rule.when.under, over: rule.when.over });
  }
  const givenClosedWorld = option('closedWorld');
  const closedWorld = givenClosedWorld === undefined ? false : givenClosedWorld;
  if (typeof closedWorld !== 'boolean') throw new TypeError('cdsService: options.closedWorld must be true or false');
  // No code lists is the empty list; whatever is given is checked now, as factsFromFhir checks it.
  const givenCodes = option('extraCodes');
  const extraCodes = (givenCodes === undefined ? [] : givenCodes) as readonly FhirCodeList[];
  // Stryker disable next-line ArrayDeclaration: equivalent, only the options can fail this check: an array of anything is read without an issue
  const checked = factsFromFhir([], { on: '2000-01-01', extraCodes });
  if (!checked.ok) {
    throw new TypeError(
      `cdsService: options.extraCodes: ${checked.issues.map((found) => `${found.path.join('.')}: ${found.message}`).join('; ')}`,
    );
  }
  const description =
    'Screens the patient for contraindications to acupuncture in spinal osteochondrosis (decision support for the treating clinician).';
  // Each service has its own frozen copy, so that no caller can change another service's discovery.
  const prefetch = () => Object.freeze({ ...PREFETCH_TEMPLATES });
  const definitions: readonly CdsServiceDefinition[] = Object.freeze([
    Object.freeze({ id, hook: 'patient-view', title: 'Acupuncture screening', description, prefetch: prefetch() }),
    ...MORE_HOOKS.map(({ hook, title }) =>
      Object.freeze({ id: `${id}-${hook}`, hook, title, description, prefetch: prefetch() }),
    ),
  ]);
  const orderCodes = [...acupunctureOrderCodes, ...checkedOrderCodes(option('orderCodes'))];
  const recordLinks = checkedRecordLink(option('recordFactsLink'));
  const overrideReasons = checkedOverrideReasons(option('overrideReasons'));

  const handle = (request: unknown, call: CdsHandleOptions): Result<CdsResponse> => {
    try {
      return handleRequest(request, call);
    } catch {
      return fail([issue('unreadable', [], 'the request could not be read as JSON data')]);
    }
  };

  const handleRequest = (request: unknown, call: CdsHandleOptions): Result<CdsResponse> => {
    const on = typeof call === 'object' && call !== null ? readProperty(call, 'on') : undefined;
    if (parseIsoDate(on) === undefined) {
      return fail([issue('invalid-option', ['options', 'on'], 'expected the reference date as YYYY-MM-DD')]);
    }
    const issues: Issue[] = [];
    if (!isRecord(request)) return fail([issue('not-an-object', [], 'expected a CDS Hooks request object')]);
    const serviceId = readProperty(call, 'serviceId');
    const field = (key: string) => readProperty(request, key);
    const definition =
      serviceId === undefined
        ? definitions.find((d) => d.hook === field('hook'))
        : definitions.find((d) => d.id === serviceId);
    if (definition === undefined) {
      return fail([
        serviceId === undefined
          ? issue('unsupported-hook', ['hook'], `expected one of ${definitions.map((d) => d.hook).join(', ')}`)
          : issue('unknown-service', [], `no service has the id "${String(serviceId)}"`),
      ]);
    }
    if (field('hook') !== definition.hook) {
      issues.push(issue('unsupported-hook', ['hook'], `service ${definition.id} answers the hook ${definition.hook}`));
    }
    const hookInstance = field('hookInstance');
    if (!isText(hookInstance)) issues.push(issue('invalid-type', ['hookInstance'], 'expected a non-empty string'));
    const fhirServer = field('fhirServer');
    if (fhirServer !== undefined && !isText(fhirServer)) {
      issues.push(issue('invalid-type', ['fhirServer'], 'expected a URL string'));
    }
    const context = field('context');
    let patientId: string | undefined;
    if (!isRecord(context)) {
      issues.push(issue('invalid-type', ['context'], 'expected the hook context object'));
    } else {
      const id = readProperty(context, 'patientId');
      if (isText(id)) patientId = id;
      else issues.push(issue('invalid-type', ['context', 'patientId'], 'expected the patient id'));
      const userId = readProperty(context, 'userId');
      if (userId !== undefined && !isText(userId)) {
        issues.push(issue('invalid-type', ['context', 'userId'], 'expected a string'));
      }
    }
    // The order hooks are about the acupuncture orders among the drafts; no card for any other.
    const isOrderHook = definition.hook === 'order-select' || definition.hook === 'order-sign';
    let orders: readonly AcupunctureOrder[] = [];
    if (isOrderHook && isRecord(context)) {
      const read = readAcupunctureOrders(
        context,
        definition.hook as 'order-select' | 'order-sign',
        patientId,
        orderCodes,
      );
      issues.push(...read.issues);
      orders = read.orders;
    }
    const prefetch = field('prefetch');
    if (prefetch !== undefined && prefetch !== null && !isRecord(prefetch)) {
      issues.push(issue('invalid-type', ['prefetch'], 'expected an object of prefetched resources'));
    }
    const present: { key: CdsPrefetchKey; value: Record<string, unknown> }[] = [];
    const missing: CdsPrefetchKey[] = [];
    const failed: CdsPrefetchKey[] = [];
    for (const key of PREFETCH_KEYS) {
      const value = isRecord(prefetch) ? readProperty(prefetch, key) : undefined;
      if (value === undefined || value === null) {
        missing.push(key);
      } else if (!isRecord(value) || !isText(readProperty(value, 'resourceType'))) {
        issues.push(issue('invalid-type', ['prefetch', key], 'expected a FHIR resource or a Bundle'));
      } else if (readProperty(value, 'resourceType') === 'OperationOutcome') {
        // CDS Hooks 2.0: the EHR could not fill this prefetch. Nothing in it is the patient's record.
        failed.push(key);
      } else if (key === 'patient' && readProperty(value, 'resourceType') !== 'Patient') {
        issues.push(issue('invalid-type', ['prefetch', key, 'resourceType'], 'expected a Patient'));
      } else if (key === 'patient' && patientId !== undefined && !samePatient(readProperty(value, 'id'), patientId)) {
        issues.push(
          issue('patient-mismatch', ['prefetch', key, 'id'], 'the prefetched Patient is not the patient in context'),
        );
      } else {
        if (holdsOutcome(value)) failed.push(key);
        present.push({ key, value });
      }
    }
    if (issues.length > 0) return fail(issues);
    if (isOrderHook && orders.length === 0) return ok(deepFreeze({ cards: [] }));

    const unfilled = [...missing, ...failed];
    const mapped = factsFromFhir(
      present.map((item) => item.value),
      {
        on: on as string,
        // Prefetch is read live, on the day of the call: statuses describe the patient on `on`.
        extractedOn: on as string,
        closedWorld: closedWorld && unfilled.length === 0,
        // A rule set without an age rule reads partial birth dates with the protocol's bounds.
        ...(ageBounds.length === 0 ? {} : { ageBounds }),
        extraCodes,
        // A request without the patient's id was refused above.
        patientId: patientId as string,
      },
    );
    if (!mapped.ok) {
      return fail(
        mapped.issues.map((found) => {
          const [first, ...rest] = found.path;
          // An input that could not be read at all has no path.
          if (first === undefined) return found;
          // The request gives the mapping one option, the patient's id; every other issue is
          // about a prefetched resource, by its index in the list passed.
          if (first === 'options') return issue('invalid-type', ['context', 'patientId'], found.message);
          const { key } = present[first as number] as { readonly key: CdsPrefetchKey };
          return issue(found.code, ['prefetch', key, ...rest], found.message);
        }),
      );
    }
    const screening = screen(mapped.value.facts, { ruleSet });
    const context_ = recordNotes(mapped.value.notes, screening.missing);
    let cards: Card[] = cardsFor(screening, source, context_, labels, recordLinks);
    if (unfilled.length > 0) {
      // Defence in depth. With a prefetch missing or failed, the record is read in an open world,
      // where oncologicalDisease (read by every rule set that checks the whole protocol) is never
      // false, and a set that does not check it gets no info card: none can come here today.
      // Should a later rule set or mapping make one possible, it must not stand beside this card.
      // Stryker disable next-line MethodExpression,ConditionalExpression,EqualityOperator,StringLiteral,ArrowFunction: equivalent, no input reaches an info card here (see above)
      const shown = cards.filter((card) => card.indicator !== 'info');
      cards = [withLinks(prefetchCard(missing, failed, source), recordLinks), ...shown];
    }
    if (isOrderHook) {
      cards = orderCards(cards, {
        serviceId: definition.id,
        hookInstance: hookInstance as string,
        orders,
        overrideReasons,
      });
    }
    return ok(deepFreeze({ cards }));
  };

  const feedback = (body: unknown, call: { readonly serviceId: string }): Result<readonly CdsFeedback[]> => {
    try {
      const serviceId = typeof call === 'object' && call !== null ? readProperty(call, 'serviceId') : undefined;
      if (!definitions.some((d) => d.id === serviceId)) {
        return fail([issue('unknown-service', [], `no service has the id "${String(serviceId)}"`)]);
      }
      return readFeedback(body);
    } catch {
      return fail([issue('unreadable', [], 'the feedback could not be read as JSON data')]);
    }
  };

  return Object.freeze({ definitions, handle, feedback });
}

/** A clinic's order codes, checked: each `{ system, code }` of non-empty strings. */
function checkedOrderCodes(given: unknown): OrderCode[] {
  if (given === undefined) return [];
  const bad = () =>
    new TypeError('cdsService: options.orderCodes must be a list of { system, code } of non-empty strings');
  if (!Array.isArray(given)) throw bad();
  return given.map((item: unknown) => {
    const [system, code] = ['system', 'code'].map((key) => (isRecord(item) ? readProperty(item, key) : undefined));
    if (!isText(system) || !isText(code)) throw bad();
    return Object.freeze({ system, code });
  });
}

/** The form link, as the card's link list: empty without one. */
function checkedRecordLink(given: unknown): readonly CardLink[] {
  if (given === undefined) return [];
  const [label, url] = ['label', 'url'].map((key) => (isRecord(given) ? readProperty(given, key) : undefined));
  if (!isText(label) || !isAbsoluteUrl(url)) {
    throw new TypeError('cdsService: options.recordFactsLink must have a label and an absolute http(s) url');
  }
  return Object.freeze([Object.freeze({ label, url, type: 'absolute' as const })]);
}

/** The override reasons, checked: CDS Hooks requires a display on each. */
function checkedOverrideReasons(given: unknown): readonly CardCoding[] {
  if (given === undefined) return defaultOverrideReasons;
  const bad = () =>
    new TypeError('cdsService: options.overrideReasons must be a list of codings, each with a code and a display');
  if (!Array.isArray(given) || given.length === 0) throw bad();
  return Object.freeze(
    given.map((item: unknown) => {
      const [system, code, display] = ['system', 'code', 'display'].map((key) =>
        isRecord(item) ? readProperty(item, key) : undefined,
      );
      if (!isText(code) || !isText(display) || (system !== undefined && !isText(system))) throw bad();
      return Object.freeze(system === undefined ? { code, display } : { system, code, display });
    }),
  );
}

/** True when a search Bundle holds an OperationOutcome that warns or errs: its search came back incomplete. */
function holdsOutcome(value: Record<string, unknown>): boolean {
  const entries = readProperty(value, 'entry');
  if (readProperty(value, 'resourceType') !== 'Bundle' || !Array.isArray(entries)) return false;
  return entries.some((entry: unknown) => {
    const resource = isRecord(entry) ? readProperty(entry, 'resource') : undefined;
    if (!isRecord(resource) || readProperty(resource, 'resourceType') !== 'OperationOutcome') return false;
    const issues = readProperty(resource, 'issue');
    return (
      !Array.isArray(issues) ||
      issues.length === 0 ||
      issues.some((item: unknown) => !isRecord(item) || readProperty(item, 'severity') !== 'information')
    );
  });
}

/** A Patient without an id is the context's patient; one with another id is not. */
function samePatient(id: unknown, patientId: string): boolean {
  return id === undefined || id === patientId;
}

function prefetchCard(missing: readonly CdsPrefetchKey[], failed: readonly CdsPrefetchKey[], source: CardSource): Card {
  const lines = (keys: readonly CdsPrefetchKey[]) => keys.map((key) => `- \`${key}\`: ${PREFETCH_WORDS[key]}`);
  const what =
    failed.length === 0
      ? 'prefetch missing for '
      : missing.length === 0
        ? 'prefetch failed for '
        : 'prefetch missing or failed for ';
  return {
    summary: summarize(`Acupuncture screening: ${what}`, [...missing, ...failed], '. No all-clear can be given.'),
    indicator: 'warning',
    source,
    detail: [
      '**Part of the record could not be read**, so no all-clear is given:',
      '',
      ...(missing.length > 0 ? ['Not sent by the EHR:', ...lines(missing), ''] : []),
      ...(failed.length > 0
        ? ['The EHR could not fetch them, or fetched them only in part:', ...lines(failed), '']
        : []),
      'Facts from these resources stay unrecorded; record them in the EHR or ask the patient.',
    ].join('\n'),
  };
}

/** Notes that say why a fact is unrecorded come before those that only say what was passed over. */
const DECIDING: ReadonlySet<FhirNoteCode> = new Set<FhirNoteCode>([
  'uncertain-code',
  'condition-not-confirmed',
  'condition-without-status',
  'condition-contradictory-status',
  'dates-unclear',
  'pregnancy-conflict',
  'pregnancy-not-current',
  'pregnancy-status-unknown',
  'pregnancy-status-unreadable',
  'observation-not-final',
  'medication-status-unclear',
  'medication-unresolved',
  'device-status-unclear',
  'unreadable-code',
  'malformed-resource',
  'malformed-entry',
  'search-failed',
  'no-patient',
  'no-birth-date',
  'partial-birth-date',
  'conflicting-birth-dates',
  'birth-date-after-reference',
  'implausible-age',
]);

/** The most lines of notes on the incomplete card. */
const MAX_NOTE_LINES = 10;

/**
 * The notes behind the facts still missing, as markdown lines for the incomplete card: those that
 * decide a fact first, then the rest, each in the order of the record; notes of one kind about
 * one fact are merged into one line that counts them; at most ten lines, and a count of the rest.
 * Notes about the whole record (a part that could not be read) are kept too.
 */
function recordNotes(notes: readonly FhirNote[], missing: readonly string[]): string[] {
  const relevant = notes.filter((note) =>
    note.fact === undefined ? DECIDING.has(note.code) : missing.includes(note.fact),
  );
  const ordered = [
    ...relevant.filter((note) => DECIDING.has(note.code)),
    ...relevant.filter((note) => !DECIDING.has(note.code)),
  ];
  const groups = new Map<string, FhirNote[]>();
  for (const note of ordered) {
    // A note about the whole record has no fact: its key starts with "undefined", which no fact is.
    const key = `${note.fact}|${note.code}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [note]);
    else group.push(note);
  }
  const lines = [...groups.values()].map((group) => {
    const [first, ...rest] = group as [FhirNote, ...FhirNote[]];
    const ref = (note: FhirNote) =>
      note.resource?.id === undefined ? undefined : `${note.resource.resourceType}/${note.resource.id}`;
    const firstRef = ref(first);
    const label = first.fact === undefined ? 'Record' : factLabel(first.fact);
    const more =
      rest.length === 0
        ? ''
        : ` (and ${rest.length} more like it${rest.some((note) => ref(note) !== undefined) ? `: ${rest.flatMap((note) => ref(note) ?? []).join(', ')}` : ''})`;
    return `- ${escapeMarkdown(label)}: ${escapeMarkdown(`${first.message}${firstRef === undefined ? '' : ` (${firstRef})`}${more}`)}`;
  });
  if (lines.length <= MAX_NOTE_LINES) return lines;
  const hidden = lines.length - MAX_NOTE_LINES;
  return [...lines.slice(0, MAX_NOTE_LINES), `- and ${hidden} more ${hidden === 1 ? 'note' : 'notes'}`];
}
