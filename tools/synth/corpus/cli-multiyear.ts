// `npx tsx tools/synth/corpus/cli-multiyear.ts --out DIR [--seed 18]`: writes the multi-year corpus (one .txt per report)
// and truth.jsonl (file, organ, kind, year, injected deviations, text ids of the narrative sections) — to build it
// with `npm run build:data -- --input DIR --no-seeds` and look at the review desk's findings by hand.
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateMultiYear } from './multiYearCorpus.ts';

const { values } = parseArgs({ options: { out: { type: 'string' }, seed: { type: 'string', default: '18' } } });
if (!values.out) {
  console.error('--out DIR is required');
  process.exit(2);
}
mkdirSync(values.out, { recursive: true });
const truth = createWriteStream(join(values.out, 'truth.jsonl'));
const corpus = generateMultiYear({ seed: Number(values.seed) });
for (const r of corpus) {
  writeFileSync(join(values.out, r.file), r.text);
  truth.write(JSON.stringify({ file: r.file, organ: r.truth.organ, organ_id: r.organ_id, kind: r.kind, year: r.year, published_date: r.truth.published_date, injected: r.injected, prose: r.prose }) + '\n');
}
truth.end();
console.error(`wrote ${corpus.length} reports and truth.jsonl to ${values.out}`);
