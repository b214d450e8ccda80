import type { Diagnostic } from '../../schema.ts';
import type { SourceDocument, TextBox } from '../../document/sourceDocument.ts';
import { DocumentWriter, type SourceCell } from '../documentWriter.ts';
import type { PdfPlatform } from './pdfPlatform.ts';
import { pdfRulings } from './pdfRulings.ts';
import { groupLines, lineText, median, pdfRuns, WIDE_CHAR, type Run, type RunLine } from './pdfRuns.ts';
import { pdfTables, type PdfCell, type PdfTable } from './pdfTables.ts';
import { mergeContinuations } from './mergeContinuations.ts';
import { runningLines } from './runningLines.ts';
import { streamTables, type StreamTable } from './pdfStreamTables.ts';

/** Pages past this are not read: a report has < 40; a 500-page PDF is something else, and must not cost minutes. */
export const MAX_PDF_PAGES = 120;
/** A gap wider than this many font sizes between runs of a line (outside a ruled table) separates two columns. */
const COLUMN_GAP = 2.5;

export interface PdfLine {
  kind: 'line';
  page: number;
  line: RunLine;
  /** the line has column gaps: a row of a table drawn without rules */
  columns: boolean;
}
export interface PdfTableBlock {
  kind: 'table';
  page: number;
  table: PdfTable;
  /** a table without rules, rebuilt from positions (then `table` holds only its extent) */
  stream?: StreamTable;
  /** rows appended from the next pages (a table cut by a page break), with their page */
  more: { page: number; table: PdfTable }[];
}
export type PdfBlock = PdfLine | PdfTableBlock;

export interface ReadPdfOptions {
  maxPages?: number;
}

/**
 * PDF bytes → a SourceDocument, with pdf.js from the platform: per page the text runs with their positions and the
 * rules the page draws; ruled tables become grids (cells from the rules, spans where a rule is missing, runs put in
 * the cell under their centre); the other runs become lines in reading order, wrapped paragraph lines joined,
 * running headers, footers and page numbers dropped; a table cut by a page break continues on the next page.
 * Every written run keeps its box on its page. A PDF pdf.js cannot open throws.
 */
export async function readPdf(bytes: Uint8Array, platform: PdfPlatform, options: ReadPdfOptions = {}): Promise<SourceDocument> {
  const maxPages = options.maxPages ?? MAX_PDF_PAGES;
  // pdf.js takes ownership of (detaches) the buffer it is given
  const task = platform.getDocument({ ...platform.params, data: bytes.slice(), isEvalSupported: false, stopAtErrors: false, verbosity: 0 });
  const diagnostics: Diagnostic[] = [];
  const pages: { width: number; height: number }[] = [];
  const blocks: PdfBlock[][] = [];
  let rotated = 0;
  let nRuns = 0;
  try {
    const pdf = await task.promise;
    const n = Math.min(pdf.numPages, maxPages);
    if (pdf.numPages > maxPages)
      diagnostics.push({ severity: 'warning', code: 'pdf_pages_capped', message: `PDF of ${pdf.numPages} pages: only the first ${maxPages} were read` });
    for (let p = 1; p <= n; p++) {
      const page = await pdf.getPage(p);
      const view = page.view;
      pages.push({ width: view[2]! - view[0]!, height: view[3]! - view[1]! });
      const content = await page.getTextContent();
      const { runs, rotated: turned } = pdfRuns(content.items, view, p);
      rotated += turned;
      nRuns += runs.length;
      // the drawing is only needed where there is text to put in cells
      const rulings = runs.length > 0 ? pdfRulings(await page.getOperatorList(), platform.OPS, view) : [];
      blocks.push(pageBlocks(p, runs, rulings));
      page.cleanup();
    }
  } finally {
    await task.destroy();
  }
  if (nRuns === 0) {
    diagnostics.push({ severity: 'warning', code: 'no_text_layer', message: `PDF of ${pages.length} page${pages.length === 1 ? '' : 's'} without a text layer (a scan): there is no text to read without OCR` });
    return { kind: 'pdf', text: '', encoding: 'pdf', grids: [], pages, boxes: [], diagnostics };
  }
  const running = runningLines(blocks, pages);
  const flow = mergeContinuations(blocks.flat().filter((b) => !(b.kind === 'line' && running.has(b))));
  const w = new DocumentWriter();
  const boxes: TextBox[] = [];
  writeBlocks(flow, w, boxes);
  const text = w.text();
  const grids = w.grids();
  const nStream = flow.filter((b) => b.kind === 'table' && b.stream).length;
  const notes = [`${pages.length} page${pages.length === 1 ? '' : 's'}`, `${grids.length} table${grids.length === 1 ? '' : 's'} read as grids (${nStream} without rules)`];
  if (running.size > 0) notes.push(`${running.size} running header, footer or page-number line${running.size === 1 ? '' : 's'} removed`);
  if (rotated > 0) notes.push(`${rotated} rotated text item${rotated === 1 ? '' : 's'} (watermarks, stamps) not read`);
  diagnostics.push({ severity: 'info', code: 'pdf_read', message: `PDF read: ${notes.join(', ')}` });
  return { kind: 'pdf', text, encoding: 'pdf', grids, pages, boxes: boxes.filter((b) => b.end <= text.length), diagnostics };
}

