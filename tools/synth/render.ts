import { formatTemplate } from '../../src/core/template/template.ts';
import { LAYOUTS, renderTable, showsBlank, type Layout, type RenderRow, type RenderTable, type ReportLayout } from './layouts.ts';
import { labelStyle, writeLabel, type LabelStyle } from './labels.ts';
import { NOISE_BOTTOM, NOISE_TOP, paragraphs } from './prose.ts';
import type { Rng } from './rng.ts';
import type { SynthTruth, TruthCell } from './truth.ts';

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const FULL = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

export const HEADERS: Record<string, Record<string, string[]>> = {
  gov_2021: {
    active_art20_1: ['本年制发件数', '本年废止件数', '现行有效件数'],
    active_art20_5: ['本年处理决定数量'],
    active_art20_6: ['本年处理决定数量'],
    active_art20_8: ['本年收费金额（单位：万元）'],
  },
  gov_2019: {
    active_art20_1: ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
    active_art20_5: ['上一年项目数量', '本年增/减', '处理决定数量'],
    active_art20_6: ['上一年项目数量', '本年增/减', '处理决定数量'],
    active_art20_8: ['上一年项目数量', '本年增/减'],
    active_art20_9: ['采购项目数量', '采购总金额'],
  },
};

/** Pick a layout per table (one for all in a uniform report) and turn empty cells into marks where the layout cannot show them. */
export function planLayouts(rng: Rng, truth: SynthTruth, layout: ReportLayout, vanish = false): Map<string, Layout> {
  const ids = [...new Set(truth.cells.map((c) => c.table_id))];
  const plan = new Map<string, Layout>();
  for (const id of ids) plan.set(id, layout === 'mixed' ? rng.pick(LAYOUTS) : layout);
  for (const c of truth.cells) {
    // with `vanish`, an empty cell leaves no trace at all in layouts without pipes (the parser must align by the rules)
    if (c.state === 'blank' && !showsBlank(plan.get(c.table_id)!) && !vanish) {
      c.state = 'na';
      c.raw = rng.pick(['/', '-', '—', '无']);
      for (const inj of truth.injections) if (inj.kind === 'blank' && inj.table_id === c.table_id && inj.row_key === c.row_key && inj.col_key === c.col_key) inj.kind = 'na';
    }
  }
  return plan;
}

