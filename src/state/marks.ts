/** Performance marks read by the start-up benchmark (ARCHITECTURE.md). */
export type MarkName = 'wb:shell' | 'wb:db-ready' | 'wb:data-ready' | 'wb:first-result';

export function markOnce(name: MarkName): void {
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}

/** Marks after the browser has painted what was just rendered. */
export function markAfterPaint(name: MarkName): void {
  requestAnimationFrame(() => setTimeout(() => markOnce(name), 0));
}
