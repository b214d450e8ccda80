import { TABLE_NAMES } from '../core/schema.ts';
import type { BaseChecks, BaseExpectation, BaseProblem } from '../db/connectors.ts';
import { messageOf } from '../db/errors.ts';
import { SELECTION_TABLE } from '../sql/catalogSql.ts';
import { guardStatement, type GuardOptions, type GuardVerdict } from '../sql/guard.ts';
import type { Statement } from '../sql/statements.ts';
import { Latest } from './latest.svelte.ts';

/** Until the database has said which views and settings to protect: the contract tables and the selection. */
const FALLBACK: GuardOptions = { protectedNames: [...TABLE_NAMES, SELECTION_TABLE] };

/**
 * The data set is not the user's scratchpad. Before the user's SQL runs, guard() refuses statements that would
 * change the loaded tables, the views or the catalog's selection. After SQL that may have written, verify() checks
 * that the data set is still as loaded (a statement the guard could not see through); if not, `problems` says what
 * is wrong and restore() puts it back in one step.
 */
export class BaseIntegrity {
  readonly #check = new Latest<BaseProblem[]>();
  #restoring = $state(false);
  /** the last restore() finished and the check after it found nothing wrong */
  #restored = $state(false);
  #error = $state<string | null>(null);
  /** relations user SQL may read but not change (lower case), for the schema browser's read-only mark */
  #protectedNames = $state.raw<ReadonlySet<string>>(new Set(FALLBACK.protectedNames));
  #options: GuardOptions = FALLBACK;

  constructor(
    private readonly base: () => BaseChecks | null,
    private readonly hooks: {
      /** rows and columns of each table as it was built (the manifest) */
      expected: () => ReadonlyMap<string, BaseExpectation>;
      /** after a restore: panels that derive state from the base tables rebuild it */
      onrestored: () => Promise<void>;
    },
  ) {}

  get problems(): BaseProblem[] {
    return this.#check.value ?? [];
  }
  get checking(): boolean {
    return this.#check.running;
  }
  get restoring(): boolean {
    return this.#restoring;
  }
  get restored(): boolean {
    return this.#restored;
  }
  get error(): string | null {
    return this.#error;
  }
  get protectedNames(): ReadonlySet<string> {
    return this.#protectedNames;
  }
  get damaged(): boolean {
    return this.problems.length > 0;
  }

  /** Reads the protected views and the database-wide settings from the database; until then a fallback guards. */
  async prepare(): Promise<void> {
    const base = this.base();
    if (!base) return;
    this.#options = await base.guardOptions();
    this.#protectedNames = new Set([...this.#options.protectedNames].map((n) => n.toLowerCase()));
  }

  guard = (statements: readonly Statement[]): GuardVerdict => guardStatement(statements, this.#options);

  async verify(): Promise<void> {
    const base = this.base();
    if (!base) return;
    const outcome = await this.#check.run(async () => {
      try {
        return await base.checkBase(this.hooks.expected());
      } catch (e) {
        // the check itself failing (the database detached, say) is a broken data set too
        return [{ name: messageOf(e), problem: 'missing' as const }];
      }
    });
    if (outcome.status === 'done' && outcome.value.length) this.#restored = false;
  }

  async restore(): Promise<void> {
    const base = this.base();
    if (!base || this.#restoring) return;
    this.#restoring = true;
    this.#restored = false;
    this.#error = null;
    try {
      await base.restoreBase();
      await this.hooks.onrestored();
      await this.verify();
      this.#restored = this.problems.length === 0;
    } catch (e) {
      this.#error = messageOf(e);
    } finally {
      this.#restoring = false;
    }
  }

  dismiss(): void {
    this.#restored = false;
  }
}
