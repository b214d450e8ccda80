import type { SourceDocument } from '../document/sourceDocument.ts';
import { decodeDocument } from '../decode/decodeDocument.ts';
import { normalizeText } from '../normalize/normalizeText.ts';
import { readHtml } from './readHtml.ts';

/** Texts beyond this are cut: a disclosure report is < 200k characters; a 50 MB "text" is something else. */
export const MAX_CHARS = 2_000_000;

/**
 * Bytes of a text or HTML file → a SourceDocument: decoded (UTF-8, UTF-16, GB18030), NUL bytes removed,
 * normalised, and cut at MAX_CHARS. A plain text has no grids (table layout is left to the extraction's
 * tokeniser); an HTML page goes to readHtml, which reads its tables as grids.
 */
export function readText(bytes: Uint8Array, sourceFile: string): SourceDocument {
  const decoded = decodeDocument(bytes, sourceFile);
  const diagnostics = [...decoded.diagnostics];
  if (decoded.html) return capText(readHtml(decoded.text, decoded.encoding, diagnostics));
  return capText({ kind: 'text', text: normalizeText(decoded.text), encoding: decoded.encoding, grids: [], diagnostics });
}

/** A document cut at MAX_CHARS, with the grids that start beyond the cut dropped and a `truncated` warning. */
export function capText(doc: SourceDocument): SourceDocument {
  if (doc.text.length <= MAX_CHARS) return doc;
  const diagnostics = [...doc.diagnostics, { severity: 'warning' as const, code: 'truncated', message: `text cut at ${MAX_CHARS} characters (was ${doc.text.length})` }];
  const grids = doc.grids.filter((g) => g.end <= MAX_CHARS);
  const boxes = doc.boxes?.filter((b) => b.end <= MAX_CHARS);
  return { ...doc, text: doc.text.slice(0, MAX_CHARS), grids, ...(boxes ? { boxes } : {}), diagnostics };
}
