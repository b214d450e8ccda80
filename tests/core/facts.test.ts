import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/core/facts/extractFacts.ts';
import { factKey, plainLabel } from '../../src/core/facts/factKey.ts';

const facts = (text: string) => extractFacts(text, [{ key: 'overall', heading: '', start: 0, end: text.length }]).map((f) => ({ ...f, raw: text.slice(f.start, f.end) }));
const pairs = (text: string) => facts(text).map((f) => [f.label, f.value, f.unit, f.raw]);

describe('extractFacts(text, sections)', () => {
  it('stable keys for the counts the tables also hold', () => {
    expect(pairs('全年共受理政府信息公开申请1,234件，其中予以公开800件，部分公开100件，不予公开20件，无法提供30件，不予处理4件。')).toEqual([
      ['applications_received', 1234, '件', '1,234'], ['granted', 800, '件', '800'], ['partially_granted', 100, '件', '100'],
      ['denied', 20, '件', '20'], ['unable', 30, '件', '30'], ['not_processed', 4, '件', '4'],
    ]);
    expect(pairs('本年度被申请行政复议3起，提起行政诉讼2起，复议后起诉1件。').map((p) => p[0])).toEqual(['reviews', 'lawsuits', 'lawsuits']);
    expect(pairs('上年结转5件，结转下年度继续办理2件。')).toEqual([['carried_over', 5, '件', '5'], ['carried_forward', 2, '件', '2']]);
    expect(pairs('制定规章2件，清理规范性文件15件。').map((p) => p[0])).toEqual(['regulations', 'normative_documents']);
  });

  it('other counted numbers keep their words; percentages borrow the previous label', () => {
    expect(pairs('累计受理电话咨询26000余人次，办理审批服务事项2.09万件。')).toEqual([
      ['受理电话咨询', 26000, '人次', '26000'], ['办理审批服务事项', 2.09, '万件', '2.09'],
    ]);
    expect(pairs('“网上办”1337项，占比96.05%；即办率为63.6%。').map((p) => [p[0], p[1]])).toEqual([['网上办', 1337], ['网上办占比', 96.05], ['即办率', 63.6]]);
  });

  it('codes, ordinals, dates and table rows are not facts', () => {
    expect(pairs('鄂ICP备17005844号，第3项，2021年1月8日，编号A12件。')).toEqual([]);
    expect(pairs('规章 | 0 | 0 | 0 |\n\t12件\n短行12件')).toEqual([]);
  });

  it('zeros written as words, and the words that are not zeros', () => {
    expect(pairs('本年度未收到政府信息公开申请。')).toEqual([['applications_received', 0, null, '未']]);
    expect(pairs('我局无因政府信息公开工作被申请行政复议、提起行政诉讼的情况。').map((p) => p[0])).toEqual(['reviews', 'lawsuits']);
    expect(pairs('对无法提供政府信息公开申请所需信息的，予以告知。未经复议直接起诉的行政诉讼情况说明。无正当理由大量反复申请公开的情况。尚未审结的行政复议案件说明。')).toEqual([]);
  });

  it('factKey and plainLabel', () => {
    expect(factKey('全区2021年共收到依申请公开办件', '件')).toBe('applications_received');
    expect(factKey('受理网上申报件', '件')).toBeNull();
    expect(factKey('取消无法律法规规章依据设立的行政审批中介事项', '项')).toBeNull();
    expect(factKey('结转至2022年', '件')).toBe('carried_forward');
    expect(factKey('其中2020年结转', '件')).toBe('carried_over');
    expect(plainLabel('2021年，全区共发布通知公告')).toBe('发布通知公告');
  });
});
