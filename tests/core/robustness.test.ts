import { describe, expect, it } from 'vitest';
import { parseReport, type ParsedReport } from '../../src/core/index.ts';
import { mulberry32, seedBytes, seedFiles } from './helpers.ts';

function assertWellFormed(r: ParsedReport): void {
  expect(['ok', 'partial', 'empty', 'failed']).toContain(r.report.parse_status);
  for (const c of r.cells) expect(r.text.slice(c.start, c.end)).toBe(c.raw);
  for (const s of r.sections) {
    expect(s.start).toBeLessThanOrEqual(s.end);
    expect(s.end).toBeLessThanOrEqual(r.text.length);
  }
  for (const f of r.facts) expect(f.end).toBeLessThanOrEqual(r.text.length);
}

describe('parseReport never throws', () => {
  it('empty input → parse_status empty', () => {
    const r = parseReport(new Uint8Array(), 'empty.txt');
    expect(r.report.parse_status).toBe('empty');
    expect(r.report.report_id).toBe('e3b0c44298fc1c14');
    expect(r.diagnostics.some((d) => d.code === 'empty')).toBe(true);
  });

  it('whitespace only → empty', () => {
    expect(parseReport(new TextEncoder().encode(' \n\r\n\t '), 'ws.txt').report.parse_status).toBe('empty');
  });

  it('random bytes (seeded) → a report, usually failed, never an exception', () => {
    const rnd = mulberry32(20240601);
    for (let i = 0; i < 60; i++) {
      const n = Math.floor(rnd() * 5000);
      const b = new Uint8Array(n).map(() => Math.floor(rnd() * 256));
      const r = parseReport(b, `random-${i}.bin`);
      assertWellFormed(r);
      expect(r.report.report_id).toHaveLength(16);
    }
  });

  it('random pipes, tabs, numbers and table words do not break the reader', () => {
    const rnd = mulberry32(99);
    const atoms = ['|', '||', '\n', '\t', ' ', '0', '12', '+3', '减2项', '/', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况',
      '二、主动公开政府信息情况', '第二十条第（一）项', '规章', '（一）予以公开', '四、结转下年度继续办理', '总计', '本年制发件数', '一、本年新收政府信息公开申请数量'];
    for (let i = 0; i < 200; i++) {
      let s = '';
      const n = Math.floor(rnd() * 300);
      for (let k = 0; k < n; k++) s += atoms[Math.floor(rnd() * atoms.length)];
      assertWellFormed(parseReport(new TextEncoder().encode(s), `atoms-${i}.txt`));
    }
  });

  it.each(seedFiles().map((f) => [f.slice(0, 3)]))('every truncation of seed %s at 200 byte positions', (seed) => {
    const { bytes } = seedBytes(seed);
    for (let k = 0; k < 200; k++) {
      const cut = Math.floor((bytes.length * k) / 200);
      assertWellFormed(parseReport(bytes.subarray(0, cut), `${seed}-cut-${cut}.txt`));
    }
  });

  it('a huge input (3 MB) is parsed within limits', () => {
    const { bytes } = seedBytes('003');
    const big = new Uint8Array(bytes.length * 140);
    for (let i = 0; i < 140; i++) big.set(bytes, i * bytes.length);
    const r = parseReport(big, 'huge.txt');
    assertWellFormed(r);
    expect(r.report.parse_status).not.toBe('failed');
  });

  it('GB18030 bytes are decoded before segmentation', () => {
    // 四、 in GB18030 is CB C4 A1 A2
    const r = parseReport(new Uint8Array([0xcb, 0xc4, 0xa1, 0xa2, 0x0a]), 'gb.txt');
    expect(r.report.encoding).toBe('gb18030');
    expect(r.text).toBe('四、\n');
  });
});
