import { formatTemplate, type TemplateTable } from '../template/template.ts';
import { tokenNumber, type Slots } from './alignRow.ts';
import { describeCands, fitRow, resolveAlone } from './fitRow.ts';
import { applyUnits, headerUnits } from './headerUnits.ts';
import { keyScore, labelKey } from './labelKey.ts';
import { joinLabel, labelKeys, matchLabel, valuesFrom } from './rowMatch.ts';
import { emitRow, spanOf, type TableContext } from './tableContext.ts';
import type { Token } from './tokenize.ts';

const NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const CAPTION = /第二十条第?\s*[(（]?\s*([一二三四五六七八九十])\s*[)）]?\s*项/g;

/** Derived key for a row the national template does not have (Hubei's 其他主动公开文件). */
export const extraRowKey = (label: string): string => `extra_${labelKey(label).slice(0, 24) || 'row'}`;

/** The 2019 本年增/减 cannot take more items away than there were: 上一年项目数量 + 本年增/减 ≥ 0. */
function activeFails(table: TemplateTable): (s: Slots) => number {
  const prev = table.columns.findIndex((c) => c.key === 'prev_year_items');
  const change = table.columns.findIndex((c) => c.key === 'change');
  if (prev < 0 || change < 0) return () => 0;
  return (s) => (s[prev] && s[change] && tokenNumber(s[prev]!) + tokenNumber(s[change]!) < 0 ? 1 : 0);
}

interface Block { table: TemplateTable | null; from: number; to: number; caption?: Token }

