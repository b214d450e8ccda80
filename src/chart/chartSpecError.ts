/** A chart specification that does not fit its source's columns; the chart panel explains `code` in the UI's words. */
export class ChartSpecError extends Error {
  constructor(readonly code: 'no_x' | 'no_y' | 'unknown_column' | 'not_numeric' | 'no_measure', readonly column?: string) {
    super(column ? `${code}: ${column}` : code);
    this.name = 'ChartSpecError';
  }
}
