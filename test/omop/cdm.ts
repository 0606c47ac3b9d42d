// The OMOP CDM v5.4 tables that a query of patient facts reads, for tests that build small OMOP
// databases (OMOP sample sets are downloaded at run time, which the tests cannot do).
//
// The table definitions are the official ones, column by column, from OHDSI/CommonDataModel
// inst/ddl/5.4/duckdb/OMOPCDM_duckdb_5.4_ddl.sql and inst/ddl/5.4/postgresql/OMOPCDM_postgresql_5.4_ddl.sql
// (commit f853f6e39c61b4eb8b3e5287fd573a1ced36c0e4). For these eight tables the two files agree
// word for word, so `cdmDdl` writes the same columns for both dialects. Every column of each table
// is created, not only those the rows fill: a query that names a real CDM column the converter
// leaves empty still runs (and reads NULL), and one that names a column the CDM does not have fails,
// as it would on a real database. Primary keys, foreign keys and indexes (separate files upstream)
// are left out: the tests load a few rows.
//
// The row types list only the columns the converter fills, with the CDM's names; `integer` is a
// number, `date` an ISO date string (YYYY-MM-DD), and a column the DDL allows to be NULL is `| null`.

/** person: one row per patient. year_of_birth is required; month, day and birth_datetime are not. */
export interface Person {
  readonly person_id: number;
  readonly gender_concept_id: number;
  readonly year_of_birth: number;
  readonly month_of_birth: number | null;
  readonly day_of_birth: number | null;
  readonly birth_datetime: string | null;
  readonly race_concept_id: number;
  readonly ethnicity_concept_id: number;
  readonly person_source_value: string | null;
  readonly gender_source_value: string | null;
}

/** observation_period: the span in which the absence of a record means the event did not happen. */
export interface ObservationPeriod {
  readonly observation_period_id: number;
  readonly person_id: number;
  readonly observation_period_start_date: string;
  readonly observation_period_end_date: string;
  readonly period_type_concept_id: number;
}

export interface ConditionOccurrence {
  readonly condition_occurrence_id: number;
  readonly person_id: number;
  readonly condition_concept_id: number;
  readonly condition_start_date: string;
  readonly condition_end_date: string | null;
  readonly condition_type_concept_id: number;
  readonly condition_status_concept_id: number | null;
  readonly condition_source_value: string | null;
  readonly condition_source_concept_id: number | null;
  readonly condition_status_source_value: string | null;
}

export interface DrugExposure {
  readonly drug_exposure_id: number;
  readonly person_id: number;
  readonly drug_concept_id: number;
  readonly drug_exposure_start_date: string;
  /** Required by the CDM: the recorded end, else one derived by the converter (see from-fhir.ts). */
  readonly drug_exposure_end_date: string;
  /** The end as the source recorded it; NULL when drug_exposure_end_date was derived. */
  readonly verbatim_end_date: string | null;
  readonly drug_type_concept_id: number;
  readonly drug_source_value: string | null;
  readonly drug_source_concept_id: number | null;
}

export interface Observation {
  readonly observation_id: number;
  readonly person_id: number;
  readonly observation_concept_id: number;
  readonly observation_date: string;
  readonly observation_type_concept_id: number;
  readonly value_as_concept_id: number | null;
  readonly observation_source_value: string | null;
  readonly observation_source_concept_id: number | null;
  readonly value_source_value: string | null;
}

export interface Measurement {
  readonly measurement_id: number;
  readonly person_id: number;
  readonly measurement_concept_id: number;
  readonly measurement_date: string;
  readonly measurement_type_concept_id: number;
  readonly value_as_number: number | null;
  readonly value_as_concept_id: number | null;
  readonly measurement_source_value: string | null;
  readonly measurement_source_concept_id: number | null;
  readonly unit_source_value: string | null;
  readonly value_source_value: string | null;
}

