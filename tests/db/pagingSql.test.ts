import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { materializeSql, pageSql, rereadableTail, resultCountSql, splitStatements } from '../../src/db/pagingSql.ts';
import { openDuckDB, type OpenDuckDB } from '../../src/pipeline/openDuckDB.ts';

describe('splitStatements(sql)', () => {
  test('splits at top-level semicolons only', () => {
    const sql = `SELECT 'a;b' AS "x;y"; -- c;d\nSELECT $$e;f$$ /* g;h */ ;\n  ;SELECT 3`;
    expect(splitStatements(sql).map((s) => s.text.trim())).toEqual([`SELECT 'a;b' AS "x;y"`, `-- c;d\nSELECT $$e;f$$ /* g;h */`, 'SELECT 3']);
  });
  test('keeps doubled quotes inside a literal', () => {
    expect(splitStatements(`SELECT 'it''s; fine'; SELECT 2`)).toHaveLength(2);
  });
  test('drops a trailing comment-only statement', () => {
    expect(splitStatements('SELECT 1; -- done')).toHaveLength(1);
  });
});

describe('rereadableTail(sql)', () => {
  test.each([
    ['SELECT * FROM range(10);', 'SELECT * FROM range(10)'],
    ['  with t AS (SELECT 1) SELECT * FROM t', 'with t AS (SELECT 1) SELECT * FROM t'],
    ['FROM reports', 'FROM reports'],
    ['VALUES (1), (2)', 'VALUES (1), (2)'],
    ['-- note\nSELECT 1', '-- note\nSELECT 1'],
    ['CREATE TABLE x AS SELECT 1; SELECT * FROM x', 'SELECT * FROM x'],
    ["SELECT 'insert' AS kind, update_time FROM t", "SELECT 'insert' AS kind, update_time FROM t"],
  ])('%j is read again as %j', (sql, tail) => {
    expect(rereadableTail(sql)).toBe(tail);
  });
  test.each([
    'INSERT INTO t SELECT * FROM range(10) RETURNING *',
    'DELETE FROM t RETURNING *',
    "SELECT nextval('s') FROM range(10)",
    'SELECT 1; CALL pragma_version()',
    'PRAGMA table_info(reports)',
    'EXPLAIN SELECT 1',
    'SUMMARIZE reports',
    '',
    '-- nothing',
  ])('%j is never run again', (sql) => {
    expect(rereadableTail(sql)).toBeNull();
  });
});

describe('materialised result over native DuckDB', () => {
  let db: OpenDuckDB;
  const rows = async (sql: string) => (await db.connection.runAndReadAll(sql)).getRowObjectsJS();
  beforeAll(async () => {
    db = await openDuckDB();
  });
  afterAll(() => db?.close());

  test('keeps the query order and pages by rowid, the last page included', async () => {
    await db.connection.run(materializeSql("SELECT i, 'r' || i AS s FROM range(100000) t(i) ORDER BY i DESC;"));
    expect(await rows(resultCountSql)).toEqual([{ n: 100000 }]);
    expect(await rows(pageSql(0, 3, ['i', 's']))).toEqual([{ i: 99999n, s: 'r99999' }, { i: 99998n, s: 'r99998' }, { i: 99997n, s: 'r99997' }]);
    const last = await rows(pageSql(99_998, 2048, ['i', 's']));
    expect(last).toEqual([{ i: 1n, s: 'r1' }, { i: 0n, s: 'r0' }]);
    const plan = await rows(`EXPLAIN ${pageSql(4096, 2048, ['i', 's'])}`);
    // the rowid range is a filter of the scan itself, not a pass over every row
    expect(String(plan.at(-1)?.explain_value)).toMatch(/SEQ_SCAN[\s\S]*Filters:[\s\S]*rowid>=4096 AND\s*│?\s*│?\s*rowid<6144/);
  });

  test('a result column named rowid pages by LIMIT/OFFSET and keeps its values', async () => {
    await db.connection.run(materializeSql('SELECT 10 - i AS rowid FROM range(10) t(i)'));
    const sql = pageSql(8, 5, ['rowid']);
    expect(sql).toMatch(/LIMIT 5 OFFSET 8/);
    expect(await rows(sql)).toEqual([{ rowid: 2n }, { rowid: 1n }]);
  });

  test('duplicate column names and FROM-first / VALUES queries materialise', async () => {
    for (const q of ['SELECT 1 AS a, 2 AS a', 'FROM range(3)', 'VALUES (1), (2)']) {
      await db.connection.run(materializeSql(q));
    }
    expect(await rows(resultCountSql)).toEqual([{ n: 2 }]);
  });

  test('rejects a page that is not a range of rows', () => {
    expect(() => pageSql(-1, 10, [])).toThrow(RangeError);
    expect(() => pageSql(0.5, 10, [])).toThrow(RangeError);
  });
});
