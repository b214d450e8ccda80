// The hand-over between the readers (src/core/read: text, HTML, Word, PDF) and the extraction (src/core/extract).
// A reader turns a file's bytes into one SourceDocument; everything downstream (sections, format, tables, facts,
// checks, the reader panel's marks) works on it and never on the bytes again.
//
//   readDocument(bytes, sourceFile, platform) → Promise<SourceDocument>   src/core/read (async: pdf.js is)
//   parseDocument(doc, { reportId, sourceFile }) → ParsedReport          src/core (synchronous, pure)
//   parseReport(bytes, sourceFile) stays: the synchronous path for text and HTML (readText/readHtml + parseDocument)
//
// Grid sources hand their grids to the extraction, which maps them to the template without the layout tokeniser;
// text sources (grids: []) go through the tokeniser. Both give cells whose offsets point into `text`.
import type { Diagnostic } from '../schema.ts';

/** What the file was: decides which reader ran, and is `reports.source_kind`. */
export type SourceKind = 'pdf' | 'docx' | 'html' | 'text';

/** One slot of a table grid as the source laid it out. */
export interface GridCell {
  /** the cell's text exactly as it stands in SourceDocument.text: `doc.text.slice(start, end) === text`; '' when empty */
  text: string;
  /** offsets into SourceDocument.text; an empty cell has start === end at the place it would stand */
  start: number;
  end: number;
  /** a slot covered by a rowspan/colspan of another cell repeats that cell's text and offsets, marked covered */
  covered?: boolean;
}

/** A table the source drew as a table (HTML <table>, Word w:tbl, PDF rows × columns from positions and rules). */
export interface TableGrid {
  /** rectangular once spans are resolved: every row has the same number of slots */
  rows: GridCell[][];
  /** the range of SourceDocument.text the grid's text occupies (each grid row is written on a line of its own) */
  start: number;
  end: number;
  /** 1-based page of a PDF (the first page the grid is on) */
  page?: number;
}

/** Where a run of text sits on a PDF page: PDF units, origin at the page's top-left corner. */
export interface TextBox {
  start: number;
  end: number;
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface SourceDocument {
  kind: SourceKind;
  /**
   * The decoded, normalised text (normalizeText already applied by the reader): the offsets of grids, boxes,
   * sections, cells, facts and diagnostics all point into this string, and it is what `texts.text` stores.
   */
  text: string;
  /** the text encoding for text and HTML files ('utf-8', 'gb18030', …); 'pdf' / 'docx' for those */
  encoding: string;
  /** tables the source drew as tables; empty for plain text, which goes through the layout tokeniser instead */
  grids: TableGrid[];
  /** PDF only: page sizes (PDF units) and a box per text run, so the reader panel can box a number on its page */
  pages?: { width: number; height: number }[];
  boxes?: TextBox[];
  /** what reading did: encoding, stripped markup, dropped running headers, unreadable parts, … */
  diagnostics: Diagnostic[];
}
