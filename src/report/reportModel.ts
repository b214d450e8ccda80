// What the report viewer shows for one report, as pure functions of its rows, the language and the dictionary:
// marks in the text, the official tables, the checks that failed and the cells behind them. ReportView.svelte only
// wires these to the page (and keeps which mark or check is active).
import type { CellRow, CheckRow, FactRow } from '../core/schema.ts';
import type { Lang } from '../i18n/i18n.svelte.ts';
import type { MessageKey } from '../i18n/zh.ts';
import type { ReportData } from '../state/reportViewer.svelte.ts';
import { checkRefs, refKey, type CellRef } from './checkRefs.ts';
import { tableLayout, type TableLayout } from './tableLayout.ts';
import { textSections, type TextSection } from './textSegments.ts';

export type Mark = { start: number; end: number; key: string } & ({ kind: 'cell'; cell: CellRow } | { kind: 'fact'; fact: FactRow; i: number });
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface ReportTable {
  id: string;
  layout: TableLayout;
  cells: Map<string, CellRow>;
}

export const cellKey = (c: { table_id: string; row_key: string; col_key: string }): string => `${c.table_id}.${c.row_key}.${c.col_key}`;

export const fmtNum = (n: number | null): string => (n === null ? '—' : Number.isInteger(n) ? n.toLocaleString() : n.toFixed(2));

/** A key of the dictionary, or `fallback` when the dictionary has none (a table or fact the UI has no name for). */
const named = (t: Translate, key: string, fallback: string): string => t(key as MessageKey) ?? fallback;

export class ReportModel {
  readonly marks: Mark[];
  readonly sections: TextSection<Mark>[];
  readonly failed: CheckRow[];
  readonly cellsByKey: Map<string, CellRow>;
  /** messages of failed checks per cell key, shown on the cell */
  readonly failing: Map<string, string[]>;
  readonly tables: ReportTable[];
  private readonly labels: Map<string, ReportData['labels'][number]>;

  constructor(
    readonly data: ReportData,
    readonly lang: Lang,
    private readonly t: Translate,
  ) {
    this.labels = new Map(data.labels.map((l) => [`${l.table_id}.${l.kind}.${l.key}`, l]));
    this.cellsByKey = new Map(data.cells.map((c) => [cellKey(c), c]));
    this.marks = [
      ...data.cells.filter((c) => c.end > c.start).map((c) => ({ kind: 'cell' as const, start: c.start, end: c.end, key: cellKey(c), cell: c })),
      ...data.facts.map((f, i) => ({ kind: 'fact' as const, start: f.start, end: f.end, key: `fact.${i}`, fact: f, i })),
    ];
    this.sections = textSections(data.text, data.sections, this.marks);
    this.failed = data.checks.filter((c) => c.status === 'fail');
    this.failing = new Map();
    for (const c of this.failed) {
      for (const k of this.keysOf(c)) this.failing.set(k, [...(this.failing.get(k) ?? []), `${c.rule_id}: ${this.msg(c)}`]);
    }
    this.tables = tablesOf(data);
  }

  label(table: string, kind: 'row' | 'col', key: string, fallback?: string | null): string {
    const l = this.labels.get(`${table}.${kind}.${key}`);
    return l ? (this.lang === 'zh' ? l.label_zh : l.label_en) : (fallback ?? key);
  }

  tableName(id: string): string {
    return named(this.t, `table_${id}`, id);
  }

  factName(label: string): string {
    return named(this.t, `fact_${label}`, label);
  }

  sectionName(key: string): string {
    return named(this.t, `section_${key}`, key);
  }

  msg(c: CheckRow): string {
    return this.lang === 'zh' ? c.message_zh : c.message_en;
  }

  cellLabel(c: CellRow): string {
    const value = c.flag && c.value === null ? '?' : c.state === 'blank' ? this.t('viewer_blank') : c.raw;
    const flag = c.flag ? ` — ${this.t(`flag_${c.flag}` as MessageKey)}` : '';
    return `${this.tableName(c.table_id)} · ${this.label(c.table_id, 'row', c.row_key, c.row_label)} · ${this.label(c.table_id, 'col', c.col_key)} = ${value}${flag}`;
  }

  factLabel(f: FactRow): string {
    return `${this.t('viewer_fact')} · ${this.factName(f.label)} = ${f.value}${f.unit ?? ''}`;
  }

  refsOf(c: CheckRow): { lhs: CellRef[]; rhs: CellRef[] } {
    return checkRefs(this.data.report.format ?? 'gov_2021', c);
  }

  /** Keys of the cells a check reads, both sides. */
  keysOf(c: CheckRow): string[] {
    const r = this.refsOf(c);
    return [...r.lhs, ...r.rhs].map(refKey);
  }

  /** The first cell of a check that the report has, to scroll to. */
  firstCellOf(c: CheckRow): string | undefined {
    return this.keysOf(c).find((k) => this.cellsByKey.has(k));
  }

  /** "自然人 138 + 商业企业 2 …": the shared row (or column) of all refs is named once, by the caller's message. */
  sideText(refs: CellRef[], all: CellRef[]): string {
    const oneRow = new Set(all.map((r) => r.row_key)).size === 1;
    const oneCol = new Set(all.map((r) => r.col_key)).size === 1;
    return refs
      .map((r) => {
        const c = this.cellsByKey.get(refKey(r));
        const col = this.label(r.table_id, 'col', r.col_key);
        const row = this.label(r.table_id, 'row', r.row_key);
        const name = oneRow ? col : oneCol ? row : `${row}/${col}`;
        return `${name} ${c ? (c.value ?? '∅') : '—'}`;
      })
      .join(' + ');
  }
}

/** The report's tables in the order they appear in the text. */
function tablesOf(d: ReportData): ReportTable[] {
  const firstStart = new Map<string, number>();
  for (const c of d.cells) firstStart.set(c.table_id, Math.min(firstStart.get(c.table_id) ?? Infinity, c.start >= 0 ? c.start : Infinity));
  return [...firstStart.keys()]
    .sort((a, b) => firstStart.get(a)! - firstStart.get(b)! || a.localeCompare(b))
    .map((id) => ({
      id,
      layout: tableLayout(id, d.labels, d.cells),
      cells: new Map(d.cells.filter((c) => c.table_id === id).map((c) => [`${c.row_key}.${c.col_key}`, c])),
    }));
}