export interface DeviceExposure {
  readonly device_exposure_id: number;
  readonly person_id: number;
  readonly device_concept_id: number;
  readonly device_exposure_start_date: string;
  readonly device_exposure_end_date: string | null;
  readonly device_type_concept_id: number;
  readonly device_source_value: string | null;
  readonly device_source_concept_id: number | null;
}

/** concept: every code the rows refer to; vocabulary_id and concept_code identify a code. */
export interface Concept {
  readonly concept_id: number;
  readonly concept_name: string;
  readonly domain_id: string;
  readonly vocabulary_id: string;
  readonly concept_class_id: string;
  /** 'S' standard, 'C' classification, NULL non-standard (a source code). */
  readonly standard_concept: 'S' | 'C' | null;
  readonly concept_code: string;
  readonly valid_start_date: string;
  readonly valid_end_date: string;
  readonly invalid_reason: string | null;
}

/** The rows of each table, by the table's CDM name. */
export interface CdmTables {
  readonly person: readonly Person[];
  readonly observation_period: readonly ObservationPeriod[];
  readonly condition_occurrence: readonly ConditionOccurrence[];
  readonly drug_exposure: readonly DrugExposure[];
  readonly observation: readonly Observation[];
  readonly measurement: readonly Measurement[];
  readonly device_exposure: readonly DeviceExposure[];
  readonly concept: readonly Concept[];
}

export type CdmTableName = keyof CdmTables;

export type CdmDialect = 'duckdb' | 'postgres';

