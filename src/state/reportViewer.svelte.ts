import type { CellRow, CheckRow, FactRow, LabelRow, ReportRow, SectionRow } from '../core/schema.ts';
import type { PanelReader } from '../db/connectors.ts';
import { messageOf } from '../db/errors.ts';
import { reportSql } from '../sql/reportSql.ts';
import { Latest } from './latest.svelte.ts';
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

/** The report open in the viewer; its text and numbers are fetched on open (texts load lazily). */
export class ReportViewer implements UrlPart {
  readonly key = 'report';
  #reportId = $state<string | null>(null);
  readonly #latest = new Latest<ReportData | null, string>(messageOf);

  constructor(private readonly reader: () => PanelReader | null) {}

  get reportId(): string | null {
    return this.#reportId;
  }
  get data(): ReportData | null {
    return this.#latest.value;
  }
  get loading(): boolean {
    return this.#latest.running;
  }
  get error(): string | null {
    return this.#latest.error;
  }

  async open(id: string): Promise<void> {
    this.#reportId = id;
    const reader = this.reader();
    if (!reader) return; // opened again by the workbench once DuckDB is ready
    const outcome = await this.#latest.run(() => readReport(reader, id));
    // a report that could not be read is not shown half: the error replaces it
    if (outcome.status === 'failed') this.#latest.set(null);
  }

  close(): void {
    this.#reportId = null;
    this.#latest.reset();
  }

  snapshot(): unknown {
    return this.#reportId ?? undefined;
  }

  restore(value: unknown): void {
    if (typeof value === 'string' && REPORT_ID.test(value)) void this.open(value);
    else this.close();
  }
}

const rows = async <T>(reader: PanelReader, sql: string): Promise<T[]> => (await reader.read(sql)).toArray().map((r) => r.toJSON() as T);

async function readReport(reader: PanelReader, id: string): Promise<ReportData> {
  const [report] = await rows<ReportRow>(reader, reportSql.report(id));
  if (!report) throw new Error(`report ${id} not found`);
  await reader.ensureTable('texts');
  const [textRow] = await rows<{ text: string }>(reader, reportSql.text(id));
  const format = ['gov_2021', 'gov_2019'].includes(report.format) ? report.format : 'gov_2021';
  const [sections, cells, checks, facts, labels] = await Promise.all([
    rows<SectionRow>(reader, reportSql.sections(id)),
    rows<CellRow>(reader, reportSql.cells(id)),
    rows<CheckRow>(reader, reportSql.checks(id)),
    rows<FactRow>(reader, reportSql.facts(id)),
    rows<LabelRow>(reader, reportSql.labels(format)),
  ]);
  return { report, text: textRow?.text ?? '', sections, cells, checks, facts, labels };
}
