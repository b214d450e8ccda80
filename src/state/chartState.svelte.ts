// The chart builder's state: source, specification, the aggregated rows on screen. A run token drops stale results.
import { buildChartSql } from '../chart/buildChartSql.ts';
import { arrowToChartData } from '../chart/arrowToChartData.ts';
import type { ChartData } from '../chart/chartData.ts';
import { parseChartSpec, type ChartSpec } from '../chart/chartSpec.ts';
import { isNumericType, type SourceColumn } from '../chart/columnKinds.ts';
import type { LabelMap } from '../chart/columnTitle.ts';
import { defaultSpec, type ColumnStats } from '../chart/defaultSpec.ts';
import { asSubquery, quoteIdent } from '../chart/sqlText.ts';
import type { Engine, SchemaInfo } from '../db/engine.ts';
import type { I18n } from '../i18n/i18n.svelte.ts';
import type { UrlPart } from './urlPart.ts';

/** 'result' (the SQL panel's result), 'table:NAME', or 'selection:NAME' (NAME's rows of the selected reports) */
export type ChartSource = string;
const SOURCE_RE = /^(result|table:.+|selection:.+)$/;
const LEADING_COMMENTS = /^(\s*(--[^\n]*\n?|\/\*[\s\S]*?\*\/))*\s*/;
const READS_ROWS = /^(\(|select\b|with\b|from\b|values\b|table\b|pivot\b|unpivot\b|summarize\b)/i;

export interface ChartDeps {
  engine: () => Engine | null;
  /** SQL of the result on screen in the SQL panel ('' when none) */
  resultSql: () => string;
  schema: () => SchemaInfo;
  i18n: I18n;
  /** the URL state changed */
  onchange?: () => void;
}

export class ChartState implements UrlPart {
  readonly key = 'chart';
  source = $state<ChartSource>('result');
  spec = $state.raw<ChartSpec | null>(null);
  columns = $state.raw<SourceColumn[]>([]);
  data = $state.raw<ChartData | null>(null);
  /** the specification `data` was computed for */
  drawn = $state.raw<ChartSpec | null>(null);
  running = $state(false);
  error = $state.raw<Error | null>(null);
  ms = $state(0);
  labels = $state.raw<LabelMap>(new Map());
  private token = 0;
  private columnsFor = '';
  /** source of the last open(); null before the first, so that a specification restored from a link is kept */
  private opened: ChartSource | null = null;
  private labelsLoaded = false;
  /** a chart suggested for a result (a library question's): used instead of the default when that SQL is charted */
  private hint: { sql: string; spec: Partial<ChartSpec> } | null = null;
  /** choices made while open() reads a new source's columns: applied on top of what it picks, not lost to it */
  private pending: Partial<ChartSpec> | null = null;

  constructor(private readonly deps: ChartDeps) {}

  /** The SQL whose rows the chart groups, or null when the source has nothing yet. */
  sourceSql(source: ChartSource = this.source): string | null {
    if (source === 'result') {
      // only a query can be wrapped as a subquery; a CREATE or SET result has nothing to chart
      const sql = this.deps.resultSql();
      return READS_ROWS.test(sql.replace(LEADING_COMMENTS, '')) ? sql : null;
    }
    const [kind, name] = [source.slice(0, source.indexOf(':')), source.slice(source.indexOf(':') + 1)];
    if (kind === 'table') return `SELECT * FROM ${quoteIdent(name)}`;
    if (kind === 'selection') return `SELECT * FROM ${quoteIdent(name)} WHERE report_id IN (SELECT report_id FROM selection)`;
    return null;
  }

  /** Tables and views to chart, and their rows of the selected reports once a view named selection exists. */
  sources(): { tables: string[]; selection: string[] } {
    const schema = this.deps.schema();
    const tables = [...schema.keys()].filter((n) => n !== 'texts').sort();
    const selection = schema.has('selection')
      ? tables.filter((n) => n !== 'selection' && schema.get(n)!.columns.some((c) => c.name === 'report_id'))
      : [];
    return { tables, selection };
  }

  snapshot(): unknown {
    return this.spec ? { source: this.source, ...this.spec } : undefined;
  }

  restore(value: unknown): void {
    const spec = parseChartSpec(value);
    const source = (value as { source?: unknown } | null)?.source;
    if (!spec) {
      this.spec = null;
      return;
    }
    this.source = typeof source === 'string' && SOURCE_RE.test(source) ? source : 'result';
    this.spec = spec;
  }

  /** The chart to draw when the SQL panel's result is `sql` (a library question run from the library). */
  suggest(sql: string, spec: Partial<ChartSpec> | undefined): void {
    this.hint = spec ? { sql, spec } : null;
  }

  /** Reads the source's columns, keeps a specification that still fits them (or picks the default), draws. */
  async open(source: ChartSource = this.source, reset = false): Promise<void> {
    const my = ++this.token;
    if (this.opened !== null && source !== this.opened) reset = true;
    this.source = source;
    this.opened = source;
    const sql = this.sourceSql();
    const engine = this.deps.engine();
    if (!sql || !engine) {
      this.columns = [];
      this.data = null;
      this.error = null;
      this.pending = null;
      return;
    }
    this.pending = {};
    this.running = true;
    this.error = null;
    try {
      await this.loadLabels(engine);
      if (sql !== this.columnsFor) {
        const t = (await engine.chartQuery(`DESCRIBE SELECT * FROM (\n${asSubquery(sql)}\n)`)).table;
        if (my !== this.token) return;
        this.columns = (t.toArray() as { column_name: string; column_type: string }[]).map((r) => ({
          name: r.column_name,
          type: r.column_type,
        }));
        this.columnsFor = sql;
      }
      const hint = this.source === 'result' && this.hint?.sql === sql ? this.hint.spec : null;
      let spec = this.spec;
      if (hint || reset || !spec || !fits(spec, this.columns)) {
        const stats = await this.stats(engine, sql);
        if (my !== this.token) return;
        spec = defaultSpec(this.columns, stats);
        if (hint) {
          this.hint = null;
          const hinted = { ...spec, ...hint };
          if (fits(hinted, this.columns)) spec = hinted;
        }
      }
      const chosen = { ...spec, ...this.pending };
      if (fits(chosen, this.columns)) spec = chosen;
      this.pending = null;
      this.spec = spec;
      this.deps.onchange?.();
      await this.draw(my, engine, sql, spec);
    } catch (e) {
      this.fail(my, e);
    } finally {
      if (my === this.token) this.pending = null;
    }
  }

  /** Changes some choices and redraws. */
  async update(patch: Partial<ChartSpec>): Promise<void> {
    if (!this.spec) return;
    if (this.pending) {
      // open() is still reading the source: it draws with this choice once it has the columns
      this.pending = { ...this.pending, ...patch };
      this.spec = { ...this.spec, ...patch };
      this.deps.onchange?.();
      return;
    }
    const spec = { ...this.spec, ...patch };
    this.spec = spec;
    this.deps.onchange?.();
    const my = ++this.token;
    const sql = this.sourceSql();
    const engine = this.deps.engine();
    if (!sql || !engine) return;
    this.running = true;
    this.error = null;
    try {
      await this.draw(my, engine, sql, spec);
    } catch (e) {
      this.fail(my, e);
    }
  }

  private async draw(my: number, engine: Engine, sql: string, spec: ChartSpec): Promise<void> {
    const t = this.deps.i18n.t;
    const q = buildChartSql(spec, sql, this.columns, { otherLabel: t('chart_other') });
    const r = await engine.chartQuery(q.sql);
    if (my !== this.token) return;
    this.data = arrowToChartData(r.table, q.channels, q.limit, t('chart_null'));
    this.drawn = spec;
    this.ms = r.ms;
    this.running = false;
  }

  private fail(my: number, e: unknown): void {
    if (my !== this.token) return;
    this.running = false;
    if (e instanceof Error && e.name === 'QueryCancelled') return;
    // the last good chart stays on screen, dimmed, under the error
    this.error = e instanceof Error ? e : new Error(String(e));
  }

  private async stats(engine: Engine, sql: string): Promise<ColumnStats> {
    const cols = this.columns.filter((c) => !isNumericType(c.type) || /year|年/i.test(c.name)).filter((c) => c.name !== 'text').slice(0, 40);
    if (!cols.length) return { distinct: new Map() };
    const select = cols.map((c, i) => `approx_count_distinct(${quoteIdent(c.name)})::DOUBLE AS c${i}`).join(', ');
    const t = (await engine.chartQuery(`SELECT ${select} FROM (\n${asSubquery(sql)}\n)`)).table;
    const row = t.get(0)?.toJSON() ?? {};
    return { distinct: new Map(cols.map((c, i) => [c.name, Number(row[`c${i}`] ?? 0)])) };
  }

  private async loadLabels(engine: Engine): Promise<void> {
    if (this.labelsLoaded || !this.deps.schema().has('labels')) return;
    this.labelsLoaded = true;
    try {
      const t = await engine.sys(`SELECT key, label_zh, label_en FROM labels ORDER BY (format = 'gov_2021') DESC, ord`);
      const m = new Map<string, { zh: string; en: string }>();
      for (const r of t.toArray() as { key: string; label_zh: string; label_en: string }[]) {
        if (!m.has(r.key)) m.set(r.key, { zh: r.label_zh, en: r.label_en });
      }
      this.labels = m;
    } catch {
      this.labelsLoaded = false;
    }
  }
}

const fits = (spec: ChartSpec, columns: readonly SourceColumn[]): boolean =>
  (['x', 'y', 'color', 'fx', 'fy'] as const).every((ch) => spec[ch] === null || columns.some((c) => c.name === spec[ch]));
