// The command line `acuspine sql`: its arguments read into the options of acuspine/sql, and the
// query or the problems written out. Everything the process gives (arguments, output streams,
// files, the package's version) comes in through `CliIo`, so that the tests run it in process;
// cli/acuspine.ts hands it the real ones. It lives outside src/, which stays free of I/O.
import { parseArgs } from 'node:util';
import { ruleSetFromNames } from '../src/cds-hooks/server/rule-set-names.js';
import type { Issue, Result, RuleSet } from '../src/index.js';
import {
  type CohortSummarySqlOptions,
  cohortSummarySql,
  conformanceSql,
  type SqlDialect,
  type SqlFactMapping,
  type SqlQuery,
  screeningSql,
  sqlDialects,
} from '../src/sql/index.js';

/** What the command reads from and writes to: the process's, or a test's. */
export interface CliIo {
  /** Writes to standard output. */
  readonly out: (text: string) => void;
  /** Writes to standard error. */
  readonly err: (text: string) => void;
  /** The text of a file (for `--facts`); throws when it cannot be read. */
  readonly readText: (path: string) => string;
  /** The version of the package. */
  readonly version: () => string;
}

/** The exit status when the query is printed, or help or the version. */
export const EXIT_OK = 0;
/** The exit status when the arguments are refused: the problems are on standard error, nothing on standard output. */
export const EXIT_USAGE = 2;

const options = {
  dialect: { type: 'string' },
  from: { type: 'string' },
  'from-sql': { type: 'string' },
  'rule-set': { type: 'string' },
  facts: { type: 'string' },
  keep: { type: 'string' },
  summary: { type: 'boolean' },
  'group-by': { type: 'string' },
  'group-by-sql': { type: 'string' },
  conformance: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

/** What `acuspine --help` prints. */
export const usage = `Usage: acuspine sql --dialect DIALECT (--from TABLE | --from-sql RELATION) [options]
       acuspine sql --dialect DIALECT --conformance
       acuspine serve --config FILE
       acuspine --help | --version

acuspine serve runs the CDS Hooks server of acuspine/cds-hooks/server with the configuration in
FILE until SIGTERM or Ctrl+C (acuspine serve --help; docs/cds-server.md).

acuspine sql prints one read-only SQL query of acuspine/sql on standard output, without a closing
semicolon; it connects to nothing and runs nothing. Run the query in your engine (R, Python, a
SQL console).

  --dialect DIALECT    ${sqlDialects.join(', ')}
  --from TABLE         the table of records: letters, digits and _, optionally schema.table or
                       catalog.schema.table; checked and quoted
  --from-sql RELATION  instead of --from, a relation written as SQL, such as
                       "read_parquet('cohort.parquet')": your own text, trusted and written into
                       the query as it is
  --rule-set NAMES     protocol (the default), cautions, red-flags, or several joined by commas:
                       one set with the rules of each, in that order, whose id and version are
                       theirs joined by +
  --facts FILE         a JSON file saying where each fact is, as screeningSql's facts option,
                       e.g. {"pregnant": {"column": "preg", "as": "codes", "yes": ["Y"], "no": ["N"]}}.
                       Without it, or for a fact it leaves out, a fact is read from a boolean
                       column of its own name (pregnant, acuteInfection, ...) and the age from a
                       column ageYears of years
  --keep COLUMNS       columns to carry through to each row, joined by commas, such as id,site
  --summary            the counts of summarizeCohort as one aggregate query, instead of a row a
                       record; its columns are named by position: rule_<i>_... is the i-th rule
                       column of the query without --summary, fact_<i>_missing the i-th fact
                       that the rules read, in their order
  --group-by COLUMN    with --summary, counts per value of a column as well
  --group-by-sql EXPR  with --summary, counts per value of an expression: your own trusted SQL
  --conformance        the self-check of your engine instead: no rows back means it computes
                       what screen computes
  -h, --help           this text
  --version            the version of acuspine

acuspine sql exits with 0 and the query on standard output; with 2 and each problem on standard
error, one a line, and nothing on standard output.
`;

/**
 * Runs the command line on `args`, the arguments after the program's name.
 *
 * @returns the exit status: {@link EXIT_OK}, or {@link EXIT_USAGE} when the arguments are refused.
 */
export function run(args: readonly string[], io: CliIo): number {
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: [...args], options, strict: true, allowPositionals: true }));
  } catch (error) {
    // parseArgs quotes the option it refuses first ('--from' or '--from <value>'): that is the path.
    const message = (error as Error).message.replaceAll('\n', ' ');
    const path = message
      .split("'")
      .slice(1, 2)
      .map((quoted) => quoted.split(' ')[0] as string);
    return refuse(io, [{ code: 'invalid-argument', path, message }]);
  }
  if (values.help === true) {
    io.out(usage);
    return EXIT_OK;
  }
  if (values.version === true) {
    io.out(`${io.version()}\n`);
    return EXIT_OK;
  }
  const [command, ...rest] = positionals;
  if (command === undefined) {
    io.err(usage);
    return EXIT_USAGE;
  }
  if (command !== 'sql') {
    return refuse(io, [
      { code: 'unknown-command', path: [command], message: 'the commands are sql and serve (acuspine --help)' },
    ]);
  }
  if (rest.length > 0) {
    return refuse(
      io,
      rest.map((word) => ({
        code: 'unexpected-argument',
        path: [word],
        message: 'acuspine sql takes no such argument',
      })),
    );
  }
  const query = sqlQuery(values, io);
  if (!query.ok) return refuse(io, query.issues);
  io.out(`${query.value.sql}\n`);
  return EXIT_OK;
}

