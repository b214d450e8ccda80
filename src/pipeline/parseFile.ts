import { createHash } from 'node:crypto';
import { parseDocumentAsync } from '../core/parseReport.ts';
import { readDocument } from '../core/read/readDocument.ts';
import type { ParsedReport } from '../core/schema.ts';
import { pdfPlatformNode } from './pdfPlatformNode.ts';

/**
 * One file's bytes → its report, in Node: readDocument with pdf.js from this runtime (PDF, Word, HTML, text), then
 * parseDocumentAsync (which loads the traditional-script converter when the text needs it). The report_id is hashed with node:crypto (a 60 MB PDF in pure JS would take seconds).
 */
export async function parseFile(bytes: Uint8Array, sourceFile: string): Promise<ParsedReport> {
  const reportId = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const doc = await readDocument(bytes, sourceFile, { pdf: pdfPlatformNode });
  const parsed = await parseDocumentAsync(doc, { reportId, sourceFile });
  if (doc.pages && doc.boxes && parsed.text === doc.text) parsed.layout = { pages: doc.pages, boxes: doc.boxes };
  return parsed;
}
