import type { Rng } from './rng.ts';

// Sentence bank for the narrative sections; numbers are filled in so reports reach a realistic size (10–25 KB).
const OVERALL = [
  '{organ}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，围绕中心工作，持续深化政务公开，不断提升政府工作透明度。',
  '全年通过门户网站主动公开政府信息{n1}条，其中政策文件{n2}条，工作动态{n3}条，通知公告{n4}条。',
  '严格落实政策解读“三同步”要求，全年发布政策解读材料{n2}篇，其中图文解读{n4}篇。',
  '进一步规范依申请公开办理流程，严格按照受理、登记、审核、答复、归档等环节办理，做到依法依规、按时答复。',
  '加强政府信息管理，健全公开前保密审查机制，对拟公开的政府信息逐条审核，全年未发生泄密事件。',
  '持续优化政府网站和政务新媒体，全年更新信息{n1}条，回应网民留言{n3}条，办结率100%。',
  '组织开展政务公开业务培训{n4}次，参训人员{n3}人次，工作人员业务能力进一步提升。',
  '将政务公开工作纳入年度绩效考核，明确分管领导和专职工作人员，形成主要领导亲自抓、分管领导具体抓的工作格局。',
  '围绕重点领域信息公开，及时公开财政预决算、重大建设项目、公共资源配置、社会公益事业等信息。',
  '依托政务服务大厅设置政府信息公开查阅点，为群众查阅政府信息提供便利。',
];
const PROBLEMS = [
  '一是主动公开的深度和广度有待进一步拓展，部分领域信息更新不够及时。',
  '二是政策解读形式较为单一，图解、视频等多元化解读方式运用不够。',
  '三是工作人员业务水平有待提高，依申请公开答复的规范性需要进一步加强。',
  '下一步，我们将进一步加强组织领导，完善工作机制，提升公开质量。',
  '加强业务培训，提高工作人员的政策水平和业务能力，确保政府信息公开工作依法规范开展。',
  '丰富解读形式，提高政策解读的针对性和可读性，及时回应社会关切。',
];
const OTHER = [
  '本机关未收取信息处理费。',
  '{year}年，共办理人大代表建议{n4}件、政协委员提案{n4}件，均已按期办结，办结率100%。',
  '无其他需要报告的事项。',
];

const fill = (s: string, v: Record<string, string | number>): string => s.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ''));

export function paragraphs(rng: Rng, bank: 'overall' | 'problems' | 'other', vars: Record<string, string | number>, chars: number): string[] {
  const src = bank === 'overall' ? OVERALL : bank === 'problems' ? PROBLEMS : OTHER;
  const out: string[] = [];
  let n = 0;
  while (n < chars) {
    const v = { ...vars, n1: rng.int(100, 3000), n2: rng.int(5, 200), n3: rng.int(10, 900), n4: rng.int(1, 40) };
    const p = Array.from({ length: rng.int(2, 4) }, () => fill(rng.pick(src), v)).join('');
    out.push(p);
    n += p.length;
  }
  return out;
}

export const NOISE_TOP = ['首页 > 政务公开 > 政府信息公开年报', '当前位置：首页 > 信息公开 > 年度报告', '【字体：大 中 小】'];
export const NOISE_BOTTOM = ['扫一扫在手机上查看当前页面', '收藏 打印 关闭', '主办单位：{organ} 网站标识码：{code} ICP备案号：鄂ICP备{icp}号'];
