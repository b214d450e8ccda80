export interface Decoded {
  text: string;
  /** 'utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030', 'latin1' (last resort) or 'empty' */
  encoding: string;
}

type Decoder = { decode(input: Uint8Array): string };
type DecoderCtor = new (label: string, options?: { fatal?: boolean }) => Decoder;

// TextDecoder exists in Node ≥ 11 and every browser, but the core tsconfig has no DOM lib, so reach it through globalThis.
const TD = (globalThis as unknown as { TextDecoder?: DecoderCtor }).TextDecoder;

const tryDecode = (label: string, bytes: Uint8Array, fatal: boolean): string | null => {
  if (!TD) return null;
  try {
    return new TD(label, { fatal }).decode(bytes);
  } catch {
    return null;
  }
};

const latin1 = (bytes: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
};

/** Heuristic for BOM-less UTF-16: many NULs at odd (LE) or even (BE) positions. */
export const sniffUtf16 = (bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null => {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const half = n / 2;
  if (oddZero > half * 0.3 && evenZero < half * 0.05) return 'utf-16le';
  if (evenZero > half * 0.3 && oddZero < half * 0.05) return 'utf-16be';
  return null;
};

/**
 * Decode raw bytes: BOMs first (UTF-8, UTF-16 LE/BE), then strict UTF-8, then GB18030 (a superset of GBK/GB2312,
 * the usual encoding of Chinese government pages that are not UTF-8). Never throws.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { text: '', encoding: 'empty' };
  const b0 = bytes[0];
  const b1 = bytes[1];
  const b2 = bytes[2];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    const t = tryDecode('utf-8', bytes.subarray(3), false);
    if (t !== null) return { text: t, encoding: 'utf-8-bom' };
  }
  if (b0 === 0xff && b1 === 0xfe) {
    const t = tryDecode('utf-16le', bytes.subarray(2), false);
    if (t !== null) return { text: t, encoding: 'utf-16le' };
  }
  if (b0 === 0xfe && b1 === 0xff) {
    const t = tryDecode('utf-16be', bytes.subarray(2), false);
    if (t !== null) return { text: t, encoding: 'utf-16be' };
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16) {
    const t = tryDecode(utf16, bytes, false);
    if (t !== null) return { text: t, encoding: utf16 };
  }
  const utf8 = tryDecode('utf-8', bytes, true);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  // A file cut in the middle of a multi-byte character is still UTF-8: allow a broken tail of ≤ 3 bytes.
  if (bytes.length > 3) {
    for (let cut = 1; cut <= 3; cut++) {
      const head = tryDecode('utf-8', bytes.subarray(0, bytes.length - cut), true);
      if (head !== null) return { text: tryDecode('utf-8', bytes, false) ?? head, encoding: 'utf-8' };
    }
  }
  const gb = tryDecode('gb18030', bytes, false);
  if (gb !== null) return { text: gb, encoding: 'gb18030' };
  const loose = tryDecode('utf-8', bytes, false);
  if (loose !== null) return { text: loose, encoding: 'utf-8' };
  return { text: latin1(bytes), encoding: 'latin1' };
}
