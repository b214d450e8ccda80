// The part of pdf.js the PDF reader uses, as structural types: src/core must not import pdfjs-dist's own types
// (they name DOM classes). The Node build passes pdfjs-dist's legacy build (src/pipeline/pdfPlatformNode.ts), the
// browser the modern build with its worker served from the page's origin (src/components/report/pdfPlatformBrowser.ts).

export interface PdfTextItem {
  str: string;
  /** [a, b, c, d, e, f]: the text matrix in page space (PDF units, y up) */
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

export interface PdfOperatorList {
  fnArray: ArrayLike<number>;
  argsArray: ArrayLike<unknown>;
}

export interface PdfPageProxy {
  /** [x0, y0, x1, y1] of the page in PDF units */
  view: number[];
  rotate: number;
  getTextContent(params?: { includeMarkedContent?: boolean; disableNormalization?: boolean }): Promise<{ items: ArrayLike<PdfTextItem | { type: string }> }>;
  getOperatorList(params?: { intent?: string }): Promise<PdfOperatorList>;
  cleanup(): boolean | void;
}

export interface PdfDocumentProxy {
  numPages: number;
  getPage(pageNumber: number): Promise<PdfPageProxy>;
  destroy(): Promise<void>;
}

export interface PdfLoadingTask {
  promise: Promise<PdfDocumentProxy>;
  destroy(): Promise<void>;
}

export interface PdfDocumentParams {
  data: Uint8Array;
  /** where pdf.js finds the CMaps (`…/cmaps/`): Chinese PDFs with fonts that are not embedded give no text without them */
  cMapUrl?: string;
  cMapPacked?: boolean;
  standardFontDataUrl?: string;
  wasmUrl?: string;
  iccUrl?: string;
  isEvalSupported?: boolean;
  useSystemFonts?: boolean;
  disableFontFace?: boolean;
  stopAtErrors?: boolean;
  verbosity?: number;
  /** a pdf.js PDFWorker kept for every document (Node: saves setting up the in-thread worker per file) */
  worker?: unknown;
}

/** What a runtime hands the PDF reader: pdf.js's getDocument and OPS, and where its data files are. */
export interface PdfPlatform {
  getDocument(params: PdfDocumentParams): PdfLoadingTask;
  /** pdf.js's operator codes (OPS.constructPath, …) */
  OPS: Readonly<Record<string, number>>;
  /** cMapUrl, standardFontDataUrl, … for this runtime */
  params: Omit<PdfDocumentParams, 'data'>;
}
