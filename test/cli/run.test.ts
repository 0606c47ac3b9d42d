// The command line `acuspine sql`, run in process with a stand-in for the process's streams and
// files: each query it prints is the very text of acuspine/sql for the same options, and each
// refusal is one line per problem on standard error, with where it is, and nothing on standard
// output. test/cli/bin.test.ts runs the built program itself.
import { describe, expect, it } from 'vitest';
import { run, usage } from '../../cli/run.js';
import {
  cautionRuleSet,
  defineRuleSet,
  type Issue,
  protocolRuleSet,
  type Result,
  redFlagRuleSet,
} from '../../src/index.js';
import {
  type CohortSummarySqlOptions,
  cohortSummarySql,
  conformanceSql,
  type ScreeningSqlOptions,
  type SqlQuery,
  screeningSql,
  sqlDialects,
} from '../../src/sql/index.js';

/** Runs the command line on `args`, with the files of `files` to read. */
function cli(args: readonly string[], files: Readonly<Record<string, string>> = {}) {
  let stdout = '';
  let stderr = '';
  const status = run(args, {
    out: (text) => {
      stdout += text;
    },
    err: (text) => {
      stderr += text;
    },
    readText: (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return text;
    },
    version: () => '1.2.3',
  });
  return { status, stdout, stderr };
}

/** The SQL of a query that acuspine/sql writes, as the command prints it. */
function printed(query: Result<SqlQuery>): string {
  if (!query.ok) throw new Error(`expected a query, got ${JSON.stringify(query.issues)}`);
  return `${query.value.sql}\n`;
}

/** The three shipped sets as one, as the command combines them. */
const allThree = defineRuleSet({
  id: 'acuspine-protocol+acuspine-cautions+acuspine-red-flags',
  version: '1.0.0+1.0.0+1.0.0',
  rules: [...protocolRuleSet.rules, ...cautionRuleSet.rules, ...redFlagRuleSet.rules],
});
const protocolAndRedFlags = defineRuleSet({
  id: 'acuspine-protocol+acuspine-red-flags',
  version: '1.0.0+1.0.0',
  rules: [...protocolRuleSet.rules, ...redFlagRuleSet.rules],
});

const mapping = {
  ageYears: { birthDate: 'birth_date', indexDate: { column: 'visit_date' } },
  pregnant: { column: 'pregnancy_code', as: 'codes', yes: ['Y'], no: ['N'] },
  oncologicalDisease: { column: 'onco_flag', as: 'zero-one' },
} as const;
const files = { 'mapping.json': JSON.stringify(mapping) };

