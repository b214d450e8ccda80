import { describe, expect, it } from 'vitest';
import { parseReport, type ParsedReport } from '../../src/core/index.ts';
import { placeByCode } from '../../src/core/metadata/gazetteer.ts';
import { MAX_FACTS } from '../../src/core/facts/extractFacts.ts';
import { mulberry32, seedBytes, seedFiles } from './helpers.ts';

const SECTION_KEYS = ['overall', 'active_disclosure', 'applications', 'review_litigation', 'problems', 'other', 'unknown'];

/** What the document half promises for any input: metadata of the right shape, exact fact offsets, tiled sections. */
function assertDocumentWellFormed(r: ParsedReport): void {
  const m = r.report;
  expect(['ok', 'partial', 'empty', 'failed']).toContain(m.parse_status);
  expect(['annual_report', 'work_summary', 'other']).toContain(m.doc_kind);
  expect(['gov_2021', 'gov_2019', 'pre_2019', 'none']).toContain(m.format);
  expect(['central', 'province', 'city', 'county', 'township', 'unknown']).toContain(m.organ_level);
  expect(['resolved', 'ambiguous', 'partial', 'not_found']).toContain(m.region_status);
  if (m.region_code !== null) {
    const place = placeByCode(m.region_code);
    expect(place, m.region_code).toBeDefined();
    if (m.county !== null) expect(place!.name).toBe(m.county);
    expect(m.province).not.toBeNull();
  } else {
    expect([m.province, m.city, m.county]).toEqual([null, null, null]);
  }
  if (m.report_year !== null) expect(m.report_year >= 1990 && m.report_year <= 2099).toBe(true);
  if (m.published_date !== null) expect(m.published_date).toMatch(/^(19|20)\d\d-\d\d-\d\d$/);
  expect(r.facts.length).toBeLessThanOrEqual(MAX_FACTS);
  for (const f of r.facts) {
    const raw = r.text.slice(f.start, f.end);
    if (/^(无|未|没有)$/.test(raw)) expect(f.value).toBe(0);
    else {
      expect(raw).toMatch(/^\d[\d,]*(\.\d+)?$/);
      expect(Number(raw.replace(/,/g, ''))).toBe(f.value);
    }
    expect(SECTION_KEYS).toContain(f.section_key);
    expect(f.label.length).toBeGreaterThan(0);
  }
  r.sections.forEach((s, i) => {
    expect(s.start).toBeLessThanOrEqual(s.end);
    if (i > 0) expect(s.start).toBe(r.sections[i - 1]!.end);
  });
  if (r.sections.length > 0) expect(r.sections.at(-1)!.end).toBe(r.text.length);
  const warningsFailed = r.checks.filter((c) => c.severity === 'warning' && c.status === 'fail').length;
  expect(m.n_warnings).toBe(warningsFailed);
  for (const c of r.checks) expect(c.message_zh.length * c.message_en.length).toBeGreaterThan(0);
}

const parse = (bytes: Uint8Array, name = 'x.txt') => {
  const r = parseReport(bytes, name);
  assertDocumentWellFormed(r);
  return r;
};
const enc = (s: string) => new TextEncoder().encode(s);

describe('the document half never crashes', () => {
  it('every byte truncation of the head of seed 001 (metadata, sections, prose), mid-UTF-8 included', () => {
    const { bytes } = seedBytes('001');
    for (let cut = 0; cut <= 2400; cut++) parse(bytes.subarray(0, cut));
  });

  it.each(seedFiles().map((f) => [f.slice(0, 3)]))('seed %s with lines deleted and duplicated (seeded)', (seed) => {
    const lines = new TextDecoder().decode(seedBytes(seed).bytes).split('\n');
    const rnd = mulberry32(Number(seed) + 7);
    for (let k = 0; k < 25; k++) {
      const out: string[] = [];
      for (const l of lines) {
        const x = rnd();
        if (x < 0.1) continue;
        out.push(l);
        if (x > 0.93) out.push(l);
      }
      parse(enc(out.join('\n')));
    }
  });

  it('a 10 MB report is cut, parsed and keeps bounded facts', () => {
    const { bytes } = seedBytes('003');
    const n = Math.ceil(10_000_000 / bytes.length);
    const big = new Uint8Array(bytes.length * n);
    for (let i = 0; i < n; i++) big.set(bytes, i * bytes.length);
    const r = parse(big, 'big.txt');
    expect(r.report.parse_status).not.toBe('failed');
    expect(r.diagnostics.some((d) => d.code === 'truncated')).toBe(true);
    expect(r.report.region_code).toBe('420104');
    expect(r.facts).toHaveLength(MAX_FACTS);
  });

  it.each([
    ['digits', '1'.repeat(1_000_000)],
    ['numbers with units on one line', '12件，'.repeat(200_000)],
    ['counted items on one line', '发布通知公告32条，'.repeat(100_000)],
    ['one character', '区'.repeat(1_000_000)],
    ['years', '2020年度'.repeat(150_000)],
    ['organ names', '2020年硚口区行政审批局'.repeat(60_000)],
    ['headings', '一、总体情况\n'.repeat(100_000)],
  ])('pathological text (%s) stays linear and well formed', (_, text) => {
    parse(enc(text));
  });

  it('binary noise with Chinese inside, and lone surrogates', () => {
    const rnd = mulberry32(5);
    for (let i = 0; i < 30; i++) {
      const noise = Array.from({ length: 2000 }, () => String.fromCharCode(Math.floor(rnd() * 0xffff))).join('');
      parse(enc(`华容区行政审批局2020年度政府信息公开工作年度报告\n${noise}\n收到申请12件`));
    }
    parse(enc('\ud800硚口区\udc00人民政府2021年度报告'));
  });

  it('a navigation-only page: a result with its status and a diagnostic', () => {
    const r = parse(enc('首页 > 政务公开\n扫一扫在手机上查看当前页面\n收藏 打印 关闭'));
    expect(r.report.doc_kind).toBe('other');
    expect(r.diagnostics.map((d) => d.code)).toContain('not_a_report');
  });
});

describe('pre-2019 statistics tables under stress', () => {
  it('a huge table line, many rows, truncated rows', () => {
    const head = '某县2016年政府信息公开工作年度报告\n一、概述\n依申请公开政府信息情况。收费及减免情况。\n政府信息公开情况统计表\n';
    parse(enc(head + '（一）收到申请数 | 件 | 1 |'.repeat(100_000)));
    parse(enc(head + '（一）收到申请数 | 件 | 15 |\n'.repeat(50_000)));
    const rows = head + '（一）收到申请数\n件\n15\n四、行政复议数量\n件\n';
    for (let cut = head.length; cut <= rows.length; cut++) parse(enc(rows.slice(0, cut)));
  });
});
