import { getContext } from 'svelte';
import { TABLES } from '../core/schema.ts';
import type { SchemaInfo } from '../db/connectors.ts';
import type { Engine } from '../db/engine.ts';
import { messageOf } from '../db/errors.ts';
import { fetchManifest, type Manifest } from '../db/manifest.ts';
import { I18n, type Lang } from '../i18n/i18n.svelte.ts';
import { BaseIntegrity } from './baseIntegrity.svelte.ts';
import { Catalog } from './catalog.svelte.ts';
import { CATALOG_BASE_SQL } from '../sql/catalogSql.ts';
import { OVERVIEW_SQL } from '../sql/overviewSql.ts';
import { ChartState } from './chartState.svelte.ts';
import { BuildDiagnostics } from './diagnostics.svelte.ts';
import { Downloads } from './downloads.svelte.ts';
import { markAfterPaint, markOnce } from './marks.ts';
import { toOverview, type OverviewData } from './overview.ts';
import { QueryLibrary } from './queryLibrary.svelte.ts';
import type { Question } from './questions.ts';
import { DEFAULT_SQL, QueryRun } from './queryRun.svelte.ts';
import { ReportViewer } from './reportViewer.svelte.ts';
import { SchemaSamples } from './schemaSamples.svelte.ts';
import { decodeView, type ViewState } from './urlCodec.ts';
import { UrlState } from './urlState.svelte.ts';

export type Phase = 'manifest' | 'db' | 'data' | 'ready' | 'error';
export interface Recovery {
  state: 'running' | 'done' | 'failed';
  /** what broke: DuckDB's message or the reason the engine gave */
  reason: string;
  /** the user's own tables that existed before and are gone */
  lost: string[];
  error: string | null;
}
export type Panel = 'overview' | 'reports' | 'report' | 'sql' | 'chart' | 'schema' | 'library' | 'diagnostics';
const PANELS: readonly Panel[] = ['overview', 'reports', 'report', 'sql', 'chart', 'schema', 'library', 'diagnostics'];

export class Workbench {
  #phase = $state<Phase>('manifest');
  #startError = $state<string | null>(null);
  #manifest = $state.raw<Manifest | null>(null);
  #schema = $state.raw<SchemaInfo>(new Map());
  #overview = $state.raw<OverviewData | null>(null);
  #panel = $state<Panel>('overview');
  /** the last re-initialisation of a broken engine (see recover()), shown until dismissed */
  #recovery = $state.raw<Recovery | null>(null);
  private recovering: Promise<void> | null = null;
  readonly i18n: I18n;
  readonly query: QueryRun;
  /** facets + search; its selection is the `selection` table in DuckDB */
  readonly catalog: Catalog;
  readonly viewer: ReportViewer;
  readonly schemaSamples: SchemaSamples;
  readonly chart: ChartState;
  /** query history and saved queries (browser storage) */
  readonly library: QueryLibrary;
  readonly downloads: Downloads;
  /** what the build met in each input file (the `diagnostics` table) */
  readonly diagnostics: BuildDiagnostics;
  /** the view in the URL: panel, language, SQL and the parts of the panels (catalog, open report, chart) */
  readonly url: UrlState;
  /** the loaded data set: guard for the user's SQL, check after it, one-click restore */
  readonly integrity: BaseIntegrity;
  private engine: Engine | null = null;

