// The record and the clinician's answers, together. An EHR rarely records that someone has no
// cancer, so the record alone leaves almost every screening incomplete; the clinician's answers
// fill the gaps. Where the two disagree, neither wins by rule: the fact stays unrecorded, the
// disagreement is named, and only a clinician's explicit resolution, with its reason, settles it.
import { type FactName, factNames, isFactName, type PatientFactsWith } from '../facts/patient-facts.js';
import type { FhirFacts, FhirResourceRef } from './fhir-facts.js';
import type { AnsweredFacts, FactAnswer } from './questionnaire/facts-from-questionnaire-response.js';

/** What recorded a fact: the record (with the resources that decided it) or an answer. */
export type FactSource = RecordSource | AnswerSource | ResolutionSource;

/** The record recorded the fact. */
export interface RecordSource {
  /** Always `record`. */
  readonly from: 'record';
  /** The value the record gives. */
  readonly value: boolean | number;
  /** The resources that decided it; empty when `closedWorld` set it for want of any. */
  readonly resources: readonly FhirResourceRef[];
}

/** A clinician's answer recorded the fact. */
export interface AnswerSource {
  /** Always `answer`. */
  readonly from: 'answer';
  /** The value answered. */
  readonly value: boolean | number;
  /** The answer: which item of which response, when and by whom when the response says. */
  readonly answer: FactAnswer;
}

/** A clinician settled a disagreement. */
export interface ResolutionSource {
  /** Always `resolution`. */
  readonly from: 'resolution';
  /** The value decided. */
  readonly value: boolean | number;
  /** The resolution as given. */
  readonly resolution: FactResolution;
}

/**
 * A clinician's decision on a fact whose sources disagree, after looking at them: the value, and
 * why. It settles only a disagreement: on a fact whose sources agree it changes nothing (a note
 * says so).
 *
 * @example
 * const resolution: FactResolution = { fact: 'pregnant', value: false, reason: 'Delivered in March; the record is out of date', by: 'Practitioner/dr-1' };
 */
export interface FactResolution {
  /** The fact. */
  readonly fact: string;
  /** The value decided: a boolean, or the age in completed years. */
  readonly value: boolean | number;
  /** Why, in words: required, not blank. */
  readonly reason: string;
  /** Who decided, for the record. */
  readonly by?: string;
  /** When, for the record (a FHIR dateTime, as the app keeps it). */
  readonly on?: string;
}

/** Sources of one fact that disagree. */
export interface FactConflict<Fact extends string = never> {
  /** The fact, left unrecorded. */
  readonly fact: FactName | Fact;
  /** Every source that recorded it, each with its value, in order: the record first, then the answers. */
  readonly sources: readonly (RecordSource | AnswerSource)[];
  /** A sentence for the clinician: what disagrees with what. */
  readonly message: string;
}

/** The stable codes of {@link MergeNote}. */
export type MergeNoteCode = 'other-patient' | 'resolved' | 'resolution-unused';

/** Something the merge set aside or decided, and why. */
export interface MergeNote {
  /** A stable, machine-readable code. */
  readonly code: MergeNoteCode;
  /** A sentence for the clinician or the log. */
  readonly message: string;
  /** The fact it is about, if any. */
  readonly fact?: string;
  /** The index of the answers it is about, in the order given, if any. */
  readonly answers?: number;
}

/**
 * The facts of the record and the answers, together: the facts they agree on (or that only one
 * of them records, or that a resolution settled), the sources of each, and the disagreements.
 */
export interface MergedFacts<Fact extends string = never> {
  /** The facts to screen: agreed or settled only; a fact in conflict is left out, so it stays unrecorded. */
  readonly facts: PatientFactsWith<Fact>;
  /** For each fact in `facts`, every source that recorded it. */
  readonly sources: { readonly [Name in FactName | Fact]?: readonly FactSource[] };
  /** The facts whose sources disagree and that no resolution settled, in fact order. */
  readonly conflicts: readonly FactConflict<Fact>[];
  /** Answers set aside (another patient's), resolutions applied or unused. */
  readonly notes: readonly MergeNote[];
}

