// The SQL downloads stream, run through native DuckDB on the seeds (the same SQL runs in DuckDB-WASM).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countSql, losslessSql, quoteIdent, selectionSql, stripStatementEnd, tableSql } from '../../src/db/exportSql.ts';
import { openSeedDatabase, type SeedDatabase } from '../helpers/seedDatabase.ts';

let seed: SeedDatabase;
const rows = async (sql: string) => (await seed.db.connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
const describeSql = async (sql: string) =>
  (await rows(`DESCRIBE ${stripStatementEnd(sql)}`)).map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));

beforeAll(async () => {
  seed = await openSeedDatabase();
});
afterAll(async () => seed?.dispose());

describe('losslessSql(sql, columns)', () => {
  it('turns BIGINT, UBIGINT and HUGEINT columns into their exact digits and leaves the rest', async () => {
    const sql = `SELECT 9007199254740993::BIGINT AS "big one", 18446744073709551615::UBIGINT AS u,
      170141183460469231731687303715884105727::HUGEINT AS h, 1.5 AS d, '湖北' AS s, NULL::BIGINT AS n;`;
    const wrapped = losslessSql(sql, await describeSql(sql));
    expect(await describeSql(wrapped)).toEqual([
      { name: 'big one', type: 'VARCHAR' }, { name: 'u', type: 'VARCHAR' }, { name: 'h', type: 'VARCHAR' },
      { name: 'd', type: 'DECIMAL(2,1)' }, { name: 's', type: 'VARCHAR' }, { name: 'n', type: 'VARCHAR' },
    ]);
    expect(await rows(wrapped)).toEqual([
      { 'big one': '9007199254740993', u: '18446744073709551615', h: '170141183460469231731687303715884105727', d: 1.5, s: '湖北', n: null },
    ]);
  });

  it('returns the query unchanged when no column needs it', async () => {
    const sql = 'SELECT report_id, value FROM cells';
    expect(losslessSql(sql, await describeSql(sql))).toBe(sql);
  });

  it('keeps a trailing comment out of the way', async () => {
    const sql = 'SELECT count(*) AS n FROM reports -- 全部\n;';
    expect(await rows(losslessSql(sql, await describeSql(sql)))).toEqual([{ n: '5' }]);
  });
});

describe('tableSql / selectionSql / countSql', () => {
  it('selects a selection’s rows of a table, and counts them', async () => {
    await seed.db.connection.run(`CREATE OR REPLACE VIEW selection AS SELECT report_id FROM reports WHERE report_year = 2021`);
    const [sel] = await rows(countSql(selectionSql('cells')));
    const [want] = await rows(`SELECT count(*)::DOUBLE AS n FROM cells JOIN reports USING (report_id) WHERE report_year = 2021`);
    expect(sel!.n).toBe(want!.n);
    expect(sel!.n).toBeGreaterThan(0);
    const [all] = await rows(countSql(tableSql('cells') + ';'));
    expect(all!.n).toBeGreaterThan(sel!.n as number);
  });

  it('quotes identifiers, reserved words and quotes included', () => {
    expect(quoteIdent('end')).toBe('"end"');
    expect(quoteIdent('a"b')).toBe('"a""b"');
    expect(tableSql('my table')).toBe('SELECT * FROM "my table"');
  });
});
