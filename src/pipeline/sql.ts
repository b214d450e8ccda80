/** SQL quoting for identifiers (`end` is reserved) and string literals (file paths). */
export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;
export const quoteLiteral = (text: string): string => `'${text.replaceAll("'", "''")}'`;
