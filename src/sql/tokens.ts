// DuckDB's own tokens (Database.tokenize → DuckDB-WASM's tokenize()) in the shape the classifiers read. DuckDB gives
// only each token's start, in UTF-8 bytes, and its class; the text of a word is read from the SQL here.

/** DuckDB-WASM's TokenType, by number (this module imports nothing from DuckDB). */
export const TOKEN_KINDS = ['identifier', 'number', 'string', 'operator', 'keyword', 'comment'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

/** DuckDB-WASM's ScriptTokens. */
export interface ScriptTokens {
  offsets: readonly number[];
  types: readonly number[];
}

export interface Token {
  kind: TokenKind;
  /** UTF-16 offset of the token's first character in the SQL */
  start: number;
  /**
   * keyword or identifier: the name (a quoted one unquoted, case kept); operator: its first character;
   * '' for strings, numbers and comments
   */
  text: string;
  /** an identifier written in double quotes (never a keyword) */
  quoted: boolean;
}

const WORD = /[A-Za-z0-9_$\u0080-\uffff]+/y;

export function toTokens(sql: string, raw: ScriptTokens): Token[] {
  const at = charOffsets(sql);
  const out: Token[] = [];
  for (let i = 0; i < raw.offsets.length; i++) {
    const start = at(raw.offsets[i]!);
    const kind = TOKEN_KINDS[raw.types[i]!] ?? 'operator';
    let text = '';
    let quoted = false;
    if (kind === 'identifier' && sql[start] === '"') {
      quoted = true;
      text = unquote(sql, start);
    } else if (kind === 'identifier' || kind === 'keyword') {
      WORD.lastIndex = start;
      text = WORD.exec(sql)?.[0] ?? sql[start] ?? '';
    } else if (kind === 'operator') text = sql[start] ?? '';
    out.push({ kind, start, text, quoted });
  }
  return out;
}

/** Maps DuckDB's byte offsets to string offsets (identity for ASCII). */
function charOffsets(sql: string): (byte: number) => number {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(sql)) return (b) => b;
  const byByte = new Map<number, number>();
  let b = 0;
  for (let i = 0; i < sql.length; ) {
    byByte.set(b, i);
    const cp = sql.codePointAt(i)!;
    b += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += cp > 0xffff ? 2 : 1;
  }
  byByte.set(b, sql.length);
  return (x) => byByte.get(x) ?? sql.length;
}

function unquote(sql: string, start: number): string {
  let v = '';
  for (let i = start + 1; i < sql.length; i++) {
    if (sql[i] !== '"') v += sql[i];
    else if (sql[i + 1] === '"') v += sql[i++];
    else break;
  }
  return v;
}
