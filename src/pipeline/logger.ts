/** Side effects are injected so tests can pass a silent logger (observablehq/framework habit). */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/** Logs go to stderr so stdout stays free for data (JSON Lines, per-file summaries). */
export function stderrLogger({ quiet = false }: { quiet?: boolean } = {}): Logger {
  const write = (line: string) => process.stderr.write(`${line}\n`);
  return {
    info: (m) => { if (!quiet) write(m); },
    warn: (m) => { if (!quiet) write(`warning: ${m}`); },
    error: (m) => write(`error: ${m}`),
  };
}
