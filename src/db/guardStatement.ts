// Pre-flight check of the user's SQL: statements that would write to the loaded data set (base tables, the views
// of views.sql, the catalog's `selection`), detach the database, or change a setting every panel shares are refused
// before they reach DuckDB. DuckDB has no per-table permissions, so this is a tokeniser over DuckDB's lexical rules
// (comments, strings, quoted identifiers, several statements), not a parser: it looks for the few statement shapes
// that name a write target. What it cannot see is caught afterwards by the integrity check (baseIntegrity).

export type GuardAction =
  | 'DROP' | 'DELETE' | 'UPDATE' | 'INSERT' | 'TRUNCATE' | 'ALTER' | 'CREATE' | 'COPY' | 'MERGE' | 'COMMENT' | 'INDEX'
  | 'DETACH' | 'ATTACH' | 'SET' | 'RESET';

export type GuardVerdict =
  /** `writes`: the SQL may change the database, so check the data set once it has run */
  | { kind: 'allow'; writes: boolean }
  /** `reason` says what the statement would have touched: a protected relation, the database itself, or a shared setting */
  | { kind: 'refuse'; reason: 'relation' | 'database' | 'setting'; action: GuardAction; name: string };

export interface GuardOptions {
  /** relations in the default schema that user SQL may read but not change (compared case-insensitively) */
  readonly protectedNames: Iterable<string>;
  /** settings whose scope is the whole database (lower case); SET of these would change every panel */
  readonly globalSettings?: ReadonlySet<string>;
  /** the database the workbench's tables live in */
  readonly database?: string;
}

type Token =
  | { t: 'word'; v: string; up: string }
  | { t: 'ident'; v: string }
  | { t: 'str' }
  | { t: 'num' }
  | { t: 'punct'; v: string };

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;

/** DuckDB's lexical structure, enough to know which words are keywords and where statements end. */
export function tokenize(sql: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (/\s/.test(c)) { i++; continue; }
    if (c === '-' && next === '-') {
      while (i < n && sql[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && next === '*') {
      // DuckDB nests block comments, like PostgreSQL
      let depth = 0;
      while (i < n) {
        if (sql[i] === '/' && sql[i + 1] === '*') { depth++; i += 2; }
        else if (sql[i] === '*' && sql[i + 1] === '/') { depth--; i += 2; if (depth === 0) break; }
        else i++;
      }
      continue;
    }
    if (c === "'" || ((c === 'e' || c === 'E') && next === "'")) {
      const backslash = c !== "'";
      i += backslash ? 2 : 1;
      while (i < n) {
        if (backslash && sql[i] === '\\') { i += 2; continue; }
        if (sql[i] === "'") {
          if (sql[i + 1] === "'") { i += 2; continue; }
          i++;
          break;
        }
        i++;
      }
      out.push({ t: 'str' });
      continue;
    }
    if (c === '"') {
      let v = '';
      i++;
      while (i < n) {
        if (sql[i] === '"') {
          if (sql[i + 1] === '"') { v += '"'; i += 2; continue; }
          i++;
          break;
        }
        v += sql[i++];
      }
      out.push({ t: 'ident', v });
      continue;
    }
    if (c === '$') {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
      if (tag) {
        const end = sql.indexOf(tag[0], i + tag[0].length);
        i = end < 0 ? n : end + tag[0].length;
        out.push({ t: 'str' });
        continue;
      }
      i++;
      while (i < n && /[0-9]/.test(sql[i]!)) i++;
      out.push({ t: 'punct', v: '$' });
      continue;
    }
    if (WORD_START.test(c)) {
      let j = i + 1;
      while (j < n && WORD_PART.test(sql[j]!)) j++;
      const v = sql.slice(i, j);
      out.push({ t: 'word', v, up: v.toUpperCase() });
      i = j;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && next !== undefined && /[0-9]/.test(next))) {
      let j = i + 1;
      while (j < n && /[0-9._eE]/.test(sql[j]!)) j++;
      out.push({ t: 'num' });
      i = j;
      continue;
    }
    out.push({ t: 'punct', v: c });
    i++;
  }
  return out;
}

/** Statements as token lists, split at top-level semicolons; empty statements dropped. */
export function splitStatements(tokens: readonly Token[]): Token[][] {
  const out: Token[][] = [];
  let cur: Token[] = [];
  for (const tok of tokens) {
    if (tok.t === 'punct' && tok.v === ';') {
      if (cur.length) out.push(cur);
      cur = [];
    } else cur.push(tok);
  }
  if (cur.length) out.push(cur);
  return out;
}

