// Which lumbosacral phase each session of a course falls in. The protocol orders the four phases
// but gives them no lengths, so the layout is acuspine's choice, documented on buildCourse:
// - four or more sessions: near-equal blocks in the protocol's order, every phase at least one
//   session, the earlier phases taking one extra session each while the remainder lasts
//   (10 -> 3, 3, 2, 2; 13 -> 4, 3, 3, 3);
// - fewer than four (only with an override): the first session opens the first phase, the last
//   closes the course in consolidation, and the phases in between are filled in order while
//   sessions last (1 -> nerve-pain; 2 -> nerve-pain, consolidation; 3 -> nerve-pain,
//   spasm-and-inflammation, consolidation). The phases left out are recorded in the course.
import type { LumbosacralPhaseId } from '../regions/region-profile.js';

export function layoutPhases(order: readonly LumbosacralPhaseId[], sessionCount: number): LumbosacralPhaseId[] {
  const phaseCount = order.length;
  // Stryker disable next-line EqualityOperator: equivalent, with as many sessions as phases both branches give one session per phase
  if (sessionCount >= phaseCount) {
    const base = Math.floor(sessionCount / phaseCount);
    const extra = sessionCount % phaseCount;
    return order.flatMap((phase, index) => Array<LumbosacralPhaseId>(base + (index < extra ? 1 : 0)).fill(phase));
  }
  if (sessionCount <= 0) return [];
  if (sessionCount === 1) return [order[0] as LumbosacralPhaseId];
  return [...order.slice(0, sessionCount - 1), order[phaseCount - 1] as LumbosacralPhaseId];
}
