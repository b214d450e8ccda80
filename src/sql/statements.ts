// What a script of the user's SQL does, read from DuckDB's own tokens (see tokens.ts): where its statements are,
// whether they only read, what they write to, whether the last one may run again, whether it reads the full texts.
import type { Token } from './tokens.ts';

export interface Statement {
  tokens: Token[];
  /** the statement's text, from its first token to its end (without the `;`) */
  text: string;
  start: number;
}

export type WriteAction =
  | 'DROP' | 'DELETE' | 'UPDATE' | 'INSERT' | 'TRUNCATE' | 'ALTER' | 'CREATE' | 'COPY' | 'MERGE' | 'COMMENT' | 'INDEX'
  | 'DETACH' | 'ATTACH' | 'SET' | 'RESET';

/** Something a statement changes: a relation (its name as written, lower case), a database, a setting. */
export type WriteTarget =
  | { kind: 'relation'; action: WriteAction; parts: string[] }
  | { kind: 'database'; action: 'DETACH' | 'ATTACH'; name: string }
  /** `name` is 'all' for RESET ALL; `scope` as written ('' when none) */
  | { kind: 'setting'; action: 'SET' | 'RESET'; name: string; scope: string };

/** Statements at top-level semicolons (DuckDB's tokens never split inside strings or comments); empty ones dropped. */
export function splitStatements(sql: string, tokens: readonly Token[]): Statement[] {
  const out: Statement[] = [];
  let cur: Token[] = [];
  const push = (end: number) => {
    if (!cur.length) return;
    const start = cur[0]!.start;
    out.push({ tokens: cur, text: sql.slice(start, end).trimEnd(), start });
    cur = [];
  };
  for (const tok of tokens) {
    if (tok.kind === 'operator' && tok.text === ';') push(tok.start);
    else cur.push(tok);
  }
  push(sql.length);
  return out;
}

/** A bare word (keyword or unquoted name), upper case; '' for anything else. */
const word = (t: Token | undefined): string => (t && !t.quoted && (t.kind === 'keyword' || t.kind === 'identifier') ? t.text.toUpperCase() : '');
/** A name (bare or quoted), lower case; null for anything else. */
const nameOf = (t: Token | undefined): string | null => (t && (t.kind === 'keyword' || t.kind === 'identifier') ? t.text.toLowerCase() : null);
const isOp = (t: Token | undefined, op: string): boolean => t?.kind === 'operator' && t.text === op;

/** First word of the statement, past opening parentheses. */
export function head(st: Statement): string {
  return word(st.tokens.find((t) => !isOp(t, '(')));
}

/** Statements that only read; anything else (and any of these holding a write keyword) may write. */
const READ_ONLY = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE', 'EXPLAIN', 'DESCRIBE', 'DESC', 'SHOW', 'SUMMARIZE', 'PIVOT', 'UNPIVOT', 'PIVOT_WIDER', 'PIVOT_LONGER']);
const WRITE_WORDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'DROP', 'CREATE', 'ALTER', 'TRUNCATE', 'COPY', 'MERGE', 'ATTACH', 'DETACH', 'IMPORT', 'SET', 'RESET', 'PRAGMA', 'EXECUTE', 'CALL', 'USE', 'CHECKPOINT', 'VACUUM']);

/** Every statement only reads: running the script cannot change the database. */
export function readsOnly(statements: readonly Statement[]): boolean {
  return statements.every((st) => READ_ONLY.has(head(st)) && !st.tokens.some((t) => WRITE_WORDS.has(word(t))));
}

/** Statements whose rows can be wrapped as a subquery (a chart's source). */
const QUERY_HEADS = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE', 'PIVOT', 'UNPIVOT', 'SUMMARIZE']);

/** The script is one query whose rows can be read as a subquery (charted, counted). */
export function isQuery(statements: readonly Statement[]): boolean {
  return statements.length === 1 && QUERY_HEADS.has(head(statements[0]!));
}

/** A statement of the script may have created, dropped or renamed a table or view. */
export function changesSchema(statements: readonly Statement[]): boolean {
  return statements.some((st) => ['CREATE', 'DROP', 'ALTER', 'ATTACH', 'DETACH', 'USE', 'IMPORT'].includes(head(st)));
}

/** The script names the full-text table, which is loaded only when first needed. */
export function needsTexts(tokens: readonly Token[]): boolean {
  return tokens.some((t) => nameOf(t) === 'texts');
}

const RERUN_HEADS = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE']);
/** Functions whose call changes the database (a sequence) or the session: a query calling them is not re-run. */
const SIDE_EFFECTS = new Set(['nextval', 'setval', 'setseed', 'currval']);
const NEVER_RERUN = new Set(['INSERT', 'UPDATE', 'DELETE', 'RETURNING', 'COPY', 'ATTACH', 'CHECKPOINT', 'PRAGMA', 'CALL']);

/**
 * The statement whose rows the user sees (the last one) when it may be run again without changing anything: a
 * read-only query. Earlier statements of a script already ran and are not repeated. Null when the last statement
 * writes, calls a procedure or a side-effecting function, or is not a query.
 */
export function rereadable(statements: readonly Statement[]): string | null {
  const last = statements.at(-1);
  if (!last || !RERUN_HEADS.has(head(last))) return null;
  const t = last.tokens;
  if (t.some((tok, i) => (SIDE_EFFECTS.has(nameOf(tok) ?? '') && isOp(t[i + 1], '(')) || NEVER_RERUN.has(word(tok)))) return null;
  return last.text;
}

