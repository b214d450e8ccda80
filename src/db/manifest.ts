import type { ColumnType, TableName } from '../core/schema.ts';

export interface ManifestTable {
  name: TableName;
  file: string;
  rows: number;
  bytes: number;
  eager: boolean;
  columns: { name: string; type: ColumnType }[];
}

export interface Manifest {
  version: number;
  built_at: string;
  dataset: {
    description_zh?: string;
    description_en?: string;
    n_reports: number;
    n_files?: number;
    n_skipped?: number;
    formats?: Record<string, number>;
    doc_kinds?: Record<string, number>;
    years?: Record<string, number>;
  };
  tables: ManifestTable[];
}

export async function fetchManifest(base: URL): Promise<Manifest> {
  const res = await fetch(new URL('manifest.json', base));
  if (!res.ok) throw new Error(`manifest.json: HTTP ${res.status}`);
  return (await res.json()) as Manifest;
}
