// The questionnaire that asks exactly the facts a screening lacks: an SDC Questionnaire with one
// item per fact, in the screening's order, worded from the message catalogs, coded so that its
// answers can be read back (factsFromQuestionnaireResponse) and the pregnancy answer extracted as
// the Observation that factsFromFhir reads.
import { readProperty } from '../../_internal/read-property.js';
import { fail, type Issue, issue, ok, type Result } from '../../_internal/result.js';
import { describeValue } from '../../_internal/text.js';
import { customFactNamesOf, isCustomFactName } from '../../facts/custom-fact-names.js';
import { type FactName, isFactName } from '../../facts/patient-facts.js';
import type { Locale, MessageCode } from '../../messages/message-code.js';
import { type Translator, translator } from '../../messages/translator.js';
import { readScreening } from '../../screening/read-screening.js';
import type { RuleSet } from '../../screening/rule.js';
import type { RuleSetRef, Screening } from '../../screening/screening.js';
import { type FhirWrittenExtension, factCoding, ruleSetExtension } from '../acuspine-codes.js';
import { LOINC_URI } from '../code-systems.js';
import { PREGNANCY_STATUS_LOINC } from '../codes/pregnancy-status.js';
import type { FhirWrittenCodeableConcept, FhirWrittenCoding } from '../write-back/written-resources.js';
import {
  answerKindOf,
  FHIR_ID,
  ITEM_CONTROL_SYSTEM,
  ITEM_CONTROL_URL,
  MAX_ANSWER_AGE,
  MAX_VALUE_URL,
  MIN_VALUE_URL,
  OBSERVATION_EXTRACT_URL,
  PREGNANCY_ANSWERS,
  PREGNANCY_STATUS_DISPLAY,
  QUESTIONNAIRE_URL_PREFIX,
  SDC_QUESTIONNAIRE_PROFILE,
} from './questionnaire-codes.js';

/**
 * Options for {@link missingFactsQuestionnaire}.
 *
 * @typeParam Fact - the names of the rule set's own facts, if it declares any.
 * @example
 * import { ru } from 'acuspine/locales/ru';
 *
 * const options: MissingFactsQuestionnaireOptions = { id: 'missing-facts-p1', locale: ru };
 */
export interface MissingFactsQuestionnaireOptions<Fact extends string = never> {
  /** The Questionnaire's logical id: 1 to 64 letters, digits, `-` and `.`. Required. */
  readonly id: string;
  /**
   * Its canonical URL, which a QuestionnaireResponse names as its `questionnaire`: an absolute
   * URI without `|` or `#`. Default `https://acuspine.github.io/fhir/Questionnaire/<id>`.
   */
  readonly url?: string | undefined;
  /**
   * The language of the texts (and `Questionnaire.language`): English by default, or a
   * {@link Locale} such as `ru` from 'acuspine/locales/ru'. A message that a Locale's catalog
   * lacks comes from the English one.
   */
  readonly locale?: Locale | undefined;
  /**
   * The rule set that declares the set's own facts: their labels word the questions, and their
   * codes are in its code system. Required when a fact of its own is asked; with a screening,
   * it must be the set (id and version) that made it. A fact with no label in the locale is
   * named by its English label.
   */
  readonly ruleSet?: RuleSet<string, Fact> | undefined;
}

/**
 * A Questionnaire as {@link missingFactsQuestionnaire} writes it: an SDC questionnaire about a
 * patient, one item per fact to record. Like the other resources acuspine writes, a mutable,
 * fresh object (a renderer or an app may add to it): a `fhir4.Questionnaire` of @types/fhir, and
 * valid by the FHIR R4 JSON Schema.
 *
 * @example
 * const questionnaire: FhirQuestionnaire = {
 *   resourceType: 'Questionnaire',
 *   id: 'q1',
 *   meta: { profile: ['http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire'] },
 *   language: 'en',
 *   url: 'https://acuspine.github.io/fhir/Questionnaire/q1',
 *   title: 'Facts to record for the acupuncture screening',
 *   status: 'active',
 *   subjectType: ['Patient'],
 * };
 */
