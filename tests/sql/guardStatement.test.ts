// The guard over DuckDB-WASM's own tokens (the tokenizer users run), and its table proven on both engines.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { guardStatement, type GuardOptions } from '../../src/sql/guard.ts';
import { QUESTIONS } from '../../src/state/questions.ts';
import { DEFAULT_SQL } from '../../src/state/queryRun.svelte.ts';
import { reportCellsSql } from '../../src/sql/reportSql.ts';
import { ENGINE_NAMES, openEngine, statementsOf, type SqlEngine } from '../helpers/engines.ts';

const OPTIONS: GuardOptions = {
  protectedNames: ['reports', 'cells', 'sections', 'checks', 'facts', 'texts', 'labels', 'diagnostics', 'report_metrics', 'applications_wide', 'selection'],
  globalSettings: new Set(['threads', 'memory_limit', 'default_order', 'autoload_known_extensions', 'errors_as_json_global_probe']),
};
const guard = async (sql: string, options: GuardOptions = OPTIONS) => guardStatement(await statementsOf(sql), options);

// [sql, protected name it targets]: each must be refused, and (see below) each really changes the data set in DuckDB.
const REFUSED: [string, string][] = [
  ['DROP TABLE reports', 'reports'],
  ['drop table if exists reports;', 'reports'],
  ['DROP TABLE "reports"', 'reports'],
  ['DROP TABLE "REPORTS"', 'reports'],
  ['DROP TABLE Main.Reports', 'reports'],
  ['DROP TABLE memory.main.reports', 'reports'],
  ['DROP TABLE memory.reports', 'reports'],
  ['DROP VIEW report_metrics', 'report_metrics'],
  ['DROP VIEW IF EXISTS applications_wide', 'applications_wide'],
  ['DROP TABLE selection', 'selection'],
  ['DELETE FROM cells', 'cells'],
  ['DELETE FROM cells WHERE value > 0', 'cells'],
  ['/* harmless */ DELETE /* really */ FROM -- look away\n cells', 'cells'],
  ['UPDATE reports SET organ = \'x\'', 'reports'],
  ['update "main"."reports" set organ = \'x\' where true', 'reports'],
  ['INSERT INTO reports (report_id, organ) VALUES (\'zz\', \'x\')', 'reports'],
  ["INSERT INTO main.cells BY NAME SELECT 'r9' AS report_id, 1.0 AS value", 'cells'],
  ['TRUNCATE reports', 'reports'],
  ['TRUNCATE TABLE cells', 'cells'],
  ['ALTER TABLE reports ADD COLUMN x INTEGER', 'reports'],
  ['ALTER TABLE reports RENAME TO old_reports', 'reports'],
  ['ALTER VIEW report_metrics RENAME TO m', 'report_metrics'],
  ['CREATE OR REPLACE TABLE reports AS SELECT 1 AS x', 'reports'],
  ['CREATE OR REPLACE VIEW report_metrics AS SELECT 1 AS x', 'report_metrics'],
  ['create or replace table selection as select 1 as report_id', 'selection'],
  ['SELECT 1; DROP TABLE reports', 'reports'],
  ['SELECT \'; \' AS a; DELETE FROM cells', 'cells'],
  ['WITH gone AS (SELECT report_id FROM reports) DELETE FROM cells WHERE report_id IN (SELECT report_id FROM gone)', 'cells'],
  ['CREATE TABLE mine2 AS SELECT 1 AS x; DROP TABLE reports; DROP TABLE mine2', 'reports'],
  ['PREPARE p AS DELETE FROM cells', 'cells'],
  ['EXPLAIN ANALYZE DELETE FROM cells', 'cells'],
  ['COMMENT ON TABLE reports IS \'x\'', 'reports'],
  ['DELETE FROM ONLY reports', 'reports'],
  ['UPDATE ONLY reports SET organ = NULL', 'reports'],
  ['UPDATE reports r SET organ = NULL', 'reports'],
  ['TRUNCATE ONLY cells', 'cells'],
  ['ALTER TABLE ONLY reports ADD COLUMN y INTEGER', 'reports'],
  ['ALTER TABLE IF EXISTS reports ALTER organ SET DATA TYPE INTEGER USING 1', 'reports'],
  ['INSERT INTO reports BY NAME SELECT \'r9\' AS report_id', 'reports'],
  ['WITH x AS (SELECT 1) INSERT INTO cells (report_id) SELECT \'r9\'', 'cells'],
  ['DROP/**/TABLE/**/reports', 'reports'],
  ['DROP TABLE main . reports CASCADE', 'reports'],
  ['COMMENT ON COLUMN reports.organ IS \'x\'', 'reports'],
];

