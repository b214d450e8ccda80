// The build diagnostics view's SQL, run on both engines over the hostile folder's real build output.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildData } from '../../src/pipeline/buildData.ts';
import { DIAGNOSTIC_TOTALS_SQL, diagnosticsSql } from '../../src/sql/diagnosticsSql.ts';
import { toFiles, toTotals, type DiagnosticsFilter } from '../../src/state/diagnosticsData.ts';
import { ENGINE_NAMES, openEngine, type SqlEngine } from '../helpers/engines.ts';
import { HOSTILE_FILES, writeHostileFiles } from './writeHostileFiles.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wb-diag-query-'));
  await writeHostileFiles(join(dir, 'in'));
  await buildData({ inputs: [join(dir, 'in')], outDir: join(dir, 'out') });
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.each(ENGINE_NAMES)('diagnostics view queries (%s)', (engine) => {
  let db: SqlEngine;
  const query = (sql: string) => db.run(sql);
  beforeAll(async () => {
    db = await openEngine(engine);
    await db.loadParquet(join(dir, 'out'));
  });
  afterAll(() => db?.close());
  const files = async (filter: DiagnosticsFilter, limit = 1000) =>
    toFiles((await query(diagnosticsSql(filter, limit))).map((r) => ({
      source_file: String(r.source_file), severity: String(r.severity), code: String(r.code), message: r.message as string | null,
      report_id: r.report_id as string | null, title: r.title as string | null,
    })));

  test('totals: files with diagnostics, files with problems, files per code', async () => {
    const totals = toTotals((await query(DIAGNOSTIC_TOTALS_SQL)).map((r) => ({ severity: String(r.severity), code: String(r.code), files: Number(r.files) })));
    expect(totals.files).toBe(Object.keys(HOSTILE_FILES).length);
    expect(totals.problems).toBe(Object.values(HOSTILE_FILES).filter((f) => f.severity !== 'info').length);
    // the damaged PDF is the one error; warnings follow
    expect(totals.codes[0]).toMatchObject({ severity: 'error', code: 'pdf_unreadable', files: 1 });
    expect(totals.codes[1]!.severity).toBe('warning');
    expect(totals.codes).toContainEqual({ severity: 'warning', code: 'binary', files: 2 });
    expect(totals.codes).toContainEqual({ severity: 'info', code: 'encoding', files: 2 });
  });

  test('all files, worst first, each with all its rows together and its report when one was built', async () => {
    const all = await files({ show: 'all', code: null });
    expect(all.map((f) => f.source_file).sort()).toEqual(Object.values(HOSTILE_FILES).map((f) => f.name).sort());
    const ranks = all.map((f) => ['error', 'warning', 'info'].indexOf(f.worst));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const nav = all.find((f) => f.source_file === HOSTILE_FILES.nav.name)!;
    expect(nav.items.map((i) => i.code).sort()).toEqual(['html_stripped', 'navigation_only', 'not_a_report']);
    expect(nav.report_id).toBeNull();
    const html = all.find((f) => f.source_file === HOSTILE_FILES.html.name)!;
    expect(html.report_id).toMatch(/^[0-9a-f]{16}$/);
    expect(html.title).toContain('年度报告');
    // the duplicate links to the copy that was kept
    const dupA = all.find((f) => f.source_file === HOSTILE_FILES.dupA.name)!;
    expect(all.find((f) => f.source_file === HOSTILE_FILES.dupB.name)!.report_id).toBe(dupA.report_id);
  });

  test('problems: files with an error or warning, shown with their info rows too', async () => {
    const problems = await files({ show: 'problems', code: null });
    expect(problems.every((f) => f.worst !== 'info')).toBe(true);
    expect(problems.find((f) => f.source_file === HOSTILE_FILES.nav.name)!.items.some((i) => i.severity === 'info')).toBe(true);
    expect(problems.some((f) => f.source_file === HOSTILE_FILES.gb18030.name)).toBe(false);
  });

  test('one code; a severity; quotes in a code cannot break the SQL; the limit holds', async () => {
    expect((await files({ show: 'all', code: 'binary' })).map((f) => f.source_file).sort()).toEqual([HOSTILE_FILES.png.name, HOSTILE_FILES.docx.name].sort());
    expect((await files({ show: 'info', code: 'binary' }))).toEqual([]);
    expect((await files({ show: 'all', code: "x' OR '1'='1" }))).toEqual([]);
    expect((await query(diagnosticsSql({ show: 'all', code: null }, 3))).length).toBe(3);
  });
});
