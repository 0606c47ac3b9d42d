// Generated rule sets, fact mappings and records for the SQL engines' property tests: each record
// is written twice, as a row for the engine and as the record that `screen` reads, so that the
// engine's answer can be compared with the library's.
import { fc } from '@fast-check/vitest';
import { type BooleanFactName, defineRuleSet, type RuleSet } from '../../src/index.js';
import type { SqlFactSource } from '../../src/sql/index.js';

/** Shipped facts and a clinic's own, which the generated rules read. */
export const factPool = ['pregnant', 'epilepsy', 'nightPain', 'pacemaker', 'clinicA', 'clinicB'] as const;
export type PoolFact = (typeof factPool)[number];

/** How a fact is stored: a boolean column, a 0/1 column, or a text column of codes. */
export type Storage = 'boolean' | 'zero-one' | 'codes';
export type State = 'missing' | 'false' | 'true' | 'invalid';

const booleanRule = fc.record({
  kind: fc.constantFrom('absolute' as const, 'relative' as const, 'referral' as const),
  type: fc.constantFrom('any' as const, 'all' as const),
  facts: fc.uniqueArray(fc.constantFrom(...factPool), { minLength: 1, maxLength: 3 }),
});
const ageCondition = fc
  .record({ under: fc.integer({ min: 0, max: 20 }), span: fc.integer({ min: 0, max: 80 }) })
  .map(({ under, span }) => ({ type: 'age-outside' as const, under, over: under + span }));

export const ruleSets = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: booleanRule },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constantFrom('absolute' as const, 'relative' as const, 'referral' as const),
          when: ageCondition,
        }),
      },
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map(
    (rules) =>
      defineRuleSet({
        id: "generated's set",
        version: '1',
        facts: {
          clinicA: { label: { en: 'Clinic fact A' } },
          clinicB: { label: { en: 'Clinic fact B' } },
        },
        rules: rules.map((rule, index) => ({
          id: `rule-${index}`,
          kind: rule.kind,
          ...(rule.kind === 'referral'
            ? { urgency: (['emergency', 'urgent', 'routine'] as const)[index % 3], evidence: 'generated' }
            : {}),
          when: 'when' in rule ? rule.when : { type: rule.type, facts: rule.facts as unknown as BooleanFactName[] },
          source: { title: 'Generated' },
        })) as never,
      }) as unknown as RuleSet<string, string>,
  );

/** The facts a set reads, in the order the screening lists them. */
export function factsRead(ruleSet: RuleSet<string, string>): string[] {
  const facts: string[] = [];
  for (const rule of ruleSet.rules) {
    for (const fact of rule.when.type === 'age-outside' ? ['ageYears'] : rule.when.facts) {
      if (!facts.includes(fact)) facts.push(fact);
    }
  }
  return facts;
}

export const storages = fc.record(
  Object.fromEntries(
    factPool.map((fact) => [fact, fc.constantFrom<Storage>('boolean', 'zero-one', 'codes')]),
  ) as Record<PoolFact, fc.Arbitrary<Storage>>,
);

/** Ages at every edge of the rules and of validity. */
export const ages = fc.oneof(
  fc.constantFrom(null, 0, 2.999, 3, 40, 75.999, 76, 149.99, 150, -1, -0.5, 1000),
  fc.double({ min: 0, max: 160, noNaN: true }),
);

/**
 * Records of the pool's facts stored as `storage` says. A typed boolean column holds no invalid
 * value; an engine without booleans (numericBooleans) stores any number there. SQLite stores NaN as
 * NULL, so only engines that keep NaN (allowNaN) get it.
 */
export const records = (storage: Record<PoolFact, Storage>, engine: { allowNaN: boolean; numericBooleans: boolean }) =>
  fc.record({
    ageYears: engine.allowNaN ? fc.oneof(ages, fc.constant(Number.NaN)) : ages,
    group: fc.constantFrom('north', 'south', 'east-2', 'east-10'),
    ...Object.fromEntries(
      factPool.map((fact) => [
        fact,
        storage[fact] === 'boolean' && !engine.numericBooleans
          ? fc.constantFrom<State>('missing', 'false', 'true')
          : fc.constantFrom<State>('missing', 'false', 'true', 'invalid'),
      ]),
    ),
  }) as fc.Arbitrary<{ ageYears: number | null; group: string } & Record<PoolFact, State>>;

/** The value a record holds for `screen`. */
export function jsValue(state: State): unknown {
  return state === 'missing' ? undefined : state === 'true' ? true : state === 'false' ? false : 'not a boolean';
}

/** The value of a row's cell, by storage; `numericBooleans` for engines whose booleans are 1 and 0. */
export function cellValue(state: State, storage: Storage, numericBooleans: boolean): unknown {
  if (state === 'missing') return null;
  if (storage === 'codes') return { true: 'Y', false: 'N', invalid: 'unknown code' }[state];
  if (storage === 'zero-one' || numericBooleans) return { true: 1, false: 0, invalid: 2 }[state];
  return state === 'true';
}

/** The mapping of a fact stored so, read from a column of its own name. */
export function mappingOf(fact: string, storage: Storage): SqlFactSource {
  if (storage === 'codes') return { column: fact, as: 'codes', yes: ['Y', 'yes'], no: ['N'] };
  return storage === 'zero-one' ? { column: fact, as: 'zero-one' } : { column: fact };
}
