import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../src/state/examples.ts';
import { zh } from '../../src/i18n/zh.ts';
import { en } from '../../src/i18n/en.ts';
import { openSeedDatabase, type SeedDatabase } from '../helpers/seedDatabase.ts';

let seeds: SeedDatabase;

beforeAll(async () => {
  seeds = await openSeedDatabase();
});
afterAll(() => seeds?.dispose());

describe('SQL panel examples on the seeds', () => {
  it.each(EXAMPLES.map((e) => [zh[e.name], e.sql]))('%s runs and returns rows', async (_name, sql) => {
    const reader = await seeds.db.connection.runAndReadAll(sql);
    expect(reader.currentRowCount).toBeGreaterThan(0);
  });

  it('has a name in both languages', () => {
    for (const e of EXAMPLES) {
      expect(zh[e.name]).toBeTruthy();
      expect(en[e.name]).toBeTruthy();
      expect(en[e.name]).not.toBe(zh[e.name]);
    }
  });
});
