import { tableFromArrays } from 'apache-arrow';
import { describe, expect, test } from 'vitest';
import { EMPTY_SPEC, type ChartSpec } from '../../src/chart/chartSpec.ts';
import type { SchemaInfo } from '../../src/db/connectors.ts';
import { I18n } from '../../src/i18n/i18n.svelte.ts';
import { ChartState } from '../../src/state/chartState.svelte.ts';
import { cancelled, FakeChart, result, settle } from './fakes.ts';

const SCHEMA: SchemaInfo = new Map([['m', { kind: 'table', columns: [{ name: 'organ', type: 'VARCHAR' }, { name: 'n', type: 'DOUBLE' }] }]]);
const describeTable = () =>
  result(tableFromArrays({ column_name: ['organ', 'n'], column_type: ['VARCHAR', 'DOUBLE'] }));
const marks = (organs: string[]) => result(tableFromArrays({ x: organs, y: Float64Array.from(organs.map((_, i) => i + 1)) }));

const setup = (resultSql = '') => {
  const lane = new FakeChart();
  const chart = new ChartState({ chart: () => lane, resultSql: () => resultSql, schema: () => SCHEMA, i18n: new I18n('zh') });
  return { lane, chart };
};

/** Opens table m with a specification already chosen, so that open() reads the columns and draws. */
async function opened() {
  const s = setup();
  s.chart.restore({ source: 'table:m', ...EMPTY_SPEC, mark: 'bar', x: 'organ', y: 'n', aggregate: 'sum' } satisfies Partial<ChartSpec> & { source: string });
  const open = s.chart.open();
  await settle();
  s.lane.queries.last('DESCRIBE').resolve(describeTable());
  await settle();
  s.lane.queries.last('WITH src').resolve(marks(['甲']));
  await open;
  return s;
}

describe('ChartState(lane)', () => {
  test('open() reads the columns of the source and draws its specification', async () => {
    const { chart } = await opened();
    expect(chart.columns.map((c) => c.name)).toEqual(['organ', 'n']);
    expect(chart.data?.columns.x).toEqual(['甲']);
    expect(chart.drawn?.x).toBe('organ');
    expect(chart.running).toBe(false);
  });

  test('a slower older draw never overwrites the newer chart', async () => {
    const { lane, chart } = await opened();
    const first = chart.update({ aggregate: 'mean' });
    await settle();
    const second = chart.update({ aggregate: 'max' });
    await settle();
    lane.queries.last('max(').resolve(marks(['新']));
    await second;
    lane.queries.last('avg(').resolve(marks(['旧']));
    await first;
    expect(chart.data?.columns.x).toEqual(['新']);
    expect(chart.drawn?.aggregate).toBe('max');
    expect(chart.running).toBe(false);
  });

  test('the error of a superseded draw is not shown; the newest error is, over the last good chart', async () => {
    const { lane, chart } = await opened();
    const first = chart.update({ aggregate: 'mean' });
    await settle();
    const second = chart.update({ aggregate: 'max' });
    await settle();
    lane.queries.last('avg(').reject(new Error('old failure'));
    await first;
    expect(chart.error).toBeNull();
    expect(chart.running).toBe(true);
    lane.queries.last('max(').reject(new Error('Binder Error: new failure'));
    await second;
    expect(chart.error?.message).toMatch(/new failure/);
    expect(chart.data?.columns.x).toEqual(['甲']);
  });

  test('a cancelled draw (the lane superseded it) ends quietly', async () => {
    const { lane, chart } = await opened();
    const u = chart.update({ aggregate: 'mean' });
    await settle();
    lane.queries.last('avg(').reject(cancelled());
    await u;
    expect(chart.error).toBeNull();
    expect(chart.running).toBe(false);
  });

  test('a choice made while the columns are read is kept by the draw that follows', async () => {
    const { lane, chart } = setup();
    chart.restore({ source: 'table:m', ...EMPTY_SPEC, mark: 'bar', x: 'organ', y: 'n', aggregate: 'sum' });
    const open = chart.open();
    await settle();
    await chart.update({ aggregate: 'median' });
    lane.queries.last('DESCRIBE').resolve(describeTable());
    await settle();
    expect(lane.queries.last('WITH src').sql).toMatch(/median\(/);
    lane.queries.last('WITH src').resolve(marks(['甲']));
    await open;
    expect(chart.drawn?.aggregate).toBe('median');
  });

  test('the result source is charted only when the SQL panel holds one query', async () => {
    expect(setup('').chart.sourceSql('result')).toBeNull();
    expect(setup('SELECT 1').chart.sourceSql('result')).toBe('SELECT 1');
    expect(setup().chart.sourceSql('selection:cells')).toMatch(/WHERE report_id IN \(SELECT report_id FROM selection\)/);
  });
});
