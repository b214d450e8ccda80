import { describe, expect, test } from 'vitest';
import { MAX_SCROLL_PX, scrollMap } from '../../src/components/gridScroll.ts';

describe('scrollMap(rows, rowPx, headPx, viewportPx)', () => {
  test('is the identity while the body fits under the cap', () => {
    const m = scrollMap(10_000, 28, 28, 400);
    expect(m.scaled).toBe(false);
    expect(m.bodyPx).toBe(280_000);
    expect(m.toVirtual(1234)).toBe(1234);
    expect(m.toScroll(1234)).toBe(1234);
    expect(m.maxVirtual).toBe(28 + 280_000 - 400);
  });

  test('caps a 5,000,000-row body and maps the scrollbar onto every row, the last included', () => {
    const m = scrollMap(5_000_000, 28, 28, 500);
    expect(m.scaled).toBe(true);
    expect(m.bodyPx).toBe(MAX_SCROLL_PX);
    const maxScroll = 28 + MAX_SCROLL_PX - 500;
    expect(m.toVirtual(0)).toBe(0);
    expect(m.toVirtual(maxScroll)).toBeCloseTo(m.maxVirtual, 3);
    // the last row's bottom meets the viewport's bottom
    expect(28 + 5_000_000 * 28 - m.maxVirtual).toBe(500);
    expect(m.toVirtual(maxScroll / 2)).toBeCloseTo(m.maxVirtual / 2, 3);
    expect(m.toScroll(m.toVirtual(12_345))).toBeCloseTo(12_345, 6);
  });

  test('clamps offsets outside the body', () => {
    const m = scrollMap(5_000_000, 28, 28, 500);
    expect(m.toVirtual(-10)).toBe(0);
    expect(m.toVirtual(1e12)).toBe(m.maxVirtual);
    expect(m.toScroll(-5)).toBe(0);
  });

  test('a result shorter than the viewport does not scroll', () => {
    const m = scrollMap(3, 28, 28, 500);
    expect(m.maxVirtual).toBe(0);
    expect(m.toVirtual(100)).toBe(0);
  });
});
