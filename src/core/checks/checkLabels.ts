import { formatTemplate, type ModernFormat } from '../template/template.ts';
import { colLabelEn, rowLabelEn } from '../labels/labelsEn.ts';

/** Names of the template tables as a review office writes them in its feedback. */
export const TABLE_ZH: Readonly<Record<string, string>> = {
  active_art20_1: '第二十条第（一）项', active_art20_5: '第二十条第（五）项', active_art20_6: '第二十条第（六）项',
  active_art20_8: '第二十条第（八）项', active_art20_9: '第二十条第（九）项',
  applications: '三、收到和处理政府信息公开申请情况', review_litigation: '四、政府信息公开行政复议、行政诉讼情况',
};
export const TABLE_EN: Readonly<Record<string, string>> = {
  active_art20_1: 'Art. 20 (1)', active_art20_5: 'Art. 20 (5)', active_art20_6: 'Art. 20 (6)', active_art20_8: 'Art. 20 (8)',
  active_art20_9: 'Art. 20 (9)', applications: 'Section 3 (applications received and processed)',
  review_litigation: 'Section 4 (administrative review and litigation)',
};

/** Chinese label of a row or column of one format's table (else the other form's: hybrid forms); the key itself when neither has one. */
export function labelZh(format: ModernFormat, tableId: string, kind: 'row' | 'col', key: string): string {
  for (const f of [format, format === 'gov_2021' ? 'gov_2019' : 'gov_2021'] as const) {
    const t = formatTemplate(f).tables.find((x) => x.id === tableId);
    const label = kind === 'row' ? t?.rows.find((r) => r.key === key)?.label : t?.columns.find((c) => c.key === key)?.label;
    if (label) return label;
  }
  return key.startsWith('extra_') ? key.slice(6) : key;
}

export const labelEn = (kind: 'row' | 'col', key: string): string => (kind === 'row' ? rowLabelEn(key) : colLabelEn(key));

export const fmt = (n: number): string => String(Math.round(n * 1e6) / 1e6);
