import type { RecordBatch, Schema } from 'apache-arrow';
import { exportColumns, type ExportColumn } from './exportColumns.ts';
import { MIME, type ExportOptions } from './exportFormat.ts';
import { jsonRecords } from './jsonRecords.ts';
import { csvHeader, csvRows } from './toCsv.ts';
import { xlsxRows, type XlsxCell } from './xlsxCells.ts';

export interface WrittenFile {
  blob: Blob;
  rows: number;
  /** XLSX cells cut to Excel's 32,767 characters */
  clipped: number;
}

/**
 * Turns record batches into one file, batch by batch. Text formats become Blob parts as they go,
 * so that a large download never exists as one giant string; Parquet and XLSX are assembled at the end.
 */
export class ExportWriter {
  rows = 0;
  private readonly wide: Set<string>;
  private readonly parts: BlobPart[] = [];
  private pending: string[] = [];
  private readonly batches: RecordBatch[] = [];
  private readonly sheetRows: XlsxCell[][] = [];
  private readonly clipped = { n: 0 };

  constructor(
    private readonly schema: Schema,
    private readonly opts: ExportOptions,
  ) {
    this.wide = new Set(opts.wide.map((c) => c.name));
    const { format } = opts;
    if (format === 'csv' || format === 'tsv') this.pending.push(csvHeader(this.columnsOf(schema), this.csvOpts()));
    if (format === 'json') this.pending.push('[');
    if (format === 'xlsx') this.sheetRows.push(schema.fields.map((f) => ({ type: String, value: f.name })));
  }

  add(batch: RecordBatch): void {
    const n = batch.numRows;
    const { format } = this.opts;
    if (format === 'parquet') this.batches.push(batch);
    else {
      const cols = exportColumns(batch, this.wide);
      if (format === 'csv' || format === 'tsv') this.pending.push(csvRows(cols, 0, n, this.csvOpts()));
      else if (format === 'json') {
        const recs = jsonRecords(cols, 0, n);
        if (recs.length) this.pending.push((this.rows ? ',\n' : '\n') + recs.join(',\n'));
      } else for (const row of xlsxRows(cols, 0, n, this.clipped)) this.sheetRows.push(row);
    }
    this.rows += n;
    if (this.pending.length >= 64) this.flush();
  }

  async finish(): Promise<WrittenFile> {
    const { format } = this.opts;
    if (format === 'json') this.pending.push(this.rows ? '\n]\n' : ']\n');
    this.flush();
    if (format === 'parquet') {
      const { toParquet } = await import('./toParquet.ts');
      this.parts.push(await toParquet(this.schema, this.batches, this.opts.wide));
    } else if (format === 'xlsx') {
      const { default: writeXlsxFile } = await import('write-excel-file/universal');
      this.parts.push(await writeXlsxFile(this.sheetRows as never, { sheet: this.opts.sheet }).toBlob());
    }
    return { blob: new Blob(this.parts, { type: MIME[format] }), rows: this.rows, clipped: this.clipped.n };
  }

  private flush(): void {
    if (this.pending.length) this.parts.push(new Blob(this.pending));
    this.pending = [];
  }

  private csvOpts() {
    return { bom: this.opts.bom, guardFormulas: this.opts.guardFormulas, delimiter: this.opts.format === 'tsv' ? ('\t' as const) : (',' as const) };
  }

  private columnsOf(schema: Schema): ExportColumn[] {
    return schema.fields.map((f) => ({ name: f.name, kind: 'other', isText: false, get: () => null }));
  }
}
