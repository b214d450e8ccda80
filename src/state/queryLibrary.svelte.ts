import {
  mergeSaved, parseSavedQueriesFile, pushHistory, randomId, readHistory, readSaved, savedQueriesFile,
  type HistoryEntry, type SavedQuery,
} from './queryLibraryData.ts';

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const HISTORY_KEY = 'disclosure-workbench.history.v1';
const SAVED_KEY = 'disclosure-workbench.saved.v1';

/**
 * Query history and saved queries, kept in the browser's storage. Storage can fail (quota, private
 * mode, disabled by policy): the lists keep working in memory and the failure is shown, never thrown.
 */
export class QueryLibrary {
  #history = $state.raw<HistoryEntry[]>([]);
  #saved = $state.raw<SavedQuery[]>([]);
  /** the last storage failure, for the UI */
  #storageError = $state<string | null>(null);

  constructor(private readonly store: () => KeyValueStore) {
    this.#history = readHistory(this.read(HISTORY_KEY));
    this.#saved = readSaved(this.read(SAVED_KEY));
  }

  get history(): HistoryEntry[] {
    return this.#history;
  }
  get saved(): SavedQuery[] {
    return this.#saved;
  }
  get storageError(): string | null {
    return this.#storageError;
  }

  record(entry: HistoryEntry): void {
    this.#history = pushHistory(this.#history, entry);
    this.write(HISTORY_KEY, this.#history);
  }

  clearHistory(): void {
    this.#history = [];
    this.write(HISTORY_KEY, this.#history);
  }

  save(name: string, sql: string, now = new Date()): SavedQuery {
    const stamp = now.toISOString();
    const q: SavedQuery = { id: randomId(), name: name.trim() || sql.trim().slice(0, 40), sql, created: stamp, updated: stamp };
    this.#saved = [...this.#saved, q];
    this.write(SAVED_KEY, this.#saved);
    return q;
  }

  update(id: string, change: Partial<Pick<SavedQuery, 'name' | 'sql'>>, now = new Date()): void {
    this.#saved = this.#saved.map((q) => (q.id === id ? { ...q, ...change, name: (change.name ?? q.name).trim() || q.name, updated: now.toISOString() } : q));
    this.write(SAVED_KEY, this.#saved);
  }

  remove(id: string): void {
    this.#saved = this.#saved.filter((q) => q.id !== id);
    this.write(SAVED_KEY, this.#saved);
  }

  /** The name of a saved query with exactly this SQL. */
  nameOf(sql: string): string | null {
    const s = sql.trim();
    return this.#saved.find((q) => q.sql.trim() === s)?.name ?? null;
  }

  exportFile(): string {
    return savedQueriesFile(this.#saved);
  }

  /** Throws LibraryFileError on a file that is not an export. */
  importFile(text: string): { added: number; replaced: number } {
    const { saved, added, replaced } = mergeSaved(this.#saved, parseSavedQueriesFile(text));
    this.#saved = saved;
    this.write(SAVED_KEY, this.#saved);
    return { added, replaced };
  }

  private read(key: string): string | null {
    try {
      return this.store().getItem(key);
    } catch (e) {
      this.#storageError = describe(e);
      return null;
    }
  }

  private write(key: string, value: unknown): void {
    try {
      this.store().setItem(key, JSON.stringify(value));
      this.#storageError = null;
    } catch (e) {
      this.#storageError = describe(e);
    }
  }
}

function describe(e: unknown): string {
  if (e instanceof DOMException && (e.name === 'QuotaExceededError' || e.code === 22)) return 'quota';
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}
