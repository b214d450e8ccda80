// An extracted table drawn like the official form: multi-level column headers (行政复议 → 结果维持 …) and
// nested row headers (三、本年度办理结果 → （三）不予公开 → 1.属于国家秘密) from the `labels` table.

export interface LabelLike { table_id: string; kind: string; key: string; label_zh: string; label_en: string; ord: number; parent_key: string | null }
export interface CellLike { table_id: string; row_key: string; col_key: string; row_label: string | null }

export interface HeadCell { key: string; label_zh: string; label_en: string; colspan: number; rowspan: number }
export interface RowHead { key: string; label_zh: string; label_en: string; colspan: number; rowspan: number }
export interface BodyRow { key: string; heads: RowHead[]; cols: string[] }
export interface TableLayout {
  table_id: string;
  /** rows of column headers; the first row starts with the corner cell */
  head: HeadCell[][];
  corner: { colspan: number; rowspan: number };
  leafCols: string[];
  body: BodyRow[];
}

interface Node { key: string; label_zh: string; label_en: string; children: Node[]; depth: number }

function forest(labels: readonly LabelLike[]): Node[] {
  const sorted = [...labels].sort((a, b) => a.ord - b.ord);
  const nodes = new Map(sorted.map((l) => [l.key, { key: l.key, label_zh: l.label_zh, label_en: l.label_en, children: [] as Node[], depth: 0 }]));
  const roots: Node[] = [];
  for (const l of sorted) {
    const n = nodes.get(l.key)!;
    const parent = l.parent_key ? nodes.get(l.parent_key) : undefined;
    (parent && parent !== n ? parent.children : roots).push(n);
  }
  const setDepth = (n: Node, d: number): void => {
    n.depth = d;
    n.children.forEach((c) => setDepth(c, d + 1));
  };
  roots.forEach((r) => setDepth(r, 1));
  return roots;
}

const leaves = (n: Node): Node[] => (n.children.length ? n.children.flatMap(leaves) : [n]);
const maxDepth = (ns: Node[]): number => Math.max(1, ...ns.flatMap(leaves).map((l) => l.depth));

/**
 * Layout of one table. Rows or columns present in the cells but missing from the labels (local templates add
 * rows) are appended with the label the report wrote, so that no extracted number is left out.
 */
export function tableLayout(tableId: string, labels: readonly LabelLike[], cells: readonly CellLike[]): TableLayout {
  const own = labels.filter((l) => l.table_id === tableId);
  const mine = cells.filter((c) => c.table_id === tableId);
  const knownRows = new Set(own.filter((l) => l.kind === 'row').map((l) => l.key));
  const knownCols = new Set(own.filter((l) => l.kind === 'col').map((l) => l.key));
  const extraRows = [...new Map(mine.filter((c) => !knownRows.has(c.row_key)).map((c) => [c.row_key, c])).values()];
  const extraCols = [...new Set(mine.map((c) => c.col_key))].filter((k) => !knownCols.has(k));
  let ord = 1e6;
  const rowLabels = [
    ...own.filter((l) => l.kind === 'row'),
    ...extraRows.map((c) => ({ table_id: tableId, kind: 'row', key: c.row_key, label_zh: c.row_label ?? c.row_key, label_en: c.row_label ?? c.row_key, ord: ord++, parent_key: null })),
  ];
  const colLabels = [
    ...own.filter((l) => l.kind === 'col'),
    ...extraCols.map((k) => ({ table_id: tableId, kind: 'col', key: k, label_zh: k, label_en: k, ord: ord++, parent_key: null })),
  ];

  const colRoots = forest(colLabels);
  const colDepth = maxDepth(colRoots);
  const head: HeadCell[][] = Array.from({ length: colDepth }, () => []);
  const walkCols = (n: Node): void => {
    const isLeaf = n.children.length === 0;
    head[n.depth - 1]!.push({
      key: n.key, label_zh: n.label_zh, label_en: n.label_en,
      colspan: leaves(n).length, rowspan: isLeaf ? colDepth - n.depth + 1 : 1,
    });
    n.children.forEach(walkCols);
  };
  colRoots.forEach(walkCols);
  const leafCols = colRoots.flatMap(leaves).map((n) => n.key);

  const rowRoots = forest(rowLabels);
  const rowDepth = maxDepth(rowRoots);
  const body: BodyRow[] = [];
  const walkRows = (n: Node, pending: RowHead[]): void => {
    if (n.children.length === 0) {
      body.push({ key: n.key, heads: [...pending, { key: n.key, label_zh: n.label_zh, label_en: n.label_en, colspan: rowDepth - n.depth + 1, rowspan: 1 }], cols: leafCols });
      return;
    }
    // a group's label spans its leaves and is printed in the row of its first leaf
    const group: RowHead = { key: n.key, label_zh: n.label_zh, label_en: n.label_en, colspan: 1, rowspan: leaves(n).length };
    n.children.forEach((c, i) => walkRows(c, i === 0 ? [...pending, group] : []));
  };
  rowRoots.forEach((r) => walkRows(r, []));
  return { table_id: tableId, head, corner: { colspan: rowDepth, rowspan: colDepth }, leafCols, body };
}
