import { parseReport } from '/work/wt/review/src/core/index.ts';
import { generateMultiYear } from '/work/wt/review/tools/synth/corpus/multiYearCorpus.ts';
const corpus = generateMultiYear({ seed: 18 });
for (const f of ['multi_18_c10-d6_2021.txt', 'multi_18_c10-d6_2022.txt']) {
  const r = corpus.find(x => x.file === f);
  const p = parseReport(new TextEncoder().encode(r.text), r.file);
  const t = r.truth.cells.filter(c => c.table_id === 'active_art20_1').map(c => `${c.row_key}.${c.col_key}=${c.value}`).join(' ');
  const q = p.cells.filter(c => c.table_id === 'active_art20_1').map(c => `${c.row_key}.${c.col_key}=${c.value}`).join(' ');
  console.log(f, r.injected, '\n truth', t, '\n parse', q);
}
