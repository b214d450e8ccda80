// npm run extract -- <file…>: one JSON object per file on stdout (JSON Lines); logs go to stderr.
import { extractFile } from './extractFile.ts';
import { extractRecord } from './extractRecord.ts';

async function main(files: string[]): Promise<number> {
  if (files.length === 0) {
    process.stderr.write('usage: npm run extract -- <file…>\n');
    return 2;
  }
  let read = 0;
  for (const file of files) {
    const extracted = await extractFile(file);
    if (extracted.size !== null) read++;
    for (const d of extracted.diagnostics) process.stderr.write(`${d.severity}: ${file}: ${d.message}\n`);
    process.stdout.write(`${JSON.stringify(extractRecord(extracted))}\n`);
  }
  return read === 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => {
    process.stderr.write(`extract failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
