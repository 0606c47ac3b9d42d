import { ESSENCE_SECTION, protocolSection } from '../regions/protocol-sections.js';
import type { SourceCitation } from '../screening/rule.js';

/**
 * The ids of the steps of one session, in the order the protocol gives them: treat the site
 * with an antiseptic, insert the needles, leave them in place, remove them, treat the site with
 * an antiseptic again.
 */
export type ProcedureStepId =
  | 'antiseptic-before'
  | 'insert-needles'
  | 'retain-needles'
  | 'remove-needles'
  | 'antiseptic-after';

/**
 * The step ids in the protocol's order.
 *
 * @example
 * procedureStepIds;
 * // => ['antiseptic-before', 'insert-needles', 'retain-needles', 'remove-needles', 'antiseptic-after']
 */
export const procedureStepIds: readonly ProcedureStepId[] = Object.freeze([
  'antiseptic-before',
  'insert-needles',
  'retain-needles',
  'remove-needles',
  'antiseptic-after',
] as const);

/** One step of a session: an action, or the retention of the needles for a number of minutes. */
export type ProcedureStep = ProcedureAction | NeedleRetention;

/** A step that is an action with no duration of its own. */
export interface ProcedureAction {
  /** The step. */
  readonly id: Exclude<ProcedureStepId, 'retain-needles'>;
}

/** The needles stay in place for the session's minutes. */
export interface NeedleRetention {
  /** Always `'retain-needles'`. */
  readonly id: 'retain-needles';
  /** How long the needles stay in place, in minutes. */
  readonly minutes: number;
}

/**
 * Where the steps come from: the protocol's general section.
 *
 * @example
 * PROCEDURE_SOURCE.section; // => 'The essence of acupuncture'
 */
export const PROCEDURE_SOURCE: SourceCitation = /* @__PURE__ */ protocolSection(ESSENCE_SECTION, {
  note: 'antiseptic before insertion, needles left in place for a period, removed, antiseptic after removal',
});

const ANTISEPTIC_BEFORE: ProcedureAction = Object.freeze({ id: 'antiseptic-before' });
const INSERT: ProcedureAction = Object.freeze({ id: 'insert-needles' });
const REMOVE: ProcedureAction = Object.freeze({ id: 'remove-needles' });
const ANTISEPTIC_AFTER: ProcedureAction = Object.freeze({ id: 'antiseptic-after' });

/** The frozen steps of a session of the given length. */
export function procedureSteps(minutes: number): readonly ProcedureStep[] {
  return Object.freeze([
    ANTISEPTIC_BEFORE,
    INSERT,
    Object.freeze({ id: 'retain-needles', minutes }),
    REMOVE,
    ANTISEPTIC_AFTER,
  ]);
}
