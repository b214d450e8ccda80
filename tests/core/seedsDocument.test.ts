import { describe, expect, it } from 'vitest';
import { parseReport, type ParsedReport } from '../../src/core/index.ts';
import { parsedSeed, seedBytes, seedFiles } from './helpers.ts';

// Document understanding of the seeds (sections, format, kind, metadata, facts). Expected values were read from the
// documents themselves, never from the parser's output.

const parse = parsedSeed;

const ALL6 = ['overall', 'active_disclosure', 'applications', 'review_litigation', 'problems', 'other'];

describe('segmentSections on the seeds', () => {
  it.each([
    ['000', ['unknown', ...ALL6]],
    ['001', ['unknown', ...ALL6]],
    ['002', ALL6],
    ['003', ['unknown', ...ALL6]],
    ['004', ['unknown']],
  ])('seed %s has sections %j', (seed, keys) => {
    const r = parse(seed);
    expect(r.sections.map((s) => s.key)).toEqual(keys);
    // sections tile the text in order
    r.sections.forEach((s, i) => {
      expect(s.ord).toBe(i + 1);
      if (i > 0) expect(s.start).toBe(r.sections[i - 1]!.end);
    });
  });

  it('the row label 四、结转下年度继续办理 does not open section 四', () => {
    for (const seed of ['001', '002', '003']) {
      const r = parse(seed);
      const review = r.sections.find((s) => s.key === 'review_litigation')!;
      expect(review.heading).toMatch(/复议/);
      const apps = r.sections.find((s) => s.key === 'applications')!;
      expect(r.text.slice(apps.start, apps.end)).toContain('结转下年度继续办理');
    }
  });

  it('keeps headings as written', () => {
    expect(parse('000').sections.find((s) => s.key === 'review_litigation')!.heading).toBe('四、因政府信息公开工作被申请行政复议、提起行政诉讼情况');
    expect(parse('000').sections.find((s) => s.key === 'active_disclosure')!.heading).toBe('二、行政机关主动公开政府信息情况');
  });
});

describe('format and document kind', () => {
  it.each([
    ['000', 'gov_2019', 'annual_report'],
    ['001', 'gov_2019', 'annual_report'],
    ['002', 'gov_2019', 'annual_report'],
    ['003', 'gov_2021', 'annual_report'],
    ['004', 'none', 'work_summary'],
  ])('seed %s is %s / %s', (seed, format, kind) => {
    expect(parse(seed).report.format).toBe(format);
    expect(parse(seed).report.doc_kind).toBe(kind);
  });
});

// Read from the seed documents: titles as printed (001, 002 and 004 have none, so organ + year + kind stand in), the
// organ from 来源/发布机构/title/prose, the region from the place names, phone codes and footers in each text.
const GOLDEN = {
  '000': { title: '硚口区行政审批局2020年度政府信息公开工作年度报告', organ: '硚口区行政审批局', organ_level: 'county', region_code: '420104', province: '湖北省', city: '武汉市', county: '硚口区', report_year: 2020, published_date: '2021-01-13', format: 'gov_2019', doc_kind: 'annual_report' },
  '001': { title: '华容区行政审批局2020年度政府信息公开工作年度报告', organ: '华容区行政审批局', organ_level: 'county', region_code: '420703', province: '湖北省', city: '鄂州市', county: '华容区', report_year: 2020, published_date: null, format: 'gov_2019', doc_kind: 'annual_report' },
  '002': { title: '汉滨区行政审批服务局2021年度政府信息公开工作年度报告', organ: '汉滨区行政审批服务局', organ_level: 'county', region_code: '610902', province: '陕西省', city: '安康市', county: '汉滨区', report_year: 2021, published_date: null, format: 'gov_2019', doc_kind: 'annual_report' },
  '003': { title: '硚口区人民政府2021年度政府信息公开工作年度报告', organ: '硚口区人民政府', organ_level: 'county', region_code: '420104', province: '湖北省', city: '武汉市', county: '硚口区', report_year: 2021, published_date: '2022-02-08', format: 'gov_2021', doc_kind: 'annual_report' },
  '004': { title: '湖里区行政审批管理局2020年工作总结', organ: '湖里区行政审批管理局', organ_level: 'county', region_code: '350206', province: '福建省', city: '厦门市', county: '湖里区', report_year: 2020, published_date: '2021-03-12', format: 'none', doc_kind: 'work_summary' },
} as const;

