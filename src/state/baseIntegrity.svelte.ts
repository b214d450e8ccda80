import { TABLE_NAMES } from '../core/schema.ts';
import type { BaseExpectation, BaseProblem, Engine } from '../db/engine.ts';
import { guardStatement, type GuardOptions, type GuardVerdict } from '../db/guardStatement.ts';

/** Until the engine has said which views and settings to protect: the contract tables and the selection. */
const FALLBACK: GuardOptions = { protectedNames: [...TABLE_NAMES, 'selection'] };

/**
 * The data set is not the user's scratchpad. Before the user's SQL runs, guard() refuses statements that would
 * change the loaded tables, the views or the catalog's selection. After SQL that may have written, verify() checks
 * that the data set is still as loaded (a statement the guard could not see through); if not, `problems` says what
 * is wrong and restore() puts it back in one step.
 */
export class BaseIntegrity {
  problems = $state.raw<BaseProblem[]>([]);
  checking = $state(false);
  restoring = $state(false);
  /** the last restore() finished and the check after it found nothing wrong */
  restored = $state(false);
  error = $state<string | null>(null);
  /** relations user SQL may read but not change (lower case), for the schema browser's read-only mark */
  protectedNames = $state.raw<ReadonlySet<string>>(new Set(FALLBACK.protectedNames));
  private options: GuardOptions = FALLBACK;
  private token = 0;

  constructor(
    private readonly engine: () => Engine | null,
    private readonly hooks: {
      /** rows and columns of each table as it was built (the manifest) */
      expected: () => ReadonlyMap<string, BaseExpectation>;
      /** after a restore: panels that derive state from the base tables rebuild it */
      onrestored: () => Promise<void>;
    },
  ) {}

  get damaged(): boolean {
    return this.problems.length > 0;
  }

  /** Reads the protected views and the database-wide settings from the engine; until then a fallback guards. */
  async prepare(): Promise<void> {
    const engine = this.engine();
    if (!engine) return;
    this.options = await engine.guardOptions();
    this.protectedNames = new Set([...this.options.protectedNames].map((n) => n.toLowerCase()));
  }

  guard = (sql: string): GuardVerdict => guardStatement(sql, this.options);

  async verify(): Promise<void> {
    const engine = this.engine();
    if (!engine) return;
    const my = ++this.token;
    this.checking = true;
    try {
      const problems = await engine.checkBase(this.hooks.expected());
      if (my !== this.token) return;
      this.problems = problems;
      if (problems.length) this.restored = false;
    } catch (e) {
      // the check itself failing (the database detached, say) is a broken data set too
      if (my === this.token) this.problems = [{ name: e instanceof Error ? e.message : String(e), problem: 'missing' }];
    } finally {
      if (my === this.token) this.checking = false;
    }
  }

  async restore(): Promise<void> {
    const engine = this.engine();
    if (!engine || this.restoring) return;
    this.restoring = true;
    this.restored = false;
    this.error = null;
    try {
      await engine.restoreBase();
      await this.hooks.onrestored();
      await this.verify();
      this.restored = this.problems.length === 0;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      this.restoring = false;
    }
  }

  dismiss(): void {
    this.restored = false;
  }
}