/** What `st` writes to, by the few statement shapes that name a target. */
export function writeTargets(st: Statement): WriteTarget[] {
  const t = st.tokens;
  const first = word(t[0]);
  if (first === 'SET' || first === 'RESET') return setting(t, first);
  if (first === 'PRAGMA') {
    // PRAGMA name = value is SET name = value; PRAGMA f(…) and bare pragmas are calls
    const name = nameOf(t[1]);
    return name !== null && isOp(t[2], '=') ? [{ kind: 'setting', action: 'SET', name, scope: '' }] : [];
  }
  const out: WriteTarget[] = [];
  for (let i = 0; i < t.length; i++) {
    const target = at(t, i, word(t[i]));
    if (Array.isArray(target)) out.push(...target);
    else if (target) out.push(target);
  }
  return out;
}

function at(t: readonly Token[], i: number, kw: string): WriteTarget | WriteTarget[] | null {
  const w = (k: number) => word(t[k]);
  const rel = (k: number, action: WriteAction, dropLast = false): WriteTarget | null => {
    const { parts } = qualifiedName(t, k);
    if (dropLast) parts.pop();
    return parts.length ? { kind: 'relation', action, parts } : null;
  };
  const skip = (k: number, ...words: string[]) => {
    let j = k;
    for (const x of words) if (w(j) === x) j++;
    return j;
  };
  switch (kw) {
    case 'DROP': {
      const j = i + 1;
      if (w(j) === 'TABLE' || w(j) === 'VIEW') return rel(skip(j + 1, 'IF', 'EXISTS'), 'DROP');
      if (w(j) === 'MATERIALIZED' && w(j + 1) === 'VIEW') return rel(skip(j + 2, 'IF', 'EXISTS'), 'DROP');
      return null;
    }
    case 'DELETE':
      return w(i + 1) === 'FROM' ? rel(i + 2, 'DELETE') : null;
    case 'TRUNCATE':
      return rel(skip(i + 1, 'TABLE'), 'TRUNCATE');
    case 'UPDATE':
      // `ON CONFLICT DO UPDATE SET` names no table
      return w(i + 1) === 'SET' ? null : rel(i + 1, 'UPDATE');
    case 'INSERT': {
      let j = i + 1;
      if (w(j) === 'OR') j += 2;
      return w(j) === 'INTO' ? rel(j + 1, 'INSERT') : null;
    }
    case 'MERGE':
      return w(i + 1) === 'INTO' ? rel(i + 2, 'MERGE') : null;
    case 'ALTER':
      return w(i + 1) === 'TABLE' || w(i + 1) === 'VIEW' ? rel(skip(i + 2, 'IF', 'EXISTS'), 'ALTER') : null;
    case 'CREATE': {
      let j = skip(i + 1, 'OR', 'REPLACE');
      while (['TEMP', 'TEMPORARY', 'PERSISTENT', 'UNIQUE', 'MATERIALIZED'].includes(w(j))) j++;
      if (w(j) === 'TABLE' || w(j) === 'VIEW') return rel(skip(j + 1, 'IF', 'NOT', 'EXISTS'), 'CREATE');
      if (w(j) === 'INDEX') {
        for (let k = j + 1; k < t.length && k < j + 8; k++) if (w(k) === 'ON') return rel(k + 1, 'INDEX');
      }
      return null;
    }
    case 'COPY': {
      // COPY t [(cols)] FROM 'file' appends; COPY t TO and COPY (SELECT …) TO only read
      const { parts, end } = qualifiedName(t, i + 1);
      if (!parts.length) return null;
      let k = end;
      if (isOp(t[k], '(')) {
        for (let depth = 0; k < t.length; k++) {
          if (isOp(t[k], '(')) depth++;
          if (isOp(t[k], ')') && --depth === 0) {
            k++;
            break;
          }
        }
      }
      return w(k) === 'FROM' ? { kind: 'relation', action: 'COPY', parts } : null;
    }
    case 'COMMENT':
      if (w(i + 1) !== 'ON') return null;
      if (w(i + 2) === 'COLUMN') return rel(i + 3, 'COMMENT', true);
      return w(i + 2) === 'TABLE' || w(i + 2) === 'VIEW' ? rel(i + 3, 'COMMENT') : null;
    case 'DETACH': {
      const name = nameOf(t[skip(skip(i + 1, 'DATABASE'), 'IF', 'EXISTS')]);
      return name === null ? null : { kind: 'database', action: 'DETACH', name };
    }
    case 'ATTACH': {
      const names = t.slice(i + 1).flatMap((_, k) => (w(i + 1 + k) === 'AS' ? [nameOf(t[i + 2 + k])] : []));
      return names.filter((name) => name !== null).map((name) => ({ kind: 'database', action: 'ATTACH', name }));
    }
    default:
      return null;
  }
}

/** The (possibly qualified) name at `k`, lower case, and the index after it; PostgreSQL's `ONLY` is skipped. */
function qualifiedName(t: readonly Token[], k: number): { parts: string[]; end: number } {
  const parts: string[] = [];
  let j = k;
  if (word(t[j]) === 'ONLY' && nameOf(t[j + 1]) !== null) j++;
  while (j < t.length) {
    const name = nameOf(t[j]);
    if (name === null) break;
    parts.push(name);
    j++;
    if (isOp(t[j], '.')) j++;
    else break;
  }
  return { parts, end: j };
}

/** SET [GLOBAL|SESSION|LOCAL] name …, RESET [scope] name|ALL; SET VARIABLE is the session's own. */
function setting(t: readonly Token[], action: 'SET' | 'RESET'): WriteTarget[] {
  let j = 1;
  const scope = ['GLOBAL', 'SESSION', 'LOCAL'].includes(word(t[j])) ? word(t[j++]) : '';
  if (word(t[j]) === 'VARIABLE') return [];
  const name = nameOf(t[j]);
  return name === null ? [] : [{ kind: 'setting', action, name, scope }];
}
