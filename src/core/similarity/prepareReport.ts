import type { SectionKey } from '../schema.ts';
import { shingleHashes, uniqueSorted } from './shingleHashes.ts';
import { maskNames, similarityText } from './similarityText.ts';
import { SIMILARITY_DEFAULTS, type SimilarityParams } from './similarityParams.ts';

/** The narrative sections a copy is looked for in; tables (二 to 四) are numbers, compared by the cross-year rules. */
export const TEXT_SECTIONS: readonly SectionKey[] = ['overall', 'problems', 'other'];

export interface SectionSpan { key: SectionKey; start: number; end: number }

export interface PreparedSection {
  key: SectionKey;
  norm: string;
  offsets: Int32Array;
  hashes: Uint32Array;
}

export interface ReportInput {
  text: string;
  sections: readonly SectionSpan[];
  /** the organ and its province, city and county, marked out of the text */
  names: readonly (string | null | undefined)[];
}

/** The text sections one report is compared by; a report with none of the six headings is one 'unknown' section. */
export function prepareReport({ text, sections, names }: ReportInput, params: Pick<SimilarityParams, 'shingle'> = SIMILARITY_DEFAULTS): PreparedSection[] {
  const mask = maskNames(names);
  let spans = sections.filter((s) => TEXT_SECTIONS.includes(s.key));
  if (spans.length === 0 && !sections.some((s) => s.key !== 'unknown')) spans = [{ key: 'unknown', start: 0, end: text.length }];
  return spans.map((s) => {
    // the heading line is the template's, not the report's
    const nl = text.indexOf('\n', s.start);
    const from = s.key === 'unknown' || nl < 0 || nl >= s.end ? s.start : nl + 1;
    const { norm, offsets } = similarityText(text, from, s.end, mask);
    return { key: s.key, norm, offsets, hashes: shingleHashes(norm, params.shingle) };
  });
}

/** One report's distinct shingles over all its text sections: what it adds to the document frequencies. */
export function reportShingleSet(prepared: readonly PreparedSection[]): Uint32Array {
  let n = 0;
  for (const p of prepared) n += p.hashes.length;
  const all = new Uint32Array(n);
  let o = 0;
  for (const p of prepared) { all.set(p.hashes, o); o += p.hashes.length; }
  return uniqueSorted(all);
}
