/** A DuckDB identifier, always quoted: column names come from users' queries. */
export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;
/** A DuckDB string literal. */
export const quoteString = (s: string): string => `'${s.replaceAll("'", "''")}'`;
/**
 * A query made ready to sit inside parentheses: trailing semicolons dropped, and a newline before the
 * closing parenthesis so that a trailing `-- comment` cannot swallow it.
 */
export const asSubquery = (sql: string): string => sql.trim().replace(/[;\s]+$/u, '');
