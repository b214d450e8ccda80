import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainError } from '../../src/sql/explainError.ts';
import { duckdbErrorOf } from '../helpers/duckdbErrorOf.ts';

// Messages from native DuckDB (the same engine family as the browser's), so a change of wording upstream fails here.
let db: DuckDBInstance;
beforeAll(async () => {
  db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  await conn.run(`SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;
    CREATE TABLE reports (report_id VARCHAR, organ VARCHAR, organ_level VARCHAR, n INTEGER)`);
  conn.closeSync();
});
afterAll(() => db?.closeSync());

const messageOf = (sql: string) => duckdbErrorOf(db, sql);

describe('explainError(message) on real DuckDB messages', () => {
  it('a syntax error is a Parser Error', async () => {
    const e = explainError(await messageOf('SELECT * FORM reports'));
    expect(e).toMatchObject({ kind: 'syntax', type: 'Parser', fatal: false });
  });

  it('an unknown column names the column and the candidates DuckDB suggests', async () => {
    const e = explainError(await messageOf('SELECT orgn FROM reports'));
    expect(e.kind).toBe('unknown_column');
    expect(e.subject).toBe('orgn');
    expect(e.candidates[0]).toBe('organ');
    expect(e.candidates).toContain('organ_level');
  });

  it('an unknown table names the table and DuckDB’s guess', async () => {
    const e = explainError(await messageOf('SELECT * FROM report'));
    expect(e).toMatchObject({ kind: 'unknown_table', type: 'Catalog', subject: 'report', candidates: ['reports'] });
  });

  it('an unknown function names the function', async () => {
    const e = explainError(await messageOf('SELECT nosuchfn(1)'));
    expect(e).toMatchObject({ kind: 'unknown_function', subject: 'nosuchfn' });
    expect(e.candidates.length).toBeGreaterThan(0);
  });

  it('arguments of the wrong type are a function mismatch', async () => {
    expect(explainError(await messageOf(`SELECT 'a' + 1`)).kind).toBe('no_matching_function');
    expect(explainError(await messageOf('SELECT list_extract(1, 2)')).kind).toBe('no_matching_function');
  });

  it('a failed cast is a Conversion Error with the value', async () => {
    const e = explainError(await messageOf(`SELECT 'abc'::INTEGER`));
    expect(e).toMatchObject({ kind: 'conversion', type: 'Conversion', subject: 'abc' });
    expect(explainError(await messageOf(`SELECT CAST('2020-13-01' AS DATE)`)).kind).toBe('conversion');
  });

  it('integer overflow is Out of Range', async () => {
    expect(explainError(await messageOf('SELECT 2147483647::INTEGER + 1')).kind).toBe('out_of_range');
    expect(explainError(await messageOf('SELECT 100::TINYINT * 100::TINYINT')).kind).toBe('out_of_range');
    expect(explainError(await messageOf('SELECT ln(0)')).kind).toBe('out_of_range');
  });

  it('error() raises an Invalid Input Error', async () => {
    expect(explainError(await messageOf(`SELECT error('stop here')`))).toMatchObject({ kind: 'invalid_input', type: 'Invalid Input' });
  });

  it('creating an existing table says it exists', async () => {
    expect(explainError(await messageOf('CREATE TABLE reports (a INTEGER)'))).toMatchObject({ kind: 'already_exists', subject: 'reports' });
  });
});

// Native DuckDB 1.5 differs here (JSON is built in, 1/0 is Infinity, spilling avoids the OOM), so these are
// messages recorded from the browser's engine (node_modules/@duckdb/duckdb-wasm, blocking Node build).
describe('explainError(message) on messages of DuckDB-WASM 1.32 (DuckDB 1.4.3), as recorded', () => {
  it('DuckDB’s own memory limit is an Out of Memory Error; the database stays usable', () => {
    // SET memory_limit = '32MB'; SELECT count(*) FROM (SELECT range % 3000000 AS k, count(*) FROM range(6000000) GROUP BY k)
    const m = 'Out of Memory Error: failed to allocate data of size 16.0 MiB (19.5 MiB/30.5 MiB used)\nDatabase is launched in in-memory mode and no temporary directory is specified.\nUnused blocks cannot be offloaded to disk.';
    expect(explainError(m)).toMatchObject({ kind: 'out_of_memory', type: 'Out of Memory', fatal: false });
  });

  it('a type that lives in an extension (JSON, offline) is a missing extension', () => {
    const m = 'Catalog Error: Type with name "JSON" is not in the catalog, but it exists in the json extension.\n\nPlease try installing and loading the json extension by running:\nINSTALL json;';
    expect(explainError(m)).toMatchObject({ kind: 'missing_extension', subject: 'json' });
  });

  it('a WebAssembly trap is a crash that needs re-initialising', () => {
    // SELECT length(repeat('x', 3500000000)), then every later query
    for (const m of ['memory access out of bounds', 'table index is out of bounds', 'RuntimeError: unreachable', 'Aborted(OOM)']) {
      expect(explainError(m)).toMatchObject({ kind: 'crash', type: null, fatal: true });
    }
  });

  it('an invalidated database is fatal', () => {
    const m = 'FATAL Error: Failed: database has been invalidated because of a previous fatal error. The database must be restarted prior to being used again.';
    expect(explainError(m)).toMatchObject({ kind: 'fatal', fatal: true });
    expect(explainError('INTERNAL Error: Attempted to access index 3 within vector of size 3').fatal).toBe(true);
  });

  it('a cancelled query is an Interrupt', () => {
    expect(explainError('Interrupt Error: Interrupted!')).toMatchObject({ kind: 'interrupt', fatal: false });
  });

  it('Candidate bindings from the browser keep DuckDB’s order', () => {
    const m = 'Binder Error: Referenced column "orgn" not found in FROM clause!\nCandidate bindings: "organ", "organ_level", "region_code", "region_status", "county"\n\nLINE 1: SELECT orgn FROM reports\n               ^';
    expect(explainError(m)).toMatchObject({ kind: 'unknown_column', subject: 'orgn', candidates: ['organ', 'organ_level', 'region_code', 'region_status', 'county'] });
  });

  it('anything else keeps DuckDB’s class and is not fatal', () => {
    expect(explainError('Transaction Error: cannot commit')).toMatchObject({ kind: 'other', type: 'Transaction', fatal: false });
    expect(explainError('something odd')).toMatchObject({ kind: 'other', type: null, fatal: false });
  });
});
