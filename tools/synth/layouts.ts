import type { Rng } from './rng.ts';

/** How one table is written out; real reports use all of these, sometimes several inside one document. */
export const LAYOUTS = ['cell_lines', 'cell_lines_spaced', 'pipe_rows', 'markdown', 'pipe_cells', 'tabs', 'tab_rows', 'one_line', 'pdf', 'mixed_rows'] as const;
export type Layout = (typeof LAYOUTS)[number];
export type ReportLayout = Layout | 'mixed';

/** Layouts in which an empty cell is visible (a pipe cell with nothing in it); elsewhere an empty cell is written as a mark. */
export const showsBlank = (l: Layout): boolean => l === 'pipe_rows' || l === 'markdown' || l === 'pipe_cells';

export interface RenderRow {
  /** parent label (三、本年度办理结果, （三）不予公开…) written once before its first child, or null */
  parent: string | null;
  label: string | null;
  cells: string[];
}

export interface RenderTable {
  caption: string | null;
  /** header lines, each a list of header cells */
  header: string[][];
  rows: RenderRow[];
}

/** A long label broken over two lines, as PDF text and narrow HTML cells do ('（二）部分公开（区分处理的，\n不计其他情形）'). */
const wrap = (rng: Rng, label: string, p: number): string => {
  if (label.length < 14 || !rng.chance(p)) return label;
  const at = rng.int(7, label.length - 4);
  return `${label.slice(0, at)}\n${label.slice(at)}`;
};

const pageMark = (rng: Rng, n: number): string => rng.pick([`- ${n} -`, `— ${n} —`, `第${n}页`, `第 ${n} 页 共 ${n + 2} 页`, `${n}/${n + 2}`]);

/** Split a header into two lines the way HTML-to-text does ('商业\n企业'). */
const splitHeader = (rng: Rng, h: string): string => (h.length >= 4 && h.length <= 6 && rng.chance(0.3) ? `${h.slice(0, 2)}\n${h.slice(2)}` : h);

