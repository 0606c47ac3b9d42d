import type { LumbosacralPhaseId, PointGroup } from '../regions/region-profile.js';
import type { SpinalRegion } from '../regions/spinal-region.js';
import type { ProtocolRuleId } from '../screening/protocol-rules.js';
import type { SourceCitation } from '../screening/rule.js';
import type { RuleSetRef, Screening } from '../screening/screening.js';
import type { ProcedureStep } from './procedure-steps.js';
import type { StrictaSummary } from './stricta.js';
import type { Weekday } from './weekday.js';

/**
 * What {@link buildCourse} takes. Only `region`, `screening` and `start` are required; a setting
 * left out (or `undefined`, or `null`) takes its default, and the course records which did.
 *
 * @typeParam Fact - the names of the screening's rule set's own facts, if it declares any.
 */
export interface CourseRequest<Fact extends string = never> {
  /** The region to treat, as an id (use `parseRegion` for user input). */
  readonly region: SpinalRegion;
  /**
   * The patient's screening, as returned by `screen`. Only `eligible` and `caution` screenings
   * get a course; a `refer` screening (a red flag) is refused before anything else.
   */
  readonly screening: Screening<string, Fact>;
  /** The earliest date of the first session, `YYYY-MM-DD`. */
  readonly start: string;
  /** The number of sessions, a whole number. Default: the region's typical count (10). Outside 10-12 needs an `override`. */
  readonly sessions?: number | undefined;
  /** The minutes of each session, a whole number. Default 30 (see `courseDefaults`). Outside 20-40 needs an `override`. */
  readonly minutes?: number | undefined;
  /** The days of the week that sessions fall on, at least one, each once. Default `['mon', 'thu']`. */
  readonly weekdays?: readonly Weekday[] | undefined;
  /**
   * Select points on the side opposite the complaint (the balance method). Default false. The
   * protocol describes it for the cervical region only: for the other regions it needs an `override`.
   */
  readonly contralateral?: boolean | undefined;
  /** The doctor's decision to go outside the protocol, with the reason. Never lifts a contraindication. */
  readonly override?: CourseOverride | undefined;
}

/** The doctor's decision to plan a course outside the protocol's ranges. */
export interface CourseOverride {
  /** Why, in words: required, not blank. It is recorded in the course. */
  readonly reason: string;
  /** Who decided, for the record (a name or an id); optional, not blank when given. */
  readonly by?: string | undefined;
}

/** A setting that only an override can take outside the protocol. */
export type OverridableSetting = 'sessions' | 'minutes' | 'contralateral';

/** The override as the course records it. */
export interface CourseOverrideRecord {
  /** The reason given, trimmed. */
  readonly reason: string;
  /** Who decided, trimmed, when given. */
  readonly by?: string;
  /** The settings that lie outside the protocol because of the override; empty when none does. */
  readonly covers: readonly OverridableSetting[];
}

/** One setting of a course: its value, where it came from, and what it rests on. */
export interface CourseSetting<T> {
  /** The value used. */
  readonly value: T;
  /** `'request'` when the request gave it, `'default'` when acuspine's default was used. */
  readonly from: 'request' | 'default';
  /** True when the value lies outside what the protocol states for the region, by the override. */
  readonly outsideProtocol: boolean;
  /** The sources of the protocol range and of the default; empty when nothing in the protocol bears on the value. */
  readonly basis: readonly SourceCitation[];
  /** The region whose section states the range, when the protocol states it for another region only. */
  readonly carriedOverFrom?: SpinalRegion;
}

/** The settings a course was built with. */
export interface CourseSettings {
  /** The number of sessions. */
  readonly sessions: CourseSetting<number>;
  /** The minutes of each session. */
  readonly minutes: CourseSetting<number>;
  /** The weekdays of the sessions, in week order. */
  readonly weekdays: CourseSetting<readonly Weekday[]>;
  /** Whether points are selected on the side opposite the complaint. */
  readonly contralateral: CourseSetting<boolean>;
}

/** One session of a course. */
export interface Session {
  /** The session's number, from 1. */
  readonly number: number;
  /** The date, `YYYY-MM-DD`. */
  readonly date: string;
  /** The day of the week of `date`. */
  readonly weekday: Weekday;
  /** How long the needles stay in place, in minutes. */
  readonly minutes: number;
  /** The groups of points to select from; the points themselves are the practitioner's choice. */
  readonly pointGroups: readonly PointGroup[];
  /** Whether points are selected on the side opposite the complaint. */
  readonly contralateral: boolean;
  /** The steps of the session, in order. */
  readonly steps: readonly ProcedureStep[];
  /** The treatment phase (lumbosacral courses only; absent for the other regions). */
  readonly phase?: LumbosacralPhaseId;
}

/** A planned course of acupuncture for one region. Frozen. */
export interface Course {
  /** The region treated. */
  readonly region: SpinalRegion;
  /** The sessions, in order of date. */
  readonly sessions: readonly Session[];
  /** The settings used, each with where it came from. */
  readonly settings: CourseSettings;
  /** The override, when the request gave one. */
  readonly override: CourseOverrideRecord | undefined;
  /** The status of the screening the course was built from: `eligible` or `caution`. */
  readonly screeningStatus: 'eligible' | 'caution';
  /** The ids of the cautions found by the screening; the clinician weighs each one. */
  readonly cautions: readonly string[];
  /** The rule set, and its version, of the screening the course was built from. */
  readonly ruleSet: RuleSetRef;
  /**
   * The contraindications of the source protocol that the screening's rule set does not check
   * (the screening's `uncheckedProtocolRules`): nothing rules them out for this course. Empty
   * when the set checks them all.
   */
  readonly uncheckedProtocolRules: readonly ProtocolRuleId[];
  /** The sections of the source protocol that the course rests on, without repeats. */
  readonly protocolBasis: readonly SourceCitation[];
  /** Lumbosacral phases that no session falls in (only in an overridden course of fewer than four sessions). */
  readonly omittedPhases: readonly LumbosacralPhaseId[];
  /** The course described for research reports, by the STRICTA 2010 items. */
  readonly stricta: StrictaSummary;
}
