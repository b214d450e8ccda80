import type { FactRow, SectionKey } from '../schema.ts';

type Draft = Omit<FactRow, 'report_id'>;

// Rows of the 2014–2018 政府信息公开情况统计表 (国办发〔2014〕32号 and provincial variants): 统计指标 | 单位 | 数量.
const UNIT = /^(条|件|个|次|人次|项|人|家|篇|期|场|元|万元|%)$/;
const NUMBER = /^\d{1,12}(?:\.\d{1,6})?$/;
const ENUM = /^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}\s*[、.．])\s*/;

const STAT_KEYS: [string, RegExp][] = [
  ['applications_received', /^(?:收到申请|申请总数|受理申请|收到.*申请数)/],
  ['partially_granted', /同意部分公开/],
  ['denied', /不同意公开|不予公开/],
  ['granted', /同意公开/],
  ['reviews', /行政复议/],
  ['lawsuits', /行政诉讼/],
  ['active_disclosure_items', /主动公开(?:政府)?信息数/],
  ['fees_collected', /收取.*费|收费/],
];

const cleanLabel = (s: string): string => s.trim().replace(ENUM, '').replace(/[\s：:]+$/, '');
const keyOf = (label: string): string => STAT_KEYS.find(([, re]) => re.test(label))?.[0] ?? label;

/**
 * Facts from a statistics table of a pre-2019 report, so such reports still yield numbers with stable keys. Rows
 * with pipes or tabs ('（一）收到申请数 | 件 | 15') and one cell per line (label, unit, number on three lines) are
 * read; start/end cover the number as written.
 */
export function statTableFacts(text: string, sectionAt: (pos: number) => SectionKey, max: number): Draft[] {
  const at = text.search(/政府信息公开(?:工作)?情况统计表|统计指标/);
  if (at < 0) return [];
  const out: Draft[] = [];
  const lines: { s: string; start: number }[] = [];
  for (let pos = text.lastIndexOf('\n', at) + 1; pos < text.length && lines.length < 4000; ) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    lines.push({ s: text.slice(pos, nl), start: pos });
    pos = nl + 1;
  }
  const push = (label: string, unit: string | null, raw: string, start: number, sentence: string): void => {
    if (out.length >= max || !/[\u4e00-\u9fa5]{2}/.test(label)) return;
    out.push({ section_key: sectionAt(start), label: keyOf(label), value: Number(raw), unit, sentence: sentence.trim(), start, end: start + raw.length });
  };
  for (let i = 0; i < lines.length; i++) {
    const { s, start } = lines[i]!;
    // a table row is short; a megabyte 'line' of pipes is not one
    if (s.length > 2000) continue;
    if (/[|\t]/.test(s)) {
      const cells: { v: string; at: number }[] = [];
      for (const m of s.matchAll(/[^|\t]+/g)) {
        const v = m[0].trim();
        if (v) cells.push({ v, at: start + m.index + m[0].indexOf(v) });
      }
      const last = cells.at(-1);
      if (!last || cells.length < 2 || !NUMBER.test(last.v)) continue;
      const unit = cells.length >= 3 && UNIT.test(cells.at(-2)!.v) ? cells.at(-2)!.v : null;
      const label = cleanLabel(cells[cells.length - (unit ? 3 : 2)]!.v);
      push(label, unit, last.v, last.at, s);
      continue;
    }
    // one cell per line: label, unit, number
    const u = lines[i + 1]?.s.trim();
    const n = lines[i + 2];
    if (u && n && UNIT.test(u) && NUMBER.test(n.s.trim()) && !NUMBER.test(s.trim())) {
      const raw = n.s.trim();
      push(cleanLabel(s), u, raw, n.start + n.s.indexOf(raw), `${s.trim()} ${u} ${raw}`);
      i += 2;
    }
  }
  return out;
}
