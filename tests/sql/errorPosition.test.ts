import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { errorHeadline, errorPosition, parseDuckDbError } from '../../src/sql/errorPosition.ts';
import { duckdbErrorOf } from '../helpers/duckdbErrorOf.ts';

async function duckdbError(sql: string): Promise<string> {
  const db = await DuckDBInstance.create(':memory:');
  try {
    return await duckdbErrorOf(db, sql, 'CREATE TABLE reports (report_id VARCHAR)');
  } finally {
    db.closeSync();
  }
}

describe('errorPosition(message, sql) with real DuckDB messages', () => {
  it('points at the offending token on the first line', async () => {
    const sql = 'SELECT * FORM reports';
    const msg = await duckdbError(sql);
    expect(msg).toMatch(/LINE 1:/);
    expect(sql.slice(errorPosition(msg, sql)!)).toMatch(/^(FORM|reports)/);
  });

  it('points into a later line of a multi-line query', async () => {
    const sql = 'SELECT report_id\nFROM reports\nWHERE nope = 1';
    const msg = await duckdbError(sql);
    const pos = errorPosition(msg, sql);
    expect(pos).not.toBeNull();
    expect(sql.slice(pos!)).toMatch(/^nope/);
  });

  it('returns null when the message has no position', () => {
    expect(errorPosition('Out of Memory Error: failed to allocate', 'SELECT 1')).toBeNull();
    expect(errorHeadline('Parser Error: syntax error at or near "FORM"\n\nLINE 1: ...')).toBe('Parser Error: syntax error at or near "FORM"');
  });

  it('reads DuckDB-WASM JSON errors and their position', () => {
    const sql = 'SELECT * FORM reports';
    const raw = JSON.stringify({ exception_type: 'Parser', exception_message: 'syntax error at or near "reports"\n\nLINE 1: SELECT * FORM reports\n               ^', error_subtype: 'SYNTAX_ERROR', position: '14' });
    const e = parseDuckDbError(raw, sql);
    expect(e.headline).toBe('Parser Error: syntax error at or near "reports"');
    expect(e.position).toBe(14);
    expect(e.message).toContain('LINE 1:');
    expect(parseDuckDbError('Catalog Error: Table x does not exist', 'select * from x')).toEqual({
      headline: 'Catalog Error: Table x does not exist', message: 'Catalog Error: Table x does not exist', position: null,
    });
  });
});
