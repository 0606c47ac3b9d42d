// Reading the answers of a QuestionnaireResponse back as patient facts: the response to the
// questionnaire of missing facts (or any whose linkIds are fact names). Untrusted JSON: a wrong
// type, range or code is an issue with its path, a question left empty stays unrecorded, and a
// response about another patient, or to another questionnaire, is refused rather than read.
import { readProperty } from '../../_internal/read-property.js';
import { failCounted, type Issue, issue, MAX_ISSUES, ok, type Result } from '../../_internal/result.js';
import { describeValue } from '../../_internal/text.js';
import { customFactNamesOf, isCustomFactName } from '../../facts/custom-fact-names.js';
import { type FactName, isFactName, type PatientFactsWith } from '../../facts/patient-facts.js';
import type { RuleSet } from '../../screening/rule.js';
import { RULE_SET_FACT_CODE_SYSTEM_PREFIX } from '../acuspine-codes.js';
import { pregnancyStatusValue } from '../codes/pregnancy-status.js';
import type { FhirPath } from '../fhir-facts.js';
import { parseFhirTime } from '../fhir-time.js';
import type { FhirCoding, FhirReference } from '../resources.js';
import { answerKindOf, FHIR_ID, MAX_ANSWER_AGE } from './questionnaire-codes.js';

/**
 * A QuestionnaireResponse as {@link factsFromQuestionnaireResponse} reads it: only the elements
 * it reads. Every property is optional, so that any R4 QuestionnaireResponse (`fhir4` of
 * @types/fhir, or what LHC-Forms returns) is one.
 *
 * @example
 * const response: FhirQuestionnaireResponse = {
 *   resourceType: 'QuestionnaireResponse',
 *   status: 'completed',
 *   item: [{ linkId: 'epilepsy', answer: [{ valueBoolean: false }] }],
 * };
 */
export interface FhirQuestionnaireResponse {
  /** Always `QuestionnaireResponse`. */
  readonly resourceType: 'QuestionnaireResponse';
  /** Its logical id. */
  readonly id?: string | undefined;
  /** The canonical URL of the Questionnaire it answers, with an optional `|version`. */
  readonly questionnaire?: string | undefined;
  /** `in-progress`, `completed`, `amended` (read), `entered-in-error` or `stopped` (refused). */
  readonly status?: string | undefined;
  /** The patient it is about. */
  readonly subject?: FhirReference | undefined;
  /** When it was answered, a FHIR dateTime. */
  readonly authored?: string | undefined;
  /** Who answered it. */
  readonly author?: FhirReference | undefined;
  /** The answered questions, groups holding their own. */
  readonly item?: readonly FhirQuestionnaireResponseItem[] | undefined;
}

/**
 * A question of a {@link FhirQuestionnaireResponse}, or a group of them.
 *
 * @example
 * const item: FhirQuestionnaireResponseItem = { linkId: 'ageYears', answer: [{ valueInteger: 52 }] };
 */
export interface FhirQuestionnaireResponseItem {
  /** The item of the Questionnaire it answers: for a fact, the fact's name. */
  readonly linkId?: string | undefined;
  /** The question as it was shown (not read). */
  readonly text?: string | undefined;
  /** The answer; none when the question was left empty. */
  readonly answer?: readonly FhirQuestionnaireResponseAnswer[] | undefined;
  /** The items of a group. */
  readonly item?: readonly FhirQuestionnaireResponseItem[] | undefined;
}

/**
 * An answer of a {@link FhirQuestionnaireResponseItem}: the value of the kind its fact takes.
 *
 * @example
 * const answer: FhirQuestionnaireResponseAnswer = {
 *   valueCoding: { system: 'http://loinc.org', code: 'LA26683-5', display: 'Not pregnant' },
 * };
 */
export interface FhirQuestionnaireResponseAnswer {
  /** A yes or no fact's answer. */
  readonly valueBoolean?: boolean | undefined;
  /** The age in completed years. */
  readonly valueInteger?: number | undefined;
  /** Pregnancy: a LOINC answer of 82810-3, or SNOMED CT 77386006 / 60001007. */
  readonly valueCoding?: FhirCoding | undefined;
  /** Questions nested under the answer. */
  readonly item?: readonly FhirQuestionnaireResponseItem[] | undefined;
}

