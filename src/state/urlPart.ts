/**
 * A piece of the view that lives in the URL (catalog facets, open report, chart…). Registered with
 * the Workbench's UrlState; its snapshot is written to the URL and restored from it.
 */
export interface UrlPart {
  readonly key: string;
  /** JSON-serialisable; undefined when at its default (then the URL leaves it out) */
  snapshot(): unknown;
  /** validates; never throws on junk (a hand-edited or old link) */
  restore(value: unknown): void;
}