export interface FhirQuestionnaire {
  /** Always `Questionnaire`. */
  resourceType: 'Questionnaire';
  /** The id the caller gave. */
  id: string;
  /** What it claims to conform to. */
  meta: {
    /** The SDC questionnaire profile. */
    profile: string[];
  };
  /** The language of its texts, the Locale's tag: `en`, `ru`. */
  language: string;
  /** The rule set (id and version) of the screening it was made from; only when made from a screening. */
  extension?: FhirWrittenExtension[];
  /** Its canonical URL. */
  url: string;
  /** What it is for, in its language. */
  title: string;
  /**
   * `active`: it is made to be answered now, for a patient, not a draft awaiting review. It is
   * made afresh for each screening; nothing is published.
   */
  status: 'active';
  /** It is about a patient. */
  subjectType: ['Patient'];
  /** One item per fact to ask, in the order asked; left out when there is nothing to ask (FHIR allows no empty list). */
  item?: FhirQuestionnaireItem[];
}

/**
 * One question of a {@link FhirQuestionnaire}: one fact.
 *
 * @example
 * const item: FhirQuestionnaireItem = {
 *   linkId: 'epilepsy',
 *   code: [{ system: 'https://acuspine.github.io/codes/patient-fact', code: 'epilepsy' }],
 *   text: 'Does the patient have epilepsy or another seizure disorder?',
 *   type: 'boolean',
 *   required: false,
 * };
 */
export interface FhirQuestionnaireItem {
  /** The fact's name, which its answer is read back by. */
  linkId: string;
  /** The fact's coding (see `factCoding`); for pregnancy, LOINC 82810-3 first, so that extraction writes the Observation that factsFromFhir reads. */
  code: FhirWrittenCoding[];
  /** The question, in the questionnaire's language. */
  text: string;
  /** `integer` for the age in completed years, `choice` for pregnancy (LOINC's answers), `boolean` for the rest. */
  type: 'boolean' | 'integer' | 'choice';
  /** Never required: a clinician may leave any question unanswered, and the fact then stays unrecorded. */
  required: false;
  /** The age's bounds (minValue 0, maxValue 149); for pregnancy, extraction as an Observation and radio buttons. */
  extension?: FhirQuestionnaireItemExtension[];
  /** For pregnancy, LOINC's answers: pregnant, not pregnant, unknown (which records nothing). */
  answerOption?: FhirQuestionnaireAnswerOption[];
}

/**
 * An extension on an item of a {@link FhirQuestionnaire}: a bound of the age, SDC's
 * observationExtract flag, or the control a renderer should use.
 *
 * @example
 * const bound: FhirQuestionnaireItemExtension = { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: 149 };
 */
export interface FhirQuestionnaireItemExtension {
  /** The extension's URL. */
  url: string;
  /** A bound of an integer answer. */
  valueInteger?: number;
  /** A flag (observationExtract). */
  valueBoolean?: boolean;
  /** A control (itemControl). */
  valueCodeableConcept?: FhirWrittenCodeableConcept;
}

/**
 * An answer a `choice` item offers.
 *
 * @example
 * const option: FhirQuestionnaireAnswerOption = {
 *   valueCoding: { system: 'http://loinc.org', code: 'LA15173-0', display: 'Pregnant' },
 * };
 */
export interface FhirQuestionnaireAnswerOption {
  /** The answer's coding, its display in the questionnaire's language. */
  valueCoding: FhirWrittenCoding;
}

const CALLER = 'missingFactsQuestionnaire';
const OPTION_KEYS: ReadonlySet<string> = new Set(['id', 'url', 'locale', 'ruleSet']);
/** An absolute URI with no space, `|` or `#`: what a canonical URL of a resource must be. */
const CANONICAL_URL = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s|#]+$/;

