import { DataType, type Table } from 'apache-arrow';
import type { Channel } from './chartSpec.ts';
import { normaliseColumn, type ChartData } from './chartData.ts';

/** The chart query's Arrow result as channel arrays; rows past `limit` are dropped and flagged. */
export function arrowToChartData(table: Table, channels: Partial<Record<Channel, string>>, limit: number, nullLabel: string): ChartData {
  const length = Math.min(table.numRows, limit);
  const columns: ChartData['columns'] = {};
  for (const [ch, name] of Object.entries(channels) as [Channel, string][]) {
    const vector = table.getChild(name);
    if (!vector) continue;
    const type = vector.type;
    const numeric = DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type);
    const temporal = DataType.isDate(type) || DataType.isTimestamp(type);
    let values = normaliseColumn(vector.slice(0, length), nullLabel, numeric || temporal);
    if (temporal) values = values.map((v) => (typeof v === 'number' ? new Date(v) : v));
    columns[ch] = values;
  }
  return { length, columns, truncated: table.numRows > limit };
}
