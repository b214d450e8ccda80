import { describe, expect, it } from 'vitest';
import { TABLES } from '../../src/core/schema.ts';
import { createTableSql } from '../../src/sql/ddlSql.ts';
import { OVERVIEW_SQL } from '../../src/sql/overviewSql.ts';
import { toOverview } from '../../src/state/overview.ts';
import { ENGINE_NAMES, openEngine } from '../helpers/engines.ts';

describe.each(ENGINE_NAMES)('OVERVIEW_SQL (%s)', (engine) => {
  it('runs on the contract tables and folds into totals and groups', async () => {
    const conn = await openEngine(engine);
    for (const t of TABLES) await conn.run(createTableSql(t));
    await conn.run(`INSERT INTO reports (report_id, organ, report_year, format, doc_kind) VALUES
      ('a', '甲局', 2021, 'gov_2021', 'annual_report'), ('b', '乙局', 2020, 'gov_2019', 'annual_report'),
      ('c', '乙局', 2020, 'none', 'work_summary')`);
    await conn.run(`INSERT INTO checks (report_id, rule_id, severity, status) VALUES ('a','APP-BAL','error','fail'), ('a','APP-SUM','error','fail'), ('b','APP-BAL','error','pass')`);
    const rows = (await conn.run(OVERVIEW_SQL)).map((r) => ({ dim: String(r.dim), k: r.k === null ? null : String(r.k), n: Number(r.n) }));
    conn.close();
    const o = toOverview(rows);
    expect(o.totals).toEqual({ reports: 3, organs: 2, years: 2, cells: 0, failed: 1, passed: 1 });
    expect(o.byProvince).toEqual([[null, 3]]);
    expect(o.topRules).toEqual([['APP-BAL', 1], ['APP-SUM', 1]]);
    expect(o.byFormat).toEqual(expect.arrayContaining([['gov_2021', 1], ['gov_2019', 1], ['none', 1]]));
    expect(o.byKind[0]).toEqual(['annual_report', 2]);
    expect(o.byYear).toEqual([['2020', 2], ['2021', 1]]);
  });
});