/** A rule set as the options give it, read once. */
interface ReadRuleSet {
  readonly ref: RuleSetRef;
  readonly facts: readonly string[];
  readonly set: object;
}

/**
 * Makes the FHIR R4 Questionnaire (SDC) that asks exactly the facts a screening lacks, for a
 * clinician to answer in any SDC renderer (LHC-Forms, CSIRO Smart Forms). One item per fact, in
 * the order of the screening's `missing` (invalid facts included) or of the list given; its
 * `linkId` is the fact's name, its text the fact's question in the locale, its `code` the fact's
 * coding. The age is an `integer` from 0 to 149 completed years; pregnancy a `choice` of LOINC
 * 82810-3's answers, marked for SDC observation extraction so that the Observation it gives is
 * the one factsFromFhir reads; every other fact `boolean`. No item is required. A screening
 * that lacks nothing gives a questionnaire with no item. Made from a screening, it records the
 * screening's rule set (`ruleSetExtension`). Pure; never throws.
 *
 * @typeParam Fact - the names of the rule set's own facts, if it declares any.
 * @param from - a screening as `screen` returns it (of any status), or a list of fact names.
 * @param options - `id` (required), `url`, `locale`, and `ruleSet` when a fact of its own is asked.
 * @returns a fresh Questionnaire, or the issues: `invalid-option` (path under `options`),
 *   `invalid-type` (neither a screening nor a list), `invalid-screening`, `unknown-fact` (not a
 *   fact, nor a name a rule set may give one), `undeclared-fact` (a rule set's own fact that
 *   `options.ruleSet` does not declare), `duplicate-fact`, `rule-set-mismatch` (not the set that
 *   made the screening), `unreadable` (a getter or proxy threw).
 * @example
 * import { screen } from 'acuspine';
 *
 * const result = missingFactsQuestionnaire(screen({ ageYears: 52, oncologicalDisease: false }), { id: 'q1' });
 * result.ok && result.value.item?.map((item) => [item.linkId, item.type]);
 * // => [['pregnant', 'choice'], ['coagulationDisorder', 'boolean'], ['acuteInfection', 'boolean'],
 * //     ['acuteMentalIllness', 'boolean'], ['psychotropicInfluence', 'boolean']]
 * result.ok && result.value.item?.[1]?.text; // => 'Does the patient have a disorder of blood clotting?'
 */
export function missingFactsQuestionnaire<Fact extends string = never>(
  from: Screening<string, Fact> | readonly (FactName | NoInfer<Fact>)[],
  options: MissingFactsQuestionnaireOptions<Fact>,
): Result<FhirQuestionnaire> {
  try {
    return make(from, options);
  } catch {
    return fail([issue('unreadable', [], 'the facts or the options could not be read')]);
  }
}

function make(from: unknown, options: unknown): Result<FhirQuestionnaire> {
  const issues: Issue[] = [];
  const read = readOptions(options, issues);
  const asked = readAsked(from, issues);
  if (read === undefined || asked === undefined) return fail(issues);
  const { id, url, t, ruleSet } = read;
  if (asked.ruleSet !== undefined && ruleSet !== undefined && !sameRuleSet(asked.ruleSet, ruleSet.ref)) {
    issues.push(
      issue(
        'rule-set-mismatch',
        ['options', 'ruleSet'],
        `options.ruleSet is ${ruleSet.ref.id} ${ruleSet.ref.version}, but the screening was made with ${asked.ruleSet.id} ${asked.ruleSet.version}`,
      ),
    );
  }
  const seen = new Set<string>();
  asked.facts.forEach((fact, index) => {
    const path = [...asked.path, index];
    if (typeof fact !== 'string') {
      issues.push(issue('invalid-type', path, `expected a fact name, got ${describeValue(fact)}`));
    } else if (!isFactName(fact) && !isCustomFactName(fact)) {
      issues.push(issue('unknown-fact', path, `${describeValue(fact)} is not a patient fact`));
    } else if (!isFactName(fact) && !ruleSet?.facts.includes(fact)) {
      issues.push(
        issue(
          'undeclared-fact',
          path,
          `"${fact}" is a rule set's own fact: pass the rule set that declares it as options.ruleSet`,
        ),
      );
    } else if (seen.has(fact)) {
      issues.push(issue('duplicate-fact', path, `"${fact}" is asked more than once`));
    }
    seen.add(fact as string);
  });
  if (issues.length > 0) return fail(issues);

  const items = (asked.facts as readonly string[]).map((fact) => itemOf(fact, t, ruleSet));
  const questionnaire: FhirQuestionnaire = {
    resourceType: 'Questionnaire',
    id,
    meta: { profile: [SDC_QUESTIONNAIRE_PROFILE] },
    language: t.locale,
    ...(asked.ruleSet === undefined ? {} : { extension: [ruleSetExtension(asked.ruleSet)] }),
    url,
    title: t.t('questionnaire.title'),
    status: 'active',
    subjectType: ['Patient'],
    ...(items.length === 0 ? {} : { item: items }),
  };
  return ok(questionnaire);
}

