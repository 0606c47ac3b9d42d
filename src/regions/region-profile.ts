import type { SourceCitation } from '../screening/rule.js';
import { regionProfiles } from './region-profiles.js';
import type { SafetyNote } from './region-safety-notes.js';
import { isSpinalRegion, type SpinalRegion } from './spinal-region.js';

/**
 * How a profile value relates to the source protocol:
 *
 * - `'stated'`: the protocol states it for this region (in the region's own section, or in its
 *   general section for every region).
 * - `'carried-over'`: the protocol states it only for another region (`carriedOverFrom`), and
 *   acuspine applies it to this region too. A reviewer should know that the source is silent here.
 * - `'reference'`: the protocol does not state it; it is a definition from the cited reference
 *   (anatomy, the ICD-10 classification).
 */
export type ValueBasis = 'stated' | 'carried-over' | 'reference';

/**
 * One value of a {@link RegionProfile} with where it comes from. Narrow on `basis` (or test
 * `stated`) before you rely on the value as the protocol's word for the region.
 *
 * @typeParam T - the type of the value.
 * @example
 * const minutes = regionProfile('cervical').sessionMinutes;
 * minutes.stated; // => false
 * if (minutes.basis === 'carried-over') minutes.carriedOverFrom; // => 'thoracic'
 */
export type ProfileValue<T> = StatedValue<T> | CarriedOverValue<T> | ReferenceValue<T>;

/** A value that the source protocol states for the region. */
export interface StatedValue<T> {
  /** Always `'stated'`. */
  readonly basis: 'stated';
  /** Always true: the protocol states this value for this region. */
  readonly stated: true;
  /** The value. */
  readonly value: T;
  /** The section of the protocol that states it. */
  readonly source: SourceCitation;
}

/** A value that the source protocol states only for another region, applied to this one by acuspine. */
export interface CarriedOverValue<T> {
  /** Always `'carried-over'`. */
  readonly basis: 'carried-over';
  /** Always false: the protocol does not state this value for this region. */
  readonly stated: false;
  /** The region whose section states the value. */
  readonly carriedOverFrom: SpinalRegion;
  /** The value. */
  readonly value: T;
  /** The section of the other region that states it, with a note on the carry-over. */
  readonly source: SourceCitation;
}

/** A value that the protocol does not state: a definition from a cited reference. */
export interface ReferenceValue<T> {
  /** Always `'reference'`. */
  readonly basis: 'reference';
  /** Always false: the value is not from the protocol. */
  readonly stated: false;
  /** The value. */
  readonly value: T;
  /** The reference that defines it. */
  readonly source: SourceCitation;
}

/** The groups of acupuncture points that the protocol names: local, segmental (near the affected segment), remote. */
export type PointGroup = 'local' | 'segmental' | 'remote';

/**
 * The ids of the four treatment phases that the protocol gives for the lumbosacral region, in
 * order: stop the pain from pinched nerve roots; ease muscle spasm and inflammation; restore
 * circulation and metabolism; consolidate the result.
 */
export type LumbosacralPhaseId =
  | 'nerve-pain'
  | 'spasm-and-inflammation'
  | 'circulation-and-metabolism'
  | 'consolidation';

/** One treatment phase of a region, in the protocol's order. */
export interface TreatmentPhase {
  /** A stable id. */
  readonly id: LumbosacralPhaseId;
  /** The phase's position, from 1. */
  readonly order: number;
  /** A short title (acuspine's wording). */
  readonly title: string;
  /** The protocol's section and item. */
  readonly source: SourceCitation;
}

/** The number of sessions in a course. */
export interface SessionCountRange {
  /** The fewest sessions the protocol gives for a course. */
  readonly min: number;
  /** The most sessions the protocol gives for a course. */
  readonly max: number;
  /** The usual course: the protocol's average of 10 sessions (its general section). */
  readonly typical: number;
}

/** The length of one session in minutes. */
export interface MinuteRange {
  /** The shortest session, in minutes. */
  readonly min: number;
  /** The longest session, in minutes. */
  readonly max: number;
}

/** How common the protocol says the region's osteochondrosis is, compared with the other two. */
export type RegionPrevalence = 'most-common' | 'rarest';

/** A phase of the disease: at rest or flaring. */
export type DiseasePhase = 'remission' | 'exacerbation';

/** When the protocol says the region may be treated. */
export interface TreatableWhen {
  /** `'any'`: at any stage of the disease. */
  readonly stage: 'any';
  /** The phases of the disease in which treatment may take place. */
  readonly diseasePhases: readonly DiseasePhase[];
}

/** A sensation that a patient may report during needling. */
export type SensationKind = 'numbness' | 'burning' | 'tingling' | 'cold';

