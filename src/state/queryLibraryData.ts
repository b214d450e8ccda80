// Query history and saved queries as plain data: pure functions, tested without a browser.

export const HISTORY_LIMIT = 100;

export interface HistoryEntry {
  sql: string;
  /** ISO time the run finished */
  at: string;
  /** rows returned; null when the run failed */
  rows: number | null;
  ms: number;
  error: string | null;
}

export interface SavedQuery {
  id: string;
  name: string;
  sql: string;
  created: string;
  updated: string;
}

/** Newest first, at most HISTORY_LIMIT. */
export function pushHistory(history: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  return [entry, ...history].slice(0, HISTORY_LIMIT);
}

/** Entries whose SQL contains every word of `query` (case-insensitive). */
export function filterHistory(history: readonly HistoryEntry[], query: string): HistoryEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [...history];
  return history.filter((h) => {
    const s = h.sql.toLowerCase();
    return words.every((w) => s.includes(w));
  });
}

export function filterSaved(saved: readonly SavedQuery[], query: string): SavedQuery[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return saved.filter((q) => {
    const s = `${q.name}\n${q.sql}`.toLowerCase();
    return words.every((w) => s.includes(w));
  });
}

const isStr = (v: unknown): v is string => typeof v === 'string';

/** Stored history, keeping only well-formed entries (storage may hold anything). */
export function readHistory(json: string | null): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  for (const h of safeArray(json)) {
    if (!h || !isStr(h.sql) || !isStr(h.at) || typeof h.ms !== 'number' || !(h.rows === null || typeof h.rows === 'number')) continue;
    out.push({ sql: h.sql, at: h.at, rows: h.rows, ms: h.ms, error: isStr(h.error) ? h.error : null });
  }
  return out.slice(0, HISTORY_LIMIT);
}

export function readSaved(json: string | null): SavedQuery[] {
  return (safeArray(json) as unknown[]).filter(isSavedQuery);
}

function isSavedQuery(q: unknown): q is SavedQuery {
  const o = q as Record<string, unknown> | null;
  return !!o && isStr(o.id) && isStr(o.name) && isStr(o.sql) && isStr(o.created) && isStr(o.updated);
}

function safeArray(json: string | null): Record<string, unknown>[] {
  if (!json) return [];
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

const FILE_KIND = 'disclosure-workbench-saved-queries';

export function savedQueriesFile(saved: readonly SavedQuery[], now = new Date()): string {
  return JSON.stringify({ kind: FILE_KIND, version: 1, exported: now.toISOString(), queries: saved }, null, 2) + '\n';
}

export class LibraryFileError extends Error {
  override name = 'LibraryFileError';
}

/** Queries from an exported file. Also takes a bare array, or entries with only name and sql. */
export function parseSavedQueriesFile(text: string, now = new Date(), newId: () => string = randomId): SavedQuery[] {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new LibraryFileError('not JSON', { cause: e });
  }
  const list = Array.isArray(v) ? v : (v as { kind?: unknown; queries?: unknown } | null)?.kind === FILE_KIND ? (v as { queries: unknown }).queries : null;
  if (!Array.isArray(list)) throw new LibraryFileError('not a saved-queries file');
  const stamp = now.toISOString();
  return list
    .filter((q): q is Record<string, unknown> => !!q && isStr((q as Record<string, unknown>).name) && isStr((q as Record<string, unknown>).sql))
    .map((q) => ({
      id: isStr(q.id) ? q.id : newId(),
      name: (q.name as string).trim() || 'query',
      sql: q.sql as string,
      created: isStr(q.created) ? q.created : stamp,
      updated: isStr(q.updated) ? q.updated : stamp,
    }));
}

/** Imported queries replace those with the same id, or the same name and SQL; the others are added. */
export function mergeSaved(current: readonly SavedQuery[], incoming: readonly SavedQuery[]): { saved: SavedQuery[]; added: number; replaced: number } {
  const saved = [...current];
  let added = 0;
  let replaced = 0;
  for (const q of incoming) {
    const i = saved.findIndex((s) => s.id === q.id || (s.name === q.name && s.sql === q.sql));
    if (i >= 0) {
      saved[i] = { ...q, id: saved[i]!.id };
      replaced++;
    } else {
      saved.push(q);
      added++;
    }
  }
  return { saved, added, replaced };
}

export function randomId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
