// One click, a useful chart: a default specification from the source's column types (and distinct counts when known).
import { EMPTY_SPEC, type ChartSpec } from './chartSpec.ts';
import { isNumericType, isTemporalType, isYearColumn, type SourceColumn } from './columnKinds.ts';

/** Columns that are positions, ids or prose: never a default axis. */
const NOT_A_MEASURE = /^(ord|start|end|lhs|rhs|n_chars)$|_id$|^id$/i;
const NOT_A_CATEGORY = /^report_id$|^id$|^(title|source_file|message_zh|message_en|sentence|text|raw|heading|label_en|unit)$/i;
const PREFERRED_MEASURE = /^(total|applications_received|value|count|n)$|_total$|^n_/i;

export interface ColumnStats {
  /** approximate distinct values per column */
  distinct: ReadonlyMap<string, number>;
}

export function defaultSpec(columns: readonly SourceColumn[], stats?: ColumnStats): ChartSpec {
  const distinct = (c: SourceColumn): number | undefined => stats?.distinct.get(c.name);
  const fewValues = (c: SourceColumn, max: number): boolean => {
    const n = distinct(c);
    return n === undefined || (n >= 2 && n <= max);
  };
  const years = columns.filter((c) => (isYearColumn(c) || isTemporalType(c.type)) && fewValues(c, 500));
  const measures = columns.filter((c) => isNumericType(c.type) && !isYearColumn(c) && !NOT_A_MEASURE.test(c.name));
  const categories = columns.filter(
    (c) => !isNumericType(c.type) && !isTemporalType(c.type) && !NOT_A_CATEGORY.test(c.name) && fewValues(c, 60),
  );
  const measure = measures.find((c) => PREFERRED_MEASURE.test(c.name)) ?? measures[0];
  // x: the category with most values (within reason); colour: one with few values (2–8).
  const byDistinct = [...categories].sort((a, b) => (distinct(b) ?? 0) - (distinct(a) ?? 0));
  const category = byDistinct[0];
  const colour = [...categories].reverse().find((c) => c !== category && fewValues(c, 8) && distinct(c) !== undefined);
  const year = years[0];
  const horizontal = category !== undefined && (distinct(category) ?? 10) > 6;

  if (year && measure && (distinct(year) ?? 3) >= 3) {
    return { ...EMPTY_SPEC, mark: 'line', x: year.name, y: measure.name, aggregate: 'sum', color: null };
  }
  if (category && measure) {
    return { ...EMPTY_SPEC, mark: 'bar', x: category.name, y: measure.name, aggregate: 'sum', sort: 'value-desc', horizontal };
  }
  if (measures.length >= 2) {
    const [a, b] = measure === measures[0] ? [measures[0]!, measures[1]!] : [measures[0]!, measure!];
    return { ...EMPTY_SPEC, mark: 'dot', x: a.name, y: b.name, aggregate: 'none' };
  }
  if (category) {
    return {
      ...EMPTY_SPEC, mark: 'bar', x: category.name, aggregate: 'count', sort: 'value-desc', horizontal,
      color: colour?.name ?? null,
    };
  }
  if (year) return { ...EMPTY_SPEC, mark: measure ? 'line' : 'bar', x: year.name, y: measure?.name ?? null, aggregate: measure ? 'sum' : 'count' };
  const any = columns.find((c) => !NOT_A_CATEGORY.test(c.name)) ?? columns[0];
  return { ...EMPTY_SPEC, mark: 'bar', x: any?.name ?? null, aggregate: 'count', sort: 'value-desc', top: 20, horizontal: true };
}