/**
 * The sensations the protocol says a patient may report. The protocol's reading of them (their
 * diagnostic meaning) is its own interpretation and is not encoded.
 */
export interface ExpectedSensations {
  /** The kinds of sensation. */
  readonly kinds: readonly SensationKind[];
  /** How far the feeling of cold may spread: over the whole body or only locally. */
  readonly coldExtent: readonly ('general' | 'local')[];
  /** Whether the sensations may last for a while after the needles are removed. */
  readonly mayPersistAfterRemoval: boolean;
}

/** The ICD-10 codes of the region (WHO ICD-10, chapter XIII). */
export interface RegionIcd10 {
  /** The WHO site 5th characters of M40-M54 (except M50 and M51) that belong to the region. */
  readonly siteCharacters: readonly string[];
  /** The spinal osteochondrosis codes of the region: M42.0 (juvenile), M42.1 (adult), M42.9 (unspecified) with a site. */
  readonly osteochondrosisCodes: readonly string[];
  /** The disc-disorder category: M50 (cervical), or M51 (thoracic, thoracolumbar and lumbosacral together). */
  readonly discDisorderCategory: 'M50' | 'M51';
}

/** A risk that the protocol notes for a region. */
export interface RegionRisk {
  /** A stable id. */
  readonly id: 'organ-involvement';
  /** What the protocol notes, in acuspine's words. */
  readonly summary: string;
  /** The organs concerned. */
  readonly organs: readonly ('heart' | 'gastrointestinal-tract')[];
  /** The protocol's section. */
  readonly source: SourceCitation;
}

/**
 * Everything the source protocol says of one spinal region, each value with its source. A value
 * the protocol states only for another region is marked `carried-over`; a definition the
 * protocol does not give is marked `reference`; and a property is `undefined` where the protocol
 * says nothing of it for the region and nothing is carried over. Safety notes from the literature
 * sit apart, in `safetyNotes`.
 */
export interface RegionProfile {
  /** The region. */
  readonly region: SpinalRegion;
  /** The protocol's section on the region. */
  readonly section: SourceCitation;
  /** The vertebrae the region covers, as `C1`...`S5` (anatomy; the protocol names none). */
  readonly vertebrae: ProfileValue<readonly string[]>;
  /** The region's ICD-10 codes (the classification; the protocol names none). */
  readonly icd10: ProfileValue<RegionIcd10>;
  /** How common the protocol says the region is; `undefined` where it does not rank it. */
  readonly prevalence: ProfileValue<RegionPrevalence> | undefined;
  /** The number of sessions of a course. */
  readonly sessions: ProfileValue<SessionCountRange>;
  /** The length of a session, in minutes (stated for the thoracic region only). */
  readonly sessionMinutes: ProfileValue<MinuteRange>;
  /** The groups of points to select, in the protocol's order. */
  readonly pointGroups: ProfileValue<readonly PointGroup[]>;
  /**
   * Contralateral ("balance") selection: points chosen on the side opposite the complaint.
   * Present (value true) where the protocol describes it, `undefined` where it says nothing.
   */
  readonly contralateral: ProfileValue<true> | undefined;
  /** The treatment phases in order; empty where the protocol gives none. */
  readonly phases: readonly TreatmentPhase[];
  /** When treatment may take place; `undefined` where the protocol does not say. */
  readonly treatableWhen: ProfileValue<TreatableWhen> | undefined;
  /** The risks the protocol notes for the region. */
  readonly risks: readonly RegionRisk[];
  /** The sensations a patient may report; `undefined` where the protocol does not describe them. */
  readonly sensations: ProfileValue<ExpectedSensations> | undefined;
  /** Safety notes from the literature, NOT from the protocol, each with its citation. */
  readonly safetyNotes: readonly SafetyNote[];
}

/**
 * The profile of a region: the same frozen object as `regionProfiles[region]`.
 *
 * @param region - the region.
 * @returns the region's frozen profile.
 * @throws {TypeError} when `region` is not a {@link SpinalRegion} (use `parseRegion` for user input).
 * @example
 * regionProfile('thoracic').sessionMinutes.value; // => { min: 20, max: 40 }
 * regionProfile('lumbosacral').phases.map((phase) => phase.id);
 * // => ['nerve-pain', 'spasm-and-inflammation', 'circulation-and-metabolism', 'consolidation']
 */
export function regionProfile(region: SpinalRegion): RegionProfile {
  if (!isSpinalRegion(region)) {
    throw new TypeError(`regionProfile: expected 'cervical', 'thoracic' or 'lumbosacral', got ${String(region)}`);
  }
  return regionProfiles[region];
}
