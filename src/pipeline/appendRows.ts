import { dateValue, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import type { ColumnType } from '../core/schema.ts';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The columns a table is appended by, in table order. */
export interface AppendColumns { readonly columns: readonly { readonly name: string; readonly type: ColumnType }[] }

/** Writes a non-null value; returns false when it did not fit the column and NULL was written instead. */
type Append = (appender: DuckDBAppender, value: {}) => boolean;

const appendNull = (appender: DuckDBAppender): false => {
  appender.appendNull();
  return false;
};

/** A parser bug (a string in a DOUBLE column, NaN) must cost one value, not the whole build. */
const APPEND: Record<ColumnType, Append> = {
  VARCHAR: (a, v) => {
    a.appendVarchar(typeof v === 'string' ? v : String(v));
    return typeof v === 'string';
  },
  DOUBLE: (a, v) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return appendNull(a);
    a.appendDouble(v);
    return true;
  },
  INTEGER: (a, v) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < INT32_MIN || v > INT32_MAX) return appendNull(a);
    a.appendInteger(v);
    return true;
  },
  DATE: (a, v) => {
    const m = typeof v === 'string' ? ISO_DATE.exec(v) : null;
    if (!m) return appendNull(a);
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return appendNull(a);
    a.appendDate(dateValue({ year, month, day }));
    return true;
  },
};

/** An open appender on one table; rows are read column by column by name. */
export class TableAppender {
  readonly #appender: DuckDBAppender;
  readonly #writers: (readonly [string, Append])[];
  /** values written as NULL because their type was wrong */
  coerced = 0;
  rows = 0;

  private constructor(appender: DuckDBAppender, def: AppendColumns) {
    this.#appender = appender;
    this.#writers = def.columns.map((c) => [c.name, APPEND[c.type]] as const);
  }

  static async open(connection: DuckDBConnection, table: string, def: AppendColumns): Promise<TableAppender> {
    return new TableAppender(await connection.createAppender(table), def);
  }

  append(row: object): void {
    const record = row as Record<string, unknown>;
    const appender = this.#appender;
    for (const [name, write] of this.#writers) {
      const value = record[name];
      if (value == null) appender.appendNull();
      else if (!write(appender, value)) this.coerced++;
    }
    appender.endRow();
    this.rows++;
  }

  flush(): void {
    this.#appender.flushSync();
  }

  close(): void {
    try {
      this.#appender.flushSync();
    } finally {
      this.#appender.closeSync();
    }
  }
}

/**
 * Appends `rows` to the existing table `table` (created from `def`) with DuckDB's Appender,
 * reading each column by name. Returns how many values had to be written as NULL because their type was wrong.
 */
export async function appendRows(connection: DuckDBConnection, table: string, def: AppendColumns, rows: readonly object[]): Promise<number> {
  const appender = await TableAppender.open(connection, table, def);
  try {
    for (const row of rows) appender.append(row);
  } finally {
    appender.close();
  }
  return appender.coerced;
}
