// The chart SQL builder: generated SQL checked as text, then run on both engines over fixture tables.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ChartSpecError } from '../../src/chart/chartSpecError.ts';
import { chartSql as buildChartSql } from '../../src/sql/chartSql.ts';
import { EMPTY_SPEC, type ChartSpec } from '../../src/chart/chartSpec.ts';
import type { SourceColumn } from '../../src/chart/columnKinds.ts';
import { ENGINE_NAMES, openEngine, type SqlEngine } from '../helpers/engines.ts';

const FIXTURE = `
CREATE TABLE apps AS SELECT * FROM (VALUES
  ('甲区', 2022, 'new_received', 10.0, 1, DATE '2023-01-31'),
  ('甲区', 2023, 'new_received', 30.0, 2, DATE '2024-01-31'),
  ('甲区', 2023, 'granted', 12.0, 2, DATE '2024-01-31'),
  ('乙县', 2022, 'new_received', 5.0, 1, DATE '2023-02-01'),
  ('乙县', 2023, 'new_received', 7.0, 3, DATE '2024-02-01'),
  ('乙县', 2023, 'granted', NULL, 3, DATE '2024-02-01'),
  ('丙市', 2023, 'new_received', 100.0, 4, DATE '2024-03-01'),
  ('丁镇', 2023, 'new_received', 1.0, 1, NULL),
  (NULL, 2023, 'granted', 2.0, 1, NULL)
) AS t(organ, year, row_key, total, "we""ird col", published);`;

const COLUMNS: SourceColumn[] = [
  { name: 'organ', type: 'VARCHAR' },
  { name: 'year', type: 'INTEGER' },
  { name: 'row_key', type: 'VARCHAR' },
  { name: 'total', type: 'DOUBLE' },
  { name: 'we"ird col', type: 'INTEGER' },
  { name: 'published', type: 'DATE' },
];
const SOURCE = 'SELECT * FROM apps -- a trailing comment\n;';
const spec = (s: Partial<ChartSpec>): ChartSpec => ({ ...EMPTY_SPEC, ...s });
const OPTS = { otherLabel: '其他' };

