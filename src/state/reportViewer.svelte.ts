import type { CellRow, CheckRow, FactRow, LabelRow, ReportRow, SectionRow } from '../core/schema.ts';
import type { Engine } from '../db/engine.ts';
import { quote } from './catalogQuery.ts';
import type { UrlPart } from './urlPart.ts';

export interface ReportData {
  report: ReportRow;
  text: string;
  sections: SectionRow[];
  cells: CellRow[];
  checks: CheckRow[];
  facts: FactRow[];
  /** labels of the report's format, or of gov_2021 for formats without a template */
  labels: LabelRow[];
}

const REPORT_ID = /^[0-9a-f]{16}$/;

/** SQL that shows one report's numbers with their Chinese labels (the viewer's "open in SQL" button). */
export function reportCellsSql(id: string): string {
  return `SELECT c.table_id, c.row_key, coalesce(lr.label_zh, c.row_label) AS row_label, c.col_key, lc.label_zh AS col_label,
  c.value, c.raw, c.unit, c.state, c.start, c."end"
FROM cells c
JOIN reports r USING (report_id)
LEFT JOIN labels lr ON lr.format = r.format AND lr.table_id = c.table_id AND lr.kind = 'row' AND lr.key = c.row_key
LEFT JOIN labels lc ON lc.format = r.format AND lc.table_id = c.table_id AND lc.kind = 'col' AND lc.key = c.col_key
WHERE c.report_id = ${quote(id)}
ORDER BY c.start;`;
}

const rows = async <T>(engine: Engine, sql: string): Promise<T[]> =>
  (await engine.sys(sql)).toArray().map((r) => r.toJSON() as T);

/** The report open in the viewer; its text and numbers are fetched on open (texts load lazily). */
export class ReportViewer implements UrlPart {
  readonly key = 'report';
  reportId = $state<string | null>(null);
  data = $state.raw<ReportData | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  private token = 0;

  constructor(private readonly engine: () => Engine | null) {}

  async open(id: string): Promise<void> {
    this.reportId = id;
    const engine = this.engine();
    if (!engine) return; // opened again by the workbench once DuckDB is ready
    const my = ++this.token;
    this.loading = true;
    this.error = null;
    try {
      const q = quote(id);
      const [report] = await rows<ReportRow>(engine, `SELECT * EXCLUDE (published_date), CAST(published_date AS VARCHAR) AS published_date FROM reports WHERE report_id = ${q}`);
      if (!report) throw new Error(`report ${id} not found`);
      await engine.ensureTable('texts');
      const [textRow] = await rows<{ text: string }>(engine, `SELECT text FROM texts WHERE report_id = ${q}`);
      const format = ['gov_2021', 'gov_2019'].includes(report.format) ? report.format : 'gov_2021';
      const [sections, cells, checks, facts, labels] = await Promise.all([
        rows<SectionRow>(engine, `SELECT * FROM sections WHERE report_id = ${q} ORDER BY start`),
        rows<CellRow>(engine, `SELECT * FROM cells WHERE report_id = ${q} ORDER BY start`),
        rows<CheckRow>(engine, `SELECT * FROM checks WHERE report_id = ${q} ORDER BY status = 'fail' DESC, severity, rule_id, col_key`),
        rows<FactRow>(engine, `SELECT * FROM facts WHERE report_id = ${q} ORDER BY start`),
        rows<LabelRow>(engine, `SELECT * FROM labels WHERE format = ${quote(format)} ORDER BY table_id, kind, ord`),
      ]);
      if (my !== this.token) return;
      this.data = { report, text: textRow?.text ?? '', sections, cells, checks, facts, labels };
    } catch (e) {
      if (my === this.token) {
        this.data = null;
        this.error = e instanceof Error ? e.message : String(e);
      }
    } finally {
      if (my === this.token) this.loading = false;
    }
  }

  close(): void {
    this.token++;
    this.reportId = null;
    this.data = null;
    this.error = null;
    this.loading = false;
  }

  snapshot(): unknown {
    return this.reportId ?? undefined;
  }

  restore(value: unknown): void {
    if (typeof value === 'string' && REPORT_ID.test(value)) void this.open(value);
    else this.close();
  }
}
