// The words around a chart (axis and legend titles, its heading, value labels, the error shown): pure functions of
// the specification drawn, the language, the template's labels and the dictionary. ChartPanel only shows them.
import type { Lang } from '../i18n/i18n.svelte.ts';
import { zh, type MessageKey } from '../i18n/zh.ts';
import { measureChannel, needsRows, type Channel, type ChartSpec } from './chartSpec.ts';
import { ChartSpecError } from './chartSpecError.ts';
import { columnTitle, type LabelMap } from './columnTitle.ts';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface ChartWords {
  lang: Lang;
  labels: LabelMap;
  t: Translate;
}

const isKey = (key: string): key is MessageKey => key in zh;

/** A column's title: the app's own name for it, the data contract's, a template label, or the name. */
export function columnName(col: string, w: ChartWords): string {
  const key = `chart_col_${col}`;
  return columnTitle(col, w.lang, w.labels, isKey(key) ? w.t(key) : undefined);
}

/** A value as a reader knows it: a template key's label, a format's or a document kind's name. */
export function valueName(v: unknown, w: ChartWords): string {
  if (typeof v !== 'string') return String(v);
  const l = w.labels.get(v);
  if (l) return l[w.lang];
  for (const key of [`format_${v}`, `kind_${v}`]) if (isKey(key)) return w.t(key);
  return v;
}

function measureTitle(spec: ChartSpec, w: ChartWords): string {
  const col = spec[measureChannel(spec)];
  if (!col) return w.t('chart_count_label');
  if (needsRows(spec) || spec.aggregate === 'none') return columnName(col, w);
  return `${columnName(col, w)}（${w.t(`agg_${spec.aggregate}`)}）`;
}

/** Titles of the channels in use: the measure with its aggregate, the others by column. */
export function channelTitles(spec: ChartSpec | null, w: ChartWords): Partial<Record<Channel, string>> {
  const out: Partial<Record<Channel, string>> = {};
  if (!spec) return out;
  const m = measureChannel(spec);
  for (const ch of ['x', 'y', 'color', 'fx', 'fy'] as const) {
    if (ch === m) out[ch] = measureTitle(spec, w);
    else if (spec[ch]) out[ch] = columnName(spec[ch]!, w);
  }
  return out;
}

/** "申请数（合计）按机关" — what the chart shows, also the title of its SVG and PNG. */
export function chartHeading(spec: ChartSpec | null, titles: Partial<Record<Channel, string>>, w: ChartWords): string {
  if (!spec || !spec.x) return '';
  const m = measureChannel(spec);
  const base = spec.mark === 'dot' && needsRows(spec) ? `${titles.y} · ${titles.x}` : w.t('chart_title_by', { value: titles[m] ?? '', x: titles.x ?? '' });
  return base + (spec.color && m !== 'color' ? ` · ${titles.color}` : '');
}

/** The error shown over a chart: a specification that does not fit its columns in the UI's words, DuckDB's otherwise. */
export function chartErrorText(e: Error | null, spec: ChartSpec | null, w: ChartWords): string {
  if (!e) return '';
  if (e instanceof ChartSpecError) return w.t(`chart_err_${e.code}`, { column: e.column ?? '', agg: spec ? w.t(`agg_${spec.aggregate}`) : '' });
  return e.message;
}
