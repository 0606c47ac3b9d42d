// One clinical meaning reads the same whatever code system records it: each row names a meaning,
// what it must say (a fact and a kind, or a region), and its codes in every system that has one.
// The lookup is the code index's, and the strongest kind per fact wins (counts > uncertain >
// note), as the FHIR mapping reads a coding; ICD-10 codes also pass through regionFromIcd10, as
// the mapping's region suggestions do.
import { describe, expect, test } from 'vitest';
import { buildCodeIndex } from '../../src/fhir/code-index.js';
import type { CodedFact, CodeListKind } from '../../src/fhir/code-list.js';
import { codeSystems } from '../../src/fhir/code-systems.js';
import { fhirCodeLists } from '../../src/fhir/fhir-code-lists.js';
import { regionFromIcd10 } from '../../src/regions/region-from-icd10.js';
import type { SpinalRegion } from '../../src/regions/spinal-region.js';

type SystemName = 'snomed' | 'icd10' | 'icd10cm' | 'rxnorm' | 'atc';
type FactKind = Exclude<CodeListKind, 'region'>;
type Expected = { readonly fact: CodedFact; readonly kind: FactKind } | { readonly region: SpinalRegion };

interface Meaning {
  readonly meaning: string;
  readonly expected: Expected;
  readonly codes: Partial<Record<SystemName, readonly string[]>>;
}

const counts = (fact: CodedFact): Expected => ({ fact, kind: 'counts' });
const uncertain = (fact: CodedFact): Expected => ({ fact, kind: 'uncertain' });
const noted = (fact: CodedFact): Expected => ({ fact, kind: 'note' });
const region = (name: SpinalRegion): Expected => ({ region: name });

