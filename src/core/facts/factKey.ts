/**
 * Stable keys for what a number in the prose counts, so prose can be compared with the tables (TEXT-TABLE) and
 * across reports. The context is the clause up to the number ('全区2021年共收到依申请公开办件'); order matters:
 * carry-forward before carry-over, lawsuits before reviews (复议后起诉 is a lawsuit).
 */
export const FACT_KEYS: readonly { key: string; re: RegExp; units?: RegExp }[] = [
  { key: 'carried_forward', re: /结转(?:至|到|入)|结转下一?年|转入下一?年|(?:尚未|未)办结(?:的)?(?:申请)?$/ },
  { key: 'carried_over', re: /(?:上一?年度?|\d{4}年度?)(?:结转|转入)|结转(?:上一?年度?|自)|^(?:其中)?结转/ },
  { key: 'lawsuits', re: /行政诉讼|起诉/, units: /^(件|起|宗|次)$/ },
  { key: 'reviews', re: /行政复议|复议/, units: /^(件|起|宗|次)$/ },
  { key: 'partially_granted', re: /部分公开/ },
  { key: 'denied', re: /不予公开|不同意公开|否决公开/ },
  { key: 'unable', re: /无法提供|不掌握|信息不存在/ },
  { key: 'not_processed', re: /不予处理/ },
  { key: 'granted', re: /予以公开|同意公开|全部公开/ },
  { key: 'applications_received', re: /(?:收到|受理|接收|接到|新收|办理|共有|共计)[^，。；]{0,12}(?:依申请|信息公开申请|公开申请|申请公开)|(?:依申请公开|政府信息公开申请|信息公开申请)[^，。；]{0,8}(?:共|收到|受理|计)?$/, units: /^(件|个|条|次|份)$/ },
  { key: 'fees_collected', re: /(?:信息处理费|处理费)/, units: /元$/ },
  // the counted noun ends the clause ('制定规章2件'), not a qualifier ('无法律法规规章依据设立的…事项22项')
  { key: 'regulations', re: /规章[^，。；的]{0,4}$/, units: /^(件|个|部|项)$/ },
  { key: 'normative_documents', re: /规范性文件[^，。；的]{0,4}$/, units: /^(件|个|份|项)$/ },
  { key: 'active_disclosure_items', re: /主动公开/, units: /^(条|件|篇|项|个)$/ },
];

/** Words that open a clause without saying what is counted. */
const LEAD = /^(?:其中|另外|此外|同时|全年|全区|全县|全市|全局|本年度?|今年|年内|报告期内|截至目前|截止目前|目前|共计|合计|累计|共|总计|总共|我局|我区|我县|我市|本局|本机关|[，,、\s])+/;
const YEAR = /(?:19|20)\d{2}\s*年(?:度)?(?:\d{1,2}月(?:\d{1,2}日)?)?/g;

/** A readable label from the clause when no stable key fits: '发布通知公告32条' → 发布通知公告. */
export function plainLabel(context: string): string {
  return context.replace(YEAR, '').replace(LEAD, '').replace(/[“”"‘’「」《》（）()\s]/g, '').replace(/(?:达到|达|为|是|约|近|超|超过|有|了|共计|共)+$/, '').slice(-24);
}

/** The stable key for a clause and unit, or null. */
export function factKey(context: string, unit: string | null): string | null {
  for (const k of FACT_KEYS) {
    if (!k.re.test(context)) continue;
    if (k.units && !(unit && k.units.test(unit))) continue;
    return k.key;
  }
  return null;
}
