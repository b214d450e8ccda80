/** A one-line progress bar redrawn in place; only meaningful on a TTY. */
export interface ProgressBar {
  update(done: number, total: number, label?: string): void;
  clear(): void;
}

export function progressBar(stream: NodeJS.WriteStream, width = 30): ProgressBar {
  let drawn = false;
  return {
    update(done, total, label = '') {
      const filled = total === 0 ? width : Math.round((done / total) * width);
      const columns = stream.columns ?? 80;
      const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label}`;
      stream.write(`\r\x1b[K${line.slice(0, columns - 1)}`);
      drawn = true;
    },
    clear() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
