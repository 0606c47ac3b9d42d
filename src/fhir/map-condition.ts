// Conditions: what their codes mean (the code lists), whether they were present on the reference
// date (their dates, else a status known to hold then), and whether they are confirmed.
import type { Issue } from '../_internal/result.js';
import { regionFromIcd10 } from '../regions/region-from-icd10.js';
import type { SpinalRegion } from '../regions/spinal-region.js';
import { begunBy, type Presence, presenceOn, type StatusReading } from './as-of.js';
import { type CodedFact, type CodeListKind, type FhirCodeList, HISTORY_FACTS } from './code-list.js';
import { codeSystems } from './code-systems.js';
import { PREGNANCY_STATUS_CURRENT_DAYS } from './codes/pregnancy-status.js';
import type { FhirNoteCode } from './fhir-facts.js';
import { describeTime, type FhirTime, laterOf, parseFhirTime, periodTime } from './fhir-time.js';
import {
  CONTRADICTORY,
  decidableFacts,
  FACT_WORDS,
  FACTS_BY_TYPE,
  type Mapping,
  statusCode,
  strongestKinds,
} from './mapping.js';
import { FieldReader, type Found } from './read-input.js';

const CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';

/** What a condition's clinicalStatus says, as of when it was written. */
function clinicalReading(clinical: string | undefined): StatusReading {
  if (clinical === 'active' || clinical === 'recurrence' || clinical === 'relapse') return 'active';
  if (clinical === 'inactive' || clinical === 'remission' || clinical === 'resolved') return 'ended';
  return 'unclear';
}

/** Whether the thing recorded was, or may have been, present on `on`. */
function possible(presence: Presence): boolean {
  return presence.on === 'present' || presence.on === 'unclear';
}

/** The onset as a time: a dateTime, or a Period (it began at the start, or by the end). */
function onsetTime(reader: FieldReader): FhirTime | undefined {
  const time = reader.time('onsetDateTime');
  if (time !== undefined) return time;
  const period = reader.periodEnds('onsetPeriod');
  if (period === undefined) return undefined;
  return period.start ?? periodTime(undefined, period.end);
}

