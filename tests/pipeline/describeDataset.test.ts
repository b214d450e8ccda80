import { describe, expect, it } from 'vitest';
import { describeDataset, type ReportCounts } from '../../src/pipeline/describeDataset.ts';

const counts = (extra: Partial<ReportCounts> = {}): ReportCounts => ({ n_reports: 0, formats: {}, doc_kinds: {}, years: {}, ...extra });

describe('describeDataset(counts, …)', () => {
  it('counts the uncertain cells by flag and the partial tables, and says so in both descriptions', () => {
    const d = describeDataset(counts({ flagged_cells: { split_ambiguous: 4, row_ambiguous: 2 }, partial_tables: 1 }), 2, 0);
    expect(d.flagged_cells).toEqual({ row_ambiguous: 2, split_ambiguous: 4, row_by_order: 0 });
    expect(d.partial_tables).toBe(1);
    expect(d.description_zh).toContain('存疑单元格 6 个，不完整的表 1 张');
    expect(d.description_en).toContain('6 uncertain (flagged) cells, 1 partial table');
    expect(describeDataset(counts(), 1, 0).description_en).not.toContain('uncertain');
  });
});