const MEANINGS: readonly Meaning[] = [
  // Oncology
  {
    meaning: 'malignant neoplasm of breast',
    expected: counts('oncologicalDisease'),
    codes: { snomed: ['254837009'], icd10: ['C50.9'], icd10cm: ['C50.919'] },
  },
  {
    meaning: 'malignant neoplasm of colon',
    expected: counts('oncologicalDisease'),
    codes: { snomed: ['363406005', '93761005'], icd10: ['C18.9'], icd10cm: ['C18.9'] },
  },
  {
    meaning: 'lung cancer',
    expected: counts('oncologicalDisease'),
    codes: { snomed: ['254637007', '254632001'], icd10: ['C34.9'], icd10cm: ['C34.90'] },
  },
  {
    meaning: 'acute myeloid leukaemia',
    expected: counts('oncologicalDisease'),
    codes: { snomed: ['91861009'], icd10: ['C92.0'], icd10cm: ['C92.00'] },
  },
  {
    meaning: 'multiple myeloma',
    expected: counts('oncologicalDisease'),
    codes: { snomed: ['109989006'], icd10: ['C90.0'], icd10cm: ['C90.00'] },
  },
  {
    meaning: 'carcinoma in situ of prostate',
    expected: uncertain('oncologicalDisease'),
    codes: { snomed: ['92691004'], icd10: ['D07.5'], icd10cm: ['D07.5'] },
  },
  // Coagulation
  {
    meaning: 'haemophilia A',
    expected: counts('coagulationDisorder'),
    codes: { snomed: ['28293008'], icd10: ['D66'], icd10cm: ['D66'] },
  },
  {
    meaning: 'disseminated intravascular coagulation',
    expected: counts('coagulationDisorder'),
    codes: { snomed: ['67406007'], icd10: ['D65'], icd10cm: ['D65'] },
  },
  {
    meaning: 'coagulation disorder, unspecified',
    expected: counts('coagulationDisorder'),
    codes: { snomed: ['64779008'], icd10: ['D68.9'], icd10cm: ['D68.9'] },
  },
  // Pregnancy
  {
    meaning: 'pregnant state',
    expected: counts('pregnant'),
    codes: { snomed: ['77386006'], icd10: ['Z33'], icd10cm: ['Z33.1', 'Z33.3'] },
  },
  {
    meaning: 'normal pregnancy',
    expected: counts('pregnant'),
    codes: { snomed: ['72892002'], icd10: ['Z34.9'], icd10cm: ['Z34.90'] },
  },
  {
    meaning: 'high-risk pregnancy',
    expected: counts('pregnant'),
    codes: { snomed: ['47200007'], icd10: ['Z35.9'], icd10cm: ['O09.90'] },
  },
  {
    meaning: 'positive pregnancy test',
    expected: counts('pregnant'),
    codes: { icd10: ['Z32.1'], icd10cm: ['Z32.01'] },
  },
  {
    meaning: 'pregnancy test without a result',
    expected: uncertain('pregnant'),
    codes: { icd10: ['Z32.0'], icd10cm: ['Z32.00'] },
  },
  {
    meaning: 'antenatal screening',
    expected: counts('pregnant'),
    codes: { icd10: ['Z36.9'], icd10cm: ['Z36.9'] },
  },
  {
    meaning: 'ectopic pregnancy',
    expected: counts('pregnant'),
    codes: { snomed: ['34801009'], icd10: ['O00.9'], icd10cm: ['O00.90'] },
  },
  {
    meaning: 'tubal pregnancy',
    expected: counts('pregnant'),
    codes: { snomed: ['79586000'], icd10: ['O00.1'], icd10cm: ['O00.101'] },
  },
  {
    meaning: 'hydatidiform mole',
    expected: counts('pregnant'),
    codes: { snomed: ['417044008'], icd10: ['O01.9'], icd10cm: ['O01.9'] },
  },
  {
    meaning: 'blighted ovum',
    expected: counts('pregnant'),
    codes: { snomed: ['35999006'], icd10: ['O02.0'], icd10cm: ['O02.0'] },
  },
  {
    meaning: 'pre-eclampsia',
    expected: counts('pregnant'),
    codes: { snomed: ['398254007'], icd10: ['O14.9'], icd10cm: ['O14.90'] },
  },
  {
    meaning: 'eclampsia in pregnancy',
    expected: counts('pregnant'),
    codes: { snomed: ['198992004'], icd10: ['O15.0'], icd10cm: ['O15.00'] },
  },
  {
    meaning: 'complication of pregnancy, unspecified',
    expected: counts('pregnant'),
    codes: { snomed: ['609496007'], icd10: ['O26.9'], icd10cm: ['O26.90'] },
  },
  {
    meaning: 'maternal care for a chromosomal abnormality of the fetus',
    expected: counts('pregnant'),
    codes: { snomed: ['267253006'], icd10: ['O35.1'] },
  },
  {
    meaning: 'miscarriage',
    expected: uncertain('pregnant'),
    codes: { snomed: ['17369002', '19169002', '156073000'], icd10: ['O03.9'], icd10cm: ['O03.9'] },
  },
  {
    meaning: 'induced termination of pregnancy',
    expected: uncertain('pregnant'),
    codes: { snomed: ['57797005'], icd10: ['O04.9'], icd10cm: ['Z33.2'] },
  },
  {
    meaning: 'delivery',
    expected: uncertain('pregnant'),
    codes: { icd10: ['O80'], icd10cm: ['O80'] },
  },
  {
    meaning: 'postpartum haemorrhage',
    expected: uncertain('pregnant'),
    codes: { snomed: ['47821001'], icd10: ['O72.1'], icd10cm: ['O72.1'] },
  },
  // Acute infection
  {
    meaning: 'streptococcal sore throat',
    expected: counts('acuteInfection'),
    codes: { snomed: ['43878008'], icd10: ['J02.0'], icd10cm: ['J02.0'] },
  },
  {
    meaning: 'acute sinusitis',
    expected: counts('acuteInfection'),
    codes: { snomed: ['75498004'], icd10: ['J01.9'], icd10cm: ['J01.90'] },
  },
  {
    meaning: 'acute bronchitis',
    expected: counts('acuteInfection'),
    codes: { snomed: ['10509002'], icd10: ['J20.9'], icd10cm: ['J20.9'] },
  },
  {
    meaning: 'COVID-19',
    expected: counts('acuteInfection'),
    codes: { snomed: ['840539006'], icd10: ['U07.1'], icd10cm: ['U07.1'] },
  },
  {
    meaning: 'pneumonia',
    expected: counts('acuteInfection'),
    codes: { snomed: ['233604007'], icd10: ['J18.9'], icd10cm: ['J18.9'] },
  },
  {
    meaning: 'acute cystitis',
    expected: counts('acuteInfection'),
    codes: { snomed: ['307426000'], icd10: ['N30.0'], icd10cm: ['N30.00'] },
  },
  {
    meaning: 'acute pyelonephritis',
    expected: counts('acuteInfection'),
    codes: { snomed: ['36689008'], icd10: ['N10'], icd10cm: ['N10'] },
  },
  {
    meaning: 'sepsis',
    expected: counts('acuteInfection'),
    codes: { snomed: ['91302008'], icd10: ['A41.9'], icd10cm: ['A41.9'] },
  },
  {
    meaning: 'urinary tract infection',
    expected: uncertain('acuteInfection'),
    codes: { snomed: ['68566005', '197927001'], icd10: ['N39.0'], icd10cm: ['N39.0'] },
  },
  {
    meaning: 'cystitis, unspecified',
    expected: uncertain('acuteInfection'),
    codes: { snomed: ['38822007'], icd10: ['N30.9'], icd10cm: ['N30.90'] },
  },
  {
    meaning: 'pyelonephritis, not stated acute or chronic',
    expected: uncertain('acuteInfection'),
    codes: { snomed: ['45816000'], icd10: ['N12'], icd10cm: ['N12'] },
  },
  {
    meaning: 'chronic sinusitis',
    expected: uncertain('acuteInfection'),
    codes: { snomed: ['40055000'], icd10: ['J32.9'], icd10cm: ['J32.9'] },
  },
  {
    meaning: 'otitis media, unspecified',
    expected: uncertain('acuteInfection'),
    codes: { snomed: ['65363002'], icd10: ['H66.9'], icd10cm: ['H66.90'] },
  },
  {
    meaning: 'HIV disease',
    expected: uncertain('acuteInfection'),
    codes: { snomed: ['86406008'], icd10: ['B24'], icd10cm: ['B20'] },
  },
  {
    meaning: 'chronic hepatitis C',
    expected: uncertain('acuteInfection'),
    codes: { snomed: ['128302006'], icd10: ['B18.2'], icd10cm: ['B18.2'] },
  },
  {
    meaning: 'chronic hepatitis B',
    expected: uncertain('acuteInfection'),
    codes: { snomed: ['61977001'], icd10: ['B18.1'], icd10cm: ['B18.1'] },
  },
  // Acute mental illness
  {
    meaning: 'delirium',
    expected: counts('acuteMentalIllness'),
    codes: { snomed: ['2776000'], icd10: ['F05.9'], icd10cm: ['F05'] },
  },
  {
    meaning: 'alcohol withdrawal delirium',
    expected: counts('acuteMentalIllness'),
    codes: { snomed: ['8635005'], icd10: ['F10.4'], icd10cm: ['F10.131', 'F10.231', 'F10.931'] },
  },
  {
    meaning: 'sedative, hypnotic or anxiolytic withdrawal delirium',
    expected: counts('acuteMentalIllness'),
    codes: { icd10: ['F13.4'], icd10cm: ['F13.131', 'F13.231', 'F13.931'] },
  },
  {
    meaning: 'other or multiple psychoactive substance withdrawal delirium',
    expected: counts('acuteMentalIllness'),
    codes: { icd10: ['F19.4'], icd10cm: ['F19.131', 'F19.231', 'F19.931'] },
  },
  {
    meaning: 'acute stress reaction',
    expected: counts('acuteMentalIllness'),
    codes: { snomed: ['67195008'], icd10: ['F43.0'], icd10cm: ['F43.0'] },
  },
  {
    meaning: 'brief (acute and transient) psychotic disorder',
    expected: counts('acuteMentalIllness'),
    codes: { snomed: ['5464005'], icd10: ['F23.9'], icd10cm: ['F23'] },
  },
  {
    meaning: 'suicidal ideation',
    expected: counts('acuteMentalIllness'),
    codes: { snomed: ['6471006'], icd10cm: ['R45.851'] },
  },
  {
    meaning: 'suicide attempt by a sharp object',
    expected: counts('acuteMentalIllness'),
    codes: { snomed: ['287185009'], icd10: ['X78'], icd10cm: ['X78.9XXA', 'T14.91XA'] },
  },
  {
    meaning: 'suicide attempt by suffocation',
    expected: counts('acuteMentalIllness'),
    codes: { snomed: ['287182007'], icd10: ['X70'] },
  },
  {
    meaning: 'suicidal poisoning',
    expected: counts('acuteMentalIllness'),
    codes: { snomed: ['86849004'], icd10: ['X64'] },
  },
  {
    meaning: 'major depressive disorder',
    expected: uncertain('acuteMentalIllness'),
    codes: { snomed: ['370143000', '36923009'], icd10: ['F32.2', 'F32.9'], icd10cm: ['F32.2', 'F32.9'] },
  },
  {
    meaning: 'depression, unspecified',
    expected: uncertain('acuteMentalIllness'),
    codes: { snomed: ['35489007'], icd10: ['F32.9'], icd10cm: ['F32.A'] },
  },
  {
    meaning: 'recurrent major depression',
    expected: uncertain('acuteMentalIllness'),
    codes: { snomed: ['66344007'], icd10: ['F33.9'], icd10cm: ['F33.9'] },
  },
  {
    meaning: 'dysthymia',
    expected: uncertain('acuteMentalIllness'),
    codes: { snomed: ['78667006'], icd10: ['F34.1'], icd10cm: ['F34.1'] },
  },
  {
    meaning: 'bipolar disorder',
    expected: uncertain('acuteMentalIllness'),
    codes: { snomed: ['13746004', '371596008'], icd10: ['F31.9'], icd10cm: ['F31.9'] },
  },
  {
    meaning: 'manic episode',
    expected: uncertain('acuteMentalIllness'),
    codes: { snomed: ['231494001'], icd10: ['F30.9'], icd10cm: ['F30.9'] },
  },
  {
    meaning: 'schizophrenia',
    expected: uncertain('acuteMentalIllness'),
    codes: { snomed: ['58214004'], icd10: ['F20.9'], icd10cm: ['F20.9'] },
  },
  {
    meaning: 'schizoaffective disorder',
    expected: uncertain('acuteMentalIllness'),
    codes: { snomed: ['68890003'], icd10: ['F25.9'], icd10cm: ['F25.9'] },
  },
  {
    meaning: 'delusional disorder',
    expected: uncertain('acuteMentalIllness'),
    codes: { snomed: ['48500005'], icd10: ['F22.0'], icd10cm: ['F22'] },
  },
  {
    meaning: 'psychosis, unspecified',
    expected: uncertain('acuteMentalIllness'),
    codes: { snomed: ['69322001'], icd10: ['F29'], icd10cm: ['F29'] },
  },
  {
    meaning: 'anxiety disorder, unspecified',
    expected: uncertain('acuteMentalIllness'),
    codes: { snomed: ['197480006'], icd10: ['F41.9'], icd10cm: ['F41.9'] },
  },
  {
    meaning: 'generalized anxiety disorder',
    expected: uncertain('acuteMentalIllness'),
    codes: { snomed: ['21897009'], icd10: ['F41.1'], icd10cm: ['F41.1'] },
  },
  {
    meaning: 'panic disorder',
    expected: uncertain('acuteMentalIllness'),
    codes: { snomed: ['371631005', '80583007'], icd10: ['F41.0'], icd10cm: ['F41.0'] },
  },
  {
    meaning: 'post-traumatic stress disorder',
    expected: uncertain('acuteMentalIllness'),
    codes: { snomed: ['47505003'], icd10: ['F43.1'], icd10cm: ['F43.10'] },
  },
  {
    meaning: 'obsessive-compulsive disorder',
    expected: uncertain('acuteMentalIllness'),
    codes: { snomed: ['191736004'], icd10: ['F42.9'], icd10cm: ['F42.9'] },
  },
  {
    meaning: 'adjustment disorder',
    expected: uncertain('acuteMentalIllness'),
    codes: { snomed: ['17226007'], icd10: ['F43.2'], icd10cm: ['F43.20'] },
  },
  // Psychotropic substances
  {
    meaning: 'alcohol intoxication',
    expected: counts('psychotropicInfluence'),
    codes: { snomed: ['25702006'], icd10: ['F10.0'], icd10cm: ['F10.129', 'F10.229', 'F10.929'] },
  },
  {
    meaning: 'opioid abuse',
    expected: noted('psychotropicInfluence'),
    codes: { snomed: ['5602001'], icd10: ['F11.1'], icd10cm: ['F11.10'] },
  },
  {
    meaning: 'alcohol dependence',
    expected: noted('psychotropicInfluence'),
    codes: { snomed: ['7200002'], icd10: ['F10.2'], icd10cm: ['F10.20'] },
  },
  // Implanted electrical devices
  {
    meaning: 'implanted cardiac pacemaker',
    expected: counts('pacemaker'),
    codes: { snomed: ['706004007', '704708004', '441509002'], icd10: ['Z95.0'], icd10cm: ['Z95.0'] },
  },
  {
    meaning: 'implanted cardiac defibrillator',
    expected: counts('pacemaker'),
    codes: {
      snomed: ['72506001', '704707009', '441769002', '443325000'],
      icd10: ['Z95.0'],
      icd10cm: ['Z95.810'],
    },
  },
  {
    meaning: 'cochlear implant',
    expected: counts('pacemaker'),
    codes: { snomed: ['43252007'], icd10cm: ['Z96.21'] },
  },
  {
    meaning: 'implanted neurostimulator',
    expected: counts('pacemaker'),
    codes: { snomed: ['25937001'], icd10cm: ['Z96.82'] },
  },
  // Drugs
  {
    meaning: 'warfarin',
    expected: counts('anticoagulantTherapy'),
    codes: { rxnorm: ['11289', '855332'], atc: ['B01AA03'] },
  },
  {
    meaning: 'apixaban',
    expected: counts('anticoagulantTherapy'),
    codes: { rxnorm: ['1364430', '1364445'], atc: ['B01AF02'] },
  },
  {
    meaning: 'clopidogrel',
    expected: noted('anticoagulantTherapy'),
    codes: { rxnorm: ['309362'], atc: ['B01AC04'] },
  },
  {
    meaning: 'aspirin',
    expected: noted('anticoagulantTherapy'),
    codes: { rxnorm: ['243670'], atc: ['B01AC06'] },
  },
  // Regions
  {
    meaning: 'neck pain',
    expected: region('cervical'),
    codes: { snomed: ['81680005', '1121000119107'], icd10: ['M54.2'], icd10cm: ['M54.2'] },
  },
  {
    meaning: 'low back pain',
    expected: region('lumbosacral'),
    codes: {
      snomed: ['279039007', '278860009'],
      icd10: ['M54.5'],
      icd10cm: ['M54.50', 'M54.51', 'M54.59'],
    },
  },
  {
    meaning: 'pain in thoracic spine',
    expected: region('thoracic'),
    codes: { icd10: ['M54.6'], icd10cm: ['M54.6'] },
  },
];

