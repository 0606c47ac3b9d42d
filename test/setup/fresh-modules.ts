// Setup of the mutation runs only (their projects in vitest.config.ts). They keep one worker for all
// test files and all mutants (isolate: false), which saves starting a worker per file, but then
// a module would be evaluated once and kept: a mutant in module-level code (a rule set, a data
// table) would never be seen, and a screening cached under one mutant would leak into the next.
// So the module registry is cleared whenever the mutant changes: the first test file of each
// mutant's run imports src/ afresh, and the other files of that run share those modules.
import { inject, vi } from 'vitest';

const injected = inject as (key: string) => unknown;
const run = `${String(injected('mode'))}:${String(injected('activeMutant'))}`;
const state = globalThis as { __acuspineModulesOf?: string };
if (state.__acuspineModulesOf !== run) {
  vi.resetModules();
  state.__acuspineModulesOf = run;
}
