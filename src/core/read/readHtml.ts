import { parse, type DefaultTreeAdapterMap } from 'parse5';
import type { Diagnostic } from '../schema.ts';
import type { SourceDocument } from '../document/sourceDocument.ts';
import { DocumentWriter, type SourceCell } from './documentWriter.ts';
import { joinPieces } from './joinPieces.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Elements whose content is never text of the page. */
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'head', 'iframe', 'object', 'embed', 'textarea', 'select', 'button', 'canvas', 'video', 'audio']);
const BLOCK = new Set([
  'p', 'div', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th',
  'caption', 'section', 'article', 'header', 'footer', 'nav', 'aside', 'main', 'blockquote', 'form', 'fieldset', 'figure', 'figcaption', 'address',
  'center', 'title', 'body', 'html', 'pre', 'legend', 'details', 'summary',
]);
const WIDE_BREAK = /([\u2e80-\u9fff\uff00-\uffef\u3000-\u303f])[ \t\r]*\n\s*(?=[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f])/g;
/** A table cell longer than this is page layout (a whole report in one <td>), not a cell of a report table. */
const MAX_CELL_CHARS = 400;

export interface HtmlCounts {
  scripts: number;
  styles: number;
  /** on…= attributes (onclick, onerror, onload…) */
  handlers: number;
  /** other elements */
  tags: number;
}

const isElement = (n: Node): n is Element => 'tagName' in n;
const childrenOf = (n: Node): Node[] => ('childNodes' in n ? (n.childNodes as Node[]) : []);
const attr = (e: Element, name: string): string | undefined => e.attrs.find((a) => a.name === name)?.value;

/**
 * An HTML page → a SourceDocument: parsed by parse5 (the WHATWG algorithm, so unclosed cells and misnested tags
 * resolve as in the browser the page was made for), scripts, styles and other non-text elements dropped with their
 * content, block elements on lines of their own, and every <table> that holds data (at least 2 × 2, no table
 * inside, short cells) read as a grid with rowspan/colspan resolved. Tables used for page layout are read as text.
 */
export function readHtml(html: string, encoding: string, diagnostics: readonly Diagnostic[] = []): SourceDocument {
  const doc = parse(html);
  const counts: HtmlCounts = { scripts: 0, styles: 0, handlers: 0, tags: 0 };
  const w = new DocumentWriter();
  const flow = new Flow(w);
  walk(doc, flow, counts, false);
  flow.flush();
  const out: Diagnostic[] = [...diagnostics, {
    severity: 'info', code: 'html_stripped',
    message: `HTML page converted to text: removed ${counts.scripts} <script>, ${counts.styles} <style>, ${counts.handlers} event-handler attributes (on…=) and ${counts.tags} other tags; ${w.grids().length} table${w.grids().length === 1 ? '' : 's'} read as grids`,
  }];
  return { kind: 'html', text: w.text(), encoding, grids: w.grids(), diagnostics: out };
}

/** Inline text gathered until a block boundary ends the line. */
class Flow {
  #pieces: string[] = [];
  constructor(readonly writer: DocumentWriter) {}

  text(s: string, pre: boolean): void {
    if (pre && s.includes('\n')) {
      const lines = s.split('\n');
      lines.forEach((l, i) => {
        if (i > 0) this.flush();
        this.#pieces.push(l);
      });
      return;
    }
    this.#pieces.push(s);
  }

