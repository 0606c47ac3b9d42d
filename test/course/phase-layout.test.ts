import { describe, expect, it } from 'vitest';
import { layoutPhases } from '../../src/course/phase-layout.js';
import { regionProfiles } from '../../src/index.js';

// The internal layout behind buildCourse's lumbosacral phases; buildCourse never asks for fewer
// than one session, but the layout is a function of its own and answers every count.
const order = regionProfiles.lumbosacral.phases.map((phase) => phase.id);

describe('layoutPhases', () => {
  it('lays out no phase for no sessions', () => {
    expect(layoutPhases(order, 0)).toEqual([]);
    expect(layoutPhases(order, -1)).toEqual([]);
  });

  it('gives one session per phase for as many sessions as phases', () => {
    expect(layoutPhases(order, order.length)).toEqual(order);
  });
});
