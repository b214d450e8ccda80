import type { ParsedReport } from '../core/schema.ts';

/** Words of site chrome: menus, breadcrumbs, share and print links, footers. */
const NAV_WORDS =
  /首页|网站首页|政务公开|信息公开|政府信息公开|新闻中心|政务服务|互动交流|公众参与|走进|联系我们|网站地图|站点地图|关于我们|无障碍|长者模式|繁体|简体|English|登录|注册|搜索|扫一扫|手机|收藏|打印|关闭|返回顶部|分享|当前位置|您的位置|版权所有|主办|承办|技术支持|网站标识码|备案|ICP|公网安备|设为首页|加入收藏|上一篇|下一篇|字号|【大 中 小】/;

/** A line of site chrome: a navigation word, a menu or breadcrumb separator, or too short to say anything. */
const isNavigation = (line: string): boolean =>
  line.length <= 6 || (NAV_WORDS.test(line) && !/[。；]/.test(line)) || /^[\s|｜>»·\-—/]*$/.test(line);

/** Characters of text that is not site chrome, below which a page says nothing. */
const MIN_CONTENT = 30;

/**
 * A page that is only site navigation (首页 | 政务公开 | 联系我们 …, breadcrumbs, footers): no template table, not a
 * report by its kind, and almost nothing besides navigation lines. Such a page is what a scraper saves when the
 * report itself sat in an attachment or a frame.
 */
export function navigationOnly(parsed: ParsedReport): { navLines: number; contentChars: number } | null {
  const r = parsed.report;
  if (parsed.cells.length > 0 || r.doc_kind === 'annual_report' || r.format !== 'none') return null;
  const lines = parsed.text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  let navLines = 0;
  let contentChars = 0;
  for (const line of lines) {
    if (isNavigation(line)) navLines++;
    else contentChars += line.length;
  }
  return navLines > 0 && contentChars < MIN_CONTENT ? { navLines, contentChars } : null;
}
