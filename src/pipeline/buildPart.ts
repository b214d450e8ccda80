import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { organKey } from '../core/checks/crossYearChecks.ts';
import type { ParsedReport } from '../core/schema.ts';
import { TableAppender } from './appendRows.ts';
import { collectFile } from './collectFile.ts';
import { createTableSql } from './createContractTables.ts';
import type { ParseReport } from './extractFile.ts';
import type { FileSummary } from './fileSummary.ts';
import type { InputFile } from './listInputFiles.ts';
import { OFFLINE_OPTIONS } from './openDuckDB.ts';
import { ORD, ORGAN_KEY, PART_TABLE_NAMES, PART_TABLES, type PartTableName } from './partTables.ts';

export interface PartOptions {
  /** DuckDB's memory_limit for this part, e.g. '256MB': rows past it are on disk, not in memory */
  memoryLimit: string;
}

/** Values written as NULL per table because they did not fit the column type. */
export type Coerced = Partial<Record<PartTableName, number>>;

/**
 * One writer of build rows: a DuckDB database file with the part tables (partTables.ts) and an open appender on
 * each. A worker thread owns one; so does an in-process build. Rows go to disk as they come.
 */
export class BuildPart {
  readonly #instance: DuckDBInstance;
  readonly #connection: DuckDBConnection;
  readonly #appenders: Record<PartTableName, TableAppender>;

  private constructor(instance: DuckDBInstance, connection: DuckDBConnection, appenders: Record<PartTableName, TableAppender>) {
    this.#instance = instance;
    this.#connection = connection;
    this.#appenders = appenders;
  }

  static async create(path: string, { memoryLimit }: PartOptions): Promise<BuildPart> {
    const instance = await DuckDBInstance.create(path, { ...OFFLINE_OPTIONS, threads: '1', memory_limit: memoryLimit, preserve_insertion_order: 'false' });
    const connection = await instance.connect();
    const appenders = {} as Record<PartTableName, TableAppender>;
    for (const name of PART_TABLE_NAMES) {
      await connection.run(createTableSql(PART_TABLES[name]));
      appenders[name] = await TableAppender.open(connection, name, PART_TABLES[name]);
    }
    return new BuildPart(instance, connection, appenders);
  }

  /** Reads, parses and appends the file number `ord` of the inputs; returns its summary. */
  async add(ord: number, candidate: InputFile, parse: ParseReport | undefined, outDir?: string): Promise<FileSummary> {
    const { summary, report } = await collectFile(candidate, parse, outDir);
    const a = this.#appenders;
    a.files.append({ ...summary, [ORD]: ord });
    summary.diagnostics.forEach((d, i) => a.file_diagnostics.append({ ...d, [ORD]: ord, _i: i }));
    if (report) this.#addReport(ord, report);
    return summary;
  }

  #addReport(ord: number, parsed: ParsedReport): void {
    const a = this.#appenders;
    const tag = <T extends object>(row: T) => Object.assign(row, { [ORD]: ord });
    a.reports.append({ ...parsed.report, [ORD]: ord, [ORGAN_KEY]: organKey(parsed.report) });
    for (const r of parsed.sections) a.sections.append(tag(r));
    for (const r of parsed.cells) a.cells.append(tag(r));
    for (const r of parsed.checks) a.checks.append(tag(r));
    for (const r of parsed.facts) a.facts.append(tag(r));
    a.texts.append({ report_id: parsed.report.report_id, text: parsed.text, [ORD]: ord });
  }

  /** Flushes and closes; the database file then holds every row added. */
  close(): Coerced {
    const coerced: Coerced = {};
    try {
      for (const name of PART_TABLE_NAMES) {
        this.#appenders[name].close();
        if (this.#appenders[name].coerced) coerced[name] = this.#appenders[name].coerced;
      }
    } finally {
      this.#connection.closeSync();
      this.#instance.closeSync();
    }
    return coerced;
  }
}
