// Copy search (内容雷同) at national scale: `tsx bench/similarity.ts [--reports 120000] [--years 5] [--seed 1]`.
// Generated reports (organ × year, the prose of tools/synth/corpus: boilerplate shared by all plus text of each
// report's own), with copies injected (same organ year over year, another organ's); the reports are regenerated
// from their seed whenever the search reads them, so the corpus is never held in memory. Prints each phase's time,
// the peak RSS, precision and recall against the injected copies, and the whole search as a ratio to one read of
// the corpus (normalising and shingling every text once, measured in the same run).
import { parseArgs } from 'node:util';
import { findSimilar, type ReportSource, type SimilarityReport } from '../src/core/similarity/findSimilar.ts';
import { prepareReport, reportShingleSet } from '../src/core/similarity/prepareReport.ts';
import { segmentSections } from '../src/core/segment/segmentSections.ts';
import { makeRng } from '../tools/synth/rng.ts';
import { COUNTY_ORGANS, PLACES } from '../tools/synth/places.ts';
import { recopy, sectionProse, type Paragraph, type ProseSection } from '../tools/synth/corpus/specificProse.ts';

const { values } = parseArgs({ options: { reports: { type: 'string', default: '120000' }, years: { type: 'string', default: '5' }, seed: { type: 'string', default: '1' } } });
const N = Number(values.reports);
const YEARS = Number(values.years);
const SEED = Number(values.seed);
const ORGANS = Math.ceil(N / YEARS);
const Y0 = 2019;
const SECTIONS: ProseSection[] = ['overall', 'problems', 'other'];
const COPY = 0.06;
const CROSS = 0.02;

const organName = (o: number): string => {
  const p = PLACES[o % PLACES.length]!;
  return `${p.county}${COUNTY_ORGANS[Math.floor(o / PLACES.length) % COUNTY_ORGANS.length]}`;
};

/** The prose of a section and the id of the text it is (a copy has its source's id). */
function section(o: number, y: number, s: ProseSection): { paras: Paragraph[]; id: string } {
  const rng = makeRng(SEED * 1_000_003 + o * 131 + y * 7 + SECTIONS.indexOf(s));
  const organ = organName(o);
  if (y > Y0 && rng.chance(COPY)) {
    const src = section(o, y - 1, s);
    return { paras: recopy(rng, src.paras, organ, organ), id: src.id };
  }
  if (y > Y0 && rng.chance(CROSS)) {
    const other = rng.int(0, ORGANS - 1);
    if (other !== o) {
      const src = section(other, y - 1, s);
      return { paras: recopy(rng, src.paras, organName(other), organ), id: src.id };
    }
  }
  return { paras: sectionProse(rng, s, organ, y), id: `${o}:${y}:${s}` };
}

function report(i: number): SimilarityReport {
  const o = Math.floor(i / YEARS);
  const y = Y0 + (i % YEARS);
  const organ = organName(o);
  const p = PLACES[o % PLACES.length]!;
  const body = (s: ProseSection) => section(o, y, s).paras.map((x) => x.text).join('\n');
  const text = [
    `${organ}${y}年度政府信息公开工作年度报告`, `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条规定编制。`,
    '一、总体情况', body('overall'), '二、主动公开政府信息情况', '（表格略）', '三、收到和处理政府信息公开申请情况', '（表格略）',
    '四、政府信息公开行政复议、行政诉讼情况', '（表格略）', '五、存在的主要问题及改进情况', body('problems'), '六、其他需要报告的事项', body('other'),
    organ, `${y + 1}年1月20日`,
  ].join('\n');
  return { report_id: String(i), text, sections: segmentSections(text), names: [organ, p.province, p.city, p.county] };
}

const source: ReportSource = {
  async scan(on) { for (let i = 0; i < N; i++) on(report(i)); },
  async fetch(ids) { return ids.map((id) => report(Number(id))); },
};

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

// CPU time as well as wall time: on a shared machine the wall clock also counts other people's work
const cpu = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
// the floor: generating every report, then generating and reading (normalise + shingle) every report once
let t = performance.now();
let c = cpu();
let chars = 0;
await source.scan((r) => { chars += r.text.length; });
const generate = performance.now() - t;
const generateCpu = cpu() - c;
t = performance.now();
c = cpu();
await source.scan((r) => { reportShingleSet(prepareReport(r)); });
const read = performance.now() - t - generate;
const readCpu = cpu() - c - generateCpu;

t = performance.now();
c = cpu();
const out = await findSimilar(source);
const total = performance.now() - t;
const totalCpu = cpu() - c;
const st = out.stats;
// each full scan regenerates the corpus; verification regenerates only the reports of candidate pairs
const search = total - 2 * generate;
const searchCpu = totalCpu - 2 * generateCpu;

const found = new Set(out.passages.filter((p) => Number(p.report_id) < Number(p.other_report_id)).map((p) => `${p.report_id}|${p.other_report_id}|${p.section_key}`));
const groups = new Map<string, number[]>();
for (let i = 0; i < N; i++) {
  for (const sec of SECTIONS) {
    const id = `${section(Math.floor(i / YEARS), Y0 + (i % YEARS), sec).id}|${sec}`;
    (groups.get(id) ?? groups.set(id, []).get(id)!).push(i);
  }
}
const want = new Set<string>();
for (const [id, members] of groups) for (let a = 0; a < members.length; a++) for (let b = a + 1; b < members.length; b++) want.add(`${members[a]}|${members[b]}|${id.split('|')[1]}`);
const tp = [...found].filter((x) => want.has(x)).length;

console.log(`reports ${N} (${ORGANS} organs × ${YEARS} years), ${(chars / N / 1000).toFixed(1)}k characters each; ${st.windows} windows; boilerplate from ${st.boilerplate_threshold} reports`);
console.log(`generating the corpus once (not part of the search): ${s(generate)} (CPU ${s(generateCpu)})`);
console.log(`one read of the corpus (normalise + shingle every text): ${s(read)} (CPU ${s(readCpu)})`);
console.log(`wall per phase: frequencies ${s(st.ms.frequencies - generate)}, sketches ${s(st.ms.sketches - generate)}, banding ${s(st.ms.banding)}, verification ${s(st.ms.verification)} (${st.candidate_pairs} candidate pairs, ${st.verified_pairs} verified; ${st.buckets_skipped} boilerplate buckets skipped)`);
console.log(`copy search: ${s(search)} wall, CPU ${s(searchCpu)} = ${(searchCpu / readCpu).toFixed(1)} × one read (CPU); peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
console.log(`injected copies (section pairs) ${want.size}, found ${found.size}: precision ${(found.size ? tp / found.size : 1).toFixed(4)}, recall ${(want.size ? tp / want.size : 1).toFixed(4)}`);
