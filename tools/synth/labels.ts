import type { Rng } from './rng.ts';

// Traditional forms of characters in table labels (mirror sites in traditional script).
const T: Record<string, string> = {
  规: '規', 范: '範', 许: '許', 处: '處', 罚: '罰', 强: '強', 制: '製', 废: '廢', 现: '現', 数: '數', 决: '決', 费: '費',
  采: '採', 购: '購', 请: '請', 结: '結', 转: '轉', 国: '國', 机: '機', 关: '關', 属: '屬', 过: '過', 审: '審', 务: '務',
  开: '開', 发: '發', 对: '對', 项: '項', 条: '條', 总: '總', 计: '計', 无: '無', 复: '復', 讼: '訟', 议: '議', 诉: '訴',
  维: '維', 纠: '糾', 会: '會', 实: '實', 权: '權', 类: '類', 内: '內', 执: '執', 询: '詢', 获: '獲', 护: '護', 险: '險',
  稳: '穩', 构: '構', 织: '織', 业: '業', 补: '補', 缴: '繳', 纳: '納', 门: '門', 问: '問', 题: '題', 进: '進', 经: '經',
  办: '辦', 种: '種', 营: '營', 门户: '門戶', 读: '讀', 违: '違', 样: '樣', 须: '須', 认: '認', 应: '應', 据: '據', 单: '單',
  证: '證', 记: '記', 达: '達', 给: '給', 报: '報', 个: '個', 社: '社', 体: '體', 团: '團', 级: '級', 区: '區', 县: '縣',
  这: '這', 论: '論', 义: '義', 专: '專', 乡: '鄉', 镇: '鎮', 从: '從', 当: '當', 还: '還', 为: '為', 与: '與', 们: '們',
};

export const toTraditional = (s: string): string => s.replace(/./g, (c) => T[c] ?? c);

const halfBrackets = (s: string): string => s.replace(/（/g, '(').replace(/）/g, ')');

// Typos seen in real reports (FORMATS.md): the parser must still place these rows.
const TYPOS: Record<string, string> = {
  '5.属于三类内部事务信息': '5.属于三类内容事务信息',
  '2.其他法律行政法规禁止公开': '2.其它法律行政法规禁止公开',
  '4.无正当理由大量反复申请': '4.无正当理由大量反复中请',
  '1.本机关不掌握相关政府信息': '1.本机关不掌握相关政府信息的',
};

// Notes some local forms put inside labels.
const NOTES: Record<string, string> = {
  规章: '规章(设区的市、自治州人民政府应提供相关数据)',
  规范性文件: '规范性文件(行政机关制定发布的决定、公告、通告、意见、通知等)',
  其他对外管理服务事项: '其他对外管理服务事项(指行政许可以外的政务服务事项)',
};

export interface LabelStyle { half: boolean; traditional: boolean; typos: boolean; notes: boolean; enumeration: 0 | 1 | 2 | 3 | 4 }

export const labelStyle = (rng: Rng): LabelStyle => ({
  half: rng.chance(0.4), traditional: rng.chance(0.06), typos: rng.chance(0.1), notes: rng.chance(0.15),
  enumeration: rng.chance(0.7) ? 0 : (rng.int(1, 4) as 1 | 2 | 3 | 4),
});

/** Sub-row numbering as offices write it: '1.' '1．' '1、' '(1)' or none at all. */
function renumber(s: string, style: LabelStyle['enumeration']): string {
  const m = /^(\d)\./.exec(s);
  if (!m || style === 0) return s;
  const rest = s.slice(m[0].length);
  return style === 1 ? `${m[1]}．${rest}` : style === 2 ? `${m[1]}、${rest}` : style === 3 ? `(${m[1]})${rest}` : rest;
}

/** A template label as one office might write it. */
export function writeLabel(label: string, style: LabelStyle): string {
  let s = label;
  if (style.typos && TYPOS[s]) s = TYPOS[s]!;
  if (style.notes && NOTES[s]) s = NOTES[s]!;
  s = renumber(s, style.enumeration);
  if (style.half) s = halfBrackets(s);
  if (style.traditional) s = toTraditional(s);
  return s;
}
