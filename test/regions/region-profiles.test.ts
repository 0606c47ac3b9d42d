import { describe, expect, test } from 'vitest';
import {
  PROTOCOL_TITLE,
  type ProfileValue,
  regionFromIcd10,
  regionProfile,
  regionProfiles,
  regionSafetyNotes,
  type SpinalRegion,
  spinalRegions,
} from '../../src/index.js';

const CERVICAL = 'Acupuncture for cervical osteochondrosis of the spine';
const THORACIC = 'Acupuncture for osteochondrosis of the thoracic region spine';
const LUMBOSACRAL = 'Acupuncture for lumbosacral osteochondrosis';
const sectionOf: Readonly<Record<SpinalRegion, string>> = {
  cervical: CERVICAL,
  thoracic: THORACIC,
  lumbosacral: LUMBOSACRAL,
};

function isDeeplyFrozen(value: unknown, seen = new Set<unknown>()): boolean {
  if (typeof value !== 'object' || value === null || seen.has(value)) return true;
  seen.add(value);
  return Object.isFrozen(value) && Object.values(value).every((inner) => isDeeplyFrozen(inner, seen));
}

function expectStated<T>(value: ProfileValue<T> | undefined, section: string): T {
  expect(value?.basis).toBe('stated');
  expect(value?.stated).toBe(true);
  expect(value?.source).toMatchObject({ title: PROTOCOL_TITLE, section });
  return value?.value as T;
}

describe('regionProfiles and regionProfile', () => {
  test('there is one profile per region, in region order, each naming its region', () => {
    expect(Object.keys(regionProfiles)).toEqual([...spinalRegions]);
    for (const region of spinalRegions) expect(regionProfiles[region].region).toBe(region);
  });

  test('regionProfile returns the very same frozen object as the record', () => {
    for (const region of spinalRegions) expect(regionProfile(region)).toBe(regionProfiles[region]);
  });

  test('the profiles are frozen all the way down', () => {
    expect(isDeeplyFrozen(regionProfiles)).toBe(true);
  });

  test('regionProfile throws a TypeError on a value that is not a region id', () => {
    expect(() => regionProfile('lumbar' as SpinalRegion)).toThrow(TypeError);
    expect(() => regionProfile('lumbar' as SpinalRegion)).toThrow(
      "regionProfile: expected 'cervical', 'thoracic' or 'lumbosacral', got lumbar",
    );
  });

  test('each profile cites its own section of the protocol', () => {
    for (const region of spinalRegions) {
      expect(regionProfiles[region].section).toEqual({ title: PROTOCOL_TITLE, section: sectionOf[region] });
    }
  });
});

