import { fail, issue, ok, type Result } from '../../_internal/result.js';
import type { Locale } from '../../messages/message-code.js';
import type { RuleSet } from '../../screening/rule.js';
import { ruleSetExtension } from '../acuspine-codes.js';
import { OptionReader } from './read-write-back-options.js';
import type { FhirWrittenDetectedIssue, FhirWrittenEvidence } from './written-resources.js';
import { readWrittenScreening, ruleCodeSystem, screeningNarrative } from './written-screening.js';

/** What {@link screeningDetectedIssue} takes beside the screening. */
export interface ScreeningDetectedIssueOptions {
  /** The DetectedIssue's logical id (a FHIR id). */
  readonly id: string;
  /** The patient, `Patient/{id}`. */
  readonly patient: string;
  /** The acupuncture order the issue is against, `ServiceRequest/{id}`. */
  readonly order: string;
  /** When the issue was found, a FHIR dateTime. */
  readonly identifiedDateTime: string;
  /** `final` (default) or `preliminary`. */
  readonly status?: 'final' | 'preliminary';
  /** The screening written as a GuidanceResponse, `GuidanceResponse/{id}`: the evidence's detail. */
  readonly screening?: string;
  /** The language of the narrative and the detail: English by default, or `ru` from 'acuspine/locales/ru'. */
  readonly locale?: Locale;
  /** The rule set that produced the screening, to name its own facts by their labels. */
  readonly ruleSet?: RuleSet<string, string>;
}

const KIND_TEXT = {
  refer: 'Red flag: assess or refer before acupuncture',
  contraindicated: 'Contraindication to acupuncture',
  caution: 'Caution for acupuncture',
} as const;

/**
 * Writes what a screening found against an acupuncture order as a FHIR R4 DetectedIssue: the
 * order as `implicated`, one `evidence` per rule found present (red flags, contraindications and
 * cautions alike) (the rule coded in its rule set's
 * code system, and the screening's GuidanceResponse when given), severity `high` for a red flag
 * (`refer`) or a contraindication and `moderate` for a caution, the screening's headline as the
 * detail and its words as the narrative, the rule set and version in an extension. Only a
 * screening that found something: an `eligible` or `incomplete` screening has no issue to write
 * (issue `nothing-detected`); an incomplete one is a GuidanceResponse with `data-required`. The
 * mitigation, what the clinician did about it, is the EHR's to record. Pure. Never throws.
 *
 * @param screening - a screening as returned by `screen`.
 * @param options - see {@link ScreeningDetectedIssueOptions}.
 * @returns a fresh DetectedIssue, or issues with the path of each bad option
 *   (`invalid-screening` or `nothing-detected` at the root).
 * @example
 * import { screen } from 'acuspine';
 * import { screeningDetectedIssue } from 'acuspine/fhir';
 *
 * const found = screeningDetectedIssue(screen({ pregnant: true }), {
 *   id: 'issue-1', patient: 'Patient/p1', order: 'ServiceRequest/course-1', identifiedDateTime: '2026-12-02',
 * });
 * if (found.ok) {
 *   found.value.severity; // => 'high'
 *   found.value.evidence[0].code[0].coding?.[0].code; // => 'pregnancy'
 * }
 */
export function screeningDetectedIssue(
  screening: unknown,
  options: ScreeningDetectedIssueOptions,
): Result<FhirWrittenDetectedIssue> {
  const read = new OptionReader(options);
  const id = read.id('id');
  const patient = read.reference('patient', ['Patient'], true);
  const order = read.reference('order', ['ServiceRequest'], true);
  const identifiedDateTime = read.dateTime('identifiedDateTime');
  const status = read.choice('status', ['final', 'preliminary'], 'final');
  const detail = read.reference('screening', ['GuidanceResponse'], false);
  const found = readWrittenScreening(screening, read.raw('locale'), read.raw('ruleSet'), read.issues);
  if (found !== undefined && (found.screening.status === 'eligible' || found.screening.status === 'incomplete')) {
    read.issues.push(
      issue(
        'nothing-detected',
        [],
        `the screening is ${found.screening.status}: it found no contraindication, red flag or caution to write as a detected issue`,
      ),
    );
  }
  if (found === undefined || read.issues.length > 0) return fail(read.issues);

  const { screening: value, words } = found;
  const kind = value.status as keyof typeof KIND_TEXT;
  const system = ruleCodeSystem(value.ruleSet.id);
  const evidence = value.findings
    .filter((finding) => finding.outcome === 'present')
    .map(
      (finding): FhirWrittenEvidence => ({
        code: [{ coding: [{ system, code: finding.rule }] }],
        ...(detail === undefined ? {} : { detail: [detail] }),
      }),
    );
  return ok({
    resourceType: 'DetectedIssue',
    id,
    text: { status: 'generated', div: screeningNarrative(words) },
    extension: [ruleSetExtension(value.ruleSet)],
    status,
    code: { text: KIND_TEXT[kind] },
    severity: kind === 'caution' ? 'moderate' : 'high',
    patient,
    identifiedDateTime,
    implicated: [order],
    evidence,
    detail: words.headline,
  });
}
