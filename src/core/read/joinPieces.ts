/** Wide characters: CJK ideographs, kana, CJK and full-width punctuation. Between two of them a line break is no space. */
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f]/;

/**
 * Pieces of one cell or one wrapped label (paragraphs of a cell, lines of a PDF cell) joined into one line: each
 * piece's whitespace collapsed, and pieces glued without a space where both sides are wide characters (`商业` +
 * `企业` → `商业企业`), with one space otherwise (`Total` + `3` → `Total 3`).
 */
export function joinPieces(pieces: readonly string[]): string {
  let out = '';
  for (const raw of pieces) {
    const p = raw.replace(/[\s\u00a0]+/g, ' ').trim();
    if (!p) continue;
    if (out && !(WIDE.test(out[out.length - 1]!) && WIDE.test(p[0]!))) out += ' ';
    out += p;
  }
  return out;
}
