// The FHIR R4 resources that acuspine writes, as it writes them: only the elements it fills. Each
// is assignable to the matching type of @types/fhir (the type tests check), and valid by the
// official R4 JSON Schema (the tests check every one they make). Unlike the rest of the library's
// results these are mutable, fresh objects on every call: a FHIR client's types take mutable
// arrays, and an app adds what its server needs (meta, identifiers) before it sends them.
import type { FhirWrittenExtension } from '../acuspine-codes.js';

/** A coding, as written: a system and a code, and a display where one is known. */
export interface FhirWrittenCoding {
  /** The code system's URI. */
  system: string;
  /** The code. */
  code: string;
  /** The code's display text. */
  display?: string;
}

/** A concept, as written: codings and/or a text. */
export interface FhirWrittenCodeableConcept {
  /** The codings. */
  coding?: FhirWrittenCoding[];
  /** The concept in words. */
  text?: string;
}

/** A reference to another resource, relative (`Type/id`). */
export interface FhirWrittenReference {
  /** `Type/id`, for example `Patient/p1`. */
  reference: string;
}

/** A period between two dates, both included. */
export interface FhirWrittenPeriod {
  /** The first day, `YYYY-MM-DD`. */
  start: string;
  /** The last day, `YYYY-MM-DD`. */
  end: string;
}

/** The narrative of a resource: generated from its data, as XHTML. */
export interface FhirWrittenNarrative {
  /** Always `generated`: the text says what the data says, nothing more. */
  status: 'generated';
  /** A `div` in the XHTML namespace. */
  div: string;
}

/** A note on a resource. */
export interface FhirWrittenAnnotation {
  /** The note's text. */
  text: string;
}

/** Where a course's sessions fall: FHIR's Timing.repeat, filled from the course. */
export interface FhirWrittenTimingRepeat {
  /** The first and the last session's dates. */
  boundsPeriod: FhirWrittenPeriod;
  /** How many sessions. */
  count: number;
  /** How long each session is. */
  duration: number;
  /** The unit of `duration`: minutes. */
  durationUnit: 'min';
  /** How many sessions per `period`: the number of weekdays. */
  frequency: number;
  /** One. */
  period: 1;
  /** Per week. */
  periodUnit: 'wk';
  /** The days of the week sessions fall on, in week order. */
  dayOfWeek: ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[];
}

/** When a course's sessions take place: FHIR's Timing, with its repeat. */
export interface FhirWrittenTiming {
  /** The schedule of the sessions. */
  repeat: FhirWrittenTimingRepeat;
}

/** A course of acupuncture as a FHIR R4 ServiceRequest, shaped to US Core. */
export interface FhirWrittenServiceRequest {
  /** Always `ServiceRequest`. */
  resourceType: 'ServiceRequest';
  /** The id the caller gave. */
  id: string;
  /** The rule set and version behind the course. */
  extension: FhirWrittenExtension[];
  /** `draft` (default: a clinician signs it in the EHR) or `active`. */
  status: 'draft' | 'active';
  /** `order` (default), `plan` or `proposal`. */
  intent: 'order' | 'plan' | 'proposal';
  /** The category: the caller's, or a text-only one (see `CourseServiceRequestOptions.category`). */
  category: FhirWrittenCodeableConcept[];
  /** What is ordered: the caller's code, or CPT 97810 with a text naming the region. */
  code: FhirWrittenCodeableConcept;
  /** The sessions' schedule. */
  occurrenceTiming: FhirWrittenTiming;
  /** The patient. */
  subject: FhirWrittenReference;
  /** When the request was written, as the caller gave it. */
  authoredOn: string;
  /** Who asks for it, when given. */
  requester?: FhirWrittenReference;
  /** The conditions the course treats, when given. */
  reasonReference?: FhirWrittenReference[];
  /** The screening behind the course (a GuidanceResponse), when given. */
  supportingInfo?: FhirWrittenReference[];
  /** The override outside the protocol, and the cautions the clinician weighs, when there are any. */
  note?: FhirWrittenAnnotation[];
}

/** One activity of a care plan: a reference to the request that carries it out. */
export interface FhirWrittenCarePlanActivity {
  /** The ServiceRequest of the course. */
  reference: FhirWrittenReference;
}

