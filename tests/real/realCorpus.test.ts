import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreCorpus } from '../../tools/score/scoreCorpus.ts';

// The judge of the parser: real reports with hand-read keys (tests/fixtures/real), extracted through `npm run extract`
// itself. The thresholds are what the parser reaches now; they only go up (the target: 99.5% of cells, every
// format). Raise them when the PDF reader lands (001.pdf is read by it) and whenever the score rises.
const MIN_CELLS = 0.885;
const MAX_FORMAT_MISSES = 1;
const MAX_WRONG_NUMBERS = 2;

describe('the real corpus (npm run score:real)', () => {
  it('reaches the measured share of hand-read cells and formats, with no crash and no wrong number beyond the measured', () => {
    expect(existsSync('tests/fixtures/real/files'), 'tests/fixtures/real is the project\'s real corpus').toBe(true);
    const s = scoreCorpus(['tests/fixtures/real']);
    const t = s.total;
    const misses = s.files.filter((f) => f.misses.length).map((f) => `${f.name}: ${f.misses.length}`).join(', ');
    expect(t.files).toBeGreaterThanOrEqual(66);
    expect(s.files.filter((f) => f.keyed).length).toBeGreaterThanOrEqual(31);
    expect(t.crashes + s.badLines).toBe(0);
    expect(t.right / t.cells, `cells ${t.right}/${t.cells}; misses by file: ${misses}`).toBeGreaterThanOrEqual(MIN_CELLS);
    expect(t.formats - t.formatsRight, s.files.filter((f) => f.formatRight === false).map((f) => `${f.name}: ${f.format} ≠ ${f.expectedFormat}`).join('; ')).toBeLessThanOrEqual(MAX_FORMAT_MISSES);
    expect(t.wrong, 'a confident wrong number is worse than a flagged blank').toBeLessThanOrEqual(MAX_WRONG_NUMBERS);
  });
});
