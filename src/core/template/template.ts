import raw from '../template.json';

export type ValueType = 'non_negative_integer' | 'non_negative_decimal' | 'signed_integer';

export interface TemplateColumn {
  key: string;
  label: string;
  group?: string | null;
  group_path?: string[];
  value_type?: ValueType;
  unit?: string | null;
}

export interface TemplateRow {
  key: string;
  label: string | null;
  level: number;
  data: boolean;
  parent?: string;
}

export interface TemplateTable {
  id: string;
  section: number;
  caption?: string;
  title?: string;
  unit?: string;
  value_type?: ValueType;
  columns: TemplateColumn[];
  rows: TemplateRow[];
}

export interface TemplateRule {
  id: string;
  severity: 'error' | 'warning' | 'info';
  forall?: { col?: string[]; row?: string[]; table?: string[] };
  expr: string;
  scope?: string;
}

export interface TemplateFormat {
  format_id: 'gov_2021' | 'gov_2019';
  detection_signatures: string[];
  sections: { no: number; key: string; heading: string; heading_variants?: string[] }[];
  tables: TemplateTable[];
  rules: TemplateRule[];
}

export interface Template {
  formats: { gov_2021: TemplateFormat; gov_2019: TemplateFormat };
  label_aliases: Record<string, string[]>;
  value_normalization: { empty_tokens: string[]; unit_suffixes: Record<string, number> };
  format_detection: { if_any_header?: string[]; format?: string; else?: string }[];
}

export const TEMPLATE = raw as unknown as Template;

export type ModernFormat = 'gov_2021' | 'gov_2019';

export const formatTemplate = (f: ModernFormat): TemplateFormat => TEMPLATE.formats[f];

export const tableOf = (f: ModernFormat, id: string): TemplateTable | undefined =>
  TEMPLATE.formats[f].tables.find((t) => t.id === id);

/** Value type of one column: the column's own, else the table's, else integer. */
export const valueTypeOf = (table: TemplateTable, colKey: string): ValueType =>
  table.columns.find((c) => c.key === colKey)?.value_type ?? table.value_type ?? 'non_negative_integer';
