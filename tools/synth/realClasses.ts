// The classes real documents showed and the first generator lacked, as transformations of a generated report written
// in the PDF-text layout (one table row per line, 'label 1 2 3'): a whole page on one line, cells run together
// (crawler text), a table cut short, the 2019 single （六）其他处理 row in a 2021 table. Traditional script is left to
// the test (it needs OpenCC's cn → t converter). The real corpus stays the judge: these only guard what was fixed.
import type { SynthReport } from './generate.ts';
import type { TruthCell } from './truth.ts';

export type RealClass = 'one_line_page' | 'glued_cells' | 'cut_table' | 'hybrid_other';
export const REAL_CLASSES: readonly RealClass[] = ['one_line_page', 'glued_cells', 'cut_table', 'hybrid_other'];

export interface ClassReport extends SynthReport {
  cls: RealClass;
  /** rows of the applications table still in the text (cut_table) */
  keptRows?: string[];
}

const PAGE_MARK = /^\s*(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})\s*$/;
const NUMBER_RUN = /(?:[ \t]+(?:[+\-]?\d+(?:\.\d+)?(?:万元|元|件|项|个)?|\/|-|—|无))+[ \t]*$/;

/** The report as one class of real layouts; null when it does not lend itself (no PDF-text rows to transform). */
export function toRealClass(r: SynthReport, cls: RealClass): ClassReport | null {
  if (r.layout !== 'pdf') return null;
  switch (cls) {
    case 'one_line_page':
      return { ...r, cls, text: r.text.replace(/\n+/g, ' ') };
    case 'glued_cells': {
      // a crawler drops every separator inside the table rows and every line break of the page
      // (a web page has no page numbers: those of the PDF-text layout go)
      const lines = r.text.split('\n').filter((l) => !PAGE_MARK.test(l))
        .map((l) => (NUMBER_RUN.test(l) && /[\u4e00-\u9fff]/.test(l) ? l.replace(/[ \t]+/g, '') : l));
      return { ...r, cls, text: lines.join('') };
    }
    case 'cut_table': {
      const at = r.text.indexOf('4.保护第三方合法权益');
      if (at < 0) return null;
      const text = r.text.slice(0, at);
      const order = ['new_received', 'carried_over', 'granted', 'partially_granted', 'denied_state_secret', 'denied_law_prohibited', 'denied_security_stability'];
      const truth = { ...r.truth, cells: r.truth.cells.filter((c) => c.table_id !== 'review_litigation' && (c.table_id !== 'applications' || order.includes(c.row_key))) };
      return { ...r, cls, text, truth, keptRows: order };
    }
    case 'hybrid_other': {
      if (r.truth.format !== 'gov_2021') return null;
      const keys = ['other_no_correction', 'other_no_fee', 'other_other'];
      const rows = keys.map((k) => r.truth.cells.filter((c) => c.table_id === 'applications' && c.row_key === k));
      if (rows.some((x) => x.length !== 7 || x.some((c) => c.value === null || c.unit !== null))) return null;
      const lines = r.text.split('\n');
      const idx = lines.findIndex((l) => /^(?:（六）其他处理\s*)?1\.申请人无正当理由逾期不补正/.test(l));
      if (idx < 0 || !/^2\.申请人逾期未按收费通知/.test(lines[idx + 1] ?? '') || !/^3\.其他\s/.test(lines[idx + 2] ?? '')) return null;
      if (lines[idx - 1] === '（六）其他处理') lines.splice(idx - 1, 1);
      const sums = rows[0]!.map((_, k) => rows.reduce((s, x) => s + x[k]!.value!, 0));
      const at = lines.findIndex((l) => /^(?:（六）其他处理\s*)?1\.申请人无正当理由逾期不补正/.test(l));
      lines.splice(at, 3, `（六）其他处理 ${sums.join(' ')}`);
      const other: TruthCell[] = rows[0]!.map((c, k) => ({ ...c, row_key: 'other_processing', value: sums[k]!, raw: String(sums[k]), state: 'reported' }));
      const cells = r.truth.cells.filter((c) => !(c.table_id === 'applications' && keys.includes(c.row_key))).concat(other);
      return { ...r, cls, text: lines.join('\n'), truth: { ...r.truth, cells } };
    }
  }
}
