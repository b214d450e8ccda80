// Traditional → simplified for the characters of table labels, headings and captions (mirror sites in traditional
// script). Applied to labels only when matching, never to the stored text, so offsets are unaffected.
const PAIRS =
  '規规範范許许處处罰罚強强製制廢废現现數数決决費费採采購购請请結结轉转國国機机關关屬属過过審审務务開开發发對对項项條条' +
  '總总計计無无復复訟讼議议訴诉維维糾纠會会實实權权類类內内執执詢询獲获護护險险穩稳構构織织業业補补繳缴納纳門门問问題题' +
  '進进經经辦办種种營营讀读違违樣样須须認认應应據据單单證证記记達达給给報报個个體体團团級级區区縣县這这論论義义專专鄉乡' +
  '鎮镇從从當当還还為为爲为與与們们參参歸归員员費费聯联網网頁页產产際际衛卫島岛勵励補补態态慶庆組组嚴严適适戶户檔档' +
  '統统際际預预積积極极錄录導导準准貫贯徹彻彙汇編编號号務务傳传達达處处託托稅税質质確确證证舉举訪访訊讯臺台灣湾縣县' +
  '鄰邻隊队醫医療疗環环護护標标載载險险廳厅聽听說说調调査查處处檢检測测據据';
const MAP = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) MAP.set(PAIRS[i]!, PAIRS[i + 1]!);

const HAS_TRAD = new RegExp(`[${[...MAP.keys()].join('')}]`);

/** The label with traditional characters replaced by simplified ones; the same string when there are none. */
export function toSimplified(s: string): string {
  if (!HAS_TRAD.test(s)) return s;
  let out = '';
  for (const c of s) out += MAP.get(c) ?? c;
  return out;
}
