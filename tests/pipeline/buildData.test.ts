import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { labelRows, parseReport } from '../../src/core/index.ts';
import { TABLES, type ParsedReport } from '../../src/core/schema.ts';
import { buildData, type BuildSummary, type Manifest } from '../../src/pipeline/buildData.ts';
import type { Logger } from '../../src/pipeline/logger.ts';
import { silentLogger } from '../../src/pipeline/logger.ts';
import { openDuckDB, type OpenDuckDB } from '../../src/pipeline/openDuckDB.ts';
import { quoteLiteral } from '../../src/pipeline/sql.ts';

const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));
const FIXED_NOW = () => new Date('2024-05-06T07:08:09.000Z');
// parts/: the partitioned layout (tests/pipeline/layout.test.ts)
const OUTPUT_FILES = [...TABLES.map((t) => `${t.name}.parquet`), 'build-report.json', 'manifest.json', 'parts'].sort();

/** Captures log lines by level instead of printing them. */
function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`), error: (m) => lines.push(`error ${m}`) };
}

/** Deterministic "random" bytes (a linear congruential generator), NULs included. */
function noiseBytes(n: number, seed = 42): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

let db: OpenDuckDB;
const tmpDirs: string[] = [];
const tempDir = async (prefix: string) => {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  tmpDirs.push(dir);
  return dir;
};
const query = async (sql: string) => (await db.connection.runAndReadAll(sql)).getRowObjectsJS();
const parquet = (dir: string, table: string) => `read_parquet(${quoteLiteral(join(dir, `${table}.parquet`))})`;
const count = async (dir: string, table: string) => (await query(`SELECT count(*)::INTEGER AS n FROM ${parquet(dir, table)}`))[0]!.n;

beforeAll(async () => {
  db = await openDuckDB();
});
afterAll(async () => {
  db.close();
  await Promise.all(tmpDirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('buildData({inputs: [seeds/]})', () => {
  let out: string;
  let summary: BuildSummary;
  let manifest: Manifest;

  beforeAll(async () => {
    out = await tempDir('wb-build-seeds-');
    summary = await buildData({ inputs: [SEEDS], outDir: out, logger: silentLogger, now: FIXED_NOW });
    manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
  });

  test('writes one Parquet file per contract table, manifest.json and build-report.json, and leaves no temp file', async () => {
    expect((await readdir(out)).sort()).toEqual(OUTPUT_FILES);
  });

  test('builds the five seed reports and skips none', async () => {
    expect(summary.n_files).toBe(5);
    expect(summary.n_reports).toBe(5);
    expect(summary.n_skipped).toBe(0);
    expect(summary.ok).toBe(true);
    expect(await count(out, 'reports')).toBe(5);
    const ids = await query(`SELECT report_id, source_file FROM ${parquet(out, 'reports')}`);
    for (const { report_id, source_file } of ids) expect(String(source_file)).toMatch(/^00[0-4]_[0-9a-f]{16}\.txt$/), expect(report_id).toMatch(/^[0-9a-f]{16}$/);
  });

  test.each(TABLES.map((t) => [t.name, t] as const))('%s.parquet has exactly the contract columns and types', async (name, def) => {
    const described = await query(`DESCRIBE SELECT * FROM ${parquet(out, name)}`);
    expect(described.map((c) => [c.column_name, c.column_type])).toEqual(def.columns.map((c) => [c.name, c.type]));
  });

  test('every column chunk is ZSTD-compressed', async () => {
    const rows = await query(
      `SELECT DISTINCT compression FROM parquet_metadata([${TABLES.map((t) => quoteLiteral(join(out, `${t.name}.parquet`))).join(', ')}])`,
    );
    expect(rows.map((r) => r.compression)).toEqual(['ZSTD']);
  });

  test('rows are sorted by report within each report year and province, the order of the partitions in parts/', async () => {
    const rows = await query(`SELECT c.report_id, r.report_year, coalesce(left(r.region_code, 2), '00') AS p
      FROM read_parquet(${quoteLiteral(join(out, 'cells.parquet'))}, file_row_number = true) c JOIN ${parquet(out, 'reports')} r USING (report_id) ORDER BY c.file_row_number`);
    const keys = rows.map((r) => `${r.report_year ?? ''}|${r.p}|${r.report_id}`);
    expect(new Set(rows.map((r) => r.report_id)).size).toBeGreaterThanOrEqual(4);
    expect(keys).toEqual([...keys].sort());
  });

  test('manifest.json agrees with the files on disk', async () => {
    expect(manifest.version).toBe(1);
    expect(manifest.built_at).toBe('2024-05-06T07:08:09.000Z');
    expect(manifest.tables.map((t) => t.name)).toEqual(TABLES.map((t) => t.name));
    for (const t of manifest.tables) {
      const def = TABLES.find((d) => d.name === t.name)!;
      expect(t.file).toBe(`${t.name}.parquet`);
      expect(t.eager).toBe(def.eager);
      expect(t.columns).toEqual(def.columns.map((c) => ({ name: c.name, type: c.type })));
      expect(t.bytes).toBe((await stat(join(out, t.file))).size);
      expect(t.rows).toBe(await count(out, t.name));
    }
  });

  test('manifest.json describes the dataset for the first screen', async () => {
    const d = manifest.dataset;
    expect(d).toMatchObject({ n_reports: 5, n_files: 5, n_skipped: 0 });
    expect(d.description_zh).toContain('5 份');
    expect(d.description_en).toContain('5 government');
    const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
    expect(sum(d.formats)).toBe(5);
    expect(sum(d.doc_kinds)).toBe(5);
    expect(sum(d.years)).toBe(5);
    expect(Object.keys(d.formats)).toEqual(expect.arrayContaining(['gov_2021', 'gov_2019', 'pre_2019', 'none']));
    const formats = await query(`SELECT format, count(*)::INTEGER AS n FROM ${parquet(out, 'reports')} GROUP BY format`);
    for (const { format, n } of formats) expect(d.formats[String(format)]).toBe(n);
  });

  test('build-report.json lists every file with its outcome', async () => {
    const report = JSON.parse(await readFile(join(out, 'build-report.json'), 'utf8'));
    expect(report.files).toHaveLength(5);
    expect(report.files.map((f: { status: string }) => f.status)).toEqual(summary.files.map((f) => f.status));
    for (const f of report.files) expect(['ok', 'partial']).toContain(f.status);
  });

  test('labels.parquet holds labelRows() and texts.parquet one text per report', async () => {
    expect(await count(out, 'labels')).toBe(labelRows().length);
    expect(await count(out, 'texts')).toBe(5);
  });

  test('every row of a per-report table points at a report', async () => {
    for (const table of ['sections', 'cells', 'checks', 'facts', 'texts', 'diagnostics']) {
      const orphans = await query(
        `SELECT count(*)::INTEGER AS n FROM ${parquet(out, table)} WHERE report_id NOT IN (SELECT report_id FROM ${parquet(out, 'reports')})`,
      );
      expect(orphans[0]!.n, table).toBe(0);
    }
  });

  test('reports.parquet round-trips what parseReport returned', async () => {
    const rows = await query(`SELECT * REPLACE (published_date::VARCHAR AS published_date) FROM ${parquet(out, 'reports')}`);
    for (const name of (await readdir(SEEDS)).sort()) {
      const { report } = parseReport(await readFile(join(SEEDS, name)), name);
      expect(rows.find((r) => r.report_id === report.report_id)).toEqual(report);
    }
  });
});

describe('buildData with broken inputs', () => {
  let out: string;
  let input: string;
  let summary: BuildSummary;
  const logger = memoryLogger();

  beforeAll(async () => {
    input = await tempDir('wb-build-broken-in-');
    out = await tempDir('wb-build-broken-out-');
    const seed = join(SEEDS, '003_312ad407f2934fb3.txt');
    await copyFile(seed, join(input, 'a_report.txt'));
    await copyFile(seed, join(input, 'b_same_bytes.txt'));
    await writeFile(join(input, 'c_empty.txt'), '');
    await writeFile(join(input, 'd_noise.bin'), noiseBytes(4096));
    await mkdir(join(input, 'e_folder.txt'));
    await symlink(join(input, 'does-not-exist.txt'), join(input, 'f_dangling.txt'));
    await writeFile(join(input, '.hidden.txt'), 'not a report');
    summary = await buildData({ inputs: [input, join(input, 'missing', 'g.txt')], outDir: out, logger, now: FIXED_NOW });
  });

  const statusOf = (name: string) => summary.files.find((f) => f.source_file === name);

  test('builds the one good report and skips every broken file', async () => {
    expect(summary.n_reports).toBe(1);
    expect(summary.n_files).toBe(7);
    expect(summary.n_skipped).toBe(6);
    expect(await count(out, 'reports')).toBe(1);
    expect(statusOf('a_report.txt')?.status).toMatch(/^(ok|partial)$/);
  });

  test('says why each file was skipped', () => {
    expect(statusOf('b_same_bytes.txt')).toMatchObject({ status: 'duplicate', reason: 'duplicate' });
    expect(statusOf('c_empty.txt')).toMatchObject({ status: 'skipped', reason: 'empty_file' });
    expect(statusOf('d_noise.bin')?.status).not.toMatch(/^(ok|partial)$/);
    expect(statusOf('e_folder.txt')).toMatchObject({ status: 'error', reason: 'not_a_file' });
    expect(statusOf('f_dangling.txt')).toMatchObject({ status: 'error', reason: 'unreadable' });
    expect(statusOf('g.txt')).toMatchObject({ status: 'error', reason: 'unreadable' });
    expect(statusOf('.hidden.txt')).toBeUndefined();
  });

  test('records a diagnostic row for each and logs a line for each', async () => {
    const rows = await query(`SELECT source_file, code FROM ${parquet(out, 'diagnostics')}`);
    const codes = new Map(rows.map((r) => [`${r.source_file}:${r.code}`, true]));
    for (const key of ['b_same_bytes.txt:duplicate', 'c_empty.txt:empty_file', 'e_folder.txt:not_a_file', 'f_dangling.txt:unreadable', 'g.txt:unreadable'])
      expect(codes.has(key), key).toBe(true);
    expect(rows.some((r) => r.source_file === 'd_noise.bin')).toBe(true);
    for (const name of ['b_same_bytes.txt', 'c_empty.txt', 'd_noise.bin', 'e_folder.txt', 'f_dangling.txt', 'g.txt'])
      expect(logger.lines.some((l) => l.includes(name)), name).toBe(true);
  });

  test('the duplicate keeps the first name and adds no rows', async () => {
    const rows = await query(`SELECT source_file FROM ${parquet(out, 'reports')}`);
    expect(rows.map((r) => r.source_file)).toEqual(['a_report.txt']);
    expect(await count(out, 'texts')).toBe(1);
  });

  test('strict turns warnings and errors into ok=false; without strict the build is ok', async () => {
    expect(summary.ok).toBe(true);
    const strict = await buildData({ inputs: [input], outDir: await tempDir('wb-build-strict-'), logger: silentLogger, strict: true });
    expect(strict.ok).toBe(false);
  });

  test('leaves no temp file', async () => {
    expect((await readdir(out)).sort()).toEqual(OUTPUT_FILES);
  });
});

describe('buildData with an injected parser', () => {
  test('a parser that throws costs that file only', async () => {
    const out = await tempDir('wb-build-throw-');
    const summary = await buildData({
      inputs: [join(SEEDS, '000_dc6ff8ede2cca465.txt'), join(SEEDS, '001_22f736282f07edbf.txt')],
      outDir: out,
      logger: silentLogger,
      parse(bytes, sourceFile): ParsedReport {
        if (sourceFile.startsWith('000')) throw new Error('boom');
        return fakeReport(bytes, sourceFile);
      },
      labels: () => [],
    });
    expect(summary.files.map((f) => [f.source_file, f.status, f.reason])).toEqual([
      ['000_dc6ff8ede2cca465.txt', 'error', 'parse_failed'],
      ['001_22f736282f07edbf.txt', 'ok', null],
    ]);
    expect(await count(out, 'reports')).toBe(1);
  });

  test('values of the wrong type become NULL instead of failing the build', async () => {
    const out = await tempDir('wb-build-coerce-');
    const logger = memoryLogger();
    await buildData({
      inputs: [join(SEEDS, '001_22f736282f07edbf.txt')],
      outDir: out,
      logger,
      parse: (bytes, file) => {
        const r = fakeReport(bytes, file);
        r.report.n_chars = 1.5;
        r.report.published_date = '2021-02-30';
        return r;
      },
      labels: () => [],
    });
    const rows = await query(`SELECT n_chars, published_date FROM ${parquet(out, 'reports')}`);
    expect(rows).toEqual([{ n_chars: null, published_date: null }]);
    expect(logger.lines.some((l) => l.startsWith('warn reports.parquet: 2 values'))).toBe(true);
  });

  test('no input at all still writes every table, empty, with the full schema', async () => {
    const out = await tempDir('wb-build-empty-');
    const summary = await buildData({ inputs: [], outDir: out, logger: silentLogger, labels: () => [] });
    expect(summary.n_reports).toBe(0);
    for (const def of TABLES) {
      expect(await count(out, def.name)).toBe(0);
      const described = await query(`DESCRIBE SELECT * FROM ${parquet(out, def.name)}`);
      expect(described.map((c) => [c.column_name, c.column_type])).toEqual(def.columns.map((c) => [c.name, c.type]));
    }
  });
});

function fakeReport(bytes: Uint8Array, sourceFile: string): ParsedReport {
  const id = `${bytes.length.toString(16).padStart(16, '0')}`;
  return {
    report: {
      report_id: id, source_file: sourceFile, source_kind: 'text', title: 't', organ: null, organ_level: 'unknown', region_code: null, province: null,
      city: null, county: null, region_status: 'not_found', report_year: 2020, published_date: '2021-01-13', format: 'gov_2019', doc_kind: 'annual_report',
      encoding: 'utf-8', n_chars: bytes.length, parse_status: 'ok', n_errors: 0, n_warnings: 0,
    },
    sections: [], cells: [], checks: [], facts: [], text: 'x', diagnostics: [],
  };
}
