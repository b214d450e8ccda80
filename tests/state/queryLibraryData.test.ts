import { describe, expect, it } from 'vitest';
import {
  filterHistory, filterSaved, HISTORY_LIMIT, LibraryFileError, mergeSaved, parseSavedQueriesFile, pushHistory, readHistory,
  readSaved, savedQueriesFile, type HistoryEntry, type SavedQuery,
} from '../../src/state/queryLibraryData.ts';

const run = (sql: string, i = 0): HistoryEntry => ({ sql, at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(), rows: i, ms: 3, error: null });
const saved = (id: string, name: string, sql: string): SavedQuery => ({ id, name, sql, created: '2026-01-01T00:00:00.000Z', updated: '2026-01-01T00:00:00.000Z' });

describe('pushHistory(history, entry)', () => {
  it('keeps the newest first and at most 100 runs', () => {
    let h: HistoryEntry[] = [];
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) h = pushHistory(h, run(`SELECT ${i}`, i));
    expect(h).toHaveLength(100);
    expect(h[0]!.sql).toBe('SELECT 119');
    expect(h.at(-1)!.sql).toBe('SELECT 20');
  });
});

describe('filterHistory(history, query) / filterSaved', () => {
  const h = [run('SELECT * FROM reports WHERE organ LIKE \'%湖北%\''), run('select count(*) from cells'), run('SELECT 1')];
  it('matches every word, case-insensitively, Chinese included', () => {
    expect(filterHistory(h, 'FROM cells').map((e) => e.sql)).toEqual(['select count(*) from cells']);
    expect(filterHistory(h, '湖北 reports')).toHaveLength(1);
    expect(filterHistory(h, '  ')).toHaveLength(3);
    expect(filterHistory(h, 'nothing')).toEqual([]);
  });
  it('searches saved queries by name and SQL', () => {
    const s = [saved('a', '申请数量', 'SELECT 1'), saved('b', 'checks', 'SELECT * FROM checks')];
    expect(filterSaved(s, '申请').map((q) => q.id)).toEqual(['a']);
    expect(filterSaved(s, 'from checks').map((q) => q.id)).toEqual(['b']);
  });
});

describe('readHistory / readSaved (whatever storage holds)', () => {
  it('keeps well-formed entries and drops junk', () => {
    expect(readHistory(null)).toEqual([]);
    expect(readHistory('not json')).toEqual([]);
    expect(readHistory('{"a":1}')).toEqual([]);
    expect(readHistory(JSON.stringify([run('SELECT 1'), { sql: 1 }, null, { ...run('SELECT 2'), rows: null, error: 'x' }]))).toEqual([
      run('SELECT 1'),
      { ...run('SELECT 2'), rows: null, error: 'x' },
    ]);
    expect(readSaved(JSON.stringify([saved('a', 'n', 's'), { id: 'b' }]))).toEqual([saved('a', 'n', 's')]);
  });
});

describe('savedQueriesFile / parseSavedQueriesFile / mergeSaved', () => {
  it('round-trips saved queries through the export file', () => {
    const s = [saved('a', '各年度申请', 'SELECT 1'), saved('b', 'x', 'SELECT 2')];
    expect(parseSavedQueriesFile(savedQueriesFile(s))).toEqual(s);
  });
  it('takes a bare array of {name, sql} and gives new ids', () => {
    let n = 0;
    const q = parseSavedQueriesFile('[{"name":"n","sql":"SELECT 1"},{"nope":1}]', new Date(0), () => `id${++n}`);
    expect(q).toEqual([{ id: 'id1', name: 'n', sql: 'SELECT 1', created: '1970-01-01T00:00:00.000Z', updated: '1970-01-01T00:00:00.000Z' }]);
  });
  it('refuses other files with a LibraryFileError', () => {
    expect(() => parseSavedQueriesFile('{')).toThrow(LibraryFileError);
    expect(() => parseSavedQueriesFile('{"kind":"view"}')).toThrow(/not a saved-queries file/);
  });
  it('replaces queries with the same id or name+SQL and adds the others', () => {
    const cur = [saved('a', 'n1', 'SELECT 1'), saved('b', 'n2', 'SELECT 2')];
    const r = mergeSaved(cur, [{ ...saved('a', 'renamed', 'SELECT 11') }, saved('z', 'n2', 'SELECT 2'), saved('c', 'n3', 'SELECT 3')]);
    expect(r.added).toBe(1);
    expect(r.replaced).toBe(2);
    expect(r.saved.map((q) => [q.id, q.name])).toEqual([['a', 'renamed'], ['b', 'n2'], ['c', 'n3']]);
  });
});
