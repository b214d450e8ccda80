import { describe, expect, it } from 'vitest';
import {
  agree, detectDocKind, fitRow, detectFormat, extractPublishedDate, extractTitle, headingKey, labelKey, labelMatches, labelRows,
  organLevel, parseCellValue, segmentSections, tokenize, type Token,
} from '../../src/core/index.ts';

describe('parseCellValue(raw)', () => {
  it.each([
    ['454', 454, null, 'reported'],
    ['+299', 299, null, 'reported'],
    ['增257项', 257, '项', 'reported'],
    ['减2项', -2, '项', 'reported'],
    ['-417', -417, null, 'reported'],
    ['1211.66万元', 1211.66, '万元', 'reported'],
    ['184719元', 184719, '元', 'reported'],
    ['8个', 8, '个', 'reported'],
    ['1,234', 1234, null, 'reported'],
    ['', null, null, 'blank'],
    ['/', null, null, 'na'],
    ['—', null, null, 'na'],
    ['无', null, null, 'na'],
  ])('%j → %j %j %j', (raw, value, unit, state) => {
    expect(parseCellValue(raw)).toEqual({ value, unit, state });
  });
  it('is null for labels and sentences', () => {
    expect(parseCellValue('行政许可')).toBeNull();
    expect(parseCellValue('（指2020年办件量）')).toBeNull();
    expect(parseCellValue('2021年')).toBeNull();
  });
});

