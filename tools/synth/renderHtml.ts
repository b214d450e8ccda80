import { formatTemplate } from '../../src/core/template/template.ts';
import { paragraphs } from './prose.ts';
import { HEADERS } from './render.ts';
import type { Rng } from './rng.ts';
import type { SynthTruth, TruthCell } from './truth.ts';

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Td {
  text: string;
  rowspan?: number;
  colspan?: number;
}

/**
 * A cell as a Word-made page writes it: the text cut into <span>s, an empty cell as &nbsp; or <o:p></o:p>, the
 * label sometimes in two paragraphs — what LibreOffice turns into a .docx and a PDF with the same table.
 */
function td(rng: Rng, c: Td): string {
  const span = `${c.rowspan && c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}${c.colspan && c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}`;
  let inner: string;
  if (!c.text) inner = rng.pick(['&nbsp;', '<p><span><o:p></o:p></span></p>', '<p><span><o:p>&nbsp;</o:p></span></p>', '']);
  else if (c.text.length > 3 && rng.chance(0.3)) {
    const at = rng.int(1, c.text.length - 1);
    inner = `<p><span>${esc(c.text.slice(0, at))}</span><span>${esc(c.text.slice(at))}</span><span><o:p></o:p></span></p>`;
  } else inner = `<p><span>${esc(c.text)}</span></p>`;
  return `<td${span}>${inner}</td>`;
}

/** A bordered table the width of the page (widths in per cent, as Word pages set them), so nothing runs off in a PDF. */
const table = (rng: Rng, rows: Td[][], widths: number[], borders = true): string =>
  `<table border="${borders ? 1 : 0}" cellspacing="0" cellpadding="3" width="100%" style="border-collapse:collapse;table-layout:fixed;width:100%">\n<colgroup>${widths.map((w) => `<col width="${w}%">`).join('')}</colgroup>\n${rows.map((r) => `<tr>${r.map((c) => td(rng, c)).join('')}</tr>`).join('\n')}\n</table>`;
const even = (n: number, total = 100): number[] => Array.from({ length: n }, () => Math.floor((total / n) * 10) / 10);

