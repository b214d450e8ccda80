// A fake database for the state classes (mosaic's coordinator tests habit: the connector is a plain object). Every
// call is recorded and answers only when the test says so, so results can arrive in any order.
import { tableFromArrays, type Table } from 'apache-arrow';
import type { ChartQueries, PanelReader, QueryResult, UserQueries } from '../../src/db/connectors.ts';
import { QueryCancelled } from '../../src/db/errors.ts';
import type { Statement } from '../../src/sql/statements.ts';
import type { Token } from '../../src/sql/tokens.ts';

export interface Call<T> {
  sql: string;
  resolve(value: T): void;
  reject(error: unknown): void;
}

/** Calls waiting for an answer, in the order they were made. */
export class Calls<T> {
  readonly all: Call<T>[] = [];

  add(sql: string): Promise<T> {
    return new Promise<T>((resolve, reject) => this.all.push({ sql, resolve, reject }));
  }

  /** The latest call whose SQL matches. */
  last(match: RegExp | string = /./): Call<T> {
    const c = this.all.findLast((x) => (typeof match === 'string' ? x.sql.includes(match) : match.test(x.sql)));
    if (!c) throw new Error(`no call matching ${match}: ${this.all.map((x) => x.sql.slice(0, 40)).join(' | ')}`);
    return c;
  }

  sqls(): string[] {
    return this.all.map((c) => c.sql);
  }
}

/** Lets pending promise callbacks run (several microtask turns). */
export const settle = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

/** Statements as whitespace-separated words (enough for the shapes these tests use; the real ones are DuckDB's). */
export function wordStatements(sql: string): Statement[] {
  let offset = 0;
  return sql
    .split(';')
    .map((text) => {
      const start = offset;
      offset += text.length + 1;
      const tokens: Token[] = [...text.matchAll(/\S+/g)].map((m) => ({ kind: 'keyword', start: start + m.index!, text: m[0], quoted: false }));
      return { text: text.trim(), start, tokens };
    })
    .filter((s) => s.tokens.length > 0);
}

export const result = (table: Table): QueryResult => ({ table, ms: 1, truncated: false, more: null });
export const oneColumn = (name: string, values: unknown[]): Table => tableFromArrays({ [name]: values as never });

export class FakeUser implements UserQueries {
  readonly queries = new Calls<QueryResult>();
  cancels = 0;
  failures: string[] = [];
  alive = true;

  async statements(sql: string): Promise<Statement[]> {
    return wordStatements(sql);
  }
  query(sql: string): Promise<QueryResult> {
    return this.queries.add(sql);
  }
  async cancel(): Promise<void> {
    this.cancels++;
  }
  async ping(): Promise<boolean> {
    return this.alive;
  }
  fail(reason: string): void {
    this.failures.push(reason);
  }
}

export class FakeReader implements PanelReader {
  readonly reads = new Calls<Table>();
  readonly ensured: string[] = [];
  /** answers at once for SQL matching these; the rest wait for the test */
  constructor(private readonly immediate: [RegExp, () => Table][] = []) {}

  read(sql: string): Promise<Table> {
    const hit = this.immediate.find(([re]) => re.test(sql));
    return hit ? Promise.resolve(hit[1]()) : this.reads.add(sql);
  }
  async ensureTable(name: string): Promise<void> {
    this.ensured.push(name);
  }
}

export class FakeChart implements ChartQueries {
  readonly queries = new Calls<QueryResult>();
  readonly reads = new Calls<Table>();
  query(sql: string): Promise<QueryResult> {
    return this.queries.add(sql);
  }
  read(sql: string): Promise<Table> {
    return this.reads.add(sql);
  }
}

export const cancelled = (): QueryCancelled => new QueryCancelled();
