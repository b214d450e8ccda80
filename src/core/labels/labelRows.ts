import type { LabelRow } from '../schema.ts';
import { TEMPLATE, type ModernFormat } from '../template/template.ts';
import { colLabelEn, rowLabelEn } from './labelsEn.ts';

const GROUP_KEYS: Record<string, string> = {
  法人或其他组织: 'legal_entities',
  行政复议: 'review',
  行政诉讼: 'litigation',
  未经复议直接起诉: 'lit_direct',
  复议后起诉: 'lit_after_review',
};

/**
 * The `labels` table: every row and column of every template table of both modern formats, with the Chinese label
 * from the template and an English one. Column groups (法人或其他组织, 行政复议, 行政诉讼 …) appear as columns too,
 * so parent_key always points at a row of this table.
 */
export function labelRows(): LabelRow[] {
  const out: LabelRow[] = [];
  for (const format of ['gov_2021', 'gov_2019'] as ModernFormat[]) {
    for (const table of TEMPLATE.formats[format].tables) {
      table.rows.forEach((r, i) => {
        out.push({
          format, table_id: table.id, kind: 'row', key: r.key, label_zh: r.label ?? '数量', label_en: rowLabelEn(r.key),
          ord: i + 1, parent_key: r.parent ?? null,
        });
      });
      const groups: string[] = [];
      let ord = 0;
      for (const c of table.columns) {
        const path = c.group_path ?? (c.group ? [c.group] : []);
        path.forEach((g, depth) => {
          if (groups.includes(g)) return;
          groups.push(g);
          const parent = depth > 0 ? GROUP_KEYS[path[depth - 1]!] ?? null : null;
          const key = GROUP_KEYS[g] ?? g;
          out.push({ format, table_id: table.id, kind: 'col', key, label_zh: g, label_en: colLabelEn(key), ord: ++ord, parent_key: parent });
        });
        const parent = path.length ? GROUP_KEYS[path[path.length - 1]!] ?? null : null;
        out.push({ format, table_id: table.id, kind: 'col', key: c.key, label_zh: c.label, label_en: colLabelEn(c.key), ord: ++ord, parent_key: parent });
      }
    }
  }
  return out;
}
