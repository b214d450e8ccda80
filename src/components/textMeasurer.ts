import { displayWidth } from './cellFormat.ts';

const FONT = "13px system-ui, -apple-system, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
let ctx: CanvasRenderingContext2D | null | undefined;

/** Pixel width of a string in the grid's font (canvas measurement; an estimate where there is no canvas). */
export function textMeasurer(): (s: string, bold: boolean) => number {
  if (ctx === undefined) ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  const c = ctx;
  if (!c) return (s) => displayWidth(s) * 7.5;
  return (s, bold) => {
    c.font = bold ? `600 ${FONT}` : FONT;
    return c.measureText(s.length > 200 ? s.slice(0, 200) : s).width;
  };
}
