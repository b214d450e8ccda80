import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatTemplate, labelKey, labelMatches, parseReport, type ModernFormat } from '../../src/core/index.ts';
import { seedBytes } from './helpers.ts';

// Golden files typed from reading the seed documents (every cell: raw, value, state, unit; every error check's
// outcome). They were not produced by the parser; a difference is a parser bug or a misreading to fix in the file.
interface Golden {
  file_prefix: string;
  format: string;
  tables: Record<string, Record<string, Record<string, [string, number | null, string, string | null]>>>;
  checks: Record<string, 'pass' | 'fail' | 'skipped'>;
}

const golden = (seed: string): Golden => JSON.parse(readFileSync(new URL(`./golden/${seed}.json`, import.meta.url), 'utf8')) as Golden;

describe.each(['000', '001', '002', '003', '004'])('seed %s against its golden file', (seed) => {
  const g = golden(seed);
  const { file, bytes } = seedBytes(seed);
  const r = parseReport(bytes, file);

  it('has the format', () => {
    expect(r.report.format).toBe(g.format);
  });

  it('has every cell of every table, and no other', () => {
    const want: string[] = [];
    for (const [t, rows] of Object.entries(g.tables)) {
      for (const [row, cols] of Object.entries(rows)) {
        for (const [col, [raw, value, state, unit]] of Object.entries(cols)) want.push(`${t}.${row}.${col} = ${JSON.stringify([raw, value, state, unit])}`);
      }
    }
    const got = r.cells.map((c) => `${c.table_id}.${c.row_key}.${c.col_key} = ${JSON.stringify([c.raw, c.value, c.state, c.unit])}`);
    expect(got.sort()).toEqual(want.sort());
  });

  it('points every cell at its text', () => {
    for (const c of r.cells) {
      expect(r.text.slice(c.start, c.end)).toBe(c.raw);
      if (c.state === 'blank') expect(c.start).toBe(c.end);
    }
  });

  it('keeps each row label as written, and it is the label of that row', () => {
    if (g.format !== 'gov_2021' && g.format !== 'gov_2019') return;
    const tables = formatTemplate(g.format as ModernFormat).tables;
    for (const c of r.cells) {
      if (c.table_id === 'review_litigation') { expect(c.row_label).toBeNull(); continue; }
      expect(r.text.includes(c.row_label!)).toBe(true);
      const label = tables.find((t) => t.id === c.table_id)!.rows.find((x) => x.key === c.row_key)?.label;
      if (label) expect(labelMatches(c.row_label!, [labelKey(label)]), `${c.row_key}: ${c.row_label}`).toBe(true);
      else expect(c.row_key).toBe(`extra_${labelKey(c.row_label!)}`.slice(0, 'extra_'.length + 24));
    }
  });

  it('has the outcome of every error rule', () => {
    const got = Object.fromEntries(r.checks.filter((c) => c.severity === 'error').map((c) => [`${c.rule_id}:${c.col_key}`, c.status]));
    expect(got).toEqual(g.checks);
  });
});

describe('facts the issue names', () => {
  const parse = (seed: string) => { const { file, bytes } = seedBytes(seed); return parseReport(bytes, file); };
  it('002: six blank applicant columns, 总计 reported 0, in all 23 rows', () => {
    const apps = parse('002').cells.filter((c) => c.table_id === 'applications');
    expect(apps).toHaveLength(23 * 7);
    expect(apps.filter((c) => c.col_key !== 'total').every((c) => c.state === 'blank' && c.value === null)).toBe(true);
    expect(apps.filter((c) => c.col_key === 'total').every((c) => c.state === 'reported' && c.value === 0)).toBe(true);
  });
  it('000: 1211.66 万元 and the 其他主动公开文件 row', () => {
    const r = parse('000');
    expect(r.cells.find((c) => c.col_key === 'procurement_amount')).toMatchObject({ value: 1211.66, unit: '万元' });
    expect(r.cells.filter((c) => c.row_key === 'extra_其他主动公开文件').map((c) => c.value)).toEqual([2, 2, 2]);
  });
  it('003: all error rules pass', () => {
    const r = parse('003');
    expect(r.checks.filter((c) => c.severity === 'error').length).toBeGreaterThan(40);
    expect(r.checks.filter((c) => c.severity === 'error' && c.status !== 'pass')).toEqual([]);
  });
});