// Refused before DuckDB sees them, but not changes to a table: statements that would change the whole database.
const REFUSED_OTHER: [string, string, string][] = [
  ['DETACH memory', 'database', 'memory'],
  ["ATTACH OR REPLACE ':memory:' AS memory", 'database', 'memory'],
  ['DETACH DATABASE IF EXISTS "memory"', 'database', 'memory'],
  ['SET GLOBAL search_path = \'main\'', 'setting', 'search_path'],
  ['SET threads = 1', 'setting', 'threads'],
  ['SET memory_limit TO \'1MB\'', 'setting', 'memory_limit'],
  ['SET default_order = \'desc\'', 'setting', 'default_order'],
  ['RESET autoload_known_extensions', 'setting', 'autoload_known_extensions'],
  ['RESET ALL', 'setting', 'all'],
  ['PRAGMA threads = 1', 'setting', 'threads'],
  ['SELECT 1; SET threads = 1', 'setting', 'threads'],
  ['CREATE INDEX i ON reports (report_id)', 'relation', 'reports'],
  ['COPY cells FROM \'x.csv\'', 'relation', 'cells'],
  ['COPY cells (report_id, value) FROM \'x.csv\' (HEADER)', 'relation', 'cells'],
  ['CREATE TEMP TABLE reports AS SELECT 1 AS x', 'relation', 'reports'],
  ['MERGE INTO reports USING mine ON false WHEN NOT MATCHED THEN INSERT VALUES (1)', 'relation', 'reports'],
];

// [sql, writes]: allowed; `writes` says the integrity check runs after it.
const ALLOWED: [string, boolean][] = [
  ['SELECT * FROM reports', false],
  ['select count(*) from cells -- DROP TABLE reports', false],
  ['SELECT 1 /* DROP TABLE reports; */', false],
  ['/* nested /* DROP TABLE reports */ still a comment; DELETE FROM cells */ SELECT 2', false],
  ["SELECT 'DROP TABLE reports' AS s", false],
  ["SELECT 'it''s; DELETE FROM cells' AS s", false],
  ["SELECT E'\\'; DELETE FROM cells' AS s", false],
  ['SELECT $$; DROP TABLE reports $$ AS s', false],
  ['SELECT $x$; DROP TABLE reports $x$ AS s', false],
  ['SELECT "delete" FROM (SELECT 1 AS "delete")', false],
  ['WITH r AS (SELECT * FROM reports) SELECT count(*) FROM r', false],
  ['FROM reports LIMIT 3', false],
  ['DESCRIBE reports', false],
  ['SUMMARIZE cells', false],
  ['EXPLAIN SELECT * FROM reports', false],
  ['SELECT * FROM selection', false],
  ["COPY reports TO 'reports.csv'", true],
  ["COPY (SELECT * FROM reports) TO 'r.csv'", true],
  ['CREATE TABLE mine_new AS SELECT * FROM reports', true],
  ['CREATE OR REPLACE TABLE mine AS SELECT * FROM reports', true],
  ['CREATE TEMP TABLE scratch AS SELECT * FROM cells', true],
  ['CREATE TABLE reports_copy AS SELECT * FROM reports', true],
  ['INSERT INTO mine SELECT * FROM reports', true],
  ['INSERT INTO reports_2024 SELECT * FROM reports', true],
  ['UPDATE mine SET organ = (SELECT max(organ) FROM reports)', true],
  ['DELETE FROM mine USING reports WHERE mine.report_id = reports.report_id', true],
  ['DELETE FROM reports_2024', true],
  ['ALTER TABLE mine ADD COLUMN n INTEGER', true],
  ['CREATE VIEW my_view AS SELECT * FROM report_metrics', true],
  ['DROP VIEW IF EXISTS my_view', true],
  ['DROP TABLE mine', true],
  ['DROP TABLE reports_2024', true],
  ['DROP TABLE temp.reports', true],
  ['DROP TABLE other_db.main.reports', true],
  ['CREATE SCHEMA s; CREATE TABLE s.reports AS SELECT 1 AS x; DROP TABLE s.reports', true],
  ['SET search_path = \'main\'', true],
  ['SET VARIABLE x = 1', true],
  ['SET SESSION enable_profiling = \'json\'', true],
  ['PRAGMA table_info(\'reports\')', true],
  ["INSERT INTO mine VALUES ('a') ON CONFLICT DO UPDATE SET organ = 'b'", true],
  ['DETACH other_db', true],
  ["ATTACH ':memory:' AS other_db", true],
];

