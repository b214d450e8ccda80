// npm run score:real [-- [--min-acc 0.995] [--json out.json] [--quiet] DIR…]: the real corpus scored through npm run extract.
// DIR holds files/, keys/ (answer keys, formats*.json) and sources/; default tests/fixtures/real.
import { writeFileSync } from 'node:fs';
import { scoreCorpus } from './scoreCorpus.ts';
import { pct, summaryLine } from './scoreRecords.ts';

function main(argv: string[]): number {
  const args = [...argv];
  let minAcc = 0.98;
  let json: string | null = null;
  let quiet = false;
  const dirs: string[] = [];
  while (args.length) {
    const a = args.shift()!;
    if (a === '--min-acc') minAcc = Number(args.shift());
    else if (a === '--json') json = args.shift() ?? null;
    else if (a === '--quiet') quiet = true;
    else dirs.push(a);
  }
  if (dirs.length === 0) dirs.push('tests/fixtures/real');
  const score = scoreCorpus(dirs);
  for (const f of score.files) {
    if (!quiet && f.misses.length) console.log(`${f.name}: ${f.misses.length} misses: ${f.misses.slice(0, 8).join('; ')}${f.misses.length > 8 ? ' …' : ''}`);
  }
  for (const f of score.files) {
    if (f.crashed) console.log(`${f.name}: no output from npm run extract`);
    else if (f.formatRight === false) console.log(`${f.name}: format ${JSON.stringify(f.format)}, expected ${f.expectedFormat}`);
  }
  console.log('\nper layout class (a file counts in every class its sources note names):');
  console.log(`  ${'class'.padEnd(18)} ${'files'.padStart(5)}  ${'cells right'.padStart(16)}  ${'formats'.padStart(9)}  wrong  flagged`);
  for (const c of score.byClass) {
    const t = c.total;
    console.log(`  ${c.name.padEnd(18)} ${String(t.files).padStart(5)}  ${`${t.right}/${t.cells}`.padStart(9)} ${pct(t.right, t.cells).padStart(6)}  ${`${t.formatsRight}/${t.formats}`.padStart(9)}  ${String(t.wrong).padStart(5)}  ${String(t.flagged).padStart(7)}`);
  }
  const t = score.total;
  const keyed = score.files.filter((f) => f.keyed).length;
  console.log(`\n${score.files.length} documents (${keyed} with cell keys) from ${dirs.join(', ')}`);
  console.log(summaryLine(t));
  if (json) writeFileSync(json, JSON.stringify(score, null, 1));
  const acc = t.cells ? t.right / t.cells : 0;
  return acc >= minAcc && t.formatsRight === t.formats && t.crashes === 0 && score.badLines === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
