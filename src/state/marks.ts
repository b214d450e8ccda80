/** Performance marks read by the start-up benchmark (ARCHITECTURE.md). */
export type MarkName = 'wb:shell' | 'wb:db-ready' | 'wb:data-ready' | 'wb:first-result';

export function markOnce(name: MarkName): void {
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}

/** Runs after the browser has painted what was just rendered (the frame, then a task after it). */
export function afterPaint(fn: () => void): void {
  requestAnimationFrame(() => setTimeout(fn, 0));
}

export function markAfterPaint(name: MarkName): void {
  afterPaint(() => markOnce(name));
}
