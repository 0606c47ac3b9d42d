// A rule set compiled to SQL: the options read and checked (every problem an issue with its
// path), then the common table expressions that give, per record, the code of each input, the
// outcome of each rule and what the final SELECTs of screeningSql and cohortSummarySql read.
//
// The facts become small integer codes before any logic runs (0 missing, 1 false, 2 true, 3
// invalid, as in the interpreter behind `screen`), so every condition below is two-valued and
// reads alike in every engine: no engine's NULL logic, boolean type or cast decides an outcome.
import { parseIsoDate } from '../_internal/iso-date.js';
import { readProperty } from '../_internal/read-property.js';
import { type Issue, issue } from '../_internal/result.js';
import { MAX_AGE_YEARS } from '../facts/patient-facts.js';
import { programOf } from '../screening/define-rule-set.js';
import { protocolRuleSet } from '../screening/protocol-rule-set.js';
import type { RuleSet } from '../screening/rule.js';
import { type Dialect, dialects, type SqlDialect, sqlDialects } from './dialects.js';
import type { SqlAgeSource, SqlFactSource } from './sql-options.js';

/** A checked rule set with every input, rule and fact numbered, ready to be written in a dialect. */
export interface Compiled {
  readonly dialect: Dialect;
  readonly ruleSet: RuleSet<string, string>;
  /** The common table expressions, without the WITH. */
  readonly ctes: string;
  /** The relation the final SELECT reads: one row per record, with `kept` and the columns below. */
  readonly relation: string;
  /** Whether the relation carries `acuspine_group`, the group key as text. */
  readonly grouped: boolean;
  /** Columns carried through, quoted. */
  readonly kept: readonly { readonly name: string; readonly quoted: string }[];
  /** Per rule, in order: its id, kind and the column of its outcome code (0 absent, 1 present, 2 unknown). */
  readonly rules: readonly { readonly id: string; readonly kind: string; readonly column: string }[];
  /** Per fact read, in the order screen lists facts: its name and the column of its code (0, 3, or another value). */
  readonly facts: readonly { readonly name: string; readonly column: string; readonly rules: readonly string[] }[];
}

