// Drug code lists: anticoagulants (the opt-in caution "anticoagulant therapy") by RxNorm and by
// ATC, and drugs that are noted for the clinician but never set a fact (antiplatelet agents,
// thrombolytics, opioids and other psychotropic prescriptions: a prescription is not the acute
// effect of a substance at the visit, which is what contraindication 6 of the protocol names).

import { type FhirCodeList, freezeCodeLists } from '../code-list.js';
import { ATC_URI, RXNORM_URI } from '../code-systems.js';

const RXNORM = [RXNORM_URI];
const ATC = [ATC_URI];
const VSAC =
  'Value set "Anticoagulants for All Indications", OID 2.16.840.1.113762.1.4.1248.22, NLM VSAC, eCQM expansion 2025-05-08';
const ATC_INDEX = 'WHO Collaborating Centre for Drug Statistics Methodology. ATC/DDD Index';

/**
 * The drug lists, frozen. See docs/fhir-mapping.md for the table.
 *
 * @example
 * medicationCodeLists.find((list) => list.id === 'rxnorm-anticoagulants')?.codes?.includes('855332'); // => true
 */
export const medicationCodeLists: readonly FhirCodeList[] = /* @__PURE__ */ freezeCodeLists([
  {
    id: 'rxnorm-anticoagulants',
    title: 'Anticoagulants: ingredients and clinical drugs',
    kind: 'counts',
    fact: 'anticoagulantTherapy',
    systems: RXNORM,
    codes: [
      // Ingredients
      '11289', // warfarin
      '1364430', // apixaban
      '67108', // enoxaparin
      '5224', // heparin
      // Clinical drugs, from the value set
      '855288', // warfarin sodium 1 MG Oral Tablet
      '855302', // warfarin sodium 2 MG Oral Tablet
      '855312', // warfarin sodium 2.5 MG Oral Tablet
      '855318', // warfarin sodium 3 MG Oral Tablet
      '855324', // warfarin sodium 4 MG Oral Tablet
      '855332', // warfarin sodium 5 MG Oral Tablet (Synthea)
      '855338', // warfarin sodium 6 MG Oral Tablet
      '855344', // warfarin sodium 7.5 MG Oral Tablet
      '855296', // warfarin sodium 10 MG Oral Tablet
      '1364435', // apixaban 2.5 MG Oral Tablet
      '1364445', // apixaban 5 MG Oral Tablet
      '1992427', // {74 (apixaban 5 MG Oral Tablet)} Pack
      '1114198', // rivaroxaban 10 MG Oral Tablet
      '1232082', // rivaroxaban 15 MG Oral Tablet
      '1232086', // rivaroxaban 20 MG Oral Tablet
      '1549682', // {42 (rivaroxaban 15 MG) / 9 (rivaroxaban 20 MG)} Pack
      '1037179', // dabigatran etexilate 75 MG Oral Capsule
      '1723476', // dabigatran etexilate 110 MG Oral Capsule
      '1037045', // dabigatran etexilate 150 MG Oral Capsule
      '1599543', // edoxaban 15 MG Oral Tablet
      '1599551', // edoxaban 30 MG Oral Tablet
      '1599555', // edoxaban 60 MG Oral Tablet
      '1361574', // heparin sodium, porcine 20000 UNT/ML Injectable Solution
      '1361615', // heparin sodium, porcine 5000 UNT/ML Injectable Solution
      '1361853', // 0.5 ML heparin sodium, porcine 10000 UNT/ML Cartridge
      '1362831', // heparin sodium, porcine 10000 UNT/ML Injectable Solution
      '1658634', // 0.5 ML heparin sodium, porcine 10000 UNT/ML Injection
      '1658637', // 1 ML heparin sodium, porcine 10000 UNT/ML Injection
      '1658647', // 2 ML heparin sodium, porcine 1000 UNT/ML Injection
      '1658690', // 1000 ML heparin sodium, porcine 2 UNT/ML Injection
      '1658692', // 500 ML heparin sodium, porcine 2 UNT/ML Injection
      '1658717', // 250 ML heparin sodium, porcine 100 UNT/ML Injection
      '1659195', // 500 ML heparin sodium, porcine 50 UNT/ML Injection
      '1659197', // 250 ML heparin sodium, porcine 50 UNT/ML Injection
      '1659260', // 1 ML heparin sodium, porcine 5000 UNT/ML Cartridge
      '1659263', // 1 ML heparin sodium, porcine 5000 UNT/ML Injection
      '1798389', // 1 ML heparin sodium, porcine 5000 UNT/ML Prefilled Syringe
      '2121591', // 0.5 ML heparin sodium, porcine 10000 UNT/ML Prefilled Syringe
      '854228', // 0.3 ML enoxaparin sodium 100 MG/ML Prefilled Syringe
      '854235', // 0.4 ML enoxaparin sodium 100 MG/ML Prefilled Syringe
      '854238', // 0.6 ML enoxaparin sodium 100 MG/ML Prefilled Syringe
      '854241', // 0.8 ML enoxaparin sodium 100 MG/ML Prefilled Syringe
      '854245', // 0.8 ML enoxaparin sodium 150 MG/ML Prefilled Syringe
      '854248', // 1 ML enoxaparin sodium 100 MG/ML Prefilled Syringe
      '854252', // 1 ML enoxaparin sodium 150 MG/ML Prefilled Syringe
      '854255', // enoxaparin sodium 100 MG/ML Injectable Solution
      '978725', // 0.2 ML dalteparin sodium 12500 UNT/ML Prefilled Syringe
      '978733', // 0.2 ML dalteparin sodium 25000 UNT/ML Prefilled Syringe
      '978736', // 0.3 ML dalteparin sodium 25000 UNT/ML Prefilled Syringe
      '978740', // 0.5 ML dalteparin sodium 25000 UNT/ML Prefilled Syringe
      '978744', // 0.6 ML dalteparin sodium 25000 UNT/ML Prefilled Syringe
      '978746', // 0.72 ML dalteparin sodium 25000 UNT/ML Prefilled Syringe
      '978755', // 1 ML dalteparin sodium 10000 UNT/ML Prefilled Syringe
      '978759', // dalteparin sodium 10000 UNT/ML Injectable Solution
      '978777', // dalteparin sodium 25000 UNT/ML Injectable Solution
      '861356', // 0.8 ML fondaparinux sodium 12.5 MG/ML Prefilled Syringe
      '861360', // 0.5 ML fondaparinux sodium 5 MG/ML Prefilled Syringe
      '861363', // 0.4 ML fondaparinux sodium 12.5 MG/ML Prefilled Syringe
      '861365', // 0.6 ML fondaparinux sodium 12.5 MG/ML Prefilled Syringe
      '308351', // 2.5 ML argatroban 100 MG/ML Injection
      '308769', // bivalirudin 250 MG Injection
      '1997015', // 50 ML bivalirudin 5 MG/ML Injection
      '1997017', // 100 ML bivalirudin 5 MG/ML Injection
      '402248', // desirudin 15 MG Injection
    ],
    source: {
      title: VSAC,
      note: 'clinical drugs from the value set; ingredient codes (RxNorm IN) added for warfarin, apixaban, enoxaparin and heparin',
    },
  },
  {
    id: 'atc-anticoagulants',
    title: 'Antithrombotic agents that act on coagulation (ATC B01A without B01AC and B01AD)',
    kind: 'counts',
    fact: 'anticoagulantTherapy',
    systems: ATC,
    prefixes: ['B01AA', 'B01AB', 'B01AE', 'B01AF', 'B01AX'],
    source: {
      title: ATC_INDEX,
      section:
        'B01AA vitamin K antagonists, B01AB heparin group, B01AE direct thrombin inhibitors, B01AF direct factor Xa inhibitors, B01AX other antithrombotic agents (fondaparinux)',
    },
  },
  {
    id: 'atc-antiplatelets-and-thrombolytics',
    title: 'Platelet aggregation inhibitors and thrombolytic enzymes (ATC B01AC, B01AD): noted only',
    kind: 'note',
    fact: 'anticoagulantTherapy',
    systems: ATC,
    prefixes: ['B01AC', 'B01AD'],
    source: {
      title: ATC_INDEX,
      section: 'B01AC platelet aggregation inhibitors excl. heparin, B01AD enzymes',
      note: 'part of B01A but not anticoagulants; the value set above leaves them out too',
    },
  },
  {
    id: 'rxnorm-antiplatelets-and-thrombolytics',
    title: 'Antiplatelet and thrombolytic drugs that Synthea prescribes: noted only',
    kind: 'note',
    fact: 'anticoagulantTherapy',
    systems: RXNORM,
    codes: [
      '309362', // Clopidogrel 75 MG Oral Tablet
      '243670', // Aspirin 81 MG Oral Tablet
      '1804799', // Alteplase 100 MG Injection
    ],
    source: { title: 'Synthea (MITRE), synthetic patient generator: generated medication codes' },
  },
  {
    id: 'atc-psychotropic-drugs',
    title: 'Opioids, psycholeptics and antidepressants: a prescription is noted only',
    kind: 'note',
    fact: 'psychotropicInfluence',
    systems: ATC,
    prefixes: ['N02A', 'N05A', 'N05B', 'N05C', 'N06A'],
    source: {
      title: ATC_INDEX,
      section:
        'N02A opioids, N05A antipsychotics, N05B anxiolytics, N05C hypnotics and sedatives, N06A antidepressants',
      note: 'a prescription is not the acute effect of a substance at the visit, which contraindication 6 names',
    },
  },
  {
    id: 'rxnorm-opioids',
    title: 'Opioid analgesics that Synthea prescribes: noted only',
    kind: 'note',
    fact: 'psychotropicInfluence',
    systems: RXNORM,
    codes: [
      '856987', // Acetaminophen 300 MG / Hydrocodone Bitartrate 5 MG Oral Tablet
      '857005', // Acetaminophen 325 MG / HYDROcodone Bitartrate 7.5 MG Oral Tablet
      '835603', // tramadol hydrochloride 50 MG Oral Tablet
      '1049221', // Acetaminophen 325 MG / oxyCODONE Hydrochloride 5 MG Oral Tablet
      '1049625', // Acetaminophen 325 MG / Oxycodone Hydrochloride 10 MG Oral Tablet [Percocet]
      '993770', // Acetaminophen 300 MG / Codeine Phosphate 15 MG Oral Tablet
      '861467', // Meperidine Hydrochloride 50 MG Oral Tablet
    ],
    source: {
      title: 'Synthea (MITRE), synthetic patient generator: generated medication codes',
      note: 'a prescription is not the acute effect of a substance at the visit, which contraindication 6 names',
    },
  },
]);
