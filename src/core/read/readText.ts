import type { SourceDocument } from '../document/sourceDocument.ts';
import { decodeDocument } from '../decode/decodeDocument.ts';
import { normalizeText } from '../normalize/normalizeText.ts';

/** Texts beyond this are cut: a disclosure report is < 200k characters; a 50 MB "text" is something else. */
export const MAX_CHARS = 2_000_000;

/**
 * Bytes of a text (or HTML) file → a SourceDocument without grids: decoded (UTF-8, UTF-16, GB18030), NUL bytes and
 * markup removed, normalised, and cut at MAX_CHARS. Table layout is left to the extraction's tokeniser.
 */
export function readText(bytes: Uint8Array, sourceFile: string): SourceDocument {
  const decoded = decodeDocument(bytes, sourceFile);
  const diagnostics = [...decoded.diagnostics];
  const kind = diagnostics.some((d) => d.code === 'html_stripped') ? 'html' : 'text';
  let text = normalizeText(decoded.text);
  if (text.length > MAX_CHARS) {
    diagnostics.push({ severity: 'warning', code: 'truncated', message: `text cut at ${MAX_CHARS} characters (was ${text.length})` });
    text = text.slice(0, MAX_CHARS);
  }
  return { kind, text, encoding: decoded.encoding, grids: [], diagnostics };
}