export const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
/** Whether `text` holds a control character, which no literal or name is written with. */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** Characters that quote a name or a literal in some dialect, or escape in one. */
const QUOTES = /["`[\]'\\]/;
const SCREENING_OPTIONS = ['dialect', 'from', 'ruleSet', 'facts', 'keep'];
const SUMMARY_OPTIONS = ['dialect', 'from', 'ruleSet', 'facts', 'groupBy'];
/** Names of the queries' own columns start so; a kept column may not. */
const OWN_PREFIX = 'acuspine_';

/** Reads and checks the options that screeningSql and cohortSummarySql share, or lists the issues. */
export function compile(given: unknown, issues: Issue[], grouping = false, prefix = 'acuspine_'): Compiled | undefined {
  const dialect = readDialect(given, grouping ? SUMMARY_OPTIONS : SCREENING_OPTIONS, 'dialect and from', issues);
  if (dialect === undefined) return undefined;
  // readDialect found an object.
  const options = given as object;
  const ruleSet = readRuleSet(readProperty(options, 'ruleSet'), issues);
  const from = readRelation(readProperty(options, 'from'), ['from'], dialect, issues);
  const kept = readKept(readProperty(options, 'keep'), dialect, issues);
  const groupBy = readProperty(options, 'groupBy');
  const group = grouping && groupBy !== undefined ? readGroup(groupBy, dialect, issues) : undefined;
  const mapping = readProperty(options, 'facts');
  if (mapping !== undefined && (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping))) {
    issues.push(issue('invalid-type', ['facts'], 'facts must be an object: for each fact, where it is'));
  }
  if (ruleSet === undefined) return undefined;
  for (const text of [ruleSet.id, ruleSet.version]) {
    if (hasControlCharacter(text)) {
      issues.push(issue('unwritable-text', ['ruleSet'], 'the rule set id and version must hold no control character'));
    }
  }
  ruleSet.rules.forEach((rule, index) => {
    // A rule id names an output column: no quote of any dialect, no control character, and no
    // longer than PostgreSQL keeps a name (63 bytes), so that no engine cuts two ids to one.
    if (hasControlCharacter(rule.id) || QUOTES.test(rule.id) || utf8Length(rule.id) > 63) {
      issues.push(
        issue(
          'unwritable-rule-id',
          ['ruleSet', 'rules', index, 'id'],
          `the rule id "${rule.id}" cannot name a column: at most 63 bytes, without quotes, backslashes or control characters`,
        ),
      );
    }
  });

  // Inputs as the interpreter numbers them: one per fact, and one per distinct age condition.
  const factOrder: string[] = [];
  const ageBounds: { under: number; over: number }[] = [];
  const ruleInputs: { kind: string; id: string; type: string; inputs: string[] }[] = [];
  for (const rule of ruleSet.rules) {
    const when = rule.when;
    if (when.type === 'age-outside') {
      if (!factOrder.includes('ageYears')) factOrder.push('ageYears');
      let index = ageBounds.findIndex((bounds) => bounds.under === when.under && bounds.over === when.over);
      if (index < 0) index = ageBounds.push({ under: when.under, over: when.over }) - 1;
      ruleInputs.push({ kind: rule.kind, id: rule.id, type: 'age', inputs: [`acuspine_age_${index}`] });
    } else {
      for (const fact of when.facts) if (!factOrder.includes(fact)) factOrder.push(fact);
      ruleInputs.push({
        kind: rule.kind,
        id: rule.id,
        type: when.type,
        inputs: when.facts.map((fact) => `acuspine_f_${factOrder.indexOf(fact)}`),
      });
    }
  }
  for (const key of mapping !== undefined && mapping !== null && typeof mapping === 'object'
    ? Object.keys(mapping)
    : []) {
    if (!factOrder.includes(key)) {
      issues.push(issue('unread-fact', ['facts', key], `the rule set reads no fact "${key}"`));
    }
  }
  const sources = factOrder.map((fact) => {
    const given = mapping !== null && typeof mapping === 'object' ? readProperty(mapping, fact) : undefined;
    return fact === 'ageYears' ? readAgeSource(given, dialect, issues) : readFactSource(fact, given, dialect, issues);
  });
  if (issues.length > 0 || from === undefined || kept === undefined) return undefined;

  const keptColumns = [...kept.map((column) => column.quoted), ...(group === undefined ? [] : ['acuspine_group'])];
  const factColumn = (index: number) => `acuspine_f_${index}`;

  // 1. The facts as codes, and the age as a number of years.
  const firstSelect = [
    ...kept.map((column) => column.quoted),
    ...(group === undefined ? [] : [`${dialect.asText(group)} AS acuspine_group`]),
    ...factOrder.map((_, index) => `${sources[index] as string} AS ${factColumn(index)}`),
  ];
  // 2. The age conditions as codes.
  const ageIndex = factOrder.indexOf('ageYears');
  const age = factColumn(ageIndex);
  const secondSelect = [
    ...keptColumns,
    ...factOrder.map((fact, index) =>
      fact === 'ageYears'
        ? `CASE WHEN ${age} IS NULL THEN 0 WHEN ${age} >= 0 AND ${age} < ${MAX_AGE_YEARS} THEN 1 ELSE 3 END AS ${factColumn(index)}`
        : factColumn(index),
    ),
    ...ageBounds.map(
      ({ under, over }, index) =>
        `CASE WHEN ${age} IS NULL THEN 0 WHEN ${age} >= 0 AND ${age} < ${MAX_AGE_YEARS} THEN CASE WHEN ${dialect.wholeYears(age)} < ${under} OR ${dialect.wholeYears(age)} > ${over} THEN 2 ELSE 1 END ELSE 3 END AS acuspine_age_${index}`,
    ),
  ];
  // 3. The rules' outcomes: 0 absent, 1 present, 2 unknown.
  const ruleColumn = (index: number) => `acuspine_r_${index}`;
  const thirdSelect = [
    ...keptColumns,
    ...factOrder.map((_, index) => factColumn(index)),
    ...ruleInputs.map(({ type, inputs }, index) => {
      const any = (state: number) => inputs.map((input) => `${input} = ${state}`).join(' OR ');
      const all = (state: number) => inputs.map((input) => `${input} = ${state}`).join(' AND ');
      const outcome =
        type === 'all'
          ? `CASE WHEN ${any(1)} THEN 0 WHEN ${all(2)} THEN 1 ELSE 2 END`
          : `CASE WHEN ${any(2)} THEN 1 WHEN ${all(1)} THEN 0 ELSE 2 END`;
      return `${outcome} AS ${ruleColumn(index)}`;
    }),
  ];
  // The names of the steps start with `prefix`, so that one query may hold two chains.
  const ctes = [
    ...(from.with === undefined ? [] : [from.with]),
    `${prefix}facts AS (SELECT ${firstSelect.join(', ')} FROM ${from.relation} AS acuspine_source)`,
    `${prefix}inputs AS (SELECT ${secondSelect.join(', ')} FROM ${prefix}facts)`,
    `${prefix}outcomes AS (SELECT ${thirdSelect.join(', ')} FROM ${prefix}inputs)`,
  ].join(',\n');
  return {
    dialect,
    ruleSet,
    ctes,
    relation: `${prefix}outcomes`,
    kept,
    grouped: group !== undefined,
    rules: ruleInputs.map(({ id, kind }, index) => ({ id, kind, column: ruleColumn(index) })),
    facts: factOrder.map((name, index) => ({
      name,
      column: factColumn(index),
      rules: ruleInputs.flatMap((rule, r) =>
        rule.inputs.some((input) =>
          name === 'ageYears' ? input.startsWith('acuspine_age_') : input === factColumn(index),
        )
          ? [ruleColumn(r)]
          : [],
      ),
    })),
  };
}

