import { unzipSync } from 'fflate';
import { Parser } from 'htmlparser2';
import type { SourceDocument } from '../document/sourceDocument.ts';
import { DocumentWriter, type SourceCell } from './documentWriter.ts';
import { joinPieces } from './joinPieces.ts';
import { decodeBytes } from '../decode/decodeBytes.ts';
import { NumberingCounter, type Numbering, type NumberingLevel } from './docxNumbering.ts';

/** document.xml beyond this is no report (a report's is < 2 MB; pictures live in other parts). */
const MAX_XML_BYTES = 64 * 1024 * 1024;

/** An element of document.xml: local name (w:tc → tc), attributes by local name, children in order. */
interface Element {
  name: string;
  attrs: Record<string, string>;
  children: (Element | string)[];
}

const localName = (qname: string): string => qname.slice(qname.indexOf(':') + 1);

/** document.xml → a tree of its elements (htmlparser2 in XML mode: a SAX parser, ≈ 10× faster than a DOM one). */
function parseXml(xml: string): Element {
  const root: Element = { name: '#root', attrs: {}, children: [] };
  const stack: Element[] = [root];
  const parser = new Parser({
    onopentag(name, attribs) {
      const attrs: Record<string, string> = {};
      for (const k in attribs) attrs[localName(k)] = attribs[k]!;
      const e: Element = { name: localName(name), attrs, children: [] };
      stack[stack.length - 1]!.children.push(e);
      stack.push(e);
    },
    ontext(text) {
      stack[stack.length - 1]!.children.push(text);
    },
    onclosetag() {
      if (stack.length > 1) stack.pop();
    },
  }, { xmlMode: true, decodeEntities: true, recognizeCDATA: true });
  parser.write(xml);
  parser.end();
  return root;
}

const children = (e: Element): Element[] => e.children.filter((c): c is Element => typeof c !== 'string');
const child = (e: Element, name: string): Element | undefined => children(e).find((c) => c.name === name);
const val = (e: Element | undefined): string | null => (e ? (e.attrs.val ?? '') : null);

/**
 * A Word .docx → a SourceDocument: word/document.xml read from the zip with fflate and parsed with htmlparser2;
 * paragraphs become lines, every w:tbl a grid (gridSpan → colspan, vMerge → rowspan, gridBefore → leading empty
 * slots), a table inside a cell read as that cell's text. Deleted revisions, field codes and the fallback copies of
 * drawings (mc:Fallback) are left out. Throws when the zip or the XML cannot be read.
 */
export function readDocx(bytes: Uint8Array): SourceDocument {
  const files = unzipSync(bytes, { filter: (f) => (f.name === 'word/document.xml' || f.name === 'word/numbering.xml') && f.originalSize <= MAX_XML_BYTES });
  const xml = files['word/document.xml'];
  if (!xml) throw new Error('no word/document.xml in the archive: not a Word document');
  const root = children(parseXml(decodeBytes(xml).text)).find((c) => c.name === 'document');
  if (!root) throw new Error('word/document.xml has no w:document element');
  const body = child(root, 'body');
  const numbers = new NumberingCounter(files['word/numbering.xml'] ? numberingOf(parseXml(decodeBytes(files['word/numbering.xml']).text)) : { lists: new Map() });
  const w = new DocumentWriter();
  let tables = 0;
  const block = (e: Element) => {
    for (const c of children(e)) {
      const name = c.name;
      if (name === 'p') {
        const lines = paragraphLines(c);
        const number = paragraphNumber(c, numbers);
        if (number) lines[0] = /[、.．)）:：]$/.test(number) ? number + lines[0] : `${number} ${lines[0]}`;
        for (const line of lines) w.line(line);
      }
      else if (name === 'tbl') {
        if (w.table(tableRows(c))) tables++;
      } else if (name === 'sdt') {
        const content = child(c, 'sdtContent');
        if (content) block(content);
      } else if (name === 'customXml' || name === 'ins' || name === 'smartTag') block(c);
    }
  };
  if (body) block(body);
  const diagnostics = [{ severity: 'info' as const, code: 'docx_read', message: `Word document read: ${tables} table${tables === 1 ? '' : 's'} read as grids` }];
  return { kind: 'docx', text: w.text(), encoding: 'docx', grids: w.grids(), diagnostics };
}

