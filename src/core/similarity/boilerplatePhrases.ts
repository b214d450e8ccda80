/**
 * Fixed sentences of the national format and of the 条例 that reports repeat word for word. They never count as
 * copied text, whatever the corpus size; the document frequencies do the same for the rest once a corpus is large
 * enough (in five seed files nothing is frequent). Headings of the six sections are skipped separately.
 */
export const BOILERPLATE_PHRASES: readonly string[] = [
  '本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条规定编制',
  '本报告根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》要求编制',
  '根据《中华人民共和国政府信息公开条例》规定',
  '本报告中所列数据的统计期限自年月日起至年月日止',
  '本报告所列数据统计期限自年月日起至年月日止',
  '本报告电子版可在门户网站查阅或下载',
  '如对本报告有任何疑问请与联系',
  '政府信息公开工作年度报告',
  '本列数据的勾稽关系为第一项加第二项之和等于第三项加第四项之和',
  '收到和处理政府信息公开申请情况',
  '政府信息公开行政复议行政诉讼情况',
  '存在的主要问题及改进情况',
  '其他需要报告的事项',
  '无其他需要报告的事项',
  '本年度未收取信息处理费',
  '依据政府信息公开信息处理费管理办法收取信息处理费的情况',
  '坚持以习近平新时代中国特色社会主义思想为指导',
  '认真贯彻落实中华人民共和国政府信息公开条例',
];
