// MedicationRequest and MedicationStatement: which drug (inline, or a referenced Medication), and
// whether it was taken on the reference date (its dates, else a status known to hold then).
import type { Issue } from '../_internal/result.js';
import { afterDay, type Presence, presenceOn, type StatusReading } from './as-of.js';
import type { CodedFact, FhirCodeList } from './code-list.js';
import { describeTime, type FhirTime, laterOf } from './fhir-time.js';
import { decidableFacts, FACT_WORDS, FACTS_BY_TYPE, type Mapping, strongestKinds } from './mapping.js';
import { FieldReader, type Found, own, type ReadCoding, readConcept } from './read-input.js';

/** Statuses that mean the drug was never taken under this record: it does not count, whatever the dates. */
const NEVER: ReadonlySet<string | undefined> = new Set([
  'cancelled',
  'draft',
  'not-taken',
  'intended',
  'entered-in-error',
]);

function statusReading(status: string | undefined): StatusReading {
  if (status === 'active') return 'active';
  if (status === 'completed' || status === 'stopped') return 'ended';
  if (NEVER.has(status)) return 'never';
  // on-hold, unknown, none, or a code FHIR R4 does not define (such as "Active"): it cannot be read.
  return 'unclear';
}

const KNOWN: ReadonlySet<string | undefined> = new Set([
  'active',
  'completed',
  'stopped',
  'on-hold',
  'unknown',
  ...NEVER,
]);

/**
 * The resources of the input by `fullUrl`, and the Medications by id, so that each reference is
 * resolved in constant time; the first of each wins. Resources without a fullUrl share the key
 * undefined, which no reference (a string) looks up; a Medication without an id is not indexed,
 * so that a reference without an id (undefined) finds none.
 */
export interface MedicationIndex {
  readonly byUrl: ReadonlyMap<string | undefined, Found>;
  readonly byId: ReadonlyMap<string | undefined, Found>;
}

export function indexMedications(found: readonly Found[]): MedicationIndex {
  const byUrl = new Map<string | undefined, Found>();
  const byId = new Map<string | undefined, Found>();
  for (const item of found) {
    if (!byUrl.has(item.fullUrl)) byUrl.set(item.fullUrl, item);
    if (item.type === 'Medication' && item.ref.id !== undefined && !byId.has(item.ref.id)) byId.set(item.ref.id, item);
  }
  return { byUrl, byId };
}

export function mapMedication(mapping: Mapping, item: Found, medications: MedicationIndex): void {
  const issues: Issue[] = [];
  const reader = new FieldReader(issues, item.path, item.resource);
  const kind = item.type;
  const { on, onDay } = mapping.options;
  const subject = reader.reference('subject');
  const status = reader.string('status');
  const lastUpdated = reader.object('meta')?.time('lastUpdated');
  const { start, end } = medicationDates(reader, kind);
  if (start !== undefined && afterDay(start, onDay)) {
    mapping.note(
      'after-reference-date',
      `${kind} begins ${describeTime(start)}, after ${on}: it says nothing about ${on}`,
      undefined,
      item.ref,
    );
    return;
  }
  const drug = readDrug(reader, item, issues, medications);
  // The read systems of MedicationRequest, MedicationStatement and Medication are the same.
  const readable = mapping.readable(kind as 'MedicationRequest', drug.codings);
  const lists = mapping.lists(drug.codings);
  if (issues.length > 0) {
    const facts = readable ? decidableFacts(strongestKinds(lists)) : FACTS_BY_TYPE[kind as 'MedicationRequest'];
    mapping.malformed(item, issues, facts);
    return;
  }
  // A drug that can be read and is on no list says nothing, whoever it is about.
  if (readable && lists.length === 0) return;
  if (mapping.otherPatient(subject)) {
    mapping.note('other-patient', `${kind} is about ${subject}, not the Patient: ignored`, undefined, item.ref);
    return;
  }
  const presence = presenceOn(
    { start, end, status: statusReading(status), statusSince: mapping.statusSince(item, lastUpdated) },
    onDay,
  );
  const possible = presence.on === 'present' || presence.on === 'unclear';
  if (!readable) {
    if (!possible) return;
    mapping.unsettle(FACTS_BY_TYPE[kind as 'MedicationRequest'] as readonly CodedFact[]);
    mapping.note(
      drug.unresolved !== undefined ? 'medication-unresolved' : 'unreadable-code',
      drug.unresolved !== undefined
        ? `${kind} refers to ${drug.unresolved}, which is not in the input: the drug cannot be read, so anticoagulant therapy is not excluded`
        : `${kind} names its drug only in words or in a code system the mapping does not read: anticoagulant therapy is not excluded`,
      'anticoagulantTherapy',
      item.ref,
    );
    return;
  }
  for (const [fact, listKind] of strongestKinds(lists)) {
    const words = FACT_WORDS[fact];
    if (listKind === 'note') {
      if (presence.on === 'present') {
        const list = lists.find((candidate) => candidate.fact === fact && candidate.kind === 'note') as FhirCodeList;
        mapping.note(
          'noted-code',
          `${kind} (${list.title}) taken on ${on}: noted for the clinician; it does not set ${words}`,
          fact,
          item.ref,
        );
      }
      continue;
    }
    if (presence.on === 'present' && listKind === 'counts') {
      mapping.state(fact).counts.push(item.ref);
    } else if (possible) {
      mapping.state(fact).uncertain = true;
      const list = lists.find((candidate) => candidate.fact === fact && candidate.kind === listKind) as FhirCodeList;
      mapping.note(
        presence.why === 'dates' ? 'dates-unclear' : 'medication-status-unclear',
        presence.on === 'present'
          ? `${kind} "${list.title}" does not settle ${words}: ${words} is not excluded`
          : unclearWhy(kind, words, status, presence, on),
        fact,
        item.ref,
      );
    } else {
      mapping.note(
        'medication-not-active',
        `${kind} for ${words} does not count: ${presence.why === 'ended' ? `it ended ${describeTime(end as FhirTime)}, before ${on}` : `its status is ${status}`}`,
        fact,
        item.ref,
      );
    }
  }
}