function readRuleSet(given: unknown, issues: Issue[]): RuleSet<string, string> | undefined {
  if (given === undefined) return protocolRuleSet as unknown as RuleSet<string, string>;
  try {
    return programOf(given as RuleSet).ruleSet as RuleSet<string, string>;
  } catch (error) {
    issues.push(issue('invalid-rule-set', ['ruleSet'], (error as Error).message));
    return undefined;
  }
}

/**
 * The options object of a query writer: that it is one, that it holds only the `known` keys (each
 * other key is an issue, and reading goes on), and its dialect; undefined when there is no object
 * or no dialect to write for.
 */
export function readDialect(
  options: unknown,
  known: readonly string[],
  required: string,
  issues: Issue[],
): Dialect | undefined {
  if (typeof options !== 'object' || options === null) {
    issues.push(issue('invalid-type', [], `expected an options object with ${required}`));
    return undefined;
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      issues.push(issue('unknown-key', [key], `"${key}" is not an option here; the options are ${known.join(', ')}`));
    }
  }
  const dialectName = readProperty(options, 'dialect');
  if (!sqlDialects.includes(dialectName as SqlDialect)) {
    issues.push(issue('invalid-dialect', ['dialect'], `dialect must be one of ${sqlDialects.join(', ')}`));
    return undefined;
  }
  return dialects[dialectName as SqlDialect];
}

/**
 * A relation the caller names: a table name (letters, digits and `_`, up to `catalog.schema.table`;
 * checked and quoted), or `{ sql, with }`, a relation written as SQL with the common table
 * expressions it reads (trusted text, without a semicolon). Without an alias: the caller adds one.
 */
export function readRelation(
  given: unknown,
  path: readonly string[],
  dialect: Dialect,
  issues: Issue[],
): { readonly relation: string; readonly with: string | undefined } | undefined {
  const name = path.join('.');
  if (typeof given === 'string') {
    const parts = given.split('.');
    if (parts.length > 3 || !parts.every((part) => IDENTIFIER.test(part))) {
      issues.push(
        issue(
          'invalid-identifier',
          path,
          `${name} must be a table name (letters, digits and _, optionally schema.table), or { sql } for a relation written as SQL`,
        ),
      );
      return undefined;
    }
    return { relation: parts.map(dialect.quote).join('.'), with: undefined };
  }
  const sql = typeof given === 'object' && given !== null ? readProperty(given, 'sql') : undefined;
  const ctes = typeof given === 'object' && given !== null ? readProperty(given, 'with') : undefined;
  if (typeof sql !== 'string' || sql.trim() === '' || sql.includes(';')) {
    issues.push(
      issue('invalid-type', path, `${name} must be a table name, or { sql } holding one relation, without a semicolon`),
    );
    return undefined;
  }
  if (ctes !== undefined && (typeof ctes !== 'string' || ctes.trim() === '' || ctes.includes(';'))) {
    issues.push(
      issue(
        'invalid-type',
        [...path, 'with'],
        `${name}.with must hold common table expressions (name AS (SELECT ...), ...) without WITH and without a semicolon`,
      ),
    );
    return undefined;
  }
  return { relation: sql, with: ctes };
}