/**
 * The Questionnaire a response answers, as {@link factsFromQuestionnaireResponse} reads it: its
 * URL and its items. A {@link FhirQuestionnaire} is one, and so is any R4 Questionnaire.
 *
 * @example
 * const asked: AskedQuestionnaire = {
 *   url: 'https://acuspine.github.io/fhir/Questionnaire/q1',
 *   item: [{ linkId: 'pregnant' }, { linkId: 'epilepsy' }],
 * };
 */
export interface AskedQuestionnaire {
  /** Its canonical URL: a response that names another questionnaire is refused. */
  readonly url?: string | undefined;
  /** Its items: a response may answer only these. */
  readonly item?: readonly AskedQuestionnaireItem[] | undefined;
}

/**
 * An item of an {@link AskedQuestionnaire}.
 *
 * @example
 * const item: AskedQuestionnaireItem = {
 *   linkId: 'recentSpinalSurgery',
 *   code: [{ system: 'https://acuspine.github.io/codes/rule-set/clinic/fact', code: 'recentSpinalSurgery' }],
 * };
 */
export interface AskedQuestionnaireItem {
  /** The item's linkId. */
  readonly linkId: string;
  /** Its codes: a rule set's own fact is known by its coding in the rule set's code system (see `factCoding`). */
  readonly code?: readonly FhirCoding[] | undefined;
  /** The items of a group. */
  readonly item?: readonly AskedQuestionnaireItem[] | undefined;
}

/**
 * Options for {@link factsFromQuestionnaireResponse}.
 *
 * @typeParam Fact - the names of the rule set's own facts, if it declares any.
 * @example
 * const options: FactsFromResponseOptions = { patientId: 'p1' };
 */
export interface FactsFromResponseOptions<Fact extends string = never> {
  /**
   * The Questionnaire the response should answer (as {@link missingFactsQuestionnaire} made it):
   * a response that names another (its URL, ignoring a `|version`) is refused, and so is an
   * answer to an item it does not have. Its items that are no fact are passed over with a note;
   * its items coded as a rule set's own facts are read as such.
   */
  readonly questionnaire?: AskedQuestionnaire | undefined;
  /** The patient's logical id: a response whose subject is another patient (or not a patient) is refused. */
  readonly patientId?: string | undefined;
  /** The rule set whose own facts the response may answer (those it declares). */
  readonly ruleSet?: RuleSet<string, Fact> | undefined;
}

/**
 * What answered one fact: the item and the answer, and the response's provenance.
 *
 * @example
 * const answer: FactAnswer = {
 *   linkId: 'epilepsy',
 *   path: ['item', 2, 'answer', 0],
 *   value: false,
 *   authored: '2026-11-24T10:15:00Z',
 *   responseId: 'qr1',
 * };
 */
export interface FactAnswer {
  /** The item's linkId (the fact's name). */
  readonly linkId: string;
  /** Where the answer sits in the response. */
  readonly path: FhirPath;
  /** The value recorded: true or false, or the age in completed years. */
  readonly value: boolean | number;
  /** When the response was answered, as it says. */
  readonly authored?: string;
  /** Who answered it, as the response's `author.reference`. */
  readonly author?: string;
  /** The response's id. */
  readonly responseId?: string;
}

/**
 * The response itself: what identifies it and says when, by whom and about whom it was answered.
 *
 * @example
 * const response: QuestionnaireResponseRef = { id: 'qr1', status: 'completed', subject: 'Patient/p1' };
 */
export interface QuestionnaireResponseRef {
  /** Its logical id, when it has one. */
  readonly id?: string;
  /** The canonical URL of the questionnaire it names. */
  readonly questionnaire?: string;
  /** `in-progress`, `completed` or `amended`. */
  readonly status: 'in-progress' | 'completed' | 'amended';
  /** Its subject's reference, when it gives one. */
  readonly subject?: string;
  /** When it was answered. */
  readonly authored?: string;
  /** Its author's reference. */
  readonly author?: string;
}

