// The review desk on a generated multi-year corpus: exactly the injected copies, late reports, broken carry-overs and
// stocks, left-out departments and renamed organs are found. Precision and recall are printed for each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReportAsync, type ParsedReport } from '../../src/core/index.ts';
import { runReviewStep } from '../../src/pipeline/reviewStep.ts';
import { ROLLUP_METRICS } from '../../src/sql/rollupSql.ts';
import { generateMultiYear, type CorpusReport } from '../../tools/synth/corpus/multiYearCorpus.ts';
import { maskNames, similarityText } from '../../src/core/similarity/similarityText.ts';
import { openReviewDb, type ReviewDb } from './reviewDb.ts';

let db: ReviewDb;
let corpus: CorpusReport[];
const idOf = new Map<string, string>();
const fileOf = new Map<string, string>();
let stats: Awaited<ReturnType<typeof runReviewStep>>;

beforeAll(async () => {
  corpus = generateMultiYear({ seed: 18 });
  const enc = new TextEncoder();
  // the async parser loads the traditional-script converter (the generator writes some labels in traditional script)
  const parsed: ParsedReport[] = [];
  for (const r of corpus) parsed.push(await parseReportAsync(enc.encode(r.text), r.file));
  for (const p of parsed) { idOf.set(p.report.source_file, p.report.report_id); fileOf.set(p.report.report_id, p.report.source_file); }
  db = await openReviewDb();
  await db.addParsed(parsed);
  stats = await runReviewStep(db.db.connection);
}, 120_000);
afterAll(() => db?.close());

