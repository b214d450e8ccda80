/** What converting a page to text removed (for the `html_stripped` diagnostic). */
export interface HtmlToText {
  text: string;
  scripts: number;
  styles: number;
  /** on…= attributes (onclick, onerror, onload…) */
  handlers: number;
  /** tags removed, scripts and styles not counted */
  tags: number;
}

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

/** Elements whose content is never text of the page. */
const DROPPED = /<(script|style|noscript|template|svg|head|iframe|object|textarea|select)\b[^<>]{0,2000}>[\s\S]*?(<\/\1\s*>|$)/gi;
const BLOCK = /^(p|div|br|hr|h[1-6]|li|ul|ol|dl|dt|dd|table|thead|tbody|tfoot|caption|section|article|header|footer|nav|aside|main|blockquote|form|fieldset|figure|figcaption|address|center|title|body|html)$/i;
// Bounded, and an unquoted '<' ends the attempt: text full of '<a b' without any '>' must not cost n² steps.
const TAG = /<(\/?)([a-z][a-z0-9:-]*)\b((?:[^<>"']|"[^"]{0,1000}"|'[^']{0,1000}'){0,2000})>|<![^<>]{0,2000}>|<\?[^<>]{0,2000}>/gi;
const HANDLER = /(?:^|[\s"'/])on[a-z]+\s*=/gi;

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009',
  middot: '·', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', hellip: '…', times: '×',
  divide: '÷', yen: '¥', copy: '©', reg: '®', deg: '°', plusmn: '±', laquo: '«', raquo: '»', bull: '•',
};

/** &lt; &#60; &#x3c; and the common named entities; unknown names stay as written. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});?/g, (whole, e: string) => {
    if (e[0] !== '#') return NAMED[e.toLowerCase()] ?? whole;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    const bad = code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff);
    return bad ? '\ufffd' : String.fromCodePoint(code);
  });
}

/**
 * The text of an HTML page as a reader sees it: scripts, styles and other non-text elements dropped with their
 * content, tags removed (block elements become line breaks, table cells ` | ` so rows read as pipe rows),
 * whitespace collapsed except inside <pre>, entities decoded last — so `&lt;script&gt;` written in the page
 * stays the text "<script>" and is never taken for a tag.
 */
export function htmlToText(html: string): HtmlToText {
  const out = { scripts: 0, styles: 0, handlers: 0, tags: 0 };
  const countHandlers = (attrs: string) => {
    out.handlers += attrs.match(HANDLER)?.length ?? 0;
  };
  let s = html.replace(/<!--[\s\S]*?(-->|$)/g, ' ');
  s = s.replace(DROPPED, (whole, name: string) => {
    if (name.toLowerCase() === 'script') out.scripts++;
    else if (name.toLowerCase() === 'style') out.styles++;
    // scripts and styles inside <head> count too
    out.scripts += name.toLowerCase() === 'head' ? (whole.match(/<script\b/gi)?.length ?? 0) : 0;
    out.styles += name.toLowerCase() === 'head' ? (whole.match(/<style\b/gi)?.length ?? 0) : 0;
    countHandlers(whole.slice(0, whole.indexOf('>') + 1));
    return ' ';
  });
  const parts = s.split(/(<pre\b[^>]*>[\s\S]*?(?:<\/pre\s*>|$))/i);
  const text = parts
    .map((part, i) => {
      const pre = i % 2 === 1;
      const flat = pre ? part : part.replace(/[ \t\r\n\f]+/g, ' ');
      const stripped = flat.replace(TAG, (_whole, close: string, name: string | undefined, attrs: string | undefined) => {
        out.tags++;
        if (attrs) countHandlers(attrs);
        if (!name) return '';
        const n = name.toLowerCase();
        if (n === 'pre') return '\n';
        if (n === 'td' || n === 'th') return close ? '' : ' | ';
        if (n === 'tr') return close ? ' |\n' : '\n';
        return BLOCK.test(n) ? '\n' : '';
      });
      const decoded = decodeEntities(stripped);
      return pre ? `\n${decoded}\n` : decoded.replace(/[ \t\u00a0]*\n[ \t\u00a0]*/g, '\n');
    })
    .join('');
  // block tags leave runs of breaks; a page draws no empty lines between paragraphs
  return { text: text.replace(/\n{2,}/g, '\n').replace(/^\s+|\s+$/g, ''), ...out };
}
