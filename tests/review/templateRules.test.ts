import { describe, expect, it } from 'vitest';
import { parseReport, type CellRow } from '../../src/core/index.ts';
import { appSubLeTotal } from '../../src/core/checks/appSubLeTotal.ts';
import { feeDec } from '../../src/core/checks/feeDec.ts';
import { itemsNonneg } from '../../src/core/checks/itemsNonneg.ts';
import { reviewLitNoLink, signedChange } from '../../src/core/checks/infoRules.ts';
import { parsedSeed, seedBytes } from '../core/helpers.ts';

const cell = (table_id: string, row_key: string, col_key: string, value: number | null, raw = value === null ? '' : String(value)): CellRow => ({
  report_id: 'r', table_id, row_key, col_key, row_label: null, value, raw, unit: null, state: value === null ? 'blank' : 'reported', start: 0, end: 0, flag: null,
});
const reparse = (seed: string, edit: (t: string) => string) => {
  const text = edit(new TextDecoder().decode(seedBytes(seed).bytes));
  return parseReport(new TextEncoder().encode(text), 'edited.txt');
};

describe('APP-SUB-LE-TOTAL', () => {
  it('a result row above （七）总计 fails on that cell; the others pass per column', () => {
    const rows = appSubLeTotal([
      cell('applications', 'results_total', 'natural_person', 5), cell('applications', 'granted', 'natural_person', 7), cell('applications', 'partially_granted', 'natural_person', 1),
      cell('applications', 'results_total', 'total', 9), cell('applications', 'granted', 'total', 7),
    ], 'gov_2021');
    expect(rows.map((r) => [r.col_key, r.status, r.lhs, r.rhs])).toEqual([
      ['applications.granted.natural_person', 'fail', 7, 5],
      ['total', 'pass', 7, 9],
    ]);
    expect(rows[0]!.message_zh).toBe('三、收到和处理政府信息公开申请情况 表「（一）予以公开」行「自然人」列为 7，大于（七）总计 5：单项办理结果不能超过总计');
    expect(rows[0]!.message_en).toContain('exceeds (7) Total (5)');
  });

  it('a blank total skips; a blank part does not hide a part that is too big (where APP-SUM skips)', () => {
    const rows = appSubLeTotal([
      cell('applications', 'results_total', 'legal_other', null), cell('applications', 'granted', 'legal_other', 3),
      cell('applications', 'results_total', 'total', 2), cell('applications', 'granted', 'total', null), cell('applications', 'other_other', 'total', 4),
    ], 'gov_2021');
    expect(rows.map((r) => [r.col_key, r.status])).toEqual([['legal_other', 'skipped'], ['applications.other_other.total', 'fail']]);
    expect(appSubLeTotal([cell('applications', 'results_total', 'total', 2), cell('applications', 'granted', 'total', null)], 'gov_2019')[0]).toMatchObject({ status: 'skipped' });
    expect(appSubLeTotal([], 'gov_2019')).toEqual([]);
  });

  it('the 2019 row 其他处理 counts; seed 003 passes in all seven columns; seed 002 skips its six blank columns', () => {
    expect(appSubLeTotal([cell('applications', 'results_total', 'total', 1), cell('applications', 'other_processing', 'total', 2)], 'gov_2019')[0]).toMatchObject({ status: 'fail' });
    const ok = parsedSeed('003').checks.filter((c) => c.rule_id === 'APP-SUB-LE-TOTAL');
    expect(ok.map((c) => c.status)).toEqual(Array(7).fill('pass'));
    const blank = parsedSeed('002').checks.filter((c) => c.rule_id === 'APP-SUB-LE-TOTAL');
    expect(blank.map((c) => c.status)).toEqual([...Array(6).fill('skipped'), 'pass']);
  });

  it('seed 003 with 予以公开 (自然人) raised above the total: APP-SUB-LE-TOTAL fails on that cell and counts as an error', () => {
    // 予以公开 row: 42 0 0 0 1 0 43; results total 自然人 is 139 − … ; 200 is above any total
    const r = reparse('003', (t) => t.replace(/(（一）予以公开\n\t)42\n/, '$1200\n'));
    const fail = r.checks.filter((c) => c.rule_id === 'APP-SUB-LE-TOTAL' && c.status === 'fail');
    expect(fail.map((c) => c.col_key)).toEqual(['applications.granted.natural_person']);
    expect(r.report.n_errors).toBeGreaterThanOrEqual(1 + 1);
  });
});