  constructor(private readonly dataBase: URL, search = '') {
    const view = decodeView(search);
    this.i18n = new I18n(view.lang ?? 'zh');
    if (PANELS.includes(view.panel as Panel)) this.#panel = view.panel as Panel;
    this.library = new QueryLibrary(() => localStorage);
    this.integrity = new BaseIntegrity(() => this.engine?.base ?? null, {
      expected: () => new Map((this.#manifest?.tables ?? []).map((t) => [t.name, { rows: t.rows, columns: t.columns.map((c) => c.name) }])),
      onrestored: () => this.afterRestore(),
    });
    this.query = new QueryRun(() => this.engine?.user ?? null, {
      onfinished: (run) => this.library.record(run),
      onschemachange: () => void this.engine?.db.schema().then((s) => (this.#schema = s)),
      guard: this.integrity.guard,
      onwrite: () => void this.integrity.verify(),
    });
    if (view.sql) this.query.setSql(view.sql);
    const reader = () => this.engine?.db ?? null;
    this.catalog = new Catalog(reader);
    this.viewer = new ReportViewer(reader);
    this.schemaSamples = new SchemaSamples(reader);
    this.diagnostics = new BuildDiagnostics(reader);
    this.downloads = new Downloads(() => this.engine?.exports ?? null, {
      sql: () => this.query.resultSql || this.query.sql,
      name: () => this.library.nameOf(this.query.resultSql || this.query.sql),
      refuse: async (sql) => {
        const lane = this.engine?.exports;
        if (!lane) return null;
        const v = this.integrity.guard(await lane.statements(sql));
        return v.kind === 'refuse' || v.writes ? this.i18n.t('protect_download_refused') : null;
      },
    });
    this.url = new UrlState({
      core: () => ({
        panel: this.#panel === 'overview' ? undefined : this.#panel,
        lang: this.i18n.lang,
        sql: this.query.sql === DEFAULT_SQL ? undefined : this.query.sql,
      }),
      applyCore: (v, cause) => this.applyView(v, cause),
    }, search);
    this.chart = new ChartState({
      chart: () => this.engine?.chart ?? null,
      resultSql: () => this.query.resultQuery,
      schema: () => this.#schema,
      i18n: this.i18n,
      onchange: () => this.url.schedule(),
    });
    for (const part of [this.catalog, this.viewer, this.chart]) this.url.register(part);
  }

  get phase(): Phase {
    return this.#phase;
  }
  get startError(): string | null {
    return this.#startError;
  }
  get manifest(): Manifest | null {
    return this.#manifest;
  }
  get schema(): SchemaInfo {
    return this.#schema;
  }
  get overview(): OverviewData | null {
    return this.#overview;
  }
  get panel(): Panel {
    return this.#panel;
  }
  get recovery(): Recovery | null {
    return this.#recovery;
  }

  get ready(): boolean {
    return this.#phase === 'ready';
  }

  async start(): Promise<void> {
    this.url.start();
    try {
      await this.boot(fetchManifest(this.dataBase));
      this.#phase = 'ready';
      markAfterPaint('wb:first-result');
      void this.diagnostics.load();
      void this.loadSecondary();
    } catch (e) {
      this.#startError = messageOf(e);
      this.#phase = 'error';
    }
  }

  /**
   * A new DuckDB with the start-up tables (from the Parquet files), the views, the catalog's selection and the
   * overview: at start-up, and again to recover from a crashed engine. Lazily loaded tables load again when used.
   */
  private async boot(manifestP: Promise<Manifest>): Promise<void> {
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
    this.#manifest = await manifestP;
    this.#phase = 'db';
    const engine = await engineP;
    this.engine = engine;
    markOnce('wb:db-ready');
    this.#phase = 'data';
    await Promise.all((await decoded).map(([name, ipc]) => engine.db.ensureTable(name, ipc)));
    await engine.db.createViews();
    await this.catalog.ensureSelection();
    markOnce('wb:data-ready');
    await this.loadOverview(engine);
    // the one route into recovery: whoever sees the database broken declares it failed (Database.fail)
    engine.db.onFailure((reason) => void this.recover(reason));
  }

  /**
   * Re-initialises DuckDB when its engine is broken (a WebAssembly trap such as an exhausted heap, an
   * invalidated database, a worker that stopped answering): the same path as start-up, without a page
   * reload, so the SQL in the editor and every panel's state stay. Tables the user created are lost.
   * Does nothing when the engine still answers. Concurrent calls share one recovery.
   */
  recover(reason: string): Promise<void> {
    return (this.recovering ??= this.rebuild(reason).finally(() => (this.recovering = null)));
  }

  private async rebuild(reason: string): Promise<void> {
    const old = this.engine;
    if (!old || this.#phase !== 'ready' || (await old.db.ping())) return;
    const before = this.#schema;
    this.#recovery = { state: 'running', reason, lost: [], error: null };
    this.engine = null;
    this.query.abandon();
    // a download streaming from the old worker would wait for ever
    this.downloads.cancel();
    void old.close();
    try {
      await this.boot(Promise.resolve(this.#manifest!));
      this.catalog.reset();
      this.schemaSamples.clear();
      this.#phase = 'ready';
      // not the SQL of the URL: it may be the very query that broke the engine
      await this.loadSecondary(false);
      const lost = [...before].filter(([name, s]) => s.kind === 'table' && !this.#schema.has(name)).map(([name]) => name);
      this.#recovery = { state: 'done', reason, lost, error: null };
    } catch (e) {
      this.#recovery = { state: 'failed', reason, lost: [], error: messageOf(e) };
      this.#startError = this.#recovery.error;
      this.#phase = 'error';
    }
  }

  private async loadOverview(engine: Engine): Promise<void> {
    const rows = (await engine.db.read(OVERVIEW_SQL)).toArray() as { dim: string; k: string | null; n: number }[];
    this.#overview = toOverview(rows.map((r) => ({ dim: r.dim, k: r.k, n: Number(r.n) })));
  }

  /** Work the first screen does not wait for. */
  private async loadSecondary(first = true): Promise<void> {
    if (!this.engine) return;
    const guarded = this.integrity.prepare().catch(() => {});
    await this.catalog.load();
    this.#schema = await this.engine.db.schema();
    if (this.viewer.reportId && !this.viewer.data) void this.viewer.open(this.viewer.reportId);
    await guarded; // a shared link's SQL may carry a DROP of a view
    if (first && this.#panel === 'sql' && new URLSearchParams(location.search).has('sql')) void this.query.run();
  }

  /** The base tables are back: rebuild what panels derived from them (catalog, selection, overview, open report). */
  private async afterRestore(): Promise<void> {
    const engine = this.engine;
    if (!engine) return;
    await engine.db.read(CATALOG_BASE_SQL);
    await this.catalog.ensureSelection();
    await this.catalog.refresh();
    await this.loadOverview(engine);
    this.#schema = await engine.db.schema();
    if (this.viewer.reportId) void this.viewer.open(this.viewer.reportId);
  }

  dismissRecovery(): void {
    this.#recovery = null;
  }

  setPanel(panel: Panel): void {
    this.#panel = panel;
  }

  setLang(lang: Lang): void {
    this.i18n.lang = lang;
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }

  /** Panel, language and SQL of a view from the URL (Back/Forward) or a view file. */
  private applyView(view: ViewState, _cause: 'popstate' | 'file'): void {
    this.#panel = PANELS.includes(view.panel as Panel) ? (view.panel as Panel) : 'overview';
    this.setLang(view.lang ?? 'zh');
    const sql = view.sql ?? DEFAULT_SQL;
    if (sql !== this.query.sql) {
      this.query.setSql(sql);
      if (this.ready && this.#panel === 'sql') void this.query.run(sql);
    }
  }

  openReport(id: string): void {
    void this.viewer.open(id);
    this.setPanel('report');
  }

  /** A library question: its SQL runs in the SQL panel, and the chart builder will draw it with the question's chart. */
  openQuestion(question: Question): void {
    this.chart.suggest(question.sql, question.chart);
    this.openInSql(question.sql);
  }

  openInSql(sql: string): void {
    this.query.setSql(sql);
    this.setPanel('sql');
    void this.query.run(sql);
  }
}

const KEY = Symbol('workbench');
/** Context for mount(): the app's single Workbench, reached by every panel through getWorkbench(). */
export const workbenchContext = (wb: Workbench): Map<symbol, Workbench> => new Map([[KEY, wb]]);
export const getWorkbench = (): Workbench => getContext<Workbench>(KEY);