/** The stable codes of {@link QuestionnaireResponseNote}. */
export type QuestionnaireResponseNoteCode = 'answered-unknown' | 'in-progress' | 'not-a-fact' | 'subject-unchecked';

/**
 * Something the reader wants the clinician to know: an answer that records nothing, a response
 * still in progress, an item passed over, a subject it could not check.
 *
 * @example
 * const note: QuestionnaireResponseNote = {
 *   code: 'answered-unknown',
 *   message: 'Pregnancy was answered "unknown": it stays unrecorded',
 *   fact: 'pregnant',
 *   path: ['item', 1, 'answer', 0],
 * };
 */
export interface QuestionnaireResponseNote {
  /** A stable, machine-readable code. */
  readonly code: QuestionnaireResponseNoteCode;
  /** A sentence for the clinician or the log. */
  readonly message: string;
  /** The fact it is about, if any. */
  readonly fact?: string;
  /** Where in the response, if anywhere in particular. */
  readonly path?: FhirPath;
}

/**
 * The facts a QuestionnaireResponse answered, what answered each, and the response. Frozen.
 *
 * @typeParam Fact - the names of the rule set's own facts, if it declares any.
 * @example
 * const answered: AnsweredFacts = {
 *   facts: { epilepsy: false },
 *   answers: { epilepsy: { linkId: 'epilepsy', path: ['item', 0, 'answer', 0], value: false } },
 *   response: { status: 'completed' },
 *   notes: [],
 * };
 */
export interface AnsweredFacts<Fact extends string = never> {
  /** The answered facts only, ready for `screen`: a question left empty, or answered "unknown", is left out. */
  readonly facts: PatientFactsWith<Fact>;
  /** For each recorded fact, what answered it. */
  readonly answers: { readonly [Name in FactName | Fact]?: FactAnswer };
  /** The response. */
  readonly response: QuestionnaireResponseRef;
  /** What was passed over or could not be settled, in the response's order. */
  readonly notes: readonly QuestionnaireResponseNote[];
}

const CALLER = 'factsFromQuestionnaireResponse';
/** Groups nested deeper than this are not read: no questionnaire of facts comes near it. */
const MAX_DEPTH = 10;
const OPTION_KEYS: ReadonlySet<string> = new Set(['questionnaire', 'patientId', 'ruleSet']);
const READ_STATUSES: ReadonlySet<unknown> = new Set(['in-progress', 'completed', 'amended']);
const REFUSED_STATUSES: ReadonlySet<unknown> = new Set(['entered-in-error', 'stopped']);
const VALUE_KEY = { boolean: 'valueBoolean', integer: 'valueInteger', choice: 'valueCoding' } as const;
/** A literal reference to a resource, relative or absolute, with an optional version: its type and id. */
const LITERAL_REFERENCE = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/?#]+)?$/;

/** A field that could not be read (a getter or a proxy threw): ends the reading with its path. */
class Unreadable {
  constructor(readonly path: FhirPath) {}
}

