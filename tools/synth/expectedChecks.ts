import { formatTemplate, valueTypeOf, type ModernFormat } from '../../src/core/template/template.ts';
import type { SynthTruth, TruthCell } from './truth.ts';

export interface ExpectedCheck { rule_id: string; col_key: string; status: 'pass' | 'fail' | 'skipped' }

const APPLICANTS = ['natural_person', 'legal_commercial', 'legal_research', 'legal_public_interest', 'legal_legal_service', 'legal_other'];

/**
 * The error rules (with APP-SUB-LE-TOTAL, FEE-DEC and SIGNED-CHANGE's error case) evaluated directly on the generator's truth, independently of the parser: what runChecks must
 * report for a perfect reading. A rule touching a blank or 'na' cell is skipped.
 */
export function expectedChecks(truth: SynthTruth): ExpectedCheck[] {
  const format: ModernFormat = truth.format;
  const m = new Map<string, TruthCell>();
  for (const c of truth.cells) m.set(`${c.table_id}.${c.row_key}.${c.col_key}`, c);
  const sum = (refs: string[]): number | null => {
    let s = 0;
    for (const r of refs) {
      const v = m.get(r)?.value;
      if (v === null || v === undefined) return null;
      s += v;
    }
    return s;
  };
  const out: ExpectedCheck[] = [];
  const eq = (rule_id: string, col_key: string, l: string[], r: string[]): void => {
    const a = sum(l);
    const b = sum(r);
    out.push({ rule_id, col_key, status: a === null || b === null ? 'skipped' : Math.abs(a - b) < 1e-9 ? 'pass' : 'fail' });
  };
  const apps = formatTemplate(format).tables.find((t) => t.id === 'applications')!;
  const cols = apps.columns.map((c) => c.key);
  const data = apps.rows.filter((r) => r.data).map((r) => r.key);
  const results = apps.rows.filter((r) => r.data && r.parent && r.key !== 'results_total').map((r) => r.key);
  const a = (row: string, col: string): string => `applications.${row}.${col}`;
  for (const c of cols) eq('APP-BAL', c, [a('new_received', c), a('carried_over', c)], [a('results_total', c), a('carried_forward', c)]);
  for (const c of cols) eq('APP-SUM', c, [a('results_total', c)], results.map((r) => a(r, c)));
  for (const r of data) eq('APP-ROW', r, [a(r, 'total')], APPLICANTS.map((c) => a(r, c)));
  for (const [id, g] of [['REV-SUM', 'review'], ['LIT-D-SUM', 'lit_direct'], ['LIT-R-SUM', 'lit_after_review']] as const) {
    const k = (x: string): string => `review_litigation.counts.${g}_${x}`;
    eq(id, `${g}_total`, [k('total')], ['maintained', 'corrected', 'other', 'pending'].map(k));
  }
  // APP-SUB-LE-TOTAL: every reported result cell above a reported （七）总计 fails, one row per cell
  for (const c of cols) {
    const total = m.get(a('results_total', c))?.value;
    if (total === null || total === undefined) continue;
    for (const r of results) {
      const v = m.get(a(r, c))?.value;
      if (v !== null && v !== undefined && v > total) out.push({ rule_id: 'APP-SUB-LE-TOTAL', col_key: a(r, c), status: 'fail' });
    }
  }
  const fee = m.get('active_art20_8.admin_fees.fee_amount');
  if (format === 'gov_2021' && fee && fee.value !== null && fee.value < 0) out.push({ rule_id: 'FEE-DEC', col_key: 'active_art20_8.admin_fees.fee_amount', status: 'fail' });
  for (const c of truth.cells) {
    if (c.col_key === 'change' && c.value !== null && !Number.isInteger(c.value)) out.push({ rule_id: 'SIGNED-CHANGE', col_key: `${c.table_id}.${c.row_key}.change`, status: 'fail' });
  }
  for (const table of formatTemplate(format).tables) {
    for (const c of truth.cells) {
      if (c.table_id !== table.id || c.value === null) continue;
      if (valueTypeOf(table, c.col_key) !== 'non_negative_integer') continue;
      if (!Number.isInteger(c.value) || c.value < 0) out.push({ rule_id: 'NONNEG-INT', col_key: `${c.table_id}.${c.row_key}.${c.col_key}`, status: 'fail' });
    }
  }
  return out;
}
