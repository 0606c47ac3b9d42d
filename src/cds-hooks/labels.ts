// English words for facts and rules on cards. Rules of custom sets are named by the facts they
// read, so that any rule set gets readable cards.
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
};

export function factLabel(fact: string): string {
  return Object.hasOwn(FACT_LABELS, fact) ? FACT_LABELS[fact as FactName] : fact;
}

export function ruleLabel(rule: string): string {
  return Object.hasOwn(RULE_LABELS, rule) ? (RULE_LABELS[rule] as string) : rule;
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
