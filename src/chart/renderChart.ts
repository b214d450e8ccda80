// A chart is a pure function of (spec, data, context): Observable Plot options from the aggregated rows.
import * as Plot from '@observablehq/plot';
import type { Lang } from '../i18n/i18n.svelte.ts';
import { measureChannel, needsRows, type Channel, type ChartSpec } from './chartSpec.ts';
import type { ChartData } from './chartData.ts';
import { formatExact, formatPercent, formatTick, isShareColumn } from './formatNumber.ts';

export interface ChartTheme {
  fg: string;
  bg: string;
  /** colour of a single series */
  accent: string;
  font: string;
}

export interface ChartContext {
  width: number;
  lang: Lang;
  /** axis or legend title of a channel */
  titles: Partial<Record<Channel, string>>;
  /** display text of a category value (template keys → Chinese labels) */
  valueLabel: (v: unknown) => string;
  theme: ChartTheme;
  /** document to create elements in (tests run Plot in a DOM of their own) */
  document?: Document;
}

export const LIGHT_THEME: ChartTheme = { fg: '#1d1d1f', bg: '#ffffff', accent: '#4269d0', font: 'system-ui, sans-serif' };
export const DARK_THEME: ChartTheme = { fg: '#ececee', bg: '#1f1f22', accent: '#6cc5b0', font: 'system-ui, sans-serif' };

const FONT_PX = 12;
/** Rough width of a label: CJK characters are square, Latin about half. */
export function textWidth(s: string, px = FONT_PX): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\uffff]/u.test(ch) ? px : px * 0.6;
  return w;
}
const MAX_LABEL_CHARS = 18;
const shorten = (s: string): string => ([...s].length > MAX_LABEL_CHARS ? [...s].slice(0, MAX_LABEL_CHARS - 1).join('') + '…' : s);

function uniqueInOrder(values: readonly unknown[]): unknown[] {
  return [...new Set(values)];
}

