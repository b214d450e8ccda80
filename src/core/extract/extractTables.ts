import type { CellRow, Diagnostic } from '../schema.ts';
import { extractActive } from './extractActive.ts';
import { extractApplications } from './extractApplications.ts';
import { extractReview } from './extractReview.ts';
import { tokensOf } from './gridTokens.ts';
import type { TableContext, TablesInput } from './tableContext.ts';
import { tokenize } from './tokenize.ts';

export interface TableExtraction {
  cells: CellRow[];
  diagnostics: Diagnostic[];
  /** table ids found with at least one row */
  found: string[];
}

/** Where the applications table begins when no heading says so: its 申请人情况 header, else the line of 本年新收. */
function appsTableStart(text: string, from: number): number {
  const row = text.indexOf('本年新收', from);
  if (row < 0) return -1;
  const head = text.lastIndexOf('申请人情况', row);
  const at = head >= from && row - head < 800 ? head : row;
  return Math.max(text.lastIndexOf("\n", at - 1) + 1, at - 400);
}

type Region = { start: number; end: number };

/**
 * The template tables of sections 二, 三 and 四 as cells with offsets into `text` and the report's id. Grid sources
 * give their table grids (read cell by cell); text sources go through the layout tokeniser. A table with some rows is
 * kept with those rows (partial, with a diagnostic naming the missing ones); cells the rules cannot place are blank
 * and flagged, never guessed.
 */
export function extractTables(input: TablesInput): TableExtraction {
  const { text, sections } = input;
  const format = input.format;
  if (format !== 'gov_2021' && format !== 'gov_2019') return { cells: [], diagnostics: [], found: [] };
  const ctx: TableContext = { text, reportId: input.reportId, format, grids: input.grids, cells: [], diagnostics: [] };
  const tokens = (r: Region) => tokensOf(text, r.start, r.end, input.grids, tokenize);
  const sec = (key: string): Region | undefined => sections.find((s) => s.key === key);
  // a heading the segmenter did not recognise must not lose a table: look for the table itself, and say so
  const missing = (what: string, found: boolean, at?: number): void => {
    ctx.diagnostics.push({ severity: 'warning', code: 'section_missing', message: `section ${what} not found${found ? '; its table was read where it stands' : ''}`, ...(at === undefined ? {} : { start: at, end: at }) });
  };
  const span = (start: number, end: number): Region => ({ start, end: Math.max(start, end) });

  let active = sec('active_disclosure');
  if (!active) {
    const at = text.search(/第二十条第?\s*[(（]\s*一\s*[)）]/);
    const end = sec('applications')?.start ?? (at >= 0 ? appsTableStart(text, at) : -1);
    if (at >= 0) active = span(at, end > at ? end : Math.min(text.length, at + 6000));
    missing('二 (active disclosure)', !!active, at >= 0 ? at : undefined);
  }
  if (active) extractActive(ctx, tokens(active));

  let apps = sec('applications');
  if (!apps) {
    const at = text.indexOf('本年新收', active?.end ?? 0);
    if (at >= 0) apps = span(Math.max(active?.end ?? 0, appsTableStart(text, at)), sec('review_litigation')?.start ?? text.length);
    missing('三 (applications)', !!apps, at >= 0 ? at : undefined);
  }
  if (apps) extractApplications(ctx, tokens(apps), apps);

  let review = sec('review_litigation');
  if (!review) {
    const appsEnd = ctx.cells.filter((c) => c.table_id === 'applications').reduce((m, c) => Math.max(m, c.end), apps?.start ?? 0);
    const at = text.indexOf('行政复议', appsEnd);
    if (at >= 0) {
      const next = sections.find((s) => (s.key === 'problems' || s.key === 'other') && s.start > at)?.start;
      review = span(at, next ?? Math.min(text.length, at + 4000));
    }
    missing('四 (review and litigation)', !!review, at >= 0 ? at : undefined);
  }
  if (review) extractReview(ctx, tokens(review), review);
  const found = [...new Set(ctx.cells.map((c) => c.table_id))];
  return { cells: ctx.cells, diagnostics: ctx.diagnostics, found };
}
