// Quoting for DuckDB: the one place SQL text is made from names and values.

/** An identifier, always quoted: names come from users' queries and files. */
export const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** A string literal. */
export const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** A name as a person would type it: bare when it is a plain (dotted) name, quoted otherwise. */
export const typedIdent = (name: string): string => (/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(name) ? name : ident(name));

/** The query without trailing semicolons and whitespace, so that it can be nested as a subquery. */
export const stripStatementEnd = (sql: string): string => sql.replace(/[\s;]+$/u, '');

/** `sql` as a subquery; the newline before `)` keeps a trailing `-- comment` from swallowing it. */
export const subquery = (sql: string): string => `(\n${stripStatementEnd(sql)}\n)`;