function tableOf(truth: SynthTruth, id: string, style: LabelStyle, full: boolean, noCaption = false): RenderTable {
  const tpl = formatTemplate(truth.format).tables.find((t) => t.id === id)!;
  const byRow = new Map<string, TruthCell[]>();
  for (const c of truth.cells) if (c.table_id === id) (byRow.get(c.row_key) ?? byRow.set(c.row_key, []).get(c.row_key)!).push(c);
  const cellText = (c: TruthCell): string => (full ? FULL(c.raw) : c.raw);
  const rows: RenderRow[] = [];
  if (id === 'review_litigation') {
    const five = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    return {
      caption: null,
      header: [['行政复议', '行政诉讼'], [...five, '未经复议直接起诉', '复议后起诉'], [...five, ...five]],
      rows: [{ parent: null, label: null, cells: byRow.get('counts')!.map(cellText) }],
    };
  }
  if (id === 'applications') {
    let pendingParent: string | null = null;
    for (const r of tpl.rows) {
      if (!r.data) { pendingParent = writeLabel(r.label!, style); continue; }
      const parent = r.parent && tpl.rows.find((p) => p.key === r.parent)?.data === false ? pendingParent : null;
      rows.push({ parent, label: writeLabel(r.label!, style), cells: byRow.get(r.key)!.map(cellText) });
      pendingParent = null;
    }
    return {
      caption: null,
      header: [['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况'], ['自然人', '法人或其他组织', '总计'], ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']],
      rows,
    };
  }
  for (const r of tpl.rows) if (r.data && byRow.has(r.key)) rows.push({ parent: null, label: writeLabel(r.label!, style), cells: byRow.get(r.key)!.map(cellText) });
  for (const x of truth.extra_rows) if (x.table_id === id) rows.push({ parent: null, label: x.label, cells: byRow.get(x.row_key)!.map(cellText) });
  const n = Number(id.slice('active_art20_'.length));
  // the 2019 form explains its columns under the headers ('上一年项目数量' / '（指2019年事项数）')
  const notes = truth.format === 'gov_2019' && style.notes && (n === 5 || n === 6 || n === 8);
  const header = notes
    ? ['信息内容', `上一年项目数量`, `（指${truth.year - 1}年事项数）`, '本年增/减', `（指${truth.year}年增加或减少的事项数，减用负值表示，如-8）`, ...(n === 8 ? [] : ['处理决定数量', `（指${truth.year}年办件量）`])]
    : ['信息内容', ...HEADERS[truth.format]![id]!];
  const cap = `第二十条第（${CN[n]}）项`;
  return { caption: noCaption ? null : style.half ? cap.replace('（', '(').replace('）', ')') : cap, header: [header], rows };
}

/** Replaces the generated prose of a narrative section (tools/synth/corpus writes multi-year corpora through it). */
export type ProseHook = (bank: 'overall' | 'problems' | 'other') => string[] | undefined;

/** The text of a whole report for a truth: title, metadata, prose, the tables in the planned layouts, signature, site noise. */
export function renderReport(rng: Rng, truth: SynthTruth, plan: Map<string, Layout>, prose?: ProseHook): string {
  const out: string[] = [];
  const style = labelStyle(rng);
  const full = rng.chance(0.05);
  const page = { n: 1 };
  const vars = { organ: truth.organ, year: truth.year };
  const budget = rng.int(2500, 7000);
  if (rng.chance(0.5)) out.push(rng.pick(NOISE_TOP));
  out.push(truth.title);
  if (rng.chance(0.4)) out.push(`索引号：${rng.int(10000000, 99999999)}/${truth.year + 1}-${rng.int(10000, 99999)}`, `发布机构：${truth.organ}`, `发布日期：${truth.published_date}`);
  out.push(`本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条规定编制。本报告中所列数据的统计期限自${truth.year}年1月1日起至${truth.year}年12月31日止。`);
  out.push('一、总体情况', ...(prose?.('overall') ?? paragraphs(rng, 'overall', vars, budget * 0.6)));
  out.push('二、主动公开政府信息情况');
  // some reports drop the 第二十条 captions and run the small tables together
  const noCaptions = rng.chance(0.05);
  for (const id of [...plan.keys()].filter((k) => k.startsWith('active_'))) renderTable(rng, tableOf(truth, id, style, full, noCaptions), plan.get(id)!, out, page);
  out.push('三、收到和处理政府信息公开申请情况');
  renderTable(rng, tableOf(truth, 'applications', style, full), plan.get('applications')!, out, page);
  out.push('四、政府信息公开行政复议、行政诉讼情况');
  renderTable(rng, tableOf(truth, 'review_litigation', style, full), plan.get('review_litigation')!, out, page);
  out.push('五、存在的主要问题及改进情况', ...(prose?.('problems') ?? paragraphs(rng, 'problems', vars, budget * 0.3)));
  out.push('六、其他需要报告的事项', ...(prose?.('other') ?? paragraphs(rng, 'other', vars, 40)));
  const [y, m, d] = truth.published_date.split('-').map(Number);
  out.push(`${truth.organ}`, `${y}年${m}月${d}日`);
  if (rng.chance(0.5)) out.push(...NOISE_BOTTOM.map((s) => s.replace('{organ}', truth.organ).replace('{code}', String(rng.int(4200000000, 4299999999))).replace('{icp}', String(rng.int(10000000, 99999999)))));
  return out.join('\n') + '\n';
}
