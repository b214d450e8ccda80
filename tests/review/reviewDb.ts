// Native DuckDB with the contract tables, filled from hand-made or parsed rows, for the review-desk SQL.
import { appendRows } from '../../src/pipeline/appendRows.ts';
import { createContractTables } from '../../src/pipeline/createContractTables.ts';
import { openDuckDB, type OpenDuckDB } from '../../src/pipeline/openDuckDB.ts';
import { tableDef, type CellRow, type ParsedReport, type ReportRow, type RowOf, type TableName } from '../../src/core/schema.ts';

export interface ReviewDb {
  db: OpenDuckDB;
  insert<K extends TableName>(table: K, rows: readonly RowOf[K][]): Promise<void>;
  addParsed(parsed: readonly ParsedReport[]): Promise<void>;
  run(sql: string | readonly string[]): Promise<void>;
  all(sql: string): Promise<Record<string, unknown>[]>;
  close(): void;
}

export async function openReviewDb(): Promise<ReviewDb> {
  const db = await openDuckDB();
  await createContractTables(db.connection);
  const self: ReviewDb = {
    db,
    async insert(table, rows) {
      await appendRows(db.connection, table, tableDef(table), rows);
    },
    async addParsed(parsed) {
      await self.insert('reports', parsed.map((p) => p.report));
      await self.insert('sections', parsed.flatMap((p) => p.sections));
      await self.insert('cells', parsed.flatMap((p) => p.cells));
      await self.insert('checks', parsed.flatMap((p) => p.checks));
      await self.insert('facts', parsed.flatMap((p) => p.facts));
      await self.insert('texts', parsed.map((p) => ({ report_id: p.report.report_id, text: p.text })));
    },
    async run(sql) {
      for (const s of typeof sql === 'string' ? [sql] : sql) await db.connection.run(s);
    },
    async all(sql) {
      return (await db.connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
    },
    close: () => db.close(),
  };
  return self;
}

export const reportRow = (p: Partial<ReportRow> & { report_id: string }): ReportRow => ({
  source_file: `${p.report_id}.txt`, source_kind: 'text', title: null, organ: null, organ_level: 'county', region_code: null, province: null,
  city: null, county: null, region_status: 'resolved', report_year: null, published_date: null, format: 'gov_2021', doc_kind: 'annual_report',
  encoding: 'utf-8', n_chars: 1000, parse_status: 'ok', n_errors: 0, n_warnings: 0, ...p,
});

export const cellRow = (report_id: string, table_id: string, row_key: string, col_key: string, value: number | null): CellRow => ({
  report_id, table_id, row_key, col_key, row_label: null, value, raw: value === null ? '' : String(value), unit: null,
  state: value === null ? 'blank' : 'reported', start: 0, end: 0, flag: null,
});

/** 硚口区 (420104) in 武汉市, 湖北省: the place of seed 003. */
export const QIAOKOU = { region_code: '420104', province: '湖北省', city: '武汉市', county: '硚口区' } as const;
