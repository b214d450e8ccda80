import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import { tableDef } from '../../src/core/schema.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const run = promisify(execFile);

interface Result { code: number; stdout: string; stderr: string }

/** Runs `tsx src/pipeline/cli-extract.ts …files` from the project root; a non-zero exit is a result, not a throw. */
async function extract(files: string[]): Promise<Result> {
  try {
    const { stdout, stderr } = await run(TSX, ['src/pipeline/cli-extract.ts', ...files], { cwd: ROOT, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const lines = (stdout: string) => stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));
const columns = (table: Parameters<typeof tableDef>[0]) => tableDef(table).columns.map((c) => c.name);

describe('cli-extract seeds/*', () => {
  let seeds: string[];
  let result: Result;
  let records: any[];

  beforeAll(async () => {
    seeds = (await readdir(join(ROOT, 'seeds'))).filter((n) => !n.startsWith('.')).sort().map((n) => `seeds/${n}`);
    result = await extract(seeds);
    records = lines(result.stdout);
  });

  test('prints one JSON line per file, in order, and exits 0', () => {
    expect(result.code).toBe(0);
    expect(records.map((r) => r.file)).toEqual(seeds);
    expect(records).toHaveLength(5);
  });

  test('each line has exactly the documented keys, and no text', () => {
    for (const r of records) expect(Object.keys(r)).toEqual(['file', 'report', 'sections', 'cells', 'checks', 'facts', 'diagnostics']);
  });

  test('report carries every reports column, filled', async () => {
    for (const r of records) {
      expect(Object.keys(r.report)).toEqual(columns('reports'));
      const bytes = await readFile(join(ROOT, r.file));
      expect(r.report.report_id).toBe(createHash('sha256').update(bytes).digest('hex').slice(0, 16));
      expect(r.report.source_file).toBe(r.file.slice('seeds/'.length));
      expect(r.report.n_chars).toBeGreaterThan(0);
      expect(['ok', 'partial']).toContain(r.report.parse_status);
      expect(r.report.title).toBeTruthy();
    }
  });

  test('rows carry the contract columns', () => {
    for (const r of records) {
      for (const s of r.sections) expect(Object.keys(s)).toEqual(columns('sections'));
      for (const c of r.cells) expect(Object.keys(c)).toEqual(columns('cells'));
      for (const c of r.checks) expect(Object.keys(c)).toEqual(columns('checks'));
      for (const f of r.facts) expect(Object.keys(f)).toEqual(columns('facts'));
      for (const d of r.diagnostics) expect(Object.keys(d)).toEqual(columns('diagnostics'));
    }
  });

  test('formats: gov_2019 for 000–002, gov_2021 for 003, none for 004', () => {
    expect(records.map((r) => r.report.format)).toEqual(['gov_2019', 'gov_2019', 'gov_2019', 'gov_2021', 'none']);
  });

  test('document metadata: kinds, regions (GB/T 2260) and their resolution', () => {
    expect(records.map((r) => r.report.doc_kind)).toEqual(['annual_report', 'annual_report', 'annual_report', 'annual_report', 'work_summary']);
    expect(records.map((r) => r.report.region_code)).toEqual(['420104', '420703', '610902', '420104', '350206']);
    expect(records.map((r) => r.report.region_status)).toEqual(Array(5).fill('resolved'));
    expect(records.map((r) => r.report.report_year)).toEqual([2020, 2020, 2021, 2021, 2020]);
  });

  test('facts from prose with stable keys and the warning rules', () => {
    const f003 = records[3].facts.filter((f: { label: string }) => /^[a-z_]+$/.test(f.label));
    expect(f003.map((f: { label: string; value: number }) => [f.label, f.value])).toEqual([
      ['applications_received', 147], ['carried_over', 3], ['carried_forward', 8], ['reviews', 19], ['lawsuits', 22], ['fees_collected', 1700],
    ]);
    expect(records.every((r) => r.facts.length > 0)).toBe(true);
    const warnings = records[3].checks.filter((c: { severity: string }) => c.severity === 'warning').map((c: { rule_id: string }) => c.rule_id);
    expect(new Set(warnings)).toEqual(new Set(['REG-POWER', 'TEXT-TABLE']));
  });

  test('stdout holds nothing but JSON', () => {
    expect(result.stdout.endsWith('\n')).toBe(true);
    for (const line of result.stdout.trimEnd().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
  });
});

describe('cli-extract with unreadable files', () => {
  test('an unreadable file yields report null and a diagnostic; the exit code stays 0', async () => {
    const result = await extract(['seeds/003_312ad407f2934fb3.txt', 'seeds/no-such-file.txt', 'seeds']);
    const records = lines(result.stdout);
    expect(result.code).toBe(0);
    expect(records.map((r) => r.report === null)).toEqual([false, true, true]);
    expect(records[1].diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'unreadable', report_id: null })]);
    expect(records[2].diagnostics[0].code).toBe('unreadable');
    expect(result.stderr).toContain('no-such-file.txt');
  });

  test('exits 1 when no file could be read', async () => {
    const result = await extract(['seeds/no-such-file.txt']);
    expect(result.code).toBe(1);
    expect(lines(result.stdout)).toHaveLength(1);
  });
});
