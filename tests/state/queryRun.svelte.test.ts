import { describe, expect, test } from 'vitest';
import { QueryRun, type FinishedRun } from '../../src/state/queryRun.svelte.ts';
import { FakeUser, oneColumn, result, settle } from './fakes.ts';

const setup = (hooks: ConstructorParameters<typeof QueryRun>[1] = {}) => {
  const lane = new FakeUser();
  const run = new QueryRun(() => lane, hooks);
  return { lane, run };
};

describe('QueryRun(lane)', () => {
  test('a slower older run never overwrites the newer result', async () => {
    const { lane, run } = setup();
    const a = run.run('SELECT 1 AS a');
    await settle();
    const b = run.run('SELECT 2 AS b');
    await settle();
    lane.queries.last('SELECT 2').resolve(result(oneColumn('b', [2])));
    await b;
    expect(run.resultSql).toBe('SELECT 2 AS b');
    expect(run.running).toBe(false);
    lane.queries.last('SELECT 1').resolve(result(oneColumn('a', [1])));
    await a;
    expect(run.resultSql).toBe('SELECT 2 AS b');
    expect(run.result?.table.schema.fields[0]?.name).toBe('b');
    expect(run.pages?.rowCount).toBe(1);
  });

  test('an error of a superseded run is never shown, nor recorded', async () => {
    const finished: FinishedRun[] = [];
    const { lane, run } = setup({ onfinished: (r) => finished.push(r) });
    const a = run.run('SELECT broken');
    await settle();
    const b = run.run('SELECT 2');
    await settle();
    lane.queries.last('SELECT 2').resolve(result(oneColumn('x', [2])));
    await b;
    lane.queries.last('broken').reject(new Error('Binder Error: column "broken" not found'));
    await a;
    expect(run.error).toBeNull();
    expect(finished.map((f) => [f.sql, f.error])).toEqual([['SELECT 2', null]]);
  });

  test('the newest error replaces nothing but the error: the last result stays on screen', async () => {
    const { lane, run } = setup();
    const a = run.run('SELECT 1');
    await settle();
    lane.queries.last().resolve(result(oneColumn('x', [1])));
    await a;
    const b = run.run('SELECT nope');
    await settle();
    lane.queries.last().reject(new Error('Parser Error: syntax error at or near "nope"'));
    await b;
    expect(run.error?.explained.kind).toBe('syntax');
    expect(run.resultSql).toBe('SELECT 1');
  });

  test('cancel() ends the run at once; its late answer is dropped', async () => {
    const { lane, run } = setup();
    const a = run.run('SELECT slow');
    await settle();
    await run.cancel();
    expect(run.running).toBe(false);
    expect(run.cancelled).toBe(true);
    expect(lane.cancels).toBeGreaterThan(0);
    lane.queries.last().resolve(result(oneColumn('x', [1])));
    await a;
    expect(run.result).toBeNull();
    expect(lane.failures).toEqual([]);
  });

  test('a cancelled run whose database answers nothing declares the database failed (the one route into recovery)', async () => {
    const { lane, run } = setup();
    lane.alive = false;
    void run.run('SELECT wedged');
    await settle();
    await run.cancel();
    expect(lane.failures).toEqual(['no answer after cancel']);
  });

  test('a crash is shown first, then declared to the database', async () => {
    const { lane, run } = setup();
    const a = run.run("SELECT repeat('x', 3500000000)");
    await settle();
    lane.queries.last().reject(new Error('RuntimeError: memory access out of bounds'));
    await a;
    expect(run.error?.explained.fatal).toBe(true);
    expect(lane.failures).toEqual([run.error!.headline]);
  });

  test('a refused statement never reaches the database; one that writes is checked after it ran', async () => {
    let checks = 0;
    const { lane, run } = setup({
      guard: (st) => (st.some((s) => /DROP/i.test(s.text)) ? { kind: 'refuse', reason: 'relation', action: 'DROP', name: 'reports' } : { kind: 'allow', writes: /CREATE/i.test(st[0]!.text) }),
      onwrite: () => checks++,
    });
    await run.run('DROP TABLE reports');
    expect(run.refusal).toMatchObject({ name: 'reports' });
    expect(lane.queries.all).toEqual([]);
    const c = run.run('CREATE TABLE t AS SELECT 1');
    await settle();
    expect(run.refusal).toBeNull();
    lane.queries.last().resolve(result(oneColumn('Count', [1])));
    await c;
    expect(checks).toBe(1);
    expect(run.resultQuery).toBe('');
  });

  test('resultQuery is the result\'s SQL only when it is one query (a chart can read it)', async () => {
    const { lane, run } = setup();
    const a = run.run('SELECT 1 AS n');
    await settle();
    lane.queries.last().resolve(result(oneColumn('n', [1])));
    await a;
    expect(run.resultQuery).toBe('SELECT 1 AS n');
  });
});
