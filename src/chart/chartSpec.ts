// The chart specification: plain JSON, so it can live in the URL and in tests.

export const MARKS = ['bar', 'line', 'area', 'dot', 'cell', 'rule', 'text', 'box'] as const;
export type Mark = (typeof MARKS)[number];

/** 'none' plots rows as they are (dot only); box always reads rows. */
export const AGGREGATES = ['count', 'sum', 'mean', 'median', 'min', 'max', 'distinct', 'none'] as const;
export type Aggregate = (typeof AGGREGATES)[number];

export const SORTS = ['x', 'value-desc', 'value-asc'] as const;
export type SortOrder = (typeof SORTS)[number];

export const LAYOUTS = ['stack', 'group'] as const;
export type Layout = (typeof LAYOUTS)[number];

export const SCALES = ['linear', 'log'] as const;
export type ScaleType = (typeof SCALES)[number];

export const CHANNELS = ['x', 'y', 'color', 'fx', 'fy'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface ChartSpec {
  mark: Mark;
  x: string | null;
  y: string | null;
  color: string | null;
  fx: string | null;
  fy: string | null;
  aggregate: Aggregate;
  sort: SortOrder;
  layout: Layout;
  /** scale of the measured value (y; the colour of a heat map) */
  scale: ScaleType;
  /** keep the N largest x categories, the rest merged into one "other" */
  top: number | null;
  /** bars drawn left to right, categories down the side (long Chinese labels stay readable) */
  horizontal: boolean;
}

export const EMPTY_SPEC: ChartSpec = {
  mark: 'bar', x: null, y: null, color: null, fx: null, fy: null,
  aggregate: 'count', sort: 'x', layout: 'stack', scale: 'linear', top: null, horizontal: false,
};

/** The channel that carries the aggregated value: y, except for a heat map where it is the colour. */
export const measureChannel = (spec: Pick<ChartSpec, 'mark'>): 'y' | 'color' => (spec.mark === 'cell' ? 'color' : 'y');

/** Whether the chart reads raw rows instead of a GROUP BY. */
export const needsRows = (spec: Pick<ChartSpec, 'mark' | 'aggregate'>): boolean =>
  spec.mark === 'box' || (spec.mark === 'dot' && spec.aggregate === 'none');

const oneOf = <T extends string>(list: readonly T[], v: unknown, fallback: T): T =>
  typeof v === 'string' && (list as readonly string[]).includes(v) ? (v as T) : fallback;
const column = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 && v.length < 256 ? v : null);

/** A ChartSpec from anything (URL, storage); unknown values fall back to defaults, never throws. */
export function parseChartSpec(value: unknown): ChartSpec | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const o = value as Record<string, unknown>;
  const top = typeof o.top === 'number' && Number.isInteger(o.top) && o.top >= 1 && o.top <= 1000 ? o.top : null;
  return {
    mark: oneOf(MARKS, o.mark, EMPTY_SPEC.mark),
    x: column(o.x),
    y: column(o.y),
    color: column(o.color),
    fx: column(o.fx),
    fy: column(o.fy),
    aggregate: oneOf(AGGREGATES, o.aggregate, EMPTY_SPEC.aggregate),
    sort: oneOf(SORTS, o.sort, EMPTY_SPEC.sort),
    layout: oneOf(LAYOUTS, o.layout, EMPTY_SPEC.layout),
    scale: oneOf(SCALES, o.scale, EMPTY_SPEC.scale),
    top,
    horizontal: o.horizontal === true,
  };
}