describe.each(ENGINE_NAMES)('chartSql(spec, source, columns) (%s)', (engine) => {
  let db: SqlEngine;
  beforeAll(async () => {
    db = await openEngine(engine);
    await db.run(FIXTURE);
  });
  afterAll(() => db?.close());
  const rows = (sql: string) => db.run(sql);

  test('bar of sum by category: a GROUP BY over the source as a CTE, text and result', async () => {
    const q = buildChartSql(spec({ mark: 'bar', x: 'organ', y: 'total', aggregate: 'sum', sort: 'value-desc' }), SOURCE, COLUMNS, OPTS);
    expect(q.sql).toBe(
      [
        'WITH src AS (',
        'SELECT * FROM apps -- a trailing comment',
        '),',
        'agg AS (',
        'SELECT "organ" AS "x", CAST(sum("total") AS DOUBLE) AS "y"',
        'FROM src',
        'GROUP BY 1',
        ')',
        'SELECT * FROM agg',
        'ORDER BY sum("y") OVER (PARTITION BY "x") DESC NULLS LAST, "x" NULLS LAST',
        'LIMIT 2001',
      ].join('\n'),
    );
    expect(q.kind).toBe('aggregate');
    expect(q.channels).toEqual({ x: 'x', y: 'y' });
    expect(await rows(q.sql)).toEqual([
      { x: '丙市', y: 100 },
      { x: '甲区', y: 52 },
      { x: '乙县', y: 12 },
      { x: null, y: 2 },
      { x: '丁镇', y: 1 },
    ]);
  });

  test.each([
    ['count', 'count(*)', 3],
    ['mean', 'avg("total")', 52 / 3],
    ['median', 'median("total")', 12],
    ['min', 'min("total")', 10],
    ['max', 'max("total")', 30],
    ['distinct', 'count(DISTINCT "total")', 3],
  ] as const)('aggregate %s → %s', async (aggregate, fn, value) => {
    const q = buildChartSql(spec({ x: 'organ', y: aggregate === 'count' ? null : 'total', aggregate }), SOURCE, COLUMNS, OPTS);
    expect(q.sql).toContain(`CAST(${fn} AS DOUBLE) AS "y"`);
    const got = (await rows(q.sql)).find((r) => r.x === '甲区')!;
    expect(got.y).toBeCloseTo(value, 9);
  });

  test('colour and facets become grouping columns, sorted by x', async () => {
    const q = buildChartSql(spec({ x: 'year', y: 'total', color: 'row_key', fx: 'organ', aggregate: 'sum' }), SOURCE, COLUMNS, OPTS);
    expect(q.sql).toContain('SELECT "year" AS "x", "row_key" AS "color", "organ" AS "fx", CAST(sum("total") AS DOUBLE) AS "y"');
    expect(q.sql).toContain('GROUP BY 1, 2, 3');
    expect(q.sql).toContain('ORDER BY "x" NULLS LAST, "color" NULLS LAST, "fx" NULLS LAST');
    const r = await rows(q.sql);
    expect(r).toHaveLength(9);
    expect(r[0]).toEqual({ x: 2022, color: 'new_received', fx: '乙县', y: 5 });
  });

  test('top-N keeps the largest x categories and merges the rest into "other", last', async () => {
    const q = buildChartSql(spec({ x: 'organ', y: 'total', aggregate: 'sum', top: 2, sort: 'value-desc' }), SOURCE, COLUMNS, OPTS);
    expect(q.sql).toContain('top AS (\nSELECT "organ" AS k FROM src WHERE "organ" IS NOT NULL GROUP BY 1 ORDER BY sum("total") DESC NULLS LAST, 1 LIMIT 2\n)');
    expect(q.sql).toContain(`CASE WHEN "organ" IN (SELECT k FROM top) THEN CAST("organ" AS VARCHAR) ELSE '其他' END AS "x"`);
    expect(await rows(q.sql)).toEqual([
      { x: '丙市', y: 100 },
      { x: '甲区', y: 52 },
      { x: '其他', y: 15 },
    ]);
  });

  test('top-N with a mean re-aggregates from the rows, not from partial means', async () => {
    const q = buildChartSql(spec({ x: 'organ', y: 'total', aggregate: 'mean', top: 1 }), SOURCE, COLUMNS, OPTS);
    const other = (await rows(q.sql)).find((r) => r.x === '其他')!;
    expect(other.y).toBeCloseTo((10 + 30 + 12 + 5 + 7 + 1 + 2) / 7, 9);
  });

  test('heat map: x and y are dimensions, the colour carries the value', async () => {
    const q = buildChartSql(spec({ mark: 'cell', x: 'year', y: 'row_key', color: 'total', aggregate: 'sum' }), SOURCE, COLUMNS, OPTS);
    expect(q.channels).toEqual({ x: 'x', y: 'y', color: 'color' });
    expect(q.sql).toContain('SELECT "year" AS "x", "row_key" AS "y", CAST(sum("total") AS DOUBLE) AS "color"');
    expect(await rows(q.sql)).toContainEqual({ x: 2023, y: 'granted', color: 14 });
  });

  test('dot without aggregate and box read capped raw rows, nulls dropped', async () => {
    const dot = buildChartSql(spec({ mark: 'dot', x: 'year', y: 'total', color: 'organ', aggregate: 'none' }), SOURCE, COLUMNS, { ...OPTS, maxRows: 3 });
    expect(dot.kind).toBe('rows');
    expect(dot.sql).toContain('SELECT "year" AS "x", "total" AS "y", "organ" AS "color"\nFROM src\nWHERE "year" IS NOT NULL AND "total" IS NOT NULL\nLIMIT 4');
    expect(await rows(dot.sql)).toHaveLength(4);
    const box = buildChartSql(spec({ mark: 'box', x: 'row_key', y: 'total' }), SOURCE, COLUMNS, OPTS);
    expect(box.kind).toBe('rows');
    expect(await rows(box.sql)).toHaveLength(8);
  });

  test('quotes identifiers and strings: a column named we"ird col, an other label with a quote', async () => {
    const q = buildChartSql(spec({ x: 'we"ird col', y: 'total', aggregate: 'sum', top: 1 }), SOURCE, COLUMNS, { otherLabel: "it's other" });
    expect(q.sql).toContain('"we""ird col"');
    expect(q.sql).toContain(`'it''s other'`);
    expect(await rows(q.sql)).toEqual([
      { x: '4', y: 100 },
      { x: "it's other", y: 67 },
    ]);
  });

  test('a date column groups as dates', async () => {
    const q = buildChartSql(spec({ mark: 'line', x: 'published', y: 'total', aggregate: 'max' }), SOURCE, COLUMNS, OPTS);
    const r = await rows(q.sql);
    expect(r.at(-1)).toEqual({ x: null, y: 2 });
    expect(r).toHaveLength(6);
  });

  test('min/max of a text column stays text and is not cast', async () => {
    const q = buildChartSql(spec({ x: 'year', y: 'organ', aggregate: 'max', sort: 'value-desc' }), SOURCE, COLUMNS, OPTS);
    expect(q.sql).toContain('max("organ") AS "y"');
    expect(q.sql).toContain('ORDER BY "x" NULLS LAST');
    expect(await rows(q.sql)).toEqual([{ x: 2022, y: '甲区' }, { x: 2023, y: '甲区' }]);
  });

  test('groups past the cap come back as one extra row', async () => {
    const q = buildChartSql(spec({ x: 'total' }), SOURCE, COLUMNS, { ...OPTS, maxGroups: 3 });
    expect(await rows(q.sql)).toHaveLength(4);
  });

  test.each([
    [spec({ x: 'nope' }), 'unknown_column'],
    [spec({ x: null }), 'no_x'],
    [spec({ x: 'organ', y: 'row_key', aggregate: 'sum' }), 'not_numeric'],
    [spec({ x: 'organ', aggregate: 'sum' }), 'no_measure'],
    [spec({ mark: 'cell', x: 'organ', y: null }), 'no_y'],
    [spec({ mark: 'box', x: 'organ', y: null }), 'no_y'],
  ])('misuse is a ChartSpecError, not bad SQL (%#)', (s, code) => {
    expect(() => buildChartSql(s, SOURCE, COLUMNS, OPTS)).toThrow(ChartSpecError);
    try {
      buildChartSql(s, SOURCE, COLUMNS, OPTS);
    } catch (e) {
      expect((e as ChartSpecError).code).toBe(code);
    }
  });
});