describe('golden metadata of the seeds', () => {
  it.each(Object.entries(GOLDEN))('seed %s', (seed, expected) => {
    expect(parse(seed).report).toMatchObject({ ...expected, region_status: 'resolved' });
  });

  it('001: 华容区 is settled as 鄂州 (Hubei), not 华容县 (Hunan), by the 027 phone, 鄂ICP and site id 4207030001', () => {
    const r = parse('001');
    expect(r.report.region_code).toBe('420703');
    expect(r.diagnostics.filter((d) => d.code.startsWith('region'))).toEqual([]);
  });

  it('002: the organ written as 区行政审批服务局 is qualified with its district', () => {
    expect(parse('002').text).toContain('区行政审批服务局');
    expect(parse('002').text).not.toContain('汉滨区行政审批服务局');
    expect(parse('002').report.organ).toBe('汉滨区行政审批服务局');
  });
});

describe('metadata', () => {
  it('000: title, organ from 来源, year from the title, date from 发布时间', () => {
    const r = parse('000').report;
    expect(r.title).toBe('硚口区行政审批局2020年度政府信息公开工作年度报告');
    expect(r.organ).toBe('硚口区行政审批局');
    expect(r.report_year).toBe(2020);
    expect(r.published_date).toBe('2021-01-13');
    expect(r.organ_level).toBe('county');
  });
  it('001: no title line, so one is synthesised from organ and year; no date in the text', () => {
    const r = parse('001').report;
    expect(r.organ).toBe('华容区行政审批局');
    expect(r.report_year).toBe(2020);
    expect(r.title).toBe('华容区行政审批局2020年度政府信息公开工作年度报告');
    expect(r.published_date).toBeNull();
    expect(r.organ_level).toBe('county');
  });
  it('002: year 2021 from 总体情况', () => {
    const r = parse('002').report;
    expect(r.report_year).toBe(2021);
    expect(r.title).toContain('2021年度');
    expect(r.published_date).toBeNull();
  });
  it('003: title split over two lines, date under the signature', () => {
    const r = parse('003').report;
    expect(r.title).toBe('硚口区人民政府2021年度政府信息公开工作年度报告');
    expect(r.organ).toBe('硚口区人民政府');
    expect(r.report_year).toBe(2021);
    expect(r.published_date).toBe('2022-02-08');
  });
  it('004: organ from 发布机构, date from 公文生成日期, year from the prose', () => {
    const r = parse('004').report;
    expect(r.organ).toBe('湖里区行政审批管理局');
    expect(r.published_date).toBe('2021-03-12');
    expect(r.report_year).toBe(2020);
  });
  it('report rows carry the raw-bytes id, encoding and character count', () => {
    // ids computed with sha256sum over the seed files (the file-name suffix is not the content hash)
    const ids: Record<string, string> = { '000': 'cf0bbe5c8da245e6', '001': 'e66a79a5a9031d8c', '002': '313cc367f03cfda5', '003': '7b951b280899339b', '004': 'bb9a600acbce4619' };
    for (const f of seedFiles()) {
      const r = parse(f.slice(0, 3));
      expect(r.report.report_id).toBe(ids[f.slice(0, 3)]);
      expect(r.report.source_file).toBe(f);
      expect(r.report.encoding).toBe('utf-8');
      expect(r.report.n_chars).toBe(r.text.length);
    }
  });
});

