// One-line descriptions for the schema browser: contract tables and columns come from src/core/schema.ts; the
// views and the catalog's selection table are described here.
import { TABLES } from '../core/schema.ts';

export interface Doc { zh: string; en: string }

export const OBJECT_DOCS: Record<string, Doc> = {
  reports: { zh: '每份报告一行：源文件类型（PDF、Word、网页、文本）、标题、机关、地区、年度、格式、文档类型、解析状态、未通过检查数', en: 'One row per report: source file kind (PDF, Word, web page, text), title, organ, region, year, format, kind, parse status, failed checks' },
  sections: { zh: '报告的章节及其在全文中的位置', en: 'Sections of a report and their place in the text' },
  cells: { zh: '统计表的每个数（表、行键、列键、数值、原文、在全文中的位置）', en: 'Every number of the official tables (table, row key, column key, value, raw text, position)' },
  checks: { zh: '勾稽关系检查：每条规则（每列）一行，结果、左右两边和说明', en: 'Consistency checks: one row per rule (and column) with status, both sides and a message' },
  facts: { zh: '正文中说到的数字及其句子', en: 'Numbers stated in the prose, with their sentence' },
  texts: { zh: '解码并规范化的全文（首次使用时载入）', en: 'Decoded, normalised full texts (loaded on first use)' },
  labels: { zh: '官方统计表的行、列键及中英文标签', en: 'Row and column keys of the official tables with Chinese and English labels' },
  diagnostics: { zh: '读取和解析文件时遇到的问题', en: 'Problems met while reading and parsing files' },
  applications_wide: { zh: '视图：申请表每份报告每行一行，七个申请人列', en: 'View: applications table, one row per report and row, seven applicant columns' },
  review_litigation_wide: { zh: '视图：复议诉讼表每份报告一行，十五列', en: 'View: review and litigation, one row per report, fifteen columns' },
  active_disclosure_wide: { zh: '视图：主动公开各表每份报告每行一行', en: 'View: proactive disclosure tables, one row per report, table and row' },
  report_metrics: { zh: '视图：每份报告的主要指标（申请数、公开率、复议诉讼数、纠正率、未通过检查数）', en: 'View: key figures per report (applications, shares, reviews, lawsuits, correction rate, failed checks)' },
  selection: { zh: '报告目录中当前所选的报告（report_id），随筛选和搜索更新', en: 'Reports currently selected in the catalog (report_id), updated with the filters and search' },
};

const VIEW_COLUMNS: Record<string, Doc> = {
  row_label_zh: { zh: '行的中文标签', en: 'Chinese row label' },
  natural_person: { zh: '自然人', en: 'Natural persons' },
  legal_commercial: { zh: '商业企业', en: 'Commercial enterprises' },
  legal_research: { zh: '科研机构', en: 'Research institutions' },
  legal_public_interest: { zh: '社会公益组织', en: 'Public-interest organisations' },
  legal_legal_service: { zh: '法律服务机构', en: 'Legal service organisations' },
  legal_other: { zh: '其他组织', en: 'Other organisations' },
  total: { zh: '总计', en: 'Total' },
  applications_received: { zh: '本年新收申请（总计）', en: 'New applications (total)' },
  carried_over: { zh: '上年结转', en: 'Carried over from last year' },
  granted: { zh: '予以公开', en: 'Granted' },
  partially_granted: { zh: '部分公开', en: 'Partly granted' },
  refused: { zh: '不予公开（1–8 合计）', en: 'Refused (reasons 1–8)' },
  unable: { zh: '无法提供（1–3 合计）', en: 'Unable to provide (1–3)' },
  not_processed: { zh: '不予处理（1–5 合计）', en: 'Not processed (1–5)' },
  results_total: { zh: '办理结果总计', en: 'All outcomes' },
  granted_share: { zh: '予以公开占办理结果之比', en: 'Granted share of outcomes' },
  partial_share: { zh: '部分公开占比', en: 'Partly granted share' },
  refused_share: { zh: '不予公开占比', en: 'Refused share' },
  reviews: { zh: '行政复议总计', en: 'Administrative reviews' },
  lawsuits: { zh: '行政诉讼总计（直接起诉 + 复议后起诉）', en: 'Lawsuits (direct + after review)' },
  review_correction_rate: { zh: '复议纠正率（纠正 ÷ 已审结）', en: 'Review correction rate (corrected / decided)' },
  failed_checks: { zh: '未通过的错误级检查数', en: 'Failed error-level checks' },
  made: { zh: '本年制发件数', en: 'Made this year' },
  repealed: { zh: '本年废止件数', en: 'Repealed this year' },
  valid: { zh: '现行有效件数', en: 'Currently valid' },
  decisions: { zh: '处理决定数量', en: 'Decisions' },
  fee_amount: { zh: '收费金额（万元）', en: 'Fees (10k yuan)' },
};

/** Description of a column: the contract's when the table is a contract table, else by column name. */
export function columnDoc(object: string, column: string): Doc | undefined {
  const def = TABLES.find((t) => t.name === object)?.columns.find((c) => c.name === column);
  if (def) return { zh: def.zh, en: def.en };
  if (VIEW_COLUMNS[column]) return VIEW_COLUMNS[column];
  for (const t of TABLES) {
    const c = t.columns.find((x) => x.name === column);
    if (c) return { zh: c.zh, en: c.en };
  }
  return undefined;
}
