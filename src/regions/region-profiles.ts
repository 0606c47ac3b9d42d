// The region profiles: what the source protocol says of each region, value by value, with the
// section that says it. Values the protocol states for another region only are marked
// carried-over; anatomy and codes, which the protocol does not give, are marked reference.

import { deepFreeze } from '../_internal/freeze.js';
import type { SourceCitation } from '../screening/rule.js';
import {
  CERVICAL_SECTION,
  ESSENCE_SECTION,
  LUMBOSACRAL_SECTION,
  protocolSection,
  REGION_SECTIONS,
  THORACIC_SECTION,
} from './protocol-sections.js';
import type {
  CarriedOverValue,
  ExpectedSensations,
  LumbosacralPhaseId,
  MinuteRange,
  PointGroup,
  ReferenceValue,
  RegionIcd10,
  RegionPrevalence,
  RegionProfile,
  RegionRisk,
  SessionCountRange,
  StatedValue,
  TreatableWhen,
  TreatmentPhase,
} from './region-profile.js';
import { cervicalSafetyNotes, lumbosacralSafetyNotes, thoracicSafetyNotes } from './region-safety-notes.js';
import type { SpinalRegion } from './spinal-region.js';

/* @__NO_SIDE_EFFECTS__ */
const stated = <T>(value: T, source: SourceCitation): StatedValue<T> => ({
  basis: 'stated',
  stated: true,
  value,
  source,
});

/* @__NO_SIDE_EFFECTS__ */
const carriedOver = <T>(value: T, from: SpinalRegion, what: string): CarriedOverValue<T> => ({
  basis: 'carried-over',
  stated: false,
  carriedOverFrom: from,
  value,
  source: protocolSection(REGION_SECTIONS[from], {
    note: `${what} stated for the ${from} region only; acuspine applies it to this region`,
  }),
});

/* @__NO_SIDE_EFFECTS__ */
const reference = <T>(value: T, source: SourceCitation): ReferenceValue<T> => ({
  basis: 'reference',
  stated: false,
  value,
  source,
});

const ANATOMY: SourceCitation = {
  title: 'Federative International Programme for Anatomical Terminology. Terminologia Anatomica, 2nd ed., 2019',
  note: 'vertebrae cervicales C1-C7, thoracicae T1-T12, lumbales L1-L5, os sacrum (vertebrae sacrales S1-S5)',
};

const ICD10: SourceCitation = {
  title: 'WHO. International Statistical Classification of Diseases and Related Problems, 10th revision (ICD-10)',
  section: 'Chapter XIII, Dorsopathies (M40-M54): site subdivisions; M42 spinal osteochondrosis; M50, M51',
};

/* @__NO_SIDE_EFFECTS__ */
const segments = (prefix: string, count: number): string[] =>
  Array.from({ length: count }, (_, index) => `${prefix}${index + 1}`);

/* @__NO_SIDE_EFFECTS__ */
const lumbosacralVertebrae = (): string[] => [...segments('L', 5), ...segments('S', 5)];

/* @__NO_SIDE_EFFECTS__ */
const icd10 = (sites: readonly string[], discDisorderCategory: 'M50' | 'M51'): RegionIcd10 => ({
  siteCharacters: sites,
  osteochondrosisCodes: ['0', '1', '9'].flatMap((form) => sites.map((site) => `M42.${form}${site}`)),
  discDisorderCategory,
});

/* @__NO_SIDE_EFFECTS__ */
const sessions = (section: string): StatedValue<SessionCountRange> =>
  stated(
    { min: 10, max: 12, typical: 10 },
    protocolSection(section, {
      note: `10-12 sessions from this section; the typical 10 is the average course of the section '${ESSENCE_SECTION}'`,
    }),
  );

const MINUTES: MinuteRange = { min: 20, max: 40 };
const POINT_GROUPS: readonly PointGroup[] = ['local', 'segmental', 'remote'];

/* @__NO_SIDE_EFFECTS__ */
const phase = (id: LumbosacralPhaseId, order: number, title: string): TreatmentPhase => ({
  id,
  order,
  title,
  source: protocolSection(LUMBOSACRAL_SECTION, { item: order }),
});

