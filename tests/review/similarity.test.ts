import { describe, expect, it } from 'vitest';
import { comparePassages } from '../../src/core/similarity/comparePassages.ts';
import { boilerplateModel } from '../../src/core/similarity/boilerplateModel.ts';
import { findSimilar, type SimilarityReport } from '../../src/core/similarity/findSimilar.ts';
import { MinHasher, bandKeys } from '../../src/core/similarity/minHash.ts';
import { prepareReport } from '../../src/core/similarity/prepareReport.ts';
import { ShingleCounts } from '../../src/core/similarity/shingleCounts.ts';
import { shingleHashes, uniqueSorted } from '../../src/core/similarity/shingleHashes.ts';
import { maskNames, similarityText } from '../../src/core/similarity/similarityText.ts';
import { SIMILARITY_DEFAULTS, boilerplateThreshold } from '../../src/core/similarity/similarityParams.ts';
import { segmentSections } from '../../src/core/segment/segmentSections.ts';
import { mulberry32, parsedSeed, seedFiles } from '../core/helpers.ts';

const PROBLEMS_2020 = '一是“阳光社区”专栏更新不够及时，城北片区便民查阅点使用率偏低。二是依申请公开答复文书格式不统一，个别答复说理不够充分。下一步将修订《依申请公开办理规程》，在城北、河西两个片区各增设查阅点2个，每季度抽查答复文书不少于30份。';
const REWORDED = '存在的不足主要有：社区公开栏目的内容更新偏慢，部分片区设置的查阅场所群众知晓度不高；答复申请人的文书写法各异，理由阐述有时过于简略。今后我们将完善办理制度，增加查阅场所，并定期检查答复质量。';

const report = (id: string, organ: string, problems: string, overall = '本机关认真贯彻落实条例，持续推进政务公开工作。'): SimilarityReport => {
  const text = `${organ}2021年度政府信息公开工作年度报告\n一、总体情况\n${overall}\n二、主动公开政府信息情况\n（略）\n三、收到和处理政府信息公开申请情况\n（略）\n四、政府信息公开行政复议、行政诉讼情况\n（略）\n五、存在的主要问题及改进情况\n${problems}\n六、其他需要报告的事项\n无。\n`;
  return { report_id: id, text, sections: segmentSections(text), names: [organ] };
};
const memory = (reports: SimilarityReport[]) => {
  const by = new Map(reports.map((r) => [r.report_id, r]));
  return { scan: async (f: (r: SimilarityReport) => void) => { for (const r of reports) f(r); }, fetch: async (ids: readonly string[]) => ids.map((i) => by.get(i)!) };
};

describe('similarityText', () => {
  it('keeps Han characters and letters, one 0 per number, one mark per own name; offsets point into the original', () => {
    const text = '硚口区行政审批局全年公开信息1,234.5条（同比增长12%），ABC平台上线。';
    const { norm, offsets } = similarityText(text, 0, text.length, maskNames(['硚口区行政审批局', '硚口区']));
    expect(norm).toBe('\ue000全年公开信息0条同比增长0abc平台上线');
    expect(text[offsets[1]!]).toBe('全');
    expect(text.slice(offsets[7]!, offsets[7]! + 7)).toBe('1,234.5');
    expect(maskNames(['湖北省', '硚口区', null, 'x'])).toEqual(['湖北省', '硚口区', '湖北', '硚口']);
  });
});

