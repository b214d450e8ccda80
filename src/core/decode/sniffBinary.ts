import { sniffUtf16 } from './decodeBytes.ts';

export type BinaryKind = 'pdf' | 'png' | 'jpeg' | 'gif' | 'bmp' | 'webp' | 'tiff' | 'zip' | 'ole' | 'gzip' | 'rar' | '7z' | 'executable' | 'unknown';

export interface BinarySniff {
  kind: BinaryKind;
  /** what the bytes are, for a message: 'PNG image', 'ZIP archive (.docx, .xlsx, .zip)', … */
  label: string;
}

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0): boolean => sig.every((b, i) => bytes[at + i] === b);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

const MAGIC: readonly { sig: readonly number[]; at?: number; kind: BinaryKind; label: string }[] = [
  { sig: ascii('%PDF-'), kind: 'pdf', label: 'PDF document' },
  { sig: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], kind: 'png', label: 'PNG image' },
  { sig: [0xff, 0xd8, 0xff], kind: 'jpeg', label: 'JPEG image' },
  { sig: ascii('GIF8'), kind: 'gif', label: 'GIF image' },
  { sig: ascii('WEBP'), at: 8, kind: 'webp', label: 'WebP image' },
  { sig: [0x49, 0x49, 0x2a, 0x00], kind: 'tiff', label: 'TIFF image' },
  { sig: [0x4d, 0x4d, 0x00, 0x2a], kind: 'tiff', label: 'TIFF image' },
  { sig: [0x50, 0x4b, 0x03, 0x04], kind: 'zip', label: 'ZIP archive (.docx, .xlsx, .wps or .zip)' },
  { sig: [0x50, 0x4b, 0x05, 0x06], kind: 'zip', label: 'ZIP archive (empty)' },
  { sig: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], kind: 'ole', label: 'OLE compound file (.doc, .xls, .wps)' },
  { sig: [0x1f, 0x8b], kind: 'gzip', label: 'gzip archive' },
  { sig: ascii('Rar!'), kind: 'rar', label: 'RAR archive' },
  { sig: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], kind: '7z', label: '7-Zip archive' },
  { sig: [0x7f, 0x45, 0x4c, 0x46], kind: 'executable', label: 'ELF executable' },
];

const SAMPLE = 8192;

/**
 * Says whether bytes are a binary format rather than text: a known signature first (a PDF may start after a few
 * junk bytes), then the share of control bytes in the first 8 KiB (text has tabs and newlines, UTF-16 has zero
 * bytes in a regular pattern, binary data has every byte value). Null for text.
 */
export function sniffBinary(bytes: Uint8Array): BinarySniff | null {
  for (const m of MAGIC) {
    if (m.kind === 'webp' ? startsWith(bytes, ascii('RIFF')) && startsWith(bytes, m.sig, 8) : startsWith(bytes, m.sig, m.at ?? 0))
      return { kind: m.kind, label: m.label };
  }
  const head = bytes.subarray(0, SAMPLE);
  const pdfAt = indexOfAscii(head.subarray(0, 1024), '%PDF-');
  if (pdfAt >= 0) return { kind: 'pdf', label: 'PDF document' };
  if (head.length === 0) return null;
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) || sniffUtf16(head)) return null;
  let control = 0;
  for (const b of head) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  if (control / head.length <= 0.1 || readsAsUtf16(head)) return null;
  return { kind: 'unknown', label: `binary data (${Math.round((100 * control) / head.length)}% control bytes)` };
}

/**
 * UTF-16 without a byte order mark and with few ASCII characters has no telling pattern of zero bytes, and the low
 * bytes of CJK code points are often < 0x20. Read as UTF-16, such text is nearly all CJK, ASCII and punctuation;
 * binary data read so is scattered over the whole code space.
 */
function readsAsUtf16(bytes: Uint8Array): boolean {
  for (const le of [true, false]) {
    let plausible = 0;
    const n = bytes.length >> 1;
    for (let i = 0; i < n; i++) {
      const c = le ? bytes[2 * i]! | (bytes[2 * i + 1]! << 8) : (bytes[2 * i]! << 8) | bytes[2 * i + 1]!;
      if ((c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d || c === 0x09 || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef)) plausible++;
    }
    if (n > 0 && plausible / n > 0.8) return true;
  }
  return false;
}

function indexOfAscii(bytes: Uint8Array, s: string): number {
  const sig = ascii(s);
  for (let i = 0; i + sig.length <= bytes.length; i++) if (startsWith(bytes, sig, i)) return i;
  return -1;
}
