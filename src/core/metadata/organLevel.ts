import type { OrganLevel } from '../schema.ts';

/** Administrative level from the organ's name: 乡/镇/街道 → township, 区/县/旗 → county, 市/州/盟 → city, 省/自治区 → province, 国务院/部委 → central. */
export function organLevel(organ: string | null): OrganLevel {
  if (!organ) return 'unknown';
  const o = organ.replace(/自治区/g, '省');
  // the lowest place named decides: 武汉市硚口区… is a district organ
  if (/(乡|镇|街道)(人民政府|党委|办事处|政府|$)|街道办/.test(o)) return 'township';
  if (/(区|县|旗)/.test(o)) return 'county';
  if (/(市|州|盟)/.test(o)) return 'city';
  if (/省/.test(o)) return 'province';
  if (/(国务院|^国家|部$|部办公厅|总局|委员会$|^中国)/.test(o)) return 'central';
  return 'unknown';
}