/** What {@link mergeRecordAndAnswers} takes beside the record and the answers. */
export interface MergeRecordAndAnswersOptions {
  /**
   * The patient's logical id: a set of answers whose response names another patient as its
   * subject is set aside, with a note (another patient's answers never join this record).
   */
  readonly patientId?: string;
  /** The clinician's decisions on facts in conflict. */
  readonly resolutions?: readonly FactResolution[];
}

/**
 * Joins the facts read from a FHIR record (`factsFromFhir`) with the facts a clinician answered
 * (`factsFromQuestionnaireResponse`, or a form read the same way), keeping the source of each:
 * the record's resources, and for an answer its item, response, time and author. A fact that
 * only one of them records is taken from it; a fact on which they agree keeps every source; a
 * fact on which they disagree (the record says pregnant, the clinician says not; two answers
 * differ) is left out of `facts`, so that a screening asks for it, and named in `conflicts`,
 * never settled by a silent preference. A clinician settles a conflict with a resolution that
 * gives the value and the reason; the fact's sources then keep the resolution and everything it
 * overrode, for an audit. Pure; the result is frozen.
 *
 * @typeParam Fact - the names of the rule set's own facts, if it declares any.
 * @param record - what `factsFromFhir` found, or `undefined` when there is no record.
 * @param answered - one set of answers, or several (read in order).
 * @param options - `patientId` and `resolutions`; see {@link MergeRecordAndAnswersOptions}.
 * @returns the merged facts, their sources, the conflicts and the notes.
 * @throws {TypeError} when a resolution has no reason, or a value of the wrong type for its fact.
 * @example
 * import { factsFromFhir, factsFromQuestionnaireResponse, mergeRecordAndAnswers } from 'acuspine/fhir';
 *
 * const record = factsFromFhir(bundle, { on: '2026-12-02' });
 * const answered = factsFromQuestionnaireResponse(response, { questionnaire, patientId: 'p1' });
 * if (record.ok && answered.ok) {
 *   const merged = mergeRecordAndAnswers(record.value, answered.value, { patientId: 'p1' });
 *   merged.conflicts; // => [] when the record and the answers agree
 *   screen(merged.facts);
 * }
 */
export function mergeRecordAndAnswers<Fact extends string = never>(
  record: FhirFacts | undefined,
  answered: AnsweredFacts<Fact> | readonly AnsweredFacts<Fact>[],
  options: MergeRecordAndAnswersOptions = {},
): MergedFacts<Fact> {
  const answerSets: readonly AnsweredFacts<Fact>[] = Array.isArray(answered)
    ? answered
    : [answered as AnsweredFacts<Fact>];
  const resolutions = new Map<string, FactResolution>();
  for (const resolution of options.resolutions ?? []) resolutions.set(resolution.fact, checked(resolution));

  const notes: MergeNote[] = [];
  const sourcesOf = new Map<string, (RecordSource | AnswerSource)[]>();
  const add = (fact: string, source: RecordSource | AnswerSource): void => {
    const list = sourcesOf.get(fact);
    if (list === undefined) sourcesOf.set(fact, [source]);
    else list.push(source);
  };

  if (record !== undefined) {
    const evidence = record.evidence as Readonly<Record<string, readonly FhirResourceRef[]>>;
    for (const [fact, value] of Object.entries(record.facts)) {
      if (typeof value !== 'boolean' && typeof value !== 'number') continue;
      add(fact, Object.freeze({ from: 'record', value, resources: evidence[fact] ?? Object.freeze([]) }));
    }
  }
  answerSets.forEach((set, index) => {
    const subject = set.response.subject;
    if (options.patientId !== undefined && subject !== undefined && !isSubject(subject, options.patientId)) {
      notes.push(
        note(
          'other-patient',
          `The answers at ${index} are about ${subject}, not Patient/${options.patientId}: set aside`,
          {
            answers: index,
          },
        ),
      );
      return;
    }
    const answers = set.answers as Readonly<Record<string, FactAnswer>>;
    for (const [fact, answer] of Object.entries(answers)) {
      add(fact, Object.freeze({ from: 'answer', value: answer.value, answer }));
    }
  });

  const facts: Record<string, boolean | number> = {};
  const sources: Record<string, readonly FactSource[]> = {};
  const conflicts: FactConflict<Fact>[] = [];
  for (const fact of factOrder(sourcesOf.keys())) {
    const found = sourcesOf.get(fact) as (RecordSource | AnswerSource)[];
    const values = new Set(found.map((source) => source.value));
    const resolution = resolutions.get(fact);
    resolutions.delete(fact);
    if (values.size === 1) {
      facts[fact] = found[0]?.value as boolean | number;
      sources[fact] = Object.freeze(found);
      if (resolution !== undefined) {
        notes.push(
          note('resolution-unused', `${fact}: its sources agree, so the resolution changes nothing`, { fact }),
        );
      }
    } else if (resolution !== undefined) {
      facts[fact] = resolution.value;
      sources[fact] = Object.freeze([
        Object.freeze({ from: 'resolution', value: resolution.value, resolution }),
        ...found,
      ]);
      notes.push(
        note('resolved', `${fact}: the sources disagreed; settled as ${resolution.value} (${resolution.reason})`, {
          fact,
        }),
      );
    } else {
      conflicts.push(
        Object.freeze({
          fact: fact as FactName | Fact,
          sources: Object.freeze(found),
          message: `${fact}: ${found.map(describeSource).join('; ')}. Left unrecorded until a clinician resolves it`,
        }),
      );
    }
  }
  for (const fact of resolutions.keys()) {
    notes.push(note('resolution-unused', `${fact}: nothing records it, so the resolution changes nothing`, { fact }));
  }
  return Object.freeze({
    facts: Object.freeze(facts) as PatientFactsWith<Fact>,
    sources: Object.freeze(sources) as MergedFacts<Fact>['sources'],
    conflicts: Object.freeze(conflicts),
    notes: Object.freeze(notes),
  });
}

