import { tableDef, type DiagnosticRow, type TableName } from '../core/schema.ts';
import type { ExtractedFile } from './extractFile.ts';

/** One line of `npm run extract`: the contract's columns only, in contract order, so the output stays stable. */
export interface ExtractRecord {
  file: string;
  report: Record<string, unknown> | null;
  sections: Record<string, unknown>[];
  cells: Record<string, unknown>[];
  checks: Record<string, unknown>[];
  facts: Record<string, unknown>[];
  diagnostics: Record<string, unknown>[];
}

const pick = (table: TableName, row: object): Record<string, unknown> =>
  Object.fromEntries(tableDef(table).columns.map((c) => [c.name, (row as Record<string, unknown>)[c.name] ?? null]));

export function extractRecord(extracted: ExtractedFile): ExtractRecord {
  const { path, parsed, source_file } = extracted;
  const id = parsed?.report.report_id ?? extracted.report_id;
  const diagnostics: DiagnosticRow[] = [
    ...(parsed?.diagnostics ?? []).map((d) => ({ ...d, source_file, report_id: id })),
    ...extracted.diagnostics,
  ];
  return {
    file: path,
    report: parsed ? pick('reports', parsed.report) : null,
    sections: (parsed?.sections ?? []).map((r) => pick('sections', r)),
    cells: (parsed?.cells ?? []).map((r) => pick('cells', r)),
    checks: (parsed?.checks ?? []).map((r) => pick('checks', r)),
    facts: (parsed?.facts ?? []).map((r) => pick('facts', r)),
    diagnostics: diagnostics.map((r) => pick('diagnostics', r)),
  };
}