/** One page's tables and lines, top to bottom. */
function pageBlocks(page: number, runs: Run[], rulings: ReturnType<typeof pdfRulings>): PdfBlock[] {
  const ruled = pdfTables(rulings, runs);
  const out: PdfBlock[] = ruled.tables.map((table) => ({ kind: 'table', page, table, more: [] }));
  const { tables: loose, rest } = streamTables(ruled.rest);
  for (const stream of loose)
    out.push({ kind: 'table', page, stream, more: [], table: { xs: [], ys: [], cells: [], top: stream.top, bottom: stream.bottom, left: 0, right: 0 } });
  for (const line of groupLines(rest)) {
    const l = lineText(line, COLUMN_GAP, ' | ');
    out.push({ kind: 'line', page, line: l, columns: l.text.includes(' | ') });
  }
  const top = (b: PdfBlock) => (b.kind === 'line' ? b.line.top : b.table.top);
  return out.sort((a, b) => top(a) - top(b));
}

/** Writes lines (wrapped paragraph lines joined) and tables in order, with a box for every run written. */
function writeBlocks(flow: readonly PdfBlock[], w: DocumentWriter, boxes: TextBox[]): void {
  const prose = flow.filter((b): b is PdfLine => b.kind === 'line' && !b.columns);
  const left = median(prose.map((b) => b.line.x));
  const right = percentile(prose.map((b) => b.line.right), 0.9);
  let para: PdfLine[] = [];
  const flush = () => {
    if (para.length > 0) writeParagraph(para, w, boxes);
    para = [];
  };
  for (const b of flow) {
    if (b.kind === 'table') {
      flush();
      writeTable(b, w, boxes);
      continue;
    }
    const prev = para[para.length - 1];
    if (prev && !(continues(prev, b, left, right))) flush();
    para.push(b);
  }
  flush();
}

const ENUMERATED = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．](?!\d)|第[一二三四五六七八九十]+[章节条])/;

/** B carries on the paragraph of A: A runs to the right margin, B starts at the left margin, same size, close below. */
function continues(a: PdfLine, b: PdfLine, left: number, right: number): boolean {
  if (a.columns || b.columns) return false;
  const size = a.line.size;
  if (Math.abs(b.line.size - size) > 0.5) return false;
  if (a.line.right < right - 1.5 * size) return false;
  if (b.line.x > left + 0.5 * size) return false;
  if (ENUMERATED.test(b.line.text)) return false;
  if (b.page === a.page && b.line.top - a.line.bottom > 1.5 * size) return false;
  return b.page === a.page || b.page === a.page + 1;
}

function writeParagraph(lines: PdfLine[], w: DocumentWriter, boxes: TextBox[]): void {
  let text = '';
  const placed: { run: Run; a: number; b: number }[] = [];
  for (const { line } of lines) {
    if (text && !(WIDE_CHAR.test(text[text.length - 1]!) && WIDE_CHAR.test(line.text[0]!))) text += ' ';
    line.runs.forEach((run, i) => placed.push({ run, a: text.length + line.at[i]![0], b: text.length + line.at[i]![1] }));
    text += line.text;
  }
  const { start } = w.lineAsIs(text);
  for (const p of placed) boxes.push(boxOf(p.run, p.run.page, start + p.a, start + p.b));
}

function writeTable(block: PdfTableBlock, w: DocumentWriter, boxes: TextBox[]): void {
  if (block.stream) return writeStream(block.stream, block.page, w, boxes);
  const parts = [{ page: block.page, table: block.table }, ...block.more];
  const rows: SourceCell[][] = [];
  const sources: { source: SourceCell; cell: PdfCell }[] = [];
  let offset = 0;
  for (const { table } of parts) {
    const n = table.ys.length - 1;
    for (let r = 0; r < n; r++) rows.push([]);
    for (const cell of table.cells) {
      if (cell.rowspan === 0) continue;
      const source: SourceCell = { text: cell.text, rowspan: cell.rowspan, colspan: cell.colspan };
      rows[offset + cell.row]!.push(source);
      sources.push({ source, cell });
    }
    offset += n;
  }
  w.table(rows, block.page);
  for (const { source, cell } of sources) {
    if (source.at === undefined || source.at < 0) continue;
    cell.runs.forEach((run, i) => {
      const [a, b] = cell.at[i]!;
      boxes.push(boxOf(run, run.page, source.at! + a, source.at! + b));
    });
  }
}

function writeStream(t: StreamTable, page: number, w: DocumentWriter, boxes: TextBox[]): void {
  const sources: { source: SourceCell; cell: PdfCell }[] = [];
  const rows = t.rows.map((row) =>
    row.filter((c) => c.rowspan > 0).map((cell) => {
      const source: SourceCell = { text: cell.text, rowspan: cell.rowspan, colspan: cell.colspan, ...(cell.elide ? { elide: true } : {}) };
      sources.push({ source, cell });
      return source;
    }),
  );
  w.table(rows, page);
  for (const { source, cell } of sources) {
    if (source.at === undefined || source.at < 0) continue;
    cell.runs.forEach((run, i) => {
      const [a, b] = cell.at[i]!;
      boxes.push(boxOf(run, run.page, source.at! + a, source.at! + b));
    });
  }
}

const boxOf = (run: Run, page: number, start: number, end: number): TextBox => ({
  start, end, page, x: round(run.x), y: round(run.top), w: round(run.w), h: round(run.bottom - run.top),
});
const round = (v: number) => Math.round(v * 10) / 10;

function percentile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}