function checked(resolution: FactResolution): FactResolution {
  const { fact, value, reason } = resolution;
  if (typeof reason !== 'string' || reason.trim() === '') {
    throw new TypeError(`mergeRecordAndAnswers: the resolution of ${String(fact)} needs a reason`);
  }
  const wanted = fact === 'ageYears' ? 'number' : 'boolean';
  if (typeof value !== wanted || (wanted === 'number' && !Number.isInteger(value))) {
    throw new TypeError(
      `mergeRecordAndAnswers: the resolution of ${String(fact)} needs ${wanted === 'number' ? 'a whole number of years' : 'true or false'}`,
    );
  }
  return Object.freeze({ ...resolution });
}

/** The shipped facts in their order, then a rule set's own in the order first seen. */
function factOrder(found: Iterable<string>): string[] {
  const names = [...found];
  const shipped = names.filter(isFactName);
  const rank = (name: string): number => factRank.get(name) as number;
  return [...shipped.sort((a, b) => rank(a) - rank(b)), ...names.filter((name) => !isFactName(name))];
}

/** Whether a response's subject reference names the patient, relative or absolute. */
function isSubject(subject: string, patientId: string): boolean {
  return subject === `Patient/${patientId}` || subject.endsWith(`/Patient/${patientId}`);
}

function describeSource(source: RecordSource | AnswerSource): string {
  if (source.from === 'record') {
    const resources = source.resources.map((ref) =>
      ref.id === undefined ? ref.resourceType : `${ref.resourceType}/${ref.id}`,
    );
    return `the record says ${String(source.value)}${resources.length === 0 ? ' (closed world: nothing recorded)' : ` (${resources.join(', ')})`}`;
  }
  const { answer } = source;
  const by = answer.author === undefined ? '' : ` by ${answer.author}`;
  const when = answer.authored === undefined ? '' : ` on ${answer.authored}`;
  const response = answer.responseId === undefined ? '' : ` in QuestionnaireResponse/${answer.responseId}`;
  return `answered ${String(source.value)}${response}${by}${when}`;
}

function note(
  code: MergeNoteCode,
  message: string,
  about: { readonly fact?: string; readonly answers?: number },
): MergeNote {
  return Object.freeze({ code, message, ...about });
}

const factRank: ReadonlyMap<string, number> = /* @__PURE__ */ new Map(factNames.map((name, index) => [name, index]));
