// The FHIR R4 resources that acuspine writes, as it writes them: only the elements it fills. Each
// is assignable to the matching type of @types/fhir (the type tests check), and valid by the
// official R4 JSON Schema (the tests check every one they make).
import type { FhirWrittenExtension } from '../acuspine-codes.js';
import type { FhirCodeableConcept, FhirCoding } from '../resources.js';

/** A reference to another resource, relative (`Type/id`). */
export interface FhirWrittenReference {
  /** `Type/id`, for example `Patient/p1`. */
  readonly reference: string;
}

/** A period between two dates, both included. */
export interface FhirWrittenPeriod {
  /** The first day, `YYYY-MM-DD`. */
  readonly start: string;
  /** The last day, `YYYY-MM-DD`. */
  readonly end: string;
}

/** The narrative of a resource: generated from its data, as XHTML. */
export interface FhirWrittenNarrative {
  /** Always `generated`: the text says what the data says, nothing more. */
  readonly status: 'generated';
  /** A `div` in the XHTML namespace. */
  readonly div: string;
}

/** A note on a resource. */
export interface FhirWrittenAnnotation {
  /** The note's text. */
  readonly text: string;
}

/** Where a course's sessions fall: FHIR's Timing.repeat, filled from the course. */
export interface FhirWrittenTimingRepeat {
  /** The first and the last session's dates. */
  readonly boundsPeriod: FhirWrittenPeriod;
  /** How many sessions. */
  readonly count: number;
  /** How long each session is. */
  readonly duration: number;
  /** The unit of `duration`: minutes. */
  readonly durationUnit: 'min';
  /** How many sessions per `period`: the number of weekdays. */
  readonly frequency: number;
  /** One. */
  readonly period: 1;
  /** Per week. */
  readonly periodUnit: 'wk';
  /** The days of the week sessions fall on, in week order. */
  readonly dayOfWeek: readonly ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[];
}

/** A course of acupuncture as a FHIR R4 ServiceRequest, shaped to US Core. */
export interface FhirWrittenServiceRequest {
  /** Always `ServiceRequest`. */
  readonly resourceType: 'ServiceRequest';
  /** The id the caller gave. */
  readonly id: string;
  /** The rule set and version behind the course. */
  readonly extension: readonly FhirWrittenExtension[];
  /** `draft` (default: a clinician signs it in the EHR) or `active`. */
  readonly status: 'draft' | 'active';
  /** `order` (default), `plan` or `proposal`. */
  readonly intent: 'order' | 'plan' | 'proposal';
  /** The category: the caller's, or a text-only one (see `CourseServiceRequestOptions.category`). */
  readonly category: readonly FhirCodeableConcept[];
  /** What is ordered: the caller's code, or CPT 97810 with a text naming the region. */
  readonly code: FhirCodeableConcept;
  /** The sessions' schedule. */
  readonly occurrenceTiming: { readonly repeat: FhirWrittenTimingRepeat };
  /** The patient. */
  readonly subject: FhirWrittenReference;
  /** When the request was written, as the caller gave it. */
  readonly authoredOn: string;
  /** Who asks for it, when given. */
  readonly requester?: FhirWrittenReference;
  /** The conditions the course treats, when given. */
  readonly reasonReference?: readonly FhirWrittenReference[];
  /** The screening behind the course (a GuidanceResponse), when given. */
  readonly supportingInfo?: readonly FhirWrittenReference[];
  /** The override outside the protocol, and the cautions the clinician weighs, when there are any. */
  readonly note?: readonly FhirWrittenAnnotation[];
}

/** One activity of a care plan: a reference to the request that carries it out. */
export interface FhirWrittenCarePlanActivity {
  /** The ServiceRequest of the course. */
  readonly reference: FhirWrittenReference;
}