describe('acuspine sql prints the query of acuspine/sql for the same options', () => {
  const screening: [string, string[], ScreeningSqlOptions][] = [
    ['a table, in the protocol by default', ['--from', 'patients'], { dialect: 'postgres', from: 'patients' }],
    ['a table with a schema', ['--from', 'research.cohort'], { dialect: 'postgres', from: 'research.cohort' }],
    [
      'the protocol named',
      ['--from', 'patients', '--rule-set', 'protocol'],
      { dialect: 'postgres', from: 'patients', ruleSet: protocolRuleSet },
    ],
    [
      'the cautions alone',
      ['--from', 'patients', '--rule-set', 'cautions'],
      { dialect: 'postgres', from: 'patients', ruleSet: cautionRuleSet },
    ],
    [
      'the red flags alone',
      ['--from', 'patients', '--rule-set', 'red-flags'],
      { dialect: 'postgres', from: 'patients', ruleSet: redFlagRuleSet },
    ],
    [
      'the three sets combined',
      ['--from', 'patients', '--rule-set', 'protocol,cautions,red-flags'],
      { dialect: 'postgres', from: 'patients', ruleSet: allThree },
    ],
    [
      'the three sets named in another order, with spaces and one twice: the same set',
      ['--from', 'patients', '--rule-set', 'red-flags, cautions,protocol,cautions'],
      { dialect: 'postgres', from: 'patients', ruleSet: allThree },
    ],
    [
      'two sets combined',
      ['--from', 'patients', '--rule-set', 'red-flags,protocol'],
      { dialect: 'postgres', from: 'patients', ruleSet: protocolAndRedFlags },
    ],
    [
      'columns kept',
      ['--from', 'patients', '--keep', 'id, site'],
      { dialect: 'postgres', from: 'patients', keep: ['id', 'site'] },
    ],
    [
      'a relation written as SQL',
      ['--from-sql', "read_parquet('cohort.parquet')"],
      { dialect: 'postgres', from: { sql: "read_parquet('cohort.parquet')" } },
    ],
    [
      'a facts mapping from a JSON file',
      ['--from', 'patients', '--facts', 'mapping.json'],
      { dialect: 'postgres', from: 'patients', facts: mapping },
    ],
  ];
  it.each(screening)('%s', (_name, args, options) => {
    const { status, stdout, stderr } = cli(['sql', '--dialect', 'postgres', ...args], files);
    expect(stderr).toBe('');
    expect(stdout).toBe(printed(screeningSql(options)));
    expect(status).toBe(0);
  });

  const summaries: [string, string[], CohortSummarySqlOptions][] = [
    ['a summary', ['--from', 'patients'], { dialect: 'postgres', from: 'patients' }],
    [
      'a summary of the three sets combined',
      ['--from', 'patients', '--rule-set', 'protocol,cautions,red-flags'],
      { dialect: 'postgres', from: 'patients', ruleSet: allThree },
    ],
    [
      'a summary per site',
      ['--from', 'patients', '--group-by', 'site'],
      { dialect: 'postgres', from: 'patients', groupBy: 'site' },
    ],
    [
      'a summary per age band written as SQL, over a relation written as SQL, with a mapping',
      [
        '--from-sql',
        '(SELECT * FROM patients WHERE site = 2)',
        '--group-by-sql',
        "CASE WHEN age < 50 THEN 'under 50' ELSE '50 and over' END",
        '--facts',
        'mapping.json',
      ],
      {
        dialect: 'postgres',
        from: { sql: '(SELECT * FROM patients WHERE site = 2)' },
        groupBy: { sql: "CASE WHEN age < 50 THEN 'under 50' ELSE '50 and over' END" },
        facts: mapping,
      },
    ],
  ];
  it.each(summaries)('%s', (_name, args, options) => {
    const { status, stdout, stderr } = cli(['sql', '--summary', '--dialect', 'postgres', ...args], files);
    expect(stderr).toBe('');
    expect(stdout).toBe(printed(cohortSummarySql(options)));
    expect(status).toBe(0);
  });

  it.each(sqlDialects.map((dialect) => [dialect]))('in the dialect %s', (dialect) => {
    const args = ['sql', '--dialect', dialect, '--from', 'patients', '--rule-set', 'protocol,cautions,red-flags'];
    expect(cli(args).stdout).toBe(printed(screeningSql({ dialect, from: 'patients', ruleSet: allThree })));
    expect(cli([...args, '--summary']).stdout).toBe(
      printed(cohortSummarySql({ dialect, from: 'patients', ruleSet: allThree })),
    );
    expect(cli(['sql', '--dialect', dialect, '--conformance']).stdout).toBe(printed(conformanceSql(dialect)));
  });

  it('takes its options in any order, and --name=value', () => {
    expect(cli(['--from=patients', 'sql', '--dialect=duckdb']).stdout).toBe(
      printed(screeningSql({ dialect: 'duckdb', from: 'patients' })),
    );
  });
});

describe('help and version', () => {
  it.each([[['--help']], [['-h']], [['sql', '--help']], [['sql', '--dialect', 'duckdb', '-h']]])(
    '%j prints the usage on standard output',
    (args) => {
      expect(cli(args)).toEqual({ status: 0, stdout: usage, stderr: '' });
    },
  );

  it('the usage names every dialect and says where each fact is read by default', () => {
    expect(usage).toContain(sqlDialects.join(', '));
    expect(usage).toContain('a fact is read from a boolean\n                       column of its own name');
  });

  it.each([[['--version']], [['sql', '--version']]])('%j prints the version', (args) => {
    expect(cli(args)).toEqual({ status: 0, stdout: '1.2.3\n', stderr: '' });
  });

  it('without a command, prints the usage on standard error and exits with 2', () => {
    expect(cli([])).toEqual({ status: 2, stdout: '', stderr: usage });
  });
});