  flush(): void {
    // a line break in the markup between two Chinese characters is no space on the page's line of text
    if (this.#pieces.length > 0) this.writer.line(this.#pieces.join('').replace(WIDE_BREAK, '$1'));
    this.#pieces = [];
  }
}

function countElement(e: Element, counts: HtmlCounts): void {
  for (const a of e.attrs) if (/^on[a-z]+$/i.test(a.name)) counts.handlers++;
  if (e.tagName === 'script') counts.scripts++;
  else if (e.tagName === 'style') counts.styles++;
  else counts.tags++;
}

/** Counts what a dropped subtree held (scripts in <head>, handlers on elements inside <svg>, …). */
function countDropped(e: Element, counts: HtmlCounts): void {
  countElement(e, counts);
  for (const c of childrenOf(e)) if (isElement(c)) countDropped(c, counts);
  if (e.tagName === 'template' && 'content' in e) for (const c of childrenOf(e.content as Node)) if (isElement(c)) countDropped(c, counts);
}

function walk(node: Node, flow: Flow, counts: HtmlCounts, pre: boolean): void {
  for (const child of childrenOf(node)) {
    if (child.nodeName === '#text') {
      flow.text((child as DefaultTreeAdapterMap['textNode']).value, pre);
      continue;
    }
    if (!isElement(child)) continue;
    const tag = child.tagName;
    if (DROPPED.has(tag)) {
      countDropped(child, counts);
      // text a page puts between blocks still separates what is around it
      if (tag !== 'head') flow.text(' ', false);
      continue;
    }
    countElement(child, counts);
    if (tag === 'table' && readTable(child, flow, counts)) continue;
    const block = BLOCK.has(tag);
    if (block) flow.flush();
    walk(child, flow, counts, pre || tag === 'pre' || tag === 'textarea');
    if (block) flow.flush();
  }
}

/** Rows of a table's own sections (not those of a table nested in a cell). */
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const c of childrenOf(table)) {
    if (!isElement(c)) continue;
    if (c.tagName === 'tr') rows.push(c);
    else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot')
      for (const r of childrenOf(c)) if (isElement(r) && r.tagName === 'tr') rows.push(r);
  }
  return rows;
}

const hasNestedTable = (e: Element): boolean => childrenOf(e).some((c) => isElement(c) && (c.tagName === 'table' || hasNestedTable(c)));

/** Reads a data table as a grid; false when the table is layout (then its content is read as page text). */
function readTable(table: Element, flow: Flow, counts: HtmlCounts): boolean {
  if (hasNestedTable(table)) return false;
  const rows = tableRows(table);
  // counted into the page's counts only if the table is read as a grid (else the walk counts it as text)
  const own: HtmlCounts = { scripts: 0, styles: 0, handlers: 0, tags: 0 };
  const cells: SourceCell[][] = rows.map((tr) =>
    childrenOf(tr).filter((c): c is Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th')).map((td) => ({
      text: cellText(td, own),
      rowspan: spanOf(attr(td, 'rowspan')),
      colspan: spanOf(attr(td, 'colspan')),
    })),
  );
  const width = Math.max(0, ...cells.map((r) => r.reduce((n, c) => n + (c.colspan ?? 1), 0)));
  if (cells.length < 2 || width < 2 || cells.some((r) => r.some((c) => c.text.length > MAX_CELL_CHARS))) {
    return false;
  }
  flow.flush();
  const caption = childrenOf(table).find((c): c is Element => isElement(c) && c.tagName === 'caption');
  if (caption) flow.writer.line(cellText(caption, own));
  for (const k of ['scripts', 'styles', 'handlers', 'tags'] as const) counts[k] += own[k];
  flow.writer.table(cells);
  return true;
}

/** A span attribute's number, also when a page escaped its quotes (`colspan=\"5\"`, markup saved from a script). */
const spanOf = (v: string | undefined): number | undefined => {
  const m = v?.match(/\d+/);
  return m ? parseInt(m[0], 10) : undefined;
};

/** A cell's text: its paragraphs and line breaks joined (CJK pieces without a space), dropped elements left out. */
function cellText(cell: Element, counts: HtmlCounts): string {
  const pieces: string[] = [];
  let current = '';
  const visit = (n: Node) => {
    for (const c of childrenOf(n)) {
      if (c.nodeName === '#text') {
        current += (c as DefaultTreeAdapterMap['textNode']).value;
        continue;
      }
      if (!isElement(c)) continue;
      if (DROPPED.has(c.tagName)) {
        countDropped(c, counts);
        continue;
      }
      countElement(c, counts);
      const block = BLOCK.has(c.tagName);
      if (block) { pieces.push(current); current = ''; }
      visit(c);
      if (block) { pieces.push(current); current = ''; }
    }
  };
  visit(cell);
  pieces.push(current);
  return joinPieces(pieces);
}
