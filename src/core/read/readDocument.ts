import { unzipSync } from 'fflate';
import type { SourceDocument, SourceKind } from '../document/sourceDocument.ts';
import { sniffBinary } from '../decode/sniffBinary.ts';
import type { PdfPlatform } from './pdf/pdfPlatform.ts';
import { readPdf, type ReadPdfOptions } from './pdf/readPdf.ts';
import { readDocx } from './readDocx.ts';
import { capText, readText } from './readText.ts';

/** What the runtime lends the readers: pdf.js, loaded on the first PDF. */
export interface ReaderPlatform {
  pdf?: () => Promise<PdfPlatform>;
  pdfOptions?: ReadPdfOptions;
}

/** The command that turns a legacy office file into one this build reads. */
export const CONVERT_COMMAND = 'soffice --headless --convert-to docx';

export type DocumentKind = SourceKind | 'legacy_office' | 'ofd' | 'other_zip' | 'binary';

/** What a file is, by its bytes: a PDF, a Word .docx, a legacy .doc/.wps/.xls (OLE), an OFD, another archive, text. */
export function documentKind(bytes: Uint8Array): DocumentKind {
  const sniff = sniffBinary(bytes);
  if (!sniff) return 'text';
  if (sniff.kind === 'pdf') return 'pdf';
  if (sniff.kind === 'ole') return 'legacy_office';
  if (sniff.kind !== 'zip') return 'binary';
  const names = zipNames(bytes);
  if (names.includes('word/document.xml')) return 'docx';
  if (names.some((n) => /(^|\/)ofd\.xml$/i.test(n))) return 'ofd';
  return 'other_zip';
}

function zipNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  try {
    unzipSync(bytes, { filter: (f) => (names.push(f.name), false) });
  } catch {
    // a damaged archive: its names say nothing; the reader reports it
  }
  return names;
}

const failed = (kind: SourceKind, encoding: string, code: string, message: string): SourceDocument => ({
  kind, text: '', encoding, grids: [], diagnostics: [{ severity: 'error', code, message }],
});

/**
 * Any supported file's bytes → a SourceDocument: PDF (pdf.js from the platform), Word .docx, HTML or text.
 * Never throws: a file no reader can take (a legacy .doc, an OFD, a damaged PDF) gives an empty document with an
 * error diagnostic saying why and, where one exists, the command that converts it.
 */
export async function readDocument(bytes: Uint8Array, sourceFile: string, platform: ReaderPlatform = {}): Promise<SourceDocument> {
  const kind = documentKind(bytes);
  switch (kind) {
    case 'pdf': {
      if (!platform.pdf) return failed('pdf', 'pdf', 'pdf_unreadable', 'no PDF reader in this runtime');
      try {
        return capText(await readPdf(bytes, await platform.pdf(), platform.pdfOptions));
      } catch (err) {
        return failed('pdf', 'pdf', 'pdf_unreadable', `the PDF could not be opened (${messageOf(err)}); it may be damaged or password-protected`);
      }
    }
    case 'docx':
      try {
        return capText(readDocx(bytes));
      } catch (err) {
        return failed('docx', 'docx', 'docx_unreadable', `the Word document could not be read (${messageOf(err)}); it may be damaged`);
      }
    case 'legacy_office':
      return failed('docx', 'binary', 'needs_conversion', `${sourceFile}: a legacy Office or WPS file (.doc, .wps, .xls): convert it first, e.g. \`${CONVERT_COMMAND} ${quoteArg(sourceFile)}\``);
    case 'ofd':
      return failed('pdf', 'binary', 'needs_conversion', `${sourceFile}: an OFD document (the Chinese fixed-layout format): export it as PDF with an OFD reader (数科阅读器, 福昕 OFD) first`);
    case 'other_zip':
    case 'binary':
      return failed('text', 'binary', 'not_a_document', `${sourceFile}: ${sniffBinary(bytes)?.label ?? 'binary data'}, not a report document`);
    default:
      return readText(bytes, sourceFile);
  }
}

const messageOf = (err: unknown): string => (err instanceof Error ? `${err.name}: ${err.message}` : String(err));
const quoteArg = (s: string): string => (/^[\w.\-\u4e00-\u9fff]+$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`);

