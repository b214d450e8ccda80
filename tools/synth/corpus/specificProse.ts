import type { Rng } from '../rng.ts';
import { paragraphs } from '../prose.ts';

// Characters for names that are the report's own (projects, columns, places of work): random strings of them make
// text no other report shares, as real reports' particulars are. The sentence frames around them are shared by
// every report and so are boilerplate — exactly what the copy search must look through.
const POOL = '安宁和平福康泰兴盛华荣光明清新春秋山川江河湖海林园田桥塔亭溪泉峰岭湾滨港城乡村镇街坊巷里苑庭阁楼台星月云霞虹彩锦绣文武德信诚义仁礼智勇贤良忠恒丰裕昌隆惠民乐善美嘉瑞祥和畅通达远志向前进步协同联动共治共享智慧数字便捷高效阳光透明廉洁公正规范有序绿色生态';

const FRAMES_OVERALL = [
  '{organ}围绕“{p}”工作主线，在{q}等{n}个重点领域细化公开目录，全年编制专题清单{n}份。',
  '{month}月，{organ}启动“{p}”专项行动，组织{q}片区{n}个站点集中开展公开事项梳理。',
  '依托“{p}”平台，{organ}新增“{q}”栏目，累计发布动态信息{n}条，点击量较上年提升{n}%。',
  '针对群众关注的{q}问题，{organ}在“{p}”专栏推出系列解读，编发问答材料{n}期。',
  '{organ}联合{q}社区建立“{p}”联络机制，每季度召开公开协调会，全年共召开{n}次。',
  '在{q}项目实施过程中，{organ}同步公开“{p}”建设进度和资金使用情况{n}批次。',
];
const FRAMES_PROBLEMS = [
  '一是“{p}”栏目更新频次偏低，{q}方面的信息发布不够及时。',
  '二是{q}领域的政策解读以文字为主，“{p}”系列解读覆盖面仍然不足。',
  '三是基层站点“{p}”建设进度不一，{q}片区公开查阅点利用率不高。',
  '下一步，{organ}将围绕“{p}”完善考核细则，力争在{q}方面实现{n}项改进。',
  '针对{q}工作中暴露的问题，拟于{month}月前修订“{p}”工作规程。',
];
const FRAMES_OTHER = [
  '关于“{p}”议题的人大代表建议{n}件、政协提案{n}件已全部办结，答复内容在{q}专栏公开。',
  '{organ}{month}月开展“{p}”开放日活动，邀请{q}社区居民代表{n}人参加。',
];
const FEE = ['本年度未收取政府信息公开信息处理费。', '本机关未收取信息处理费。', '依据《政府信息公开信息处理费管理办法》，本年度收取信息处理费0元。'];
const POINTS = ['认真落实上级年度政务公开工作要点，逐项细化分工并按期完成。', '按照年度政务公开工作要点要求，对照任务清单逐项推进落实。'];

const word = (rng: Rng, lo: number, hi: number): string => Array.from({ length: rng.int(lo, hi) }, () => POOL[rng.int(0, POOL.length - 1)]).join('');

/** One sentence of a frame with this report's own names and figures. */
function sentence(rng: Rng, frames: readonly string[], organ: string): string {
  return rng.pick(frames).replace(/\{(\w+)\}/g, (_, k: string) =>
    k === 'organ' ? organ : k === 'p' ? word(rng, 3, 5) + rng.pick(['工程', '行动', '计划', '专栏', '平台', '服务站']) : k === 'q' ? word(rng, 2, 4) : k === 'month' ? String(rng.int(1, 12)) : String(rng.int(2, 300)));
}

export type ProseSection = 'overall' | 'problems' | 'other';

/** A paragraph, and whether it is the report's own (true) or sentences every report has (false). */
export interface Paragraph { text: string; own: boolean }

/**
 * The prose of one narrative section: the national and generic sentences every report has (boilerplate), and
 * paragraphs of the report's own. Section 六 always states the fee and the 年度工作要点 (so completeness rules stay
 * quiet unless a test removes them).
 */
export function sectionProse(rng: Rng, section: ProseSection, organ: string, year: number): Paragraph[] {
  const vars = { organ, year };
  if (section === 'other') {
    return [
      { text: rng.pick(FEE), own: false }, { text: rng.pick(POINTS), own: false },
      { text: Array.from({ length: rng.int(3, 4) }, () => sentence(rng, FRAMES_OTHER, organ)).join(''), own: true },
    ];
  }
  const generic = paragraphs(rng, section, vars, section === 'overall' ? 500 : 150).map((text) => ({ text, own: false }));
  const own = Array.from({ length: section === 'overall' ? rng.int(3, 5) : rng.int(2, 3) }, () =>
    ({ text: Array.from({ length: rng.int(2, 4) }, () => sentence(rng, section === 'overall' ? FRAMES_OVERALL : FRAMES_PROBLEMS, organ)).join(''), own: true }));
  // generic and own paragraphs interleaved, as offices write
  const out: Paragraph[] = [];
  while (generic.length || own.length) {
    if (own.length && (!generic.length || rng.chance(0.5))) out.push(own.shift()!);
    else out.push(generic.shift()!);
  }
  return out;
}

/** The same prose with every figure changed and another organ's name put in: a copy that updates only those. */
export const recopy = (rng: Rng, paras: readonly Paragraph[], from: string, to: string): Paragraph[] =>
  paras.map((p) => ({ own: p.own, text: p.text.replaceAll(from, to).replace(/\d+/g, () => String(rng.int(2, 300))) }));
