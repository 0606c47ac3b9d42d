import type { ProcedureStepId } from '../course/procedure-steps.js';
import type { Weekday } from '../course/weekday.js';
import type { FactName } from '../facts/patient-facts.js';
import type { LumbosacralPhaseId, PointGroup } from '../regions/region-profile.js';
import type { SpinalRegion } from '../regions/spinal-region.js';
import type { CautionRuleId } from '../screening/caution-rule-set.js';
import type { ProtocolRuleId } from '../screening/protocol-rule-set.js';
import type { RedFlagRuleId } from '../screening/red-flag-rules.js';
import type { ReferralUrgency } from '../screening/rule.js';
import type { ScreeningStatus } from '../screening/screening.js';

/**
 * The issue codes that `parsePatientFacts`, `parseRegion` and `buildCourse` emit, and those of a
 * `RuleSetError` that `defineRuleSet` throws, each with its own message. Any other code (from a later version, or an adapter) gets the generic
 * `issue.other` message.
 *
 * @example
 * const code: KnownIssueCode = 'unknown-key';
 * messagesEn[`issue.${code}`]; // => '“{key}” is not a known field: check its spelling.'
 */
export type KnownIssueCode =
  | 'not-an-object'
  | 'unknown-key'
  | 'forbidden-key'
  | 'invalid-type'
  | 'out-of-range'
  | 'unreadable'
  | 'unknown-region'
  | 'missing'
  | 'invalid-screening'
  | 'referral-present'
  | 'contraindicated'
  | 'screening-incomplete'
  | 'invalid-date'
  | 'not-an-integer'
  | 'empty'
  | 'unknown-weekday'
  | 'duplicate-weekday'
  | 'blank'
  | 'outside-protocol'
  | 'too-many-issues'
  | 'duplicate-rule'
  | 'invalid-kind'
  | 'invalid-urgency'
  | 'invalid-bounds'
  | 'invalid-source'
  | 'uncited-change'
  | 'undeclared-fact'
  | 'invalid-fact-name'
  | 'fact-name-clash'
  | 'empty-label';

/**
 * The fields of a course request that issues point at, each with a label.
 *
 * @example
 * const field: CourseFieldName = 'override.reason';
 * messagesEn[`field.${field}`]; // => 'reason for the override'
 */
export type CourseFieldName =
  | 'region'
  | 'screening'
  | 'start'
  | 'sessions'
  | 'minutes'
  | 'weekdays'
  | 'contralateral'
  | 'override'
  | 'override.reason'
  | 'override.by';

/**
 * The sections of the source protocol that acuspine cites, each with its heading in every locale.
 *
 * @example
 * import { ru } from 'acuspine/locales/ru';
 *
 * const section: ProtocolSectionId = 'contraindications';
 * ru.messages[`protocol.section.${section}`]; // => 'Противопоказания'
 */
export type ProtocolSectionId = 'contraindications' | 'essence' | 'cervical' | 'thoracic' | 'lumbosacral';

/**
 * Every stable code of a message, grouped by a prefix:
 *
 * | prefix | what | parameters |
 * |---|---|---|
 * | `status.<status>.label`, `.headline` | the screening status, and what to do next | — |
 * | `rule.<id>.label`, `.present`, `.unknown`, `.absent` | a shipped rule: its name and one sentence per outcome | `age`: `{under}`, `{over}`; a red flag's `present`: `{urgency}` |
 * | `rule.age.adapted.*` | an age rule with the rule set's own bounds, per outcome | `{under}`, `{over}`; `present`: `{protocolUnder}`, `{protocolOver}` |
 * | `rule.generic.*` | a rule of a custom set (or an age rule whose bounds are not known) | `{rule}`; `present.referral`: `{urgency}` too |
 * | `urgency.<urgency>` | how soon to assess or refer, as it reads after "refer" | — |
 * | `fact.<name>.label`, `.question` | a patient fact, and the question that records it | — |
 * | `fact.custom.question` | the question that records a rule set's own fact | `{fact}`: its label |
 * | `fact.invalid.age`, `fact.invalid.boolean` | why a recorded value was not read | `{fact}` |
 * | `questionnaire.title`, `questionnaire.answer.<answer>` | a questionnaire of the facts to record, and the answers to its pregnancy question | — |
 * | `issue.<code>`, `issue.other`, `issue.line` | input problems | `{key}`, `{code}`; `issue.line`: `{field}`, `{message}` |
 * | `field.<name>`, `field.root`, `field.entry`, `field.nested` | where an input problem is | `{field}`, `{number}`, `{key}` |
 * | `region.<region>`, `region.<region>.genitive` | a region's adjective (and, for inflected languages, its genitive) | — |
 * | `phase.<id>`, `step.<id>`, `pointGroup.<group>`, `weekday.<day>`, `setting.<name>` | course vocabulary | `step.retain-needles`: `{minutes}` |
 * | `protocol.title`, `protocol.section.<id>` | the source protocol's title and headings | — |
 * | `source.section`, `source.item` | parts of a citation | `{section}`, `{item}` |
 * | `source.adapted`, `source.adapted.age` | a citation of a protocol rule that the rule set adapted | `{source}`; `.age`: `{under}`, `{over}` |
 * | `rule-set.unchecked-protocol` | the protocol's contraindications that a rule set does not check | `{rules}` |
 * | `course.*`, `session.*` | lines of a course explanation | see the English catalog |
 * | `calendar.summary` | the default title of a session in a course's calendar | `{region}` (or `{regionGenitive}`), `{number}`, `{count}` |
 * | `text.*`, `format.date` | the layout of the plain-text rendering, and dates | see the English catalog |
 *
 * Parameters are written `{name}` in a message and filled in by name.
 *
 * @example
 * const code: MessageCode = 'fact.pregnant.question';
 * messagesEn[code]; // => 'Is the patient currently pregnant?'
 */
