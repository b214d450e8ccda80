// The rows a chart draws, column by column (Plot takes channel arrays; no per-row objects are built).
import type { Channel } from './chartSpec.ts';

export interface ChartData {
  /** number of rows (marks) */
  length: number;
  columns: Partial<Record<Channel, unknown[]>>;
  /** the source had more groups or rows than were read */
  truncated: boolean;
}

/** Plot wants numbers, dates and strings: nulls of category channels become a visible label, dates become Dates. */
export function normaliseColumn(values: Iterable<unknown>, nullLabel: string, keepNulls: boolean): unknown[] {
  const out: unknown[] = [];
  for (const v of values) {
    if (v === null || v === undefined) out.push(keepNulls ? null : nullLabel);
    else if (typeof v === 'bigint') out.push(Number(v));
    else if (typeof v === 'boolean') out.push(String(v));
    else out.push(v);
  }
  return out;
}
