// Per-class figures: the free-text `layout` of a corpus entry's sources/*.json read as a set of layout classes.
export interface SourceNote {
  file: string;
  layout?: string;
  complete?: string;
  format?: string;
}

const CLASSES: { name: string; re: RegExp }[] = [
  { name: 'pdf-text', re: /pdf-text|\bPDF\b(?!-to|.{0,20}conversion)|pdftotext/i },
  { name: 'markdown', re: /markdown|PDF-to-Markdown|machine (PDF )?conversion/i },
  { name: 'html', re: /\bhtml\b|saved page|rowspan|colspan/i },
  { name: 'word', re: /\.docx?\b|\bdocx\b|Word (document|file|export)/ },
  { name: 'crawler-glued', re: /glued|run together with no separator|no separator|crawler/i },
  { name: 'one-line-page', re: /one[- ]line|single line|whole page on one line|on one line/i },
  { name: 'traditional', re: /traditional/i },
  { name: 'pipes', re: /pipes?\b|\|/i },
  { name: 'cell-per-line', re: /cell[- ]per[- ]line|one cell per line|each cell on its own line|every cell on its own line/i },
  { name: 'tabs', re: /\btabs?\b|tab-/i },
  { name: 'header-units', re: /unit|单位/i },
  { name: 'hybrid', re: /hybrid|2019 (single )?row|2019 form.*2021|2021 form.*2019/i },
  { name: 'stacked-headers', re: /stacked|vertical header|split header|header(s)? split/i },
  { name: 'empty-cells', re: /empty cells|blank/i },
  { name: 'cut-table', re: /cut|partial|page break/i },
];

/** Classes of one file: from its layout note, its file type, and whether it is an excerpt or a whole report. */
export function layoutClasses(file: string, note: SourceNote | undefined): string[] {
  const out = new Set<string>();
  const ext = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase() ?? 'none';
  out.add(`file:.${ext}`);
  const layout = note?.layout ?? '';
  for (const c of CLASSES) if (c.re.test(layout)) out.add(c.name);
  if (note?.complete) out.add(/^\s*(whole|complete|full)/i.test(note.complete) ? 'whole-report' : 'excerpt');
  if (!note) out.add('no-source-note');
  return [...out];
}
