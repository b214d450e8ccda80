// The latest of a series of runs (a query, a chart, a report opened, a refresh): running / value / error, a run token
// so that a superseded run never overwrites a newer one, and cancellation. Every state class runs its work through it.
import { isCancelled } from '../db/errors.ts';

export interface Run {
  /** a newer run started, or cancel() was called: drop whatever this run computed */
  superseded(): boolean;
  /** aborted when the run is superseded or cancelled */
  readonly signal: AbortSignal;
}

export type Outcome<T, E> =
  | { status: 'done'; value: T }
  | { status: 'failed'; error: E }
  /** a newer run or cancel() replaced this one; nothing was changed */
  | { status: 'superseded' }
  /** the work was cancelled (it threw QueryCancelled) while it was the latest */
  | { status: 'cancelled' };

export class Latest<T, E = Error> {
  #value = $state.raw<T | null>(null);
  #error = $state.raw<E | null>(null);
  #running = $state(false);
  #cancelled = $state(false);
  #token = 0;
  #abort: AbortController | null = null;

  constructor(
    /** turns what the work threw into the error shown (default: an Error) */
    private readonly toError: (e: unknown) => E = (e) => (e instanceof Error ? e : new Error(String(e))) as E,
  ) {}

  get value(): T | null {
    return this.#value;
  }
  get error(): E | null {
    return this.#error;
  }
  get running(): boolean {
    return this.#running;
  }
  /** the latest run was cancelled */
  get cancelled(): boolean {
    return this.#cancelled;
  }

  /**
   * Runs `work` as the newest run. While it is the newest: `running` is true, and its value (or error) replaces the
   * last one when it settles; the value stays on screen under a later error. Once superseded it changes nothing.
   */
  async run(work: (run: Run) => Promise<T>): Promise<Outcome<T, E>> {
    const run = this.begin();
    try {
      const value = await work(run);
      if (run.superseded()) return { status: 'superseded' };
      this.#value = value;
      return { status: 'done', value };
    } catch (e) {
      if (run.superseded()) return { status: 'superseded' };
      if (isCancelled(e)) {
        this.#cancelled = true;
        return { status: 'cancelled' };
      }
      const error = this.toError(e);
      this.#error = error;
      return { status: 'failed', error };
    } finally {
      if (!run.superseded()) this.#running = false;
    }
  }

  /** Starts a run without a value of its own (a step of a longer piece of work); see run(). */
  begin(): Run {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const my = ++this.#token;
    this.#running = true;
    this.#cancelled = false;
    this.#error = null;
    return { superseded: () => my !== this.#token, signal: abort.signal };
  }

  /** A handle on the latest run as it is now: superseded once a newer run starts (for work that joins it). */
  current(): Run {
    const my = this.#token;
    return { superseded: () => my !== this.#token, signal: this.#abort?.signal ?? new AbortController().signal };
  }

  /** Ends the latest run: it is superseded, no longer running, and marked cancelled. */
  cancel(): void {
    this.#token++;
    this.#abort?.abort();
    this.#abort = null;
    this.#running = false;
    this.#cancelled = true;
  }

  /** Forgets the value and error (and drops any run in progress). */
  reset(value: T | null = null): void {
    this.#token++;
    this.#abort?.abort();
    this.#abort = null;
    this.#running = false;
    this.#cancelled = false;
    this.#error = null;
    this.#value = value;
  }

  /** Replaces the value (the owner's own writes, such as a restored or cleared state). */
  set(value: T | null): void {
    this.#value = value;
  }
}