const cervical: RegionProfile = {
  region: 'cervical',
  section: protocolSection(CERVICAL_SECTION),
  vertebrae: reference(segments('C', 7), ANATOMY),
  icd10: reference(icd10(['1', '2', '3'], 'M50'), ICD10),
  prevalence: stated<RegionPrevalence>('most-common', protocolSection(CERVICAL_SECTION)),
  sessions: sessions(CERVICAL_SECTION),
  sessionMinutes: carriedOver(MINUTES, 'thoracic', 'session length'),
  pointGroups: stated(POINT_GROUPS, protocolSection(CERVICAL_SECTION)),
  contralateral: stated<true>(
    true,
    protocolSection(CERVICAL_SECTION, {
      note: 'the balance method: points chosen on the side opposite the complaint, described as a common approach',
    }),
  ),
  phases: [],
  treatableWhen: undefined,
  risks: [],
  sensations: stated<ExpectedSensations>(
    {
      kinds: ['numbness', 'burning', 'tingling', 'cold'],
      coldExtent: ['general', 'local'],
      mayPersistAfterRemoval: true,
    },
    protocolSection(CERVICAL_SECTION),
  ),
  safetyNotes: cervicalSafetyNotes,
};

const thoracic: RegionProfile = {
  region: 'thoracic',
  section: protocolSection(THORACIC_SECTION),
  vertebrae: reference(segments('T', 12), ANATOMY),
  icd10: reference(icd10(['4', '5'], 'M51'), ICD10),
  prevalence: stated<RegionPrevalence>('rarest', protocolSection(THORACIC_SECTION)),
  sessions: sessions(THORACIC_SECTION),
  sessionMinutes: stated(MINUTES, protocolSection(THORACIC_SECTION)),
  pointGroups: stated(POINT_GROUPS, protocolSection(THORACIC_SECTION)),
  contralateral: undefined,
  phases: [],
  treatableWhen: undefined,
  risks: [
    {
      id: 'organ-involvement',
      summary: 'In advanced disease, the working of the heart and of the gastrointestinal tract may be affected.',
      organs: ['heart', 'gastrointestinal-tract'],
      source: protocolSection(THORACIC_SECTION),
    } satisfies RegionRisk,
  ],
  sensations: undefined,
  safetyNotes: thoracicSafetyNotes,
};

const lumbosacral: RegionProfile = {
  region: 'lumbosacral',
  section: protocolSection(LUMBOSACRAL_SECTION),
  vertebrae: reference(lumbosacralVertebrae(), ANATOMY),
  icd10: reference(icd10(['6', '7', '8'], 'M51'), ICD10),
  prevalence: undefined,
  sessions: sessions(LUMBOSACRAL_SECTION),
  sessionMinutes: carriedOver(MINUTES, 'thoracic', 'session length'),
  pointGroups: carriedOver(
    POINT_GROUPS,
    'thoracic',
    'local, segmental and remote points (named in the cervical section too)',
  ),
  contralateral: undefined,
  phases: [
    phase('nerve-pain', 1, 'Stop the pain from pinched nerve roots'),
    phase('spasm-and-inflammation', 2, 'Ease muscle spasm and inflammation'),
    phase('circulation-and-metabolism', 3, 'Restore circulation and metabolism'),
    phase('consolidation', 4, 'Consolidate the result'),
  ],
  treatableWhen: stated<TreatableWhen>(
    { stage: 'any', diseasePhases: ['remission', 'exacerbation'] },
    protocolSection(LUMBOSACRAL_SECTION),
  ),
  risks: [],
  sensations: undefined,
  safetyNotes: lumbosacralSafetyNotes,
};

/**
 * The profiles of the three regions, as the source protocol describes them, frozen. See
 * {@link RegionProfile} for the fields and {@link ProfileValue} for how each value is sourced.
 *
 * | | cervical | thoracic | lumbosacral |
 * |---|---|---|---|
 * | prevalence | most common | rarest | not ranked |
 * | sessions | 10-12, typically 10 | 10-12, typically 10 | 10-12, typically 10 |
 * | minutes | 20-40 (carried over from thoracic) | 20-40 | 20-40 (carried over from thoracic) |
 * | point groups | local, segmental, remote | local, segmental, remote | the same (carried over from thoracic) |
 * | contralateral (balance) selection | described | not stated | not stated |
 * | phases | none | none | four, in order |
 * | treatable | not stated | not stated | any stage, remission or exacerbation |
 * | risk noted | none | heart and gastrointestinal tract in advanced disease | none |
 * | sensations | numbness, burning, tingling, cold; may persist | not stated | not stated |
 *
 * @example
 * regionProfiles.cervical.prevalence?.value; // => 'most-common'
 * regionProfiles.lumbosacral.sessionMinutes.stated; // => false (carried over from thoracic)
 */
export const regionProfiles: Readonly<Record<SpinalRegion, RegionProfile>> = /* @__PURE__ */ deepFreeze({
  cervical,
  thoracic,
  lumbosacral,
});
