// Setup of the mutation run over src/screening and src/facts only (mutation-core in vitest.config.ts).
// Loads the package before any test, so that Stryker always counts the code that runs while
// modules load (the rule sets' data) as static, and runs every test for its mutants. Otherwise,
// which test imported the package first would decide. If test/index.test.ts came first, that
// code would count as covered by its one test, and the tests of the rules would never see those
// mutants. A package that fails to load is left to test/index.test.ts, which reports it as a
// failing test.
try {
  await import('../../src/index.js');
} catch {
  // Reported by test/index.test.ts.
}
