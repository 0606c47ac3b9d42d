// Devices: an implanted device (a pacemaker or another implanted electrical device) sets
// `pacemaker`, a caution for electroacupuncture in the caution rule set. FHIR R4 Device carries
// no implant date, so a device counts on the reference date only when its status is known to
// hold then; one made after `on` cannot have been implanted by then.
import type { Issue } from '../_internal/result.js';
import { afterDay, presenceOn, type StatusReading } from './as-of.js';
import type { CodedFact } from './code-list.js';
import { describeTime } from './fhir-time.js';
import { decidableFacts, FACT_WORDS, FACTS_BY_TYPE, type Mapping, strongestKinds } from './mapping.js';
import { FieldReader, type Found } from './read-input.js';

function statusReading(status: string | undefined): StatusReading {
  if (status === 'active') return status;
  if (status === 'inactive') return 'ended';
  return 'unclear';
}

export function mapDevice(mapping: Mapping, item: Found): void {
  const issues: Issue[] = [];
  const reader = new FieldReader(issues, item.path, item.resource);
  const { on, onDay } = mapping.options;
  const codings = reader.concept('type') ?? [];
  const readable = issues.length === 0 && mapping.readable('Device', codings);
  const lists = mapping.lists(codings);
  const byFact = strongestKinds(lists);
  if (readable && byFact.size === 0) return;
  const made = reader.time('manufactureDate');
  if (made !== undefined && afterDay(made, onDay)) {
    mapping.note(
      'after-reference-date',
      `Device made ${describeTime(made)}, after ${on}: it says nothing about ${on}`,
      undefined,
      item.ref,
    );
    return;
  }
  const subject = reader.reference('patient');
  const status = reader.string('status');
  const lastUpdated = reader.object('meta')?.time('lastUpdated');
  const decidable = decidableFacts(byFact);
  if (issues.length > 0) {
    mapping.malformed(item, issues, readable ? decidable : (FACTS_BY_TYPE.Device as readonly CodedFact[]));
    return;
  }
  if (mapping.otherPatient(subject)) {
    mapping.note('other-patient', `Device is about ${subject}, not the Patient: ignored`, undefined, item.ref);
    return;
  }
  if (status === 'entered-in-error') return;
  const presence = presenceOn(
    {
      start: undefined,
      end: undefined,
      status: statusReading(status),
      statusSince: mapping.statusSince(item, lastUpdated),
    },
    onDay,
  );
  if (presence.on === 'absent') {
    for (const fact of decidable) {
      mapping.note(
        'device-not-active',
        `Device for ${FACT_WORDS[fact]} does not count: its status is ${status}`,
        fact,
        item.ref,
      );
    }
    return;
  }
  const facts = readable ? decidable : (FACTS_BY_TYPE.Device as readonly CodedFact[]);
  for (const fact of facts) {
    const words = FACT_WORDS[fact];
    if (presence.on === 'present' && readable && byFact.get(fact) === 'counts') {
      mapping.state(fact).counts.push(item.ref);
      continue;
    }
    mapping.state(fact).uncertain = true;
    const why = !readable
      ? 'its type is given only in words or in a code system the mapping does not read'
      : presence.on === 'present'
        ? 'its type does not settle it'
        : status === 'active' || status === 'inactive'
          ? `its status (${status}) describes the record when it was written, not ${on}, and a Device has no implant date`
          : `its status is ${status === undefined ? 'not given' : `"${status}"`}`;
    mapping.note(
      readable ? 'device-status-unclear' : 'unreadable-code',
      `Device for ${words}: ${why}; ${words} is not excluded`,
      fact,
      item.ref,
    );
  }
}
