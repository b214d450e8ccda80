import { inflateSync } from 'node:zlib';

export interface PdfInspection {
  pages: number;
  images: number;
  /** fonts or text-showing operators found: the PDF has a text layer */
  hasText: boolean;
}

const MAX_STREAMS = 400;
const MAX_INFLATED = 1 << 20;
/** all inflated streams together */
const MAX_TOTAL = 16 << 20;

/**
 * Looks inside a PDF for a text layer without a PDF library: dictionaries name /Font resources and content streams
 * show text with BT … Tj/TJ … ET. Both may sit in Flate-compressed streams (object streams of PDF 1.5), so streams
 * are inflated, a bounded number and size of them. A scan has pages and images and neither.
 */
export function inspectPdf(bytes: Uint8Array): PdfInspection {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const texts = [raw];
  let total = 0;
  const streamRe = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  for (let n = 0; n < MAX_STREAMS && total < MAX_TOTAL && (m = streamRe.exec(raw)); n++) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    const dict = raw.slice(Math.max(0, m.index - 400), m.index);
    if (/\/FlateDecode/.test(dict.slice(dict.lastIndexOf('<<')))) {
      try {
        const inflated = inflateSync(bytes.subarray(start, end), { maxOutputLength: MAX_INFLATED }).toString('latin1');
        total += inflated.length;
        texts.push(inflated);
      } catch {
        // a damaged or truncated stream says nothing either way
      }
    }
    streamRe.lastIndex = end;
  }
  const all = texts.join('\n');
  const count = (re: RegExp) => all.match(re)?.length ?? 0;
  return {
    pages: count(/\/Type\s*\/Page(?![a-zA-Z])/g),
    images: count(/\/Subtype\s*\/Image\b/g),
    hasText: /\/Font\b/.test(all) || /\bBT\b[\s\S]{0,2000}?(?:[)>]\s*Tj|\]\s*TJ)/.test(all),
  };
}