function unclearWhy(kind: string, words: string, status: string | undefined, presence: Presence, on: string): string {
  const said =
    status === undefined ? 'no status' : KNOWN.has(status) ? `status ${status}` : `the unknown status "${status}"`;
  return presence.why === 'dates'
    ? `${kind} for ${words} has ${said}, and its dates do not tell whether it was taken on ${on}: ${words} is not excluded`
    : `${kind} for ${words} has ${said}: ${words} is not excluded`;
}

/**
 * When the drug was taken: a request from its authoredOn, or from the start of its validity or
 * dosage period when later; a statement over its effective period, else from its dateAsserted.
 */
function medicationDates(
  reader: FieldReader,
  kind: string,
): { readonly start: FhirTime | undefined; readonly end: FhirTime | undefined } {
  if (kind === 'MedicationStatement') {
    const effective = reader.time('effectiveDateTime');
    const period = reader.periodEnds('effectivePeriod');
    const asserted = reader.time('dateAsserted');
    return { start: effective ?? period?.start ?? asserted, end: period?.end };
  }
  const authored = reader.time('authoredOn');
  const validity = reader.object('dispenseRequest')?.periodEnds('validityPeriod');
  const bounds = reader
    .objects('dosageInstruction')
    .map((dosage) => dosage.object('timing')?.object('repeat')?.periodEnds('boundsPeriod'));
  let start = laterStart(authored, validity?.start);
  let end = validity?.end;
  for (const period of bounds) {
    if (period === undefined) continue;
    start = laterStart(start, period.start);
    end = laterOf(end, period.end);
  }
  return { start, end };
}

/**
 * The later of two starts, day by day: the later start cannot begin before either's first day,
 * and may begin as late as either's last day (`2026-11-20` and `2026-11` give 20 to 30 November).
 * Only the days are read from a medication's start.
 */
function laterStart(a: FhirTime | undefined, b: FhirTime | undefined): FhirTime | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return { ...a, firstDay: Math.max(a.firstDay, b.firstDay), lastDay: Math.max(a.lastDay, b.lastDay) };
}

interface Drug {
  /** The drug's codings; none when the drug cannot be found. */
  readonly codings: readonly ReadCoding[];
  /** A reference to a Medication that is not in the input. */
  readonly unresolved?: string;
}

function readDrug(reader: FieldReader, item: Found, issues: Issue[], medications: MedicationIndex): Drug {
  const inline = reader.concept('medicationCodeableConcept');
  if (inline !== undefined) return { codings: inline };
  const reference = reader.reference('medicationReference');
  // FHIR requires a drug; a request without one cannot say which drug it is.
  if (reference === undefined) return { codings: [] };
  const target = resolveMedication(reference, item, reader, medications);
  if (target === undefined) return { codings: [], unresolved: reference };
  const code = own(target.resource, 'code');
  // A Medication without a code names no drug: read as a concept without codings.
  return { codings: readConcept(code === undefined ? {} : code, [...target.path, 'code'], issues) };
}

function resolveMedication(
  reference: string,
  item: Found,
  reader: FieldReader,
  medications: MedicationIndex,
): { readonly resource: Record<string, unknown>; readonly path: readonly (string | number)[] } | undefined {
  if (reference.startsWith('#')) {
    const id = reference.slice(1);
    const target = reader
      .contained()
      .find((resource) => own(resource, 'resourceType') === 'Medication' && own(resource, 'id') === id);
    if (target === undefined) return undefined;
    // A contained resource was read from the array `contained`: its index there is its path.
    const index = (own(item.resource, 'contained') as readonly unknown[]).indexOf(target);
    return { resource: target, path: [...item.path, 'contained', index] };
  }
  const byUrl = medications.byUrl.get(reference);
  if (byUrl !== undefined) return byUrl.type === 'Medication' ? byUrl : undefined;
  return medications.byId.get(reference.match(/(?:^|\/)Medication\/([^/?#]+)(?:\/_history\/[^/?#]+)?$/)?.[1]);
}
