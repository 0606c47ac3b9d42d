import { parseIsoDate } from '../_internal/iso-date.js';
import { fail, type Issue, issue, ok, type Result } from '../_internal/result.js';
import type { FhirCodeList } from '../fhir/code-list.js';
import { factsFromFhir } from '../fhir/facts-from-fhir.js';
import type { FhirNote } from '../fhir/fhir-facts.js';
import { type AgeRuleOptions, PROTOCOL_AGE_BOUNDS } from '../screening/age-rule.js';
import { protocolRuleSet } from '../screening/protocol-rule-set.js';
import type { RuleSet } from '../screening/rule.js';
import { screen } from '../screening/screen.js';
import type { Card, CardSource, CdsResponse } from './card.js';
import { escapeMarkdown, factLabel } from './labels.js';
import { cardsFor, checkedSource, summarize } from './screening-cards.js';

/** The hooks the service answers. */
export type CdsHook = 'patient-view' | 'appointment-book';

/** The prefetch keys the service asks for. */
export type CdsPrefetchKey = 'patient' | 'conditions' | 'observations' | 'medications';

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
  /** The rules to screen with. Default: the source protocol's, `protocolRuleSet`. Its age rule's bounds are used for partial birth dates. */
  readonly ruleSet?: RuleSet;
  /** Read the record as a curated registry (no record means absent). Default false: an EHR, where no record means unknown. Ignored when prefetch is missing. */
  readonly closedWorld?: boolean;
  /** A clinic's own code lists, passed to `factsFromFhir`. */
  readonly extraCodes?: readonly FhirCodeList[];
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
}

const PREFETCH_KEYS: readonly CdsPrefetchKey[] = ['patient', 'conditions', 'observations', 'medications'];
const PREFETCH: Readonly<Record<CdsPrefetchKey, string>> = {
  patient: 'Patient/{{context.patientId}}',
  conditions: 'Condition?patient={{context.patientId}}',
  observations: 'Observation?patient={{context.patientId}}&code=http://loinc.org|82810-3',
  medications: 'MedicationRequest?patient={{context.patientId}}',
};
const PREFETCH_WORDS: Readonly<Record<CdsPrefetchKey, string>> = {
  patient: 'the Patient (age)',
  conditions: 'the Conditions (oncology, pregnancy, clotting, infection, mental state)',
  observations: 'the pregnancy status Observations',
  medications: 'the MedicationRequests (anticoagulants)',
};

/**
 * A CDS Hooks 2.0 service that screens the patient for contraindications to acupuncture on
 * `patient-view` and `appointment-book`. `handle` validates the request, reads the prefetched
 * FHIR data (`patient`, `conditions`, `observations`, `medications`; each a resource or a search
 * Bundle) with `factsFromFhir`, screens, and returns the cards of {@link screeningCards}. When a
 * prefetch key is missing or null, the first card is a `warning` that names what is missing,
 * the record is read as an EHR (never closed world), and no `info` card is returned. Serve
 * `definitions` at `GET /cds-services` and call `handle` for `POST /cds-services/{id}`; the
 * example examples/cds-service.ts does both on `node:http`.
 *
 * @param options - `source` (required), `id`, `ruleSet`, `closedWorld`, `extraCodes`.
 * @returns the discovery entries and the handler.
 * @throws {TypeError} when `options.source` is invalid (see `screeningCards`), `id` is not a
 *   URL-safe string, `ruleSet` is not a valid rule set, or `extraCodes` holds an invalid code list.
 * @example
 * const service = cdsService({ source: { label: 'Clinic acupuncture screening' } });
 * service.definitions.map((d) => d.hook); // => ['patient-view', 'appointment-book']
 * const response = service.handle(
 *   { hook: 'patient-view', hookInstance: 'c3d4', context: { userId: 'Practitioner/1', patientId: 'p1' },
 *     prefetch: { patient: { resourceType: 'Patient', id: 'p1', birthDate: '1940-01-01' },
 *       conditions: { resourceType: 'Bundle', type: 'searchset' }, observations: { resourceType: 'Bundle', type: 'searchset' },
 *       medications: { resourceType: 'Bundle', type: 'searchset' } } },
 *   { on: '2026-11-24' },
 * );
 * response.ok && response.value.cards[0]?.indicator; // => 'critical'
 */
