// Pure SQL builder: a chart specification over a source query → the one query whose rows are the chart's marks.
// Grouping and aggregation happen in DuckDB, so the browser only draws aggregated marks.
import { measureChannel, needsRows, type Aggregate, type Channel, type ChartSpec } from '../chart/chartSpec.ts';
import { ChartSpecError } from '../chart/chartSpecError.ts';
import { isNumericType, type SourceColumn } from '../chart/columnKinds.ts';
import { ident, literal, subquery } from './quote.ts';

/** Most groups a chart reads; past it the chart says it is cut and suggests top-N. */
export const MAX_GROUPS = 2_000;
/** Most raw rows read for dot and box marks. */
export const MAX_ROWS = 20_000;

export interface BuildOptions {
  /** label of the merged categories past top-N (localised) */
  otherLabel: string;
  maxGroups?: number;
  maxRows?: number;
}

export interface ChartQuery {
  sql: string;
  kind: 'aggregate' | 'rows';
  /** output column (alias) per channel in use */
  channels: Partial<Record<Channel, string>>;
  /** rows asked for; one more came back means the result was cut */
  limit: number;
}


const NUMERIC_AGGREGATES: ReadonlySet<Aggregate> = new Set(['sum', 'mean', 'median']);

function aggregateSql(agg: Aggregate, col: string | null): string {
  if (agg === 'count' || agg === 'none') return col ? `count(${ident(col)})` : 'count(*)';
  if (!col) throw new ChartSpecError('no_measure');
  const c = ident(col);
  switch (agg) {
    case 'sum': return `sum(${c})`;
    case 'mean': return `avg(${c})`;
    case 'median': return `median(${c})`;
    case 'min': return `min(${c})`;
    case 'max': return `max(${c})`;
    case 'distinct': return `count(DISTINCT ${c})`;
  }
}

/** min/max of a text column stay text; every other aggregate is a number, cast to DOUBLE for the browser. */
function measureSql(agg: Aggregate, col: string | null, type: string | undefined): string {
  const sql = aggregateSql(agg, col);
  const keepsType = (agg === 'min' || agg === 'max') && type !== undefined && !isNumericType(type);
  return keepsType ? sql : `CAST(${sql} AS DOUBLE)`;
}

export function chartSql(spec: ChartSpec, sourceSql: string, columns: readonly SourceColumn[], options: BuildOptions): ChartQuery {
  const types = new Map(columns.map((c) => [c.name, c.type]));
  for (const ch of ['x', 'y', 'color', 'fx', 'fy'] as const) {
    const col = spec[ch];
    if (col !== null && !types.has(col)) throw new ChartSpecError('unknown_column', col);
  }
  const src = `WITH src AS ${subquery(sourceSql)}`;
  const maxRows = options.maxRows ?? MAX_ROWS;
  const maxGroups = options.maxGroups ?? MAX_GROUPS;

  if (needsRows(spec)) {
    if (!spec.y) throw new ChartSpecError('no_y');
    if (!isNumericType(types.get(spec.y)!)) throw new ChartSpecError('not_numeric', spec.y);
    if (spec.mark === 'dot' && !spec.x) throw new ChartSpecError('no_x');
    const channels: Partial<Record<Channel, string>> = {};
    const select: string[] = [];
    for (const ch of ['x', 'y', 'color', 'fx', 'fy'] as const) {
      const col = spec[ch];
      if (col === null) continue;
      channels[ch] = ch;
      select.push(`${ident(col)} AS ${ident(ch)}`);
    }
    const notNull = [spec.x, spec.y].filter((c): c is string => c !== null).map((c) => `${ident(c)} IS NOT NULL`);
    const sql = `${src}\nSELECT ${select.join(', ')}\nFROM src\nWHERE ${notNull.join(' AND ')}\nLIMIT ${maxRows + 1}`;
    return { sql, kind: 'rows', channels, limit: maxRows };
  }

  const measure = measureChannel(spec);
  const measureCol = spec[measure];
  if (measureCol !== null && NUMERIC_AGGREGATES.has(spec.aggregate) && !isNumericType(types.get(measureCol)!)) {
    throw new ChartSpecError('not_numeric', measureCol);
  }
  if (!spec.x) throw new ChartSpecError('no_x');
  if (spec.mark === 'cell' && !spec.y) throw new ChartSpecError('no_y');
  if (spec.aggregate !== 'count' && spec.aggregate !== 'none' && measureCol === null) throw new ChartSpecError('no_measure');

  const dims = (['x', 'y', 'color', 'fx', 'fy'] as const).filter((ch) => ch !== measure && spec[ch] !== null);
  const ctes: string[] = [];
  const xCol = ident(spec.x);
  const value = measureSql(spec.aggregate, measureCol, measureCol ? types.get(measureCol) : undefined);
  let xExpr = xCol;
  if (spec.top !== null) {
    const rank = aggregateSql(spec.aggregate === 'none' ? 'count' : spec.aggregate, measureCol);
    ctes.push(
      `top AS (\nSELECT ${xCol} AS k FROM src WHERE ${xCol} IS NOT NULL GROUP BY 1 ORDER BY ${rank} DESC NULLS LAST, 1 LIMIT ${spec.top}\n)`,
    );
    xExpr = `CASE WHEN ${xCol} IN (SELECT k FROM top) THEN CAST(${xCol} AS VARCHAR) ELSE ${literal(options.otherLabel)} END`;
  }
  const select = dims.map((ch) => `${ch === 'x' ? xExpr : ident(spec[ch]!)} AS ${ident(ch)}`);
  select.push(`${value} AS ${ident(measure)}`);
  const channels: Partial<Record<Channel, string>> = Object.fromEntries([...dims, measure].map((ch) => [ch, ch]));
  const groupBy = dims.map((_, i) => String(i + 1)).join(', ');
  const otherFirst = spec.top !== null ? `"x" = ${literal(options.otherLabel)}, ` : '';
  const byDims = dims.map((ch) => `${ident(ch)} NULLS LAST`).join(', ');
  const numericValue = !value.startsWith('min(') && !value.startsWith('max(');
  const order =
    // lines and areas join their points in x order whatever the sort
    spec.sort === 'x' || !numericValue || spec.mark === 'line' || spec.mark === 'area'
      ? `${otherFirst}${byDims}`
      : `${otherFirst}sum(${ident(measure)}) OVER (PARTITION BY "x") ${spec.sort === 'value-desc' ? 'DESC' : 'ASC'} NULLS LAST, ${byDims}`;
  ctes.push(`agg AS (\nSELECT ${select.join(', ')}\nFROM src\nGROUP BY ${groupBy}\n)`);
  const sql = `${src},\n${ctes.join(',\n')}\nSELECT * FROM agg\nORDER BY ${order}\nLIMIT ${maxGroups + 1}`;
  return { sql, kind: 'aggregate', channels, limit: maxGroups };
}

/** The source's column names and types. */
export const chartColumnsSql = (sourceSql: string): string => `DESCRIBE SELECT * FROM ${subquery(sourceSql)}`;

/** Approximate distinct counts of `columns` (aliases c0, c1, …): the default chart picks its categories from them. */
export const distinctCountsSql = (sourceSql: string, columns: readonly string[]): string =>
  `SELECT ${columns.map((c, i) => `approx_count_distinct(${ident(c)})::DOUBLE AS c${i}`).join(', ')} FROM ${subquery(sourceSql)}`;

/** Labels of row and column keys, gov_2021's first, for axis titles and legends. */
export const chartLabelsSql = `SELECT key, label_zh, label_en FROM labels ORDER BY (format = 'gov_2021') DESC, ord`;