/** The facts to ask, where they sit in the input, and the rule set of the screening they come from. */
interface Asked {
  readonly facts: readonly unknown[];
  readonly path: readonly (string | number)[];
  readonly ruleSet: RuleSetRef | undefined;
}

function readAsked(from: unknown, issues: Issue[]): Asked | undefined {
  if (Array.isArray(from)) return { facts: Array.from(from as readonly unknown[]), path: [], ruleSet: undefined };
  if (typeof from !== 'object' || from === null) {
    issues.push(
      issue(
        'invalid-type',
        [],
        `expected a screening from screen() or a list of fact names, got ${describeValue(from)}`,
      ),
    );
    return undefined;
  }
  const screening = readScreening(from);
  if (!screening.ok) {
    issues.push(...screening.issues);
    return undefined;
  }
  return { facts: screening.value.missing, path: ['missing'], ruleSet: screening.value.ruleSet };
}

interface ReadOptions {
  readonly id: string;
  readonly url: string;
  readonly t: Translator;
  readonly ruleSet: ReadRuleSet | undefined;
}

function readOptions(options: unknown, issues: Issue[]): ReadOptions | undefined {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    issues.push(
      issue('invalid-option', ['options'], `expected an options object with "id", got ${describeValue(options)}`),
    );
    return undefined;
  }
  const before = issues.length;
  const bad = (key: string, message: string) => issues.push(issue('invalid-option', ['options', key], message));
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.has(key)) bad(key, `"${key}" is not an option of ${CALLER}`);
  }
  const id = readProperty(options, 'id');
  if (typeof id !== 'string' || !FHIR_ID.test(id)) {
    bad('id', `expected a FHIR id (1-64 letters, digits, - and .), got ${describeValue(id)}`);
  }
  const url = readProperty(options, 'url');
  if (url !== undefined && (typeof url !== 'string' || !CANONICAL_URL.test(url))) {
    bad('url', `expected an absolute URL without spaces, | or #, got ${describeValue(url)}`);
  }
  const locale = readProperty(options, 'locale');
  if (locale !== undefined && !isLocale(locale)) {
    bad(
      'locale',
      `expected a Locale { code, messages }, such as ru from 'acuspine/locales/ru', got ${describeValue(locale)}`,
    );
  }
  const ruleSet = readRuleSet(options, bad);
  if (issues.length > before) return undefined;
  return {
    id: id as string,
    url: (url as string | undefined) ?? `${QUESTIONNAIRE_URL_PREFIX}${id as string}`,
    t: translator(locale === undefined ? undefined : { locale: locale as Locale }, CALLER),
    ruleSet,
  };
}

