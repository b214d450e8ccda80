/**
 * Organ identity across reports, as data the SQL of report_pairs reads (src/sql/reportPairsSql.ts).
 *
 * A name is compared three ways, the first that matches wins:
 *  - exact: the name as written, without spaces and without the leading province / city / county names of the
 *    report's resolved region (武汉市硚口区人民政府 and 硚口区人民政府 in 420104 are one organ);
 *  - alias: after ALIAS_REWRITES — spellings of the same organ (人民政府 ↔ 政府, 管理委员会 ↔ 管委会 ↔ 党工委管委会,
 *    a district's 分局 of a city bureau ↔ 局). 人民政府办公室 stays apart from 人民政府: the office reports as its own
 *    organ, the government's report covers the government;
 *  - renamed: both names fall in one RENAMED group — bureaus renamed or merged by the 2018–2019 机构改革
 *    (国土资源局 → 自然资源和规划局, 环境保护局 → 生态环境局, …). A merger gives several predecessors: the pair
 *    keeps the first by id and says how many there were (n_candidates).
 */

/** [pattern (RE2, as DuckDB's regexp_replace reads it), replacement], applied in order to the place-stripped name. */
export const ALIAS_REWRITES: readonly (readonly [string, string])[] = [
  ['[（(]', '（'],
  ['[）)]', '）'],
  ['人民政府', '政府'],
  ['党工委[、，,]?管委会|党工委[、，,]?管理委员会|工委[、，,]?管委会', '管委会'],
  ['管理委员会', '管委会'],
  ['分局$', '局'],
  ['行政审批服务局$|行政审批管理局$', '行政审批局'],
  ['委员会$', '委'],
];

/**
 * Groups of names (after ALIAS_REWRITES) that one organ carried before and after 机构改革. Only whole names are
 * matched (after the place names are stripped), so 区自然资源和规划局 is not confused with a 规划局 of another kind.
 */
export const RENAMED: Readonly<Record<string, readonly string[]>> = {
  自然资源: ['国土资源局', '国土资源和规划局', '规划和国土资源局', '规划局', '城乡规划局', '规划和自然资源局', '自然资源局', '自然资源和规划局', '国土资源和房屋管理局'],
  生态环境: ['环境保护局', '环保局', '生态环境局'],
  卫生健康: ['卫生局', '卫生和计划生育局', '卫生和计划生育委', '卫生计生委', '卫生计生局', '卫生健康局', '卫生健康委', '卫生和健康委'],
  农业农村: ['农业局', '农业委', '农村工作委', '农业农村局', '农业农村委'],
  市场监管: ['工商行政管理局', '工商局', '质量技术监督局', '食品药品监督管理局', '市场和质量监督管理局', '市场监督管理局'],
  应急管理: ['安全生产监督管理局', '安监局', '应急管理局'],
  文化旅游: ['文化局', '旅游局', '文化广电新闻出版局', '文化体育广电局', '文化广电旅游局', '文化和旅游局', '文化广电和旅游局', '文化旅游广电局', '文化旅游体育局'],
  司法: ['法制办公室', '政府法制办公室', '法制办', '司法局'],
  政务服务: ['政务服务管理局', '政务服务中心', '政务服务和大数据管理局', '政务服务数据管理局', '行政审批和政务服务局'],
  林业: ['林业局', '林业和草原局', '林业和园林局'],
  粮食: ['粮食局', '粮食和物资储备局'],
  水务: ['水利局', '水务局', '水利和湖泊局', '水利水产局'],
  城市管理: ['城市管理局', '城市管理执法局', '城市管理综合执法局', '城市管理和综合执法局', '城管局', '城市管理委'],
  住房建设: ['住房和城乡建设局', '住房城乡建设局', '建设局', '住房和城乡建设委', '住房城乡建设委'],
  发展改革: ['发展和改革局', '发展和改革委', '发展改革委', '发展改革局', '发展和改革委员会'],
  科技: ['科学技术局', '科技局', '科学技术和经济信息化局', '科技和经济信息化局'],
  人社: ['人力资源和社会保障局', '人力资源社会保障局', '人社局'],
};
