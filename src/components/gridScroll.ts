// Vertical scrolling of a grid taller than a browser lets an element be (Chromium stops near 33.5 million px,
// Firefox near 17.9 million): the scrollable height is capped and the scrollbar maps onto the rows proportionally.
// Below the cap the mapping is the identity, so small results scroll exactly as before.

/** Tallest scrollable body, in px, kept well under every browser's limit. */
export const MAX_SCROLL_PX = 8_000_000;

export interface ScrollMap {
  /** height of the body element */
  bodyPx: number;
  /** scrollTop (px) → offset of the rows (px, in a virtual body of rows × rowPx) */
  toVirtual(scrollTop: number): number;
  /** the inverse: scrollTop that shows the rows from `virtualTop` */
  toScroll(virtualTop: number): number;
  /** largest virtual offset: the last row sits at the bottom of the viewport */
  maxVirtual: number;
  scaled: boolean;
}

/**
 * `headPx` is the sticky header inside the scrolled element, `viewportPx` the element's client height.
 */
export function scrollMap(rows: number, rowPx: number, headPx: number, viewportPx: number, cap = MAX_SCROLL_PX): ScrollMap {
  const virtualPx = rows * rowPx;
  const bodyPx = Math.min(virtualPx, cap);
  const maxVirtual = Math.max(0, headPx + virtualPx - viewportPx);
  const maxScroll = Math.max(0, headPx + bodyPx - viewportPx);
  const clampV = (v: number) => Math.min(Math.max(0, v), maxVirtual);
  if (bodyPx === virtualPx || maxScroll === 0) {
    return { bodyPx, maxVirtual, scaled: false, toVirtual: (s) => clampV(s), toScroll: (v) => clampV(v) };
  }
  const k = maxVirtual / maxScroll;
  return {
    bodyPx,
    maxVirtual,
    scaled: true,
    toVirtual: (s) => clampV(s * k),
    toScroll: (v) => clampV(v) / k,
  };
}
