// Which cells a consistency check reads, from the template's rule expressions (src/core/template.json), so
// that the viewer can mark the numbers behind a failed 勾稽关系 and show on which side of it they stand.
import { TEMPLATE, type TemplateRule } from '../core/template/template.ts';

export interface CellRef { table_id: string; row_key: string; col_key: string }
export interface CheckRefs { lhs: CellRef[]; rhs: CellRef[] }

const REF = /([a-z][a-z0-9_]*)\.([a-z][a-z0-9_]*)\.([a-z][a-z0-9_]*)/g;
const COMPARISON = /==|<=|>=|~=|(?<![<>=])<(?!=)|(?<![<>=])>(?!=)/;

const refsIn = (expr: string): CellRef[] =>
  [...expr.matchAll(REF)].map((m) => ({ table_id: m[1]!, row_key: m[2]!, col_key: m[3]! }));

function ruleOf(format: string, ruleId: string): TemplateRule | undefined {
  const f = (TEMPLATE.formats as Record<string, { rules: TemplateRule[] } | undefined>)[format] ?? TEMPLATE.formats.gov_2021;
  return f.rules.find((r) => r.id === ruleId);
}

/**
 * Cells on each side of a check. The check's col_key fills the rule's {col} or {row}; a col_key written as
 * table.row.col (NONNEG-INT and rules of that kind) names the cell itself. Unknown rules give no cells.
 */
export function checkRefs(format: string, check: { rule_id: string; col_key: string | null }): CheckRefs {
  const key = check.col_key ?? '';
  const direct = refsIn(key);
  if (direct.length) return { lhs: direct, rhs: [] };
  const rule = ruleOf(format, check.rule_id);
  if (!rule || rule.scope === 'cross_report_same_organ') return { lhs: [], rhs: [] };
  let expr = rule.expr;
  if (rule.forall?.col && !rule.forall.row) expr = expr.replaceAll('{col}', key);
  else if (rule.forall?.row && !rule.forall.col) expr = expr.replaceAll('{row}', key);
  if (/[{}]/.test(expr)) return { lhs: [], rhs: [] };
  const [l = '', r = ''] = expr.split(COMPARISON);
  return { lhs: refsIn(l), rhs: refsIn(r) };
}

export const refKey = (r: CellRef): string => `${r.table_id}.${r.row_key}.${r.col_key}`;
