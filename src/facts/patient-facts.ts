/**
 * What is known about a patient at the visit. Every fact is optional: `undefined` and `null`
 * both mean "not recorded", and a rule that needs a fact that is not recorded stays unknown.
 * No fact is ever inferred from another (pregnancy is never guessed from sex, for example).
 *
 * @example
 * const facts: PatientFacts = { ageYears: 52, pregnant: false, oncologicalDisease: null };
 */
export interface PatientFacts {
  /** Age in years at the visit; a fraction is an exact age, whose completed years are its floor. Source protocol, contraindication 1. */
  readonly ageYears?: number | null | undefined;
  /** A current oncological (malignant) disease. Source protocol, contraindication 2. */
  readonly oncologicalDisease?: boolean | null | undefined;
  /** Currently pregnant. Source protocol, contraindication 3. */
  readonly pregnant?: boolean | null | undefined;
  /** A disorder of blood clotting. Source protocol, contraindication 4. */
  readonly coagulationDisorder?: boolean | null | undefined;
  /** In the acute period of an infectious disease. Source protocol, contraindication 5. */
  readonly acuteInfection?: boolean | null | undefined;
  /** In the acute period of a mental illness at the visit (not a diagnosis in remission). Source protocol, contraindication 6. */
  readonly acuteMentalIllness?: boolean | null | undefined;
  /** Under the acute effect of a psychotropic substance at the visit (not a prescription as such). Source protocol, contraindication 6. */
  readonly psychotropicInfluence?: boolean | null | undefined;
  /** Taking anticoagulant medication (a caution, not in the source protocol). */
  readonly anticoagulantTherapy?: boolean | null | undefined;
  /** Has a cardiac pacemaker or another implanted electrical device (a caution for electroacupuncture). */
  readonly pacemaker?: boolean | null | undefined;
  /** Electroacupuncture is planned for this course. */
  readonly electroacupuncturePlanned?: boolean | null | undefined;
  /** A skin infection or lesion at the intended needling site. */
  readonly skinLesionAtSite?: boolean | null | undefined;
  /** Needle phobia, or unable to cooperate with needling. */
  readonly needlePhobia?: boolean | null | undefined;
  /** Epilepsy or another seizure disorder. */
  readonly epilepsy?: boolean | null | undefined;
}

/** The name of any patient fact. */
export type FactName = keyof PatientFacts;

/** The name of a patient fact whose value is a boolean. */
export type BooleanFactName = Exclude<FactName, 'ageYears'>;

/** The facts that the source protocol's contraindications read, in the protocol's order. */
export const protocolFactNames: readonly FactName[] = /* @__PURE__ */ Object.freeze([
  'ageYears',
  'oncologicalDisease',
  'pregnant',
  'coagulationDisorder',
  'acuteInfection',
  'acuteMentalIllness',
  'psychotropicInfluence',
] as const);

/** The boolean facts that the caution rule set reads. */
export const cautionFactNames: readonly BooleanFactName[] = /* @__PURE__ */ Object.freeze([
  'anticoagulantTherapy',
  'pacemaker',
  'electroacupuncturePlanned',
  'skinLesionAtSite',
  'needlePhobia',
  'epilepsy',
] as const);

/**
 * Every fact name, protocol facts first.
 *
 * @example
 * factNames.includes('pregnant'); // => true
 */
export const factNames: readonly FactName[] = /* @__PURE__ */ Object.freeze([
  ...protocolFactNames,
  ...cautionFactNames,
]);

/** The largest age accepted, exclusive: a value at or above it is a data-entry error, not a patient. */
export const MAX_AGE_YEARS = 150;

const knownFacts: ReadonlySet<string> = /* @__PURE__ */ new Set(factNames);

/**
 * Tells whether a string names a patient fact.
 *
 * @param name - any string, for example a column header.
 * @returns true for the names of {@link PatientFacts}.
 * @example
 * isFactName('pregnant'); // => true
 * isFactName('pregnancy'); // => false
 */
export function isFactName(name: string): name is FactName {
  return knownFacts.has(name);
}