describe('a refusal: exit status 2, each problem on a line of standard error with where it is, nothing on standard output', () => {
  const refusals: [string, string[], string[]][] = [
    [
      'an unknown option',
      ['sql', '--dilect', 'postgres', '--from', 'patients'],
      [`acuspine: --dilect: Unknown option '--dilect'.`],
    ],
    [
      'an option without its value',
      ['sql', '--from', 'patients', '--dialect'],
      [`acuspine: --dialect: Option '--dialect <value>' argument missing`],
    ],
    [
      'an option whose value looks like another option',
      ['sql', '--dialect', 'duckdb', '--from', '--summary'],
      [`acuspine: --from: Option '--from' argument is ambiguous.`],
    ],
    ['a value given to a switch', ['sql', '--summary=yes'], [`acuspine: --summary: Option '--summary' does not take`]],
    [
      'an unknown command',
      ['query', '--dialect', 'duckdb'],
      ['acuspine: query: the commands are sql and serve (acuspine --help)'],
    ],
    [
      'words after the command',
      ['sql', 'postgres', 'patients'],
      [
        'acuspine: postgres: acuspine sql takes no such argument',
        'acuspine: patients: acuspine sql takes no such argument',
      ],
    ],
    [
      'neither a dialect nor a table',
      ['sql'],
      [
        `acuspine: --dialect: is required: ${sqlDialects.join(', ')}`,
        'acuspine: --from: --from TABLE or --from-sql RELATION is required',
      ],
    ],
    [
      'an unknown dialect',
      ['sql', '--dialect', 'mysql', '--from', 'patients'],
      [`acuspine: --dialect: "mysql" is not a dialect: ${sqlDialects.join(', ')}`],
    ],
    [
      'unknown rule sets, an empty name among them',
      ['sql', '--dialect', 'duckdb', '--from', 'patients', '--rule-set', 'protocol,red-flag,'],
      [
        'acuspine: --rule-set: no rule set is named "red-flag": the names are protocol, cautions, red-flags',
        'acuspine: --rule-set: no rule set is named "": the names are protocol, cautions, red-flags',
      ],
    ],
    [
      'a table and a relation both',
      ['sql', '--dialect', 'duckdb', '--from', 'patients', '--from-sql', 'patients'],
      ['acuspine: --from-sql: give --from or --from-sql, not both'],
    ],
    [
      'columns kept in a summary',
      ['sql', '--dialect', 'duckdb', '--from', 'patients', '--summary', '--keep', 'id'],
      ['acuspine: --keep: is for the query of a row a record, not for --summary'],
    ],
    [
      'groups without a summary',
      ['sql', '--dialect', 'duckdb', '--from', 'patients', '--group-by', 'site', '--group-by-sql', 'site'],
      [
        'acuspine: --group-by: is for --summary',
        'acuspine: --group-by-sql: is for --summary',
        'acuspine: --group-by-sql: give --group-by or --group-by-sql, not both',
      ],
    ],
    [
      'the conformance query with options it does not take',
      ['sql', '--conformance', '--from', 'patients', '--summary'],
      [
        `acuspine: --dialect: is required: ${sqlDialects.join(', ')}`,
        'acuspine: --from: is not an option of --conformance',
        'acuspine: --summary: is not an option of --conformance',
      ],
    ],
    [
      'a facts file that is not there',
      ['sql', '--dialect', 'duckdb', '--from', 'patients', '--facts', 'nowhere.json'],
      [`acuspine: --facts: nowhere.json: ENOENT: no such file or directory, open 'nowhere.json'`],
    ],
    [
      'a facts file that is not JSON',
      ['sql', '--dialect', 'duckdb', '--from', 'patients', '--facts', 'broken.json'],
      ['acuspine: --facts: broken.json: '],
    ],
  ];
  it.each(refusals)('%s', (_name, args, lines) => {
    const { status, stdout, stderr } = cli(args, { 'broken.json': '{"pregnant": ' });
    expect(stdout).toBe('');
    expect(status).toBe(2);
    const written = stderr.split('\n');
    expect(written.pop()).toBe('');
    expect(written).toHaveLength(lines.length);
    written.forEach((line, index) => {
      expect(line.startsWith(lines[index] as string)).toBe(true);
    });
  });

  /** The lines the command writes for the issues of acuspine/sql: where, as `paths` says, and the message. */
  const linesOf = (query: Result<SqlQuery>, paths: readonly string[]) => {
    const issues: readonly Issue[] = query.ok ? [] : query.issues;
    expect(issues).toHaveLength(paths.length);
    return issues.map((found, index) => `acuspine: ${paths[index]}: ${found.message}\n`).join('');
  };
  const badMapping = {
    pregnant: { column: 'pregnancy_code', as: 'codes', yes: ['Y', ''], no: ['N', 'Y'] },
    epilepsy: { column: 'epilepsy' },
  };
  const library: [string, string[], Result<SqlQuery>, string[]][] = [
    [
      'a table name that is not one',
      ['--from', 'patients; DROP TABLE x'],
      screeningSql({ dialect: 'duckdb', from: 'patients; DROP TABLE x' }),
      ['--from'],
    ],
    [
      'a relation with a semicolon',
      ['--from-sql', 'x; DROP TABLE y'],
      screeningSql({ dialect: 'duckdb', from: { sql: 'x; DROP TABLE y' } }),
      ['--from-sql'],
    ],
    [
      'kept columns that are not names, or are the query’s own',
      ['--from', 'patients', '--keep', 'id,,patient id,status'],
      screeningSql({ dialect: 'duckdb', from: 'patients', keep: ['id', '', 'patient id', 'status'] }),
      ['--keep[1]', '--keep[2]'],
    ],
    [
      'a kept column that the output holds already',
      ['--from', 'patients', '--keep', 'status'],
      screeningSql({ dialect: 'duckdb', from: 'patients', keep: ['status'] }),
      ['--keep'],
    ],
    [
      'a mapping with an empty code, a code under both yes and no, and a fact the protocol does not read',
      ['--from', 'patients', '--facts', 'bad.json'],
      screeningSql({ dialect: 'duckdb', from: 'patients', facts: badMapping as never }),
      ['--facts epilepsy', '--facts pregnant.yes[1]'],
    ],
    [
      'a grouping column that is not a name',
      ['--from', 'patients', '--summary', '--group-by', 'the site'],
      cohortSummarySql({ dialect: 'duckdb', from: 'patients', groupBy: 'the site' }),
      ['--group-by'],
    ],
    [
      'a grouping expression with a semicolon',
      ['--from', 'patients', '--summary', '--group-by-sql', 'site; DROP TABLE x'],
      cohortSummarySql({ dialect: 'duckdb', from: 'patients', groupBy: { sql: 'site; DROP TABLE x' } }),
      ['--group-by-sql'],
    ],
    [
      'a mapping that is not an object',
      ['--from', 'patients', '--facts', 'list.json'],
      screeningSql({ dialect: 'duckdb', from: 'patients', facts: [] as never }),
      ['--facts'],
    ],
  ];
  it.each(library)('%s: the issues of acuspine/sql, each with its flag', (_name, args, query, paths) => {
    const lines = linesOf(query, paths);
    const { status, stdout, stderr } = cli(['sql', '--dialect', 'duckdb', ...args], {
      'bad.json': JSON.stringify(badMapping),
      'list.json': '[]',
    });
    expect({ status, stdout, stderr }).toEqual({ status: 2, stdout: '', stderr: lines });
  });
});