describe('FEE-DEC', () => {
  const fee = (value: number | null, raw?: string) => [cell('active_art20_8', 'admin_fees', 'fee_amount', value, raw)];
  it('a decimal ≥ 0 passes, a negative fails, a blank skips; the 2019 format has no fee amount', () => {
    expect(feeDec(fee(590.115865), 'gov_2021')[0]).toMatchObject({ rule_id: 'FEE-DEC', severity: 'error', status: 'pass', lhs: 590.115865 });
    const neg = feeDec(fee(-3.5), 'gov_2021')[0]!;
    expect(neg).toMatchObject({ status: 'fail', lhs: -3.5, col_key: 'active_art20_8.admin_fees.fee_amount' });
    expect(neg.message_zh).toContain('收费金额不能为负数');
    expect(feeDec(fee(null, '/'), 'gov_2021')[0]).toMatchObject({ status: 'skipped' });
    expect(feeDec(fee(1), 'gov_2019')).toEqual([]);
    expect(feeDec([], 'gov_2021')).toEqual([]);
  });
  it('a fee written in 元 says it was converted', () => {
    expect(feeDec(fee(0.17, '1700元'), 'gov_2021')[0]!.message_zh).toContain('以元填写，已换算为万元');
  });
  it('seed 003: 590.115865 万元 passes', () => {
    expect(parsedSeed('003').checks.find((c) => c.rule_id === 'FEE-DEC')).toMatchObject({ status: 'pass', lhs: 590.115865 });
  });
});

describe('ITEMS-NONNEG and SIGNED-CHANGE (2019 format)', () => {
  const row = (prev: number | null, change: number | null, raw?: string) => [cell('active_art20_6', 'punishment', 'prev_year_items', prev), cell('active_art20_6', 'punishment', 'change', change, raw)];
  it('items last year plus the change is not negative', () => {
    expect(itemsNonneg(row(2, -2))[0]).toMatchObject({ rule_id: 'ITEMS-NONNEG', severity: 'warning', status: 'pass', lhs: 0, col_key: 'active_art20_6.punishment.change' });
    const bad = itemsNonneg(row(3, -417))[0]!;
    expect(bad).toMatchObject({ status: 'fail', lhs: -414 });
    expect(bad.message_zh).toBe('第二十条第（六）项 表「行政处罚」行：上一年项目数量 3 加本年增/减 -417 为 -414，本年事项数不能为负，请核实增减符号或是否误填了本年总数');
    expect(itemsNonneg(row(null, 4))[0]).toMatchObject({ status: 'skipped' });
    expect(itemsNonneg([cell('active_art20_6', 'punishment', 'decisions', 5)])).toEqual([]);
  });
  it('a negative change is explained as allowed (info, never a failure); a fractional change is an error', () => {
    const [neg] = signedChange(row(3, -2, '减2项'));
    expect(neg).toMatchObject({ rule_id: 'SIGNED-CHANGE', severity: 'info', status: 'pass', lhs: -2 });
    expect(neg!.message_zh).toContain('以负值表示减少的事项数，不是错误');
    expect(signedChange(row(3, 2))).toEqual([]);
    expect(signedChange(row(3, 2.5))[0]).toMatchObject({ severity: 'error', status: 'fail' });
  });
  it('seed 002 (减2项 under 行政处罚): ITEMS-NONNEG passes with 0, SIGNED-CHANGE explains the -2, no error or warning counted', () => {
    const r = parsedSeed('002');
    expect(r.checks.find((c) => c.rule_id === 'ITEMS-NONNEG' && c.col_key === 'active_art20_6.punishment.change')).toMatchObject({ status: 'pass', lhs: 0 });
    expect(r.checks.filter((c) => c.rule_id === 'SIGNED-CHANGE').map((c) => [c.col_key, c.severity, c.lhs])).toEqual([['active_art20_6.punishment.change', 'info', -2]]);
    expect(r.checks.filter((c) => c.rule_id === 'ITEMS-NONNEG')).toHaveLength(5);
    expect([r.report.n_errors, r.report.n_warnings]).toEqual([0, 0]);
  });
  it('seed 002 with 减2项 changed to 减5项 (2 items last year): ITEMS-NONNEG fails and is counted as a warning', () => {
    const r = reparse('002', (t) => t.replace('减2项', '减5项'));
    expect(r.checks.find((c) => c.rule_id === 'ITEMS-NONNEG' && c.status === 'fail')).toMatchObject({ col_key: 'active_art20_6.punishment.change', lhs: -3 });
    expect(r.report.n_warnings).toBe(1);
  });
});

describe('REVIEW-LIT-NO-LINK (info, never enforced)', () => {
  const counts = (review: number | null, lit: number | null) => [cell('review_litigation', 'counts', 'review_total', review), cell('review_litigation', 'counts', 'lit_after_review_total', lit)];
  it('different totals are explained, equal or blank ones say nothing', () => {
    expect(reviewLitNoLink(counts(19, 7))[0]).toMatchObject({ rule_id: 'REVIEW-LIT-NO-LINK', severity: 'info', status: 'pass', lhs: 19, rhs: 7 });
    expect(reviewLitNoLink(counts(3, 3))).toEqual([]);
    expect(reviewLitNoLink(counts(null, 3))).toEqual([]);
  });
  it('seed 003 (复议 19, 复议后起诉 7): an info row, and the report still has no error', () => {
    const r = parsedSeed('003');
    expect(r.checks.filter((c) => c.rule_id === 'REVIEW-LIT-NO-LINK').map((c) => [c.status, c.lhs, c.rhs])).toEqual([['pass', 19, 7]]);
    expect(r.report.n_errors).toBe(0);
    expect(r.checks.some((c) => c.severity === 'info' && c.status === 'fail')).toBe(false);
  });
});
