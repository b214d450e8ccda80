import type { ExportQueries } from '../db/connectors.ts';
import { messageOf } from '../db/errors.ts';
import { downloadBlob } from '../export/downloadBlob.ts';
import type { ExportFormat } from '../export/exportFormat.ts';
import { exportFileName, resultFileName } from '../export/fileName.ts';
import { ExportCancelled, runExport } from '../export/runExport.ts';
import { sheetName, XLSX_MAX_ROWS } from '../export/xlsxCells.ts';
import { SELECTION_TABLE } from '../sql/catalogSql.ts';
import { selectionSql, tableSql } from '../sql/exportSql.ts';
import { Latest } from './latest.svelte.ts';

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
  refuse?(sql: string): Promise<string | null>;
}

/** What the dialog's form chooses; its inputs bind to these fields. */
export interface DownloadChoices {
  source: SourceKind;
  table: string;
  format: ExportFormat;
  bom: boolean;
  guardFormulas: boolean;
}

interface Estimate {
  rows: number | null;
  bytes: number | null;
}

/** The download dialog: what to download, in which format, its size, and the running download. */
export class Downloads {
  /** the dialog's form (a plain record the inputs bind to); read by every method */
  readonly choices = $state<DownloadChoices>({ source: 'query', table: 'cells', format: 'csv', bom: true, guardFormulas: true });
  #open = $state(false);
  /** a catalog selection (table `selection`) exists */
  #selectionAvailable = $state(false);
  readonly #estimate = new Latest<Estimate>();
  /** stops the estimate's sample (not its count) when the download itself starts */
  #sampleAbort: AbortController | null = null;
  #running = $state(false);
  #progressRows = $state(0);
  #error = $state<string | null>(null);
  #done = $state.raw<DownloadDone | null>(null);
  #abort: AbortController | null = null;

  constructor(
    private readonly lane: () => ExportQueries | null,
    private readonly query: QuerySource,
  ) {}

  get open(): boolean {
    return this.#open;
  }
  get selectionAvailable(): boolean {
    return this.#selectionAvailable;
  }
  get rowCount(): number | null {
    return this.#estimate.value?.rows ?? null;
  }
  get estimatedBytes(): number | null {
    return this.#estimate.value?.bytes ?? null;
  }
  get estimating(): boolean {
    return this.#estimate.running;
  }
  get running(): boolean {
    return this.#running;
  }
  get progressRows(): number {
    return this.#progressRows;
  }
  get error(): string | null {
    return this.#error;
  }
  get done(): DownloadDone | null {
    return this.#done;
  }

  sql(): string {
    const c = this.choices;
    if (c.source === 'query') return this.query.sql();
    return c.source === 'selection' ? selectionSql(c.table) : tableSql(c.table);
  }

  fileName(now = new Date()): string {
    const c = this.choices;
    if (c.source === 'query') {
      const name = this.query.name();
      return name ? exportFileName(name, c.format, now) : resultFileName(this.sql(), c.format, now);
    }
    return exportFileName(c.source === 'selection' ? `${c.table}_选中报告` : c.table, c.format, now);
  }

  /** Opens the dialog on a source; checks whether a catalog selection exists. */
  async show(source: SourceKind = 'query', table?: string): Promise<void> {
    this.choices.source = source;
    if (table) this.choices.table = table;
    this.#open = true;
    this.#done = null;
    this.#error = null;
    const lane = this.lane();
    this.#selectionAvailable = lane ? await lane.hasRelation(SELECTION_TABLE).catch(() => false) : false;
    if (this.choices.source === 'selection' && !this.#selectionAvailable) this.choices.source = 'table';
    await this.refresh();
  }

  close(): void {
    if (!this.#running) this.#open = false;
  }

  /** Row count and an estimate of the file size, from a sample written in the chosen format. */
  async refresh(): Promise<void> {
    const lane = this.lane();
    if (!lane) return;
    const sql = this.sql();
    const options = this.options();
    this.#sampleAbort?.abort();
    const sampleAbort = (this.#sampleAbort = new AbortController());
    await this.#estimate.run(async (run) => {
      this.#estimate.set(null);
      this.#error = await this.refused(sql);
      if (this.#error || run.superseded()) return { rows: null, bytes: null };
      let rows: number | null = null;
      try {
        rows = await lane.countRows(sql);
        if (run.superseded()) return { rows, bytes: null };
        this.#estimate.set({ rows, bytes: null });
        const signal = AbortSignal.any([run.signal, sampleAbort.signal]);
        const sample = await runExport({ lane, sql, options, limit: SAMPLE_ROWS, signal });
        const n = Math.min(rows, options.format === 'xlsx' ? XLSX_MAX_ROWS - 1 : rows);
        return { rows, bytes: sample.rows >= n ? sample.blob.size : Math.round((sample.blob.size / Math.max(1, sample.rows)) * n) };
      } catch (e) {
        if (!run.superseded() && !(e instanceof ExportCancelled)) this.#error = messageOf(e);
        return { rows, bytes: null };
      }
    });
  }

  async download(): Promise<void> {
    const lane = this.lane();
    if (!lane || this.#running) return;
    const sql = this.sql();
    if ((this.#error = await this.refused(sql))) return;
    // the estimate's sample gives way to the download itself; its row count still comes
    this.#sampleAbort?.abort();
    const abort = (this.#abort = new AbortController());
    const fileName = this.fileName();
    this.#running = true;
    this.#progressRows = 0;
    this.#error = null;
    this.#done = null;
    try {
      const out = await runExport({ lane, sql, options: this.options(), signal: abort.signal, onProgress: (rows) => (this.#progressRows = rows) });
      downloadBlob(out.blob, fileName);
      this.#done = { fileName, rows: out.rows, bytes: out.blob.size, clipped: out.clipped };
    } catch (e) {
      if (!(e instanceof ExportCancelled)) this.#error = messageOf(e);
    } finally {
      this.#running = false;
      this.#abort = null;
    }
  }

  cancel(): void {
    this.#abort?.abort();
  }

  /**
   * One click: the current query's full result as CSV with the default (safe) options. The dialog
   * shows the row count, progress and a cancel button while it runs, and closes when the file is saved.
   */
  async quickCsv(): Promise<void> {
    Object.assign(this.choices, { source: 'query', format: 'csv', bom: true, guardFormulas: true });
    this.#open = true;
    this.#done = null;
    void this.refresh(); // the row count; its size estimate gives way to the download itself
    await this.download();
    if (this.#done && !this.error) this.#open = false;
  }

  private async refused(sql: string): Promise<string | null> {
    return this.choices.source === 'query' ? ((await this.query.refuse?.(sql)) ?? null) : null;
  }

  private options() {
    const c = this.choices;
    const what = c.source === 'query' ? (this.query.name() ?? '查询结果') : c.source === 'selection' ? `${c.table}_选中报告` : c.table;
    return { format: c.format, bom: c.bom, guardFormulas: c.guardFormulas, sheet: sheetName(what) };
  }
}
