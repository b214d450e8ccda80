import { getContext } from 'svelte';
import { TABLES } from '../core/schema.ts';
import type { Engine, SchemaInfo } from '../db/engine.ts';
import { fetchManifest, type Manifest } from '../db/manifest.ts';
import { I18n, langFromUrl, type Lang } from '../i18n/i18n.svelte.ts';
import { ChartState } from './chartState.svelte.ts';
import { markAfterPaint, markOnce } from './marks.ts';
import { OVERVIEW_SQL, toOverview, type OverviewData } from './overviewQuery.ts';
import { QueryRun } from './queryRun.svelte.ts';
import { Catalog } from './catalog.svelte.ts';
import { ReportViewer } from './reportViewer.svelte.ts';
import { SchemaSamples } from './schemaSamples.svelte.ts';
import type { UrlPart } from './urlPart.ts';

export type Phase = 'manifest' | 'db' | 'data' | 'ready' | 'error';
export type Panel = 'overview' | 'reports' | 'report' | 'sql' | 'chart' | 'schema' | 'library';
const PANELS: readonly Panel[] = ['overview', 'reports', 'report', 'sql', 'chart', 'schema', 'library'];

export interface ReportListRow {
  report_id: string;
  title: string | null;
  organ: string | null;
  report_year: number | null;
  format: string;
  doc_kind: string;
  parse_status: string;
  n_errors: number;
}

export class Workbench {
  phase = $state<Phase>('manifest');
  startError = $state<string | null>(null);
  manifest = $state.raw<Manifest | null>(null);
  schema = $state.raw<SchemaInfo>(new Map());
  overview = $state.raw<OverviewData | null>(null);
  reports = $state.raw<ReportListRow[]>([]);
  panel = $state<Panel>('overview');
  readonly i18n: I18n;
  readonly query: QueryRun;
  /** facets + search; its selection is the `selection` table in DuckDB */
  readonly catalog: Catalog;
  readonly viewer: ReportViewer;
  readonly schemaSamples: SchemaSamples;
  readonly chart: ChartState;
  /** state that belongs in the URL (wired by the URL layer) */
  readonly urlParts: readonly UrlPart[];
  private engine: Engine | null = null;

  constructor(private readonly dataBase: URL, search = '') {
    const params = new URLSearchParams(search);
    this.i18n = new I18n(langFromUrl(search));
    const panel = params.get('panel');
    if (PANELS.includes(panel as Panel)) this.panel = panel as Panel;
    this.query = new QueryRun(
      () => this.engine,
      () => void this.engine?.schema().then((s) => (this.schema = s)),
    );
    this.catalog = new Catalog(() => this.engine);
    this.viewer = new ReportViewer(() => this.engine);
    this.schemaSamples = new SchemaSamples(() => this.engine);
    const sql = params.get('sql');
    if (sql) this.query.sql = sql;
    this.chart = new ChartState({
      engine: () => this.engine,
      resultSql: () => this.query.resultSql,
      schema: () => this.schema,
      i18n: this.i18n,
      onchange: () => this.syncUrl(),
    });
    const chart = params.get('chart');
    if (chart) {
      try {
        this.chart.restore(JSON.parse(chart));
      } catch {
        // a mangled link opens without its chart
      }
    }
    this.urlParts = [this.catalog, this.viewer, this.chart];
  }

  get ready(): boolean {
    return this.phase === 'ready';
  }

  async start(): Promise<void> {
    try {
      const manifestP = fetchManifest(this.dataBase);
      const engineP = import('../db/engine.ts').then(({ Engine }) => Engine.create(this.dataBase));
      // Download and decode the start-up tables while DuckDB instantiates.
      const decoded = Promise.all([manifestP, import('../db/fetchTableIpc.ts')]).then(([m, { fetchTableIpc }]) =>
        TABLES.filter((t) => t.eager).map((t) => {
          const file = m.tables.find((x) => x.name === t.name)?.file ?? `${t.name}.parquet`;
          const ipc = fetchTableIpc(this.dataBase, file);
          ipc.catch(() => {}); // reported when awaited below, not as an unhandled rejection meanwhile
          return [t.name, ipc] as const;
        }),
      );
      this.manifest = await manifestP;
      this.phase = 'db';
      this.engine = await engineP;
      markOnce('wb:db-ready');
      this.phase = 'data';
      const engine = this.engine;
      await Promise.all((await decoded).map(([name, ipc]) => engine.ensureTable(name, ipc)));
      await this.engine.createViews();
      await this.catalog.init();
      markOnce('wb:data-ready');
      const rows = (await this.engine.sys(OVERVIEW_SQL)).toArray() as { dim: string; k: string | null; n: number }[];
      this.overview = toOverview(rows.map((r) => ({ dim: r.dim, k: r.k, n: Number(r.n) })));
      this.phase = 'ready';
      markAfterPaint('wb:first-result');
      void this.loadSecondary();
    } catch (e) {
      this.startError = e instanceof Error ? e.message : String(e);
      this.phase = 'error';
    }
  }

  /** Work the first screen does not wait for. */
  private async loadSecondary(): Promise<void> {
    if (!this.engine) return;
    this.schema = await this.engine.schema();
    const t = await this.engine.sys(
      `SELECT report_id, title, organ, report_year, format, doc_kind, parse_status, n_errors FROM reports ORDER BY report_year DESC NULLS LAST, organ`,
    );
    this.reports = t.toArray().map((r) => ({ ...(r.toJSON() as ReportListRow), n_errors: Number(r.n_errors) }));
    if (this.viewer.reportId && !this.viewer.data) void this.viewer.open(this.viewer.reportId);
    if (this.panel === 'sql' && new URLSearchParams(location.search).has('sql')) void this.query.run();
  }

  setPanel(panel: Panel): void {
    this.panel = panel;
    this.syncUrl();
  }

  setLang(lang: Lang): void {
    this.i18n.lang = lang;
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    this.syncUrl();
  }

  openReport(id: string): void {
    void this.viewer.open(id);
    this.setPanel('report');
  }

  openInSql(sql: string): void {
    this.query.sql = sql;
    this.setPanel('sql');
    void this.query.run(sql);
  }

  private syncUrl(): void {
    const p = new URLSearchParams(location.search);
    p.set('panel', this.panel);
    if (this.i18n.lang === 'en') p.set('lang', 'en');
    else p.delete('lang');
    p.delete('sql');
    const chart = this.chart.snapshot();
    if (chart !== undefined) p.set('chart', JSON.stringify(chart));
    else p.delete('chart');
    history.replaceState(null, '', `?${p}`);
  }
}

const KEY = Symbol('workbench');
/** Context for mount(): the app's single Workbench, reached by every panel through getWorkbench(). */
export const workbenchContext = (wb: Workbench): Map<symbol, Workbench> => new Map([[KEY, wb]]);
export const getWorkbench = (): Workbench => getContext<Workbench>(KEY);
