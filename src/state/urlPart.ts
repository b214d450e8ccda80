/** One piece of view state that lives in the shareable URL. */
export interface UrlPart {
  readonly key: string;
  /** JSON-serialisable; undefined when the part is in its default state */
  snapshot(): unknown;
  /** Validates; never throws on junk */
  restore(value: unknown): void;
}