/** Statements that only read. Anything else (and any of these holding a write keyword) counts as a write. */
const READ_ONLY = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE', 'EXPLAIN', 'DESCRIBE', 'DESC', 'SHOW', 'SUMMARIZE', 'PIVOT', 'UNPIVOT', 'PIVOT_WIDER', 'PIVOT_LONGER']);
const WRITE_WORDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'DROP', 'CREATE', 'ALTER', 'TRUNCATE', 'COPY', 'MERGE', 'ATTACH', 'DETACH', 'IMPORT', 'SET', 'RESET', 'PRAGMA', 'EXECUTE', 'CALL', 'USE', 'CHECKPOINT', 'VACUUM']);

/** Decides whether `sql` (one or several statements) may run. */
export function guardStatement(sql: string, options: GuardOptions): GuardVerdict {
  const g = new Guard(options);
  let writes = false;
  for (const st of splitStatements(tokenize(sql))) {
    const refusal = g.statement(st);
    if (refusal) return refusal;
    const first = st.find((t) => !(t.t === 'punct' && t.v === '('));
    const head = first?.t === 'word' ? first.up : '';
    if (!READ_ONLY.has(head) || st.some((t) => t.t === 'word' && WRITE_WORDS.has(t.up))) writes = true;
  }
  return { kind: 'allow', writes };
}

type Refusal = Extract<GuardVerdict, { kind: 'refuse' }>;

class Guard {
  private readonly names: Set<string>;
  private readonly database: string;
  private readonly globalSettings: ReadonlySet<string>;

  constructor(o: GuardOptions) {
    this.names = new Set([...o.protectedNames].map((x) => x.toLowerCase()));
    this.database = (o.database ?? 'memory').toLowerCase();
    this.globalSettings = o.globalSettings ?? new Set();
  }

  statement(st: Token[]): Refusal | null {
    const head = st[0]?.t === 'word' ? st[0].up : '';
    if (head === 'SET' || head === 'RESET') return this.setting(st, head);
    if (head === 'PRAGMA') return this.pragma(st);
    for (let i = 0; i < st.length; i++) {
      const tok = st[i]!;
      if (tok.t !== 'word') continue;
      const r = this.at(st, i, tok.up);
      if (r) return r;
    }
    return null;
  }

  /** A write keyword at `i`: the relation it targets, if that is a protected one. */
  private at(st: Token[], i: number, kw: string): Refusal | null {
    const word = (k: number) => (st[k]?.t === 'word' ? (st[k] as { up: string }).up : '');
    const rel = (k: number, action: GuardAction, dropLast = false) => this.relation(st, k, action, dropLast);
    const skip = (k: number, ...words: string[]) => {
      let j = k;
      for (const w of words) if (word(j) === w) j++;
      return j;
    };
    switch (kw) {
      case 'DROP': {
        const j = i + 1;
        if (word(j) === 'TABLE' || word(j) === 'VIEW') return rel(skip(j + 1, 'IF', 'EXISTS'), 'DROP');
        if (word(j) === 'MATERIALIZED' && word(j + 1) === 'VIEW') return rel(skip(j + 2, 'IF', 'EXISTS'), 'DROP');
        return null;
      }
      case 'DELETE':
        return word(i + 1) === 'FROM' ? rel(i + 2, 'DELETE') : null;
      case 'TRUNCATE':
        return rel(skip(i + 1, 'TABLE'), 'TRUNCATE');
      case 'UPDATE':
        // `ON CONFLICT DO UPDATE SET` names no table
        return word(i + 1) === 'SET' ? null : rel(i + 1, 'UPDATE');
      case 'INSERT': {
        let j = i + 1;
        if (word(j) === 'OR') j += 2;
        return word(j) === 'INTO' ? rel(j + 1, 'INSERT') : null;
      }
      case 'MERGE':
        return word(i + 1) === 'INTO' ? rel(i + 2, 'MERGE') : null;
      case 'ALTER':
        return word(i + 1) === 'TABLE' || word(i + 1) === 'VIEW' ? rel(skip(i + 2, 'IF', 'EXISTS'), 'ALTER') : null;
      case 'CREATE': {
        let j = skip(i + 1, 'OR', 'REPLACE');
        while (['TEMP', 'TEMPORARY', 'PERSISTENT', 'UNIQUE', 'MATERIALIZED'].includes(word(j))) j++;
        if (word(j) === 'TABLE' || word(j) === 'VIEW') return rel(skip(j + 1, 'IF', 'NOT', 'EXISTS'), 'CREATE');
        if (word(j) === 'INDEX') {
          for (let k = j + 1; k < st.length && k < j + 8; k++) if (word(k) === 'ON') return rel(k + 1, 'INDEX');
        }
        return null;
      }
      case 'COPY': {
        // COPY t [(cols)] FROM 'file' appends; COPY t TO and COPY (SELECT …) TO only read
        const { end, refusal } = this.name(st, i + 1, 'COPY');
        if (!refusal) return null;
        let k = end;
        if (st[k]?.t === 'punct' && (st[k] as { v: string }).v === '(') {
          for (let depth = 0; k < st.length; k++) {
            const p = st[k]!;
            if (p.t === 'punct' && p.v === '(') depth++;
            if (p.t === 'punct' && p.v === ')' && --depth === 0) { k++; break; }
          }
        }
        return word(k) === 'FROM' ? refusal : null;
      }
      case 'COMMENT':
        if (word(i + 1) !== 'ON') return null;
        if (word(i + 2) === 'COLUMN') return rel(i + 3, 'COMMENT', true);
        return word(i + 2) === 'TABLE' || word(i + 2) === 'VIEW' ? rel(i + 3, 'COMMENT') : null;
      case 'DETACH': {
        const j = skip(skip(i + 1, 'DATABASE'), 'IF', 'EXISTS');
        return this.isDatabase(st[j]) ? { kind: 'refuse', reason: 'database', action: 'DETACH', name: this.database } : null;
      }
      case 'ATTACH':
        for (let k = i + 1; k < st.length; k++) {
          if (word(k) === 'AS' && this.isDatabase(st[k + 1])) return { kind: 'refuse', reason: 'database', action: 'ATTACH', name: this.database };
        }
        return null;
      default:
        return null;
    }
  }

