// SVG snapshots of charts over deterministic data (normalised: rounded numbers, renumbered ids and classes).
// On a mismatch the new output is written beside the expected one as <name>-changed.svg for review;
// a missing expected file is written (commit it after looking at it).
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { describe, expect, test } from 'vitest';
import { EMPTY_SPEC, type ChartSpec } from '../../src/chart/chartSpec.ts';
import type { ChartData } from '../../src/chart/chartData.ts';
import { chartToSvg } from '../../src/chart/chartToSvg.ts';
import { DARK_THEME, LIGHT_THEME, renderChart, type ChartContext } from '../../src/chart/renderChart.ts';

const DIR = fileURLToPath(new URL('./svg/', import.meta.url));
const LABELS: Record<string, string> = {
  new_received: '一、本年新收政府信息公开申请数量',
  carried_over: '二、上年结转政府信息公开申请数量',
  granted: '（一）予以公开',
  partially_granted: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  natural_person: '自然人',
  legal_commercial: '商业企业',
};
const ORGANS = ['北京市人民政府办公厅', '上海市浦东新区人民政府', '广州市天河区人民政府', '成都市人民政府', '乌鲁木齐市水磨沟区人民政府'];

/** Seeded generator (mulberry32), so "random" data is the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const data = (columns: ChartData['columns']): ChartData => ({
  length: Object.values(columns)[0]!.length,
  columns,
  truncated: false,
});
const rnd = random(42);
const RAW_X = Array.from({ length: 200 }, () => Math.round(rnd() * 5000));
const RAW_Y = RAW_X.map((x) => Math.round(x * (0.3 + rnd() * 0.5)));
const RAW_C = RAW_X.map((_, i) => ['gov_2021', 'gov_2019'][i % 2]!);

const spec = (s: Partial<ChartSpec>): ChartSpec => ({ ...EMPTY_SPEC, ...s });
const CASES: { name: string; spec: ChartSpec; data: ChartData; dark?: boolean; width?: number }[] = [
  {
    name: 'bar-sum-horizontal',
    spec: spec({ mark: 'bar', x: 'organ', y: 'applications_received', aggregate: 'sum', sort: 'value-desc', horizontal: true }),
    data: data({ x: ORGANS, y: [152_340, 8_120, 3_004, 960, 12] }),
  },
  {
    name: 'bar-stacked-labels',
    spec: spec({ mark: 'bar', x: 'row_key', y: 'total', color: 'format', aggregate: 'sum' }),
    data: data({
      x: ['new_received', 'new_received', 'carried_over', 'granted', 'granted', 'partially_granted'],
      color: ['gov_2021', 'gov_2019', 'gov_2021', 'gov_2021', 'gov_2019', 'gov_2021'],
      y: [420, 300, 40, 250, 120, 30],
    }),
  },
  {
    name: 'bar-grouped',
    spec: spec({ mark: 'bar', x: 'report_year', y: 'total', color: 'col_key', aggregate: 'sum', layout: 'group' }),
    data: data({ x: [2021, 2021, 2022, 2022, 2023, 2023], color: ['natural_person', 'legal_commercial', 'natural_person', 'legal_commercial', 'natural_person', 'legal_commercial'], y: [120, 30, 180, 45, 260, 52] }),
  },
  {
    name: 'line-years-dark',
    dark: true,
    spec: spec({ mark: 'line', x: 'report_year', y: 'applications_received', color: 'format', aggregate: 'sum' }),
    data: data({ x: [2019, 2020, 2021, 2022, 2023, 2019, 2020, 2021, 2022, 2023], color: ['a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b'], y: [12_000, 15_500, 21_000, 26_400, 30_100, 4_000, 4_200, 5_100, 6_900, 8_800] }),
  },
  {
    name: 'area-stacked',
    spec: spec({ mark: 'area', x: 'report_year', y: 'total', color: 'col_key', aggregate: 'sum' }),
    data: data({ x: [2021, 2022, 2023, 2021, 2022, 2023], color: ['natural_person', 'natural_person', 'natural_person', 'legal_commercial', 'legal_commercial', 'legal_commercial'], y: [5, 8, 13, 2, 3, 5] }),
  },
  {
    name: 'dot-raw',
    spec: spec({ mark: 'dot', x: 'applications_received', y: 'granted', color: 'format', aggregate: 'none' }),
    data: data({ x: RAW_X, y: RAW_Y, color: RAW_C }),
  },
  {
    name: 'cell-heatmap',
    spec: spec({ mark: 'cell', x: 'report_year', y: 'row_key', color: 'total', aggregate: 'sum' }),
    data: data({ x: [2022, 2023, 2022, 2023, 2022, 2023], y: ['new_received', 'new_received', 'granted', 'granted', 'carried_over', 'carried_over'], color: [300, 420, 150, 250, 12, 40] }),
  },
  {
    name: 'rule-mean-share',
    spec: spec({ mark: 'rule', x: 'format', y: 'granted_share', aggregate: 'mean' }),
    data: data({ x: ['gov_2021', 'gov_2019', 'pre_2019'], y: [0.62, 0.48, 0.3] }),
  },
  {
    name: 'text-values',
    spec: spec({ mark: 'text', x: 'report_year', y: 'lawsuits', aggregate: 'sum' }),
    data: data({ x: [2020, 2021, 2022, 2023], y: [3, 9, 14, 21] }),
  },
  {
    name: 'box-by-format',
    spec: spec({ mark: 'box', x: 'format', y: 'applications_received', aggregate: 'none' }),
    data: data({ x: RAW_C, y: RAW_X }),
  },
  {
    name: 'bar-log-topn-phone',
    width: 360,
    spec: spec({ mark: 'bar', x: 'organ', y: 'applications_received', aggregate: 'sum', scale: 'log', top: 3, sort: 'value-desc' }),
    data: data({ x: [ORGANS[0], ORGANS[1], ORGANS[2], '其他'], y: [152_340, 81_200, 30_040, 1_200_000] }),
  },
  {
    name: 'bar-facet-fx',
    spec: spec({ mark: 'bar', x: 'status', y: null, fx: 'severity', aggregate: 'count' }),
    data: data({ x: ['pass', 'fail', 'skipped', 'pass', 'fail'], fx: ['error', 'error', 'error', 'warning', 'warning'], y: [40, 3, 7, 12, 1] }),
  },
];

const TITLES: Record<string, string> = {
  organ: '发布机关', applications_received: '收到申请数', total: '总计', row_key: '行', format: '报告格式', report_year: '报告年度',
  col_key: '列', granted: '予以公开', granted_share: '予以公开比例', lawsuits: '行政诉讼', status: '结果', severity: '级别',
};

function context(doc: Document, c: (typeof CASES)[number]): ChartContext {
  const titles: ChartContext['titles'] = {};
  for (const ch of ['x', 'y', 'color', 'fx', 'fy'] as const) {
    const col = c.spec[ch];
    if (col) titles[ch] = TITLES[col] ?? col;
  }
  return {
    width: c.width ?? 640,
    lang: 'zh',
    titles,
    valueLabel: (v) => (typeof v === 'string' ? (LABELS[v] ?? v) : String(v)),
    theme: c.dark ? DARK_THEME : LIGHT_THEME,
    document: doc,
  };
}

/** Stable text for a snapshot: numbers to 1 decimal, Plot's generated class and ids renumbered. */
export function normalise(svg: string): string {
  const ids = new Map<string, string>();
  const declaration = svg.slice(0, svg.indexOf('\n') + 1); // keeps version="1.0" as it is
  return declaration + svg.slice(declaration.length)
    .replace(/plot-[0-9a-f]{6}/g, 'plot')
    .replace(/\bid="([^"]+)"/g, (_, id: string) => {
      if (!ids.has(id)) ids.set(id, `id${ids.size + 1}`);
      return `id="${ids.get(id)}"`;
    })
    .replace(/url\(#([^)]+)\)/g, (m, id: string) => (ids.has(id) ? `url(#${ids.get(id)})` : m))
    .replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
    .replace(/></g, '>\n<');
}

describe('renderChart(spec, data, context) → standalone SVG', () => {
  const window = new Window();
  const doc = window.document as unknown as Document;
  // happy-dom has no canvas; Plot paints colour-ramp legends on one. A fixed image stands in for the pixels.
  Object.assign(window.HTMLCanvasElement.prototype, {
    getContext: () => ({ fillStyle: '', fillRect: () => {} }),
    toDataURL: () => 'data:image/png;base64,RAMP',
  });

  test.each(CASES)('$name', async (c) => {
    const figure = renderChart(c.spec, c.data, context(doc, c));
    const { svg, width, height } = chartToSvg(figure as Element, c.dark ? DARK_THEME : LIGHT_THEME);
    expect(width).toBeGreaterThan(0);
    expect(height).toBeGreaterThan(100);
    expect(svg).toMatch(/^<\?xml[^>]*>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const actual = normalise(svg);
    const file = join(DIR, `${c.name}.svg`);
    const changed = join(DIR, `${c.name}-changed.svg`);
    if (!existsSync(file)) {
      await writeFile(file, actual);
      return;
    }
    const expected = await readFile(file, 'utf8');
    if (actual !== expected) await writeFile(changed, actual);
    else await rm(changed, { force: true });
    expect(actual, `${c.name}: see ${changed}`).toBe(expected);
  });

  test('category keys get their Chinese labels on the axis, and the legend is in the SVG', () => {
    const c = CASES[1]!;
    const { svg } = chartToSvg(renderChart(c.spec, c.data, context(doc, c)) as Element, LIGHT_THEME);
    expect(svg).toContain('>一、本年新收政府信息公开申请数量</text>');
    expect(svg).toContain('>（二）部分公开（区分处理的，只计这…</text>');
    expect(svg).toContain('>gov_2019</text>');
  });

  test('large counts are ticked in 万', () => {
    const c = CASES[0]!;
    const { svg } = chartToSvg(renderChart(c.spec, c.data, context(doc, c)) as Element, LIGHT_THEME);
    expect(svg).toMatch(/>1[0-9.]*万</);
  });
});
