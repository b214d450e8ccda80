// npm run build:data [-- --input DIR …] [--no-seeds] [--out DIR] [--strict] [--quiet]
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildData } from './buildData.ts';
import { formatBuildSummary, formatFileLine } from './formatSummary.ts';
import { stderrLogger } from './logger.ts';
import { progressBar } from './progressBar.ts';

const PROGRESS_MIN_FILES = 50;
/** Defaults belong to the project, wherever it is run from; shown relative so build-report.json stays portable. */
const projectPath = (p: string) => relative(process.cwd(), fileURLToPath(new URL(`../../${p}`, import.meta.url))) || '.';

const USAGE = `usage: npm run build:data -- [--input DIR]… [--no-seeds] [--out DIR] [--strict] [--quiet]
  --input DIR   also parse DIR (or a file); repeatable; seeds/ stays included unless --no-seeds
  --out DIR     output folder (default public/data/)
  --strict      exit 1 when any file had errors or warnings
  --quiet       print only errors`;

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        input: { type: 'string', multiple: true },
        out: { type: 'string' },
        'no-seeds': { type: 'boolean' },
        strict: { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const quiet = values.quiet ?? false;
  const inputs = [...(values['no-seeds'] ? [] : [projectPath('seeds')]), ...(values.input ?? [])];
  const outDir = values.out ?? projectPath('public/data');
  const bar = !quiet && process.stderr.isTTY ? progressBar(process.stderr) : null;
  const summary = await buildData({
    inputs,
    outDir,
    strict: values.strict ?? false,
    logger: stderrLogger({ quiet }),
    onFile(file, done, total) {
      bar?.clear();
      if (!quiet) process.stdout.write(`${formatFileLine(file)}\n`);
      if (total > PROGRESS_MIN_FILES) bar?.update(done, total, file.source_file);
    },
  });
  bar?.clear();
  if (!quiet) process.stdout.write(`${formatBuildSummary(summary)}\n`);
  if (!summary.ok) process.stderr.write(`strict: ${summary.n_files_with_errors} files with errors, ${summary.n_files_with_warnings} with warnings\n`);
  return summary.ok ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => {
    process.stderr.write(`build:data failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
