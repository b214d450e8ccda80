import { describe, expect, it } from 'vitest';
import { DEFAULT_SORT } from '../../src/sql/catalogSql.ts';
import { filterSnapshot, parseFilter } from '../../src/state/catalogFilter.ts';

describe('catalog filter in the URL', () => {
  it('is undefined at the default and round-trips', () => {
    expect(filterSnapshot(parseFilter(undefined))).toBeUndefined();
    const f = { facets: { province: ['湖北省', null], year: ['2021'] }, q: '依申请', sort: { key: 'failed' as const, desc: true } };
    expect(parseFilter(JSON.parse(JSON.stringify(filterSnapshot(f))))).toEqual(f);
  });

  it('never throws on junk and keeps only what is valid', () => {
    for (const junk of [null, 42, 'x', [], { facets: 'x' }, { facets: { year: [1, '2021', {}] }, sort: { key: 'drop table', desc: 1 } }]) {
      expect(() => parseFilter(junk)).not.toThrow();
    }
    const f = parseFilter({ facets: { year: [1, '2021', {}], bogus: ['x'] }, q: 'a'.repeat(500), sort: { key: 'drop table', desc: true } });
    expect(f.facets).toEqual({ year: ['2021'] });
    expect(f.q).toHaveLength(200);
    expect(f.sort).toEqual(DEFAULT_SORT);
  });
});
