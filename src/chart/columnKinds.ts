// What a column can be used for, from its DuckDB type.

export interface SourceColumn { name: string; type: string }

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|REAL|DOUBLE|DECIMAL(\(\d+,\s*\d+\))?|INT\d*)$/i;
const TEMPORAL = /^(DATE|TIMESTAMP.*|TIMESTAMPTZ|TIME)$/i;

export const isNumericType = (type: string): boolean => NUMERIC.test(type.trim());
export const isTemporalType = (type: string): boolean => TEMPORAL.test(type.trim());
/** A whole number named like a year (report_year, 年度) is treated as time on the x axis. */
export const isYearColumn = (c: SourceColumn): boolean =>
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|INT\d*|UINTEGER|USMALLINT)$/i.test(c.type.trim()) && /year|年/i.test(c.name);