/** The official tables of a truth as HTML tables with the template's row and column spans. */
function tables(rng: Rng, truth: SynthTruth, borders: boolean): Map<string, string> {
  const out = new Map<string, string>();
  const tpl = formatTemplate(truth.format);
  const cellsOf = (id: string, row: string): TruthCell[] => truth.cells.filter((c) => c.table_id === id && c.row_key === row);
  const raw = (c: TruthCell) => (c.state === 'blank' ? '' : c.raw);
  for (const t of tpl.tables) {
    const present = truth.cells.some((c) => c.table_id === t.id);
    if (!present) continue;
    if (t.id === 'review_litigation') {
      const five = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
      out.set(t.id, table(rng, [
        [{ text: '行政复议', colspan: 5 }, { text: '行政诉讼', colspan: 10 }],
        [...five.map((text) => ({ text, rowspan: 2 })), { text: '未经复议直接起诉', colspan: 5 }, { text: '复议后起诉', colspan: 5 }],
        [...five, ...five].map((text) => ({ text })),
        cellsOf(t.id, 'counts').map((c) => ({ text: raw(c) })),
      ], even(15), borders));
      continue;
    }
    if (t.id === 'applications') {
      const rows: Td[][] = [
        [{ text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', colspan: 3, rowspan: 3 }, { text: '申请人情况', colspan: 7 }],
        [{ text: '自然人', rowspan: 2 }, { text: '法人或其他组织', colspan: 5 }, { text: '总计', rowspan: 2 }],
        ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((text) => ({ text })),
      ];
      const data = t.rows.filter((r) => r.data);
      const childrenOf = (key: string) => data.filter((r) => r.parent === key || t.rows.find((p) => p.key === r.parent)?.parent === key);
      const values = (key: string) => cellsOf(t.id, key).map((c) => ({ text: raw(c) }));
      const started = new Set<string>();
      for (const r of data) {
        const row: Td[] = [];
        const parent = t.rows.find((p) => p.key === r.parent);
        if (!parent) row.push({ text: r.label!, colspan: 3 });
        else if (parent.data === false && parent.parent) {
          // 1.属于国家秘密 under （三）不予公开 under 三、本年度办理结果
          const top = t.rows.find((p) => p.key === parent.parent)!;
          if (!started.has(top.key)) row.push({ text: top.label!, rowspan: childrenOf(top.key).length }), started.add(top.key);
          if (!started.has(parent.key)) row.push({ text: parent.label!, rowspan: childrenOf(parent.key).length }), started.add(parent.key);
          row.push({ text: r.label! });
        } else {
          if (!started.has(parent.key)) row.push({ text: parent.label!, rowspan: childrenOf(parent.key).length }), started.add(parent.key);
          row.push({ text: r.label!, colspan: 2 });
        }
        rows.push([...row, ...values(r.key)]);
      }
      out.set(t.id, table(rng, rows, [9, 10, 23, ...even(7, 58)], borders));
      continue;
    }
    const n = Number(t.id.slice('active_art20_'.length));
    const header = HEADERS[truth.format]![t.id]!;
    const rows: Td[][] = [[{ text: `第二十条第（${CN[n]}）项`, colspan: header.length + 1 }], [{ text: '信息内容' }, ...header.map((text) => ({ text }))]];
    for (const r of t.rows) if (r.data && cellsOf(t.id, r.key).length > 0) rows.push([{ text: r.label! }, ...cellsOf(t.id, r.key).map((c) => ({ text: raw(c) }))]);
    for (const x of truth.extra_rows) if (x.table_id === t.id) rows.push([{ text: x.label }, ...cellsOf(t.id, x.row_key).map((c) => ({ text: raw(c) }))]);
    out.set(t.id, table(rng, rows, [30, ...even(header.length, 70)], borders));
  }
  return out;
}

/**
 * A report of a truth as the HTML page an office would publish (and save as .docx or print to PDF): title, the six
 * sections, every official table with the template's markup (rowspan/colspan headers, empty cells left empty);
 * `borders: false` draws the tables without rules (a PDF of it has only positions to go by).
 */
export function renderReportHtml(rng: Rng, truth: SynthTruth, { borders = true }: { borders?: boolean } = {}): string {
  const vars = { organ: truth.organ, year: truth.year };
  const t = tables(rng, truth, borders);
  const p = (s: string) => `<p>${esc(s)}</p>`;
  const body: string[] = [`<h1>${esc(truth.title)}</h1>`];
  body.push(p(`本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条规定编制。本报告中所列数据的统计期限自${truth.year}年1月1日起至${truth.year}年12月31日止。`));
  body.push(p('一、总体情况'), ...paragraphs(rng, 'overall', vars, 1500).map(p));
  body.push(p('二、主动公开政府信息情况'));
  for (const [id, html] of t) if (id.startsWith('active_')) body.push(html, '<p>&nbsp;</p>');
  body.push(p('三、收到和处理政府信息公开申请情况'), t.get('applications') ?? '', '<p>&nbsp;</p>');
  body.push(p('四、政府信息公开行政复议、行政诉讼情况'), t.get('review_litigation') ?? '', '<p>&nbsp;</p>');
  body.push(p('五、存在的主要问题及改进情况'), ...paragraphs(rng, 'problems', vars, 600).map(p));
  body.push(p('六、其他需要报告的事项'), ...paragraphs(rng, 'other', vars, 40).map(p));
  const [y, m, d] = truth.published_date.split('-').map(Number);
  body.push(`<p style="text-align:right">${esc(truth.organ)}</p>`, `<p style="text-align:right">${y}年${m}月${d}日</p>`);
  return `<!DOCTYPE html>
<html lang="zh-CN" xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8"><title>${esc(truth.title)}</title>
<style>td{${borders ? 'border:1px solid #000;' : ''}font-size:9pt} p{font-size:12pt}</style></head>
<body>
${body.join('\n')}
</body></html>
`;
}
