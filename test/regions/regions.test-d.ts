import { describe, expectTypeOf, test } from 'vitest';
import {
  type LumbosacralPhaseId,
  type MinuteRange,
  type PointGroup,
  type ProfileValue,
  parseRegion,
  type RegionProfile,
  type Result,
  regionFromIcd10,
  regionProfile,
  regionProfiles,
  type SpinalRegion,
  spinalRegions,
} from '../../src/index.js';

describe('region types', () => {
  test('SpinalRegion is the union of the three ids', () => {
    expectTypeOf<SpinalRegion>().toEqualTypeOf<'cervical' | 'thoracic' | 'lumbosacral'>();
    expectTypeOf(spinalRegions).toEqualTypeOf<readonly SpinalRegion[]>();
  });

  test('regionFromIcd10 takes a string (or any value) and may answer undefined', () => {
    expectTypeOf(regionFromIcd10('M42.12')).toEqualTypeOf<SpinalRegion | undefined>();
    expectTypeOf(regionFromIcd10(42 as unknown)).toEqualTypeOf<SpinalRegion | undefined>();
  });

  test('parseRegion accepts unknown and returns a Result of a region', () => {
    expectTypeOf(parseRegion).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(parseRegion).returns.toEqualTypeOf<Result<SpinalRegion>>();
  });

  test('profiles are readonly and keyed by region', () => {
    expectTypeOf(regionProfiles).toEqualTypeOf<Readonly<Record<SpinalRegion, RegionProfile>>>();
    expectTypeOf(regionProfile).returns.toEqualTypeOf<RegionProfile>();
    expectTypeOf(regionProfiles.cervical.sessionMinutes).toEqualTypeOf<ProfileValue<MinuteRange>>();
    expectTypeOf(regionProfiles.cervical.pointGroups.value).toEqualTypeOf<readonly PointGroup[]>();
    expectTypeOf(regionProfiles.lumbosacral.phases[0]!.id).toEqualTypeOf<LumbosacralPhaseId>();
  });

  test('carriedOverFrom is only reachable after narrowing on basis', () => {
    const minutes = regionProfiles.cervical.sessionMinutes;
    // @ts-expect-error carriedOverFrom does not exist on every ProfileValue
    minutes.carriedOverFrom;
    if (minutes.basis === 'carried-over') expectTypeOf(minutes.carriedOverFrom).toEqualTypeOf<SpinalRegion>();
    if (minutes.stated) expectTypeOf(minutes.basis).toEqualTypeOf<'stated'>();
  });

  test('profile values cannot be reassigned', () => {
    // @ts-expect-error readonly
    regionProfiles.cervical.region = 'thoracic';
  });
});
