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

export const TABLE_NAMES = [
  'reports', 'sections', 'cells', 'checks', 'facts', 'texts', 'labels', 'diagnostics',
  'report_pairs', 'similar_passages', 'section_profiles', 'rollups', 'report_quality',
] as const;
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
      col('severity', 'VARCHAR', '级别', 'Severity (error/warning/info: info rows explain what is not an error and never count)'),
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
  // The review desk's tables (issue 18): computed once every report is in (src/pipeline/reviewStep.ts, SQL in src/sql/).
  {
    name: 'report_pairs', zh: '同一机关相邻年度报告', en: 'Same organ, consecutive years', eager: true,
    columns: [
      col('report_id', 'VARCHAR', '报告编号（后一年）', 'Report id (the later year)'),
      col('prev_report_id', 'VARCHAR', '上一年度报告编号', 'Report id of the year before'),
      col('organ_key', 'VARCHAR', '机关标识（区划代码|层级|规范名称）', 'Organ key (region code | level | normalised name)'),
      col('year', 'INTEGER', '报告年度', 'Year reported on'),
      col('prev_year', 'INTEGER', '上一报告年度', 'Year before'),
      col('match_kind', 'VARCHAR', '匹配方式（exact 同名 / alias 别称 / renamed 机构改革更名）', 'Match (exact / alias / renamed in the 机构改革)'),
      col('n_candidates', 'INTEGER', '上一年度候选报告数（大于 1：重复报告或机构合并）', 'Candidate reports of the year before (above 1: a duplicate or a merger)'),
      col('organ', 'VARCHAR', '本年署名机关', 'Organ as signed this year'),
      col('prev_organ', 'VARCHAR', '上一年署名机关', 'Organ as signed the year before'),
    ],
  },
  {
    name: 'similar_passages', zh: '内容雷同段落', en: 'Copied passages (内容雷同)', eager: false,
    columns: [
      col('report_id', 'VARCHAR', '报告编号', 'Report id'),
      col('other_report_id', 'VARCHAR', '雷同的另一报告', 'The other report'),
      col('section_key', 'VARCHAR', '章节键', 'Section key (overall/problems/other/unknown)'),
      col('kind', 'VARCHAR', '类型（same_organ_prev_year 照搬本机关上年 / same_organ_next_year / same_organ_other_year / cross_organ 跨机关 / unknown_organ）', 'Kind: the other report is this organ\'s previous year (same_organ_prev_year), next year, another year, another organ\'s (cross_organ), or unknown'),
      col('similarity', 'DOUBLE', '本报告该章节特有内容在另一报告中出现的比例', 'Share of this section\'s own (non-boilerplate) text found in the other report'),
      col('other_similarity', 'DOUBLE', '另一报告该章节特有内容在本报告中出现的比例', 'Share of the other section\'s own text found in this report'),
      col('passage', 'INTEGER', '段落序号', 'Passage number within the pair and section'),
      col('start', 'INTEGER', '起始位置（本报告）', 'Start offset in this report\'s texts.text'),
      col('end', 'INTEGER', '结束位置（本报告）', 'End offset in this report\'s texts.text (exclusive)'),
      col('other_start', 'INTEGER', '起始位置（另一报告）', 'Start offset in the other report\'s text'),
      col('other_end', 'INTEGER', '结束位置（另一报告）', 'End offset in the other report\'s text (exclusive)'),
      col('specific_chars', 'INTEGER', '段落中非套话的字数', 'Characters of the passage that are not boilerplate'),
    ],
  },
  {
    name: 'section_profiles', zh: '章节原创性', en: 'Section originality', eager: false,
    columns: [
      col('report_id', 'VARCHAR', '报告编号', 'Report id'),
      col('section_key', 'VARCHAR', '章节键', 'Section key'),
      col('chars', 'INTEGER', '规范化后的字数', 'Characters after normalisation'),
      col('shingles', 'INTEGER', '五字片段数', 'Five-character shingles'),
      col('specific', 'INTEGER', '非套话片段数（出现在少数报告中）', 'Shingles that are not boilerplate'),
      col('boilerplate_share', 'DOUBLE', '套话比例', 'Share of boilerplate shingles'),
      col('copied_share', 'DOUBLE', '与同年或更早的任一其他报告雷同的最大比例（被后来的报告抄用不计）', 'Largest share of its own text found in one other report of the same or an earlier year (being copied later does not count)'),
      col('prev_year_share', 'DOUBLE', '与本机关上年报告雷同的比例', 'Share found in the organ\'s own report of the year before'),
      col('cross_organ_share', 'DOUBLE', '与其他机关报告雷同的最大比例', 'Largest share found in another organ\'s report'),
    ],
  },
  {
    name: 'rollups', zh: '层级汇总', en: 'Region roll-ups', eager: true,
    columns: [
      col('report_id', 'VARCHAR', '本级政府报告编号', 'Report id of the government'),
      col('organ', 'VARCHAR', '本级政府', 'Government'),
      col('year', 'INTEGER', '报告年度', 'Year reported on'),
      col('child_group', 'VARCHAR', '下级范围（departments 所属部门及乡镇 / subregions 下级政府）', 'Children (departments: its organs and townships; subregions: the governments below)'),
      col('metric', 'VARCHAR', '指标（表.行.列）', 'Metric (table.row.column)'),
      col('metric_zh', 'VARCHAR', '指标名称', 'Metric (Chinese)'),
      col('metric_en', 'VARCHAR', '指标名称（英文）', 'Metric (English)'),
      col('parent_value', 'DOUBLE', '本级报告数', 'Value in the government\'s report'),
      col('children_sum', 'DOUBLE', '下级报告合计', 'Sum over the children\'s reports'),
      col('n_children', 'INTEGER', '已加载的下级报告数', 'Children\'s reports loaded'),
      col('n_reported', 'INTEGER', '填报该项的下级报告数', 'Children\'s reports giving the metric'),
      col('n_townships', 'INTEGER', '其中乡镇（街道）', 'Of which townships'),
      col('status', 'VARCHAR', '结果（pass 相等 / fail 下级合计更大 / skipped 无法判断）', 'Status (pass: equal; fail: children add up to more; skipped: cannot be judged)'),
    ],
  },
  {
    name: 'report_quality', zh: '报告质量评分', en: 'Report quality score', eager: true,
    columns: [
      col('report_id', 'VARCHAR', '报告编号', 'Report id'),
      col('timeliness', 'DOUBLE', '及时性（1 按期 / 0 逾期）', 'Timeliness (1 on time, 0 late)'),
      col('days_late', 'INTEGER', '逾期天数', 'Days after the deadline'),
      col('completeness', 'DOUBLE', '完整性（各完整性规则的平均）', 'Completeness (mean of the completeness rules)'),
      col('arithmetic', 'DOUBLE', '勾稽正确率（通过的错误级检查 / 已检查）', 'Arithmetic (error checks passed / checked)'),
      col('consistency', 'DOUBLE', '跨年度一致性（X-YEAR 规则通过率）', 'Consistency across years (X-YEAR rules passed / checked)'),
      col('originality', 'DOUBLE', '原创性（1 − 与其他报告雷同的特有内容比例）', 'Originality (1 − share of its own text found in another report)'),
      col('parts_scored', 'INTEGER', '参与评分的部分数', 'Parts that could be scored'),
      col('score', 'DOUBLE', '总分（各可评部分的平均 × 100，公式见 docs/quality-score.md）', 'Score (100 × mean of the parts scored; formula in docs/quality-score.md)'),
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
  report_id: string; rule_id: string; severity: 'error' | 'warning' | 'info'; status: 'pass' | 'fail' | 'skipped';
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

export interface ReportPairRow {
  report_id: string; prev_report_id: string; organ_key: string; year: number; prev_year: number;
  match_kind: 'exact' | 'alias' | 'renamed'; n_candidates: number; organ: string; prev_organ: string;
}
export interface SimilarPassageRow {
  report_id: string; other_report_id: string; section_key: SectionKey;
  kind: 'same_organ_prev_year' | 'same_organ_next_year' | 'same_organ_other_year' | 'cross_organ' | 'unknown_organ';
  similarity: number; other_similarity: number; passage: number; start: number; end: number; other_start: number; other_end: number; specific_chars: number;
}
export interface SectionProfileRow {
  report_id: string; section_key: SectionKey; chars: number; shingles: number; specific: number;
  boilerplate_share: number | null; copied_share: number; prev_year_share: number; cross_organ_share: number;
}
export interface RollupRow {
  report_id: string; organ: string; year: number; child_group: 'departments' | 'subregions'; metric: string; metric_zh: string; metric_en: string;
  parent_value: number | null; children_sum: number | null; n_children: number; n_reported: number; n_townships: number; status: 'pass' | 'fail' | 'skipped';
}
export interface ReportQualityRow {
  report_id: string; timeliness: number | null; days_late: number | null; completeness: number | null; arithmetic: number | null;
  consistency: number | null; originality: number | null; parts_scored: number; score: number | null;
}

export type RowOf = {
  reports: ReportRow; sections: SectionRow; cells: CellRow; checks: CheckRow; facts: FactRow;
  texts: TextRow; labels: LabelRow; diagnostics: DiagnosticRow;
  report_pairs: ReportPairRow; similar_passages: SimilarPassageRow; section_profiles: SectionProfileRow; rollups: RollupRow; report_quality: ReportQualityRow;
};
