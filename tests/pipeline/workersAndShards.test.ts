// The worker pool and the shards change how files are spread, never what is built: a build with two worker threads,
// one in this thread and three shards merged give the same tables, the same per-file report and the same manifest.
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TABLES } from '../../src/core/schema.ts';
import { buildData, buildShard, mergeShards, type BuildSummary } from '../../src/pipeline/buildData.ts';
import { silentLogger } from '../../src/pipeline/logger.ts';
import { openDuckDB, type OpenDuckDB } from '../../src/pipeline/openDuckDB.ts';
import { quoteLiteral } from '../../src/pipeline/sql.ts';
import { generateCorpus } from '../../tools/synth/generate.ts';

const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));
const NOW = () => new Date('2024-05-06T07:08:09.000Z');

let dir: string;
let input: string;
let db: OpenDuckDB;
const built: Record<'threads' | 'inline' | 'shards', { out: string; summary: BuildSummary }> = {} as never;

const query = async (sql: string) => (await db.connection.runAndReadAll(sql)).getRowObjectsJS();
const table = (out: string, name: string) => `read_parquet(${quoteLiteral(join(out, `${name}.parquet`))})`;

beforeAll(async () => {
  db = await openDuckDB();
  dir = await mkdtemp(join(tmpdir(), 'wb-workers-'));
  input = join(dir, 'in');
  await mkdir(input);
  // 40 generated reports over three years, two copies of one seed (in different shards), an empty file
  for (const r of generateCorpus(5, 40, { realistic: { years: [2021, 2022, 2023] } })) await writeFile(join(input, r.file), r.text);
  await copyFile(join(SEEDS, '003_312ad407f2934fb3.txt'), join(input, 'a_003.txt'));
  await copyFile(join(SEEDS, '003_312ad407f2934fb3.txt'), join(input, 'b_003_copy.txt'));
  await writeFile(join(input, 'c_empty.txt'), '');
  const opts = { inputs: [input], logger: silentLogger, now: NOW };
  built.threads = { out: join(dir, 'threads'), summary: await buildData({ ...opts, outDir: join(dir, 'threads'), workers: 2 }) };
  built.inline = { out: join(dir, 'inline'), summary: await buildData({ ...opts, outDir: join(dir, 'inline'), workers: 0 }) };
  const shardDirs = [1, 2, 3].map((i) => join(dir, `shard-${i}`));
  for (const [i, d] of shardDirs.entries()) await buildShard({ ...opts, outDir: d, shard: { index: i + 1, count: 3 }, workers: i === 1 ? 2 : 0 });
  built.shards = { out: join(dir, 'shards'), summary: await mergeShards(shardDirs, { logger: silentLogger, now: NOW, outDir: join(dir, 'shards') }) };
}, 120_000);

afterAll(async () => {
  db?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('worker threads, this thread and merged shards build the same data', () => {
  test('the corpus is what the test means: 43 files, one duplicate, one empty, several years', () => {
    const s = built.inline.summary;
    expect(s.n_files).toBe(43);
    expect(s.files.filter((f) => f.status === 'duplicate').map((f) => f.source_file)).toEqual(['b_003_copy.txt']);
    expect(s.files.find((f) => f.source_file === 'c_empty.txt')?.reason).toBe('empty_file');
    expect(Object.keys(s.manifest.dataset.years).length).toBeGreaterThanOrEqual(3);
  });

  // the cross-report review tables stay empty until the build runs the review step (issue 18, phase 2)
  const REVIEW_TABLES = ['report_pairs', 'similar_passages', 'section_profiles', 'rollups', 'report_quality'];
  test.each(TABLES.map((t) => t.name).filter((n) => !REVIEW_TABLES.includes(n)))('%s.parquet has the same rows in the same order', async (name) => {
    const rows = async (out: string) => JSON.stringify(await query(`SELECT * FROM ${table(out, name)}`), (_, v) => (typeof v === 'bigint' ? Number(v) : v));
    const expected = await rows(built.inline.out);
    expect(expected.length).toBeGreaterThan(2);
    expect(await rows(built.threads.out)).toBe(expected);
    expect(await rows(built.shards.out)).toBe(expected);
  });

  test('build-report.json lists the same files with the same outcomes, in input order', async () => {
    const files = async (out: string) => (JSON.parse(await readFile(join(out, 'build-report.json'), 'utf8')) as { files: unknown[] }).files;
    const expected = await files(built.inline.out);
    expect(expected).toHaveLength(43);
    expect(await files(built.threads.out)).toEqual(expected);
    expect(await files(built.shards.out)).toEqual(expected);
    expect(built.threads.summary.files).toEqual(expected);
  });

  test('manifest.json is the same, partitions included', async () => {
    const manifest = async (out: string) => JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    const expected = await manifest(built.inline.out);
    expect(expected.layout.files.length).toBeGreaterThan(5);
    expect(await manifest(built.threads.out)).toEqual(expected);
    expect(await manifest(built.shards.out)).toEqual(expected);
  });
});

describe('shards that do not make a whole are refused', () => {
  test('a missing shard, a shard given twice, shards of different splits', async () => {
    const opts = { logger: silentLogger, outDir: join(dir, 'bad') };
    const s = (i: number) => join(dir, `shard-${i}`);
    await expect(mergeShards([s(1), s(2)], opts)).rejects.toThrow(/missing shard 3\/3/);
    await expect(mergeShards([s(1), s(2), s(2)], opts)).rejects.toThrow(/shard 2\/3 given twice/);
    await expect(mergeShards([join(dir, 'in')], opts)).rejects.toThrow(/not a shard folder/);
    await expect(buildShard({ inputs: [input], outDir: join(dir, 'x'), shard: { index: 4, count: 3 } })).rejects.toThrow(/1 ≤ i ≤ n/);
  });
});
