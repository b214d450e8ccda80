// The corpus is scored through `npm run extract` itself (src/pipeline/cli-extract.ts in a child process), so whatever
// readers that command uses (text, HTML, PDF, Word) are the ones measured.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ExtractedRecord } from './scoreRecords.ts';

export interface ExtractRun {
  /** by the path passed in */
  records: Map<string, ExtractedRecord>;
  /** lines of stdout that were not JSON (a crash mid-way) */
  badLines: number;
  stderr: string;
  status: number | null;
}

export function runExtract(paths: readonly string[], root = process.cwd()): ExtractRun {
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  if (!existsSync(tsx)) throw new Error(`${tsx} not found: run npm ci first`);
  const records = new Map<string, ExtractedRecord>();
  let badLines = 0;
  let stderr = '';
  let status: number | null = 0;
  // a few hundred paths per run keep the command line well under the OS limit
  for (let i = 0; i < paths.length; i += 200) {
    const batch = paths.slice(i, i + 200).map((p) => resolve(p));
    const r = spawnSync(tsx, [join(root, 'src/pipeline/cli-extract.ts'), ...batch], {
      cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, TZ: 'UTC' },
    });
    if (r.error) throw r.error;
    stderr += r.stderr;
    if (r.status !== 0) status = r.status;
    for (const line of r.stdout.split('\n')) {
      if (!line.trim()) continue;
      try {
        const rec = JSON.parse(line) as ExtractedRecord;
        records.set(rec.file, rec);
      } catch {
        badLines++;
      }
    }
  }
  return { records, badLines, stderr, status };
}
