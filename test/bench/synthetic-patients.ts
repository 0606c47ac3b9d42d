// A seeded generator of synthetic patient records for benchmarks: the same seed always gives
// the same records. About 10% of each fact is missing (undefined or null).
import { type PatientFacts, redFlagFactNames } from '../../src/index.js';

/** mulberry32: a small, fast, seeded PRNG (public domain). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BOOLEAN_FACTS = [
  ['oncologicalDisease', 0.03],
  ['pregnant', 0.03],
  ['coagulationDisorder', 0.02],
  ['acuteInfection', 0.04],
  ['acuteMentalIllness', 0.01],
  ['psychotropicInfluence', 0.01],
  ['anticoagulantTherapy', 0.05],
  ['pacemaker', 0.02],
  ['electroacupuncturePlanned', 0.2],
  ['skinLesionAtSite', 0.02],
  ['needlePhobia', 0.03],
  ['epilepsy', 0.01],
] as const;

/** Each red-flag fact is rare: a clinic sees few patients with any. */
const RED_FLAG_PREVALENCE = 0.005;

export interface SyntheticOptions {
  /** Share of each fact that is missing. Default 0.1. */
  readonly missingRate?: number;
  /** Whether the records hold the twenty red-flag facts too. Default false. */
  readonly redFlags?: boolean;
}

/** One synthetic patient. */
export function syntheticPatient(random: () => number, options: SyntheticOptions = {}): PatientFacts {
  const missingRate = options.missingRate ?? 0.1;
  const record: Record<string, unknown> = {};
  const missingValue = () => (random() < 0.5 ? undefined : null);
  // Ages 0-95, weighted to adults, as a clinic would see them.
  record.ageYears =
    random() < missingRate ? missingValue() : Math.floor(random() < 0.05 ? random() * 18 : 18 + random() * 78);
  const facts = options.redFlags
    ? [...BOOLEAN_FACTS, ...redFlagFactNames.map((fact) => [fact, RED_FLAG_PREVALENCE] as const)]
    : BOOLEAN_FACTS;
  for (const [fact, prevalence] of facts) {
    if (random() < missingRate) {
      const value = missingValue();
      if (value === null) record[fact] = null;
    } else {
      record[fact] = random() < prevalence;
    }
  }
  return record as PatientFacts;
}

/** `count` synthetic patients from `seed`. */
export function syntheticPatients(count: number, seed = 42, options: SyntheticOptions = {}): PatientFacts[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => syntheticPatient(random, options));
}
