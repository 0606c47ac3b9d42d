// The state of one factsFromFhir call, shared by the readers of each resource type: the notes,
// what each coded fact has found so far, the regions, and the pregnancy statements.
import type { Issue } from '../_internal/result.js';
import type { PatientFacts } from '../facts/patient-facts.js';
import type { SpinalRegion } from '../regions/spinal-region.js';
import { buildCodeIndex, type CodeIndex } from './code-index.js';
import { CODED_FACTS, type CodedFact, type CodeListKind, type FhirCodeList, type FhirMappedFact } from './code-list.js';
import { codeSystems } from './code-systems.js';
import { fhirCodeLists } from './fhir-code-lists.js';
import type { FhirEvidence, FhirNote, FhirNoteCode, FhirResourceRef } from './fhir-facts.js';
import type { FhirTime } from './fhir-time.js';
import type { Found, ReadCoding } from './read-input.js';
import type { ReadOptions } from './read-options.js';

/** The coded facts in words, for notes. */
export const FACT_WORDS: Readonly<Record<CodedFact, string>> = {
  oncologicalDisease: 'oncological disease',
  pregnant: 'pregnancy',
  coagulationDisorder: 'coagulation disorder',
  acuteInfection: 'acute infection',
  acuteMentalIllness: 'acute mental illness',
  psychotropicInfluence: 'influence of a psychotropic substance',
  anticoagulantTherapy: 'anticoagulant therapy',
  pacemaker: 'an implanted electrical device',
  caudaEquinaSyndrome: 'cauda equina syndrome',
  historyOfCancer: 'a history of cancer',
  prolongedCorticosteroidUse: 'prolonged corticosteroid use',
  immunosuppression: 'immunosuppression',
};

/** The resource types the mapping reads, and the code systems it reads their codes in. */
export const READ_SYSTEMS = {
  Condition: [codeSystems.snomed, codeSystems.icd10, codeSystems.icd10cm],
  MedicationRequest: [codeSystems.rxnorm, codeSystems.atc],
  MedicationStatement: [codeSystems.rxnorm, codeSystems.atc],
  Medication: [codeSystems.rxnorm, codeSystems.atc],
  Device: [codeSystems.snomed],
} as const satisfies Readonly<Record<string, readonly string[]>>;

/**
 * The facts a resource of a type could decide when its code cannot be read: a condition may be
 * any of them (a clinic's lists can code any fact as a condition); a medication an anticoagulant;
 * a device an implanted one.
 */
export const FACTS_BY_TYPE = {
  Condition: CODED_FACTS,
  MedicationRequest: ['anticoagulantTherapy'],
  MedicationStatement: ['anticoagulantTherapy'],
  Medication: ['anticoagulantTherapy'],
  Device: ['pacemaker'],
  Observation: ['pregnant'],
} as const satisfies Readonly<Record<string, readonly CodedFact[]>>;

export interface FactState {
  readonly counts: FhirResourceRef[];
  /** Set when a record leaves the fact unrecorded, unless another record counts. */
  uncertain: boolean;
}

export interface PregnancyStatement {
  readonly value: boolean | undefined;
  readonly time: FhirTime | undefined;
  readonly ref: FhirResourceRef;
}

let shippedIndex: CodeIndex | undefined;

export class Mapping {
  readonly notes: FhirNote[] = [];
  readonly states = new Map<CodedFact, FactState>(CODED_FACTS.map((fact) => [fact, { counts: [], uncertain: false }]));
  readonly regions = new Map<SpinalRegion, FhirResourceRef[]>();
  readonly pregnancy: PregnancyStatement[] = [];
  readonly facts: { -readonly [K in keyof PatientFacts]: PatientFacts[K] } = {};
  readonly evidence: { -readonly [K in keyof FhirEvidence]: FhirEvidence[K] } = {};
  readonly extraIndex: CodeIndex;
  readonly readSystems: ReadonlySet<string>;
  /** The patient's logical id: from the options, else from the Patient resource. */
  patientId: string | undefined;
  /** The Patient's Bundle entry fullUrl, which `urn:uuid:` subjects point to. */
  patientUrl: string | undefined;
  /** Set when a current "not pregnant" status excludes pregnancy. */
  pregnancyExcludedBy: FhirResourceRef[] | undefined;

  constructor(readonly options: ReadOptions) {
    this.extraIndex = buildCodeIndex(options.extraCodes);
    this.readSystems = new Set(options.extraCodes.flatMap((list) => list.systems));
    this.patientId = options.patientId;
  }

  note(
    code: FhirNoteCode,
    message: string,
    fact?: FhirMappedFact,
    resource?: FhirResourceRef,
    path?: readonly (string | number)[],
  ): void {
    const note: { -readonly [K in keyof FhirNote]: FhirNote[K] } = { code, message };
    if (fact !== undefined) note.fact = fact;
    if (resource !== undefined) note.resource = resource;
    if (path !== undefined) note.path = Object.freeze([...path]);
    this.notes.push(Object.freeze(note));
  }

  state(fact: CodedFact): FactState {
    return this.states.get(fact) as FactState;
  }

  /** Leaves the facts unrecorded (never false), unless another record sets them true. */
  unsettle(facts: readonly CodedFact[]): void {
    for (const fact of facts) this.state(fact).uncertain = true;
  }

