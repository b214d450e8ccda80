const SUFFIX = '(?:人民政府办公室|人民政府|办公室|办公厅|委员会|管委会|管理委员会|街道办事处|办事处|总局|局|厅|委|署|办|中心|院|馆|所|站|公司)';
const ORGAN_RE = new RegExp(`([\\u4e00-\\u9fa5（）()]{1,24}?${SUFFIX})`);

const clean = (s: string): string | null => {
  const t = s.trim().replace(/^[：:\s]+/, '').replace(/[\s|].*$/, '');
  if (t.length < 2 || t.length > 30) return null;
  if (/^(政府信息|信息|公开|我局|本局|我委|本机关|本单位)/.test(t)) return null;
  return t;
};

/** Organ named in a prose phrase like '2020年度华容区行政审批局政府信息公开工作…' or '2021年,区行政审批服务局在…'. */
function organInProse(text: string): string | null {
  const re = new RegExp(`(?:19|20)\\d{2}年度?[,，]?\\s*([\\u4e00-\\u9fa5]{1,24}?${SUFFIX})`, 'g');
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = re.exec(text)) && n++ < 20) {
    const o = clean(m[1]!);
    if (o && !/^(全|各|我|本|在|以|共|省|市|区|县)$/.test(o) && !/(领导|全会|工作)/.test(o)) return o;
  }
  return null;
}

/**
 * Reporting organ: the 发布机构 / 来源 field, else the title ('硚口区人民政府2021年度…' → 硚口区人民政府),
 * else the signature line above the closing date, else the first organ named after a year in the prose.
 */
export function extractOrgan(text: string, title: string | null): string | null {
  // '发布机构：…', a spaced label '发 布 机 构：…' or a metadata table cell '发布机构 | …'
  const field = /(?:发\s*布\s*机\s*构|发\s*布\s*单\s*位|来\s*源|信息来源)\s*[:：|]\s*([^\s|]{2,30})/.exec(text.slice(0, 3000));
  if (field) {
    const o = clean(field[1]!);
    if (o && ORGAN_RE.test(o)) return o;
  }
  if (title) {
    // '硚口区人民政府2021年度…', '关于…', '武汉市政府信息公开工作年度报告（2021年度）'; prefixes such as 图解： are not organs
    const t = title.replace(/^[^：:]{0,6}[：:]/, '').replace(/^[《〈“"]+/, '');
    const m = /^(.{2,30}?)(?:关于)?(?:(?:19|20)\d{2}\s*年|政府信息公开|政务公开|信息公开)/.exec(t);
    if (m) {
      let o = clean(m[1]!);
      // '武汉市政府信息公开…' is 武汉市政府's report: the 政府 went to the keyword
      if (o && /(省|市|区|县|旗|州|盟|镇|乡|街道)$/.test(o) && t.slice(m[1]!.length).startsWith('政府信息公开')) o += '政府';
      if (o && !/^(19|20)\d{2}/.test(o)) return o;
    }
  }
  const sig = signatureOrgan(text);
  if (sig) return sig;
  return organInProse(text);
}

/** The organ line just above a closing date at the end of the document. */
export function signatureOrgan(text: string): string | null {
  const ls = text.slice(-3000).split('\n').map((l) => l.trim()).filter(Boolean);
  const tail = ls.slice(-15);
  for (let i = tail.length - 1; i > 0; i--) {
    if (/^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/.test(tail[i]!)) {
      const prev = tail[i - 1]!;
      if (prev.length <= 30 && new RegExp(`${SUFFIX}$`).test(prev)) return prev;
    }
  }
  return null;
}

/**
 * '区行政审批服务局' names its place only by level (the report's own region is implied): prefix the resolved county or
 * prefecture so organs from different places stay apart. An organ that already names a place is kept as written.
 */
export function qualifyOrgan(organ: string | null, place: string | null): string | null {
  if (!organ || !place) return organ;
  const level = /^(区|县|市|旗)(?=[\u4e00-\u9fa5]{2})/.exec(organ);
  if (!level || !place.endsWith(level[1]!)) return organ;
  return place + organ.slice(1);
}
