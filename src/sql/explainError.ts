// What went wrong with a query, by class, so the UI can add a short explanation (zh/en) beside DuckDB's own words.
// Pure: reads DuckDB's message text (as parseDuckDbError shapes it), no DuckDB, no DOM.

export type ErrorKind =
  | 'syntax'
  | 'unknown_column'
  | 'no_matching_function'
  | 'binder'
  | 'unknown_table'
  | 'unknown_function'
  | 'missing_extension'
  | 'already_exists'
  | 'catalog'
  | 'conversion'
  | 'out_of_range'
  | 'invalid_input'
  | 'out_of_memory'
  | 'interrupt'
  | 'constraint'
  | 'permission'
  | 'not_implemented'
  | 'io'
  /** DuckDB invalidated the database after an internal or fatal error */
  | 'fatal'
  /** the WebAssembly engine itself failed (heap exhausted, trap): its state is lost */
  | 'crash'
  | 'other';

export interface ErrorExplanation {
  kind: ErrorKind;
  /** DuckDB's exception class as written ("Binder", "Out of Range"), null when the message has none */
  type: string | null;
  /** what DuckDB could not find or use: a column, table, function or extension name */
  subject: string | null;
  /** names DuckDB suggests instead ("Candidate bindings", "Did you mean") */
  candidates: string[];
  /** the database can no longer answer queries: it must be re-initialised */
  fatal: boolean;
}

/**
 * Messages of a WebAssembly trap or of an engine left broken by one (measured in duckdb-wasm 1.32:
 * `repeat('x', 3500000000)` answers "memory access out of bounds", every later query the same or
 * "table index is out of bounds"). They carry no "<Type> Error:" prefix.
 */
const CRASH = /memory access out of bounds|table index is out of bounds|\bunreachable\b|RuntimeError|Aborted\(|out of memory \(wasm\)|call stack size exceeded|worker (?:crashed|terminated|stopped)|null function or function signature mismatch/i;

/** `Binder Error: …` → Binder; `Out of Range Error: …` → Out of Range; `INTERNAL Error: …` → INTERNAL */
const TYPE = /^([A-Za-z][A-Za-z ]*?) Error: /;

export function explainError(message: string): ErrorExplanation {
  const type = TYPE.exec(message)?.[1] ?? null;
  const kind = classify(type, message);
  return {
    kind,
    type,
    subject: subjectOf(kind, message),
    candidates: candidatesOf(message),
    fatal: kind === 'fatal' || kind === 'crash',
  };
}

function classify(type: string | null, message: string): ErrorKind {
  if (type === null) return CRASH.test(message) ? 'crash' : 'other';
  if (/database has been invalidated/i.test(message)) return 'fatal';
  switch (type.toLowerCase()) {
    case 'parser':
    case 'syntax':
      return 'syntax';
    case 'binder':
      if (/Referenced column .* not found|column .* (?:not found|does not exist)|Values list "[^"]*" does not have a column named/i.test(message)) return 'unknown_column';
      if (/No function matches|Could not choose a best candidate function/i.test(message)) return 'no_matching_function';
      return 'binder';
    case 'catalog':
      if (/exists in the \w+ extension|extension/i.test(message)) return 'missing_extension';
      if (/already exists/i.test(message)) return 'already_exists';
      if (/^Catalog Error: (?:Table|View|Table Function|Schema) with name .* does not exist/.test(message)) return 'unknown_table';
      if (/Function with name .* does not exist/i.test(message)) return 'unknown_function';
      return 'catalog';
    case 'missing extension':
      return 'missing_extension';
    case 'conversion':
    case 'mismatch type':
    case 'type':
      return 'conversion';
    case 'out of range':
    case 'decimal':
      return 'out_of_range';
    case 'invalid input':
      return 'invalid_input';
    case 'out of memory':
      return 'out_of_memory';
    case 'interrupt':
      return 'interrupt';
    case 'constraint':
      return 'constraint';
    case 'permission':
      return 'permission';
    case 'not implemented':
      return 'not_implemented';
    case 'io':
    case 'http':
      return 'io';
    case 'internal':
    case 'fatal':
      return 'fatal';
    default:
      return CRASH.test(message) ? 'crash' : 'other';
  }
}

function subjectOf(kind: ErrorKind, message: string): string | null {
  const first = message.split('\n')[0]!;
  const patterns: Partial<Record<ErrorKind, RegExp>> = {
    unknown_column: /column "([^"]+)"|column ([^\s"]+) (?:not found|does not exist)|column named "([^"]+)"/i,
    unknown_table: /with name "?([^\s"]+?)"? does not exist/,
    unknown_function: /Function with name "?([^\s"]+?)"? does not exist/i,
    missing_extension: /exists in the (\w+) extension|extension "?(\w+)"?/i,
    already_exists: /with name "?([^\s"]+?)"? already exists/i,
    conversion: /Could not convert string '([^']*)'|value out of range: "([^"]*)"|Unimplemented type for cast \(([^)]*)\)/,
  };
  const re = patterns[kind];
  const m = re?.exec(kind === 'missing_extension' ? message : first);
  return m ? (m.slice(1).find((g) => g !== undefined) ?? null) : null;
}

/** Names in DuckDB's "Candidate bindings: "a", "b"" or "Did you mean "x"?" lines, in its order, without repeats. */
function candidatesOf(message: string): string[] {
  const line = /^(?:Candidate bindings|Did you mean)\b:?\s*(.*)$/im.exec(message)?.[1];
  if (!line) return [];
  const names = [...line.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
  return [...new Set(names)];
}