/**
 * Reads the answers of a FHIR R4 QuestionnaireResponse as patient facts, for `screen`: each
 * answered item whose linkId is a fact (a fact acuspine ships, one that `options.ruleSet`
 * declares, or one that `options.questionnaire` codes as a rule set's own) records that fact.
 * `valueBoolean` answers a yes or no fact, `valueInteger` (0 to 149) the age in completed years,
 * `valueCoding` pregnancy (LOINC 82810-3's answers, or SNOMED CT 77386006 and 60001007). A
 * question left empty, and pregnancy answered "unknown", stay unrecorded: never read as "no".
 * Groups are read through. Responses `in-progress` (with a note), `completed` and `amended` are
 * read; `entered-in-error` and `stopped` are refused, and so is a response about another patient
 * than `options.patientId` or to another questionnaire than `options.questionnaire`. Pure; never
 * throws.
 *
 * @typeParam Fact - the names of the rule set's own facts, if it declares any.
 * @param response - a QuestionnaireResponse; any value is accepted.
 * @param options - `questionnaire` (the one answered), `patientId`, `ruleSet` (its own facts).
 * @returns `{ ok: true, value: { facts, answers, response, notes } }`, frozen, or every issue
 *   with its path: `not-an-object`, `wrong-resource-type`, `missing` (status, linkId),
 *   `invalid-status`, `status-refused`, `patient-mismatch`, `questionnaire-mismatch`,
 *   `invalid-date` (authored), `invalid-type`, `unknown-item` (a linkId that is no fact, or not
 *   an item of the questionnaire), `multiple-answers`, `invalid-answer` (a value of another
 *   kind), `not-an-integer`, `out-of-range`, `unknown-code`, `duplicate-answer` (a fact answered
 *   twice), `too-deep`, `invalid-option`, `unreadable` (a getter or proxy threw), and at most
 *   100 of them, then `too-many-issues`.
 * @example
 * const result = factsFromQuestionnaireResponse({
 *   resourceType: 'QuestionnaireResponse',
 *   status: 'completed',
 *   subject: { reference: 'Patient/p1' },
 *   item: [
 *     { linkId: 'ageYears', answer: [{ valueInteger: 52 }] },
 *     { linkId: 'pregnant', answer: [{ valueCoding: { system: 'http://loinc.org', code: 'LA26683-5' } }] },
 *     { linkId: 'epilepsy' },
 *   ],
 * }, { patientId: 'p1' });
 * result.ok && result.value.facts; // => { ageYears: 52, pregnant: false }
 */
export function factsFromQuestionnaireResponse<Fact extends string = never>(
  response: unknown,
  options?: FactsFromResponseOptions<Fact>,
): Result<AnsweredFacts<Fact>> {
  const reader = new ResponseReader();
  try {
    return reader.read(response, options) as Result<AnsweredFacts<Fact>>;
  } catch (error) {
    const path = error instanceof Unreadable ? error.path : [];
    reader.add('unreadable', path, 'the value could not be read as JSON data');
    return failCounted(reader.listed, reader.found);
  }
}

/** How each linkId of the response is read. */
type LinkKind = { readonly fact: string } | 'not-a-fact' | undefined;

interface ReadOptions {
  /** The fact of each linkId a response may answer; undefined when any fact may be answered. */
  readonly asked: ReadonlyMap<string, LinkKind> | undefined;
  readonly url: string | undefined;
  readonly patientId: string | undefined;
  readonly ownFacts: readonly string[];
}

class ResponseReader {
  readonly listed: Issue[] = [];
  found = 0;
  private readonly notes: QuestionnaireResponseNote[] = [];
  private readonly facts: Record<string, boolean | number> = {};
  private readonly answers: Record<string, FactAnswer> = {};
  /** The facts answered so far (pregnancy answered "unknown" too), for finding a fact answered twice. */
  private readonly answered = new Set<string>();
  /** The items that are no fact, noted once each, so that a long response cannot make a long list of notes. */
  private readonly passedOver = new Set<string>();
  private provenance: Pick<FactAnswer, 'authored' | 'author' | 'responseId'> = {};

  /** Counts an issue, and lists it while fewer than MAX_ISSUES are listed. */
  add(code: string, path: FhirPath, message: string): void {
    this.found += 1;
    if (this.listed.length < MAX_ISSUES) this.listed.push(issue(code, path, message));
  }

  private note(code: QuestionnaireResponseNoteCode, message: string, fact?: string, path?: FhirPath): void {
    this.notes.push(
      Object.freeze({
        code,
        message,
        ...(fact === undefined ? {} : { fact }),
        ...(path === undefined ? {} : { path: Object.freeze([...path]) }),
      }),
    );
  }

