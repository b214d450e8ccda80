import { describe, it, beforeAll } from 'vitest';
import { loadToSimplified } from '../../src/core/index.ts';
import { checkRange } from './synthProperty.ts';

// traditional-script labels (mirror sites) are read through OpenCC, loaded once before the synchronous parses
beforeAll(async () => { await loadToSimplified(); });

// 5,000 generated reports in all (this file and its sibling run in parallel): parse(render(truth)) equals the truth.
describe('parse(render(truth)), generated reports 0–2499', () => {
  it('every cell, its offsets, and exactly the injected check failures', () => checkRange(0, 2500));
});