export function renderTable(rng: Rng, t: RenderTable, layout: Layout, out: string[], page: { n: number }): void {
  const headerCells = t.header.flat();
  switch (layout) {
    case 'cell_lines':
    case 'cell_lines_spaced': {
      const sep = layout === 'cell_lines_spaced' ? '\n' : '';
      const push = (s: string): void => { out.push(s + sep); };
      if (t.caption) push(t.caption);
      for (const h of headerCells) push(splitHeader(rng, h));
      const breakAt = t.rows.length > 10 && rng.chance(0.3) ? rng.int(3, t.rows.length - 2) : -1;
      t.rows.forEach((r, i) => {
        if (i === breakAt) {
          // a page break inside the table: page number, 续表 and the header cells once more
          push(pageMark(rng, ++page.n));
          if (rng.chance(0.5)) push('续表');
          for (const h of headerCells) push(h);
        }
        if (r.parent) push(r.parent);
        if (r.label) push(wrap(rng, r.label, 0.1));
        for (const c of r.cells) push(c);
      });
      return;
    }
    case 'mixed_rows': {
      // one table, several layouts: header one cell per line, rows by turns as PDF rows, pipe rows, tab rows or cells per line
      if (t.caption) out.push(t.caption);
      for (const h of headerCells) out.push(h);
      for (const r of t.rows) {
        const style = rng.int(0, 3);
        const labels = [r.parent, r.label].filter((x): x is string => !!x);
        if (style === 0) out.push([...labels, ...r.cells].join(' '));
        else if (style === 1) out.push([...labels, ...r.cells].join(' | ') + ' |');
        else if (style === 2) out.push([...labels, ...r.cells].join('\t'));
        else out.push(...labels, ...r.cells);
      }
      return;
    }
    case 'tabs': {
      if (t.caption) out.push(t.caption);
      for (const h of headerCells) out.push('\t' + splitHeader(rng, h));
      for (const r of t.rows) {
        if (r.parent) out.push('\t' + r.parent);
        if (r.label) out.push('\t' + r.label);
        for (const c of r.cells) out.push('\t' + c);
      }
      return;
    }
    case 'tab_rows': {
      if (t.caption) out.push(t.caption);
      for (const h of t.header) out.push('\t' + h.join('\t'));
      for (const r of t.rows) {
        if (r.parent) out.push('\t' + r.parent);
        out.push((r.label ? '\t' + r.label : '') + '\t' + r.cells.join('\t'));
      }
      return;
    }
    case 'pipe_rows': {
      if (t.caption) out.push(t.caption + ' |');
      for (const h of t.header) out.push(h.join(' | ') + ' |');
      for (const r of t.rows) {
        const labels = [r.parent, r.label].filter((x): x is string => !!x);
        // a row without a label opens with a pipe, or its first empty cell would be indistinguishable from markdown's margin
        out.push((labels.length ? '' : '| ') + [...labels, ...r.cells.map((c) => c || ' ')].join(' | ') + ' |');
      }
      return;
    }
    case 'markdown': {
      if (t.caption) out.push(t.caption, '');
      const width = (t.rows[0]?.cells.length ?? 1) + 1;
      t.header.forEach((h, i) => {
        out.push('| ' + h.join(' | ') + ' |');
        if (i === 0) out.push('|' + ' --- |'.repeat(width));
      });
      for (const r of t.rows) {
        const labels = [r.parent, r.label].filter((x): x is string => !!x);
        out.push('| ' + [...labels, ...r.cells.map((c) => c || ' ')].join(' | ') + ' |');
      }
      return;
    }
    case 'pipe_cells': {
      if (t.caption) out.push(t.caption + ' |', '|||||');
      for (const h of headerCells) out.push(rng.chance(0.2) ? h + '\n|' : h + ' |');
      out.push('||');
      for (const r of t.rows) {
        if (r.parent) out.push(r.parent + ' |');
        if (r.label) out.push(r.label + ' |');
        for (const c of r.cells) out.push(c ? c + ' |' : '|');
        out.push(rng.pick(['||', '|||', '||']));
      }
      return;
    }
    case 'one_line': {
      const parts: string[] = [];
      if (t.caption) parts.push(t.caption);
      parts.push(...headerCells);
      for (const r of t.rows) {
        if (r.parent) parts.push(r.parent);
        if (r.label) parts.push(r.label);
        parts.push(...r.cells);
      }
      out.push(parts.join(' '));
      return;
    }
    case 'pdf': {
      if (t.caption) out.push(t.caption);
      // narrow columns (applicants, review outcomes) have vertical headers: the k-th character of every header on line k
      const hs = headerCells.filter((h) => h.length <= 8);
      if (hs.length >= 5) {
        const longest = Math.max(...hs.map((h) => h.length));
        for (let k = 0; k < longest; k++) out.push(hs.map((h) => h[k] ?? '').filter(Boolean).join(' '));
      } else out.push(headerCells.join('  '));
      if (t.rows.length === 1 && t.rows[0]!.label === null && t.rows[0]!.cells.length === 15 && rng.chance(0.4)) {
        // the review table as three rows of five, each group named before its numbers
        const c = t.rows[0]!.cells;
        out.push(`行政复议 ${c.slice(0, 5).join(' ')}`, `行政诉讼 未经复议直接起诉 ${c.slice(5, 10).join(' ')}`, `复议后起诉 ${c.slice(10).join(' ')}`);
        return;
      }
      t.rows.forEach((r, i) => {
        const sep = rng.chance(0.5) ? ' ' : '  ';
        // parent and child label on one line ('三、本年度办理结果 （一）予以公开 5 0 …'), or the parent on a line of its own
        const parentInline = r.parent !== null && rng.chance(0.4);
        if (r.parent && !parentInline) out.push(r.parent);
        const label = r.label === null ? null : wrap(rng, parentInline ? `${r.parent} ${r.label}` : r.label, 0.25);
        out.push([label, ...r.cells].filter((x) => x !== null).join(sep));
        if (i > 0 && i % 9 === 0) out.push(pageMark(rng, ++page.n));
      });
      return;
    }
  }
}
