// Paging SQL on both engines: the rows of a big result materialised once, read back a page at a time.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { materializeSql, pageSql, resultCountSql } from '../../src/sql/pagingSql.ts';
import { ENGINE_NAMES, openEngine, type SqlEngine } from '../helpers/engines.ts';

describe.each(ENGINE_NAMES)('materialised result (%s)', (engine) => {
  let db: SqlEngine;
  beforeAll(async () => {
    db = await openEngine(engine);
  });
  afterAll(() => db?.close());

  test('keeps the query order and pages by rowid, the last page included', async () => {
    await db.run(materializeSql("SELECT i, 'r' || i AS s FROM range(100000) t(i) ORDER BY i DESC;"));
    expect(await db.run(resultCountSql)).toEqual([{ n: 100000 }]);
    expect(await db.run(pageSql(0, 3, ['i', 's']))).toEqual([{ i: 99999, s: 'r99999' }, { i: 99998, s: 'r99998' }, { i: 99997, s: 'r99997' }]);
    expect(await db.run(pageSql(99_998, 2048, ['i', 's']))).toEqual([{ i: 1, s: 'r1' }, { i: 0, s: 'r0' }]);
    const plan = await db.run(`EXPLAIN ${pageSql(4096, 2048, ['i', 's'])}`);
    // the rowid range is a filter of the scan itself, not a pass over every row
    expect(String(plan.at(-1)?.explain_value)).toMatch(/SEQ_SCAN[\s\S]*Filters:[\s\S]*rowid>=4096 AND\s*│?\s*│?\s*rowid<6144/);
  });

  test('a result column named rowid pages by LIMIT/OFFSET and keeps its values', async () => {
    await db.run(materializeSql('SELECT 10 - i AS rowid FROM range(10) t(i)'));
    const sql = pageSql(8, 5, ['rowid']);
    expect(sql).toMatch(/LIMIT 5 OFFSET 8/);
    expect(await db.run(sql)).toEqual([{ rowid: 2 }, { rowid: 1 }]);
  });

  test('duplicate column names and FROM-first / VALUES queries materialise; a trailing comment stays inside', async () => {
    for (const q of ['SELECT 1 AS a, 2 AS a', 'FROM range(3)', 'VALUES (1), (2) -- two rows']) await db.run(materializeSql(q));
    expect(await db.run(resultCountSql)).toEqual([{ n: 2 }]);
  });

  test('rejects a page that is not a range of rows', () => {
    expect(() => pageSql(-1, 10, [])).toThrow(RangeError);
    expect(() => pageSql(0.5, 10, [])).toThrow(RangeError);
  });
});
