const HTML_NAME = /\.(s?html?|xhtml|asp|aspx|jsp|php)$/i;
const HTML_START = /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|meta|body|title)\b/i;
const COMMON_TAG = /<\/?(p|div|br|span|table|tr|td|th|li|ul|a|font|strong|b|h[1-6]|img|section|article)\b[^>]*>/gi;

/** An HTML page rather than text: by its name (.html, .shtml, .aspx…) with tags inside, its start, or many tags. */
export function looksLikeHtml(text: string, sourceFile = ''): boolean {
  const head = text.slice(0, 65536);
  if (HTML_NAME.test(sourceFile) && /<[a-z!/][^>]*>/i.test(head)) return true;
  if (HTML_START.test(head.slice(0, 4096))) return true;
  // A plain-text report may quote a tag or two; a page has dozens.
  return (head.match(COMMON_TAG)?.length ?? 0) >= 20;
}
