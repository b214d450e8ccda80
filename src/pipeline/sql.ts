// The build's SQL quoting is the app's (src/sql/quote.ts): one implementation.
export { ident as quoteIdent, literal as quoteLiteral } from '../sql/quote.ts';
