import { describe, expect, test } from 'vitest';
import { formatDuration, progressBar, progressLine } from '../../src/pipeline/progressBar.ts';

describe('progress bar', () => {
  test('durations as m:ss or h:mm:ss', () => {
    expect([0, 59.4, 75, 3725].map(formatDuration)).toEqual(['0:00', '0:59', '1:15', '1:02:05']);
  });

  test('a line with count, share, rate and the time left at that rate', () => {
    expect(progressLine(1200, 30000, 6000, 'a.txt', 10)).toBe('[..........] 1200/30000  4.0%  200/s  ETA 2:24  a.txt');
    expect(progressLine(30000, 30000, 60000, '', 10)).toBe('[##########] 30000/30000  100.0%  500/s  ');
    expect(progressLine(0, 0, 0, '', 4)).toBe('[####] 0/0  100.0%  0/s  ');
  });

  test('redraws in place at most every everyMs, and always the last file', () => {
    let t = 0;
    const out: string[] = [];
    const stream = { columns: 200, write: (s: string) => out.push(s) } as unknown as NodeJS.WriteStream;
    const bar = progressBar(stream, { everyMs: 100, now: () => t });
    for (let i = 1; i <= 10; i++) {
      t += 30;
      bar.update(i, 10, `f${i}`);
    }
    expect(out.length).toBe(4); // at 30, 150 (≥100 after 30), 270, and the last at 300
    expect(out.every((s) => s.startsWith('\r\x1b[K'))).toBe(true);
    expect(out.at(-1)).toContain('10/10');
    bar.clear();
    expect(out.at(-1)).toBe('\r\x1b[K');
  });
});
