// The chart builder's state: source, specification, the aggregated rows on screen. Superseded draws are dropped (Latest).
import { arrowToChartData } from '../chart/arrowToChartData.ts';
import type { ChartData } from '../chart/chartData.ts';
import { parseChartSpec, type ChartSpec } from '../chart/chartSpec.ts';
import { isNumericType, type SourceColumn } from '../chart/columnKinds.ts';
import type { LabelMap } from '../chart/columnTitle.ts';
import { defaultSpec, type ColumnStats } from '../chart/defaultSpec.ts';
import type { ChartQueries, SchemaInfo } from '../db/connectors.ts';
import { QueryCancelled } from '../db/errors.ts';
import type { I18n } from '../i18n/i18n.svelte.ts';
import { SELECTION_TABLE } from '../sql/catalogSql.ts';
import { chartColumnsSql, chartLabelsSql, chartSql, distinctCountsSql } from '../sql/chartSql.ts';
import { selectionSql, tableSql } from '../sql/exportSql.ts';
import { Latest, type Run } from './latest.svelte.ts';
import type { UrlPart } from './urlPart.ts';

/** 'result' (the SQL panel's result), 'table:NAME', or 'selection:NAME' (NAME's rows of the selected reports) */
export type ChartSource = string;
const SOURCE_RE = /^(result|table:.+|selection:.+)$/;

export interface ChartDeps {
  chart: () => ChartQueries | null;
  /** SQL of the result on screen in the SQL panel when it is one query's rows ('' otherwise) */
  resultSql: () => string;
  schema: () => SchemaInfo;
  i18n: I18n;
  /** the URL state changed */
  onchange?: () => void;
}

/** A chart drawn: the rows of its marks, the specification they were computed for, DuckDB's time. */
interface Drawn {
  data: ChartData;
  spec: ChartSpec;
  ms: number;
}

export class ChartState implements UrlPart {
  readonly key = 'chart';
  #source = $state<ChartSource>('result');
  #spec = $state.raw<ChartSpec | null>(null);
  #columns = $state.raw<SourceColumn[]>([]);
  #labels = $state.raw<LabelMap>(new Map());
  readonly #latest = new Latest<Drawn>();
  #columnsFor = '';
  /** source of the last open(); null before the first, so that a specification restored from a link is kept */
  #opened: ChartSource | null = null;
  #labelsLoaded = false;
  /** a chart suggested for a result (a library question's): used instead of the default when that SQL is charted */
  #hint: { sql: string; spec: Partial<ChartSpec> } | null = null;
  /** choices made while open() reads a new source's columns: applied on top of what it picks, not lost to it */
  #pending: Partial<ChartSpec> | null = null;

  constructor(private readonly deps: ChartDeps) {}

  get source(): ChartSource {
    return this.#source;
  }
  get spec(): ChartSpec | null {
    return this.#spec;
  }
  get columns(): SourceColumn[] {
    return this.#columns;
  }
  get labels(): LabelMap {
    return this.#labels;
  }
  get data(): ChartData | null {
    return this.#latest.value?.data ?? null;
  }
  /** the specification `data` was computed for */
  get drawn(): ChartSpec | null {
    return this.#latest.value?.spec ?? null;
  }
  get ms(): number {
    return this.#latest.value?.ms ?? 0;
  }
  get running(): boolean {
    return this.#latest.running;
  }
  get error(): Error | null {
    return this.#latest.error;
  }

  /** Picks the source; the panel's effect opens it. */
  setSource(source: ChartSource): void {
    this.#source = source;
  }

  /** The SQL whose rows the chart groups, or null when the source has nothing yet. */
  sourceSql(source: ChartSource = this.#source): string | null {
    // only a query can be wrapped as a subquery; a CREATE or SET result has nothing to chart
    if (source === 'result') return this.deps.resultSql() || null;
    const [kind, name] = [source.slice(0, source.indexOf(':')), source.slice(source.indexOf(':') + 1)];
    if (kind === 'table') return tableSql(name);
    if (kind === 'selection') return selectionSql(name);
    return null;
  }

  /** Tables and views to chart, and their rows of the selected reports once a table named selection exists. */
  sources(): { tables: string[]; selection: string[] } {
    const schema = this.deps.schema();
    const tables = [...schema.keys()].filter((n) => n !== 'texts').sort();
    const selection = schema.has(SELECTION_TABLE)
      ? tables.filter((n) => n !== SELECTION_TABLE && schema.get(n)!.columns.some((c) => c.name === 'report_id'))
      : [];
    return { tables, selection };
  }

  snapshot(): unknown {
    return this.#spec ? { source: this.#source, ...this.#spec } : undefined;
  }