describe('shingles, document frequencies and MinHash', () => {
  it('shingle hashes are a function of the characters; a report counts once per shingle', () => {
    expect([...shingleHashes('一二三四五六', 5)]).toEqual([...shingleHashes('〇一二三四五六', 5).slice(1)]);
    expect(shingleHashes('一二三四', 5)).toHaveLength(0);
    expect([...uniqueSorted(Uint32Array.from([5, 1, 5, 3, 1]))]).toEqual([1, 3, 5]);
  });

  it('the count-min sketch never counts low, merges worker sketches, and sets the boilerplate threshold', () => {
    const a = new ShingleCounts(10, 2);
    const b = new ShingleCounts(10, 2);
    const rnd = mulberry32(3);
    const truth = new Map<number, number>();
    for (let r = 0; r < 200; r++) {
      const set = uniqueSorted(Uint32Array.from({ length: 40 }, (_, i) => (i < 5 ? 1000 + i : Math.floor(rnd() * 2 ** 32))));
      for (const h of set) truth.set(h, (truth.get(h) ?? 0) + 1);
      (r % 2 ? a : b).addReport(set);
    }
    a.merge(b);
    expect(a.reports).toBe(200);
    for (const [h, n] of truth) expect(a.count(h)).toBeGreaterThanOrEqual(n);
    expect(a.count(1000)).toBe(200);
    expect(boilerplateThreshold(200)).toBe(50);
    expect(boilerplateThreshold(120_000)).toBe(600);
    expect(() => a.merge(new ShingleCounts(11, 2))).toThrow(/shapes/);
    // handed to a worker and back: the same counts
    const copy = ShingleCounts.from(structuredClone(a.export()));
    expect(copy.reports).toBe(200);
    for (const h of [...truth.keys()].slice(0, 50)) expect(copy.count(h)).toBe(a.count(h));
    expect(() => ShingleCounts.from({ widthBits: 10, depth: 2, reports: 0, rows: [new Uint16Array(4)] })).toThrow(/shape/);
  });

  it('MinHash estimates Jaccard similarity, is seeded, and equal sets share every band', () => {
    const rnd = mulberry32(7);
    const shared = Array.from({ length: 600 }, () => Math.floor(rnd() * 2 ** 32));
    const onlyA = Array.from({ length: 200 }, () => Math.floor(rnd() * 2 ** 32));
    const onlyB = Array.from({ length: 200 }, () => Math.floor(rnd() * 2 ** 32));
    const A = Uint32Array.from([...shared, ...onlyA]);
    const B = Uint32Array.from([...shared, ...onlyB]);
    const all = (x: Uint32Array) => Int32Array.from(x.keys());
    const h = new MinHasher(256, 1);
    const sa = h.signature(A, all(A), 0, A.length, new Uint32Array(256));
    const sb = h.signature(B, all(B), 0, B.length, new Uint32Array(256));
    const est = sa.filter((v, i) => v === sb[i]).length / 256;
    expect(Math.abs(est - 0.6)).toBeLessThan(0.08);
    expect([...new MinHasher(256, 1).signature(A, all(A), 0, A.length, new Uint32Array(256))]).toEqual([...sa]);
    expect([...new MinHasher(256, 2).signature(A, all(A), 0, A.length, new Uint32Array(256))]).not.toEqual([...sa]);
    expect([...bandKeys(sa, 20, 3)]).toEqual([...bandKeys(sa.slice(), 20, 3)]);
  });
});

