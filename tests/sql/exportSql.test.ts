// The SQL downloads stream, run on the seeds in both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countSql, describeSql, limitSql, losslessSql, selectionSql, tableSql } from '../../src/sql/exportSql.ts';
import { ident, literal, typedIdent } from '../../src/sql/quote.ts';
import { ENGINE_NAMES } from '../helpers/engines.ts';
import { openSeedEngine, removeSeedBuilds, type SeedEngine } from '../helpers/seedEngines.ts';

afterAll(removeSeedBuilds);

describe.each(ENGINE_NAMES)('export SQL (%s)', (engine) => {
  let seed: SeedEngine;
  const columns = async (sql: string) => (await seed.run(describeSql(sql))).map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
  beforeAll(async () => {
    seed = await openSeedEngine(engine);
  });
  afterAll(async () => seed?.dispose());

  it('losslessSql turns BIGINT, UBIGINT and HUGEINT columns into their exact digits and leaves the rest', async () => {
    const sql = `SELECT 9007199254740993::BIGINT AS "big one", 18446744073709551615::UBIGINT AS u,
      170141183460469231731687303715884105727::HUGEINT AS h, 1.5 AS d, '湖北' AS s, NULL::BIGINT AS n;`;
    const wrapped = losslessSql(sql, await columns(sql));
    expect(await columns(wrapped)).toEqual([
      { name: 'big one', type: 'VARCHAR' }, { name: 'u', type: 'VARCHAR' }, { name: 'h', type: 'VARCHAR' },
      { name: 'd', type: 'DECIMAL(2,1)' }, { name: 's', type: 'VARCHAR' }, { name: 'n', type: 'VARCHAR' },
    ]);
    expect(await seed.run(wrapped)).toEqual([
      { 'big one': '9007199254740993', u: '18446744073709551615', h: '170141183460469231731687303715884105727', d: 1.5, s: '湖北', n: null },
    ]);
  });

  it('losslessSql returns the query unchanged when no column needs it', async () => {
    const sql = 'SELECT report_id, value FROM cells';
    expect(losslessSql(sql, await columns(sql))).toBe(sql);
  });

  it('losslessSql keeps a trailing comment out of the way', async () => {
    const sql = 'SELECT count(*) AS n FROM reports -- 全部\n;';
    expect(await seed.run(losslessSql(sql, await columns(sql)))).toEqual([{ n: '5' }]);
  });

  it('selects a selection’s rows of a table, counts them, and limits them', async () => {
    await seed.run(`CREATE OR REPLACE TABLE selection AS SELECT report_id FROM reports WHERE report_year = 2021`);
    const [sel] = await seed.run(countSql(selectionSql('cells')));
    const [want] = await seed.run(`SELECT count(*)::DOUBLE AS n FROM cells JOIN reports USING (report_id) WHERE report_year = 2021`);
    expect(sel!.n).toBe(want!.n);
    expect(sel!.n).toBeGreaterThan(0);
    const [all] = await seed.run(countSql(tableSql('cells') + ';'));
    expect(all!.n).toBeGreaterThan(sel!.n as number);
    expect(await seed.run(limitSql('SELECT * FROM cells -- c', 3))).toHaveLength(3);
  });
});

describe('quote.ts', () => {
  it('quotes identifiers, reserved words and quotes included', () => {
    expect(ident('end')).toBe('"end"');
    expect(ident('a"b')).toBe('"a""b"');
    expect(tableSql('my table')).toBe('SELECT * FROM "my table"');
  });
  it('quotes literals, and leaves plain names bare where a person types them', () => {
    expect(literal("it's")).toBe("'it''s'");
    expect(typedIdent('main.reports')).toBe('main.reports');
    expect(typedIdent('申请 数')).toBe('"申请 数"');
  });
});
