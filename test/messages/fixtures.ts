import {
  buildCourse,
  type Course,
  type CourseRequest,
  cautionRuleSet,
  defineRuleSet,
  en,
  type Locale,
  type MessageCatalog,
  messagesEn,
  type PatientFacts,
  protocolRuleSet,
  redFlagFactNames,
  redFlagRuleSet,
} from '../../src/index.js';
import { ru } from '../../src/locales/ru/index.js';

/** Each shipped locale: its tag, its catalog, and the Locale to pass as `locale`. */
export const catalogs: readonly (readonly ['en' | 'ru', MessageCatalog, Locale])[] = [
  ['en', messagesEn, en],
  ['ru', ru.messages, ru],
];

/** Every rule the library ships, in one set, so that one screening reads every fact. */
export const everyShippedRule = defineRuleSet({
  id: 'protocol-cautions-and-red-flags',
  version: '1',
  rules: [...protocolRuleSet.rules, ...cautionRuleSet.rules, ...redFlagRuleSet.rules],
});

/** Every red-flag fact set to one value. */
const redFlags = (value: boolean): PatientFacts => Object.fromEntries(redFlagFactNames.map((fact) => [fact, value]));

export const healthy: PatientFacts = Object.freeze({
  ageYears: 52,
  oncologicalDisease: false,
  pregnant: false,
  coagulationDisorder: false,
  acuteInfection: false,
  acuteMentalIllness: false,
  psychotropicInfluence: false,
});

/** Every fact recorded and no rule present. */
export const allAbsent: PatientFacts = Object.freeze({
  ...healthy,
  anticoagulantTherapy: false,
  pacemaker: false,
  electroacupuncturePlanned: false,
  skinLesionAtSite: false,
  needlePhobia: false,
  epilepsy: false,
  ...redFlags(false),
});

/** Every rule present. */
export const allPresent: PatientFacts = Object.freeze({
  ageYears: 80,
  oncologicalDisease: true,
  pregnant: true,
  coagulationDisorder: true,
  acuteInfection: true,
  acuteMentalIllness: true,
  psychotropicInfluence: true,
  anticoagulantTherapy: true,
  pacemaker: true,
  electroacupuncturePlanned: true,
  skinLesionAtSite: true,
  needlePhobia: true,
  epilepsy: true,
  ...redFlags(true),
});

export function planned(request: Partial<CourseRequest> & Pick<CourseRequest, 'screening'>): Course {
  const result = buildCourse({ region: 'lumbosacral', start: '2026-03-02', ...request });
  if (!result.ok) throw new Error(`expected a course, got ${JSON.stringify(result.issues)}`);
  return result.value;
}

/** Every text of an explanation-like value: its strings, deeply, except the codes listed in `fallbacks`. */
export function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => (key === 'fallbacks' ? [] : textsOf(inner)));
}

/** Fails with the offending text when an output shows a placeholder or a raw message code. */
export function expectNoRawCodes(value: unknown): void {
  const codes = Object.keys(messagesEn);
  for (const text of textsOf(value)) {
    if (/\{[A-Za-z][A-Za-z0-9]*\}/.test(text)) throw new Error(`placeholder left in: ${text}`);
    const code = codes.find((candidate) => text.includes(candidate));
    if (code !== undefined) throw new Error(`raw code ${code} in: ${text}`);
  }
}