/** Precision and recall of `found` against `want`, printed, and both must be 1. */
function score(name: string, want: Set<string>, found: Set<string>): void {
  const tp = [...found].filter((x) => want.has(x)).length;
  const precision = found.size ? tp / found.size : 1;
  const recall = want.size ? tp / want.size : 1;
  console.log(`${name}: injected ${want.size}, found ${found.size}, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
  expect([...found].filter((x) => !want.has(x)), `${name}: found but not injected`).toEqual([]);
  expect([...want].filter((x) => !found.has(x)), `${name}: injected but not found`).toEqual([]);
  expect(want.size).toBeGreaterThan(0);
}

const failed = async (rule: string, col = false) =>
  new Set((await db.all(`SELECT report_id, col_key FROM checks WHERE rule_id = '${rule}' AND status = 'fail'`)).map((r) => `${fileOf.get(String(r.report_id))}${col ? `|${r.col_key}` : ''}`));

describe('a generated multi-year corpus (12 counties, 2019–2023)', () => {
  it('report_pairs: every organ with its report of the year before, renamed and re-spelled organs included', async () => {
    const want = new Set<string>();
    const byOrgan = new Map<string, CorpusReport[]>();
    for (const r of corpus) (byOrgan.get(r.organ_id) ?? byOrgan.set(r.organ_id, []).get(r.organ_id)!).push(r);
    for (const reps of byOrgan.values()) {
      for (const r of reps) {
        const prev = reps.find((x) => x.year === r.year - 1);
        if (prev) want.add(`${r.file}|${prev.file}|${prev.truth.organ === r.truth.organ ? 'exact' : /管委会/.test(r.truth.organ) ? 'alias' : 'renamed'}`);
      }
    }
    const rows = await db.all(`SELECT report_id, prev_report_id, match_kind FROM report_pairs`);
    score('report_pairs', want, new Set(rows.map((r) => `${fileOf.get(String(r.report_id))}|${fileOf.get(String(r.prev_report_id))}|${r.match_kind}`)));
    expect(rows.some((r) => r.match_kind === 'renamed')).toBe(true);
  });

  it('X-YEAR-CARRY fails exactly where a carry-over was broken (自然人 and 总计)', async () => {
    const want = new Set(corpus.filter((r) => r.injected.carry).flatMap((r) => [`${r.file}|natural_person`, `${r.file}|total`]));
    score('X-YEAR-CARRY', want, await failed('X-YEAR-CARRY', true));
    const passed = await db.all(`SELECT count(*)::INT AS n FROM checks WHERE rule_id = 'X-YEAR-CARRY' AND status = 'pass'`);
    expect(passed[0]!.n).toBeGreaterThan(2000);
  });

  it('X-YEAR-STOCK fails exactly where a stock was broken', async () => {
    const want = new Set(corpus.filter((r) => r.injected.stock).map((r) => `${r.file}|normative_documents`));
    score('X-YEAR-STOCK', want, await failed('X-YEAR-STOCK', true));
  });

  it('TIMELY fails exactly for the late reports; townships are not judged', async () => {
    score('TIMELY', new Set(corpus.filter((r) => r.injected.late).map((r) => r.file)), await failed('TIMELY'));
    const towns = await db.all(`SELECT DISTINCT status, col_key FROM checks WHERE rule_id = 'TIMELY' AND report_id IN (SELECT report_id FROM reports WHERE organ_level = 'township')`);
    expect(towns).toEqual([{ status: 'skipped', col_key: 'township' }]);
  });

  it('similar_passages: exactly the injected copies, told apart by kind; boilerplate shared by every report never counts', async () => {
    const byText = new Map<string, CorpusReport[]>();
    for (const r of corpus) for (const s of ['overall', 'problems', 'other'] as const) (byText.get(`${s}|${r.prose[s]}`) ?? byText.set(`${s}|${r.prose[s]}`, []).get(`${s}|${r.prose[s]}`)!).push(r);
    const want = new Set<string>();
    const kinds = new Map<string, string>();
    for (const [k, reps] of byText) {
      const s = k.split('|')[0]!;
      for (const a of reps) for (const b of reps) {
        if (a === b) continue;
        const key = `${a.file}|${b.file}|${s}`;
        want.add(key);
        kinds.set(key, a.organ_id !== b.organ_id ? 'cross_organ' : b.year === a.year - 1 ? 'same_organ_prev_year' : b.year === a.year + 1 ? 'same_organ_next_year' : 'same_organ_other_year');
      }
    }
    const rows = await db.all(`SELECT DISTINCT report_id, other_report_id, section_key, kind FROM similar_passages`);
    const found = new Set(rows.map((r) => `${fileOf.get(String(r.report_id))}|${fileOf.get(String(r.other_report_id))}|${r.section_key}`));
    score('similar_passages (directed section pairs)', want, found);
    const wrongKind = rows.filter((r) => kinds.get(`${fileOf.get(String(r.report_id))}|${fileOf.get(String(r.other_report_id))}|${r.section_key}`) !== r.kind);
    expect(wrongKind).toEqual([]);
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['same_organ_prev_year', 'same_organ_next_year', 'same_organ_other_year', 'cross_organ']));
    console.log('similarity:', JSON.stringify(stats.similarity));
  });

  it('every passage points at the same words in both texts (names and figures aside)', async () => {
    const rows = await db.all(`SELECT a.text AS ta, b.text AS tb, p.start, p."end", p.other_start, p.other_end, ra.organ AS oa, rb.organ AS ob
      FROM similar_passages p JOIN texts a ON a.report_id = p.report_id JOIN texts b ON b.report_id = p.other_report_id
      JOIN reports ra ON ra.report_id = p.report_id JOIN reports rb ON rb.report_id = p.other_report_id`);
    expect(rows.length).toBeGreaterThan(100);
    const norm = (text: unknown, s: unknown, e: unknown, organ: unknown) => similarityText(String(text), Number(s), Number(e), maskNames([String(organ)])).norm;
    const differ = rows.filter((r) => norm(r.ta, r.start, r.end, r.oa) !== norm(r.tb, r.other_start, r.other_end, r.ob));
    // a passage joins runs across small gaps, so its two sides may differ inside; they begin and end alike
    const ends = (a: string, b: string) => a.slice(0, 8) === b.slice(0, 8) && a.slice(-8) === b.slice(-8);
    expect(differ.filter((r) => !ends(norm(r.ta, r.start, r.end, r.oa), norm(r.tb, r.other_start, r.other_end, r.ob)))).toEqual([]);
  });

  it('ROLLUP: county governments equal the sum of their organs, except where a department was left out of the sum', async () => {
    const want = new Set<string>();
    for (const x of corpus.filter((r) => r.kind === 'extra')) {
      const gov = corpus.find((r) => r.kind === 'government' && r.county_id === x.county_id && r.year === x.year)!;
      for (const [t, row, col] of ROLLUP_METRICS) {
        const v = x.truth.cells.find((c) => c.table_id === t && c.row_key === row && c.col_key === col)?.value ?? 0;
        if (v > 0) want.add(`${gov.file}|departments:${t}.${row}.${col}`);
      }
    }
    score('ROLLUP', want, await failed('ROLLUP', true));
    const govs = corpus.filter((r) => r.kind === 'government').length;
    const rows = await db.all(`SELECT status, count(*)::INT AS n FROM rollups GROUP BY status ORDER BY status`);
    expect(rows.find((r) => r.status === 'pass')!.n).toBeGreaterThan(govs * 4);
    const kids = await db.all(`SELECT DISTINCT n_children, n_townships FROM rollups`);
    expect(kids.every((k) => Number(k.n_children) >= 8 && Number(k.n_townships) >= 1)).toBe(true);
  });

  it('a complete corpus raises no completeness warning, and every report gets a score from all five parts', async () => {
    const rows = await db.all(`SELECT rule_id, status, count(*)::INT AS n FROM checks WHERE rule_id IN ('COMPLETE-SECTIONS', 'COMPLETE-TABLES', 'PROBLEMS-SPECIFIC', 'OTHER-FEE', 'OTHER-WORK-POINTS') GROUP BY ALL ORDER BY ALL`);
    expect(rows.filter((r) => r.status !== 'pass')).toEqual([]);
    expect(rows.map((r) => r.rule_id)).toEqual(['COMPLETE-SECTIONS', 'COMPLETE-TABLES', 'OTHER-FEE', 'OTHER-WORK-POINTS', 'PROBLEMS-SPECIFIC']);
    // townships have no legal deadline: four parts; every other report with a year before it: all five
    const q = await db.all(`SELECT min(parts_scored)::INT AS lo, min(score) AS smin, max(score) AS smax FROM report_quality
      WHERE report_id IN (SELECT report_id FROM report_pairs) AND report_id NOT IN (SELECT report_id FROM reports WHERE organ_level = 'township')`);
    expect(q[0]).toMatchObject({ lo: 5, smax: 100 });
    expect(await db.all(`SELECT DISTINCT parts_scored, timeliness FROM report_quality WHERE report_id IN (SELECT report_id FROM report_pairs) AND report_id IN (SELECT report_id FROM reports WHERE organ_level = 'township')`)).toEqual([{ parts_scored: 4, timeliness: null }]);
    expect(Number(q[0]!.smin)).toBeLessThan(100);
    // a late report loses exactly its timeliness fifth, nothing else being wrong with it
    // (its texts its own: not copied, and shared with no report of its year or before)
    const sharedEarly = (r: CorpusReport) => corpus.some((x) => x !== r && x.year <= r.year && (['overall', 'problems', 'other'] as const).some((s) => x.prose[s] === r.prose[s]));
    const late = corpus.find((r) => r.injected.late && !r.injected.carry && !r.injected.stock && r.injected.copies.length === 0 && r.year > 2019 && r.kind === 'department' && !sharedEarly(r))!;
    const [one] = await db.all(`SELECT timeliness, completeness, arithmetic, consistency, originality, score FROM report_quality WHERE report_id = '${idOf.get(late.file)}'`);
    expect(one).toMatchObject({ timeliness: 0, completeness: 1, arithmetic: 1, consistency: 1, originality: 1, score: 80 });
    // a report copied by a later one loses nothing; the later one loses what it took
    const source = corpus.find((r) => r.injected.copies.length === 0 && !sharedEarly(r) && corpus.some((x) => x.year > r.year && x.injected.copies.some((c) => c.from === r.file)))!;
    const copier = corpus.find((x) => x.year > source.year && x.injected.copies.some((c) => c.from === source.file))!;
    const q2 = await db.all(`SELECT report_id, originality FROM report_quality WHERE report_id IN ('${idOf.get(source.file)}', '${idOf.get(copier.file)}')`);
    expect(q2.find((x) => x.report_id === idOf.get(source.file))!.originality).toBe(1);
    expect(Number(q2.find((x) => x.report_id === idOf.get(copier.file))!.originality)).toBeLessThan(0.9);
  });

  it('n_warnings counts the review rows that failed', async () => {
    const [r] = await db.all(`SELECT count(*)::INT AS n FROM reports r WHERE n_warnings <> (SELECT count(*) FROM checks c WHERE c.report_id = r.report_id AND c.severity = 'warning' AND c.status = 'fail')`);
    expect(r!.n).toBe(0);
  });
});