type Values = ReturnType<typeof parseArgs<{ options: typeof options }>>['values'];

/** The query that `values` ask for, or every issue: with the flag of each first in its path. */
function sqlQuery(values: Values, io: CliIo): Result<SqlQuery> {
  const issues: Issue[] = [];
  const refused = (flag: string, message: string, code = 'conflicting-options') =>
    issues.push({ code, path: [flag], message });
  const dialect = values.dialect as SqlDialect;
  if (!sqlDialects.includes(dialect)) {
    const given = dialect === undefined ? 'is required' : `"${dialect}" is not a dialect`;
    refused(
      '--dialect',
      `${given}: ${sqlDialects.join(', ')}`,
      dialect === undefined ? 'missing-option' : 'invalid-dialect',
    );
  }
  if (values.conformance === true) {
    for (const name of Object.keys(values)) {
      if (name !== 'dialect' && name !== 'conformance') refused(`--${name}`, 'is not an option of --conformance');
    }
    return issues.length > 0 ? { ok: false, issues } : conformanceSql(dialect);
  }
  const summary = values.summary === true;
  const fromSql = values['from-sql'];
  const groupBy = values['group-by'];
  const groupBySql = values['group-by-sql'];
  if (values.from === undefined && fromSql === undefined) {
    refused('--from', '--from TABLE or --from-sql RELATION is required', 'missing-option');
  }
  if (values.from !== undefined && fromSql !== undefined) refused('--from-sql', 'give --from or --from-sql, not both');
  if (summary && values.keep !== undefined) refused('--keep', 'is for the query of a row a record, not for --summary');
  if (!summary && groupBy !== undefined) refused('--group-by', 'is for --summary');
  if (!summary && groupBySql !== undefined) refused('--group-by-sql', 'is for --summary');
  if (groupBy !== undefined && groupBySql !== undefined) {
    refused('--group-by-sql', 'give --group-by or --group-by-sql, not both');
  }
  const ruleSet = values['rule-set'] === undefined ? undefined : ruleSetNamed(list(values['rule-set']), issues);
  const facts = values.facts === undefined ? undefined : readFacts(values.facts, io, issues);
  if (issues.length > 0) return { ok: false, issues };

  const common: CohortSummarySqlOptions = {
    dialect,
    from: fromSql === undefined ? (values.from as string) : { sql: fromSql },
    ...(ruleSet === undefined ? {} : { ruleSet }),
    ...(facts === undefined ? {} : { facts: facts as SqlFactMapping }),
  };
  const query = summary
    ? cohortSummarySql({
        ...common,
        ...(groupBy === undefined ? {} : { groupBy }),
        ...(groupBySql === undefined ? {} : { groupBy: { sql: groupBySql } }),
      })
    : screeningSql({ ...common, ...(values.keep === undefined ? {} : { keep: list(values.keep) }) });
  if (query.ok) return query;
  // The issues of acuspine/sql start with the option's name: the flag that set it is named instead.
  const flags: Readonly<Record<string, string>> = {
    from: fromSql === undefined ? '--from' : '--from-sql',
    ruleSet: '--rule-set',
    facts: '--facts',
    keep: '--keep',
    groupBy: groupBySql === undefined ? '--group-by' : '--group-by-sql',
  };
  return {
    ok: false,
    issues: query.issues.map(({ path: [option, ...rest], ...found }) => ({
      ...found,
      path: [flags[option as string] as string, ...rest],
    })),
  };
}

/** The items of a list given as text joined by commas. */
function list(text: string): string[] {
  return text.split(',').map((item) => item.trim());
}

/**
 * The rule set of the names given: one alone, or several combined, as the CDS Hooks server's
 * configuration combines them (ruleSetFromNames).
 *
 * @returns the set, or undefined with an issue for each name that is not one.
 */
function ruleSetNamed(names: readonly string[], issues: Issue[]): RuleSet | undefined {
  const named = ruleSetFromNames(names);
  if (named.ok) return named.value;
  issues.push(...named.issues.map((found) => ({ ...found, path: ['--rule-set'] })));
  return undefined;
}

/** The facts mapping in the JSON file at `path`, or undefined with an issue. */
function readFacts(path: string, io: CliIo, issues: Issue[]): unknown {
  try {
    return JSON.parse(io.readText(path));
  } catch (error) {
    issues.push({ code: 'unreadable-facts', path: ['--facts'], message: `${path}: ${(error as Error).message}` });
    return undefined;
  }
}

/** Writes each issue on a line of its own to standard error, where and then what. */
function refuse(io: CliIo, issues: readonly Issue[]): number {
  for (const found of issues) io.err(`acuspine: ${pathText(found.path)}: ${found.message}\n`);
  return EXIT_USAGE;
}

/** A path as a reader writes it: `--facts pregnant.yes[0]`, `--keep[1]`. */
function pathText(path: readonly (string | number)[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : index === 0 ? part : index === 1 ? ` ${part}` : `.${part}`,
    )
    .join('');
}