// Each table's columns in the official order, as the official DDL writes them.
const COLUMNS: Readonly<Record<CdmTableName, readonly string[]>> = {
  person: [
    'person_id integer NOT NULL',
    'gender_concept_id integer NOT NULL',
    'year_of_birth integer NOT NULL',
    'month_of_birth integer NULL',
    'day_of_birth integer NULL',
    'birth_datetime TIMESTAMP NULL',
    'race_concept_id integer NOT NULL',
    'ethnicity_concept_id integer NOT NULL',
    'location_id integer NULL',
    'provider_id integer NULL',
    'care_site_id integer NULL',
    'person_source_value varchar(50) NULL',
    'gender_source_value varchar(50) NULL',
    'gender_source_concept_id integer NULL',
    'race_source_value varchar(50) NULL',
    'race_source_concept_id integer NULL',
    'ethnicity_source_value varchar(50) NULL',
    'ethnicity_source_concept_id integer NULL',
  ],
  observation_period: [
    'observation_period_id integer NOT NULL',
    'person_id integer NOT NULL',
    'observation_period_start_date date NOT NULL',
    'observation_period_end_date date NOT NULL',
    'period_type_concept_id integer NOT NULL',
  ],
  condition_occurrence: [
    'condition_occurrence_id integer NOT NULL',
    'person_id integer NOT NULL',
    'condition_concept_id integer NOT NULL',
    'condition_start_date date NOT NULL',
    'condition_start_datetime TIMESTAMP NULL',
    'condition_end_date date NULL',
    'condition_end_datetime TIMESTAMP NULL',
    'condition_type_concept_id integer NOT NULL',
    'condition_status_concept_id integer NULL',
    'stop_reason varchar(20) NULL',
    'provider_id integer NULL',
    'visit_occurrence_id integer NULL',
    'visit_detail_id integer NULL',
    'condition_source_value varchar(50) NULL',
    'condition_source_concept_id integer NULL',
    'condition_status_source_value varchar(50) NULL',
  ],
  drug_exposure: [
    'drug_exposure_id integer NOT NULL',
    'person_id integer NOT NULL',
    'drug_concept_id integer NOT NULL',
    'drug_exposure_start_date date NOT NULL',
    'drug_exposure_start_datetime TIMESTAMP NULL',
    'drug_exposure_end_date date NOT NULL',
    'drug_exposure_end_datetime TIMESTAMP NULL',
    'verbatim_end_date date NULL',
    'drug_type_concept_id integer NOT NULL',
    'stop_reason varchar(20) NULL',
    'refills integer NULL',
    'quantity NUMERIC NULL',
    'days_supply integer NULL',
    'sig TEXT NULL',
    'route_concept_id integer NULL',
    'lot_number varchar(50) NULL',
    'provider_id integer NULL',
    'visit_occurrence_id integer NULL',
    'visit_detail_id integer NULL',
    'drug_source_value varchar(50) NULL',
    'drug_source_concept_id integer NULL',
    'route_source_value varchar(50) NULL',
    'dose_unit_source_value varchar(50) NULL',
  ],
  observation: [
    'observation_id integer NOT NULL',
    'person_id integer NOT NULL',
    'observation_concept_id integer NOT NULL',
    'observation_date date NOT NULL',
    'observation_datetime TIMESTAMP NULL',
    'observation_type_concept_id integer NOT NULL',
    'value_as_number NUMERIC NULL',
    'value_as_string varchar(60) NULL',
    'value_as_concept_id Integer NULL',
    'qualifier_concept_id integer NULL',
    'unit_concept_id integer NULL',
    'provider_id integer NULL',
    'visit_occurrence_id integer NULL',
    'visit_detail_id integer NULL',
    'observation_source_value varchar(50) NULL',
    'observation_source_concept_id integer NULL',
    'unit_source_value varchar(50) NULL',
    'qualifier_source_value varchar(50) NULL',
    'value_source_value varchar(50) NULL',
    'observation_event_id integer NULL',
    'obs_event_field_concept_id integer NULL',
  ],
  measurement: [
    'measurement_id integer NOT NULL',
    'person_id integer NOT NULL',
    'measurement_concept_id integer NOT NULL',
    'measurement_date date NOT NULL',
    'measurement_datetime TIMESTAMP NULL',
    'measurement_time varchar(10) NULL',
    'measurement_type_concept_id integer NOT NULL',
    'operator_concept_id integer NULL',
    'value_as_number NUMERIC NULL',
    'value_as_concept_id integer NULL',
    'unit_concept_id integer NULL',
    'range_low NUMERIC NULL',
    'range_high NUMERIC NULL',
    'provider_id integer NULL',
    'visit_occurrence_id integer NULL',
    'visit_detail_id integer NULL',
    'measurement_source_value varchar(50) NULL',
    'measurement_source_concept_id integer NULL',
    'unit_source_value varchar(50) NULL',
    'unit_source_concept_id integer NULL',
    'value_source_value varchar(50) NULL',
    'measurement_event_id integer NULL',
    'meas_event_field_concept_id integer NULL',
  ],
  device_exposure: [
    'device_exposure_id integer NOT NULL',
    'person_id integer NOT NULL',
    'device_concept_id integer NOT NULL',
    'device_exposure_start_date date NOT NULL',
    'device_exposure_start_datetime TIMESTAMP NULL',
    'device_exposure_end_date date NULL',
    'device_exposure_end_datetime TIMESTAMP NULL',
    'device_type_concept_id integer NOT NULL',
    'unique_device_id varchar(255) NULL',
    'production_id varchar(255) NULL',
    'quantity integer NULL',
    'provider_id integer NULL',
    'visit_occurrence_id integer NULL',
    'visit_detail_id integer NULL',
    'device_source_value varchar(50) NULL',
    'device_source_concept_id integer NULL',
    'unit_concept_id integer NULL',
    'unit_source_value varchar(50) NULL',
    'unit_source_concept_id integer NULL',
  ],
  concept: [
    'concept_id integer NOT NULL',
    'concept_name varchar(255) NOT NULL',
    'domain_id varchar(20) NOT NULL',
    'vocabulary_id varchar(20) NOT NULL',
    'concept_class_id varchar(20) NOT NULL',
    'standard_concept varchar(1) NULL',
    'concept_code varchar(50) NOT NULL',
    'valid_start_date date NOT NULL',
    'valid_end_date date NOT NULL',
    'invalid_reason varchar(1) NULL',
  ],
};