const RANK: Readonly<Record<FactKind, number>> = { counts: 3, uncertain: 2, note: 1 };

/** What one coding says about a fact: the strongest kind of the lists it matches, or undefined. */
function kindFor(system: SystemName, code: string, fact: CodedFact): FactKind | undefined {
  let strongest: FactKind | undefined;
  for (const list of buildCodeIndex(fhirCodeLists).match(codeSystems[system], code)) {
    if (list.kind === 'region' || list.fact !== fact) continue;
    if (strongest === undefined || RANK[list.kind] > RANK[strongest]) strongest = list.kind;
  }
  return strongest;
}

/** The regions one coding suggests: region lists, and the ICD-10 site character. */
function regionsFor(system: SystemName, code: string): SpinalRegion[] {
  const regions = new Set<SpinalRegion>();
  if (system === 'icd10' || system === 'icd10cm') {
    const fromSite = regionFromIcd10(code);
    if (fromSite !== undefined) regions.add(fromSite);
  }
  for (const list of buildCodeIndex(fhirCodeLists).match(codeSystems[system], code)) {
    if (list.kind === 'region' && list.region !== undefined) regions.add(list.region);
  }
  return [...regions];
}

const describeExpected = (expected: Expected) =>
  'region' in expected ? `the ${expected.region} region` : `${expected.kind} for ${expected.fact}`;

