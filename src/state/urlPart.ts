/**
 * One piece of app state that lives in the URL. The URL layer stores `snapshot()` under `key` (JSON) and calls
 * `restore()` with whatever it finds there, which may be junk typed by hand: restore validates and never throws.
 */
export interface UrlPart {
  readonly key: string;
  /** JSON-serialisable; undefined when the state is at its default (the key is then left out of the URL) */
  snapshot(): unknown;
  restore(value: unknown): void;
}