/** The small tables of section 二 (第二十条第（X）项), from a stretch of tokens. */
export function extractActive(ctx: TableContext, tokens: readonly Token[]): void {
  const tables = formatTemplate(ctx.format).tables.filter((t) => t.section === 2);
  // blocks start at captions 第二十条第（X）项 (which may stand inside a longer token of a one-line page); without
  // captions the whole stretch is one block open to every table
  const blocks: Block[] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== 'text') return;
    for (const m of t.text.matchAll(CAPTION)) {
      const n = NUMERALS[m[1]!];
      const table = tables.find((tb) => tb.id === `active_art20_${n}`) ?? null;
      const after = m.index + m[0].length;
      const rest = t.text.length - after >= 2;
      if (blocks.length) blocks[blocks.length - 1]!.to = rest ? i + 1 : i;
      blocks.push({ table, from: rest ? i : i + 1, to: tokens.length, caption: { text: t.text.slice(m.index, after), start: t.start + m.index, end: t.start + after, kind: 'text' } });
      if (!table) ctx.diagnostics.push({ severity: 'warning', code: 'unknown_caption', message: `caption not in the ${ctx.format} template: ${m[0]}`, start: t.start + m.index, end: t.start + after });
    }
  });
  const uncaptioned = blocks.length === 0;
  if (uncaptioned) blocks.push({ table: null, from: 0, to: tokens.length });

  for (const block of blocks) {
    if (!block.table && !uncaptioned) continue;
    const open = block.table ? [block.table] : tables;
    const candidates = open.flatMap((tb) => tb.rows.filter((r) => r.data).map((r) => ({ table: tb, row: r, keys: labelKeys(r.label) })));
    const headerKeys = open.flatMap((tb) => tb.columns.flatMap((c) => labelKeys(c.label)));
    const used = new Set<string>();
    // the caption's own token: only what follows the caption can name a row
    const view = (i: number): Token => {
      const t = tokens[i]!;
      if (i !== block.from || !block.caption || block.caption.end > t.end || block.caption.start < t.start) return t;
      const cut = block.caption.end - t.start;
      return { text: t.text.slice(cut), start: block.caption.end, end: t.end, kind: 'text' };
    };
    const findRow = (t: Token) => {
      for (const c of candidates) {
        if (used.has(c.table.id + '.' + c.row.key)) continue;
        const h = matchLabel(t, c.keys);
        if (h) return { ...c, label: h.label };
      }
      return null;
    };
    let firstRow = block.to;
    let current: TemplateTable | null = block.table;
    for (let i = block.from; i < block.to; i++) {
      const t = view(i);
      if (t.kind !== 'text') continue;
      let values = valuesFrom(tokens, i + 1, block.to);
      let hit = findRow(t);
      let label = hit?.label ?? t;
      const next = tokens[i + 1];
      if (!hit && values.length === 0 && next?.kind === 'text' && i + 2 < block.to && tokens[i + 2]!.kind !== 'text' && !findRow(next)) {
        // a label broken over two lines where neither half matches alone
        hit = findRow(joinLabel(t, next));
        if (hit) { label = joinLabel(t, next); i++; values = valuesFrom(tokens, i + 1, block.to); }
      }
      if (hit) {
        firstRow = Math.min(firstRow, i);
        used.add(hit.table.id + '.' + hit.row.key);
        current = hit.table;
        if (values.length === 0) {
          const c = tokens[i + 1];
          if (c && c.kind === 'text' && i + 2 < block.to && tokens[i + 2]!.kind !== 'text' && c.text.length <= 60 && !findRow(c) && !/第二十条/.test(c.text)) {
            label = joinLabel(label, c);
            i++;
            values = valuesFrom(tokens, i + 1, block.to);
          }
        }
        readRow(ctx, hit.table, hit.row.key, label, values);
        i += values.length;
        continue;
      }
      // a local row: a short label followed by numbers, which is no column header or note of the table
      const w = labelKey(t.text);
      if (current && w.length <= 24 && values.some((v) => v.kind === 'value') && keyScore(w, headerKeys) === 0 && !/^[(（]/.test(t.text) && w !== '信息内容') {
        const key = extraRowKey(t.text);
        if (!used.has(current.id + '.' + key)) {
          used.add(current.id + '.' + key);
          readRow(ctx, current, key, t, values);
          ctx.diagnostics.push({ severity: 'info', code: 'extra_row', message: `row not in the template kept as ${key} in ${current.id}`, start: t.start, end: t.end });
        }
        i += values.length;
      }
    }
    const head = tokens.slice(Math.max(0, block.from - 1), firstRow + 1);
    for (const tb of open) {
      const units = headerUnits(block.caption ? [block.caption, ...head] : head, tb);
      applyUnits(ctx.cells, tb, units, ctx.diagnostics);
    }
    if (block.table) {
      const missing = block.table.rows.filter((r) => r.data && !used.has(block.table!.id + '.' + r.key));
      const found = block.table.rows.filter((r) => r.data).length - missing.length;
      for (const r of missing) ctx.diagnostics.push({ severity: 'warning', code: 'row_missing', message: `${block.table.id}: row ${r.key} (${r.label}) not found` });
      if (missing.length && found > 0) ctx.diagnostics.push({ severity: 'warning', code: 'table_partial', message: `${block.table.id}: ${found} of ${found + missing.length} rows found; missing: ${missing.map((r) => r.key).join(', ')}`, ...(block.caption ? { start: block.caption.start, end: block.caption.end } : {}) });
    }
  }
  // without captions only a unit written in a column's own header can be placed
  if (uncaptioned) for (const tb of tables) applyUnits(ctx.cells, tb, headerUnits(tokens.slice(0, 60), tb).filter((u) => u.col !== null), ctx.diagnostics);
}

function readRow(ctx: TableContext, table: TemplateTable, rowKey: string, label: Token, values: Token[]): void {
  const n = table.columns.length;
  const fails = activeFails(table);
  const fit = fitRow(values, n, fails);
  const r = resolveAlone(fit, n, fails);
  emitRow(ctx, table, rowKey, label, r.slots, r.flags, spanOf(values));
  const where = spanOf(values) ?? { start: label.start, end: label.end };
  if (r.uncertain.length) {
    const cols = r.uncertain.map((k) => table.columns[k]!.key).join(', ');
    const split = fit.mode === 'split';
    ctx.diagnostics.push({
      severity: 'warning', code: split ? 'split_ambiguous' : 'row_ambiguous',
      message: split
        ? `${table.id}: row ${rowKey}: digits run together (${values.map((v) => v.text).join(' ')}) can be cut into ${n} cells in ${fit.cands.length || 'too many'} ways${fit.cands.length ? `: ${describeCands(fit.cands)}` : ''}; columns ${cols} left blank`
        : `${table.id}: row ${rowKey} has ${values.length} of ${n} cells and nothing places them; columns ${cols} left blank`,
      ...where,
    });
  } else if (fit.mode === 'placed') {
    ctx.diagnostics.push({ severity: 'info', code: 'row_aligned', message: `${table.id}: row ${rowKey} has ${values.length} of ${n} cells; placed by the consistency rules (${fit.tried} placements tried)`, ...where });
  }
}
