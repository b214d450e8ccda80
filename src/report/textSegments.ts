// The decoded text cut into sections and, inside them, plain runs and marked spans (cells, facts), so that a
// report of ~20k characters renders as a few hundred text nodes, never as HTML.

export interface Span { start: number; end: number }
export interface Piece<M> { start: number; end: number; text: string; mark: M | null }
export interface TextSection<M> { key: string; heading: string; start: number; end: number; pieces: Piece<M>[] }

/**
 * Spans sorted by start; one that overlaps an earlier kept span, lies outside the text or is empty is left out
 * (returned in `dropped`) so that every character is rendered exactly once.
 */
export function placeMarks<M extends Span>(textLength: number, marks: readonly M[]): { kept: M[]; dropped: M[] } {
  const sorted = [...marks].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: M[] = [];
  const dropped: M[] = [];
  let pos = 0;
  for (const m of sorted) {
    const ok = Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= pos && m.end > m.start && m.end <= textLength;
    (ok ? kept : dropped).push(m);
    if (ok) pos = m.end;
  }
  return { kept, dropped };
}

/** Sections (sorted, gaps filled with an untitled section) with the kept marks cut into pieces. */
export function textSections<M extends Span>(
  text: string,
  sections: readonly { key: string; heading: string; start: number; end: number }[],
  marks: readonly M[],
): TextSection<M>[] {
  const bounds: { key: string; heading: string; start: number; end: number }[] = [];
  let pos = 0;
  for (const s of [...sections].sort((a, b) => a.start - b.start)) {
    const start = Math.max(pos, Math.min(s.start, text.length));
    const end = Math.max(start, Math.min(s.end, text.length));
    if (start > pos) bounds.push({ key: 'unknown', heading: '', start: pos, end: start });
    if (end > start) bounds.push({ key: s.key, heading: s.heading, start, end });
    pos = Math.max(pos, end);
  }
  if (pos < text.length) bounds.push({ key: 'unknown', heading: '', start: pos, end: text.length });

  const { kept } = placeMarks(text.length, marks);
  let mi = 0;
  return bounds.map((b) => {
    const pieces: Piece<M>[] = [];
    let at = b.start;
    while (mi < kept.length && kept[mi]!.start < b.end) {
      const m = kept[mi]!;
      // a mark crossing a section boundary is cut at the boundary (it belongs to the section it starts in)
      const end = Math.min(m.end, b.end);
      if (m.start > at) pieces.push({ start: at, end: m.start, text: text.slice(at, m.start), mark: null });
      pieces.push({ start: m.start, end, text: text.slice(m.start, end), mark: m });
      at = end;
      mi++;
    }
    if (at < b.end) pieces.push({ start: at, end: b.end, text: text.slice(at, b.end), mark: null });
    return { ...b, pieces };
  });
}