/** The tables in the order they are created and loaded: the vocabulary first, then person, then events. */
export const CDM_TABLES: readonly CdmTableName[] = [
  'concept',
  'person',
  'observation_period',
  'condition_occurrence',
  'drug_exposure',
  'observation',
  'measurement',
  'device_exposure',
];

interface Column {
  readonly name: string;
  /** The type as the official DDL writes it, e.g. `varchar(50)`. */
  readonly type: string;
}

function columnsOf(table: CdmTableName): readonly Column[] {
  return COLUMNS[table].map((line) => {
    const [name, type] = line.split(' ') as [string, string];
    return { name, type };
  });
}

/** A quoted SQL identifier (both dialects double the quote inside). */
function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * The CREATE TABLE statements of the eight tables in `schema`, one string each, with the official
 * columns, types and NOT NULL constraints. The official DuckDB and PostgreSQL DDL are the same for
 * these tables (NUMERIC is DECIMAL(18,3) in DuckDB, arbitrary precision in PostgreSQL, as upstream).
 */
export function cdmDdl(_dialect: CdmDialect, schema: string): string[] {
  return CDM_TABLES.map(
    (table) =>
      `CREATE TABLE ${quoteIdentifier(schema)}.${table} (\n${COLUMNS[table].map((line) => `  ${line}`).join(',\n')}\n)`,
  );
}

/** The type a parameter is cast to: text goes in as VARCHAR so that a value too long for its column fails loudly. */
function castType(type: string): string {
  const lower = type.toLowerCase();
  if (lower.startsWith('varchar') || lower === 'text') return 'VARCHAR';
  return type.toUpperCase();
}

// PostgreSQL takes at most 65,535 parameters a statement; a few hundred rows a statement is plenty.
const ROWS_PER_INSERT = 200;

/**
 * Creates `schema` (if it does not exist) and the eight tables in it, and inserts the rows, a few
 * hundred rows a statement, every value a parameter (`$1`, `$2`, ..., which DuckDB and PostgreSQL
 * both read) cast to its column's type. Only the columns the rows fill are named; the others stay
 * NULL. `run` runs one statement with its parameters, e.g. DuckDB's `connection.run(sql, params)` or
 * PGlite's `db.query(sql, params)`. A row with a key that is not a column of its table throws.
 */
export async function loadCdm(
  run: (sql: string, params?: unknown[]) => Promise<unknown>,
  dialect: CdmDialect,
  schema: string,
  tables: CdmTables,
): Promise<void> {
  await run(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
  for (const statement of cdmDdl(dialect, schema)) await run(statement);
  for (const table of CDM_TABLES) {
    const rows: readonly object[] = tables[table];
    if (rows.length === 0) continue;
    const byName = new Map(columnsOf(table).map((column) => [column.name, column]));
    const names = [...new Set(rows.flatMap((row) => Object.keys(row)))];
    const columns = names.map((name) => {
      const column = byName.get(name);
      if (column === undefined) throw new Error(`${table} has no column ${name} in OMOP CDM v5.4`);
      return column;
    });
    for (let first = 0; first < rows.length; first += ROWS_PER_INSERT) {
      const batch = rows.slice(first, first + ROWS_PER_INSERT);
      const params: unknown[] = [];
      const tuples = batch.map((row) => {
        const values = row as Readonly<Record<string, unknown>>;
        const placeholders = columns.map((column) => {
          params.push(values[column.name] ?? null);
          return `CAST($${params.length} AS ${castType(column.type)})`;
        });
        return `(${placeholders.join(', ')})`;
      });
      await run(
        `INSERT INTO ${quoteIdentifier(schema)}.${table} (${names.join(', ')}) VALUES ${tuples.join(', ')}`,
        params,
      );
    }
  }
}
