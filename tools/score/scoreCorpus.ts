import { resolve } from 'node:path';
import { displayName, loadCorpora, type CorpusEntry } from './loadCorpus.ts';
import { layoutClasses } from './layoutClasses.ts';
import { runExtract } from './runExtract.ts';
import { scoreFile, totals, type FileScore, type Totals } from './scoreRecords.ts';

export interface CorpusScore {
  dirs: string[];
  files: (FileScore & { name: string; classes: string[]; keyed: boolean })[];
  total: Totals;
  byClass: { name: string; total: Totals }[];
  badLines: number;
}

/** Extract every document of the folders (through `npm run extract`) and score it against its key. */
export function scoreCorpus(dirs: readonly string[], root = process.cwd()): CorpusScore {
  const entries: CorpusEntry[] = loadCorpora(dirs);
  const run = runExtract(entries.map((e) => e.path), root);
  const many = dirs.length > 1;
  const files = entries.map((e) => {
    const rec = run.records.get(resolve(e.path));
    const s = scoreFile(e.file, e.key, e.format, rec);
    return { ...s, name: displayName(e, many), classes: layoutClasses(e.file, e.source), keyed: !!e.key };
  });
  const names = [...new Set(files.flatMap((f) => f.classes))].sort();
  const byClass = names.map((name) => ({ name, total: totals(files.filter((f) => f.classes.includes(name))) }));
  return { dirs: [...dirs], files, total: totals(files), byClass, badLines: run.badLines };
}