describe('the values of the protocol, region by region (docs/regions-and-courses.md)', () => {
  test('how common: cervical the most common, thoracic the rarest, lumbosacral not ranked', () => {
    expect(expectStated(regionProfiles.cervical.prevalence, CERVICAL)).toBe('most-common');
    expect(expectStated(regionProfiles.thoracic.prevalence, THORACIC)).toBe('rarest');
    expect(regionProfiles.lumbosacral.prevalence).toBeUndefined();
  });

  test('sessions: 10-12, typically 10, stated in every region section', () => {
    for (const region of spinalRegions) {
      const sessions = expectStated(regionProfiles[region].sessions, sectionOf[region]);
      expect(sessions).toEqual({ min: 10, max: 12, typical: 10 });
      expect(regionProfiles[region].sessions.source.note).toContain('The essence of acupuncture');
    }
  });

  test('session minutes: 20-40 stated for the thoracic region, carried over from it to the others', () => {
    expect(expectStated(regionProfiles.thoracic.sessionMinutes, THORACIC)).toEqual({ min: 20, max: 40 });
    for (const region of ['cervical', 'lumbosacral'] as const) {
      const minutes = regionProfiles[region].sessionMinutes;
      expect(minutes).toMatchObject({
        basis: 'carried-over',
        stated: false,
        carriedOverFrom: 'thoracic',
        value: { min: 20, max: 40 },
        source: { title: PROTOCOL_TITLE, section: THORACIC },
      });
    }
  });

  test('point groups: local, segmental, remote, stated for cervical and thoracic, carried over for lumbosacral', () => {
    expect(expectStated(regionProfiles.cervical.pointGroups, CERVICAL)).toEqual(['local', 'segmental', 'remote']);
    expect(expectStated(regionProfiles.thoracic.pointGroups, THORACIC)).toEqual(['local', 'segmental', 'remote']);
    expect(regionProfiles.lumbosacral.pointGroups).toMatchObject({
      basis: 'carried-over',
      stated: false,
      carriedOverFrom: 'thoracic',
      value: ['local', 'segmental', 'remote'],
    });
  });

  test('contralateral (balance) selection is described for the cervical region only', () => {
    expect(expectStated(regionProfiles.cervical.contralateral, CERVICAL)).toBe(true);
    expect(regionProfiles.thoracic.contralateral).toBeUndefined();
    expect(regionProfiles.lumbosacral.contralateral).toBeUndefined();
  });

  test('phases: four for the lumbosacral region in the protocol order, each citing its item; none elsewhere', () => {
    const phases = regionProfiles.lumbosacral.phases;
    expect(phases.map((phase) => phase.id)).toEqual([
      'nerve-pain',
      'spasm-and-inflammation',
      'circulation-and-metabolism',
      'consolidation',
    ]);
    phases.forEach((phase, index) => {
      expect(phase.order).toBe(index + 1);
      expect(phase.title.length).toBeGreaterThan(0);
      expect(phase.source).toEqual({ title: PROTOCOL_TITLE, section: LUMBOSACRAL, item: index + 1 });
    });
    expect(regionProfiles.cervical.phases).toEqual([]);
    expect(regionProfiles.thoracic.phases).toEqual([]);
  });

  test('the lumbosacral region is treatable at any stage, in remission or exacerbation; the others do not say', () => {
    expect(expectStated(regionProfiles.lumbosacral.treatableWhen, LUMBOSACRAL)).toEqual({
      stage: 'any',
      diseasePhases: ['remission', 'exacerbation'],
    });
    expect(regionProfiles.cervical.treatableWhen).toBeUndefined();
    expect(regionProfiles.thoracic.treatableWhen).toBeUndefined();
  });

  test('risk: advanced thoracic disease may affect the heart and the gastrointestinal tract; none noted elsewhere', () => {
    expect(regionProfiles.thoracic.risks).toHaveLength(1);
    expect(regionProfiles.thoracic.risks[0]).toMatchObject({
      id: 'organ-involvement',
      organs: ['heart', 'gastrointestinal-tract'],
      source: { title: PROTOCOL_TITLE, section: THORACIC },
    });
    expect(regionProfiles.cervical.risks).toEqual([]);
    expect(regionProfiles.lumbosacral.risks).toEqual([]);
  });

  test('sensations (cervical): numbness, burning, tingling, cold, general or local, may persist after removal', () => {
    expect(expectStated(regionProfiles.cervical.sensations, CERVICAL)).toEqual({
      kinds: ['numbness', 'burning', 'tingling', 'cold'],
      coldExtent: ['general', 'local'],
      mayPersistAfterRemoval: true,
    });
    expect(regionProfiles.thoracic.sensations).toBeUndefined();
    expect(regionProfiles.lumbosacral.sensations).toBeUndefined();
  });
});