  /**
   * Leaves out a resource with a field that cannot be read, with a note naming the field; the
   * facts it might have decided stay unrecorded, and the rest of the record is still read.
   */
  malformed(item: Found, issues: readonly Issue[], facts: readonly CodedFact[]): void {
    const [first] = issues as readonly [Issue];
    const inside = item.path.every((step, index) => first.path[index] === step);
    const field = inside
      ? first.path.slice(item.path.length).join('.')
      : `${first.path.join('.')} (a resource it refers to)`;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    this.unsettle(facts);
    this.note(
      'malformed-resource',
      `${item.type} is left out: ${field} cannot be read, ${first.message}${more}${facts.length > 0 ? `; ${facts.map((fact) => FACT_WORDS[fact]).join(', ')} stay${facts.length === 1 ? 's' : ''} unrecorded` : ''}`,
      undefined,
      item.ref,
      first.path,
    );
  }

  lists(codings: readonly ReadCoding[]): FhirCodeList[] {
    shippedIndex ??= buildCodeIndex(fhirCodeLists);
    const found = new Set<FhirCodeList>();
    for (const { system, code } of codings) {
      for (const list of shippedIndex.match(system, code)) found.add(list);
      for (const list of this.extraIndex.match(system, code)) found.add(list);
    }
    return [...found];
  }

  /** True when a coding is in a code system the mapping reads for this resource type, or one of the clinic's lists. */
  readable(type: keyof typeof READ_SYSTEMS, codings: readonly ReadCoding[]): boolean {
    const systems: readonly string[] = READ_SYSTEMS[type];
    return codings.some(
      ({ system, code }) => code.trim() !== '' && (systems.includes(system) || this.readSystems.has(system)),
    );
  }

  /**
   * Whether a subject reference names another patient: `Patient/<id>` with another id than the
   * patient's, or a `urn:uuid:` other than the Patient's entry. Without a known id or entry,
   * nothing can be told apart, and the resource is read as the patient's.
   */
  otherPatient(reference: string | undefined): boolean {
    if (reference === undefined) return false;
    if (reference === this.patientUrl) return false;
    const id = reference.match(/(?:^|\/)Patient\/([^/?#]+)(?:\/_history\/[^/?#]+)?$/)?.[1];
    if (id !== undefined) return this.patientId !== undefined && id !== this.patientId;
    return this.patientUrl?.startsWith('urn:') === true && reference.startsWith('urn:');
  }

  /**
   * The day (a day number) from which a resource's status is known to hold: the last day its
   * `meta.lastUpdated` can name (the status has not changed since), else the earlier of the
   * Bundle's `timestamp` and `options.extractedOn`.
   */
  statusSince(item: Found, lastUpdated: FhirTime | undefined): number | undefined {
    if (lastUpdated !== undefined) return lastUpdated.lastDay;
    const stamp = item.bundleTimestamp?.lastDay;
    const extracted = this.options.extractedDay;
    if (stamp === undefined) return extracted;
    if (extracted === undefined) return stamp;
    return Math.min(stamp, extracted);
  }
}

/** The kinds of match a fact can have, from the weakest to the strongest. */
const BY_STRENGTH: readonly CodeListKind[] = ['note', 'uncertain', 'counts'];

/** For each fact the codes match, the strongest kind of match (counts > uncertain > note). */
export function strongestKinds(lists: readonly FhirCodeList[]): Map<CodedFact, CodeListKind> {
  const byFact = new Map<CodedFact, CodeListKind>();
  for (const list of lists) {
    if (list.kind === 'region') continue;
    // readOptions makes each list of extraCodes of another kind name its fact, as the shipped ones do.
    const fact = list.fact as CodedFact;
    // The stronger of this kind and the one found so far (indexOf gives -1 while there is none);
    // setting a fact again keeps its place in the map.
    const found = byFact.get(fact) as CodeListKind;
    const strength = Math.max(BY_STRENGTH.indexOf(list.kind), BY_STRENGTH.indexOf(found));
    byFact.set(fact, BY_STRENGTH[strength] as CodeListKind);
  }
  return byFact;
}

/** The facts a match can decide: every kind but `note`, which never sets a fact. */
export function decidableFacts(byFact: ReadonlyMap<CodedFact, CodeListKind>): CodedFact[] {
  return [...byFact].filter(([, kind]) => kind !== 'note').map(([fact]) => fact);
}

/**
 * The one code a status concept gives in a system (e.g. clinicalStatus): `undefined` when none,
 * `'contradictory'` when its codings disagree (codings of one concept are alternatives, so a
 * disagreement leaves the status unknown rather than letting the first coding win).
 */
export function statusCode(codings: readonly ReadCoding[] | undefined, system: string): string | undefined {
  const codes = new Set(codings?.filter((coding) => coding.system === system).map((c) => c.code.trim()));
  if (codes.size > 1) return CONTRADICTORY;
  const [code] = codes;
  return code;
}

/** What `statusCode` gives for codings that disagree. */
export const CONTRADICTORY = 'contradictory';

export function describeRef(ref: FhirResourceRef): string {
  return ref.id === undefined ? ref.resourceType : `${ref.resourceType}/${ref.id}`;
}
