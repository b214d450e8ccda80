import type { PanelReader } from '../db/connectors.ts';
import { rowCountSql, sampleRowsSql } from '../sql/schemaSql.ts';
import { formatValue } from './formatValue.ts';

export interface Sample {
  rows: number | null;
  values: Record<string, string[]>;
}

const SAMPLE_ROWS = 200;
const PER_COLUMN = 3;

/** Row counts and a few distinct example values per column, fetched when a table is opened in the browser. */
export class SchemaSamples {
  #samples = $state.raw<Record<string, Sample>>({});
  readonly #pending = new Set<string>();

  constructor(private readonly reader: () => PanelReader | null) {}

  get samples(): Record<string, Sample> {
    return this.#samples;
  }

  /** A new database: its tables are read again when opened. */
  clear(): void {
    this.#samples = {};
  }

  async load(name: string, lazy: boolean): Promise<void> {
    const reader = this.reader();
    if (!reader || this.#samples[name] || this.#pending.has(name)) return;
    this.#pending.add(name);
    try {
      // Full texts are not fetched just to show examples.
      if (lazy) {
        this.#samples = { ...this.#samples, [name]: { rows: null, values: {} } };
        return;
      }
      const n = await reader.read(rowCountSql(name));
      const t = await reader.read(sampleRowsSql(name, SAMPLE_ROWS));
      const values: Record<string, string[]> = {};
      for (const f of t.schema.fields) {
        const vec = t.getChild(f.name)!;
        const seen = new Set<string>();
        for (let i = 0; i < t.numRows && seen.size < PER_COLUMN; i++) {
          const v = vec.get(i);
          if (v !== null && v !== undefined) seen.add(formatValue(v));
        }
        values[f.name] = [...seen];
      }
      this.#samples = { ...this.#samples, [name]: { rows: Number(n.getChildAt(0)?.get(0) ?? 0), values } };
    } catch {
      this.#samples = { ...this.#samples, [name]: { rows: null, values: {} } };
    } finally {
      this.#pending.delete(name);
    }
  }
}