  read(response: unknown, rawOptions: unknown): Result<AnsweredFacts<string>> {
    const options = this.readOptions(rawOptions);
    if (!isObject(response, [])) {
      this.add('not-an-object', [], `expected a QuestionnaireResponse (an object), got ${describeValue(response)}`);
      return failCounted(this.listed, this.found);
    }
    if (options === undefined) return failCounted(this.listed, this.found);
    const type = get(response, 'resourceType', []);
    if (type !== 'QuestionnaireResponse') {
      this.add(
        'wrong-resource-type',
        ['resourceType'],
        `expected a QuestionnaireResponse, got ${type === undefined ? 'no resourceType' : describeValue(type)}`,
      );
      return failCounted(this.listed, this.found);
    }
    const status = this.status(get(response, 'status', []));
    const id = this.string(response, 'id', []);
    const questionnaire = this.questionnaire(response, options);
    const subject = this.subject(response, options);
    const authored = this.authored(response);
    const author = this.reference(response, 'author', []);
    this.provenance = {
      ...(authored === undefined ? {} : { authored }),
      ...(author === undefined ? {} : { author }),
      ...(id === undefined ? {} : { responseId: id }),
    };
    this.items(get(response, 'item', []), ['item'], options, 0);
    if (this.found > 0) return failCounted(this.listed, this.found);
    return ok(
      Object.freeze({
        facts: Object.freeze(this.facts) as PatientFactsWith<string>,
        answers: Object.freeze(this.answers),
        response: Object.freeze({
          ...(id === undefined ? {} : { id }),
          ...(questionnaire === undefined ? {} : { questionnaire }),
          status: status as QuestionnaireResponseRef['status'],
          ...(subject === undefined ? {} : { subject }),
          ...(authored === undefined ? {} : { authored }),
          ...(author === undefined ? {} : { author }),
        }),
        notes: Object.freeze(this.notes),
      }),
    );
  }

  private status(status: unknown): string | undefined {
    if (status === undefined) {
      this.add('missing', ['status'], 'a QuestionnaireResponse must have a status');
    } else if (REFUSED_STATUSES.has(status)) {
      this.add(
        'status-refused',
        ['status'],
        `the response is ${status as string}: its answers are not the patient's facts, and are not read`,
      );
    } else if (!READ_STATUSES.has(status)) {
      this.add(
        'invalid-status',
        ['status'],
        `expected in-progress, completed or amended, got ${describeValue(status)}`,
      );
    } else {
      if (status === 'in-progress') {
        this.note(
          'in-progress',
          'The response is still in progress: the questions answered so far are read, the others stay unrecorded',
        );
      }
      return status as string;
    }
    return undefined;
  }

  private questionnaire(response: object, options: ReadOptions): string | undefined {
    const named = this.string(response, 'questionnaire', []);
    if (named !== undefined && options.url !== undefined && unversioned(named) !== unversioned(options.url)) {
      this.add(
        'questionnaire-mismatch',
        ['questionnaire'],
        `the response answers ${describeValue(named)}, not the questionnaire ${describeValue(options.url)}`,
      );
    }
    return named;
  }

  private subject(response: object, options: ReadOptions): string | undefined {
    const subject = get(response, 'subject', ['subject']);
    if (subject !== undefined && !isObject(subject, ['subject'])) {
      this.add('invalid-type', ['subject'], `expected a Reference (an object), got ${describeValue(subject)}`);
      return undefined;
    }
    const reference = subject === undefined ? undefined : this.string(subject, 'reference', ['subject']);
    if (options.patientId === undefined) return reference;
    const literal = reference === undefined ? null : LITERAL_REFERENCE.exec(reference);
    if (literal === null) {
      // No subject, or one that names no resource by type and id (urn:uuid:, #contained, an identifier).
      this.note(
        'subject-unchecked',
        reference === undefined
          ? `The response names no subject that can be checked: it is read as the record of ${options.patientId}, the patient given`
          : `The response's subject ${reference} cannot be checked against ${options.patientId}, the patient given: it is read as theirs`,
        undefined,
        ['subject'],
      );
    } else if (literal[1] !== 'Patient' || literal[2] !== options.patientId) {
      this.add(
        'patient-mismatch',
        ['subject', 'reference'],
        `the response is about ${literal[1]}/${literal[2]}, not Patient/${options.patientId}, the patient given: it is not read`,
      );
    }
    return reference;
  }

  private authored(response: object): string | undefined {
    const authored = this.string(response, 'authored', []);
    if (authored !== undefined && parseFhirTime(authored) === undefined) {
      this.add('invalid-date', ['authored'], `expected a FHIR dateTime, got ${describeValue(authored)}`);
      return undefined;
    }
    return authored;
  }

