// Pre-flight check of the user's SQL: statements that would write to the loaded data set (base tables, the views
// of views.sql, the catalog's `selection`), detach the database, or change a setting every panel shares are refused
// before they reach DuckDB. The statements and what they write come from DuckDB's own tokens (statements.ts); this
// keeps only the policy. What it cannot see is caught afterwards by the integrity check (baseIntegrity).
import { readsOnly, writeTargets, type Statement, type WriteAction, type WriteTarget } from './statements.ts';

export type GuardAction = WriteAction;

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

type Refusal = Extract<GuardVerdict, { kind: 'refuse' }>;

/** Decides whether `statements` (one script) may run. */
export function guardStatement(statements: readonly Statement[], options: GuardOptions): GuardVerdict {
  const names = new Set([...options.protectedNames].map((x) => x.toLowerCase()));
  const database = (options.database ?? 'memory').toLowerCase();
  const globalSettings = options.globalSettings ?? new Set<string>();
  const refusal = (target: WriteTarget): Refusal | null => {
    switch (target.kind) {
      case 'relation': {
        // `reports`, `main.reports`, `memory.reports`, `memory.main.reports` are ours; `temp.…` and other schemas are not
        const last = target.parts.at(-1)!;
        const prefix = target.parts.slice(0, -1);
        const ours =
          prefix.length === 0 ||
          (prefix.length === 1 && (prefix[0] === 'main' || prefix[0] === database)) ||
          (prefix.length === 2 && prefix[0] === database && prefix[1] === 'main');
        return names.has(last) && ours ? { kind: 'refuse', reason: 'relation', action: target.action, name: last } : null;
      }
      case 'database':
        return target.name === database ? { kind: 'refuse', reason: 'database', action: target.action, name: database } : null;
      case 'setting': {
        const shared = target.scope === 'GLOBAL' || (target.action === 'RESET' && target.name === 'all') || globalSettings.has(target.name);
        return shared ? { kind: 'refuse', reason: 'setting', action: target.action, name: target.name } : null;
      }
    }
  };
  for (const st of statements) {
    for (const target of writeTargets(st)) {
      const r = refusal(target);
      if (r) return r;
    }
  }
  return { kind: 'allow', writes: !readsOnly(statements) };
}