/** A course as a FHIR R4 CarePlan, with its narrative and one activity. */
export interface FhirWrittenCarePlan {
  /** Always `CarePlan`. */
  resourceType: 'CarePlan';
  /** The id the caller gave. */
  id: string;
  /** The course in words: settings, sessions and their dates, phases, sources. */
  text: FhirWrittenNarrative;
  /** The rule set and version behind the course. */
  extension: FhirWrittenExtension[];
  /** `draft` (default) or `active`. */
  status: 'draft' | 'active';
  /** Always `plan`. */
  intent: 'plan';
  /** US Core's `assess-plan` category. */
  category: FhirWrittenCodeableConcept[];
  /** A one-line description of the course. */
  description: string;
  /** The patient. */
  subject: FhirWrittenReference;
  /** The first and the last session's dates. */
  period: FhirWrittenPeriod;
  /** When the plan was written, as the caller gave it. */
  created: string;
  /** Who wrote it, when given. */
  author?: FhirWrittenReference;
  /** The conditions it addresses, when given. */
  addresses?: FhirWrittenReference[];
  /** The screening behind the course, when given. */
  supportingInfo?: FhirWrittenReference[];
  /** One activity: the course's ServiceRequest. */
  activity: FhirWrittenCarePlanActivity[];
}

/** A filter on a code, in a data requirement. */
export interface FhirWrittenCodeFilter {
  /** The element filtered: `code`. */
  path: 'code';
  /** The codes that would answer the requirement. */
  code: FhirWrittenCoding[];
}

/** Data that would settle a missing fact. */
export interface FhirWrittenDataRequirement {
  /** The resource type that would carry it: `Patient` (the age) or `Observation`. */
  type: 'Patient' | 'Observation';
  /** For the age: `birthDate`. */
  mustSupport?: string[];
  /** For the other facts: the code of the observation (LOINC 82810-3 for pregnancy, else the fact's code). */
  codeFilter?: FhirWrittenCodeFilter[];
}

/** A screening as a FHIR R4 GuidanceResponse. */
export interface FhirWrittenGuidanceResponse {
  /** Always `GuidanceResponse`. */
  resourceType: 'GuidanceResponse';
  /** The id the caller gave. */
  id: string;
  /** The screening in words: the headline, the findings that need attention, the questions. */
  text: FhirWrittenNarrative;
  /** The rule set and version, and the screening's status and present findings. */
  extension: FhirWrittenExtension[];
  /** The rule set and version, as a URI. */
  moduleUri: string;
  /** `data-required` for an incomplete screening, `success` for every other. */
  status: 'success' | 'data-required';
  /** The patient. */
  subject: FhirWrittenReference;
  /** When the screening was made, as the caller gave it. */
  occurrenceDateTime: string;
  /** Who screened, when given. */
  performer?: FhirWrittenReference;
  /** The facts to record, one requirement each, when there are any. */
  dataRequirement?: FhirWrittenDataRequirement[];
}

/** The evidence of a detected issue: the present finding, and the screening that found it. */
export interface FhirWrittenEvidence {
  /** The rule found present, coded in its rule set's code system. */
  code: FhirWrittenCodeableConcept[];
  /** The screening (a GuidanceResponse), when given. */
  detail?: FhirWrittenReference[];
}

/** A contraindication, a red flag or a caution against an acupuncture order, as a FHIR R4 DetectedIssue. */
export interface FhirWrittenDetectedIssue {
  /** Always `DetectedIssue`. */
  resourceType: 'DetectedIssue';
  /** The id the caller gave. */
  id: string;
  /** The screening in words. */
  text: FhirWrittenNarrative;
  /** The rule set and version behind the screening. */
  extension: FhirWrittenExtension[];
  /** `final` (default) or `preliminary`. */
  status: 'final' | 'preliminary';
  /** What kind of issue: a contraindication, a referral before needling, or a caution (text). */
  code: FhirWrittenCodeableConcept;
  /** `high` for a contraindication or a red flag, `moderate` for a caution. */
  severity: 'high' | 'moderate';
  /** The patient. */
  patient: FhirWrittenReference;
  /** When it was found, as the caller gave it. */
  identifiedDateTime: string;
  /** The acupuncture order it is against. */
  implicated: FhirWrittenReference[];
  /** One per present finding that raised it. */
  evidence: FhirWrittenEvidence[];
  /** The screening's headline. */
  detail: string;
}