const codings = (row: Meaning) =>
  Object.entries(row.codes).flatMap(([system, codes]) =>
    (codes ?? []).map((code) => ({ system: system as SystemName, code })),
  );

describe('one clinical meaning reads the same in every code system', () => {
  test.each(MEANINGS.map((row) => [row.meaning, describeExpected(row.expected), row] as const))(
    '%s gives %s in every system',
    (_meaning, _expected, row) => {
      for (const { system, code } of codings(row)) {
        const expected = row.expected;
        if ('region' in expected) {
          expect(regionsFor(system, code), `${system} ${code}`).toEqual([expected.region]);
        } else {
          expect(kindFor(system, code, expected.fact), `${system} ${code}`).toBe(expected.kind);
        }
      }
    },
  );

  test('every meaning has codes in at least two systems, and no code is listed twice', () => {
    const seen = new Set<string>();
    for (const row of MEANINGS) {
      expect(Object.keys(row.codes).length, row.meaning).toBeGreaterThanOrEqual(2);
      for (const { system, code } of codings(row)) {
        const key = `${row.meaning}|${system}|${code}`;
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
    }
  });

  test('a region finding sets no fact, and a fact code suggests no region', () => {
    for (const row of MEANINGS) {
      for (const { system, code } of codings(row)) {
        const lists = buildCodeIndex(fhirCodeLists).match(codeSystems[system], code);
        if ('region' in row.expected) expect(lists.every((list) => list.kind === 'region')).toBe(true);
        else expect(regionsFor(system, code), `${system} ${code}`).toEqual([]);
      }
    }
  });
});
