import { describe, expect, it } from 'vitest';
import { detectFormat, parseReport } from '../../src/core/index.ts';

const parse = (text: string, name = 'doc.txt') => parseReport(new TextEncoder().encode(text), name);

const PRE_2019 = `枣阳市人民政府2015年政府信息公开工作年度报告
本报告由枣阳市人民政府办公室根据《中华人民共和国政府信息公开条例》要求编制。
一、概述
2015年，我市认真贯彻落实《条例》，政府信息公开工作稳步推进。
二、主动公开政府信息情况
2015年共主动公开政府信息1234条，其中通过政府网站公开1100条。
三、依申请公开政府信息情况
2015年共受理政府信息公开申请15件，其中同意公开12件，同意部分公开2件，不同意公开1件。
四、政府信息公开的收费及减免情况
未收取任何费用。
五、因政府信息公开申请行政复议、提起行政诉讼的情况
2015年，因政府信息公开申请行政复议2件，提起行政诉讼1件。
六、政府信息公开工作存在的主要问题及改进措施
公开内容有待进一步丰富。
联系电话：0710-6222222
枣阳市人民政府办公室
2016年3月28日
`;

describe('format from table headers, never from the year', () => {
  it('a 2018 title over gov_2021 headers is gov_2021; a 2022 title over the 2019 form is gov_2019', () => {
    expect(detectFormat('某县2018年度报告\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数')).toBe('gov_2021');
    expect(detectFormat('某县2022年度政府信息公开工作年度报告\n信息内容\n本年新\n\n制作数量\n本年新公开数量')).toBe('gov_2019');
  });

  it('PDF text with every column header split into characters falls back to the rows only one form has', () => {
    const vertical = '二、主动公开政府信息情况\n第二十条第（一）项\n信 本 本 现\n息 年 年 行\n内 制 废 有\n容 发 止 效\n规章 0 0 0\n';
    const apps = '三、收到和处理政府信息公开申请情况\n三、本年度办理结果\n';
    expect(detectFormat(vertical + apps + '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0')).toBe('gov_2021');
    expect(detectFormat(vertical + '第二十条第（九）项\n政府集中采购 3 120.5\n' + apps)).toBe('gov_2019');
    expect(detectFormat(vertical + apps)).toBe('none');
  });

  it('pre_2019: the 2007-era sections and indicators, or a provincial 统计表', () => {
    expect(detectFormat(PRE_2019)).toBe('pre_2019');
    expect(detectFormat('附件：2016年度政府信息公开情况统计表\n主动公开信息数 | 120')).toBe('pre_2019');
  });

  it('a report on the 2019 headings whose tables were images is none, not pre_2019', () => {
    const text = '某区2021年度政府信息公开工作年度报告\n一、总体情况\n主动公开政府信息120条，收到依申请公开10件。\n二、主动公开政府信息情况\n（图片）\n三、收到和处理政府信息公开申请情况\n（图片）';
    expect(detectFormat(text)).toBe('none');
  });
});

describe('pre_2019 narrative report', () => {
  it('is an annual report with metadata, region from 枣阳市 and its 0710 phone, and facts from prose', () => {
    const r = parse(PRE_2019);
    expect(r.report).toMatchObject({
      format: 'pre_2019', doc_kind: 'annual_report', organ: '枣阳市人民政府', organ_level: 'county', report_year: 2015,
      published_date: '2016-03-28', region_code: '420683', province: '湖北省', city: '襄阳市', county: '枣阳市',
    });
    const byLabel = (l: string) => r.facts.filter((f) => f.label === l).map((f) => f.value);
    expect(byLabel('active_disclosure_items')).toEqual([1234]);
    expect(byLabel('applications_received')).toEqual([15]);
    expect(byLabel('granted')).toEqual([12]);
    expect(byLabel('partially_granted')).toEqual([2]);
    expect(byLabel('denied')).toEqual([1]);
    expect(byLabel('reviews')).toEqual([2]);
    expect(byLabel('lawsuits')).toEqual([1]);
    expect(r.cells).toEqual([]);
  });
});