export function mapCondition(mapping: Mapping, item: Found): void {
  const issues: Issue[] = [];
  const reader = new FieldReader(issues, item.path, item.resource);
  const codings = reader.concept('code') ?? [];
  const readable = issues.length === 0 && mapping.readable('Condition', codings);
  const lists = mapping.lists(codings);
  const byFact = strongestKinds(lists);
  const regions = new Set<SpinalRegion>();
  for (const { system, code } of codings) {
    if (system === codeSystems.icd10 || system === codeSystems.icd10cm) {
      const region = regionFromIcd10(code);
      if (region !== undefined) regions.add(region);
    }
  }
  // readOptions makes each region list of extraCodes name its region, as the shipped ones do.
  for (const list of lists) if (list.kind === 'region') regions.add(list.region as SpinalRegion);
  if (readable && byFact.size === 0 && regions.size === 0) return;

  const subject = reader.reference('subject');
  const clinical = statusCode(reader.concept('clinicalStatus'), CLINICAL);
  const verification = statusCode(reader.concept('verificationStatus'), VERIFICATION);
  const onset = onsetTime(reader);
  const recorded = reader.time('recordedDate');
  const abatementTime = reader.time('abatementDateTime') ?? reader.period('abatementPeriod');
  const abatedUndated =
    reader.has('abatementAge') || reader.has('abatementRange') || reader.string('abatementString') !== undefined;
  const lastUpdated = reader.object('meta')?.time('lastUpdated');

  const decidable = decidableFacts(byFact);
  if (issues.length > 0) {
    mapping.malformed(item, issues, readable ? decidable : FACTS_BY_TYPE.Condition);
    return;
  }
  if (mapping.otherPatient(subject)) {
    mapping.note('other-patient', `Condition is about ${subject}, not the Patient: ignored`, undefined, item.ref);
    return;
  }
  if (verification === 'entered-in-error' || verification === 'refuted') {
    for (const fact of byFact.keys()) {
      mapping.note(
        'condition-ignored',
        `Condition coded as ${FACT_WORDS[fact]} is ignored: verificationStatus is ${verification}`,
        fact,
        item.ref,
      );
    }
    return;
  }

  // Codings that disagree give CONTRADICTORY, which is no known code: the status is unclear.
  const statusSince = mapping.statusSince(item, lastUpdated);
  const current = presenceOn(
    {
      start: onset ?? recorded,
      end: abatementTime ?? (abatedUndated ? 'undated' : undefined),
      status: clinicalReading(clinical),
      statusSince,
    },
    mapping.options.onDay,
  );
  // A fact of history holds from the onset on: neither an abatement nor a status ends it.
  const since = begunBy(onset ?? recorded, statusSince, mapping.options.onDay);
  if (!readable) {
    // A condition that ended before `on` may still have been a cancer: a history stays open.
    const facts = possible(current) ? FACTS_BY_TYPE.Condition : possible(since) ? HISTORY_FACTS : [];
    if (facts.length > 0) {
      mapping.unsettle(facts);
      mapping.note(
        'unreadable-code',
        `Condition has no code in a system the mapping reads (only text, or another code system): ${facts === HISTORY_FACTS ? 'it was not present on the reference date, but a history of cancer stays unrecorded' : 'the facts a condition can record stay unrecorded'}`,
        undefined,
        item.ref,
      );
    }
    return;
  }
  const verified = verification === 'confirmed';
  const unverifiedWhy =
    verification === undefined
      ? 'it has no verificationStatus, so it is not confirmed'
      : verification === CONTRADICTORY
        ? 'its verificationStatus codings disagree'
        : `verificationStatus is ${verification}`;
  const explain = (shown: Exclude<Presence, { readonly on: 'present' }>) =>
    explainPresence(mapping, shown, clinical, onset ?? recorded, abatementTime);

  for (const [fact, kind] of byFact) {
    const words = FACT_WORDS[fact];
    const list = lists.find((candidate) => candidate.fact === fact && candidate.kind === kind) as FhirCodeList;
    const presence = HISTORY_FACTS.includes(fact) ? since : current;
    if (presence.on === 'future' || presence.on === 'absent') {
      if (kind === 'note') continue;
      const { why, code } = explain(presence);
      mapping.note(code, `Condition coded as ${words} ${why}`, fact, item.ref);
      if (presence.on === 'absent' && fact === 'pregnant' && kind === 'counts' && abatementTime !== undefined) {
        mapping.pregnancy.push({ value: false, time: abatementTime, ref: item.ref });
      }
      continue;
    }
    if (kind === 'note') {
      mapping.note(
        'noted-code',
        `Condition "${list.title}" is noted for the clinician; it does not set ${words}`,
        fact,
        item.ref,
      );
      continue;
    }
    if (presence.on === 'unclear') {
      mapping.state(fact).uncertain = true;
      const { why, code } = explain(presence);
      mapping.note(code, `Condition coded as ${words} leaves it unrecorded: ${why}`, fact, item.ref);
      continue;
    }
    countPresent(mapping, item, fact, kind, list, verified ? undefined : unverifiedWhy, {
      onset,
      recorded,
      abatement: abatementTime,
    });
  }

  if (regions.size > 0 && current.on !== 'future' && current.on !== 'absent') {
    const named = `Condition naming the ${[...regions].join(' and ')} region`;
    if (current.on === 'present' && verified) {
      for (const region of regions) {
        const evidence = mapping.regions.get(region) ?? [];
        evidence.push(item.ref);
        mapping.regions.set(region, evidence);
      }
    } else if (current.on === 'unclear') {
      const { why, code } = explain(current);
      mapping.note(code, `${named} is not used for region suggestions: ${why}`, undefined, item.ref);
    } else {
      mapping.note(
        'condition-not-confirmed',
        `${named} is not used for region suggestions: ${unverifiedWhy}`,
        undefined,
        item.ref,
      );
    }
  }
}

