import type { OrganLevel } from '../schema.ts';
import { placeMentions } from './resolveRegion.ts';

/**
 * Administrative level from the organ's name. 乡/镇/街道 → township; otherwise the lowest place the name contains,
 * looked up in the gazetteer (仙桃市 is a county-level city, 武汉市硚口区… a district organ); a name with no place
 * in the gazetteer falls back to its level words (区行政审批服务局 → county); 国务院, ministries → central.
 */
export function organLevel(organ: string | null): OrganLevel {
  if (!organ) return 'unknown';
  if (/(乡|镇|街道)(人民政府|党委|办事处|政府|$)|街道办|苏木/.test(organ)) return 'township';
  const levels = new Set(placeMentions(organ, 'organ').filter((m) => !m.short || m.place.level !== 'county').map((m) => m.place.level));
  if (levels.has('county')) return 'county';
  if (levels.has('city')) return 'city';
  if (levels.has('province')) return 'province';
  // 市场监督管理局 and 城市管理局 do not make an organ a city's
  const o = organ.replace(/自治区/g, '省').replace(/(市场|城市|超市|都市|社区|园区|景区|小区)/g, '');
  if (/^(区|县|旗)|(区|县|旗)(人民政府|政府|委员会|[\u4e00-\u9fa5]{0,12}(局|委|办|中心))/.test(o)) return 'county';
  if (/^(市|州|盟)|(市|州|盟)(人民政府|政府|[\u4e00-\u9fa5]{0,12}(局|委|办|中心))/.test(o)) return 'city';
  if (/^省|省/.test(o)) return 'province';
  if (/(国务院|^国家|部$|部办公厅|总局|^中国|^中华人民共和国)/.test(o)) return 'central';
  return 'unknown';
}
