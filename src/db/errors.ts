// Errors of the database lanes. No DuckDB import: state classes and tests read them without loading the engine.

export class QueryError extends Error {
  constructor(
    message: string,
    readonly sql: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'QueryError';
  }
}

export class QueryCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'QueryCancelled';
  }
}

/** A newer query, a cancel or a recovery replaced the one that threw `e`. */
export const isCancelled = (e: unknown): boolean => e instanceof Error && e.name === 'QueryCancelled';

export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
