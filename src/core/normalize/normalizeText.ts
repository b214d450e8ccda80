/**
 * Normalise decoded text once; every offset the parser reports points into the string returned here.
 * - CRLF / CR → LF; BOM, NUL and other control characters removed (tab and LF kept).
 * - Full-width digits and Latin letters → ASCII, and the number punctuation ＋－．％／ → + - . % /.
 * - Unusual spaces (NBSP, en/em spaces, ideographic space) → ASCII space.
 * Brackets stay as written ((一) and （一） both remain readable); label matching normalises them instead.
 */
export function normalizeText(input: string): string {
  const out: string[] = [];
  const s = input;
  // untouched stretches are copied as slices; only characters that change are handled one by one
  let copied = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) continue;
    if (c >= 0x4e00 && c <= 0x9fff) continue;
    if (c === 0x0a || c === 0x09) continue;
    if (c >= 0x3001 && c <= 0x301f) continue;
    if (copied < i) out.push(s.slice(copied, i));
    copied = normalizeAt(s, i, out);
    i = copied - 1;
  }
  if (copied === 0) return s;
  if (copied < s.length) out.push(s.slice(copied));
  return out.join('');
}

/** Handle the character at i (pushing its replacement, if any); returns the index after what was consumed. */
function normalizeAt(s: string, i: number, out: string[]): number {
  const c = s.charCodeAt(i);
  if (c === 0x0d) {
    out.push('\n');
    return s.charCodeAt(i + 1) === 0x0a ? i + 2 : i + 1;
  }
  if (c === 0x0a || c === 0x09) { out.push(s[i]!); return i + 1; }
  if (c < 0x20 || c === 0x7f || (c >= 0x80 && c <= 0x9f) || c === 0xfeff || c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2028 || c === 0x2029) {
    if (c === 0x2028 || c === 0x2029) out.push('\n');
    return i + 1;
  }
  if (c >= 0xff10 && c <= 0xff19) { out.push(String.fromCharCode(c - 0xfee0)); return i + 1; }
  if ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) { out.push(String.fromCharCode(c - 0xfee0)); return i + 1; }
  if (c === 0xff0b || c === 0xff0d || c === 0xff0e || c === 0xff05 || c === 0xff0f) { out.push(String.fromCharCode(c - 0xfee0)); return i + 1; }
  if (c === 0x00a0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000) { out.push(' '); return i + 1; }
  // lone surrogates would break Parquet/UTF-8 writers downstream
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) { out.push(s[i]! + s[i + 1]!); return i + 2; }
    out.push('\ufffd');
    return i + 1;
  }
  if (c >= 0xdc00 && c <= 0xdfff) { out.push('\ufffd'); return i + 1; }
  out.push(s[i]!);
  return i + 1;
}
