const TITLE_WORDS = /(年度报告|工作报告|工作总结|年报|年度总结)/;

const lines = (text: string, max: number): string[] =>
  text.slice(0, 4000).split('\n').map((l) => l.trim()).filter((l) => l.length > 0).slice(0, max);

/**
 * The document's own title: the first short heading line among the first lines that names the report
 * (年度报告/工作报告/工作总结…). A title split over two lines ('硚口区人民政府2021年度' + '政府信息公开工作年度报告')
 * is joined. Returns null when there is none (the caller synthesises one).
 */
export function extractTitle(text: string): string | null {
  const ls = lines(text, 12);
  for (let i = 0; i < ls.length; i++) {
    const l = ls[i]!.replace(/^[-*#\s]+/, '');
    if (!TITLE_WORDS.test(l) || l.length > 60 || l.length < 6) continue;
    // a short lead-in such as 图解： or 解读： belongs to the title; a colon later in the line is a field or a sentence
    if (/[。；;，,]/.test(l) || /[:：]/.test(l.slice(6)) || /^(现将|根据|按照|为)/.test(l) || /^[一二三四五六七八九十]、/.test(l)) continue;
    // breadcrumbs name the site's column (首页 > 政务公开 > 政府信息公开年报), not the document
    if (/[>»]|当前位置|首页/.test(l)) continue;
    const prev = i > 0 ? ls[i - 1]!.replace(/^[-*#\s]+/, '') : '';
    if (prev && prev.length <= 30 && /(年度|年)$/.test(prev) && !/[。：:，,]/.test(prev)) return prev + l;
    return l;
  }
  return null;
}

/** A stand-in title for documents without one: organ + year + the usual wording of the document kind. */
export function synthesizeTitle(organ: string | null, year: number | null, kind: 'annual_report' | 'work_summary' | 'other'): string | null {
  if (!organ && !year) return null;
  const y = year ? `${year}年` : '';
  if (kind === 'work_summary') return `${organ ?? ''}${y}工作总结`;
  return `${organ ?? ''}${year ? `${year}年度` : ''}政府信息公开工作年度报告`;
}