describe('doc_kind', () => {
  it('an interpretation page (文字解读) is other, even when it quotes the table headers', () => {
    const r = parse('《硚口区人民政府2021年度政府信息公开工作年度报告》文字解读\n发布时间：2022-02-10\n一、总体情况\n2021年全区共收到依申请公开办件147件。\n本年制发件数 本年废止件数 现行有效件数');
    expect(r.report.doc_kind).toBe('other');
    expect(r.diagnostics.some((d) => d.code === 'not_a_report')).toBe(true);
    expect(parse('图解：汉滨区2021年政府信息公开工作年度报告\n主动公开政府信息95条').report.doc_kind).toBe('other');
  });

  it('half-year and quarterly statistics are other', () => {
    expect(parse('汉滨区2021年上半年政府信息公开工作情况\n上半年共主动公开政府信息120条，收到依申请公开5件。').report.doc_kind).toBe('other');
    expect(parse('某局2020年第三季度政务公开工作报告\n本季度主动公开信息30条。').report.doc_kind).toBe('other');
  });

  it('a navigation-only page is other and yields no facts or cells', () => {
    const nav = '首页 > 政务公开 > 政府信息公开年报\n当前位置：首页\n扫一扫在手机上查看当前页面\n收藏 打印 关闭\n主办单位：某某区人民政府 鄂ICP备12345678号';
    const r = parse(nav);
    expect(r.report).toMatchObject({ doc_kind: 'other', format: 'none' });
    expect(r.report.parse_status).not.toBe('failed');
    expect(r.facts).toEqual([]);
    expect(r.cells).toEqual([]);
  });

  it('a work summary without the report structure is work_summary; a report title wins', () => {
    expect(parse('2020年工作总结\n一、2020年工作举措和成效\n共受理网上申报件49107件。').report.doc_kind).toBe('work_summary');
    expect(parse('某区2021年度政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况').report.doc_kind).toBe('annual_report');
  });
});

describe('metadata fields as scraped pages write them', () => {
  it('a metadata table with pipes and spaced labels', () => {
    const r = parse('索 引 号 | 011043/2022-00012 | 发布机构 | 武汉市硚口区人民政府 |\n发 布 日 期 | 2022-02-08 |\n硚口区人民政府2021年度政府信息公开工作年度报告\n一、总体情况\n数据统计期限为2021年1月1日至2021年12月31日。');
    expect(r.report).toMatchObject({ organ: '武汉市硚口区人民政府', published_date: '2022-02-08', report_year: 2021, region_code: '420104' });
  });

  it('report year from 统计期限, not from the publication date', () => {
    const r = parse('发布时间：2022-01-20\n某区行政审批局政府信息公开工作年度报告\n本报告数据统计期限为2021年1月1日至12月31日。');
    expect(r.report.report_year).toBe(2021);
    expect(r.report.published_date).toBe('2022-01-20');
  });

  it('publication date under the signature, in Chinese numerals', () => {
    const r = parse('某区2021年度政府信息公开工作年度报告\n一、总体情况\n正文。\n某区人民政府办公室\n二〇二二年一月二十八日');
    expect(r.report.published_date).toBe('2022-01-28');
  });
});

describe('pre_2019 sections', () => {
  it('the 2007-era headings tile into the canonical keys (收费 section stays inside 依申请)', () => {
    const r = parse(PRE_2019);
    expect(r.sections.map((s) => s.key)).toEqual(['unknown', 'overall', 'active_disclosure', 'applications', 'review_litigation', 'problems']);
    expect(r.sections.find((s) => s.key === 'review_litigation')!.heading).toBe('五、因政府信息公开申请行政复议、提起行政诉讼的情况');
  });
});