export type MessageCode =
  | `status.${ScreeningStatus}.${'label' | 'headline'}`
  | `rule.${ProtocolRuleId | CautionRuleId | RedFlagRuleId}.${'label' | 'present' | 'unknown' | 'absent'}`
  | `rule.age.adapted.${'present' | 'unknown' | 'absent'}`
  | `rule.generic.${'present.absolute' | 'present.relative' | 'present.referral' | 'unknown' | 'absent'}`
  | `urgency.${ReferralUrgency}`
  | `fact.${FactName}.${'label' | 'question'}`
  | 'fact.custom.question'
  | `fact.invalid.${'age' | 'boolean'}`
  | `questionnaire.${'title' | 'answer.pregnant' | 'answer.not-pregnant' | 'answer.unknown'}`
  | `issue.${KnownIssueCode | 'other' | 'line'}`
  | `field.${CourseFieldName | 'root' | 'entry' | 'nested'}`
  | `region.${SpinalRegion}`
  | `region.${SpinalRegion}.genitive`
  | `phase.${LumbosacralPhaseId}`
  | `step.${ProcedureStepId}`
  | `pointGroup.${PointGroup}`
  | `weekday.${Weekday}`
  | `setting.${'sessions' | 'minutes' | 'weekdays' | 'contralateral'}`
  | 'protocol.title'
  | `protocol.section.${ProtocolSectionId}`
  | `source.${'section' | 'item' | 'adapted' | 'adapted.age'}`
  | 'rule-set.unchecked-protocol'
  | `course.${
      | 'summary'
      | 'region'
      | 'sessions'
      | 'minutes.carried-over'
      | 'weekdays'
      | 'dates'
      | 'phase'
      | 'phase.single'
      | 'phases.omitted'
      | 'point-groups'
      | 'contralateral.on'
      | 'contralateral.off'
      | 'steps'
      | 'cautions'
      | 'override'
      | 'override.by'
      | 'override.within'
      | 'defaults'
      | 'screening'
      | 'sources'}`
  | `session.${'line' | 'line.phase'}`
  | 'calendar.summary'
  | `text.${'finding' | 'questions' | 'rule-set'}`
  | 'format.date';

/**
 * A complete catalog: one message for every {@link MessageCode}, checked at compile time. The
 * shipped catalogs are {@link messagesEn} and the `messages` of each shipped {@link Locale}; an
 * app that brings its own locale passes a `Partial<MessageCatalog>`, and every code it lacks
 * falls back (and is reported).
 *
 * @example
 * const messagesDe: Partial<MessageCatalog> = {
 *   'status.contraindicated.label': 'Kontraindiziert',
 * };
 * explain(screen({ pregnant: true }), { locale: 'de', messages: messagesDe }).label; // => 'Kontraindiziert'
 */
export type MessageCatalog = Readonly<Record<MessageCode, string>>;

/**
 * A language to explain in: its tag and its complete catalog. Pass one as `locale` to
 * {@link explain}, {@link explainCourse} or {@link explainIssues}. English ({@link en}) is built
 * in and is the default; every other shipped locale is an entry point of its own, so that an app
 * bundles only the catalogs it imports: `import { ru } from 'acuspine/locales/ru'`. A code that a
 * locale's catalog lacks (one made for an older version of acuspine, say) falls back to English
 * and is listed in the result's `fallbacks`.
 *
 * @example
 * import { explain, screen } from 'acuspine';
 * import { ru } from 'acuspine/locales/ru';
 *
 * const locale: Locale = ru;
 * locale.code; // => 'ru'
 * explain(screen({ pregnant: true }), { locale }).label; // => 'Противопоказано'
 */
export interface Locale {
  /** The locale's tag, e.g. `'ru'`: the `locale` of every explanation made with it. */
  readonly code: string;
  /** A message for every code. */
  readonly messages: MessageCatalog;
}
