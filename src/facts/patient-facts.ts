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

  // Red flags (the opt-in `redFlagRuleSet`): signs at the visit that call for assessment or
  // referral before needling. Each is what the clinician finds or the patient reports now, not a
  // diagnosis; the docs' red-flags page gives every fact's rule, urgency and source.

  /** Cauda equina syndrome diagnosed or suspected, and not resolved. Red flag. */
  readonly caudaEquinaSyndrome?: boolean | null | undefined;
  /** New difficulty passing or holding urine or stool (retention, incontinence), since the back pain began. Red flag. */
  readonly newBladderOrBowelDysfunction?: boolean | null | undefined;
  /** Numbness or altered feeling in the saddle area (perineum, buttocks, inner thighs). Red flag. */
  readonly saddleAnaesthesia?: boolean | null | undefined;
  /** A neurological deficit (weakness, loss of sensation or reflexes) that is severe or getting worse. Red flag. */
  readonly severeOrProgressiveNeurologicalDeficit?: boolean | null | undefined;
  /** Has had a malignant disease at any time, treated or not (a current one is `oncologicalDisease`). Red flag. */
  readonly historyOfCancer?: boolean | null | undefined;
  /** Weight loss that diet or a known illness does not explain. Red flag. */
  readonly unexplainedWeightLoss?: boolean | null | undefined;
  /** Pain at night that rest and position do not ease. Red flag. */
  readonly nightPain?: boolean | null | undefined;
  /** Systemic corticosteroids taken for a long time (months), now or recently. Red flag. */
  readonly prolongedCorticosteroidUse?: boolean | null | undefined;
  /** Recent severe trauma, such as a fall from a height or a road accident. Red flag. */
  readonly severeTrauma?: boolean | null | undefined;
  /** A contusion or abrasion over the spine. Red flag. */
  readonly contusionOrAbrasion?: boolean | null | undefined;
  /** Known osteoporosis, and the pain began after a minor trauma (a fall from standing, lifting). Red flag. */
  readonly osteoporosisWithMinorTrauma?: boolean | null | undefined;
  /** Fever, or systemically unwell. Red flag. */
  readonly feverOrSystemicallyUnwell?: boolean | null | undefined;
  /** Injects drugs intravenously, now or recently. Red flag. */
  readonly intravenousDrugUse?: boolean | null | undefined;
  /** Immunosuppressed, by a disease or by treatment. Red flag. */
  readonly immunosuppression?: boolean | null | undefined;
  /** A recent bacterial infection (urinary, skin, pneumonia and the like). Red flag. */
  readonly recentBacterialInfection?: boolean | null | undefined;
  /** A disturbance of gait or balance that is new or worsening. Red flag (cervical myelopathy). */
  readonly gaitDisturbance?: boolean | null | undefined;
  /** Clumsy or numb hands: trouble with buttons, writing, fine work. Red flag (cervical myelopathy). */
  readonly clumsyHands?: boolean | null | undefined;
  /** Upper motor neuron signs: brisk reflexes, Hoffmann sign, clonus, an extensor plantar response. Red flag (cervical myelopathy). */
  readonly upperMotorNeuronSigns?: boolean | null | undefined;
  /**
   * Signs of cervical arterial dysfunction: dizziness, double vision, slurred speech, difficulty
   * swallowing, drop attacks, nystagmus, numbness, nausea or ataxia. Red flag.
   */
  readonly cervicalArterialDysfunctionSigns?: boolean | null | undefined;
  /** Back pain of an inflammatory pattern, which suggests spondyloarthritis (as NICE NG65 describes it). Red flag. */
  readonly inflammatoryBackPain?: boolean | null | undefined;
}

/**
 * Patient facts together with the facts a rule set declares itself (`Fact`), each a boolean read
 * like the shipped ones. With no facts of its own it is {@link PatientFacts}; a misspelt fact is
 * then a compile error in a record literal.
 *
 * @typeParam Fact - the names of the rule set's own facts.
 * @example
 * const facts: PatientFactsWith<'recentSpinalSurgery'> = { ageYears: 52, recentSpinalSurgery: false };
 */
export type PatientFactsWith<Fact extends string = never> = [Fact] extends [never]
  ? PatientFacts
  : PatientFacts & { readonly [Name in Fact]?: boolean | null | undefined };

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

/** The boolean facts that the red-flag rule set reads, in its order. */
export const redFlagFactNames: readonly BooleanFactName[] = /* @__PURE__ */ Object.freeze([
  'caudaEquinaSyndrome',
  'newBladderOrBowelDysfunction',
  'saddleAnaesthesia',
  'severeOrProgressiveNeurologicalDeficit',
  'historyOfCancer',
  'unexplainedWeightLoss',
  'nightPain',
  'prolongedCorticosteroidUse',
  'severeTrauma',
  'contusionOrAbrasion',
  'osteoporosisWithMinorTrauma',
  'feverOrSystemicallyUnwell',
  'intravenousDrugUse',
  'immunosuppression',
  'recentBacterialInfection',
  'gaitDisturbance',
  'clumsyHands',
  'upperMotorNeuronSigns',
  'cervicalArterialDysfunctionSigns',
  'inflammatoryBackPain',
] as const);

/**
 * Every fact name, protocol facts first, then the cautions' and the red flags'.
 *
 * @example
 * factNames.includes('pregnant'); // => true
 */
export const factNames: readonly FactName[] = /* @__PURE__ */ Object.freeze([
  ...protocolFactNames,
  ...cautionFactNames,
  ...redFlagFactNames,
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