/** A Locale as acuspine's are: a tag that can be a language code, and a catalog. */
function isLocale(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const code = readProperty(value, 'code');
  const messages = readProperty(value, 'messages');
  return (
    typeof code === 'string' &&
    /^[A-Za-z0-9-]+$/.test(code) &&
    typeof messages === 'object' &&
    messages !== null &&
    !Array.isArray(messages)
  );
}

function readRuleSet(options: object, bad: (key: string, message: string) => void): ReadRuleSet | undefined {
  const set = readProperty(options, 'ruleSet');
  if (set === undefined) return undefined;
  const id = typeof set === 'object' && set !== null ? readProperty(set, 'id') : undefined;
  const version = typeof set === 'object' && set !== null ? readProperty(set, 'version') : undefined;
  if (typeof id !== 'string' || id === '' || typeof version !== 'string' || version === '') {
    bad('ruleSet', `expected a rule set from defineRuleSet, with an id and a version, got ${describeValue(set)}`);
    return undefined;
  }
  try {
    return { ref: { id, version }, facts: customFactNamesOf(options, CALLER), set: set as object };
  } catch (error) {
    // customFactNamesOf's own refusals name the caller; anything else (a getter that threw) is unreadable.
    if (!(error instanceof TypeError && error.message.startsWith(CALLER))) throw error;
    bad('ruleSet', error.message);
    return undefined;
  }
}

function sameRuleSet(a: RuleSetRef, b: RuleSetRef): boolean {
  return a.id === b.id && a.version === b.version;
}

function itemOf(fact: string, t: Translator, ruleSet: ReadRuleSet | undefined): FhirQuestionnaireItem {
  const own = !isFactName(fact);
  // A copy: factCoding's coding is frozen, and the resource is the caller's to change.
  const coding = { ...factCoding(fact, own ? (ruleSet as ReadRuleSet).ref.id : undefined) };
  const text = own
    ? t.t('fact.custom.question', { fact: labelOf(fact, (ruleSet as ReadRuleSet).set, t.locale) })
    : t.t(`fact.${fact as FactName}.question` as MessageCode);
  const kind = answerKindOf(fact);
  if (kind === 'integer') {
    return {
      linkId: fact,
      code: [coding],
      text,
      type: 'integer',
      required: false,
      extension: [
        { url: MIN_VALUE_URL, valueInteger: 0 },
        { url: MAX_VALUE_URL, valueInteger: MAX_ANSWER_AGE },
      ],
    };
  }
  if (kind === 'choice') {
    return {
      linkId: fact,
      code: [{ system: LOINC_URI, code: PREGNANCY_STATUS_LOINC, display: PREGNANCY_STATUS_DISPLAY }, coding],
      text,
      type: 'choice',
      required: false,
      extension: [
        { url: OBSERVATION_EXTRACT_URL, valueBoolean: true },
        {
          url: ITEM_CONTROL_URL,
          valueCodeableConcept: { coding: [{ system: ITEM_CONTROL_SYSTEM, code: 'radio-button' }] },
        },
      ],
      answerOption: PREGNANCY_ANSWERS.map(({ system, code, message }) => ({
        valueCoding: { system, code, display: t.t(message) },
      })),
    };
  }
  return { linkId: fact, code: [coding], text, type: 'boolean', required: false };
}

/**
 * A rule set's own fact in words: its label in the locale, else its English label (which
 * defineRuleSet requires), else its name. Own properties only, so that Object.prototype labels
 * nothing.
 */
function labelOf(fact: string, ruleSet: object, locale: string): string {
  // A declared fact: customFactNamesOf took its name from the own keys of `facts`.
  const definition = (readProperty(ruleSet, 'facts') as Record<string, unknown>)[fact];
  const labels = typeof definition === 'object' && definition !== null ? readProperty(definition, 'label') : undefined;
  for (const tag of [locale, 'en']) {
    const label =
      typeof labels === 'object' && labels !== null && Object.hasOwn(labels, tag)
        ? (labels as Record<string, unknown>)[tag]
        : undefined;
    if (typeof label === 'string' && label.trim() !== '') return label;
  }
  return fact;
}