  /** A Reference's `reference`; undefined when absent, or (with an issue) of the wrong type. */
  private reference(record: object, key: string, path: FhirPath): string | undefined {
    const value = get(record, key, [...path, key]);
    if (value === undefined) return undefined;
    if (!isObject(value, [...path, key])) {
      this.add('invalid-type', [...path, key], `expected a Reference (an object), got ${describeValue(value)}`);
      return undefined;
    }
    return this.string(value, 'reference', [...path, key]);
  }

  /** A string field; undefined when absent, or (with an issue) of the wrong type. */
  private string(record: object, key: string, path: FhirPath): string | undefined {
    const value = get(record, key, [...path, key]);
    if (value === undefined || typeof value === 'string') return value;
    this.add('invalid-type', [...path, key], `expected a string, got ${describeValue(value)}`);
    return undefined;
  }

  private items(value: unknown, path: FhirPath, options: ReadOptions, depth: number): void {
    if (value === undefined) return;
    const items = list(value, path);
    if (items === undefined) {
      this.add('invalid-type', path, `expected an array of items, got ${describeValue(value)}`);
      return;
    }
    if (depth === MAX_DEPTH) {
      this.add('too-deep', path, `items nested more than ${MAX_DEPTH} deep are not read`);
      return;
    }
    items.forEach((item, index) => {
      this.item(item, [...path, index], options, depth);
    });
  }

  private item(item: unknown, path: FhirPath, options: ReadOptions, depth: number): void {
    if (!isObject(item, path)) {
      this.add('invalid-type', path, `expected an item (an object), got ${describeValue(item)}`);
      return;
    }
    const linkId = get(item, 'linkId', [...path, 'linkId']);
    const answer = get(item, 'answer', [...path, 'answer']);
    const children = get(item, 'item', [...path, 'item']);
    if (linkId === undefined) {
      this.add('missing', [...path, 'linkId'], 'an item must have a linkId');
    } else if (typeof linkId !== 'string') {
      this.add('invalid-type', [...path, 'linkId'], `expected a string, got ${describeValue(linkId)}`);
    } else if (answer !== undefined || children === undefined) {
      // A group (children and no answer) is read through whatever its linkId; a question must be asked.
      this.question(linkId, answer, path, options, depth);
    }
    this.items(children, [...path, 'item'], options, depth + 1);
  }

  private question(linkId: string, answer: unknown, path: FhirPath, options: ReadOptions, depth: number): void {
    const kind = linkKind(linkId, options);
    if (kind === undefined) {
      this.add(
        'unknown-item',
        [...path, 'linkId'],
        options.asked === undefined
          ? `"${linkId}" is not a patient fact, nor a fact of the rule set given`
          : `"${linkId}" is not an item of the questionnaire given`,
      );
      return;
    }
    if (answer === undefined) return;
    const answers = list(answer, [...path, 'answer']);
    if (answers === undefined) {
      this.add('invalid-type', [...path, 'answer'], `expected an array of answers, got ${describeValue(answer)}`);
      return;
    }
    if (answers.length === 0) return;
    if (kind === 'not-a-fact') {
      if (!this.passedOver.has(linkId)) {
        this.note('not-a-fact', `"${linkId}" is no patient fact: its answers are passed over`, undefined, path);
      }
      this.passedOver.add(linkId);
      return;
    }
    if (answers.length > 1) {
      this.add('multiple-answers', [...path, 'answer'], `"${linkId}" takes one answer, got ${answers.length}`);
      return;
    }
    const answerPath = [...path, 'answer', 0];
    if (this.answered.has(kind.fact)) {
      this.add('duplicate-answer', [...path, 'linkId'], `"${linkId}" is answered more than once`);
      return;
    }
    this.answered.add(kind.fact);
    this.answer(kind.fact, answers[0], answerPath, options, depth);
  }

