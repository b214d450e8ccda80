// Category labels come from data (organ names, titles, file names): Observable Plot must draw them as text, and the
// SVG export (chartToSvg → XMLSerializer) must escape them, so that neither the page nor the file carries markup.
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { EMPTY_SPEC, type ChartSpec } from '../../src/chart/chartSpec.ts';
import { chartToSvg } from '../../src/chart/chartToSvg.ts';
import { LIGHT_THEME, renderChart, type ChartContext } from '../../src/chart/renderChart.ts';
import { HOSTILE } from './hostile.ts';

const window = new Window();
const doc = window.document as unknown as Document;

function ctx(): ChartContext {
  return {
    width: 640,
    lang: 'zh',
    titles: { x: HOSTILE.script, y: '数量', color: HOSTILE.attr },
    valueLabel: (v) => String(v),
    theme: LIGHT_THEME,
    document: doc,
  };
}

const spec = (s: Partial<ChartSpec>): ChartSpec => ({ ...EMPTY_SPEC, ...s });
const LABELS = Object.values(HOSTILE);

/** Elements a label could have smuggled in, and attributes that run code. */
function injected(root: Element): string[] {
  const out: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (['script', 'img', 'iframe', 'object', 'embed', 'foreignobject', 'a'].includes(tag)) out.push(tag);
    for (const a of el.getAttributeNames()) if (/^on/i.test(a) || /javascript:/i.test(el.getAttribute(a) ?? '')) out.push(`${tag}@${a}`);
  }
  return out;
}

describe('chart labels from data render as text', () => {
  const cases: [string, ChartSpec, ChartContext['titles']][] = [
    ['bars with hostile categories and legend', spec({ mark: 'bar', x: 'organ', y: 'n', color: 'organ', aggregate: 'sum', horizontal: true }), {}],
    ['vertical bars', spec({ mark: 'bar', x: 'organ', y: 'n', aggregate: 'sum' }), {}],
    ['text marks', spec({ mark: 'text', x: 'organ', y: 'n', aggregate: 'sum' }), {}],
  ];

  it.each(cases)('%s', (_name, s) => {
    const data = { length: LABELS.length, truncated: false, columns: { x: LABELS, y: LABELS.map((_, i) => i + 1), ...(s.color ? { color: LABELS } : {}) } };
    const figure = renderChart(s, data, ctx()) as Element;
    const host = doc.createElement('div');
    host.append(figure);
    expect(injected(host)).toEqual([]);
    // the characters are there, as text (the axis shortens long labels; the script label is short enough)
    expect(host.textContent).toContain('<img src=x');
    expect(host.textContent).toContain(HOSTILE.script.slice(0, 17));

    const { svg } = chartToSvg(figure, LIGHT_THEME, HOSTILE.attr);
    expect(svg).not.toMatch(/<(?:script|img|iframe|foreignObject)\b|<[^>]*\son\w+\s*=/i);
    expect(svg).toContain('&lt;script&gt;');
    // the file parses as SVG and gives the labels back as text
    const parsed = new window.DOMParser().parseFromString(svg, 'image/svg+xml');
    const root = parsed.documentElement as unknown as Element;
    expect(root.tagName.toLowerCase()).toBe('svg');
    expect(injected(root)).toEqual([]);
    expect(root.textContent).toContain(HOSTILE.attr);
  });
});
