// One click, a useful chart: defaults from column types, checked on fixtures and on the seeds, where every example
// question and view gets a chart whose SQL runs on both engines and returns marks.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EMPTY_SPEC, parseChartSpec } from '../../src/chart/chartSpec.ts';
import type { SourceColumn } from '../../src/chart/columnKinds.ts';
import { defaultSpec } from '../../src/chart/defaultSpec.ts';
import { chartColumnsSql, chartSql as buildChartSql, distinctCountsSql } from '../../src/sql/chartSql.ts';
import { QUESTIONS } from '../../src/state/questions.ts';
import { ENGINE_NAMES } from '../helpers/engines.ts';
import { openQuestionDatabase } from '../helpers/questionDatabase.ts';
import type { SeedEngine } from '../helpers/seedEngines.ts';

const cols = (spec: Record<string, string>): SourceColumn[] => Object.entries(spec).map(([name, type]) => ({ name, type }));
const stats = (d: Record<string, number>) => ({ distinct: new Map(Object.entries(d)) });

describe('defaultSpec(columns, stats)', () => {
  test('a category and a number → bar of the sum, largest first', () => {
    expect(defaultSpec(cols({ organ: 'VARCHAR', applications_received: 'DOUBLE' }), stats({ organ: 5 }))).toMatchObject({
      mark: 'bar', x: 'organ', y: 'applications_received', aggregate: 'sum', sort: 'value-desc', horizontal: false,
    });
  });
  test('many categories turn the bars sideways', () => {
    expect(defaultSpec(cols({ organ: 'VARCHAR', n: 'BIGINT' }), stats({ organ: 40 })).horizontal).toBe(true);
  });
  test('a year and a number → line', () => {
    expect(defaultSpec(cols({ organ: 'VARCHAR', report_year: 'INTEGER', lawsuits: 'DOUBLE' }), stats({ organ: 9, report_year: 5 }))).toMatchObject({
      mark: 'line', x: 'report_year', y: 'lawsuits', aggregate: 'sum',
    });
  });
  test('two numbers → dot of the rows', () => {
    expect(defaultSpec(cols({ report_id: 'VARCHAR', a: 'DOUBLE', b: 'DOUBLE' }))).toMatchObject({ mark: 'dot', x: 'a', y: 'b', aggregate: 'none' });
  });
  test('only categories → count, coloured by one with few values', () => {
    expect(
      defaultSpec(cols({ report_id: 'VARCHAR', rule_id: 'VARCHAR', status: 'VARCHAR', lhs: 'DOUBLE', rhs: 'DOUBLE' }), stats({ rule_id: 20, status: 3 })),
    ).toMatchObject({ mark: 'bar', x: 'rule_id', y: null, color: 'status', aggregate: 'count' });
  });
  test('ids, offsets and prose are not axes', () => {
    const s = defaultSpec(cols({ report_id: 'VARCHAR', title: 'VARCHAR', start: 'INTEGER', end: 'INTEGER', state: 'VARCHAR' }), stats({ state: 3 }));
    expect(s).toMatchObject({ mark: 'bar', x: 'state', aggregate: 'count' });
  });
});

describe('parseChartSpec(value) for the URL', () => {
  test.each([null, 1, 'bar', [], { mark: 42 }])('never throws on junk (%j)', (v) => {
    expect(() => parseChartSpec(v)).not.toThrow();
  });
  test('keeps known values, drops unknown ones', () => {
    expect(parseChartSpec({ mark: 'cell', x: 'a', y: 'b', color: 'v', aggregate: 'median', top: 10, scale: 'log', sort: 'bogus', layout: 'group', horizontal: 'yes' })).toEqual({
      ...EMPTY_SPEC, mark: 'cell', x: 'a', y: 'b', color: 'v', aggregate: 'median', top: 10, scale: 'log', layout: 'group',
    });
    expect(parseChartSpec({ mark: 'pie', top: -3, x: '' })).toEqual(EMPTY_SPEC);
  });
});

describe.each(ENGINE_NAMES)('on the seeds, every example question and view gets a default chart that runs (%s)', (engine) => {
  let seeds: SeedEngine;
  beforeAll(async () => {
    seeds = await openQuestionDatabase(engine);
  });
  afterAll(() => seeds?.dispose());
  const run = (sql: string) => seeds.run(sql);

  const SOURCES: [string, string][] = [
    ...QUESTIONS.map((q): [string, string] => [q.id, q.sql]),
    ...['report_metrics', 'applications_wide', 'review_litigation_wide', 'active_disclosure_wide', 'checks', 'cells', 'reports', 'facts', 'sections'].map(
      (t): [string, string] => [t, `SELECT * FROM ${t}`],
    ),
  ];

  test.each(SOURCES)('%s', async (_name, sql) => {
    const described = await run(chartColumnsSql(sql));
    const columns = described.map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
    const candidates = columns.filter((c) => !/^(DOUBLE|INTEGER|BIGINT)$/.test(c.type) || /year/.test(c.name));
    const counts = candidates.length
      ? (await run(distinctCountsSql(sql, candidates.map((c) => c.name))))[0]!
      : {};
    const spec = defaultSpec(columns, { distinct: new Map(candidates.map((c, i) => [c.name, Number(counts[`c${i}`])])) });
    expect(spec.x).not.toBeNull();
    expect(spec.x).not.toBe('report_id');
    const q = buildChartSql(spec, sql, columns, { otherLabel: '其他' });
    const rows = await run(q.sql);
    expect(rows.length).toBeGreaterThan(0);
  });

  test.each(QUESTIONS.filter((q) => q.chart).map((q): [string, typeof q] => [q.id, q]))('%s: its suggested chart names columns of its result and runs', async (_id, q) => {
    const columns = (await run(chartColumnsSql(q.sql))).map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
    const spec = parseChartSpec({ ...EMPTY_SPEC, ...q.chart });
    expect(spec).not.toBeNull();
    for (const ch of ['x', 'y', 'color', 'fx', 'fy'] as const) {
      if (spec![ch] !== null) expect(columns.map((c) => c.name), `${ch} = ${spec![ch]}`).toContain(spec![ch]);
    }
    const rows = await run(buildChartSql(spec!, q.sql, columns, { otherLabel: '其他' }).sql);
    expect(rows.length).toBeGreaterThan(0);
  });

  test('report_metrics: sum of new applications by organ; checks: count by column coloured by status', async () => {
    const describe = async (t: string) =>
      (await run(`DESCRIBE ${t}`)).map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
    expect(defaultSpec(await describe('report_metrics'), stats({ organ: 5, title: 5, format: 2, report_year: 2 }))).toMatchObject({
      mark: 'bar', x: 'organ', y: 'applications_received', aggregate: 'sum',
    });
    expect(defaultSpec(await describe('checks'), stats({ rule_id: 12, severity: 2, status: 3, col_key: 30 }))).toMatchObject({
      mark: 'bar', aggregate: 'count', color: 'status',
    });
  });
});
