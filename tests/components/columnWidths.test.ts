import { describe, expect, it } from 'vitest';
import { initialWidths, widened } from '../../src/components/columnWidths.ts';

const measure = (s: string) => s.length * 7;
const rows = [['a', '1'], ['a much longer value', '22'], ['b', '333333333']];
const cell = (r: number, c: number) => rows[r]?.[c] ?? null;

describe('results grid column widths', () => {
  it('fit the header and the first rows, within bounds', () => {
    expect(initialWidths(['name', 'n'], 1, cell, measure)).toEqual([48, 48]);
    expect(initialWidths(['name', 'n'], 3, cell, measure)).toEqual([151, 81]);
    expect(initialWidths(['x'.repeat(100)], 0, cell, measure)).toEqual([360]);
  });
  it('widen to longer values on screen, never narrow; nothing to do gives null', () => {
    expect(widened([48, 48], 1, 3, cell, measure)).toEqual([151, 81]);
    expect(widened([200, 100], 0, 3, cell, measure)).toBeNull();
    expect(widened([48, 48], 5, 9, cell, measure)).toBeNull();
  });
});