  private answer(fact: string, answer: unknown, path: FhirPath, options: ReadOptions, depth: number): void {
    if (!isObject(answer, path)) {
      this.add('invalid-type', path, `expected an answer (an object), got ${describeValue(answer)}`);
      return;
    }
    this.items(get(answer, 'item', [...path, 'item']), [...path, 'item'], options, depth + 1);
    const expected = VALUE_KEY[answerKindOf(fact)];
    const other = keys(answer, path).find((key) => key.startsWith('value') && key !== expected);
    if (other !== undefined) {
      this.add('invalid-answer', [...path, other], `"${fact}" takes a ${expected}, got ${other}`);
      return;
    }
    const value = get(answer, expected, [...path, expected]);
    const valuePath = [...path, expected];
    switch (expected) {
      case 'valueBoolean':
        if (typeof value === 'boolean') this.record(fact, value, path);
        else this.add('invalid-type', valuePath, `expected true or false, got ${describeValue(value)}`);
        return;
      case 'valueInteger':
        if (!Number.isInteger(value)) {
          this.add(
            typeof value === 'number' ? 'not-an-integer' : 'invalid-type',
            valuePath,
            `expected the age in completed years, a whole number, got ${describeValue(value)}`,
          );
        } else if ((value as number) < 0 || (value as number) > MAX_ANSWER_AGE) {
          this.add('out-of-range', valuePath, `expected an age from 0 to ${MAX_ANSWER_AGE}, got ${value as number}`);
        } else {
          this.record(fact, value as number, path);
        }
        return;
      case 'valueCoding':
        this.pregnancy(value, path, valuePath);
    }
  }

  private pregnancy(value: unknown, path: FhirPath, valuePath: FhirPath): void {
    const coding = isObject(value, valuePath) ? value : undefined;
    const system = coding === undefined ? undefined : get(coding, 'system', [...valuePath, 'system']);
    const code = coding === undefined ? undefined : get(coding, 'code', [...valuePath, 'code']);
    if (typeof system !== 'string' || typeof code !== 'string') {
      this.add('invalid-type', valuePath, `expected a Coding with a system and a code, got ${describeValue(value)}`);
      return;
    }
    const status = pregnancyStatusValue(system, code);
    if (status === null) {
      this.add(
        'unknown-code',
        valuePath,
        `${system}|${code} is not a pregnancy status answer (LOINC LA15173-0, LA26683-5, LA4489-6; SNOMED CT 77386006, 60001007)`,
      );
    } else if (status === undefined) {
      this.note('answered-unknown', 'Pregnancy was answered "unknown": it stays unrecorded', 'pregnant', path);
    } else {
      this.record('pregnant', status, path);
    }
  }

  private record(fact: string, value: boolean | number, path: FhirPath): void {
    this.facts[fact] = value;
    this.answers[fact] = Object.freeze({ linkId: fact, path: Object.freeze([...path]), value, ...this.provenance });
  }

  private readOptions(options: unknown): ReadOptions | undefined {
    if (options === undefined) return { asked: undefined, url: undefined, patientId: undefined, ownFacts: [] };
    const bad = (path: FhirPath, message: string) => this.add('invalid-option', ['options', ...path], message);
    if (!isObject(options, ['options'])) {
      bad([], `expected an options object, got ${describeValue(options)}`);
      return undefined;
    }
    const before = this.found;
    for (const key of Object.keys(options)) {
      if (!OPTION_KEYS.has(key)) bad([key], `"${key}" is not an option of ${CALLER}`);
    }
    const patientId = readProperty(options, 'patientId');
    if (patientId !== undefined && (typeof patientId !== 'string' || !FHIR_ID.test(patientId))) {
      bad(['patientId'], `expected a FHIR logical id (1-64 letters, digits, - and .), got ${describeValue(patientId)}`);
    }
    let ownFacts: readonly string[] = [];
    try {
      ownFacts = customFactNamesOf(options, CALLER);
    } catch (error) {
      // customFactNamesOf's own refusals name the caller; anything else is a getter or a proxy that threw.
      if (!(error instanceof TypeError && error.message.startsWith(CALLER)))
        throw new Unreadable(['options', 'ruleSet']);
      bad(['ruleSet'], error.message);
    }
    const questionnaire = readProperty(options, 'questionnaire');
    let url: unknown;
    let asked: Map<string, LinkKind> | undefined;
    if (questionnaire !== undefined) {
      if (isObject(questionnaire, ['options', 'questionnaire'])) {
        url = readProperty(questionnaire, 'url');
        if (url !== undefined && typeof url !== 'string') {
          bad(['questionnaire', 'url'], `expected a canonical URL, got ${describeValue(url)}`);
        }
        asked = new Map();
        this.askedItems(readProperty(questionnaire, 'item'), ['questionnaire', 'item'], asked, ownFacts, 0);
      } else {
        bad(['questionnaire'], `expected a Questionnaire (an object), got ${describeValue(questionnaire)}`);
      }
    }
    if (this.found > before) return undefined;
    return { asked, url: url as string | undefined, patientId: patientId as string | undefined, ownFacts };
  }