describe('values the protocol does not give are marked as reference values', () => {
  test('vertebrae: C1-C7, T1-T12, L1-L5 with S1-S5, from anatomy', () => {
    expect(regionProfiles.cervical.vertebrae.value).toEqual(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7']);
    expect(regionProfiles.thoracic.vertebrae.value).toHaveLength(12);
    expect(regionProfiles.thoracic.vertebrae.value[11]).toBe('T12');
    expect(regionProfiles.lumbosacral.vertebrae.value).toEqual([
      'L1',
      'L2',
      'L3',
      'L4',
      'L5',
      'S1',
      'S2',
      'S3',
      'S4',
      'S5',
    ]);
    for (const region of spinalRegions) {
      const vertebrae = regionProfiles[region].vertebrae;
      expect(vertebrae.basis).toBe('reference');
      expect(vertebrae.stated).toBe(false);
      expect(vertebrae.source.title).not.toBe(PROTOCOL_TITLE);
    }
  });

  test('ICD-10: the WHO site characters of M40-M54 and the disc categories M50 and M51', () => {
    expect(regionProfiles.cervical.icd10.value.siteCharacters).toEqual(['1', '2', '3']);
    expect(regionProfiles.thoracic.icd10.value.siteCharacters).toEqual(['4', '5']);
    expect(regionProfiles.lumbosacral.icd10.value.siteCharacters).toEqual(['6', '7', '8']);
    expect(regionProfiles.cervical.icd10.value.discDisorderCategory).toBe('M50');
    expect(regionProfiles.thoracic.icd10.value.discDisorderCategory).toBe('M51');
    expect(regionProfiles.lumbosacral.icd10.value.discDisorderCategory).toBe('M51');
    expect(regionProfiles.cervical.icd10.value.osteochondrosisCodes).toContain('M42.12');
    for (const region of spinalRegions) {
      expect(regionProfiles[region].icd10.basis).toBe('reference');
      expect(regionProfiles[region].icd10.source.title).toContain('ICD-10');
    }
  });

  test('every osteochondrosis code of a profile maps back to its region', () => {
    for (const region of spinalRegions) {
      const codes = regionProfiles[region].icd10.value.osteochondrosisCodes;
      expect(codes.length).toBe(3 * regionProfiles[region].icd10.value.siteCharacters.length);
      for (const code of codes) expect(regionFromIcd10(code), code).toBe(region);
    }
  });
});

describe('safety notes from the literature', () => {
  test('are the same arrays as regionSafetyNotes and never cite the protocol', () => {
    for (const region of spinalRegions) {
      expect(regionProfiles[region].safetyNotes).toBe(regionSafetyNotes[region]);
      for (const note of regionSafetyNotes[region]) {
        expect(note.source.title).not.toBe(PROTOCOL_TITLE);
        expect(note.summary.length).toBeGreaterThan(0);
      }
    }
  });

  test('thoracic: pneumothorax and oblique needling of the chest and back (WHO 1999, section 5.2)', () => {
    const notes = regionSafetyNotes.thoracic;
    expect(notes.map((note) => note.id)).toContain('pneumothorax');
    expect(notes.find((note) => note.id === 'pneumothorax')?.source.title).toContain('White A');
    expect(notes.find((note) => note.id === 'pneumothorax')?.summary).toContain('200,000');
    expect(notes.find((note) => note.id === 'oblique-needling-of-chest-and-back')?.source).toMatchObject({
      title: expect.stringContaining('WHO'),
      section: '5.2',
    });
  });

  test('cervical: deep needling of the nape near GV16', () => {
    const [note] = regionSafetyNotes.cervical;
    expect(note?.id).toBe('deep-needling-of-the-nape');
    expect(note?.summary).toContain('GV16');
    expect(note?.source.title).toContain('Headache 2000');
    expect(note?.source.note).toContain('BMJ Open 2021');
  });

  test('lumbosacral: no lumbosacral points in pregnancy (WHO 1999, section 2.1)', () => {
    expect(regionSafetyNotes.lumbosacral.map((note) => note.id)).toEqual(['lumbosacral-points-in-pregnancy']);
    expect(regionSafetyNotes.lumbosacral[0]?.source.section).toBe('2.1');
  });
});