export function cdsService(options: CdsServiceOptions): CdsService {
  const source = checkedSource(options, 'cdsService');
  const id = options.id ?? 'acuspine-screening';
  if (typeof id !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(id)) {
    throw new TypeError('cdsService: options.id must be 1-64 URL-safe characters (letters, digits, . _ -)');
  }
  const ruleSet = (options.ruleSet ?? protocolRuleSet) as RuleSet;
  // Validates a hand-written rule set now, so that a bad one fails at start-up, not per request.
  screen({}, { ruleSet });
  const ageRule = ruleSet.rules.find((rule) => rule.when.type === 'age-outside')?.when;
  // A rule set without an age rule reads partial birth dates with the protocol's bounds, as factsFromFhir would.
  const ageBounds: AgeRuleOptions =
    ageRule?.type === 'age-outside' ? { under: ageRule.under, over: ageRule.over } : PROTOCOL_AGE_BOUNDS;
  const closedWorld = options.closedWorld === true;
  // No code lists is the empty list; whatever is given is checked now, as factsFromFhir checks it.
  const { extraCodes = [] } = options;
  const checked = factsFromFhir([], { on: '2000-01-01', extraCodes });
  if (!checked.ok) {
    throw new TypeError(
      `cdsService: options.extraCodes: ${checked.issues.map((found) => `${found.path.join('.')}: ${found.message}`).join('; ')}`,
    );
  }
  const description =
    'Screens the patient for contraindications to acupuncture in spinal osteochondrosis (decision support for the treating clinician).';
  const definitions: readonly CdsServiceDefinition[] = Object.freeze([
    Object.freeze({ id, hook: 'patient-view', title: 'Acupuncture screening', description, prefetch: PREFETCH }),
    Object.freeze({
      id: `${id}-appointment-book`,
      hook: 'appointment-book',
      title: 'Acupuncture screening at booking',
      description,
      prefetch: PREFETCH,
    }),
  ] as const);

  const handle = (request: unknown, call: CdsHandleOptions): Result<CdsResponse> => {
    try {
      return handleRequest(request, call);
    } catch {
      return fail([issue('unreadable', [], 'the request could not be read as JSON data')]);
    }
  };

  const handleRequest = (request: unknown, call: CdsHandleOptions): Result<CdsResponse> => {
    const on = typeof call === 'object' && call !== null ? call.on : undefined;
    if (parseIsoDate(on) === undefined) {
      return fail([issue('invalid-option', ['options', 'on'], 'expected the reference date as YYYY-MM-DD')]);
    }
    const issues: Issue[] = [];
    if (!isRecord(request)) return fail([issue('not-an-object', [], 'expected a CDS Hooks request object')]);
    const serviceId = call.serviceId;
    const definition =
      serviceId === undefined
        ? definitions.find((d) => d.hook === request.hook)
        : definitions.find((d) => d.id === serviceId);
    if (definition === undefined) {
      return fail([
        serviceId === undefined
          ? issue('unsupported-hook', ['hook'], `expected one of ${definitions.map((d) => d.hook).join(', ')}`)
          : issue('unknown-service', [], `no service has the id "${String(serviceId)}"`),
      ]);
    }
    if (request.hook !== definition.hook) {
      issues.push(issue('unsupported-hook', ['hook'], `service ${definition.id} answers the hook ${definition.hook}`));
    }
    if (!isText(request.hookInstance))
      issues.push(issue('invalid-type', ['hookInstance'], 'expected a non-empty string'));
    if (request.fhirServer !== undefined && !isText(request.fhirServer)) {
      issues.push(issue('invalid-type', ['fhirServer'], 'expected a URL string'));
    }
    const context = request.context;
    let patientId: string | undefined;
    if (!isRecord(context)) {
      issues.push(issue('invalid-type', ['context'], 'expected the hook context object'));
    } else {
      if (isText(context.patientId)) patientId = context.patientId;
      else issues.push(issue('invalid-type', ['context', 'patientId'], 'expected the patient id'));
      if (context.userId !== undefined && !isText(context.userId)) {
        issues.push(issue('invalid-type', ['context', 'userId'], 'expected a string'));
      }
    }
    const prefetch = request.prefetch;
    if (prefetch !== undefined && prefetch !== null && !isRecord(prefetch)) {
      issues.push(issue('invalid-type', ['prefetch'], 'expected an object of prefetched resources'));
    }
    const present: { key: CdsPrefetchKey; value: Record<string, unknown> }[] = [];
    const missing: CdsPrefetchKey[] = [];
    for (const key of PREFETCH_KEYS) {
      const value = isRecord(prefetch) ? prefetch[key] : undefined;
      if (value === undefined || value === null) {
        missing.push(key);
      } else if (!isRecord(value) || !isText(value.resourceType)) {
        issues.push(issue('invalid-type', ['prefetch', key], 'expected a FHIR resource or a Bundle'));
      } else if (key === 'patient' && value.resourceType !== 'Patient') {
        issues.push(issue('invalid-type', ['prefetch', key, 'resourceType'], 'expected a Patient'));
      } else if (key === 'patient' && patientId !== undefined && value.id !== undefined && value.id !== patientId) {
        issues.push(
          issue('patient-mismatch', ['prefetch', key, 'id'], 'the prefetched Patient is not the patient in context'),
        );
      } else {
        present.push({ key, value });
      }
    }
    if (issues.length > 0) return fail(issues);

    const mapped = factsFromFhir(
      present.map((item) => item.value),
      {
        on: on as string,
        closedWorld: closedWorld && missing.length === 0,
        ageBounds,
        extraCodes,
      },
    );
    if (!mapped.ok) {
      return fail(
        mapped.issues.map((found) => {
          // Issues from an array input start with the index of the prefetched resource.
          const [index, ...rest] = found.path;
          const key = present[index as number]?.key;
          return key === undefined ? found : issue(found.code, ['prefetch', key, ...rest], found.message);
        }),
      );
    }
    const screening = screen(mapped.value.facts, { ruleSet });
    const context_ = recordNotes(mapped.value.notes, screening.missing);
    let cards: Card[] = cardsFor(screening, source, context_);
    if (missing.length > 0) {
      cards = [missingCard(missing, source), ...cards.filter((card) => card.indicator !== 'info')];
    }
    return ok(Object.freeze({ cards: Object.freeze(cards) }));
  };

  return Object.freeze({ definitions, handle });
}