  /** The linkIds of a questionnaire's items, each with the fact it asks, if any. */
  private askedItems(
    value: unknown,
    path: FhirPath,
    asked: Map<string, LinkKind>,
    ownFacts: readonly string[],
    depth: number,
  ): void {
    if (value === undefined) return;
    const items = list(value, ['options', ...path]);
    if (items === undefined || depth === MAX_DEPTH) {
      this.add(
        'invalid-option',
        ['options', ...path],
        `expected the items of a Questionnaire, at most ${MAX_DEPTH} deep`,
      );
      return;
    }
    items.forEach((item, index) => {
      const itemPath = [...path, index];
      const linkId = isObject(item, ['options', ...itemPath]) ? readProperty(item, 'linkId') : undefined;
      if (typeof linkId !== 'string') {
        this.add('invalid-option', ['options', ...itemPath], 'expected an item with a linkId');
        return;
      }
      asked.set(linkId, askedKind(linkId, item as object, ownFacts));
      this.askedItems(readProperty(item as object, 'item'), [...itemPath, 'item'], asked, ownFacts, depth + 1);
    });
  }
}

/**
 * The fact an item of the questionnaire asks: a shipped fact by its name; a rule set's own fact
 * when the rule set given declares it, or the item carries its coding in a rule set's code system.
 */
function askedKind(linkId: string, item: object, ownFacts: readonly string[]): LinkKind {
  if (isFactName(linkId) || ownFacts.includes(linkId)) return { fact: linkId };
  if (!isCustomFactName(linkId)) return 'not-a-fact';
  const codes = readProperty(item, 'code');
  const coded =
    Array.isArray(codes) &&
    codes.some((coding: unknown) => {
      if (!isObject(coding, ['options'])) return false;
      const system = readProperty(coding, 'system');
      return (
        typeof system === 'string' &&
        system.startsWith(RULE_SET_FACT_CODE_SYSTEM_PREFIX) &&
        system.endsWith('/fact') &&
        readProperty(coding, 'code') === linkId
      );
    });
  return coded ? { fact: linkId } : 'not-a-fact';
}

/** How a response's linkId is read: as a fact, as an item that is no fact, or not at all (undefined). */
function linkKind(linkId: string, options: ReadOptions): LinkKind {
  if (options.asked !== undefined) return options.asked.get(linkId);
  return isFactName(linkId) || options.ownFacts.includes(linkId) ? { fact: linkId } : undefined;
}

/** A canonical URL without its `|version`. */
function unversioned(url: string): string {
  const bar = url.indexOf('|');
  return bar === -1 ? url : url.slice(0, bar);
}

/** An object that is not an array; a revoked proxy, which cannot be told apart, ends the reading at `path`. */
function isObject(value: unknown, path: FhirPath): value is object {
  try {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    throw new Unreadable(path);
  }
}

/** An own field, never an inherited one; a getter or proxy that throws ends the reading at `path`. */
function get(record: object, key: string, path: FhirPath): unknown {
  try {
    return Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
  } catch {
    throw new Unreadable(path);
  }
}

/** The own keys of an object; an object whose keys cannot be listed ends the reading at `path`. */
function keys(record: object, path: FhirPath): string[] {
  try {
    return Object.keys(record);
  } catch {
    throw new Unreadable(path);
  }
}

/** A copy of a list, or undefined for a value that is not one; a list that cannot be read ends the reading at `path`. */
function list(value: unknown, path: FhirPath): unknown[] | undefined {
  try {
    return Array.isArray(value) ? Array.from(value as unknown[]) : undefined;
  } catch {
    throw new Unreadable(path);
  }
}
