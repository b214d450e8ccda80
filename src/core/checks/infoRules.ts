import type { CellRow, CheckRow } from '../schema.ts';
import { TABLE_EN, TABLE_ZH, fmt, labelEn, labelZh } from './checkLabels.ts';

type Draft = Omit<CheckRow, 'report_id'>;

/**
 * SIGNED-CHANGE (2019 format, severity info): 本年增/减 may be negative (“减用负值表示，如-8”). A negative change is
 * not an error, and a reviewer seeing “-417” should read that here: one info row per negative change cell, status
 * pass. A change that is not a whole number cannot be a number of items: that one is an error.
 */
export function signedChange(cells: readonly CellRow[]): Draft[] {
  const out: Draft[] = [];
  for (const c of cells) {
    if (c.col_key !== 'change' || c.value === null || !c.table_id.startsWith('active_art20_')) continue;
    const where = `${TABLE_ZH[c.table_id] ?? c.table_id} 表「${c.row_key.startsWith('extra_') ? (c.row_label ?? c.row_key) : labelZh('gov_2019', c.table_id, 'row', c.row_key)}」行「本年增/减」`;
    const whereEn = `${TABLE_EN[c.table_id] ?? c.table_id}, row “${labelEn('row', c.row_key)}”, change this year`;
    const base = { rule_id: 'SIGNED-CHANGE', col_key: `${c.table_id}.${c.row_key}.change`, lhs: c.value, rhs: null };
    if (!Number.isInteger(c.value)) {
      out.push({ ...base, severity: 'error', status: 'fail', message_zh: `${where}为 ${c.raw}，事项的增减数应为整数`, message_en: `${whereEn} is ${c.raw}: a change in the number of items must be a whole number` });
    } else if (c.value < 0) {
      out.push({ ...base, severity: 'info', status: 'pass', message_zh: `${where}为 ${fmt(c.value)}（原文「${c.raw}」）：2019 年格式中本列以负值表示减少的事项数，不是错误`, message_en: `${whereEn} is ${fmt(c.value)} (written ${c.raw}): in the 2019 format this column is negative for a decrease; not an error` });
    }
  }
  return out;
}

/**
 * REVIEW-LIT-NO-LINK (severity info, never enforced): 行政复议总计 and 复议后起诉总计 have no arithmetic relation — a
 * lawsuit after review may follow a review of an earlier year or one decided by another organ. When both are reported
 * and differ, an info row says so, so that nobody reports the difference as an inconsistency.
 */
export function reviewLitNoLink(cells: readonly CellRow[]): Draft[] {
  const v = (col: string) => cells.find((c) => c.table_id === 'review_litigation' && c.row_key === 'counts' && c.col_key === col)?.value ?? null;
  const review = v('review_total');
  const lit = v('lit_after_review_total');
  if (review === null || lit === null || Math.abs(review - lit) < 1e-9) return [];
  return [{
    rule_id: 'REVIEW-LIT-NO-LINK', severity: 'info', status: 'pass', col_key: 'review_total', lhs: review, rhs: lit,
    message_zh: `行政复议总计（${fmt(review)}）与复议后起诉总计（${fmt(lit)}）不同：两者之间没有算术关系（复议后起诉的案件可能来自往年的复议或其他机关的复议决定），不是错误`,
    message_en: `Administrative reviews (${fmt(review)}) and lawsuits after review (${fmt(lit)}) differ: there is no arithmetic relation between them (a lawsuit after review may follow an earlier year's review or another organ's decision); not an error`,
  }];
}
