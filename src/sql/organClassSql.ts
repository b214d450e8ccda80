/**
 * Which deadline an organ has, from its name and level (条例 2019 第四十九条): 'government' — a 县级以上 people's
 * government (its 本级政府 report, due 3月31日); 'department' — an organ of a 县级以上 government, its office
 * included (人民政府办公室 reports as its own organ; due 1月31日); 'township' — 乡、镇、街道 (the 条例 sets them no
 * date); 'unknown' — no organ, an unknown level or a name that is none of these. A 开发区管委会 is a department:
 * a dispatched body (派出机构) acting in its own name, filing with the 本级政府 like the departments. `r` is the alias of a reports row.
 */
export const organClassSql = (r: string): string => `(CASE
  WHEN ${r}.organ IS NULL THEN 'unknown'
  WHEN ${r}.organ_level = 'township' OR regexp_matches(${r}.organ, '(乡|镇|街道|苏木)(人民政府|政府|办事处|党委)?$|街道办') THEN 'township'
  WHEN ${r}.organ_level IN ('central', 'province', 'city', 'county') AND regexp_matches(${r}.organ, '(人民政府|政府)$') THEN 'government'
  WHEN ${r}.organ_level IN ('central', 'province', 'city', 'county') AND regexp_matches(${r}.organ, '(局|委|办|厅|署|部|院|中心|馆|委员会|管委会|办公室|总队|支队|大队)$') THEN 'department'
  ELSE 'unknown' END)`;