/** A course as a FHIR R4 CarePlan, with its narrative and one activity. */
export interface FhirWrittenCarePlan {
  /** Always `CarePlan`. */
  readonly resourceType: 'CarePlan';
  /** The id the caller gave. */
  readonly id: string;
  /** The course in words: settings, sessions and their dates, phases, sources. */
  readonly text: FhirWrittenNarrative;
  /** The rule set and version behind the course. */
  readonly extension: readonly FhirWrittenExtension[];
  /** `draft` (default) or `active`. */
  readonly status: 'draft' | 'active';
  /** Always `plan`. */
  readonly intent: 'plan';
  /** US Core's `assess-plan` category. */
  readonly category: readonly FhirCodeableConcept[];
  /** A one-line description of the course. */
  readonly description: string;
  /** The patient. */
  readonly subject: FhirWrittenReference;
  /** The first and the last session's dates. */
  readonly period: FhirWrittenPeriod;
  /** When the plan was written, as the caller gave it. */
  readonly created: string;
  /** Who wrote it, when given. */
  readonly author?: FhirWrittenReference;
  /** The conditions it addresses, when given. */
  readonly addresses?: readonly FhirWrittenReference[];
  /** The screening behind the course, when given. */
  readonly supportingInfo?: readonly FhirWrittenReference[];
  /** One activity: the course's ServiceRequest. */
  readonly activity: readonly FhirWrittenCarePlanActivity[];
}

/** A filter on a code, in a data requirement. */
export interface FhirWrittenCodeFilter {
  /** The element filtered: `code`. */
  readonly path: 'code';
  /** The codes that would answer the requirement. */
  readonly code: readonly FhirCoding[];
}

/** Data that would settle a missing fact. */
export interface FhirWrittenDataRequirement {
  /** The resource type that would carry it: `Patient` (the age) or `Observation`. */
  readonly type: 'Patient' | 'Observation';
  /** For the age: `birthDate`. */
  readonly mustSupport?: readonly string[];
  /** For the other facts: the code of the observation (LOINC 82810-3 for pregnancy, else the fact's code). */
  readonly codeFilter?: readonly FhirWrittenCodeFilter[];
}

/** A screening as a FHIR R4 GuidanceResponse. */
export interface FhirWrittenGuidanceResponse {
  /** Always `GuidanceResponse`. */
  readonly resourceType: 'GuidanceResponse';
  /** The id the caller gave. */
  readonly id: string;
  /** The screening in words: the headline, the findings that need attention, the questions. */
  readonly text: FhirWrittenNarrative;
  /** The rule set and version, and the screening's status and present findings. */
  readonly extension: readonly FhirWrittenExtension[];
  /** The rule set and version, as a URI. */
  readonly moduleUri: string;
  /** `data-required` for an incomplete screening, `success` for every other. */
  readonly status: 'success' | 'data-required';
  /** The patient. */
  readonly subject: FhirWrittenReference;
  /** When the screening was made, as the caller gave it. */
  readonly occurrenceDateTime: string;
  /** Who screened, when given. */
  readonly performer?: FhirWrittenReference;
  /** The facts to record, one requirement each, when there are any. */
  readonly dataRequirement?: readonly FhirWrittenDataRequirement[];
}

/** The evidence of a detected issue: the present finding, and the screening that found it. */
export interface FhirWrittenEvidence {
  /** The rule found present, coded in its rule set's code system. */
  readonly code: readonly FhirCodeableConcept[];
  /** The screening (a GuidanceResponse), when given. */
  readonly detail?: readonly FhirWrittenReference[];
}

/** A contraindication, a red flag or a caution against an acupuncture order, as a FHIR R4 DetectedIssue. */
export interface FhirWrittenDetectedIssue {
  /** Always `DetectedIssue`. */
  readonly resourceType: 'DetectedIssue';
  /** The id the caller gave. */
  readonly id: string;
  /** The screening in words. */
  readonly text: FhirWrittenNarrative;
  /** The rule set and version behind the screening. */
  readonly extension: readonly FhirWrittenExtension[];
  /** `final` (default) or `preliminary`. */
  readonly status: 'final' | 'preliminary';
  /** What kind of issue: a contraindication, a referral before needling, or a caution (text). */
  readonly code: FhirCodeableConcept;
  /** `high` for a contraindication or a red flag, `moderate` for a caution. */
  readonly severity: 'high' | 'moderate';
  /** The patient. */
  readonly patient: FhirWrittenReference;
  /** When it was found, as the caller gave it. */
  readonly identifiedDateTime: string;
  /** The acupuncture order it is against. */
  readonly implicated: readonly FhirWrittenReference[];
  /** One per present finding that raised it. */
  readonly evidence: readonly FhirWrittenEvidence[];
  /** The screening's headline. */
  readonly detail: string;
}