describe('guardStatement(statements, options)', () => {
  test.each(REFUSED)('refuses %j (writes %s)', async (sql, name) => {
    expect(await guard(sql)).toMatchObject({ kind: 'refuse', reason: 'relation', name });
  });

  test.each(REFUSED_OTHER)('refuses %j (%s %s)', async (sql, reason, name) => {
    expect(await guard(sql)).toMatchObject({ kind: 'refuse', reason, name });
  });

  test.each(ALLOWED)('allows %j (writes: %s)', async (sql, writes) => {
    expect(await guard(sql)).toEqual({ kind: 'allow', writes });
  });

  test('the question library, the default query and the report viewer\'s query read only (they run, chart and download unchecked)', async () => {
    for (const sql of [DEFAULT_SQL, reportCellsSql('0123456789abcdef'), ...QUESTIONS.map((q) => q.sql)]) expect(await guard(sql), sql).toEqual({ kind: 'allow', writes: false });
  });

  test('names the action the user wrote', async () => {
    expect(await guard('DROP TABLE reports')).toMatchObject({ action: 'DROP' });
    expect(await guard('delete from cells')).toMatchObject({ action: 'DELETE' });
    expect(await guard('UPDATE reports SET organ = 1')).toMatchObject({ action: 'UPDATE' });
    expect(await guard('CREATE OR REPLACE VIEW report_metrics AS SELECT 1')).toMatchObject({ action: 'CREATE' });
  });

  test('another default database name is honoured', async () => {
    const wb = { ...OPTIONS, database: 'wb' };
    expect(await guard('DETACH wb', wb)).toMatchObject({ kind: 'refuse', reason: 'database' });
    expect(await guard('DROP TABLE wb.main.reports', wb)).toMatchObject({ kind: 'refuse' });
    expect((await guard('DROP TABLE memory.main.reports', wb)).kind).toBe('allow');
  });

  test('DuckDB\'s tokens keep semicolons inside strings, identifiers and comments', async () => {
    expect(await statementsOf(`SELECT ';' AS "a;b" -- ;\n; /* ; */ SELECT 2;;`)).toHaveLength(2);
  });

  test('a quoted PRAGMA setting name is a setting too', async () => {
    expect(await guard('PRAGMA "threads" = 1')).toMatchObject({ kind: 'refuse', reason: 'setting', name: 'threads' });
  });

  test('a dollar tag with non-ASCII letters is one string (DuckDB\'s lexer, byte offsets mapped back)', async () => {
    expect(await guard("SELECT $é$'$é$; DELETE FROM cells")).toMatchObject({ kind: 'refuse', name: 'cells' });
    expect(await guard("SELECT '中文'; DROP TABLE reports")).toMatchObject({ kind: 'refuse', name: 'reports' });
  });

  test('an unterminated string or comment is not an error (DuckDB reports it)', async () => {
    expect((await guard("SELECT 'unterminated")).kind).toBe('allow');
    expect((await guard('SELECT 1 /* open')).kind).toBe('allow');
  });
});

