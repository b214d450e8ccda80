import { DateMillisecond, Table, tableFromArrays, tableFromJSON, vectorFromArray } from 'apache-arrow';
import { describe, expect, test } from 'vitest';
import { arrowToChartData } from '../../src/chart/arrowToChartData.ts';

describe('arrowToChartData(table, channels, limit, nullLabel)', () => {
  test('category nulls get a visible label, numeric nulls stay null, rows past the limit are cut and flagged', () => {
    const table = tableFromJSON([
      { x: 'a', y: 1.5 },
      { x: null, y: null },
      { x: 'c', y: 3 },
    ]);
    const d = arrowToChartData(table, { x: 'x', y: 'y' }, 2, '（空）');
    expect(d).toEqual({ length: 2, columns: { x: ['a', '（空）'], y: [1.5, null] }, truncated: true });
  });

  test('whole numbers arrive as numbers, and a missing column is skipped', () => {
    const table = tableFromArrays({ x: Int32Array.from([2021, 2022]), y: Float64Array.from([1, 2]) });
    const d = arrowToChartData(table, { x: 'x', y: 'y', color: 'nope' }, 10, '-');
    expect(d.columns).toEqual({ x: [2021, 2022], y: [1, 2] });
    expect(d.truncated).toBe(false);
  });

  test('dates become Date objects for Plot\'s time scale', () => {
    const when = [new Date('2024-01-31T00:00:00Z'), null];
    const table = new Table({ x: vectorFromArray(when, new DateMillisecond()) });
    const d = arrowToChartData(table, { x: 'x' }, 10, '-');
    expect(d.columns.x).toEqual(when);
  });
});
