import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { TABLES } from '../../src/core/schema.ts';
import { createTableSql } from '../../src/db/ddl.ts';
import { OVERVIEW_SQL, toOverview } from '../../src/state/overviewQuery.ts';

describe('OVERVIEW_SQL', () => {
  it('runs on the contract tables and folds into totals and groups', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    for (const t of TABLES) await conn.run(createTableSql(t));
    await conn.run(`INSERT INTO reports (report_id, organ, report_year, format, doc_kind) VALUES
      ('a', '甲局', 2021, 'gov_2021', 'annual_report'), ('b', '乙局', 2020, 'gov_2019', 'annual_report'),
      ('c', '乙局', 2020, 'none', 'work_summary')`);
    await conn.run(`INSERT INTO checks (report_id, rule_id, severity, status) VALUES ('a','APP-BAL','error','fail'), ('a','APP-SUM','error','fail'), ('b','APP-BAL','error','pass')`);
    const reader = await conn.runAndReadAll(OVERVIEW_SQL);
    const rows = reader.getRowObjectsJS().map((r) => ({ dim: String(r.dim), k: r.k === null ? null : String(r.k), n: Number(r.n) }));
    conn.closeSync();
    const o = toOverview(rows);
    expect(o.totals).toEqual({ reports: 3, organs: 2, years: 2, cells: 0, failed: 1, passed: 1 });
    expect(o.byProvince).toEqual([[null, 3]]);
    expect(o.topRules).toEqual([['APP-BAL', 1], ['APP-SUM', 1]]);
    expect(o.byFormat).toEqual(expect.arrayContaining([['gov_2021', 1], ['gov_2019', 1], ['none', 1]]));
    expect(o.byKind[0]).toEqual(['annual_report', 2]);
    expect(o.byYear).toEqual([['2020', 2], ['2021', 1]]);
  });
});
