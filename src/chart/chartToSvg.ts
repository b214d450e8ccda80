// A chart as one standalone SVG file: Plot's figure holds the plot (SVG), and its legend either as SVG (colour
// ramps) or as HTML swatches, which are redrawn here in SVG so that the file carries its legend.
import { textWidth, type ChartTheme } from './renderChart.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
const SWATCH = 15;
const ROW = 22;

export interface StandaloneSvg {
  svg: string;
  width: number;
  height: number;
}

function serialise(el: Element): string {
  const view = el.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  const Serializer = view?.XMLSerializer ?? globalThis.XMLSerializer;
  return new Serializer().serializeToString(el);
}

/** `figure` is what renderChart returned; `title` becomes the file's first line of text. */
export function chartToSvg(figure: Element, theme: ChartTheme, title = ''): StandaloneSvg {
  const doc = figure.ownerDocument;
  const plots = figure instanceof doc.defaultView!.SVGSVGElement || figure.tagName.toLowerCase() === 'svg' ? [figure] : [...figure.children];
  const width = Math.max(...plots.filter((e) => e.tagName.toLowerCase() === 'svg').map((e) => Number(e.getAttribute('width')) || 0), 200);
  const root = doc.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('font-family', theme.font);
  root.setAttribute('font-size', '12');
  const bg = doc.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', theme.bg);
  root.append(bg);
  let y = 8;
  if (title) {
    const t = doc.createElementNS(SVG_NS, 'text');
    t.setAttribute('x', '8');
    t.setAttribute('y', String(y + 14));
    t.setAttribute('font-size', '14');
    t.setAttribute('font-weight', 'bold');
    t.setAttribute('fill', theme.fg);
    t.textContent = title;
    root.append(t);
    y += 24;
  }
  for (const el of plots) {
    const tag = el.tagName.toLowerCase();
    if (tag === 'svg') {
      const copy = el.cloneNode(true) as Element;
      copy.setAttribute('x', '0');
      copy.setAttribute('y', String(y));
      root.append(copy);
      y += Number(el.getAttribute('height')) || 0;
    } else if (tag === 'div' && /swatches/.test(el.getAttribute('class') ?? '')) {
      const g = doc.createElementNS(SVG_NS, 'g');
      let x = 8;
      let row = y;
      for (const span of el.querySelectorAll('span')) {
        const sw = span.querySelector('svg');
        const label = span.textContent ?? '';
        const w = SWATCH + 6 + textWidth(label) + 14;
        if (x + w > width && x > 8) {
          x = 8;
          row += ROW;
        }
        const rect = doc.createElementNS(SVG_NS, 'rect');
        rect.setAttribute('x', String(x));
        rect.setAttribute('y', String(row + 3));
        rect.setAttribute('width', String(SWATCH));
        rect.setAttribute('height', String(SWATCH));
        rect.setAttribute('fill', sw?.getAttribute('fill') ?? sw?.getAttribute('stroke') ?? theme.fg);
        const text = doc.createElementNS(SVG_NS, 'text');
        text.setAttribute('x', String(x + SWATCH + 6));
        text.setAttribute('y', String(row + 15));
        text.setAttribute('fill', theme.fg);
        text.textContent = label;
        g.append(rect, text);
        x += w;
      }
      root.append(g);
      y = row + ROW + 6;
    }
  }
  const height = Math.ceil(y + 4);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${serialise(root)}\n`, width, height };
}
