import type { DuckDBConnection } from '@duckdb/node-api';
import type { SectionKey } from '../core/schema.ts';
import type { ReportSource, SimilarityReport } from '../core/similarity/findSimilar.ts';
import { quoteLiteral } from './sql.ts';

const BATCH = 500;

/**
 * The reports of the contract tables (reports, sections, texts) as findSimilar reads them: texts fetched by batches
 * of ids, so a national corpus never has to be in memory at once. Only annual reports are compared.
 */
export async function duckdbReportSource(connection: DuckDBConnection): Promise<ReportSource> {
  const rows = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  const ids = (await rows(`SELECT report_id FROM reports WHERE doc_kind = 'annual_report' ORDER BY report_id`)).map((r) => String(r.report_id));
  const fetch = async (want: readonly string[]): Promise<SimilarityReport[]> => {
    const out: SimilarityReport[] = [];
    for (let i = 0; i < want.length; i += BATCH) {
      const list = want.slice(i, i + BATCH).map(quoteLiteral).join(', ');
      if (!list) continue;
      const secs = new Map<string, { key: SectionKey; start: number; end: number }[]>();
      for (const s of await rows(`SELECT report_id, key, start, "end" FROM sections WHERE report_id IN (${list}) ORDER BY report_id, ord`)) {
        const id = String(s.report_id);
        (secs.get(id) ?? secs.set(id, []).get(id)!).push({ key: s.key as SectionKey, start: Number(s.start), end: Number(s.end) });
      }
      for (const r of await rows(`SELECT r.report_id, r.organ, r.province, r.city, r.county, t.text FROM reports r JOIN texts t USING (report_id) WHERE r.report_id IN (${list}) ORDER BY r.report_id`)) {
        const id = String(r.report_id);
        out.push({ report_id: id, text: String(r.text ?? ''), sections: secs.get(id) ?? [], names: [r.organ as string | null, r.province as string | null, r.city as string | null, r.county as string | null] });
      }
    }
    return out;
  };
  return {
    async scan(onReport) {
      for (let i = 0; i < ids.length; i += BATCH) for (const r of await fetch(ids.slice(i, i + BATCH))) onReport(r);
    },
    fetch,
  };
}
