import type { CellRow, CheckRow } from '../schema.ts';
import type { ModernFormat } from '../template/template.ts';
import { fmt } from './checkLabels.ts';

type Draft = Omit<CheckRow, 'report_id'>;

/**
 * FEE-DEC (2021 format): 第二十条第（八）项 行政事业性收费「本年收费金额（单位：万元）」is a decimal ≥ 0. NONNEG-INT
 * leaves this column alone (it may have decimals), so a negative fee would otherwise pass unseen. A fee written in
 * 元 under the 万元 header is converted by the parser; the message says so, as the converted figure is what is checked.
 */
export function feeDec(cells: readonly CellRow[], format: ModernFormat): Draft[] {
  if (format !== 'gov_2021') return [];
  const c = cells.find((x) => x.table_id === 'active_art20_8' && x.row_key === 'admin_fees' && x.col_key === 'fee_amount');
  if (!c) return [];
  const base = { rule_id: 'FEE-DEC', severity: 'error' as const, col_key: 'active_art20_8.admin_fees.fee_amount', rhs: 0 };
  const zh = '第二十条第（八）项「行政事业性收费」本年收费金额（万元）';
  const en = 'Art. 20 (8) administrative fees collected this year (10,000 yuan)';
  if (c.value === null) {
    return [{ ...base, status: 'skipped', lhs: null, rhs: null, message_zh: `${zh}空白或未填（${c.raw || '空'}），未检查`, message_en: `${en} is blank or not applicable (${c.raw || 'empty'}); not checked` }];
  }
  const yuan = /元$/.test(c.raw) && !/万元$/.test(c.raw);
  const noteZh = yuan ? `（原文「${c.raw}」以元填写，已换算为万元）` : '';
  const noteEn = yuan ? ` (written as ${c.raw} in yuan, converted to 10,000 yuan)` : '';
  if (Number.isFinite(c.value) && c.value >= 0) {
    return [{ ...base, status: 'pass', lhs: c.value, message_zh: `${zh}为 ${fmt(c.value)}，是不小于 0 的金额${noteZh}`, message_en: `${en} is ${fmt(c.value)}, an amount ≥ 0${noteEn}` }];
  }
  return [{
    ...base, status: 'fail', lhs: c.value,
    message_zh: `${zh}填报为 ${c.raw}，收费金额不能为负数${noteZh}`,
    message_en: `${en} is given as ${c.raw}: a fee amount cannot be negative${noteEn}`,
  }];
}