/**
 * The table above checked against real DuckDB: each refused statement really changes the data set (so the guard
 * refuses something that matters), and each allowed one runs and leaves it as it was.
 */
describe.each(ENGINE_NAMES)('guardStatement() against DuckDB (%s)', (engine) => {
  let db: SqlEngine;
  const SETUP = `
    CREATE OR REPLACE TABLE reports AS SELECT 'r' || range AS report_id, 'organ ' || range AS organ FROM range(5);
    CREATE OR REPLACE TABLE cells AS SELECT 'r' || (range % 5) AS report_id, range::DOUBLE AS value FROM range(20);
    CREATE OR REPLACE VIEW report_metrics AS SELECT report_id, count(*) AS n FROM cells GROUP BY report_id;
    CREATE OR REPLACE VIEW applications_wide AS SELECT * FROM cells;
    CREATE OR REPLACE TABLE selection AS SELECT report_id FROM reports;
    CREATE OR REPLACE TABLE mine AS SELECT * FROM reports;
    DROP TABLE IF EXISTS reports_copy; DROP TABLE IF EXISTS mine_new; DROP VIEW IF EXISTS my_view; DROP SCHEMA IF EXISTS s CASCADE;
    CREATE OR REPLACE TABLE reports_2024 AS SELECT * FROM reports;
  `;
  const PARTS = [
    `SELECT string_agg(table_name || ':' || table_type || ':' || n, ',' ORDER BY table_name)
       FROM information_schema.tables t JOIN (SELECT table_name, count(*) AS n FROM information_schema.columns WHERE table_schema = 'main' GROUP BY 1) USING (table_name)
       WHERE table_schema = 'main' AND table_catalog = 'memory' AND table_name IN ('reports', 'cells', 'selection', 'report_metrics', 'applications_wide')`,
    'SELECT sum(hash(t))::VARCHAR FROM memory.main.reports t',
    'SELECT sum(hash(t))::VARCHAR FROM memory.main.cells t',
    'SELECT sum(hash(t))::VARCHAR FROM memory.main.selection t',
    `SELECT string_agg(sql || coalesce(comment, ''), ',' ORDER BY view_name) FROM duckdb_views() WHERE NOT internal AND view_name IN ('report_metrics', 'applications_wide')`,
    `SELECT string_agg(coalesce(comment, ''), ',') FROM duckdb_tables() WHERE table_name = 'reports'`,
    `SELECT string_agg(coalesce(comment, ''), ',') FROM duckdb_columns() WHERE table_name = 'reports'`,
  ];
  const fingerprint = async () => {
    const out: string[] = [];
    for (const sql of PARTS) {
      try {
        out.push(JSON.stringify(await db.run(sql)));
      } catch (e) {
        out.push(e instanceof Error ? e.message : String(e));
      }
    }
    return out.join('\n');
  };

  /** the data set right after SETUP (the same every time) */
  let baseline: string;
  beforeAll(async () => {
    db = await openEngine(engine);
    await db.run(SETUP);
    baseline = await fingerprint();
  });
  afterAll(() => db.close());

  const runs = async (sql: string) => {
    await db.run(SETUP);
    const before = baseline;
    let error: string | null = null;
    try {
      await db.run(sql);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    return { before, after: await fingerprint(), error };
  };

  // PREPARE only prepares; EXPLAIN ANALYZE and PREPARE/EXECUTE do run it.
  const needsRun = (sql: string) => (sql.startsWith('PREPARE') ? `${sql}; EXECUTE p` : sql);

  test.each(REFUSED)('%j would change the data set', async (sql) => {
    const { before, after, error } = await runs(needsRun(sql));
    expect(error).toBeNull();
    expect(after).not.toBe(before);
  });

  test.each(ALLOWED.filter(([sql]) => !/COPY .* TO|ATTACH|DETACH|other_db|enable_profiling|temp\.reports|ON CONFLICT/i.test(sql)))('%j runs and leaves it as it was', async (sql) => {
    const { before, after, error } = await runs(sql);
    expect(error).toBeNull();
    expect(after).toBe(before);
  });
});