/** The number Word puts before a numbered paragraph (w:numPr), '' for none. */
function paragraphNumber(p: Element, numbers: NumberingCounter): string {
  const numPr = child(child(p, 'pPr') ?? { name: '', attrs: {}, children: [] }, 'numPr');
  if (!numPr) return '';
  const numId = val(child(numPr, 'numId'));
  if (!numId || numId === '0') return '';
  return numbers.next(numId, Number(val(child(numPr, 'ilvl')) || 0));
}

/** word/numbering.xml: each w:num's levels (format, text, start) from its w:abstractNum. */
function numberingOf(xml: Element): Numbering {
  const root = children(xml).find((c) => c.name === 'numbering');
  const abstract = new Map<string, Map<number, NumberingLevel>>();
  const lists = new Map<string, Map<number, NumberingLevel>>();
  if (!root) return { lists };
  for (const a of children(root).filter((c) => c.name === 'abstractNum')) {
    const levels = new Map<number, NumberingLevel>();
    for (const l of children(a).filter((c) => c.name === 'lvl'))
      levels.set(Number(l.attrs.ilvl ?? 0), { numFmt: val(child(l, 'numFmt')) ?? 'decimal', lvlText: val(child(l, 'lvlText')) ?? '', start: Number(val(child(l, 'start')) || 1) });
    abstract.set(a.attrs.abstractNumId ?? '', levels);
  }
  for (const n of children(root).filter((c) => c.name === 'num')) {
    const levels = abstract.get(val(child(n, 'abstractNumId')) ?? '');
    if (levels) lists.set(n.attrs.numId ?? '', levels);
  }
  return { lists };
}

/** A paragraph's text; a line break (w:br, w:cr) inside it starts a new line. */
function paragraphLines(p: Element): string[] {
  const lines: string[] = [''];
  const visit = (e: Element) => {
    for (const c of e.children) {
      if (typeof c === 'string') continue;
      const name = c.name;
      if (name === 't') lines[lines.length - 1] += c.children.filter((x): x is string => typeof x === 'string').join('');
      else if (name === 'tab' || name === 'ptab') lines[lines.length - 1] += '\t';
      else if (name === 'noBreakHyphen') lines[lines.length - 1] += '-';
      else if (name === 'br' || name === 'cr') {
        if (c.attrs.type !== 'page' && c.attrs.type !== 'column') lines.push('');
      } else if (!SKIPPED.has(name)) visit(c);
    }
  };
  visit(p);
  return lines;
}

/** Not text of the document: deleted revisions, field codes, fallback copies of drawings, properties. */
const SKIPPED = new Set(['del', 'instrText', 'delText', 'Fallback', 'rPr', 'pPr', 'fldData', 'delInstrText', 'moveFrom']);

/** The rows of a w:tbl as source cells: horizontal merges as colspan, vertical merges folded into rowspan. */
function tableRows(tbl: Element): SourceCell[][] {
  const rows: SourceCell[][] = [];
  // the cell that starts a vertical merge, by grid column
  const open = new Map<number, SourceCell>();
  for (const tr of children(tbl).filter((c) => c.name === 'tr')) {
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
    const name = c.name;
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
      const name = c.name;
      if (name === 'p') pieces.push(...paragraphLines(c));
      else if (name === 'tbl' || name === 'tr' || name === 'tc' || name === 'sdt' || name === 'sdtContent' || name === 'customXml') visit(c);
    }
  };
  visit(tc);
  return joinPieces(pieces);
}
