// What a script does, read from DuckDB-WASM's own tokens.
import { describe, expect, test } from 'vitest';
import { changesSchema, isQuery, readsOnly, rereadable, writeTargets } from '../../src/sql/statements.ts';
import { statementsOf, tokensOf } from '../helpers/engines.ts';
import { needsTexts } from '../../src/sql/statements.ts';

describe('splitStatements(sql, tokens)', () => {
  test('splits at top-level semicolons only', async () => {
    const sql = `SELECT 'a;b' AS "x;y"; -- c;d\nSELECT $$e;f$$ /* g;h */ ;\n  ;SELECT 3`;
    expect((await statementsOf(sql)).map((s) => s.text)).toEqual([`SELECT 'a;b' AS "x;y"`, `SELECT $$e;f$$ /* g;h */`, 'SELECT 3']);
  });
  test('keeps doubled quotes inside a literal', async () => {
    expect(await statementsOf(`SELECT 'it''s; fine'; SELECT 2`)).toHaveLength(2);
  });
  test('drops a trailing comment-only statement', async () => {
    expect(await statementsOf('SELECT 1; -- done')).toHaveLength(1);
  });
  test('a carriage return ends a line comment, as DuckDB reads it', async () => {
    const st = await statementsOf('SELECT 1; -- c\rUPDATE reports SET x = 1');
    expect(st.map((s) => s.text)).toEqual(['SELECT 1', 'UPDATE reports SET x = 1']);
  });
  test('offsets are characters of the SQL, past non-ASCII text too', async () => {
    const sql = "SELECT '湖北省'; SELECT \"名称\" FROM t";
    const st = await statementsOf(sql);
    expect(st.map((s) => s.text)).toEqual(["SELECT '湖北省'", 'SELECT "名称" FROM t']);
    expect(st[1]!.tokens.map((t) => t.text)).toEqual(['SELECT', '名称', 'FROM', 't']);
  });
});

describe('rereadable(statements)', () => {
  test.each([
    ['SELECT * FROM range(10);', 'SELECT * FROM range(10)'],
    ['  with t AS (SELECT 1) SELECT * FROM t', 'with t AS (SELECT 1) SELECT * FROM t'],
    ['FROM reports', 'FROM reports'],
    ['VALUES (1), (2)', 'VALUES (1), (2)'],
    ['-- note\nSELECT 1', 'SELECT 1'],
    ['CREATE TABLE x AS SELECT 1; SELECT * FROM x', 'SELECT * FROM x'],
    ["SELECT 'insert' AS kind, update_time FROM t", "SELECT 'insert' AS kind, update_time FROM t"],
    ['SELECT "nextval" FROM t', 'SELECT "nextval" FROM t'],
  ])('%j is read again as %j', async (sql, tail) => {
    expect(rereadable(await statementsOf(sql))).toBe(tail);
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
  ])('%j is never run again', async (sql) => {
    expect(rereadable(await statementsOf(sql))).toBeNull();
  });
});

describe('readsOnly / isQuery / changesSchema / writeTargets / needsTexts', () => {
  test('a script reads only when every statement does', async () => {
    expect(readsOnly(await statementsOf('SELECT 1; FROM reports; DESCRIBE cells'))).toBe(true);
    expect(readsOnly(await statementsOf('SELECT 1; CREATE TABLE t AS SELECT 1'))).toBe(false);
    expect(readsOnly(await statementsOf("SELECT 'CREATE TABLE t' AS s"))).toBe(true);
  });
  test('one query can be charted; a script or a statement cannot', async () => {
    expect(isQuery(await statementsOf('-- c\n(SELECT 1)'))).toBe(true);
    expect(isQuery(await statementsOf('SUMMARIZE reports'))).toBe(true);
    expect(isQuery(await statementsOf('SELECT 1; SELECT 2'))).toBe(false);
    expect(isQuery(await statementsOf('CREATE TABLE t AS SELECT 1'))).toBe(false);
  });
  test('schema changes are statements that create, drop or attach, not words in strings', async () => {
    expect(changesSchema(await statementsOf('SELECT 1;\n  drop table t'))).toBe(true);
    expect(changesSchema(await statementsOf("SELECT 'create' AS s"))).toBe(false);
  });
  test('write targets are named as written', async () => {
    const [st] = await statementsOf('UPDATE "Main"."My Table" SET x = 1');
    expect(writeTargets(st!)).toEqual([{ kind: 'relation', action: 'UPDATE', parts: ['main', 'my table'] }]);
  });
  test('the full texts are needed when the name texts is read, not when it is a string', async () => {
    expect(needsTexts(await tokensOf('SELECT count(*) FROM "texts"'))).toBe(true);
    expect(needsTexts(await tokensOf("SELECT 'texts' AS s, text_len FROM reports"))).toBe(false);
  });
});