/** The SQL of a group key: a column of the source, or an expression the caller trusts. */
function readGroup(given: unknown, dialect: Dialect, issues: Issue[]): string | undefined {
  if (typeof given === 'string' && IDENTIFIER.test(given)) return `acuspine_source.${dialect.quote(given)}`;
  const sql = typeof given === 'object' && given !== null ? readProperty(given, 'sql') : undefined;
  if (typeof sql === 'string' && sql.trim() !== '' && !sql.includes(';')) return `(${sql})`;
  issues.push(
    issue(
      'invalid-type',
      ['groupBy'],
      'groupBy must be a column name, or { sql } holding one expression over the columns of from, without a semicolon',
    ),
  );
  return undefined;
}

function readKept(
  given: unknown,
  dialect: Dialect,
  issues: Issue[],
): { readonly name: string; readonly quoted: string }[] | undefined {
  if (given === undefined) return [];
  if (!Array.isArray(given)) {
    issues.push(issue('invalid-type', ['keep'], 'keep must be a list of column names'));
    return undefined;
  }
  const kept: { name: string; quoted: string }[] = [];
  given.forEach((name: unknown, index) => {
    if (typeof name !== 'string' || !IDENTIFIER.test(name) || name.toLowerCase().startsWith(OWN_PREFIX)) {
      issues.push(
        issue(
          'invalid-identifier',
          ['keep', index],
          `a kept column must be letters, digits and _, not starting with ${OWN_PREFIX}`,
        ),
      );
    } else if (kept.some((column) => column.name.toLowerCase() === name.toLowerCase())) {
      issues.push(issue('duplicate-column', ['keep', index], `the column "${name}" is kept twice`));
    } else {
      kept.push({ name, quoted: dialect.quote(name) });
    }
  });
  return kept;
}

function columnOf(
  given: object,
  path: readonly (string | number)[],
  dialect: Dialect,
  issues: Issue[],
  key = 'column',
) {
  const column = readProperty(given, key);
  if (typeof column !== 'string' || !IDENTIFIER.test(column)) {
    issues.push(issue('invalid-identifier', [...path, key], `${key} must be a column name: letters, digits and _`));
    return undefined;
  }
  return `acuspine_source.${dialect.quote(column)}`;
}

/** The SQL of a boolean fact's code, from where the mapping says it is (by default, a boolean column of its name). */
function readFactSource(fact: string, given: unknown, dialect: Dialect, issues: Issue[]): string | undefined {
  const path = ['facts', fact];
  if (given === undefined) return dialect.booleanCode(`acuspine_source.${dialect.quote(fact)}`);
  if (typeof given !== 'object' || given === null) {
    issues.push(issue('invalid-type', path, `facts.${fact} must be an object such as { column: '${fact}' }`));
    return undefined;
  }
  const source = given as SqlFactSource;
  const column = columnOf(source, path, dialect, issues);
  const as = readProperty(source, 'as') ?? 'boolean';
  if (as === 'boolean') return column && dialect.booleanCode(column);
  if (as === 'zero-one') {
    return (
      column && `CASE WHEN ${column} IS NULL THEN 0 WHEN ${column} = 1 THEN 2 WHEN ${column} = 0 THEN 1 ELSE 3 END`
    );
  }
  if (as === 'codes') {
    const yes = codes(readProperty(source, 'yes'), [...path, 'yes'], issues);
    const no = codes(readProperty(source, 'no'), [...path, 'no'], issues);
    const both = yes?.filter((code) => no?.includes(code)) ?? [];
    if (both.length > 0) {
      issues.push(issue('ambiguous-code', path, `the codes ${both.join(', ')} are listed under both yes and no`));
    }
    if (column === undefined || yes === undefined || no === undefined) return undefined;
    const list = (values: readonly string[]) => values.map(dialect.text).join(', ');
    return `CASE WHEN ${column} IS NULL THEN 0 WHEN ${column} IN (${list(yes)}) THEN 2 WHEN ${column} IN (${list(no)}) THEN 1 ELSE 3 END`;
  }
  issues.push(issue('invalid-type', [...path, 'as'], `as must be 'boolean', 'zero-one' or 'codes'`));
  return undefined;
}