  restore(value: unknown): void {
    const spec = parseChartSpec(value);
    const source = (value as { source?: unknown } | null)?.source;
    if (!spec) {
      this.#spec = null;
      return;
    }
    this.#source = typeof source === 'string' && SOURCE_RE.test(source) ? source : 'result';
    this.#spec = spec;
  }

  /** The chart to draw when the SQL panel's result is `sql` (a library question run from the library). */
  suggest(sql: string, spec: Partial<ChartSpec> | undefined): void {
    this.#hint = spec ? { sql, spec } : null;
  }

  /** Reads the source's columns, keeps a specification that still fits them (or picks the default), draws. */
  async open(source: ChartSource = this.#source, reset = false): Promise<void> {
    if (this.#opened !== null && source !== this.#opened) reset = true;
    this.#source = source;
    this.#opened = source;
    const sql = this.sourceSql();
    const lane = this.deps.chart();
    if (!sql || !lane) {
      this.#columns = [];
      this.#latest.reset();
      this.#pending = null;
      return;
    }
    this.#pending = {};
    await this.#latest.run(async (run) => {
      const stillMine = () => {
        if (run.superseded()) throw new QueryCancelled();
      };
      try {
        await this.loadLabels(lane);
        if (sql !== this.#columnsFor) {
          const t = (await lane.query(chartColumnsSql(sql))).table;
          stillMine();
          this.#columns = (t.toArray() as { column_name: string; column_type: string }[]).map((r) => ({ name: r.column_name, type: r.column_type }));
          this.#columnsFor = sql;
        }
        const hint = this.#source === 'result' && this.#hint?.sql === sql ? this.#hint.spec : null;
        let spec = this.#spec;
        if (hint || reset || !spec || !fits(spec, this.#columns)) {
          const stats = await this.stats(lane, sql);
          stillMine();
          spec = defaultSpec(this.#columns, stats);
          if (hint) {
            this.#hint = null;
            const hinted = { ...spec, ...hint };
            if (fits(hinted, this.#columns)) spec = hinted;
          }
        }
        const chosen = { ...spec, ...this.#pending };
        if (fits(chosen, this.#columns)) spec = chosen;
        this.#pending = null;
        this.#spec = spec;
        this.deps.onchange?.();
        return await this.draw(run, lane, sql, spec);
      } finally {
        if (!run.superseded()) this.#pending = null;
      }
    });
  }

  /** Changes some choices and redraws. */
  async update(patch: Partial<ChartSpec>): Promise<void> {
    if (!this.#spec) return;
    const spec = { ...this.#spec, ...patch };
    this.#spec = spec;
    this.deps.onchange?.();
    if (this.#pending) {
      // open() is still reading the source: it draws with this choice once it has the columns
      this.#pending = { ...this.#pending, ...patch };
      return;
    }
    const sql = this.sourceSql();
    const lane = this.deps.chart();
    if (!sql || !lane) return;
    await this.#latest.run((run) => this.draw(run, lane, sql, spec));
  }

  private async draw(run: Run, lane: ChartQueries, sql: string, spec: ChartSpec): Promise<Drawn> {
    const t = this.deps.i18n.t;
    const q = chartSql(spec, sql, this.#columns, { otherLabel: t('chart_other') });
    const r = await lane.query(q.sql);
    if (run.superseded()) throw new QueryCancelled();
    // the last good chart stays on screen, dimmed, under an error (Latest keeps its value)
    return { data: arrowToChartData(r.table, q.channels, q.limit, t('chart_null')), spec, ms: r.ms };
  }

  private async stats(lane: ChartQueries, sql: string): Promise<ColumnStats> {
    const cols = this.#columns.filter((c) => !isNumericType(c.type) || /year|年/i.test(c.name)).filter((c) => c.name !== 'text').slice(0, 40);
    if (!cols.length) return { distinct: new Map() };
    const t = (await lane.query(distinctCountsSql(sql, cols.map((c) => c.name)))).table;
    const row = t.get(0)?.toJSON() ?? {};
    return { distinct: new Map(cols.map((c, i) => [c.name, Number(row[`c${i}`] ?? 0)])) };
  }

  private async loadLabels(lane: ChartQueries): Promise<void> {
    if (this.#labelsLoaded || !this.deps.schema().has('labels')) return;
    this.#labelsLoaded = true;
    try {
      const t = await lane.read(chartLabelsSql);
      const m = new Map<string, { zh: string; en: string }>();
      for (const r of t.toArray() as { key: string; label_zh: string; label_en: string }[]) {
        if (!m.has(r.key)) m.set(r.key, { zh: r.label_zh, en: r.label_en });
      }
      this.#labels = m;
    } catch {
      this.#labelsLoaded = false;
    }
  }
}

const fits = (spec: ChartSpec, columns: readonly SourceColumn[]): boolean =>
  (['x', 'y', 'color', 'fx', 'fy'] as const).every((ch) => spec[ch] === null || columns.some((c) => c.name === spec[ch]));