describe('comparePassages', () => {
  const model = boilerplateModel(null);
  const sec = (r: SimilarityReport) => prepareReport(r).find((s) => s.key === 'problems')!;

  it('a section copied by another organ, names and figures changed, is found, with its offsets in both texts', () => {
    const a = report('a', '城北区民政局', PROBLEMS_2020);
    const copy = PROBLEMS_2020.replace('2个', '3个').replace('30份', '50份');
    const b = report('b', '河西区司法局', `河西区司法局：${copy}`);
    const m = comparePassages(sec(a), sec(b), model)!;
    expect(m.similarity).toBeGreaterThan(0.95);
    expect(m.passages).toHaveLength(1);
    const p = m.passages[0]!;
    expect(a.text.slice(p.start, p.end)).toBe(PROBLEMS_2020.slice(0, PROBLEMS_2020.length - 1));
    expect(b.text.slice(p.other_start, p.other_end)).toBe(copy.slice(0, copy.length - 1));
  });

  it('a re-worded section with the same meaning is not a copy', () => {
    expect(comparePassages(sec(report('a', '城北区民政局', PROBLEMS_2020)), sec(report('b', '城北区民政局', REWORDED)), model)).toBeNull();
  });

  it('one copied paragraph among new ones is a passage; its share of the section says how much', () => {
    const para = PROBLEMS_2020.slice(0, PROBLEMS_2020.indexOf('下一步'));
    const m = comparePassages(sec(report('a', 'x局', PROBLEMS_2020)), sec(report('b', 'y局', `${REWORDED}\n${para}\n今后还将加强培训。`)), model)!;
    expect(m.passages).toHaveLength(1);
    expect(m.similarity).toBeGreaterThan(0.4);
    expect(m.similarity).toBeLessThan(0.8);
  });

  it('text that every report has (a static national sentence) does not make a copy', () => {
    const fixed = '坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实中华人民共和国政府信息公开条例。';
    expect(comparePassages(sec(report('a', 'x局', fixed + REWORDED.slice(0, 8))), sec(report('b', 'y局', fixed + '今年没有新的问题需要说明。')), model)).toBeNull();
  });
});

describe('findSimilar over a corpus', () => {
  it('finds the copy, not the re-wording, and not boilerplate shared by sixty reports', async () => {
    const rnd = mulberry32(11);
    const chars = '安宁和平福康泰兴盛华荣光明清新春秋山川江河湖海林园田桥塔亭溪泉峰岭湾滨港城乡村镇街坊';
    const own = () => Array.from({ length: 60 }, () => chars[Math.floor(rnd() * chars.length)]).join('');
    const template = '我局对照年度任务清单逐项抓好落实，严格执行公开前保密审查制度，及时更新政府信息公开指南和目录，确保公开内容准确规范。';
    const reports = Array.from({ length: 60 }, (_, i) => report(`r${String(i).padStart(2, '0')}`, `第${i}局`, `${template}${own()}。`));
    reports.push(report('copy', '城北区民政局', PROBLEMS_2020), report('orig', '河西区司法局', PROBLEMS_2020.replace('30份', '40份')), report('reword', '东城区教育局', REWORDED));
    const out = await findSimilar(memory(reports));
    expect(out.stats.boilerplate_threshold).toBe(50);
    const pairs = [...new Set(out.passages.map((p) => `${p.report_id}|${p.other_report_id}|${p.section_key}`))].sort();
    expect(pairs).toEqual(['copy|orig|problems', 'orig|copy|problems']);
    // the template is boilerplate in all sixty: only each report's own characters are specific
    const prof = out.profiles.find((p) => p.report_id === 'r00' && p.section_key === 'problems')!;
    expect(prof.specific).toBeLessThan(prof.shingles * 0.7);
  });

  it('the seeds: five different organs, nothing copied between them', async () => {
    const reports = seedFiles().map((f) => parsedSeed(f.slice(0, 3))).map((p) => ({
      report_id: p.report.report_id, text: p.text, sections: p.sections, names: [p.report.organ, p.report.province, p.report.city, p.report.county],
    }));
    const out = await findSimilar(memory(reports));
    expect(out.passages).toEqual([]);
    expect(out.profiles.filter((p) => p.section_key === 'problems').length).toBeGreaterThanOrEqual(4);
  });

  it('the same seed twice under another name is a copy of every section', async () => {
    const p = parsedSeed('003');
    const base = { text: p.text, sections: p.sections, names: [p.report.organ, p.report.county] };
    const out = await findSimilar(memory([{ report_id: 'x', ...base }, { report_id: 'y', ...base }]), { ...SIMILARITY_DEFAULTS });
    expect(new Set(out.passages.map((x) => x.section_key))).toEqual(new Set(['overall', 'problems', 'other']));
    expect(out.passages.every((x) => x.similarity > 0.95)).toBe(true);
  });
});
