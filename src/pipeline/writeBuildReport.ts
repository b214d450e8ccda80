import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { DiagnosticRow } from '../core/schema.ts';
import type { FileSummary } from './fileSummary.ts';
import { FILE_COLUMNS } from './partTables.ts';
import { withTempFile } from './writeFileAtomic.ts';

const DIAG = ['source_file', 'report_id', 'severity', 'code', 'message', 'start', 'end'] as const;

/** Every file's summary in input order, read from the `files` and `fdiag` tables chunk by chunk. */
export async function* fileSummaries(connection: DuckDBConnection): AsyncGenerator<FileSummary> {
  const fields = DIAG.map((k) => `'${k}': d."${k}"`).join(', ');
  const result = await connection.stream(`
    SELECT f.* EXCLUDE (_ord), coalesce(d.diagnostics, []) AS diagnostics
    FROM files f LEFT JOIN (SELECT _ord, list({${fields}} ORDER BY _i) AS diagnostics FROM fdiag d GROUP BY _ord) d USING (_ord)
    ORDER BY f._ord`);
  for await (const rows of result.yieldRowObjectJs()) {
    for (const row of rows) {
      const diagnostics = (row.diagnostics as Record<string, unknown>[]).map((d) => {
        const out: Record<string, unknown> = {};
        for (const k of DIAG) if (d[k] !== null || k === 'report_id') out[k] = d[k];
        return out as unknown as DiagnosticRow;
      });
      const summary = Object.fromEntries(FILE_COLUMNS.slice(1).map((c) => [c.name, row[c.name] ?? null])) as unknown as FileSummary;
      yield { ...summary, diagnostics };
    }
  }
}

const indent = (json: string, by: string) => json.replaceAll('\n', `\n${by}`);

/**
 * Writes build-report.json: `head` and then `files` streamed from DuckDB (the same text JSON.stringify(…, null, 2)
 * gives), so 120,000 file summaries never sit in memory at once. Returns them only when `keep` says so; `each` sees
 * every one as it is written.
 */
export async function writeBuildReport(
  path: string,
  head: Record<string, unknown>,
  connection: DuckDBConnection,
  keep: boolean,
  each?: (file: FileSummary) => void,
): Promise<FileSummary[]> {
  const kept: FileSummary[] = [];
  await withTempFile(path, async (tmp) => {
    const out = createWriteStream(tmp);
    const write = async (text: string) => {
      if (!out.write(text)) await once(out, 'drain');
    };
    const json = JSON.stringify(head, null, 2);
    await write(`${json.slice(0, -2)},\n  "files": [`);
    let n = 0;
    for await (const f of fileSummaries(connection)) {
      await write(`${n++ ? ',' : ''}\n    ${indent(JSON.stringify(f, null, 2), '    ')}`);
      if (keep) kept.push(f);
      each?.(f);
    }
    await write(n ? '\n  ]\n}\n' : ']\n}\n');
    out.end();
    await once(out, 'close');
  });
  return kept;
}