describe('labelKey / labelMatches', () => {
  it('normalises notes, spacing and enumeration', () => {
    expect(labelKey('规章(设区的市、自治州人民政府应提供相关数据)')).toBe('规章');
    expect(labelKey('法 律 服 务 机 构')).toBe('法律服务机构');
    expect(labelKey('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toBe('部分公开');
    expect(labelKey('(二)部分公开(区分处理的,只计这一情形,不计其他情形)')).toBe('部分公开');
    expect(labelKey('3.危及“三安全一稳定”')).toBe('危及三安全一稳定');
  });
  it('matches prefixes and typos but not short words inside longer ones', () => {
    expect(labelMatches('规范性文件(行政机关制定发布的决定)', ['规范性文件'])).toBe(true);
    expect(labelMatches('5.属于三类内容事务信息', [labelKey('5.属于三类内部事务信息')])).toBe(true);
    expect(labelMatches('（六）其他处理', ['其他'])).toBe(false);
    expect(labelMatches('3.其他', ['其他'])).toBe(true);
  });
});

describe('tokenize(text)', () => {
  it('pipes: cells, bare | as an empty cell, || as filler', () => {
    const text = '规章 |\n0 |\n|\n||\n5 |';
    const t = tokenize(text);
    expect(t.map((x) => [x.kind, x.text])).toEqual([['text', '规章'], ['value', '0'], ['empty', ''], ['value', '5']]);
    for (const x of t) expect(text.slice(x.start, x.end)).toBe(x.text);
  });
  it('markdown rows and whole rows on one line', () => {
    const t = tokenize('| 规章 | 0 | 1 | 2 |\n|---|---|---|---|\n行政许可 454 +299 36192');
    expect(t.map((x) => x.text)).toEqual(['规章', '0', '1', '2', '行政许可', '454', '+299', '36192']);
  });
  it('tabs and blank lines', () => {
    expect(tokenize('\t规章\n\n\t0\t1\n').map((x) => x.text)).toEqual(['规章', '0', '1']);
  });
});

describe('fitRow(tokens, n, ownFails)', () => {
  const v = (text: string, kind: 'value' | 'empty' = 'value', attached = false): Token =>
    ({ text, kind, start: 0, end: text.length, ...(attached ? { attached } : {}) });
  const texts = (s: (Token | null)[]) => s.map((x) => x?.text ?? null);
  it('prefers written values, keeps empty cells in their place, and reads a full row in order', () => {
    expect(texts(fitRow([v('', 'empty'), v('0')], 2).cands[0]!)).toEqual(['', '0']);
    expect(texts(fitRow([v('1'), v('2'), v('', 'empty')], 2).cands[0]!)).toEqual(['1', '2']);
    expect(fitRow([v('1'), v('2')], 2).mode).toBe('exact');
  });
  it('a short row gets every placement the row rule accepts; one that none accepts keeps them all', () => {
    const sum = (s: (Token | null)[]) => (Number(s[0]?.text ?? 0) + Number(s[1]?.text ?? 0) === Number(s[2]?.text ?? 0) ? 0 : 1);
    const f = fitRow([v('2'), v('2')], 3, sum);
    expect(f.mode).toBe('placed');
    expect(f.cands.map(texts)).toEqual([['2', null, '2'], [null, '2', '2']]);
    expect(fitRow([v('5'), v('2')], 3, sum).cands).toHaveLength(3);
  });
  it('digits written against the label are cut into well-formed numbers (no leading zero)', () => {
    const f = fitRow([v('230', 'value', true), v('000023')], 7, (s) => (s.slice(0, 6).reduce((a, t) => a + Number(t?.text ?? 0), 0) === Number(s[6]?.text ?? 0) ? 0 : 1));
    expect(f.mode).toBe('split');
    expect(f.cands.map(texts)).toEqual([['23', '0', '0', '0', '0', '0', '23']]);
    expect(agree(fitRow([v('898989', 'value', true)], 3).cands, 3, 'split').flags).toEqual(['split_ambiguous', 'split_ambiguous', 'split_ambiguous']);
    expect(texts(agree(fitRow([v('000', 'value', true)], 3).cands, 3, 'split').slots)).toEqual(['0', '0', '0']);
  });
});

describe('segmentation and detection on small texts', () => {
  it('headingKey accepts aliases and rejects table rows and sub-heads', () => {
    expect(headingKey('四、因政府信息公开申请行政复议、提起行政诉讼情况')).toBe('review_litigation');
    expect(headingKey('六、其他事项')).toBe('other');
    expect(headingKey('五、存在的主要问题及改进措施')).toBe('problems');
    expect(headingKey('四、结转下年度继续办理 |')).toBeNull();
    expect(headingKey('\t四、结转下年度继续办理')).toBeNull();
    expect(headingKey('（一）主动公开')).toBeNull();
  });
  it('segmentSections keeps template order', () => {
    const text = '标题\n一、总体情况\n文字\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n四、结转下年度继续办理\n四、政府信息公开行政复议、行政诉讼情况\n';
    expect(segmentSections(text).map((s) => s.key)).toEqual(['unknown', 'overall', 'applications', 'review_litigation']);
  });
  it('detectFormat reads headers, not years', () => {
    expect(detectFormat('2022年度报告\n本年新\n\n制作数量')).toBe('gov_2019');
    expect(detectFormat('2020年\n本年制发件数')).toBe('gov_2021');
    expect(detectFormat('2015年政府信息公开工作年度报告。全年主动公开政府信息1200条，受理依申请公开35件。')).toBe('pre_2019');
    expect(detectFormat('2020年工作总结')).toBe('none');
  });
  it('detectDocKind', () => {
    expect(detectDocKind('关于政策的文字解读', 0, '《某某办法》文字解读')).toBe('other');
    expect(detectDocKind('一、2020年工作举措和成效\n二、2021年工作思路', 0, null)).toBe('work_summary');
    expect(detectDocKind('某区2019年政府信息公开工作年度报告', 0, '某区2019年政府信息公开工作年度报告')).toBe('annual_report');
  });
  it('extractTitle skips sentences; extractPublishedDate reads Chinese-numeral dates', () => {
    expect(extractTitle('现将区行政审批局2020年度政府信息公开工作报告如下。\n一、总体情况')).toBeNull();
    expect(extractPublishedDate('正文\n某某局\n二〇二一年一月十八日\n')).toBe('2021-01-18');
    expect(extractPublishedDate('发布日期：2021/2/30')).toBeNull();
  });
  it('organLevel', () => {
    expect(organLevel('武汉市硚口区行政审批局')).toBe('county');
    expect(organLevel('武汉市人民政府')).toBe('city');
    expect(organLevel('湖北省人民政府办公厅')).toBe('province');
    expect(organLevel('广西壮族自治区民政厅')).toBe('province');
    expect(organLevel('某某街道办事处')).toBe('township');
    expect(organLevel('生态环境部')).toBe('central');
    expect(organLevel(null)).toBe('unknown');
  });
});

describe('labelRows()', () => {
  const rows = labelRows();
  it('covers every row and column of every table of both formats', () => {
    const of = (f: string, t: string, kind: 'row' | 'col') => rows.filter((r) => r.format === f && r.table_id === t && r.kind === kind);
    expect(of('gov_2021', 'applications', 'row').filter((r) => !['results', 'denied', 'unable', 'not_processed', 'other'].includes(r.key))).toHaveLength(25);
    expect(of('gov_2019', 'applications', 'row').filter((r) => !['results', 'denied', 'unable', 'not_processed'].includes(r.key))).toHaveLength(23);
    expect(of('gov_2019', 'active_art20_9', 'col').map((r) => r.key)).toEqual(['procurement_items', 'procurement_amount']);
    const groups = ['review', 'litigation', 'lit_direct', 'lit_after_review'];
    expect(of('gov_2021', 'review_litigation', 'col').filter((r) => !groups.includes(r.key))).toHaveLength(15);
    expect(of('gov_2021', 'review_litigation', 'col').find((r) => r.key === 'lit_direct_total')!.parent_key).toBe('lit_direct');
  });
  it('has English labels for everything and parents that exist', () => {
    for (const r of rows) {
      expect(r.label_en, `${r.format}.${r.table_id}.${r.key}`).not.toBe(r.key);
      expect(r.label_zh.length).toBeGreaterThan(0);
      if (r.parent_key) expect(rows.some((x) => x.format === r.format && x.table_id === r.table_id && x.key === r.parent_key)).toBe(true);
    }
    const find = (k: string) => rows.find((r) => r.key === k)!.label_en;
    expect(find('natural_person')).toBe('Natural persons');
    expect(find('granted')).toBe('(1) Disclosed');
    expect(find('denied_state_secret')).toBe('3.1 State secret');
  });
});
