import { describe, expect, test } from 'vitest';
import type { BaseChecks, BaseProblem } from '../../src/db/connectors.ts';
import { BaseIntegrity } from '../../src/state/baseIntegrity.svelte.ts';
import { statementsOf } from '../helpers/engines.ts';
import { Calls, settle } from './fakes.ts';

class FakeBase implements BaseChecks {
  readonly checks = new Calls<BaseProblem[]>();
  restores = 0;
  async guardOptions() {
    return { protectedNames: ['reports', 'my_view'], globalSettings: new Set(['threads']), database: 'memory' };
  }
  checkBase() {
    return this.checks.add('check');
  }
  async restoreBase() {
    this.restores++;
  }
}

const setup = () => {
  const base = new FakeBase();
  let rebuilt = 0;
  const integrity = new BaseIntegrity(() => base, { expected: () => new Map(), onrestored: async () => void rebuilt++ });
  return { base, integrity, rebuilt: () => rebuilt };
};

describe('BaseIntegrity(base)', () => {
  test('guards with the fallback names until the database names its own, then with those', async () => {
    const { integrity } = setup();
    expect(integrity.guard(await statementsOf('DROP VIEW my_view')).kind).toBe('allow');
    expect(integrity.guard(await statementsOf('DROP TABLE reports')).kind).toBe('refuse');
    await integrity.prepare();
    expect(integrity.guard(await statementsOf('DROP VIEW my_view'))).toMatchObject({ kind: 'refuse', name: 'my_view' });
    expect(integrity.guard(await statementsOf('SET threads = 1'))).toMatchObject({ kind: 'refuse', reason: 'setting' });
    expect(integrity.protectedNames.has('my_view')).toBe(true);
  });

  test('an older check that answers last never replaces the newer one', async () => {
    const { base, integrity } = setup();
    const first = integrity.verify();
    const second = integrity.verify();
    await settle();
    base.checks.all[1]!.resolve([]);
    await second;
    base.checks.all[0]!.resolve([{ name: 'reports', problem: 'missing' }]);
    await first;
    expect(integrity.damaged).toBe(false);
    expect(integrity.checking).toBe(false);
  });

  test('a check that cannot run counts as a broken data set; restore puts it back and checks again', async () => {
    const { base, integrity, rebuilt } = setup();
    const v = integrity.verify();
    await settle();
    base.checks.last().reject(new Error('Catalog Error: database memory is not attached'));
    await v;
    expect(integrity.problems).toEqual([{ name: 'Catalog Error: database memory is not attached', problem: 'missing' }]);
    const r = integrity.restore();
    await settle();
    base.checks.last().resolve([]);
    await r;
    expect([base.restores, rebuilt(), integrity.restored, integrity.damaged]).toEqual([1, 1, true, false]);
  });
});