  private isDatabase(tok: Token | undefined): boolean {
    return (tok?.t === 'word' || tok?.t === 'ident') && this.text(tok).toLowerCase() === this.database;
  }

  private text(tok: Token): string {
    return tok.t === 'word' || tok.t === 'ident' ? tok.v : '';
  }

  private relation(st: Token[], k: number, action: GuardAction, dropLast: boolean): Refusal | null {
    return this.name(st, k, action, dropLast).refusal;
  }

  /**
   * The (possibly qualified) name at `k`: `reports`, `main.reports`, `memory.reports`, `memory.main.reports` are the
   * protected relation; `temp.…` or another database's or schema's relation of the same name are not.
   */
  private name(st: Token[], k: number, action: GuardAction, dropLast = false): { end: number; refusal: Refusal | null } {
    const parts: string[] = [];
    let j = k;
    // PostgreSQL's `ONLY` (no inheritance) is accepted by DuckDB: DELETE FROM ONLY t, UPDATE ONLY t, TRUNCATE ONLY t
    const only = st[j];
    if (only?.t === 'word' && only.up === 'ONLY' && (st[j + 1]?.t === 'word' || st[j + 1]?.t === 'ident')) j++;
    while (j < st.length) {
      const tok = st[j]!;
      if (tok.t !== 'word' && tok.t !== 'ident') break;
      parts.push(this.text(tok).toLowerCase());
      j++;
      if (st[j]?.t === 'punct' && (st[j] as { v: string }).v === '.') j++;
      else break;
    }
    if (dropLast) parts.pop();
    const last = parts.at(-1);
    if (last === undefined || !this.names.has(last)) return { end: j, refusal: null };
    const prefix = parts.slice(0, -1);
    const ours =
      prefix.length === 0 ||
      (prefix.length === 1 && (prefix[0] === 'main' || prefix[0] === this.database)) ||
      (prefix.length === 2 && prefix[0] === this.database && prefix[1] === 'main');
    return { end: j, refusal: ours ? { kind: 'refuse', reason: 'relation', action, name: last } : null };
  }

  /** SET [GLOBAL|SESSION|LOCAL] name …, RESET [scope] name|ALL; SET VARIABLE is the session's own. */
  private setting(st: Token[], head: 'SET' | 'RESET'): Refusal | null {
    let j = 1;
    const w = (k: number) => (st[k]?.t === 'word' ? (st[k] as { up: string }).up : '');
    const scope = ['GLOBAL', 'SESSION', 'LOCAL'].includes(w(j)) ? w(j++) : '';
    if (w(j) === 'VARIABLE') return null;
    const tok = st[j];
    if (!tok || (tok.t !== 'word' && tok.t !== 'ident')) return null;
    const name = this.text(tok).toLowerCase();
    if (scope === 'GLOBAL' || (head === 'RESET' && name === 'all') || this.globalSettings.has(name)) {
      return { kind: 'refuse', reason: 'setting', action: head, name };
    }
    return null;
  }

  /** PRAGMA name = value is SET name = value; PRAGMA f(…) and bare pragmas are calls. */
  private pragma(st: Token[]): Refusal | null {
    const tok = st[1];
    const eq = st[2];
    if (!tok || tok.t !== 'word' || eq?.t !== 'punct' || eq.v !== '=') return null;
    const name = tok.v.toLowerCase();
    return this.globalSettings.has(name) ? { kind: 'refuse', reason: 'setting', action: 'SET', name } : null;
  }
}