function missingCard(missing: readonly CdsPrefetchKey[], source: CardSource): Card {
  return {
    summary: summarize('Acupuncture screening: prefetch missing for ', missing, '. No all-clear can be given.'),
    indicator: 'warning',
    source,
    detail: [
      '**Prefetched data is missing**, so the record could not be read in full and no all-clear is given:',
      '',
      ...missing.map((key) => `- \`${key}\`: ${PREFETCH_WORDS[key]}`),
      '',
      'Facts from these resources stay unrecorded; record them in the EHR or ask the patient.',
    ].join('\n'),
  };
}

/** The notes about the facts still missing, as markdown lines for the incomplete card (at most 10). */
function recordNotes(notes: readonly FhirNote[], missing: readonly (string | undefined)[]): string[] {
  const lines = notes
    .filter((note) => missing.includes(note.fact))
    .map((note) => {
      const ref = note.resource?.id === undefined ? '' : ` (${note.resource.resourceType}/${note.resource.id})`;
      return `- ${escapeMarkdown(factLabel(note.fact as string))}: ${escapeMarkdown(`${note.message}${ref}`)}`;
    });
  const unique = [...new Set(lines)];
  return unique.length > 10 ? [...unique.slice(0, 10), `- and ${unique.length - 10} more notes`] : unique;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