describe('organ from the title, in the ways titles are written', () => {
  it.each([
    ['国家税务总局武汉市税务局2021年政府信息公开工作年度报告', '国家税务总局武汉市税务局', 'city', '420100'],
    ['武汉市政府信息公开工作年度报告（2021年度）', '武汉市政府', 'city', '420100'],
    ['硚口区人民政府关于2021年度政府信息公开工作的年度报告', '硚口区人民政府', 'county', '420104'],
    ['湖北省教育厅2020年政府信息公开工作年度报告', '湖北省教育厅', 'province', '420000'],
  ])('%s → %s', (title, organ, level, code) => {
    const r = parse(`${title}\n一、总体情况\n本年度工作稳步推进。`);
    expect(r.report).toMatchObject({ title, organ, organ_level: level, region_code: code });
  });
});

describe('an unsettled region is recorded, not guessed', () => {
  it('朝阳区 with nothing else: region_status ambiguous, no code, a warning diagnostic naming both', () => {
    const r = parse('朝阳区人民政府2021年度政府信息公开工作年度报告\n一、总体情况\n本年度工作稳步推进。');
    expect(r.report).toMatchObject({ organ: '朝阳区人民政府', organ_level: 'county', region_code: null, region_status: 'ambiguous', province: null, county: null });
    const d = r.diagnostics.find((x) => x.code === 'region_ambiguous')!;
    expect(d.severity).toBe('warning');
    expect(d.message).toMatch(/110105.*220104/);
  });
  it('the same report with 长春市 in its address is settled', () => {
    const r = parse('朝阳区人民政府2021年度政府信息公开工作年度报告\n一、总体情况\n地址：吉林省长春市朝阳区人民大街。');
    expect(r.report).toMatchObject({ region_code: '220104', region_status: 'resolved', city: '长春市' });
  });
});

describe('a pre-2019 统计表 yields facts', () => {
  const table = (rows: string[]) => `某县人民政府2016年政府信息公开工作年度报告\n一、概述\n本年度工作稳步推进。\n附件：2016年政府信息公开情况统计表\n${rows.join('\n')}\n`;
  it('pipe rows: 统计指标 | 单位 | 数量', () => {
    const r = parse(table([
      '统计指标 | 单位 | 统计数 |',
      '一、主动公开情况 | | |',
      '（一）主动公开政府信息数 | 条 | 1,2 |',
      '（一）主动公开政府信息数 | 条 | 1234 |',
      '三、依申请公开情况 | | |',
      '（一）收到申请数 | 件 | 15 |',
      '3.同意部分公开答复数 | 件 | 2 |',
      '2.同意公开答复数 | 件 | 12 |',
      '4.不同意公开答复数 | 件 | 1 |',
      '四、行政复议数量 | 件 | 0 |',
      '五、行政诉讼数量 | 件 | 0 |',
      '（一）政府信息公开专项经费 | 万元 | 3.5 |',
    ]));
    expect(r.report.format).toBe('pre_2019');
    const got = r.facts.map((f) => [f.label, f.value, f.unit, r.text.slice(f.start, f.end)]);
    expect(got).toEqual([
      ['active_disclosure_items', 1234, '条', '1234'], ['applications_received', 15, '件', '15'], ['partially_granted', 2, '件', '2'],
      ['granted', 12, '件', '12'], ['denied', 1, '件', '1'], ['reviews', 0, '件', '0'], ['lawsuits', 0, '件', '0'],
      ['政府信息公开专项经费', 3.5, '万元', '3.5'],
    ]);
  });
  it('one cell per line', () => {
    const r = parse(table(['统计指标', '单位', '统计数', '（一）收到申请数', '件', '7', '四、行政复议数量', '件', '1']));
    expect(r.facts.map((f) => [f.label, f.value, r.text.slice(f.start, f.end)])).toEqual([['applications_received', 7, '7'], ['reviews', 1, '1']]);
  });
});
