import { unzipSync } from 'fflate';
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import type { Diagnostic } from '../schema.ts';
import type { SourceDocument } from '../document/sourceDocument.ts';
import { DocumentWriter, type SourceCell } from './documentWriter.ts';
import { joinPieces } from './joinPieces.ts';
import { decodeBytes } from '../decode/decodeBytes.ts';

/** document.xml beyond this is no report (a report's is < 2 MB; pictures live in other parts). */
const MAX_XML_BYTES = 64 * 1024 * 1024;

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

const children = (n: Node): Element[] => {
  const out: Element[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) if (c.nodeType === ELEMENT) out.push(c as Element);
  return out;
};
const local = (e: Element): string => e.localName ?? e.nodeName.replace(/^.*:/, '');
const child = (e: Element, name: string): Element | undefined => children(e).find((c) => local(c) === name);
const val = (e: Element | undefined): string | null => (e ? (attrLocal(e, 'val') ?? '') : null);

/**
 * A Word .docx → a SourceDocument: word/document.xml read from the zip with fflate and parsed with xmldom;
 * paragraphs become lines, every w:tbl a grid (gridSpan → colspan, vMerge → rowspan, gridBefore → leading empty
 * slots), a table inside a cell read as that cell's text. Deleted revisions, field codes and the fallback copies of
 * drawings (mc:Fallback) are left out. Throws when the zip or the XML cannot be read.
 */
export function readDocx(bytes: Uint8Array): SourceDocument {
  const files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' && f.originalSize <= MAX_XML_BYTES });
  const xml = files['word/document.xml'];
  if (!xml) throw new Error('no word/document.xml in the archive: not a Word document');
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level: string, message: string) => {
      if (level !== 'warning') errors.push(message);
    },
  }).parseFromString(decodeBytes(xml).text, 'text/xml');
  const root = doc.documentElement;
  if (!root || (errors.length > 0 && !root.firstChild)) throw new Error(`word/document.xml is not well-formed XML: ${errors[0] ?? 'no root element'}`);
  const body = children(root).find((c) => local(c) === 'body');
  const w = new DocumentWriter();
  let tables = 0;
  const block = (e: Element) => {
    for (const c of children(e)) {
      const name = local(c);
      if (name === 'p') for (const line of paragraphLines(c)) w.line(line);
      else if (name === 'tbl') {
        if (w.table(tableRows(c))) tables++;
      } else if (name === 'sdt') {
        const content = child(c, 'sdtContent');
        if (content) block(content);
      } else if (name === 'customXml' || name === 'ins' || name === 'smartTag') block(c);
    }
  };
  if (body) block(body);
  const diagnostics: Diagnostic[] = [{ severity: 'info', code: 'docx_read', message: `Word document read: ${tables} table${tables === 1 ? '' : 's'} read as grids` }];
  if (errors.length > 0) diagnostics.push({ severity: 'warning', code: 'docx_xml', message: `word/document.xml has XML errors; read what parsed: ${errors[0]}` });
  return { kind: 'docx', text: w.text(), encoding: 'docx', grids: w.grids(), diagnostics };
}

/** A paragraph's text; a line break (w:br, w:cr) inside it starts a new line. */
function paragraphLines(p: Element): string[] {
  const lines: string[] = [''];
  const visit = (e: Element) => {
    for (let c = e.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== ELEMENT) continue;
      const el = c as Element;
      const name = local(el);
      if (name === 't') lines[lines.length - 1] += textOf(el);
      else if (name === 'tab' || name === 'ptab') lines[lines.length - 1] += '\t';
      else if (name === 'noBreakHyphen') lines[lines.length - 1] += '-';
      else if (name === 'br' || name === 'cr') {
        const type = attrLocal(el, 'type');
        if (type !== 'page' && type !== 'column') lines.push('');
      } else if (name === 'del' || name === 'instrText' || name === 'delText' || name === 'Fallback' || name === 'rPr' || name === 'pPr' || name === 'fldData') continue;
      else visit(el);
    }
  };
  visit(p);
  return lines;
}

const textOf = (e: Element): string => {
  let s = '';
  for (let c = e.firstChild; c; c = c.nextSibling) if (c.nodeType === TEXT || c.nodeType === CDATA) s += (c as unknown as { data: string }).data;
  return s;
};

function attrLocal(e: Element, name: string): string | null {
  for (let i = 0; i < e.attributes.length; i++) {
    const a = e.attributes.item(i)!;
    if ((a.localName ?? a.name.replace(/^.*:/, '')) === name) return a.value;
  }
  return null;
}

/** The rows of a w:tbl as source cells: horizontal merges as colspan, vertical merges folded into rowspan. */
function tableRows(tbl: Element): SourceCell[][] {
  const rows: SourceCell[][] = [];
  // the cell that starts a vertical merge, by grid column
  const open = new Map<number, SourceCell>();
  for (const tr of children(tbl).filter((c) => local(c) === 'tr')) {
    const row: SourceCell[] = [];
    let col = 0;
    const trPr = child(tr, 'trPr');
    const before = Number(val(trPr && child(trPr, 'gridBefore')) || 0);
    if (before > 0) {
      row.push({ text: '', colspan: before });
      col += before;
    }
    for (const tc of rowCells(tr)) {
      const tcPr = child(tc, 'tcPr');
      const span = Math.max(1, Number(val(tcPr && child(tcPr, 'gridSpan')) || 1) || 1);
      const vMerge = tcPr && child(tcPr, 'vMerge');
      const merge = vMerge ? (val(vMerge) || 'continue') : null;
      if (merge === 'continue' && open.has(col)) {
        const top = open.get(col)!;
        top.rowspan = (top.rowspan ?? 1) + 1;
        col += span;
        continue;
      }
      const cell: SourceCell = { text: cellText(tc), colspan: span };
      if (merge === 'restart') open.set(col, cell);
      else for (let k = col; k < col + span; k++) open.delete(k);
      row.push(cell);
      col += span;
    }
    rows.push(row);
  }
  return rows;
}

/** The w:tc of a row, including those wrapped in content controls or custom XML. */
function rowCells(tr: Element): Element[] {
  const out: Element[] = [];
  for (const c of children(tr)) {
    const name = local(c);
    if (name === 'tc') out.push(c);
    else if (name === 'sdt') {
      const content = child(c, 'sdtContent');
      if (content) out.push(...rowCells(content));
    } else if (name === 'customXml') out.push(...rowCells(c));
  }
  return out;
}

/** A cell's paragraphs (and any table inside it) joined into one line. */
function cellText(tc: Element): string {
  const pieces: string[] = [];
  const visit = (e: Element) => {
    for (const c of children(e)) {
      const name = local(c);
      if (name === 'p') pieces.push(...paragraphLines(c));
      else if (name === 'tbl' || name === 'tr' || name === 'tc' || name === 'sdt' || name === 'sdtContent' || name === 'customXml') visit(c);
    }
  };
  visit(tc);
  return joinPieces(pieces);
}
