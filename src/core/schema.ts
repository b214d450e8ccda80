// The data contract: tables and columns shared by the parser, the build, the database layer, the UI and the tests.
// Names follow ../shared/design/ARCHITECTURE.md; adding a column is fine, renaming one breaks users' SQL.
import type { SourceKind } from './document/sourceDocument.ts';

export type ColumnType = 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'DATE';

export interface ColumnDef {
  readonly name: string;
  readonly type: ColumnType;
  readonly zh: string;
  readonly en: string;
}

export interface TableDef {
  readonly name: TableName;
  readonly zh: string;
  readonly en: string;
  /** loaded at start-up (false: fetched on first use, e.g. full texts) */
  readonly eager: boolean;
  readonly columns: readonly ColumnDef[];
}

const col = (name: string, type: ColumnType, zh: string, en: string): ColumnDef => ({ name, type, zh, en });

export const TABLE_NAMES = ['reports', 'sections', 'cells', 'checks', 'facts', 'texts', 'labels', 'diagnostics'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export const TABLES: readonly TableDef[] = [
  {
    name: 'reports', zh: '报告', en: 'Reports', eager: true,
    columns: [
      col('report_id', 'VARCHAR', '报告编号（原始字节 SHA-256 前 16 位）', 'Report id (first 16 hex of SHA-256 of the raw bytes)'),
      col('source_file', 'VARCHAR', '源文件名', 'Source file name'),
      col('source_kind', 'VARCHAR', '源文件类型（pdf：PDF 原件，阅读报告时显示原页面；docx：Word；html：网页；text：文本）', 'Source file kind, set by the reader: pdf (the reader shows its pages), docx (Word), html (web page), text'),
      col('title', 'VARCHAR', '标题', 'Title'),
      col('organ', 'VARCHAR', '发布机关', 'Reporting organ'),
      col('organ_level', 'VARCHAR', '机关层级', 'Organ level (central/province/city/county/township/unknown)'),
      col('region_code', 'VARCHAR', '行政区划代码（GB/T 2260）', 'Region code (GB/T 2260)'),
      col('province', 'VARCHAR', '省', 'Province'),
      col('city', 'VARCHAR', '市', 'City'),
      col('county', 'VARCHAR', '县（区）', 'County / district'),
      col('region_status', 'VARCHAR', '区划识别', 'Region resolution (resolved/ambiguous/partial/not_found)'),
      col('report_year', 'INTEGER', '报告年度', 'Year reported on'),
      col('published_date', 'DATE', '发布日期', 'Publication date'),
      col('format', 'VARCHAR', '报告格式', 'Format (gov_2021/gov_2019/pre_2019/none)'),
      col('doc_kind', 'VARCHAR', '文档类型', 'Document kind (annual_report/work_summary/other)'),
      col('encoding', 'VARCHAR', '原始编码', 'Detected source encoding'),
      col('n_chars', 'INTEGER', '正文字数', 'Characters in the decoded text'),
      col('parse_status', 'VARCHAR', '解析状态', 'Parse status (ok/partial/empty/failed)'),
      col('n_errors', 'INTEGER', '错误数', 'Failed error-level checks'),
      col('n_warnings', 'INTEGER', '警告数', 'Failed warning-level checks'),
    ],
  },
  {
    name: 'sections', zh: '章节', en: 'Sections', eager: true,
    columns: [
      col('report_id', 'VARCHAR', '报告编号', 'Report id'),
      col('ord', 'INTEGER', '序号', 'Order in the report'),
      col('key', 'VARCHAR', '章节键', 'Section key (overall/active_disclosure/applications/review_litigation/problems/other/unknown)'),
      col('heading', 'VARCHAR', '标题', 'Heading as written'),
      col('start', 'INTEGER', '起始位置', 'Start offset in texts.text'),
      col('end', 'INTEGER', '结束位置', 'End offset in texts.text (exclusive)'),
    ],
  },
  {
    name: 'cells', zh: '表格单元格', en: 'Table cells', eager: true,
    columns: [
      col('report_id', 'VARCHAR', '报告编号', 'Report id'),
      col('table_id', 'VARCHAR', '表', 'Template table id'),
      col('row_key', 'VARCHAR', '行键', 'Row key'),
      col('col_key', 'VARCHAR', '列键', 'Column key'),
      col('row_label', 'VARCHAR', '行标签（原文）', 'Row label as written'),
      col('value', 'DOUBLE', '数值', 'Value (null when blank)'),
      col('raw', 'VARCHAR', '原文', 'Text as written'),
      col('unit', 'VARCHAR', '单位', 'Unit'),
      col('state', 'VARCHAR', '状态', 'State (reported/blank/na/inferred)'),
      col('start', 'INTEGER', '起始位置', 'Start offset in texts.text'),
      col('end', 'INTEGER', '结束位置', 'End offset in texts.text (exclusive)'),
      col('flag', 'VARCHAR', '存疑标记',
        'Why the cell is uncertain, null when it is not: row_ambiguous (the row has fewer cells than columns and the rules cannot place them: left blank), split_ambiguous (digits run together that the rules cannot cut into cells in one way only: left blank, the candidates are in the diagnostics), row_by_order (the row has no label in the text; its values were placed by the template row order between labelled rows). A flagged blank is not an empty cell of the report'),
    ],
  },
  {
    name: 'checks', zh: '勾稽检查', en: 'Consistency checks', eager: true,
    columns: [
      col('report_id', 'VARCHAR', '报告编号', 'Report id'),
      col('rule_id', 'VARCHAR', '规则', 'Rule id'),
      col('severity', 'VARCHAR', '级别', 'Severity (error/warning)'),
      col('status', 'VARCHAR', '结果', 'Status (pass/fail/skipped)'),
      col('col_key', 'VARCHAR', '列或行', 'Column (or row) the rule was applied to'),
      col('lhs', 'DOUBLE', '左边', 'Left-hand side'),
      col('rhs', 'DOUBLE', '右边', 'Right-hand side'),
      col('message_zh', 'VARCHAR', '说明（中文）', 'Message in Chinese'),
      col('message_en', 'VARCHAR', '说明（英文）', 'Message in English'),
    ],
  },
  {
    name: 'facts', zh: '正文数字', en: 'Facts from prose', eager: true,
    columns: [
      col('report_id', 'VARCHAR', '报告编号', 'Report id'),
      col('section_key', 'VARCHAR', '章节键', 'Section key'),
      col('label', 'VARCHAR', '指标', 'What the number counts'),
      col('value', 'DOUBLE', '数值', 'Value'),
      col('unit', 'VARCHAR', '单位', 'Unit'),
      col('sentence', 'VARCHAR', '原句', 'Sentence'),
      col('start', 'INTEGER', '起始位置', 'Start offset in texts.text'),
      col('end', 'INTEGER', '结束位置', 'End offset in texts.text (exclusive)'),
    ],
  },
  {
    name: 'texts', zh: '全文', en: 'Full texts', eager: false,
    columns: [
      col('report_id', 'VARCHAR', '报告编号', 'Report id'),
      col('text', 'VARCHAR', '解码并规范化的全文', 'Decoded, normalised text (offsets point into it)'),
    ],
  },
  {
    name: 'labels', zh: '表格标签', en: 'Table labels', eager: true,
    columns: [
      col('format', 'VARCHAR', '格式', 'Format'),
      col('table_id', 'VARCHAR', '表', 'Table id'),
      col('kind', 'VARCHAR', '行/列', 'row or col'),
      col('key', 'VARCHAR', '键', 'Key'),
      col('label_zh', 'VARCHAR', '中文标签', 'Chinese label'),
      col('label_en', 'VARCHAR', '英文标签', 'English label'),
      col('ord', 'INTEGER', '序号', 'Order'),
      col('parent_key', 'VARCHAR', '上级键', 'Parent key'),
    ],
  },
  {
    name: 'diagnostics', zh: '解析诊断', en: 'Parse diagnostics', eager: true,
    columns: [
      col('source_file', 'VARCHAR', '源文件名', 'Source file name'),
      col('report_id', 'VARCHAR', '报告编号', 'Report id (null when the file could not be read)'),
      col('severity', 'VARCHAR', '级别', 'Severity (error/warning/info)'),
      col('code', 'VARCHAR', '代码', 'Diagnostic code'),
      col('message', 'VARCHAR', '说明', 'Message'),
      col('start', 'INTEGER', '起始位置', 'Start offset in texts.text (when known)'),
      col('end', 'INTEGER', '结束位置', 'End offset in texts.text (when known)'),
    ],
  },
];

export const tableDef = (name: TableName): TableDef => {
  const t = TABLES.find((d) => d.name === name);
  if (!t) throw new Error(`unknown table ${name}`);
  return t;
};

export type Format = 'gov_2021' | 'gov_2019' | 'pre_2019' | 'none';
export type DocKind = 'annual_report' | 'work_summary' | 'other';
export type OrganLevel = 'central' | 'province' | 'city' | 'county' | 'township' | 'unknown';
export type ParseStatus = 'ok' | 'partial' | 'empty' | 'failed';
export type SectionKey = 'overall' | 'active_disclosure' | 'applications' | 'review_litigation' | 'problems' | 'other' | 'unknown';
export type RegionStatus = 'resolved' | 'ambiguous' | 'partial' | 'not_found';
export type CellState = 'reported' | 'blank' | 'na' | 'inferred';
/** Why a cell is uncertain (cells.flag); see the column's description. */
export type CellFlag = 'row_ambiguous' | 'split_ambiguous' | 'row_by_order';
export const CELL_FLAGS: readonly CellFlag[] = ['row_ambiguous', 'split_ambiguous', 'row_by_order'];

export interface ReportRow {
  report_id: string;
  source_file: string;
  /** the reader that ran: pdf, docx, html or text */
  source_kind: SourceKind;
  title: string | null;
  organ: string | null;
  organ_level: OrganLevel;
  region_code: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  /** resolved; ambiguous (namesakes the text cannot settle: the code stops at the level they share); partial (only the prefecture or province); not_found */
  region_status: RegionStatus;
  report_year: number | null;
  /** ISO yyyy-mm-dd */
  published_date: string | null;
  format: Format;
  doc_kind: DocKind;
  encoding: string;
  n_chars: number;
  parse_status: ParseStatus;
  n_errors: number;
  n_warnings: number;
}

export interface SectionRow { report_id: string; ord: number; key: SectionKey; heading: string; start: number; end: number }

export interface CellRow {
  report_id: string; table_id: string; row_key: string; col_key: string; row_label: string | null;
  value: number | null; raw: string; unit: string | null; state: CellState; start: number; end: number;
  flag: CellFlag | null;
}

export interface CheckRow {
  report_id: string; rule_id: string; severity: 'error' | 'warning'; status: 'pass' | 'fail' | 'skipped';
  col_key: string | null; lhs: number | null; rhs: number | null; message_zh: string; message_en: string;
}

export interface FactRow {
  report_id: string; section_key: SectionKey; label: string; value: number; unit: string | null;
  sentence: string; start: number; end: number;
}

export interface TextRow { report_id: string; text: string }

export interface LabelRow {
  format: string; table_id: string; kind: 'row' | 'col'; key: string; label_zh: string; label_en: string;
  ord: number; parent_key: string | null;
}

export interface Diagnostic {
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  start?: number;
  end?: number;
}

export interface DiagnosticRow extends Diagnostic { source_file: string; report_id: string | null }

/** Everything the parser learns from one file. */
export interface ParsedReport {
  report: ReportRow;
  sections: SectionRow[];
  cells: CellRow[];
  checks: CheckRow[];
  facts: FactRow[];
  text: string;
  diagnostics: Diagnostic[];
  /** a PDF's page sizes and a box per text run (offsets into `text`), for the reader's page view */
  layout?: PageLayout;
}

/** Where the text of a PDF stands on its pages: written beside the PDF as data/files/<report_id>.layout.json. */
export interface PageLayout {
  pages: { width: number; height: number }[];
  boxes: { start: number; end: number; page: number; x: number; y: number; w: number; h: number }[];
}

export type RowOf = {
  reports: ReportRow; sections: SectionRow; cells: CellRow; checks: CheckRow; facts: FactRow;
  texts: TextRow; labels: LabelRow; diagnostics: DiagnosticRow;
};
