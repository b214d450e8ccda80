// README's recipes for a multi-year folder, run as written: the DuckDB block on a generated three-year corpus (one
// build over the three years, and three one-year builds read together by a glob), and the Spark script, which runs
// where Java and Spark are installed and otherwise says what is missing.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildData } from '../../src/pipeline/buildData.ts';
import { silentLogger } from '../../src/pipeline/logger.ts';
import { openDuckDB, type OpenDuckDB } from '../../src/pipeline/openDuckDB.ts';
import { generateCorpus } from '../../tools/synth/generate.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const YEARS = [2021, 2022, 2023];
let dir: string;
let db: OpenDuckDB;

/** The ```sql block after `<!-- recipe:duckdb -->` in README.md, its statements split at the semicolons. */
async function recipe(data: string): Promise<string[]> {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const block = /<!-- recipe:duckdb -->\n```sql\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('README.md has no <!-- recipe:duckdb --> block');
  return block.replaceAll('DATA', data).split(/;\s*\n/).map((s) => s.replace(/^--.*$/gm, '').trim()).filter(Boolean);
}

async function runRecipe(data: string) {
  const statements = await recipe(data);
  for (const s of statements.slice(0, -1)) await db.connection.run(s.replace(/^CREATE VIEW/, 'CREATE OR REPLACE VIEW'));
  return (await db.connection.runAndReadAll(statements.at(-1)!)).getRowObjectsJS();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wb-years-'));
  for (const year of YEARS) {
    await mkdir(join(dir, String(year)));
    for (const r of generateCorpus(year, 25, { realistic: { years: [year] } })) await writeFile(join(dir, String(year), r.file), r.text);
  }
  const opts = { logger: silentLogger, workers: 0 };
  await buildData({ ...opts, inputs: YEARS.map((y) => join(dir, String(y))), outDir: join(dir, 'all') });
  for (const y of YEARS) await buildData({ ...opts, inputs: [join(dir, String(y))], outDir: join(dir, `data-${y}`) });
  db = await openDuckDB();
}, 120_000);
afterAll(async () => {
  db?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('README recipe: native DuckDB over a multi-year folder', () => {
  test('one build over three years: the recipe gives every year and province, with the totals of the flat cells table', async () => {
    const rows = await runRecipe(join(dir, 'all'));
    expect([...new Set(rows.map((r) => Number(r.report_year)))]).toEqual(YEARS);
    const flat = (await db.connection.runAndReadAll(`SELECT sum(value) AS v, count(DISTINCT report_id)::INTEGER AS n FROM read_parquet('${join(dir, 'all', 'cells.parquet')}')
      WHERE table_id = 'applications' AND row_key = 'new_received' AND col_key = 'total'`)).getRowObjectsJS()[0]!;
    expect(rows.reduce((a, r) => a + Number(r.received), 0)).toBe(Number(flat.v));
    expect(rows.reduce((a, r) => a + Number(r.reports), 0)).toBe(flat.n);
    expect(flat.n).toBeGreaterThan(60);
    expect(rows.every((r) => /^\d\d$/.test(String(r.province_code)))).toBe(true);
  });

  test('three one-year builds read together by a glob give the same rows', async () => {
    expect(await runRecipe(join(dir, 'data-*'))).toEqual(await runRecipe(join(dir, 'all')));
  });

  test('report_metrics and checks views of the recipe read the layout', async () => {
    await runRecipe(join(dir, 'all'));
    const [m] = (await db.connection.runAndReadAll('SELECT count(*)::INTEGER AS n FROM report_metrics')).getRowObjectsJS();
    const [r] = (await db.connection.runAndReadAll('SELECT count(*)::INTEGER AS n FROM reports')).getRowObjectsJS();
    expect(m!.n).toBe(r!.n);
    const [c] = (await db.connection.runAndReadAll(`SELECT count(DISTINCT report_year)::INTEGER AS n FROM checks`)).getRowObjectsJS();
    expect(c!.n).toBe(3);
  });
});

describe('scripts/spark-recipe.sh', () => {
  test('runs the Spark recipe where spark-sql is installed, and otherwise stops with a clear message', async () => {
    const run = promisify(execFile);
    try {
      const { stdout } = await run(join(ROOT, 'scripts/spark-recipe.sh'), [join(dir, 'all')], { env: { ...process.env } });
      const lines = stdout.trim().split('\n').filter((l) => /^\d{4}\t\d\d\t/.test(l));
      expect(lines.map((l) => Number(l.split('\t')[0]))).toEqual(expect.arrayContaining(YEARS));
    } catch (error) {
      const e = error as { code?: number; stderr?: string };
      expect(e.code, e.stderr).toBe(3);
      expect(e.stderr).toMatch(/^spark-recipe: skipped: (no java on PATH|spark-sql not found)/m);
      process.stdout.write(`spark recipe not run: ${e.stderr!.trim()}\n`);
    }
  }, 300_000);
});
