import { describe, expect, it } from 'vitest';
import { parseReport, type CellRow, type ParsedReport } from '../../src/core/index.ts';
import { parsedSeed, seedBytes, seedFiles } from './helpers.ts';

const parse = parsedSeed;

const row = (r: ParsedReport, table: string, rowKey: string): CellRow[] => r.cells.filter((c) => c.table_id === table && c.row_key === rowKey);
const values = (r: ParsedReport, table: string, rowKey: string) => row(r, table, rowKey).map((c) => c.value);
const cell = (r: ParsedReport, table: string, rowKey: string, col: string): CellRow | undefined =>
  r.cells.find((c) => c.table_id === table && c.row_key === rowKey && c.col_key === col);


describe('table cells (golden values read from the documents)', () => {
  it('000: 第二十条 tables, one cell per line, signed change and 万元', () => {
    const r = parse('000');
    expect(values(r, 'active_art20_1', 'regulations')).toEqual([0, 0, 0]);
    expect(values(r, 'active_art20_1', 'normative_documents')).toEqual([0, 0, 0]);
    const extra = row(r, 'active_art20_1', 'extra_其他主动公开文件');
    expect(extra.map((c) => c.value)).toEqual([2, 2, 2]);
    expect(extra[0]!.row_label).toMatch(/^其他主动公开文件/);
    expect(values(r, 'active_art20_5', 'licensing')).toEqual([454, 299, 36192]);
    expect(row(r, 'active_art20_5', 'licensing').map((c) => c.raw)).toEqual(['454', '+299', '36192']);
    expect(row(r, 'active_art20_5', 'licensing').map((c) => c.col_key)).toEqual(['prev_year_items', 'change', 'decisions']);
    expect(values(r, 'active_art20_5', 'other_mgmt_services')).toEqual([45, 37, 6327]);
    expect(values(r, 'active_art20_6', 'punishment')).toEqual([0, 0, 0]);
    expect(values(r, 'active_art20_6', 'coercion')).toEqual([0, 0, 0]);
    expect(values(r, 'active_art20_8', 'admin_fees')).toEqual([1, 0]);
    expect(values(r, 'active_art20_9', 'central_procurement')).toEqual([5, 1211.66]);
    const amount = cell(r, 'active_art20_9', 'central_procurement', 'procurement_amount')!;
    expect(amount).toMatchObject({ raw: '1211.66万元', value: 1211.66, unit: '万元', state: 'reported' });
    // sections 三 and 四 are prose only: no invented zeros
    expect(r.cells.filter((c) => c.table_id === 'applications' || c.table_id === 'review_litigation')).toEqual([]);
    expect(r.diagnostics.some((d) => d.code === 'table_missing')).toBe(true);
  });

  it('001: pipe layout; 23 application rows; 结转下年度 left blank; 15 zeros', () => {
    const r = parse('001');
    expect(values(r, 'active_art20_1', 'extra_其他主动公开文件')).toEqual([0, 0, 0]);
    expect(cell(r, 'active_art20_9', 'central_procurement', 'procurement_amount')).toMatchObject({ value: 116408.28, unit: null });
    const appRows = [...new Set(r.cells.filter((c) => c.table_id === 'applications').map((c) => c.row_key))];
    expect(appRows).toHaveLength(23);
    expect(appRows).toContain('other_processing');
    for (const k of appRows.filter((k) => k !== 'carried_forward')) expect(values(r, 'applications', k)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(row(r, 'applications', 'carried_forward').map((c) => [c.state, c.value, c.raw])).toEqual(Array(7).fill(['blank', null, '']));
    expect(values(r, 'review_litigation', 'counts')).toEqual(Array(15).fill(0));
  });

  it('002: units and signs in cells; six blank applicant columns with 总计 0', () => {
    const r = parse('002');
    const lic = row(r, 'active_art20_5', 'licensing');
    expect(lic.map((c) => c.raw)).toEqual(['43项', '增257项', '300项']);
    expect(lic.map((c) => c.value)).toEqual([43, 257, 300]);
    expect(lic.map((c) => c.unit)).toEqual(['项', '项', '项']);
    expect(values(r, 'active_art20_6', 'punishment')).toEqual([2, -2, 0]);
    expect(cell(r, 'active_art20_9', 'central_procurement', 'procurement_items')).toMatchObject({ value: 8, unit: '个' });
    expect(cell(r, 'active_art20_9', 'central_procurement', 'procurement_amount')).toMatchObject({ value: 481.5, unit: '万元' });
    const appRows = [...new Set(r.cells.filter((c) => c.table_id === 'applications').map((c) => c.row_key))];
    expect(appRows).toHaveLength(23);
    for (const k of appRows) {
      const cs = row(r, 'applications', k);
      expect(cs.slice(0, 6).every((c) => c.state === 'blank' && c.value === null && c.raw === '' && c.start === c.end)).toBe(true);
      expect(cs[6]).toMatchObject({ col_key: 'total', value: 0, raw: '0', state: 'reported' });
    }
    expect(values(r, 'review_litigation', 'counts')).toEqual(Array(15).fill(0));
  });

  it('003: gov_2021 tab layout, the full applications table and the review row', () => {
    const r = parse('003');
    expect(values(r, 'active_art20_1', 'regulations')).toEqual([0, 0, 0]);
    expect(values(r, 'active_art20_1', 'normative_documents')).toEqual([1, 7, 5]);
    expect(row(r, 'active_art20_1', 'normative_documents').map((c) => c.col_key)).toEqual(['made', 'repealed', 'valid']);
    expect(values(r, 'active_art20_5', 'licensing')).toEqual([39125]);
    expect(values(r, 'active_art20_6', 'punishment')).toEqual([2567]);
    expect(values(r, 'active_art20_6', 'coercion')).toEqual([164]);
    expect(values(r, 'active_art20_8', 'admin_fees')).toEqual([590.115865]);
    const expected: Record<string, number[]> = {
      new_received: [139, 2, 0, 0, 3, 0, 144],
      carried_over: [3, 0, 0, 0, 0, 0, 3],
      granted: [42, 0, 0, 0, 1, 0, 43],
      partially_granted: [24, 2, 0, 0, 0, 0, 26],
      denied_state_secret: [0, 0, 0, 0, 0, 0, 0],
      denied_law_prohibited: [0, 0, 0, 0, 0, 0, 0],
      denied_security_stability: [0, 0, 0, 0, 0, 0, 0],
      denied_third_party: [3, 0, 0, 0, 0, 0, 3],
      denied_internal_affairs: [1, 0, 0, 0, 0, 0, 1],
      denied_process_info: [0, 0, 0, 0, 0, 0, 0],
      denied_enforcement_file: [0, 0, 0, 0, 0, 0, 0],
      denied_admin_query: [2, 0, 0, 0, 0, 0, 2],
      unable_not_held: [44, 0, 0, 0, 2, 0, 46],
      unable_need_creation: [1, 0, 0, 0, 0, 0, 1],
      unable_still_unclear: [1, 0, 0, 0, 0, 0, 1],
      not_processed_petition: [4, 0, 0, 0, 0, 0, 4],
      not_processed_duplicate: [3, 0, 0, 0, 0, 0, 3],
      not_processed_publication: [0, 0, 0, 0, 0, 0, 0],
      not_processed_mass_repeat: [0, 0, 0, 0, 0, 0, 0],
      not_processed_confirm: [0, 0, 0, 0, 0, 0, 0],
      other_no_correction: [5, 0, 0, 0, 0, 0, 5],
      other_no_fee: [1, 0, 0, 0, 0, 0, 1],
      other_other: [3, 0, 0, 0, 0, 0, 3],
      results_total: [134, 2, 0, 0, 3, 0, 139],
      carried_forward: [8, 0, 0, 0, 0, 0, 8],
    };
    const appRows = [...new Set(r.cells.filter((c) => c.table_id === 'applications').map((c) => c.row_key))];
    expect(appRows).toEqual(Object.keys(expected));
    for (const [k, v] of Object.entries(expected)) expect(values(r, 'applications', k), k).toEqual(v);
    expect(row(r, 'applications', 'new_received').map((c) => c.col_key)).toEqual([
      'natural_person', 'legal_commercial', 'legal_research', 'legal_public_interest', 'legal_legal_service', 'legal_other', 'total',
    ]);
    expect(values(r, 'review_litigation', 'counts')).toEqual([9, 0, 7, 3, 19, 12, 1, 1, 1, 15, 5, 0, 0, 2, 7]);
    expect(cell(r, 'review_litigation', 'counts', 'lit_after_review_total')!.value).toBe(7);
  });

  it('004: a work summary has no cells', () => {
    expect(parse('004').cells).toEqual([]);
  });

  it('provenance: text.slice(start, end) === raw for every cell of every seed', () => {
    let n = 0;
    for (const f of seedFiles()) {
      const r = parse(f.slice(0, 3));
      for (const c of r.cells) {
        expect(r.text.slice(c.start, c.end)).toBe(c.raw);
        expect(c.report_id).toBe(r.report.report_id);
        n++;
      }
      for (const s of r.sections) expect(r.text.slice(s.start, s.start + s.heading.length)).toBe(s.heading);
    }
    expect(n).toBeGreaterThan(400);
  });
});

describe('checks', () => {
  it('003: every error rule passes', () => {
    const r = parse('003');
    const byRule = (id: string) => r.checks.filter((c) => c.rule_id === id);
    expect(byRule('APP-BAL')).toHaveLength(7);
    expect(byRule('APP-SUM')).toHaveLength(7);
    expect(byRule('APP-ROW')).toHaveLength(25);
    for (const id of ['REV-SUM', 'LIT-D-SUM', 'LIT-R-SUM']) expect(byRule(id)).toHaveLength(1);
    expect(byRule('NONNEG-INT').length).toBeGreaterThan(0);
    expect(r.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(r.report.n_errors).toBe(0);
    expect(byRule('APP-BAL').find((c) => c.col_key === 'total')).toMatchObject({ lhs: 147, rhs: 147 });
  });

  it('001: APP-BAL skipped because 结转下年度 is blank; the rest pass', () => {
    const r = parse('001');
    expect(r.checks.filter((c) => c.rule_id === 'APP-BAL').every((c) => c.status === 'skipped')).toBe(true);
    expect(r.checks.filter((c) => c.rule_id === 'APP-SUM').every((c) => c.status === 'pass')).toBe(true);
    expect(r.checks.find((c) => c.rule_id === 'APP-ROW' && c.col_key === 'carried_forward')!.status).toBe('skipped');
    expect(r.checks.filter((c) => c.status === 'fail')).toEqual([]);
  });

  it('002: blank applicant columns skip their rules; the 总计 column is checked', () => {
    const r = parse('002');
    expect(r.checks.find((c) => c.rule_id === 'APP-BAL' && c.col_key === 'natural_person')!.status).toBe('skipped');
    expect(r.checks.find((c) => c.rule_id === 'APP-BAL' && c.col_key === 'total')).toMatchObject({ status: 'pass', lhs: 0, rhs: 0 });
    expect(r.checks.filter((c) => c.rule_id === 'APP-ROW').every((c) => c.status === 'skipped')).toBe(true);
    expect(r.report.n_errors).toBe(0);
  });

  it('NONNEG-INT accepts the signed 本年增/减 (减2项) of 002', () => {
    const r = parse('002');
    expect(r.checks.filter((c) => c.rule_id === 'NONNEG-INT' && c.status === 'fail')).toEqual([]);
  });

  it('a changed number fails APP-BAL and APP-ROW with a message a review office can paste', () => {
    const { bytes } = seedBytes('003');
    const src = new TextDecoder().decode(bytes);
    const at = src.indexOf('\t144\n');
    expect(at).toBeGreaterThan(0);
    expect(src.indexOf('\t144\n', at + 1)).toBe(-1);
    const changed = src.slice(0, at) + '\t145\n' + src.slice(at + 5);
    const r = parseReport(new TextEncoder().encode(changed), 'changed.txt');
    const bal = r.checks.find((c) => c.rule_id === 'APP-BAL' && c.col_key === 'total')!;
    expect(bal).toMatchObject({ status: 'fail', lhs: 148, rhs: 147 });
    expect(bal.message_zh).toBe('三、收到和处理政府信息公开申请情况 表「总计」列：第一项加第二项之和（148）不等于第三项加第四项之和（147）');
    expect(bal.message_en).toContain('(148) do not equal items 3 + 4 (147)');
    const rowCheck = r.checks.find((c) => c.rule_id === 'APP-ROW' && c.col_key === 'new_received')!;
    expect(rowCheck).toMatchObject({ status: 'fail', lhs: 145, rhs: 144 });
    expect(r.report.n_errors).toBe(2);
  });

  it('negative or fractional counts fail NONNEG-INT', () => {
    const { bytes } = seedBytes('003');
    const src = new TextDecoder().decode(bytes).replace('\t行政许可\n\t39125', '\t行政许可\n\t-3');
    const r = parseReport(new TextEncoder().encode(src), 'neg.txt');
    const fail = r.checks.find((c) => c.rule_id === 'NONNEG-INT' && c.status === 'fail');
    expect(fail).toMatchObject({ col_key: 'active_art20_5.licensing.decisions', lhs: -3 });
  });
});
