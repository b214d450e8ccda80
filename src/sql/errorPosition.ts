export interface DuckDbErrorInfo {
  /** "Parser Error: syntax error at or near "FORM"" */
  headline: string;
  /** the whole message as DuckDB words it, with the LINE/caret lines when present */
  message: string;
  /** character offset in the SQL the message points at, or null */
  position: number | null;
}

/**
 * DuckDB-WASM reports errors as JSON ({exception_type, exception_message, position}); native DuckDB
 * and older builds as text with a `LINE n:` line and a caret under the offending token. Both become
 * one shape here so the editor can mark the place.
 */
export function parseDuckDbError(raw: string, sql: string): DuckDbErrorInfo {
  const json = tryJson(raw);
  if (json && typeof json.exception_message === 'string') {
    const type = typeof json.exception_type === 'string' ? json.exception_type : 'Error';
    const message = `${type} Error: ${json.exception_message}`;
    const pos = Number(json.position);
    const position = Number.isInteger(pos) && pos >= 0 && pos <= sql.length ? pos : errorPosition(message, sql);
    return { headline: errorHeadline(message), message, position };
  }
  return { headline: errorHeadline(raw), message: raw, position: errorPosition(raw, sql) };
}

function tryJson(s: string): Record<string, unknown> | null {
  const t = s.trim();
  if (!t.startsWith('{')) return null;
  try {
    const v: unknown = JSON.parse(t);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Offset of the caret under DuckDB's `LINE n: <text>` line, or null when there is none. */
export function errorPosition(message: string, sql: string): number | null {
  const lines = message.split('\n');
  const i = lines.findIndex((l) => /^LINE \d+:/.test(l));
  if (i < 0) return null;
  const head = /^LINE (\d+): ?/.exec(lines[i]!)!;
  const caret = (lines[i + 1] ?? '').indexOf('^');
  if (caret < 0) return null;
  const lineNo = Number(head[1]);
  const sqlLines = sql.split('\n');
  const target = sqlLines[lineNo - 1];
  const col = caret - head[0].length;
  if (target === undefined || col < 0) return null;
  // DuckDB shortens long lines to "...<window>"; find the window in the SQL line to map the caret back.
  const echoed = lines[i]!.slice(head[0].length);
  let colInLine = col;
  if (echoed.startsWith('...')) {
    const at = target.indexOf(echoed.slice(3, 23));
    if (at >= 0) colInLine = at + (col - 3);
  }
  colInLine = Math.min(Math.max(colInLine, 0), target.length);
  let offset = 0;
  for (let k = 0; k < lineNo - 1; k++) offset += sqlLines[k]!.length + 1;
  return offset + colInLine;
}

/** The first line of a DuckDB error, without the position lines, for compact display. */
export function errorHeadline(message: string): string {
  return message.split('\n')[0]!.trim();
}
