// How much of a result the page holds. Past these, the grid pages through the result (see Engine.query).

/** A result is read whole into the page up to this many rows … */
export const IN_MEMORY_ROWS = 100_000;
/** … or this many bytes of Arrow buffers, whichever comes first. */
export const IN_MEMORY_BYTES = 24 * 1024 * 1024;

/** Rows per page fetched from a big result (DuckDB's vector size: one page is one or two chunks). */
export const PAGE_ROWS = 2_048;
/** Pages of a big result held at once; the ones farthest from the rows on screen are dropped first. */
export const MAX_PAGES = 12;
/** Bytes of pages held at once, whatever their number (wide rows make big pages). */
export const MAX_PAGE_BYTES = 32 * 1024 * 1024;