export function renderChart(spec: ChartSpec, data: ChartData, ctx: ChartContext): SVGSVGElement | HTMLElement {
  const c = data.columns;
  const D = { length: data.length };
  const measure = measureChannel(spec);
  const measureCol = spec[measure];
  const share = isShareColumn(measureCol) && spec.aggregate !== 'count' && spec.aggregate !== 'distinct' && spec.aggregate !== 'sum';
  const fmtValue = (v: unknown) => (share ? formatPercent(v) : formatExact(v, ctx.lang));
  const fmtTick = (v: unknown) => (share ? formatPercent(v) : formatTick(v, ctx.lang));
  const fmtCategory = (v: unknown) => (typeof v === 'number' ? String(v) : v instanceof Date ? v.toISOString().slice(0, 10) : ctx.valueLabel(v));
  const fmtAxisCategory = (v: unknown) => shorten(fmtCategory(v));
  const title = (ch: Channel) => ctx.titles[ch] ?? null;
  const log = spec.scale === 'log';

  const isCategorical = (values: unknown[] | undefined) => values !== undefined && values.some((v) => typeof v === 'string');
  const xValues = c.x ?? [];
  const xDomain = uniqueInOrder(xValues);
  const colorValues = c.color;
  const hasColor = colorValues !== undefined && spec.color !== null;
  const continuousColor = measure === 'color';
  const ordinalX = spec.mark === 'bar' || spec.mark === 'box' || spec.mark === 'cell' || isCategorical(xValues);
  const horizontal = spec.horizontal && (spec.mark === 'bar' || spec.mark === 'box' || spec.mark === 'rule');
  const grouped = spec.layout === 'group' && hasColor && !continuousColor && spec.fx === null && (spec.mark === 'bar' || spec.mark === 'rule');

  const tipFormat: Record<string, Plot.TipFormat | boolean> = {
    x: horizontal ? fmtValue : ordinalX ? fmtCategory : true,
    y: horizontal ? fmtCategory : measure === 'y' ? fmtValue : fmtCategory,
    fx: fmtCategory,
    fy: fmtCategory,
    fill: continuousColor ? fmtValue : fmtCategory,
    stroke: fmtCategory,
  };
  const tip = { format: tipFormat } as Plot.TipOptions;
  const series = hasColor && !continuousColor ? colorValues : undefined;
  const fill = series ?? ctx.theme.accent;

  const facet = { fx: c.fx, fy: c.fy };
  const marks: Plot.Markish[] = [];
  const catAxis = { label: title('x'), tickFormat: fmtAxisCategory, domain: xDomain };
  const valueAxis = { label: title(measure === 'y' ? 'y' : 'x'), tickFormat: fmtTick, type: log ? ('log' as const) : ('linear' as const), grid: true };

  let xScale: Plot.ScaleOptions = {};
  let yScale: Plot.ScaleOptions = {};
  let fxScale: Plot.ScaleOptions = { label: title('fx'), tickFormat: fmtAxisCategory };
  let fyScale: Plot.ScaleOptions = { label: title('fy'), tickFormat: fmtAxisCategory };
  let marginLeft: number | undefined;
  let marginBottom: number | undefined;
  let height = ctx.width < 500 ? 320 : 420;
  const longest = Math.max(0, ...xDomain.map((v) => textWidth(fmtAxisCategory(v))));

  switch (spec.mark) {
    case 'bar':
    case 'rule': {
      const cat = grouped ? { ...facet, [horizontal ? 'fy' : 'fx']: xValues, [horizontal ? 'y' : 'x']: colorValues } : { ...facet, [horizontal ? 'y' : 'x']: xValues };
      const val = horizontal ? { x: c.y } : { y: c.y };
      if (spec.mark === 'bar') {
        // a log scale has no zero: bars start at 1 and are not stacked
        const ones = log ? new Array<number>(data.length).fill(1) : null;
        const span = ones ? (horizontal ? { x1: ones, x2: c.y } : { y1: ones, y2: c.y }) : val;
        const o = { ...cat, ...span, fill, tip } as Plot.BarYOptions;
        marks.push(horizontal ? Plot.barX(D, o as Plot.BarXOptions) : Plot.barY(D, o));
      } else {
        const zeros = new Array<number>(data.length).fill(log ? 1 : 0);
        const o = horizontal ? { ...cat, x1: zeros, x2: c.y } : { ...cat, y1: zeros, y2: c.y };
        const stroke = series ?? ctx.theme.accent;
        marks.push(horizontal ? Plot.ruleY(D, { ...o, stroke, strokeWidth: 2 }) : Plot.ruleX(D, { ...o, stroke, strokeWidth: 2 }));
        marks.push(Plot.dot(D, { ...cat, ...val, fill: stroke, r: 3, tip }));
      }
      if (!log) marks.push(horizontal ? Plot.ruleX([0]) : Plot.ruleY([0]));
      const groupedAxis = grouped ? { axis: null, domain: uniqueInOrder(colorValues ?? []) } : catAxis;
      if (horizontal) {
        xScale = valueAxis;
        // the category labels fill the left margin; the heading above the chart names them
        yScale = { ...groupedAxis, label: null };
        if (grouped) fyScale = { ...fyScale, label: title('x'), domain: xDomain };
        marginLeft = Math.min(ctx.width * 0.45, longest + 14);
        marginBottom = 44; // room for the value axis label under its ticks
        const rows = xDomain.length * (grouped ? uniqueInOrder(colorValues ?? []).length : 1);
        height = Math.max(200, Math.min(2400, rows * (grouped ? 14 : 22) + 70));
      } else {
        xScale = groupedAxis;
        yScale = valueAxis;
        if (grouped) fxScale = { ...fxScale, label: title('x'), domain: xDomain };
        const slot = (ctx.width - 60) / Math.max(1, xDomain.length);
        if (longest > slot - 4) {
          xScale = grouped ? xScale : { ...xScale, tickRotate: -40 };
          if (grouped) fxScale = { ...fxScale, tickRotate: -40 };
          marginBottom = Math.min(200, longest * 0.7 + 30);
        }
      }
      break;
    }
    case 'line':
    case 'area':
    case 'text':
    case 'dot': {
      const o = { ...facet, x: xValues, y: c.y };
      if (spec.mark === 'line') {
        marks.push(Plot.lineY(D, { ...o, stroke: series ?? ctx.theme.accent, z: series, marker: data.length <= 60 ? 'circle-stroke' : null, tip }));
      } else if (spec.mark === 'area') {
        const stack = spec.layout === 'stack';
        marks.push(
          stack
            ? Plot.areaY(D, { ...o, fill: series ?? ctx.theme.accent, z: series, fillOpacity: 0.85, tip })
            : Plot.areaY(D, { ...facet, x: xValues, y2: c.y, y1: 0, fill: series ?? ctx.theme.accent, z: series, fillOpacity: 0.35, tip }),
        );
        if (!log) marks.push(Plot.ruleY([0]));
      } else if (spec.mark === 'text') {
        marks.push(Plot.text(D, { ...o, text: (c.y ?? []).map(fmtValue), fill: series ?? ctx.theme.fg, fontSize: 12, tip }));
      } else {
        const raw = needsRows(spec);
        marks.push(Plot.dot(D, { ...o, stroke: series ?? ctx.theme.accent, r: raw ? 2.5 : 4, fillOpacity: 0.2, fill: series ?? ctx.theme.accent, tip }));
      }
      xScale = ordinalX
        ? catAxis
        : xValues.every((v) => v === null || Number.isInteger(v))
          ? // whole numbers (years): no ticks between them, no thousands separator
            { label: title('x'), ticks: Math.min(10, xDomain.length), tickFormat: (v: unknown) => (Number.isInteger(v) ? (Math.abs(v as number) < 10_000 ? String(v) : fmtTick(v)) : '') }
          : { label: title('x'), tickFormat: fmtTick };
      if (xValues.some((v) => v instanceof Date)) xScale = { label: title('x') };
      yScale = needsRows(spec) && !log ? { ...valueAxis, label: title('y') } : valueAxis;
      if (spec.mark === 'text') yScale = { ...yScale, inset: 16 }; // labels drawn on the extremes stay inside
      if (ordinalX && longest > (ctx.width - 60) / Math.max(1, xDomain.length) - 4) {
        xScale = { ...xScale, tickRotate: -40 };
        marginBottom = Math.min(200, longest * 0.7 + 30);
      }
      break;
    }
    case 'cell': {
      const yDomain = uniqueInOrder(c.y ?? []);
      marks.push(Plot.cell(D, { ...facet, x: xValues, y: c.y, fill: c.color, inset: 0.5, tip }));
      if (data.length <= 150) {
        marks.push(Plot.text(D, { ...facet, x: xValues, y: c.y, text: (c.color ?? []).map((v) => fmtTick(v)), fill: 'currentColor', fontSize: 11, stroke: ctx.theme.bg, strokeWidth: 3, paintOrder: 'stroke' }));
      }
      xScale = catAxis;
      yScale = { label: null, tickFormat: fmtAxisCategory, domain: yDomain };
      const longestY = Math.max(0, ...yDomain.map((v) => textWidth(fmtAxisCategory(v))));
      marginLeft = Math.min(ctx.width * 0.45, longestY + 14);
      height = Math.max(200, Math.min(2400, yDomain.length * 26 + 80));
      if (longest > (ctx.width - marginLeft) / Math.max(1, xDomain.length) - 4) {
        xScale = { ...xScale, tickRotate: -40 };
        marginBottom = Math.min(200, longest * 0.7 + 30);
      }
      break;
    }
    case 'box': {
      const cat = c.x ? (horizontal ? { y: xValues } : { x: xValues }) : {};
      marks.push(horizontal ? Plot.boxX(D, { ...facet, ...cat, x: c.y, fill: ctx.theme.accent, stroke: ctx.theme.fg }) : Plot.boxY(D, { ...facet, ...cat, y: c.y, fill: ctx.theme.accent, stroke: ctx.theme.fg }));
      if (horizontal) {
        xScale = valueAxis;
        yScale = c.x ? { ...catAxis, label: null } : {};
        if (c.x) marginLeft = Math.min(ctx.width * 0.45, longest + 14);
        if (c.x) height = Math.max(200, Math.min(2400, xDomain.length * 28 + 70));
      } else {
        yScale = valueAxis;
        xScale = c.x ? catAxis : {};
        if (c.x && longest > (ctx.width - 60) / Math.max(1, xDomain.length) - 4) {
          xScale = { ...xScale, tickRotate: -40 };
          marginBottom = Math.min(200, longest * 0.7 + 30);
        }
      }
      break;
    }
  }
  if (c.fy) height = Math.min(3000, height * Math.min(4, uniqueInOrder(c.fy).length) * 0.7);

  const colorScale: Plot.ScaleOptions = continuousColor
    ? { type: log ? 'log' : 'linear', scheme: 'ylgnbu', legend: true, label: title('color'), tickFormat: fmtTick }
    : hasColor
      ? { type: 'ordinal', scheme: 'observable10', legend: true, label: title('color'), tickFormat: fmtAxisCategory, domain: uniqueInOrder(colorValues ?? []) }
      : {};

  // Plot's default margins are sized for 10px text; ours is 12px, and axis labels sit under the ticks.
  const hasFx = c.fx !== undefined || (grouped && !horizontal);
  return Plot.plot({
    width: ctx.width,
    height,
    marginLeft: Math.max(marginLeft ?? 0, 56),
    marginBottom: Math.max(marginBottom ?? 0, 44),
    marginTop: hasFx ? 44 : 28,
    marginRight: 20,
    // --plot-background is what tips are filled with: the theme's, not Plot's white
    style: {
      color: ctx.theme.fg, background: ctx.theme.bg, '--plot-background': ctx.theme.bg,
      'font-size': `${FONT_PX}px`, 'font-family': ctx.theme.font, overflow: 'visible',
    } as Partial<CSSStyleDeclaration>,
    x: xScale,
    y: yScale,
    fx: fxScale,
    fy: fyScale,
    color: colorScale,
    marks,
    ...(ctx.document ? { document: ctx.document } : {}),
  });
}
