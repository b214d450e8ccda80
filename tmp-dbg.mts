import { parseReport } from '/work/wt/review/src/core/index.ts';
import { runReviewStep } from '/work/wt/review/src/pipeline/reviewStep.ts';
import { generateMultiYear } from '/work/wt/review/tools/synth/corpus/multiYearCorpus.ts';
import { openReviewDb } from '/work/wt/review/tests/review/reviewDb.ts';
const corpus = generateMultiYear({ seed: 18 });
const enc = new TextEncoder();
const parsed = corpus.map((r) => parseReport(enc.encode(r.text), r.file));
const db = await openReviewDb(); await db.addParsed(parsed); await runReviewStep(db.db.connection);
const byFile = new Map(corpus.map(r => [r.file, r]));
const show = async (sql) => { for (const r of await db.all(sql)) console.log(JSON.stringify(r)); };
console.log('--- carry fails not injected');
const carry = await db.all(`SELECT r.source_file, c.col_key, c.lhs, c.rhs, c.message_zh FROM checks c JOIN reports r USING (report_id) WHERE rule_id='X-YEAR-CARRY' AND status='fail'`);
for (const c of carry) { const t = byFile.get(c.source_file); if (!t.injected.carry) console.log(c.source_file, t.kind, c.col_key, c.lhs, c.rhs, c.message_zh); }
console.log('--- carry injected not failing');
for (const t of corpus.filter(r => r.injected.carry)) if (!carry.some(c => c.source_file === t.file)) { console.log(t.file); await show(`SELECT c.status, c.col_key, c.lhs, c.rhs, c.message_zh FROM checks c JOIN reports r USING(report_id) WHERE r.source_file='${t.file}' AND rule_id='X-YEAR-CARRY' LIMIT 2`); await show(`SELECT organ, report_year, region_code FROM reports WHERE source_file='${t.file}'`); }
console.log('--- stock');
await show(`SELECT r.source_file, c.col_key, c.lhs, c.rhs FROM checks c JOIN reports r USING (report_id) WHERE rule_id='X-YEAR-STOCK' AND status='fail'`);
console.log('--- timely injected not found');
for (const t of corpus.filter(r => r.injected.late)) { const rows = await db.all(`SELECT c.status, c.col_key, c.message_zh, r.published_date, r.organ, r.organ_level FROM checks c JOIN reports r USING(report_id) WHERE r.source_file='${t.file}' AND rule_id='TIMELY'`); if (rows[0]?.status !== 'fail') console.log(t.file, t.truth.published_date, JSON.stringify(rows)); }
console.log('--- rollup');
await show(`SELECT r.source_file, x.metric, x.parent_value, x.children_sum, x.n_children, x.status FROM rollups x JOIN reports r USING (report_id) WHERE r.source_file IN ('multi_18_c3-gov_2019.txt','multi_18_c1-gov_2022.txt') AND x.metric LIKE '%new_received%'`);
console.log('--- pairs');
await show(`SELECT a.source_file f, b.source_file p, match_kind FROM report_pairs x JOIN reports a USING (report_id) JOIN reports b ON b.report_id = x.prev_report_id WHERE a.source_file LIKE '%chg%' AND match_kind <> 'renamed' AND x.organ <> x.prev_organ`);
db.close();
