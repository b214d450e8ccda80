// Full-text search: substring scan of the texts (contains / LIKE / ILIKE) versus a bigram index built ahead of
// time, in native DuckDB and in DuckDB-WASM in Chromium. `tsx bench/search.ts [--reports N]` (needs dist/ built:
// npm run build). The corpus is the seed texts repeated to ~20k characters per report (a real report's size),
// N reports with distinct ids. Prints a table of milliseconds (median of 5) and the index size.
import { parseArgs } from 'node:util';
import { openDuckDB } from '../src/pipeline/openDuckDB.ts';
import { loadParquetTables } from '../src/pipeline/loadParquetTables.ts';
import { tableDef } from '../src/core/schema.ts';
import { launchBrowser, openPage, startApp } from '../tests/e2e/harness/index.ts';
import { DIST_DIR } from '../tests/e2e/harness/app.ts';
import path from 'node:path';

const { values } = parseArgs({ options: { reports: { type: 'string', default: '2000' }, 'skip-browser': { type: 'boolean' } } });
const N = Number(values.reports);
const PHRASE = '政策兑现';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const CORPUS = `CREATE OR REPLACE TABLE big AS
SELECT t.report_id || '-' || i AS id, repeat(t.text, CAST(ceil(20000 / length(t.text)) AS INTEGER)) || ' #' || i AS text
FROM texts t, range(${Math.ceil(N / 5)}) r(i)`;
// substr() over a long string is linear in the offset, so bigrams come from the short seed texts and are
// replicated like the corpus (a build-time index would be computed in TypeScript, in linear time).
const BIGRAMS = `CREATE OR REPLACE TABLE bigrams AS
WITH seed_bg AS (SELECT DISTINCT report_id, substr(text, p, 2) AS bg FROM texts, range(1, 40001) r(p) WHERE p < length(text))
SELECT s.report_id || '-' || i AS id, s.bg FROM seed_bg s, range(${Math.ceil(N / 5)}) r(i) ORDER BY bg`;
const bigramsOf = (q: string) => [...new Set(Array.from({ length: q.length - 1 }, (_, i) => q.slice(i, i + 2)))];
const QUERIES: [string, string][] = [
  ['contains(text, q)', `SELECT count(*) FROM big WHERE contains(text, '${PHRASE}')`],
  ['text LIKE %q%', `SELECT count(*) FROM big WHERE text LIKE '%${PHRASE}%'`],
  ['text ILIKE %q%', `SELECT count(*) FROM big WHERE text ILIKE '%${PHRASE}%'`],
  ['contains(lower(text), q)', `SELECT count(*) FROM big WHERE contains(lower(text), '${PHRASE}')`],
  ['bigram index + verify', `SELECT count(*) FROM big WHERE id IN (SELECT id FROM bigrams WHERE bg IN (${bigramsOf(PHRASE).map((b) => `'${b}'`).join(', ')}) GROUP BY id HAVING count(*) = ${bigramsOf(PHRASE).length}) AND contains(text, '${PHRASE}')`],
];

async function native(): Promise<Record<string, number>> {
  const db = await openDuckDB();
  await loadParquetTables(db.connection, path.resolve('public/data'), [tableDef('texts')]);
  const time = async (sql: string, reps = 5) => {
    const ms: number[] = [];
    for (let i = 0; i < reps; i++) {
      const t0 = performance.now();
      await db.connection.runAndReadAll(sql);
      ms.push(performance.now() - t0);
    }
    return median(ms);
  };
  const out: Record<string, number> = {};
  out['build corpus'] = await time(CORPUS, 1);
  out['chars (M)'] = Number((await db.connection.runAndReadAll('SELECT sum(length(text)) / 1e6 FROM big')).getRows()[0]![0]);
  console.error(`native corpus: ${out['build corpus'].toFixed(0)} ms, ${out['chars (M)']} M chars`);
  out['build bigram index'] = await time(BIGRAMS, 1);
  console.error(`native bigrams: ${out['build bigram index'].toFixed(0)} ms`);
  out['bigram rows (M)'] = Number((await db.connection.runAndReadAll('SELECT count(*) / 1e6 FROM bigrams')).getRows()[0]![0]);
  for (const [name, sql] of QUERIES) {
    out[name] = await time(sql);
    console.error(`native ${name}: ${out[name].toFixed(1)} ms`);
  }
  db.close();
  return out;
}

async function browser(): Promise<Record<string, number>> {
  const app = await startApp(DIST_DIR);
  const b = await launchBrowser();
  const p = await openPage(b, `${app.url}?panel=sql`);
  const page = p.page;
  const out: Record<string, number> = {};
  try {
    await page.waitForSelector('[data-testid="status"][data-phase="ready"]', { timeout: 120_000 });
    const run = async (sql: string): Promise<number> => {
      const editor = page.locator('.cm-content');
      await editor.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await page.keyboard.insertText(sql);
      await page.getByTestId('sql-run').click();
      await page.waitForFunction(() => !document.querySelector('[data-testid="sql-cancel"]:not([disabled])'), null, { timeout: 600_000 });
      if (await page.getByTestId('sql-error').count()) throw new Error(`${sql}: ${await page.getByTestId('sql-error').textContent()}`);
      const meta = (await page.getByTestId('result-meta').textContent()) ?? '';
      return Number(/用时 (\d+)/.exec(meta)?.[1] ?? NaN);
    };
    // the query mentions texts: the engine loads them first (lazily); time the corpus build after that
    await run('SELECT count(*) FROM texts');
    out['build corpus'] = await run(CORPUS);
    out['build bigram index'] = await run(BIGRAMS);
    for (const [name, sql] of QUERIES) {
      const ms: number[] = [];
      for (let i = 0; i < 5; i++) ms.push(await run(sql));
      out[name] = median(ms);
    }
  } finally {
    await p.close();
    await b.close();
    await app.close();
  }
  return out;
}

const n = await native();
const w = values['skip-browser'] ? {} : await browser();
console.log(`reports: ${N}`);
console.log(`${'step'.padEnd(28)} ${'native ms'.padStart(10)} ${'wasm ms'.padStart(10)}`);
for (const k of Object.keys(n)) console.log(`${k.padEnd(28)} ${n[k]!.toFixed(1).padStart(10)} ${(w[k] ?? NaN).toFixed(0).padStart(10)}`);
