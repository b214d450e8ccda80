export interface OverviewData {
  totals: Record<string, number>;
  byFormat: [string, number][];
  byKind: [string, number][];
  byYear: [string, number][];
  /** null key: province not resolved */
  byProvince: [string | null, number][];
  /** failed rules by number of reports, most frequent first */
  topRules: [string, number][];
}

export function toOverview(rows: { dim: string; k: string | null; n: number }[]): OverviewData {
  const pick = (dim: string) => rows.filter((r) => r.dim === dim).map((r) => [r.k ?? '?', Number(r.n)] as [string, number]);
  return {
    totals: Object.fromEntries(pick('total')),
    byFormat: pick('format').sort((a, b) => b[1] - a[1]),
    byKind: pick('doc_kind').sort((a, b) => b[1] - a[1]),
    byYear: pick('year'),
    byProvince: rows
      .filter((r) => r.dim === 'province')
      .map((r) => [r.k, Number(r.n)] as [string | null, number])
      .sort((a, b) => b[1] - a[1]),
    topRules: pick('rule').sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 8),
  };
}
