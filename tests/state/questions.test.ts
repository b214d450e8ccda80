import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUESTIONS } from '../../src/state/questions.ts';
import { zh } from '../../src/i18n/zh.ts';
import { en } from '../../src/i18n/en.ts';
import { selectedReportsSql } from '../../src/sql/catalogSql.ts';
import { copyTableSql } from '../../src/sql/ddlSql.ts';
import { labelledCellsSql, reportCellsSql } from '../../src/sql/reportSql.ts';
import { ENGINE_NAMES } from '../helpers/engines.ts';
import { openQuestionDatabase } from '../helpers/questionDatabase.ts';
import type { SeedEngine } from '../helpers/seedEngines.ts';

describe.each(ENGINE_NAMES)('question library on the seeds and a report built to fail (%s)', (engine) => {
  let seeds: SeedEngine;
  beforeAll(async () => {
    seeds = await openQuestionDatabase(engine);
  });
  afterAll(async () => {
    await seeds?.dispose();
  });
  const rowsOf = (sql: string) => seeds.run(sql);

  it('has at least 12 questions with unique ids', () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(QUESTIONS.map((q) => q.id)).size).toBe(QUESTIONS.length);
  });

  it.each(QUESTIONS.map((q) => [q.id, q.sql]))('%s runs and returns rows', async (_id, sql) => {
    expect((await rowsOf(sql)).length).toBeGreaterThan(0);
  });

  it('has a name and a description in both languages', () => {
    for (const q of QUESTIONS) {
      for (const key of [q.name, q.description]) {
        expect(zh[key], key).toBeTruthy();
        expect(en[key], key).toBeTruthy();
        expect(en[key]).not.toBe(zh[key]);
      }
    }
  });

  it('unbalanced lists the two failing checks of the fixture with their difference', async () => {
    const rows = await rowsOf(QUESTIONS.find((q) => q.id === 'unbalanced')!.sql);
    expect(rows.map((r) => [r.rule_id, r.col_key, Number(r.difference)]).sort()).toEqual([
      ['APP-BAL', 'natural_person', -1],
      ['APP-ROW', 'new_received', 1],
    ]);
  });

  it('grant_rate puts seed 003 (144 received, 43 granted of 139) with the right share', async () => {
    const rows = await rowsOf(QUESTIONS.find((q) => q.id === 'grant_rate')!.sql);
    const r = rows.find((x) => x.organ === '硚口区人民政府')!;
    expect(Number(r.applications_received)).toBe(144);
    expect(Number(r.granted_pct)).toBeCloseTo((100 * 43) / Number(r.results_total), 1);
  });

  it('facts_vs_tables finds that the text of seed 003 agrees with its table (147 is new + carried over)', async () => {
    const rows = await rowsOf(QUESTIONS.find((q) => q.id === 'facts_vs_tables')!.sql);
    const carried = rows.find((x) => x.organ === '硚口区人民政府' && x.label === 'carried_over')!;
    expect(Number(carried.in_text)).toBe(3);
    expect(Number(carried.in_table)).toBe(3);
    expect(carried.agrees).toBe(true);
    const received = rows.find((x) => x.organ === '硚口区人民政府' && x.label === 'applications_received')!;
    expect([Number(received.in_text), Number(received.in_table), received.agrees]).toEqual([147, 147, true]);
  });

  it("the panels' own SQL runs: the catalog's selection, the schema browser's example, a copy of a protected table", async () => {
    expect((await rowsOf(selectedReportsSql)).length).toBe(6);
    expect((await rowsOf(labelledCellsSql)).length).toBeGreaterThan(100);
    await rowsOf(copyTableSql('reports'));
    expect(await rowsOf('SELECT count(*) AS n FROM my_reports')).toEqual([{ n: 6 }]);
    await rowsOf('DROP TABLE my_reports');
  });

  it("reportCellsSql(id) lists one report's numbers with Chinese row and column labels", async () => {
    const rows = await rowsOf(reportCellsSql('7b951b280899339b'));
    const r = rows.find((x) => x.row_key === 'new_received' && x.col_key === 'natural_person')!;
    expect([r.row_label, r.col_label, Number(r.value), Number(r.start)]).toEqual(['一、本年新收政府信息公开申请数量', '自然人', 139, 5654]);
    expect(await rowsOf(reportCellsSql("x' OR '1'='1"))).toEqual([]);
  });
});
