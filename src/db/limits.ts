/** Rows of one result kept in the browser; the rest is dropped and the user told. */
export const MAX_RESULT_ROWS = 200_000;
