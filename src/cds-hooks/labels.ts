// English words for facts and rules on cards. A rule set's own facts are named by their English
// labels when the caller passes the rule set, and by their names otherwise; rules of custom sets
// are named by their ids.
import { readProperty } from '../_internal/read-property.js';
import { customFactNamesOf } from '../facts/custom-fact-names.js';
import type { FactName } from '../facts/patient-facts.js';
import { protocolItemOf } from '../screening/protocol-citation.js';
import type { SourceCitation } from '../screening/rule.js';

const FACT_LABELS: Readonly<Record<FactName, string>> = {
  ageYears: 'age',
  oncologicalDisease: 'oncological disease',
  pregnant: 'pregnancy',
  coagulationDisorder: 'blood clotting disorder',
  acuteInfection: 'acute infection',
  acuteMentalIllness: 'acute mental illness',
  psychotropicInfluence: 'influence of psychotropic substances',
  anticoagulantTherapy: 'anticoagulant therapy',
  pacemaker: 'pacemaker or implanted device',
  electroacupuncturePlanned: 'electroacupuncture planned',
  skinLesionAtSite: 'skin lesion at the needling site',
  needlePhobia: 'needle phobia',
  epilepsy: 'epilepsy',
  caudaEquinaSyndrome: 'cauda equina syndrome, diagnosed or suspected',
  newBladderOrBowelDysfunction: 'new bladder or bowel dysfunction',
  saddleAnaesthesia: 'saddle anaesthesia',
  severeOrProgressiveNeurologicalDeficit: 'severe or progressive neurological deficit',
  historyOfCancer: 'history of cancer',
  unexplainedWeightLoss: 'unexplained weight loss',
  nightPain: 'night pain not eased by rest',
  prolongedCorticosteroidUse: 'prolonged corticosteroid use',
  severeTrauma: 'recent severe trauma',
  contusionOrAbrasion: 'contusion or abrasion over the spine',
  osteoporosisWithMinorTrauma: 'osteoporosis with pain after a minor trauma',
  feverOrSystemicallyUnwell: 'fever or systemically unwell',
  intravenousDrugUse: 'intravenous drug use',
  immunosuppression: 'immunosuppression',
  recentBacterialInfection: 'recent bacterial infection',
  gaitDisturbance: 'new or worsening gait disturbance',
  clumsyHands: 'clumsy or numb hands',
  upperMotorNeuronSigns: 'upper motor neuron signs',
  cervicalArterialDysfunctionSigns: 'signs of cervical arterial dysfunction',
  inflammatoryBackPain: 'inflammatory back pain',
};

const RULE_LABELS: Readonly<Record<string, string>> = {
  age: 'age',
  oncology: 'oncological disease',
  pregnancy: 'pregnancy',
  coagulation: 'blood clotting disorder',
  'acute-infection': 'acute infection',
  'acute-mental-state': 'acute mental state or psychotropic substances',
  'anticoagulant-therapy': 'anticoagulant therapy',
  'electroacupuncture-with-implanted-device': 'implanted device with electroacupuncture',
  'skin-lesion-at-site': 'skin lesion at the needling site',
  'needle-phobia': 'needle phobia',
  epilepsy: 'epilepsy',
  'pregnancy-point-restrictions': 'pregnancy (point restrictions)',
  'cauda-equina-syndrome': 'possible cauda equina syndrome',
  'neurological-deficit': 'severe or progressive neurological deficit',
  'history-of-cancer': 'history of cancer',
  'possible-malignancy': 'possible malignancy',
  'possible-fracture': 'possible fracture',
  'possible-spinal-infection': 'possible spinal infection',
  'cervical-myelopathy': 'possible cervical myelopathy',
  'cervical-arterial-dysfunction': 'possible cervical arterial dysfunction',
  'inflammatory-back-disease': 'possible inflammatory back disease (spondyloarthritis)',
};

/** The English labels of a rule set's own facts, by name. */
export type CustomFactLabels = ReadonlyMap<string, string>;

const NO_LABELS: CustomFactLabels = /* @__PURE__ */ new Map();

/**
 * A fact in English words: a shipped fact's own label, a rule set's own fact by its English
 * label, any other by its name.
 */
export function factLabel(fact: string, custom: CustomFactLabels = NO_LABELS): string {
  return Object.hasOwn(FACT_LABELS, fact) ? FACT_LABELS[fact as FactName] : (custom.get(fact) ?? fact);
}

/**
 * The English labels of the facts that `options.ruleSet` declares; none without a rule set.
 *
 * @throws {TypeError} when the rule set or its `facts` is not what `defineRuleSet` gives (see
 *   `customFactNamesOf`), or a fact's `label.en` is not a non-empty string.
 */
export function customFactLabels(options: object, caller: string): CustomFactLabels {
  const names = customFactNamesOf(options, caller);
  if (names.length === 0) return NO_LABELS;
  // customFactNamesOf has checked that the rule set and its facts are objects.
  const facts = readProperty(readProperty(options, 'ruleSet') as object, 'facts') as object;
  const labels = new Map<string, string>();
  for (const name of names) {
    const en = field(field(readProperty(facts, name), 'label'), 'en');
    if (typeof en !== 'string' || en.trim() === '') {
      throw new TypeError(`${caller}: options.ruleSet.facts.${name}.label.en must be a non-empty string`);
    }
    labels.set(name, en);
  }
  return labels;
}

export function ruleLabel(rule: string): string {
  return Object.hasOwn(RULE_LABELS, rule) ? (RULE_LABELS[rule] as string) : rule;
}

/** A field of an object (never of Object.prototype); undefined for any value that is not an object. */
function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? readProperty(value, key) : undefined;
}

/**
 * A citation as one line of markdown. A protocol item cited with a note is a rule that the rule
 * set adapted from the protocol's (defineRuleSet accepts it with no note only on the item's own
 * rule): it is cited as the rule set's own, and the note says how.
 */
export function citation(source: SourceCitation): string {
  const parts = [escapeMarkdown(source.title)];
  if (source.section !== undefined) parts.push(escapeMarkdown(source.section));
  if (source.item !== undefined) parts.push(`item ${source.item}`);
  let text = parts.join(', ');
  if (source.note !== undefined) {
    const item = protocolItemOf(source);
    if (item !== undefined) text = `the rule set's own ${item === 1 ? 'age limits' : 'rule'}, adapted from ${text}`;
    text += ` (${escapeMarkdown(source.note)})`;
  }
  if (source.url?.match(/^https?:\/\/\S+$/)) text += ` <${source.url}>`;
  return text;
}

/** Escapes the characters that markdown would read as formatting in free text from a rule set. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|]/g, (character) => `\\${character}`);
}