describe('facts from prose', () => {
  it('003: 全区2021年共收到依申请公开办件147件，其中2020年结转3件，结转至2022年8件', () => {
    const r = parse('003');
    const f = r.facts;
    const at = r.text.indexOf('全区2021年共收到依申请公开办件147件');
    const apps = f.filter((x) => x.start > at && x.start < at + 60);
    expect(apps.map((x) => [x.label, x.value, x.unit, x.section_key])).toEqual([
      ['applications_received', 147, '件', 'applications'],
      ['carried_over', 3, '件', 'applications'],
      ['carried_forward', 8, '件', 'applications'],
    ]);
    expect(apps[0]!.sentence).toBe('全区2021年共收到依申请公开办件147件，其中2020年结转3件，结转至2022年8件。');
    expect(f.find((x) => x.label === 'reviews')).toMatchObject({ value: 19, unit: '件', section_key: 'review_litigation' });
    expect(f.find((x) => x.label === 'lawsuits')).toMatchObject({ value: 22, unit: '件', section_key: 'review_litigation' });
    expect(f.find((x) => x.label === 'fees_collected')).toMatchObject({ value: 1700, unit: '元', section_key: 'other' });
  });

  it('003: percentages take the label of the item before them (“网上办”1337项，占比96.05%)', () => {
    const f = parse('003').facts;
    expect(f.find((x) => x.value === 96.05)).toMatchObject({ label: '网上办占比', unit: '%' });
    expect(f.find((x) => x.value === 1337)).toMatchObject({ label: '网上办', unit: '项' });
    expect(f.find((x) => x.value === 3568)).toMatchObject({ label: '硚口区人民政府门户网站信息更新总量', unit: '条', section_key: 'overall' });
  });

  it('000: prose-only sections still yield data (发布通知公告32条, 议提案20件)', () => {
    const f = parse('000').facts;
    expect(f.find((x) => x.value === 32)).toMatchObject({ label: '发布通知公告', unit: '条', section_key: 'active_disclosure' });
    expect(f.find((x) => x.value === 679)).toMatchObject({ label: '民生领域信息', unit: '条' });
    expect(f.find((x) => x.value === 20 && x.section_key === 'other')).toMatchObject({ label: '接到区人大政协交办的议提案', unit: '件' });
    // the 0346 of “就近办”0346项 stays as written
    const odd = f.find((x) => x.value === 346)!;
    expect(parse('000').text.slice(odd.start, odd.end)).toBe('0346');
  });

  it('000: sections 三 and 四 are prose only; their zeros are written as 无', () => {
    const r = parse('000');
    const zeros = r.facts.filter((x) => r.text.slice(x.start, x.end) === '无');
    expect(zeros.map((x) => [x.label, x.value, x.section_key])).toEqual([
      ['applications_received', 0, 'applications'],
      ['reviews', 0, 'review_litigation'],
      ['lawsuits', 0, 'review_litigation'],
    ]);
    expect(zeros[0]!.sentence).toBe('2020年硚口区行政审批局无依申请公开办件。');
    // no table to compare with: TEXT-TABLE says so instead of passing
    expect(r.checks.filter((c) => c.rule_id === 'TEXT-TABLE').map((c) => [c.col_key, c.status])).toEqual([
      ['applications_received', 'skipped'], ['reviews', 'skipped'], ['lawsuits', 'skipped'],
    ]);
  });

  it('zero words that name other things are not zeros (无法提供, 无正当理由, 未经复议, 尚未审结)', () => {
    for (const seed of ['001', '002', '003']) {
      const r = parse(seed);
      expect(r.facts.filter((x) => r.text.slice(x.start, x.end) === '无' || r.text.slice(x.start, x.end) === '未')).toEqual([]);
    }
  });

  it('002: 主动公开各类政府信息95条 and 万 units', () => {
    const f = parse('002').facts;
    expect(f.find((x) => x.label === 'active_disclosure_items')).toMatchObject({ value: 95, unit: '条' });
    expect(f.find((x) => x.value === 2.09)).toMatchObject({ unit: '万件', label: '接收市热线中心派单' });
  });

  it('004: service applications in a work summary are not disclosure applications; 规章 as a qualifier is not a count of 规章', () => {
    const f = parse('004').facts;
    expect(f.filter((x) => x.label === 'applications_received')).toEqual([]);
    expect(f.filter((x) => x.label === 'regulations')).toEqual([]);
    expect(f.find((x) => x.value === 49107)).toMatchObject({ unit: '件' });
  });

  it('no fact from a table row', () => {
    for (const seed of ['001', '002', '003']) {
      const r = parse(seed);
      for (const x of r.facts) {
        const line = r.text.slice(r.text.lastIndexOf('\n', x.start) + 1, r.text.indexOf('\n', x.start));
        expect(line.includes('|') || line.startsWith('\t')).toBe(false);
      }
    }
  });

  it('provenance: text.slice(start, end) is the number as written, in the sentence', () => {
    let n = 0;
    for (const f of seedFiles()) {
      const r = parse(f.slice(0, 3));
      for (const x of r.facts) {
        const raw = r.text.slice(x.start, x.end);
        expect(x.sentence).toContain(raw);
        if (/^(无|未|没有)$/.test(raw)) {
          expect([x.value, x.unit]).toEqual([0, null]);
          continue;
        }
        expect(raw).toMatch(/^[\d,.]+$/);
        expect(Number(raw.replace(/,/g, ''))).toBe(x.value);
        expect(r.text.slice(x.end).trimStart().startsWith((x.unit ?? '').replace(/^万/, '').slice(0, 1)) || /^[万亿余多]/.test(r.text.slice(x.end).trimStart())).toBe(true);
        n++;
      }
    }
    expect(n).toBeGreaterThan(150);
  });
});
