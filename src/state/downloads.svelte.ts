import type { Engine } from '../db/engine.ts';
import { selectionSql, tableSql } from '../db/exportSql.ts';
import { downloadBlob } from '../export/downloadBlob.ts';
import type { ExportFormat } from '../export/exportFormat.ts';
import { exportFileName, resultFileName } from '../export/fileName.ts';
import { ExportCancelled, runExport } from '../export/runExport.ts';
import { sheetName, XLSX_MAX_ROWS } from '../export/xlsxCells.ts';

export type SourceKind = 'query' | 'selection' | 'table';

/** Rows written to estimate a file's size before the real download. */
export const SAMPLE_ROWS = 2000;

export interface DownloadDone {
  fileName: string;
  rows: number;
  bytes: number;
  clipped: number;
}

export interface QuerySource {
  /** SQL of the result on screen, or of the editor when nothing ran yet */
  sql(): string;
  /** a saved query's name when the SQL is one, for the file name */
  name(): string | null;
  /** why `sql` must not be streamed (it would write: downloading runs it again), or null */
  refuse?(sql: string): string | null;
}

/** The download dialog: what to download, in which format, its size, and the running download. */
export class Downloads {
  open = $state(false);
  source = $state<SourceKind>('query');
  table = $state('cells');
  format = $state<ExportFormat>('csv');
  bom = $state(true);
  guardFormulas = $state(true);
  /** a catalog selection (view `selection`) exists */
  selectionAvailable = $state(false);
  rowCount = $state<number | null>(null);
  estimatedBytes = $state<number | null>(null);
  estimating = $state(false);
  running = $state(false);
  progressRows = $state(0);
  error = $state<string | null>(null);
  done = $state.raw<DownloadDone | null>(null);
  private token = 0;
  private abort: AbortController | null = null;
  private estimate: AbortController | null = null;

  constructor(
    private readonly engine: () => Engine | null,
    private readonly query: QuerySource,
  ) {}

  sql(): string {
    if (this.source === 'query') return this.query.sql();
    return this.source === 'selection' ? selectionSql(this.table) : tableSql(this.table);
  }

  fileName(now = new Date()): string {
    const ext = this.format;
    if (this.source === 'query') {
      const name = this.query.name();
      return name ? exportFileName(name, ext, now) : resultFileName(this.sql(), ext, now);
    }
    return exportFileName(this.source === 'selection' ? `${this.table}_选中报告` : this.table, ext, now);
  }

  /** Opens the dialog on a source; checks whether a catalog selection exists. */
  async show(source: SourceKind = 'query', table?: string): Promise<void> {
    this.source = source;
    if (table) this.table = table;
    this.open = true;
    this.done = null;
    this.error = null;
    const engine = this.engine();
    this.selectionAvailable = engine ? await engine.hasRelation('selection').catch(() => false) : false;
    if (this.source === 'selection' && !this.selectionAvailable) this.source = 'table';
    await this.refresh();
  }

  /** Row count and an estimate of the file size, from a sample written in the chosen format. */
  async refresh(): Promise<void> {
    const engine = this.engine();
    if (!engine) return;
    const my = ++this.token;
    this.estimate?.abort();
    const estimate = (this.estimate = new AbortController());
    const sql = this.sql();
    this.estimating = true;
    this.rowCount = null;
    this.estimatedBytes = null;
    this.error = this.refused(sql);
    if (this.error) return void (this.estimating = false);
    try {
      const rows = await engine.countRows(sql);
      if (my !== this.token) return;
      this.rowCount = rows;
      const sample = await runExport({ engine, sql, options: this.options(), limit: SAMPLE_ROWS, signal: estimate.signal });
      if (my !== this.token) return;
      const n = Math.min(rows, this.format === 'xlsx' ? XLSX_MAX_ROWS - 1 : rows);
      this.estimatedBytes = sample.rows >= n ? sample.blob.size : Math.round((sample.blob.size / Math.max(1, sample.rows)) * n);
    } catch (e) {
      if (my === this.token && !(e instanceof ExportCancelled)) this.error = e instanceof Error ? e.message : String(e);
    } finally {
      if (my === this.token) this.estimating = false;
    }
  }

  async download(): Promise<void> {
    const engine = this.engine();
    if (!engine || this.running) return;
    if ((this.error = this.refused(this.sql()))) return;
    this.estimate?.abort();
    const abort = (this.abort = new AbortController());
    const fileName = this.fileName();
    this.running = true;
    this.progressRows = 0;
    this.error = null;
    this.done = null;
    try {
      const out = await runExport({
        engine,
        sql: this.sql(),
        options: this.options(),
        signal: abort.signal,
        onProgress: (rows) => (this.progressRows = rows),
      });
      downloadBlob(out.blob, fileName);
      this.done = { fileName, rows: out.rows, bytes: out.blob.size, clipped: out.clipped };
    } catch (e) {
      if (!(e instanceof ExportCancelled)) this.error = e instanceof Error ? e.message : String(e);
    } finally {
      this.running = false;
      this.abort = null;
    }
  }

  cancel(): void {
    this.abort?.abort();
  }

  /**
   * One click: the current query's full result as CSV with the default (safe) options. The dialog
   * shows the row count, progress and a cancel button while it runs, and closes when the file is saved.
   */
  async quickCsv(): Promise<void> {
    this.source = 'query';
    this.format = 'csv';
    this.bom = true;
    this.guardFormulas = true;
    this.open = true;
    this.done = null;
    void this.refresh(); // the row count; its size estimate gives way to the download itself
    await this.download();
    if (this.done && !this.error) this.open = false;
  }

  private refused(sql: string): string | null {
    return this.source === 'query' ? (this.query.refuse?.(sql) ?? null) : null;
  }

  private options() {
    const what = this.source === 'query' ? (this.query.name() ?? '查询结果') : this.source === 'selection' ? `${this.table}_选中报告` : this.table;
    return { format: this.format, bom: this.bom, guardFormulas: this.guardFormulas, sheet: sheetName(what) };
  }
}