function codes(given: unknown, path: readonly (string | number)[], issues: Issue[]): string[] | undefined {
  if (!Array.isArray(given) || given.length === 0) {
    issues.push(issue('invalid-type', path, 'expected a non-empty list of codes'));
    return undefined;
  }
  let sound = true;
  given.forEach((code: unknown, index) => {
    if (typeof code !== 'string' || code === '' || hasControlCharacter(code)) {
      issues.push(issue('invalid-type', [...path, index], 'a code must be non-empty text without control characters'));
      sound = false;
    }
  });
  return sound ? (given as string[]) : undefined;
}

/** The SQL of the age in years: a numeric column, or completed years from a birth date to an index date. */
function readAgeSource(given: unknown, dialect: Dialect, issues: Issue[]): string | undefined {
  const path = ['facts', 'ageYears'];
  if (given === undefined) return `acuspine_source.${dialect.quote('ageYears')}`;
  if (typeof given !== 'object' || given === null) {
    issues.push(issue('invalid-type', path, `facts.ageYears must be { column } or { birthDate, indexDate }`));
    return undefined;
  }
  const source = given as SqlAgeSource;
  if (readProperty(source, 'birthDate') === undefined) {
    const as = readProperty(source, 'as') ?? 'years';
    if (as !== 'years') issues.push(issue('invalid-type', [...path, 'as'], `as must be 'years'`));
    return columnOf(source, path, dialect, issues);
  }
  const birth = columnOf(source, path, dialect, issues, 'birthDate');
  const indexDate = readProperty(source, 'indexDate');
  let index: string | undefined;
  if (typeof indexDate === 'string') {
    if (parseIsoDate(indexDate) === undefined) {
      issues.push(issue('invalid-date', [...path, 'indexDate'], 'indexDate must be a date YYYY-MM-DD, or { column }'));
    } else {
      index = dialect.date(indexDate);
    }
  } else if (typeof indexDate === 'object' && indexDate !== null) {
    index = columnOf(indexDate, [...path, 'indexDate'], dialect, issues);
  } else {
    issues.push(issue('invalid-type', [...path, 'indexDate'], 'indexDate must be a date YYYY-MM-DD, or { column }'));
  }
  if (birth === undefined || index === undefined) return undefined;
  // Completed years, a birthday on 29 February reached on 1 March in other years: the same as ageOn.
  const p = dialect.part;
  return `${p('YEAR', index)} - ${p('YEAR', birth)} - CASE WHEN ${p('MONTH', index)} < ${p('MONTH', birth)} OR (${p('MONTH', index)} = ${p('MONTH', birth)} AND ${p('DAY', index)} < ${p('DAY', birth)}) THEN 1 ELSE 0 END`;
}

/** The bytes of `text` in UTF-8. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** The status of a record from its rules' outcome codes, by the precedence of `screen`. */
export function statusExpression(rules: Compiled['rules']): string {
  const present = (kind: string) => rules.filter((rule) => rule.kind === kind).map((rule) => `${rule.column} = 1`);
  const when = (conditions: readonly string[], status: string) =>
    conditions.length === 0 ? '' : ` WHEN ${conditions.join(' OR ')} THEN '${status}'`;
  return `CASE${when(present('referral'), 'refer')}${when(present('absolute'), 'contraindicated')}${when(
    rules.map((rule) => `${rule.column} = 2`),
    'incomplete',
  )}${when(present('relative'), 'caution')} ELSE 'eligible' END`;
}

/** Whether `screen` would list a fact as missing: invalid, or not recorded while a rule that reads it is unknown. */
export function missingCondition(fact: Compiled['facts'][number]): string {
  return `${fact.column} = 3 OR (${fact.column} = 0 AND (${fact.rules.map((rule) => `${rule} = 2`).join(' OR ')}))`;
}

/** The names of the facts for which `condition` holds, in the order screen lists them, joined by commas. */
export function listedFacts(compiled: Compiled, condition: (fact: Compiled['facts'][number]) => string): string {
  const { dialect, facts } = compiled;
  return dialect.rest(
    dialect.concat(["''", ...facts.map((fact) => `CASE WHEN ${condition(fact)} THEN ',${fact.name}' ELSE '' END`)]),
  );
}

/** Whether `screen` would list a fact as invalid. */
export const invalidCondition = (fact: Compiled['facts'][number]): string => `${fact.column} = 3`;
