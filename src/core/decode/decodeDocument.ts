import type { Diagnostic } from '../schema.ts';
import { decodeBytes, type Decoded } from './decodeBytes.ts';
import { looksLikeHtml } from './looksLikeHtml.ts';

export interface DecodedDocument extends Decoded {
  /** what decoding did to the file: `encoding`, `nul_bytes` */
  diagnostics: Diagnostic[];
  /** the text is an HTML page (by its name, its start or its many tags): readHtml reads it */
  html: boolean;
}

const info = (code: string, message: string): Diagnostic => ({ severity: 'info', code, message });

function encodingNote(bytes: Uint8Array, encoding: string): Diagnostic | null {
  switch (encoding) {
    case 'gb18030':
      return info('encoding', 'decoded as GB18030 (compatible with GBK and GB2312); the bytes are not UTF-8');
    case 'utf-16le':
    case 'utf-16be': {
      const name = encoding === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE';
      const bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
      return info('encoding', `decoded as ${name} (${bom ? 'byte order mark' : 'no byte order mark; recognised by its zero bytes'})`);
    }
    case 'latin1':
      return { severity: 'warning', code: 'encoding', message: 'no known text encoding fits these bytes; read as Latin-1, characters may be wrong' };
    default:
      return null;
  }
}

/**
 * Bytes → text: decodeBytes (UTF-8, UTF-16, GB18030), then NUL characters removed, and whether it is an HTML page.
 * Every step that changed something leaves an info diagnostic saying so.
 */
export function decodeDocument(bytes: Uint8Array, sourceFile = ''): DecodedDocument {
  const decoded = decodeBytes(bytes);
  const diagnostics: Diagnostic[] = [];
  const note = encodingNote(bytes, decoded.encoding);
  if (note) diagnostics.push(note);
  let text = decoded.text;
  let nul = 0;
  for (let i = text.indexOf('\0'); i >= 0; i = text.indexOf('\0', i + 1)) nul++;
  if (nul > 0) {
    diagnostics.push(info('nul_bytes', `removed ${nul} NUL character${nul === 1 ? '' : 's'} (zero bytes) from the text`));
    text = text.replaceAll('\0', '');
  }
  return { text, encoding: decoded.encoding, diagnostics, html: looksLikeHtml(text, sourceFile) };
}