interface ConditionDates {
  readonly onset: FhirTime | undefined;
  readonly recorded: FhirTime | undefined;
  readonly abatement: FhirTime | undefined;
}

/** A condition present on `on`: it counts when confirmed, else leaves the fact unrecorded. */
function countPresent(
  mapping: Mapping,
  item: Found,
  fact: CodedFact,
  kind: CodeListKind,
  list: FhirCodeList,
  unverified: string | undefined,
  dates: ConditionDates,
): void {
  const words = FACT_WORDS[fact];
  if (kind === 'uncertain') {
    mapping.state(fact).uncertain = true;
    mapping.note(
      'uncertain-code',
      `Condition "${list.title}" does not settle ${words}: ${list.source.note ?? 'ask the clinician'}`,
      fact,
      item.ref,
    );
    return;
  }
  if (unverified !== undefined) {
    mapping.state(fact).uncertain = true;
    mapping.note(
      'condition-not-confirmed',
      `Condition coded as ${words} leaves it unrecorded: ${unverified}`,
      fact,
      item.ref,
    );
    return;
  }
  if (fact !== 'pregnant') {
    mapping.state(fact).counts.push(item.ref);
    return;
  }
  const { onset, recorded, abatement } = dates;
  const { on, onDay } = mapping.options;
  // A pregnancy whose end lies on or after `on` is a statement about `on` itself; an open one is
  // as of its latest date (later statements, such as a "not pregnant" status, may overrule it).
  const time = abatement !== undefined ? (parseFhirTime(on, true) as FhirTime) : laterOf(onset, recorded);
  mapping.pregnancy.push({ value: true, time, ref: item.ref });
  if (abatement === undefined && onset !== undefined && onset.lastDay < onDay - PREGNANCY_STATUS_CURRENT_DAYS) {
    mapping.note(
      'pregnancy-condition-old',
      `Active pregnancy condition began ${describeTime(onset)}, more than 42 weeks before ${on}: it counts, but check the record`,
      fact,
      item.ref,
    );
  }
}

/** Why a condition is not, or may not be, present on `on`, in words, with its note code. */
function explainPresence(
  mapping: Mapping,
  presence: Exclude<Presence, { readonly on: 'present' }>,
  clinical: string | undefined,
  start: FhirTime | undefined,
  abatement: FhirTime | undefined,
): { readonly why: string; readonly code: FhirNoteCode } {
  const { on } = mapping.options;
  switch (presence.on) {
    case 'future':
      return {
        why: `begins ${describeTime(start as FhirTime)}, after ${on}: it says nothing about ${on}`,
        code: 'after-reference-date',
      };
    case 'absent':
      return presence.why === 'ended'
        ? {
            why: `does not count: it ended ${describeTime(abatement as FhirTime)}, before ${on}`,
            code: 'condition-inactive',
          }
        : {
            why:
              clinical === undefined || clinical === CONTRADICTORY
                ? `does not count: it has abated, as the record said on or before ${on}`
                : `does not count: clinicalStatus is ${clinical}, as the record said on or before ${on}`,
            code: 'condition-inactive',
          };
    case 'unclear':
      if (presence.why === 'contradiction') {
        return {
          why: `clinicalStatus is ${clinical} but the condition has an abatement`,
          code: 'condition-contradictory-status',
        };
      }
      if (presence.why === 'status') {
        return {
          why:
            clinical === undefined
              ? 'it has no clinicalStatus'
              : clinical === CONTRADICTORY
                ? 'its clinicalStatus codings disagree'
                : `its clinicalStatus "${clinical}" is not a known code`,
          code: 'condition-without-status',
        };
      }
      return {
        why: `its dates do not tell whether it was present on ${on}${clinical === undefined ? '' : `, and its clinicalStatus (${clinical}) describes the record when it was written, not ${on}`}`,
        code: 'dates-unclear',
      };
  }
}
