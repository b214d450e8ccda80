/** A one-line progress bar with rate and ETA, redrawn in place (at most every `everyMs`); only meaningful on a TTY. */
export interface ProgressBar {
  update(done: number, total: number, label?: string): void;
  clear(): void;
}

/** 75 s → "1:15", 3725 s → "1:02:05". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const [h, m, r] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${two(m)}:${two(r)}` : `${m}:${two(r)}`;
}

/** `[#####.....] 1200/30000  4.0%  215/s  ETA 2:13  name` */
export function progressLine(done: number, total: number, elapsedMs: number, label: string, width = 30): string {
  const filled = total === 0 ? width : Math.min(width, Math.round((done / total) * width));
  const rate = elapsedMs > 0 ? done / (elapsedMs / 1000) : 0;
  const pct = total === 0 ? 100 : (done / total) * 100;
  const eta = rate > 0 && done < total ? `  ETA ${formatDuration((total - done) / rate)}` : '';
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}  ${pct.toFixed(1)}%  ${rate.toFixed(0)}/s${eta}  ${label}`;
}

export function progressBar(stream: NodeJS.WriteStream, { width = 30, everyMs = 100, now = () => performance.now() } = {}): ProgressBar {
  let drawn = false;
  let last = -Infinity;
  const started = now();
  return {
    update(done, total, label = '') {
      const t = now();
      if (done < total && t - last < everyMs) return;
      last = t;
      const columns = stream.columns ?? 80;
      stream.write(`\r\x1b[K${progressLine(done, total, t - started, label, width).slice(0, columns - 1)}`);
      drawn = true;
    },
    clear() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
